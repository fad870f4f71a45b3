#pragma once
// What the commands share: exit codes, the options every reading command takes, and the one
// sequence that writes a command's output (inputs not overwritten → colour → open → write →
// commit). CLI11 only; no logic of jixiao's own.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "jixiao/convert.hpp"
#include "jixiao/formats.hpp"
#include "jixiao/intake.hpp"

namespace jixiao::cli {

constexpr int kOk = 0;
constexpr int kFindings = 1;
constexpr int kMisuse = 2;

// One line on standard error: "path: message".
void report(const std::string& path, const Error& e, Lang lang);
// A message on standard error in the chosen language.
void say(const std::string& zh, const std::string& en, Lang lang);
// Standard output, or the -o file written whole or not at all.
int emit(const std::string& output, const std::string& data, Lang lang);

// The options of a command that reads documents: limits, LibreOffice, jobs and progress.
struct ReadingOptions {
  ReadLimits limits;
  ConverterOptions intake;
  int jobs = 0;
  bool progress_on = false, progress_off = false;

  void add_to(CLI::App* command);        // limits and LibreOffice
  void add_batch_to(CLI::App* command);  // jobs and progress
  bool progress() const;  // asked for, or standard error is a terminal
  std::shared_ptr<Converter> converter() const;  // made now, started only if a file needs it
};

// The output option (-o) and, for commands with several formats, --format and --color.
struct OutputOptions {
  Command command;
  std::string format;
  std::string path;
  std::string colour = "auto";

  OutputOptions(Command c, std::string default_format) : command(c), format(std::move(default_format)) {}
  void add_format(CLI::App* app, const char* option);
  void add_path(CLI::App* app, const char* help);  // -o; "-o -" is standard output
  void add_colour(CLI::App* app);
  const OutputFormatInfo& info() const { return *find_output_format(command, format); }
  // Whether to colour: a text for people, going to a terminal (or --color always), NO_COLOR unset.
  bool paint() const;
};

// The shared sequence: refuses an output that is one of the inputs, opens it (standard output
// for ""), writes a BOM where a text for people wants one, runs `write`, and commits unless
// `write` cleared `commit` (nothing worth keeping was written). kMisuse when a step fails (said
// on standard error), else what `write` returned.
using WriteTo = std::function<int(Output& out, bool& commit)>;
int write_output_of(const OutputOptions& output, const std::vector<std::string>& inputs, Lang lang,
                    const WriteTo& write);

// A command: its options, added to the application, and what it does when chosen.
class CommandLine {
public:
  virtual ~CommandLine() = default;
  virtual int run(Lang lang) = 0;
  CLI::App* app = nullptr;
};

std::unique_ptr<CommandLine> add_convert(CLI::App& app);
std::unique_ptr<CommandLine> add_check(CLI::App& app);
std::unique_ptr<CommandLine> add_diff(CLI::App& app);
std::unique_ptr<CommandLine> add_rules(CLI::App& app);

}  // namespace jixiao::cli
