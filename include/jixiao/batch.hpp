#pragma once
// Many documents in one run: inputs expanded from folders, read in parallel, handed on in
// input order so that the output does not depend on the number of threads.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "jixiao/error.hpp"
#include "jixiao/model.hpp"
#include "jixiao/read_options.hpp"

namespace jixiao {

struct InputItem {
  std::string path;      // as given or found; "-" is standard input
  std::string relative;  // below the folder it was found in (or its file name): for -o DIR/
};

struct ExpandedInputs {
  std::vector<InputItem> items;
  std::vector<std::pair<std::string, Error>> failures;  // arguments that name nothing readable
  bool single_file = false;  // exactly one argument, and it is a file
};

// Files stay in the order given; a folder is searched recursively for .docx and .xlsx and what
// LibreOffice converts (skipping hidden entries, Word's ~$ lock files and workbooks jixiao wrote),
// its files sorted by path. Chinese names work as given.
ExpandedInputs expand_inputs(const std::vector<std::string>& arguments);

// Reads every item with `jobs` threads (0: the machine's cores) and calls `sink` for each in
// item order, one call at a time (from the calling thread with one job; with more, from the
// reading threads in turn). At most a few documents per thread are held at once.
// `prepare`, when given, runs in the reading thread and its text reaches the sink with the
// document: work that needs no order (serialising) is spread over the threads too.
using Prepare = std::function<std::string(Expected<Document>&)>;
using Sink = std::function<void(std::size_t, const InputItem&, Expected<Document>, std::string)>;
void read_in_order(const std::vector<InputItem>& items, int jobs, const ReadOptions& options,
                   const Prepare& prepare, const Sink& sink);

// Standard input, read whole with the input limit, as a document named "-".
Expected<Document> read_stdin(const ReadOptions& options);

// Progress on stderr: "[done/total] rate/s current", redrawn at most ten times a second.
class Progress {
public:
  Progress(std::size_t total, bool enabled, Lang lang);
  void step(const std::string& current);
  void finish();
  double seconds() const;

private:
  std::size_t total_, done_ = 0;
  bool enabled_;
  Lang lang_;
  double start_, last_draw_ = -1;
};

}  // namespace jixiao
