#pragma once
// `jixiao convert` as a library call: inputs in, the output text and each unreadable input out.
#include <optional>
#include <string>
#include <vector>

#include "jixiao/error.hpp"
#include "jixiao/pipeline.hpp"
#include "jixiao/tables.hpp"

namespace jixiao {

struct FileFailure {
  std::string path;
  Error error;
};

struct ConvertResult {
  std::optional<std::string> output;  // nothing when no input could be read
  std::vector<FileFailure> failures;  // in input order
};

enum class OutputFormat { json, csv, xlsx };
enum class TableChoice { indicators, projects };

struct ConvertOptions {
  OutputFormat format = OutputFormat::json;        // default json
  Lang lang = Lang::zh;                             // of warnings and findings
  TableChoice table = TableChoice::indicators;      // csv: which table (default indicators)
  CsvEncoding encoding = CsvEncoding::utf8_bom;     // csv: default UTF-8 with a BOM
  HeaderLang headers = HeaderLang::zh;              // csv, xlsx: default Chinese headers
  bool with_findings = false;                       // xlsx: add the sheet 问题 from `check`
  ReadOptions read;
};

// JSON: one input gives a "jixiao.document/1", several one "jixiao.batch/1". CSV and XLSX: all
// rows of every readable input in one table, with the source file as a column. Inputs in the
// order given; an unreadable input never stops the others.
ConvertResult convert(const std::vector<std::string>& inputs, const ConvertOptions& options);

// Writes `data` to `path` through a temporary file renamed into place, so that a failed run
// never leaves a half-written file under the final name. A path that exists and is not a
// regular file (a pipe, /dev/stdout, /dev/null) is written directly.
std::optional<Error> write_output(const std::string& path, const std::string& data);

// An error when `output` names one of the inputs (the same file, by device and inode): an
// input is never overwritten.
std::optional<Error> refuse_overwriting_input(const std::string& output,
                                              const std::vector<std::string>& inputs);

}  // namespace jixiao
