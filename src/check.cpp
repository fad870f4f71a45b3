#include <map>

#include "jixiao/check.hpp"
#include "jixiao/pipeline.hpp"

namespace jixiao {

bool Report::has_failures() const {
  for (const FileReport& f : files)
    for (const Finding& x : f.findings)
      if (x.severity >= fail_on) return true;
  return false;
}

bool Report::has_unreadable() const {
  for (const FileReport& f : files)
    if (f.error) return true;
  return false;
}

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

Expected<Report> check_files(const std::vector<std::string>& inputs, const CheckOptions& options) {
  std::map<std::string, Config> loaded;
  auto config_at = [&](const std::optional<std::string>& path) -> Expected<Config> {
    if (!path) return effective(Config{}, options);
    auto it = loaded.find(*path);
    if (it == loaded.end()) {
      auto c = load_config(*path);
      if (!c) return c.error();
      it = loaded.emplace(*path, effective(*c, options)).first;
    }
    return it->second;
  };
  Report report;
  report.fail_on = options.fail_on_given ? options.overrides.fail_on : Severity::error;
  Checker checker;
  ReadOptions read;
  read.require_target_tables = false;  // JX001 reports it instead
  read.limits = options.limits;
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    const std::string& path = inputs[k];
    auto config = config_at(options.config_path ? options.config_path : find_config(path));
    if (!config) return config.error();
    if (k == 0 && !options.fail_on_given) report.fail_on = config->fail_on;
    FileReport file{path, std::nullopt, {}};
    auto doc = read_document(path, read);
    if (doc) file.findings = checker.check(*doc, *config);
    else file.error = doc.error();
    report.files.push_back(std::move(file));
  }
  return report;
}

}  // namespace jixiao
