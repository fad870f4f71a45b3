#pragma once
// `jixiao convert` as a library call: inputs in, the output text and each unreadable input out.
#include <optional>
#include <string>
#include <vector>

#include "jixiao/error.hpp"
#include "jixiao/pipeline.hpp"

namespace jixiao {

struct FileFailure {
  std::string path;
  Error error;
};

struct ConvertResult {
  std::optional<std::string> output;  // nothing when no input could be read
  std::vector<FileFailure> failures;  // in input order
};

// One input gives a "jixiao.document/1"; several give one "jixiao.batch/1" of the readable
// ones, in input order. An unreadable input never stops the others.
ConvertResult convert_to_json(const std::vector<std::string>& inputs, Lang lang,
                              const ReadOptions& options = {});

// Writes `data` to `path` through a temporary file renamed into place, so that a failed run
// never leaves a half-written file under the final name. A path that exists and is not a
// regular file (a pipe, /dev/stdout, /dev/null) is written directly.
std::optional<Error> write_output(const std::string& path, const std::string& data);

}  // namespace jixiao
