// Runs the registry over a document: the rules see the model only.
#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "extract/labels.hpp"
#include "jixiao/check.hpp"
#include "rules/rule.hpp"

namespace jixiao {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    default: return "error";
  }
}

std::optional<Severity> parse_severity(const std::string& name) {
  if (name == "info") return Severity::info;
  if (name == "warning") return Severity::warning;
  if (name == "error") return Severity::error;
  return std::nullopt;
}

std::vector<RuleDoc> rule_catalogue() {
  std::vector<RuleDoc> docs;
  for (const rules::Rule& r : rules::registry()) docs.push_back(r.doc);
  return docs;
}

const RuleDoc* find_rule(const std::string& id) {
  for (const rules::Rule& r : rules::registry())
    if (id == r.doc.id) return &r.doc;
  return nullptr;
}

namespace {
bool matches_any(const std::vector<std::string>& prefixes, const std::string& id) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& p) { return id.compare(0, p.size(), p) == 0; });
}
}  // namespace

bool Config::enabled(const std::string& rule_id) const {
  auto it = rules.find(rule_id);
  if (it != rules.end() && it->second.off) return false;
  if (!select.empty() && !matches_any(select, rule_id)) return false;
  return !matches_any(ignore, rule_id);
}

Severity Config::severity_of(const RuleDoc& rule) const {
  auto it = rules.find(rule.id);
  return it != rules.end() && it->second.severity ? *it->second.severity : rule.severity;
}

std::string Config::option(const std::string& rule_id, const std::string& key,
                           const std::string& fallback) const {
  auto it = rules.find(rule_id);
  if (it == rules.end()) return fallback;
  auto o = it->second.options.find(key);
  return o == it->second.options.end() ? fallback : o->second;
}

std::vector<Finding> Checker::check(const Document& doc, const Config& config) {
  std::vector<Finding>& findings = scratch_;
  findings.clear();
  rules::Context context(doc, config, rules::framework_for(config.profile, doc), codes_);
  context.out = &findings;
  for (const rules::Rule& rule : rules::registry()) {
    if (!config.enabled(rule.doc.id)) continue;
    context.rule = &rule.doc;
    context.severity = config.severity_of(rule.doc);
    rule.check(context);
  }
  // Sorted as indices, then moved once into place: a Finding is some 200 bytes, and a
  // document can have hundreds.
  order_.resize(findings.size());
  for (std::uint32_t k = 0; k < order_.size(); ++k) order_[k] = k;
  std::stable_sort(order_.begin(), order_.end(), [&](std::uint32_t x, std::uint32_t y) {
    const Finding &a = findings[x], &b = findings[y];
    return std::tie(a.project_seq, a.at.table, a.at.row, a.rule) <
           std::tie(b.project_seq, b.at.table, b.at.row, b.rule);
  });
  std::vector<Finding> sorted;
  sorted.reserve(findings.size());
  for (std::uint32_t k : order_) sorted.push_back(std::move(findings[k]));
  findings.clear();
  return sorted;
}

std::vector<std::string> apply_fixes(Document& doc, const Config& config) {
  std::vector<std::string> applied;
  for (const rules::Rule& rule : rules::registry())
    if (rule.fix && config.enabled(rule.doc.id) && rule.fix(doc)) applied.push_back(rule.doc.id);
  return applied;
}

namespace rules {

void Context::report(const Project* project, Location at, std::string zh, std::string en) {
  Finding& f = out->emplace_back();
  f.rule = rule->id;
  f.slug = rule->slug;
  f.severity = severity;
  f.message = {std::move(zh), std::move(en)};
  f.fixable = rule->fixable;
  if (project) {
    f.project_seq = project->seq;
    f.project_code = project->code;
  }
  f.at = at;
}

void Context::report_at_most(Severity at_most, const Project* project, Location at, std::string zh, std::string en) {
  report(project, at, std::move(zh), std::move(en));
  if (at_most < out->back().severity) out->back().severity = at_most;
}

std::string Context::option(const std::string& key, const std::string& fallback) const {
  return config.option(rule->id, key, fallback);
}

const Context::Categories& Context::categories(const Indicator& i) const {
  if (sets_.empty()) {
    auto add = [&](const std::vector<Indicator>& rows) {
      if (rows.empty()) return;  // holds no row: not searched
      sets_.push_back(RowSet{rows.data(), rows.size(), categories_.size()});
      // A 一级 (and often a 二级) written again on the next rows is keyed once: the row above's.
      for (std::size_t k = 0; k < rows.size(); ++k) {
        const bool same1 = k > 0 && rows[k].level1 == rows[k - 1].level1;
        const bool same2 = k > 0 && rows[k].level2 == rows[k - 1].level2;
        categories_.push_back({same1 ? categories_.back().level1 : category_key(rows[k].level1),
                               same2 ? categories_.back().level2 : category_key(rows[k].level2)});
      }
    };
    std::size_t rows = doc.department.indicators.size();
    for (const Project& p : doc.projects) rows += p.indicators.size();
    categories_.reserve(rows);
    for (const Project& p : doc.projects) add(p.indicators);
    add(doc.department.indicators);
  }
  auto holds = [&](const RowSet& s) { return &i >= s.begin && &i < s.begin + s.size; };
  if (sets_.empty() || !holds(sets_[last_set_])) {
    // Rules go set after set: the next one, else a search from the first.
    if (last_set_ + 1 < sets_.size() && holds(sets_[last_set_ + 1])) ++last_set_;
    else last_set_ = 0;
    while (last_set_ < sets_.size() && !holds(sets_[last_set_])) ++last_set_;
    if (last_set_ == sets_.size()) throw std::logic_error("Context::categories: a row of another document");
  }
  const RowSet& s = sets_[last_set_];
  return categories_[s.first + static_cast<std::size_t>(&i - s.begin)];
}

std::string show(const std::optional<Decimal>& d) { return d ? d->to_string() : "?"; }

std::string field_zh(const char* key) { return extract::field_display(key, Lang::zh); }

}  // namespace rules
}  // namespace jixiao
