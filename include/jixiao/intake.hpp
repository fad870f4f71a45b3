#pragma once
// Word-processor files other than .docx — Word 97-2003 (.doc, and WPS Writer's .wps, the same
// container), OpenDocument text (.odt) and RTF — converted to .docx, and spreadsheets other than
// .xlsx — Excel 97-2003 (.xls, and WPS 表格's .et), OpenDocument (.ods) — converted to .xlsx, by
// LibreOffice run headless, then read like any .docx or .xlsx. LibreOffice is needed only for them.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "jixiao/error.hpp"
#include "jixiao/file_kind.hpp"

namespace jixiao {

// The kind a name suggests, for converting ahead of reading (.doc .wps .odt .rtf .xls .et .ods);
// what a file is comes from its content (src/intake/sniff.hpp), never from this.
std::optional<FileKind> legacy_extension(const std::string& path);

struct ConverterOptions {
  std::string soffice;        // default "": $JIXIAO_SOFFICE, else soffice or libreoffice on PATH
  int timeout_seconds = 120;  // default 120: the longest one file may take
  std::string keep_dir;       // default "": converted files are removed at the end
  int processes = 1;          // default 1: soffice processes run side by side
};

// Converts with LibreOffice (`soffice --headless --convert-to docx|xlsx`): each soffice process has
// its own temporary profile, converts many files in one run, and is killed with its children
// when one file takes longer than the limit (that file fails, the others go on). Everything it
// makes lives in one scratch folder, removed when the converter ends (or the run is
// interrupted). Thread-safe.
class Converter {
public:
  explicit Converter(ConverterOptions options);
  ~Converter();
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;

  // Starts converting these files (path, format) ahead of their being asked for, spread over the
  // processes allowed, in the order given.
  void prefetch(const std::vector<std::pair<std::string, FileKind>>& files);

  struct Result {
    std::vector<std::uint8_t> bytes;  // the converted .docx or .xlsx
    std::string converter;           // "LibreOffice 7.4"
  };
  // The .docx or .xlsx for `path` (whose bytes are `bytes`): waits for its prefetched conversion, or
  // converts it now. An error names why it could not be converted.
  Expected<Result> convert(const std::string& path, const std::vector<std::uint8_t>& bytes, FileKind format);

private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace jixiao
