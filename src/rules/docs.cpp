// The rules' own documentation, for `jixiao rules` and docs/rules.md.
#include "jixiao/check.hpp"

namespace jixiao {

namespace {
std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}
}  // namespace

std::string rules_listing(Lang lang) {
  std::string out;
  for (const RuleDoc& r : rule_catalogue())
    out += pad(r.id, 7) + pad(r.slug, 24) + pad(severity_name(r.severity), 9) +
           pad(r.fixable ? (lang == Lang::en ? "fixable" : "可修复") : "", lang == Lang::en ? 9 : 10) +
           r.title.in(lang) + "\n";
  return out;
}

std::optional<std::string> rule_explanation(const std::string& id, Lang lang) {
  const RuleDoc* r = find_rule(id);
  if (!r) return std::nullopt;
  bool en = lang == Lang::en;
  std::string out = std::string(r->id) + " " + r->slug + " (" + severity_name(r->severity) +
                    (r->fixable ? (en ? ", fixable" : "，可用 --fix 修复") : "") + ")\n" + r->title.in(lang) +
                    "\n\n" + r->explanation.in(lang) + "\n";
  if (*r->options) out += std::string("\n") + (en ? "Options: " : "选项：") + r->options + "\n";
  return out;
}

// Each line of an explanation its own Markdown paragraph.
static std::string paragraphs(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\n' ? std::string("\n\n") : std::string(1, c);
  return out;
}

std::string rules_markdown() {
  std::string out =
      "# jixiao rules\n\n"
      "Generated from the registry by `jixiao rules --markdown`; a test fails when this file is stale.\n"
      "Ids are stable. Severity is the default; `.jixiao.json` can change it or turn a rule off.\n\n"
      "| id | slug | severity | fixable | flags |\n|---|---|---|---|---|\n";
  for (const RuleDoc& r : rule_catalogue())
    out += std::string("| ") + r.id + " | " + r.slug + " | " + severity_name(r.severity) + " | " +
           (r.fixable ? "yes" : "") + " | " + r.title.en + " |\n";
  for (const RuleDoc& r : rule_catalogue()) {
    out += std::string("\n## ") + r.id + " " + r.slug + "\n\n";
    out += std::string("Severity: ") + severity_name(r.severity) + (r.fixable ? ", fixable with `--fix`" : "") + ".\n\n";
    out += "**" + r.title.zh + "**\n\n" + paragraphs(r.explanation.zh) + "\n\n";
    out += "**" + r.title.en + "**\n\n" + paragraphs(r.explanation.en) + "\n";
    if (*r.options) out += std::string("\nOptions: ") + r.options + "\n";
  }
  return out;
}

}  // namespace jixiao
