#pragma once
// `jixiao convert` as a library call: inputs in, one output (or one per input) out, every
// unreadable input reported without stopping the others.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "jixiao/batch.hpp"
#include "jixiao/error.hpp"
#include "jixiao/read_options.hpp"
#include "jixiao/tables.hpp"

namespace jixiao {

struct FileFailure {
  std::string path;
  Error error;
};

enum class OutputFormat { json, ndjson, csv, xlsx, docx };
enum class TableChoice { indicators, projects };

struct ConvertOptions {
  OutputFormat format = OutputFormat::json;        // default json
  Lang lang = Lang::zh;                             // of warnings and findings
  TableChoice table = TableChoice::indicators;      // csv: which table (default indicators)
  CsvEncoding encoding = CsvEncoding::utf8_bom;     // csv: default UTF-8 with a BOM
  HeaderLang headers = HeaderLang::zh;              // csv, xlsx: default Chinese headers
  bool with_findings = false;                       // xlsx: add the sheet 问题 from `check`
  bool with_contacts = false;                       // csv, xlsx: 项目负责人 and 联系电话 (personal data)
  bool fix = false;                                 // apply the fixable rules' fixes first
  int jobs = 0;                                     // reading threads; default 0: the cores
  bool progress = false;                            // progress on stderr
  ReadOptions read;
};

// Standard output, or a file written through a temporary renamed into place on commit(), so
// that a failed run never leaves a half-written file under the final name. A path that exists
// and is not a regular file (a pipe, /dev/stdout, /dev/null) is written directly.
class Output {
public:
  static Expected<std::unique_ptr<Output>> open(const std::string& path);  // "" = stdout
  ~Output();  // uncommitted: the temporary is removed
  bool write(const std::string& bytes);
  // Everything written: the file is flushed to disk and closed (an output waiting to be
  // committed holds no descriptor). commit() does it too.
  std::optional<Error> close();
  // Renamed into place (a file), or nothing more to do (standard output, a pipe).
  // `one_of_many`: one of a run's several outputs, removed again if the run is interrupted before
  // interrupt::keep_outputs() (so that an interrupted run leaves none of them, not some).
  std::optional<Error> commit(bool one_of_many = false);

private:
  Output() = default;
  std::string path_, temp_;
  int fd_ = -1;
  bool failed_ = false, committed_ = false;
};

struct ConvertSummary {
  std::size_t files = 0, converted = 0;
  std::vector<FileFailure> failures;  // in input order
  bool wrote = false;                 // something was written (commit it)
  double seconds = 0;
};

// Into one output. JSON: one input file gives a "jixiao.document/1", anything else one
// "jixiao.batch/1" (streamed as documents arrive). NDJSON: a document per line. CSV and XLSX:
// all rows of every readable input in one table, the source file as a column.
ConvertSummary convert(const std::vector<std::string>& arguments, const ConvertOptions& options,
                       Output& out);

// One output per input in `dir`, mirroring each input's path below the folder it was found in.
ConvertSummary convert_each(const std::vector<std::string>& arguments,
                            const ConvertOptions& options, const std::string& dir);

// The closing summary: files read, converted, failed (each with its reason), time taken.
std::string convert_summary(const ConvertSummary& summary, Lang lang);

// Writes `data` whole or not at all (through Output).
std::optional<Error> write_output(const std::string& path, const std::string& data);

// An error when `output` names one of the inputs (the same file, by device and inode): an
// input is never overwritten.
std::optional<Error> refuse_overwriting_input(const std::string& output,
                                              const std::vector<std::string>& inputs);

}  // namespace jixiao
