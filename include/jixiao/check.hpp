#pragma once
// `jixiao check` as a library: documents in, findings out, reports in four formats.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "jixiao/config.hpp"
#include "jixiao/model.hpp"
#include "jixiao/read_options.hpp"
#include "jixiao/rule.hpp"

namespace jixiao {

// A 项目编码 already met in this run, and where: the document's path is shared by all its codes.
struct SeenCode {
  std::shared_ptr<const std::string> path;
  int seq;
};

// Runs the enabled rules over documents one at a time. Keeps only what a cross-document rule
// needs (JX302: the codes seen so far), so documents can stream through.
class Checker {
public:
  std::vector<Finding> check(const Document& doc, const Config& config);

private:
  std::unordered_map<std::string, SeenCode> codes_;  // a batch holds tens of thousands
  // Kept from document to document: a document's findings gather here (some hundreds in a
  // careless one) and are sorted through `order_`, without the lists growing anew each time.
  std::vector<Finding> scratch_;
  std::vector<std::uint32_t> order_;
};

struct FileReport {
  std::string path;
  std::optional<Error> error;  // set when the file could not be read
  std::vector<Finding> findings;  // sorted by position, then rule
  // Set when LibreOffice converted the file ("doc" …): its findings' tables and rows are those
  // of the converted document, and the reports say so.
  std::optional<std::string> converted_from;
  // Set for a workbook: where its tables lie, so that findings cite the sheet and cell.
  std::vector<TablePlace> places;
};

struct Report {
  std::vector<FileReport> files;
  Severity fail_on = Severity::error;
};

struct CheckOptions {
  std::optional<std::string> config_path;  // --config; else .jixiao.json found per input
  Config overrides;                        // command-line settings applied over the file's
  bool profile_given = false, fail_on_given = false;
  ReadLimits limits;
  std::shared_ptr<Converter> converter;  // default none: .doc, .wps, .odt, .rtf refused
  int jobs = 0;           // reading threads; default 0: the cores
  bool progress = false;  // progress on stderr
  Lang lang = Lang::zh;   // of the progress line
};

// Checks documents one after another with the configuration that applies to each (found per
// input, or given), sharing what cross-document rules need.
class CheckSession {
public:
  explicit CheckSession(CheckOptions options) : options_(std::move(options)) {}
  // The configuration for an input; an error when its configuration file is bad.
  Expected<Config> config_for(const std::string& path);
  FileReport check(const std::string& path, const Document& doc);
  Severity fail_on() const { return fail_on_; }

private:
  // The same, kept: a county's files share one or two configurations, and each folder is
  // searched for its file once.
  Expected<const Config*> settings_for(const std::string& path);
  CheckOptions options_;
  std::map<std::string, Config> loaded_;             // by configuration file
  std::map<std::string, std::string> file_of_folder_;  // "" where there is none
  std::optional<Config> defaults_;
  Checker checker_;
  Severity fail_on_ = Severity::error;
  bool first_ = true;
};

// Reads (files, folders, "-") and checks every input; an unreadable one is reported and the
// others still checked. An error only when a configuration file is bad.
Expected<Report> check_files(const std::vector<std::string>& inputs, const CheckOptions& options);

enum class ReportFormat { text, json, sarif, junit, html };
std::string format_report(const Report& report, ReportFormat format, Lang lang, bool colour);

// A report written as files are checked: memory stays flat however many files there are.
class ReportWriter {
public:
  virtual ~ReportWriter() = default;
  // A readable file's document, just before its file(): only the review page keeps it.
  virtual void document(const Document&) {}
  virtual void file(const FileReport& report) = 0;  // in input order
  virtual void finish() = 0;
};
using TextSink = std::function<void(const std::string&)>;
// What every report writer is given; each takes what it uses.
struct ReportOptions {
  Lang lang = Lang::zh;
  bool colour = false;                // text: ANSI colours
  Severity fail_on = Severity::error;  // JUnit and the review page: what fails
  bool with_contacts = false;         // the review page: 项目负责人 and 联系电话 (personal data)
};
std::unique_ptr<ReportWriter> make_report_writer(ReportFormat format, const ReportOptions& options, TextSink out);

struct CheckOutcome {
  bool failures = false;    // a finding at or above fail_on
  bool unreadable = false;  // an input could not be read
};
// Like check_files, each file's report handed to the writer `make_writer` returns (given the
// threshold in force) as soon as it is checked, and then forgotten.
Expected<CheckOutcome> check_stream(
    const std::vector<std::string>& inputs, const CheckOptions& options,
    const std::function<std::unique_ptr<ReportWriter>(Severity fail_on)>& make_writer);

// Applies the fixes of the enabled fixable rules (JX209 units, JX401 heading numbers, JX403
// spaces) to the model; returns the ids of the rules whose fix changed something.
std::vector<std::string> apply_fixes(Document& doc, const Config& config = {});

// docs/rules.md, generated from the catalogue.
std::string rules_markdown();
// What `jixiao rules` and `jixiao rules ID` print.
std::string rules_listing(Lang lang);
std::optional<std::string> rule_explanation(const std::string& id, Lang lang);

}  // namespace jixiao
