#pragma once
// `jixiao check` as a library: documents in, findings out, reports in four formats.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jixiao/config.hpp"
#include "jixiao/model.hpp"
#include "jixiao/pipeline.hpp"
#include "jixiao/rule.hpp"

namespace jixiao {

// A 项目编码 already met in this run, and where.
struct SeenCode {
  std::string path;
  int seq;
};

// Runs the enabled rules over documents one at a time. Keeps only what a cross-document rule
// needs (JX302: the codes seen so far), so documents can stream through.
class Checker {
public:
  std::vector<Finding> check(const Document& doc, const Config& config);

private:
  std::map<std::string, SeenCode> codes_;
};

struct FileReport {
  std::string path;
  std::optional<Error> error;  // set when the file could not be read
  std::vector<Finding> findings;  // sorted by position, then rule
};

struct Report {
  std::vector<FileReport> files;
  Severity fail_on = Severity::error;
  bool has_failures() const;    // a finding at or above fail_on
  bool has_unreadable() const;
};

struct CheckOptions {
  std::optional<std::string> config_path;  // --config; else .jixiao.json found per input
  Config overrides;                        // command-line settings applied over the file's
  bool profile_given = false, fail_on_given = false;
  ReadLimits limits;
};

// Reads and checks every input; an unreadable one is reported and the others still checked.
Expected<Report> check_files(const std::vector<std::string>& inputs, const CheckOptions& options);

enum class ReportFormat { text, json, sarif, junit };
std::string format_report(const Report& report, ReportFormat format, Lang lang, bool colour);

// docs/rules.md, generated from the catalogue.
std::string rules_markdown();
// What `jixiao rules` and `jixiao rules ID` print.
std::string rules_listing(Lang lang);
std::optional<std::string> rule_explanation(const std::string& id, Lang lang);

}  // namespace jixiao
