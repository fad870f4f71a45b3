// `check` as a library call: configurations per folder, the rules over each document, the report writer.
#include <filesystem>
#include <map>

#include "jixiao/batch.hpp"
#include "jixiao/check.hpp"
#include "jixiao/interrupt.hpp"
#include "jixiao/pipeline.hpp"

namespace jixiao {

namespace {

// The file's settings with the command line's on top.
Config effective(Config base, const CheckOptions& o) {
  if (o.profile_given) base.profile = o.overrides.profile;
  if (o.fail_on_given) base.fail_on = o.overrides.fail_on;
  if (o.overrides.year) base.year = o.overrides.year;
  if (!o.overrides.select.empty()) base.select = o.overrides.select;
  base.ignore.insert(base.ignore.end(), o.overrides.ignore.begin(), o.overrides.ignore.end());
  for (const auto& [id, setting] : o.overrides.rules) base.rules[id] = setting;
  return base;
}

}  // namespace

Expected<const Config*> CheckSession::settings_for(const std::string& path) {
  std::optional<std::string> file = options_.config_path;
  if (!file) {
    const std::string folder = std::filesystem::u8path(path).parent_path().u8string();
    auto found = file_of_folder_.find(folder);
    if (found == file_of_folder_.end())
      found = file_of_folder_.emplace(folder, find_config(path).value_or("")).first;
    if (!found->second.empty()) file = found->second;
  }
  const Config* config;
  if (file) {
    auto it = loaded_.find(*file);
    if (it == loaded_.end()) {
      auto c = load_config(*file);
      if (!c) return c.error();
      it = loaded_.emplace(*file, effective(*c, options_)).first;
    }
    config = &it->second;
  } else {
    if (!defaults_) defaults_ = effective(Config{}, options_);
    config = &*defaults_;
  }
  if (first_) fail_on_ = config->fail_on;
  first_ = false;
  return config;
}

Expected<Config> CheckSession::config_for(const std::string& path) {
  auto config = settings_for(path);
  if (!config) return config.error();
  return **config;
}

FileReport CheckSession::check(const std::string& path, const Document& doc) {
  auto config = settings_for(path);
  if (!config && !defaults_) defaults_ = effective(Config{}, options_);
  return FileReport{path, std::nullopt, checker_.check(doc, config ? **config : *defaults_), doc.source.converted_from,
                    doc.source.places};
}

Expected<CheckOutcome> check_stream(
    const std::vector<std::string>& inputs, const CheckOptions& options,
    const std::function<std::unique_ptr<ReportWriter>(Severity fail_on)>& make_writer) {
  CheckSession session(options);
  ExpandedInputs expanded = expand_inputs(inputs);
  for (const InputItem& item : expanded.items)  // a bad configuration stops the run before reading
    if (auto c = session.config_for(item.path); !c) return c.error();
  Severity fail_on = session.fail_on();
  std::unique_ptr<ReportWriter> writer = make_writer(fail_on);
  CheckOutcome outcome;
  auto hand_on = [&](const FileReport& f) {
    outcome.unreadable = outcome.unreadable || f.error.has_value();
    for (const Finding& x : f.findings) outcome.failures = outcome.failures || x.severity >= fail_on;
    writer->file(f);
  };
  for (auto& [path, error] : expanded.failures) hand_on({path, error, {}, {}, {}});
  ReadOptions read;
  read.require_target_tables = false;  // JX001 reports it instead
  read.digest = false;                 // no report carries it
  read.limits = options.limits;
  read.converter = options.converter;
  Progress progress(expanded.items.size(), options.progress, options.lang);
  interrupt::checkpoint("read");
  read_in_order(expanded.items, options.jobs, read, nullptr,
                [&](std::size_t, const InputItem& item, Expected<Document> doc, std::string) {
                  progress.step(item.path);
                  if (doc) {
                    writer->document(*doc);
                    hand_on(session.check(item.path, *doc));
                  }
                  else hand_on({item.path, doc.error(), {}, {}, {}});
                });
  progress.finish();
  writer->finish();
  interrupt::checkpoint("write");
  return outcome;
}

namespace {
// Keeps every file's report: for callers that want the whole Report.
class Collector : public ReportWriter {
public:
  explicit Collector(Report& report) : report_(report) {}
  void file(const FileReport& f) override { report_.files.push_back(f); }
  void finish() override {}

private:
  Report& report_;
};
}  // namespace

Expected<Report> check_files(const std::vector<std::string>& inputs, const CheckOptions& options) {
  Report report;
  auto outcome = check_stream(inputs, options, [&](Severity fail_on) {
    report.fail_on = fail_on;
    return std::make_unique<Collector>(report);
  });
  if (!outcome) return outcome.error();
  return report;
}

}  // namespace jixiao
