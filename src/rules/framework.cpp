// JX201 level1-unknown, JX202 level2-mismatch, JX203 category-missing, JX204 output-incomplete:
// the indicator hierarchy against the framework of the year.
#include <algorithm>
#include <unordered_map>

#include "rules/rule.hpp"
#include "util/text.hpp"
#include "util/thread_local.hpp"

namespace jixiao::rules {
namespace {

const Framework k2015 = {"2015",
                         {{"产出", {"数量", "质量", "时效", "成本"}},
                          {"效益", {"经济效益", "社会效益", "生态效益", "可持续影响"}},
                          {"满意度", {"服务对象满意度"}}},
                         {"产出", "效益", "满意度"}};
const Framework k2021 = {"2021",
                         {{"成本", {"经济成本", "社会成本", "生态环境成本"}},
                          {"产出", {"数量", "质量", "时效"}},
                          {"效益", {"经济效益", "社会效益", "生态效益", "可持续影响"}},
                          {"满意度", {"服务对象满意度"}}},
                         {"成本", "产出", "效益", "满意度"}};

const std::vector<std::string>* allowed_under(const Framework& f, const std::string& level1) {
  for (const auto& [name, children] : f.categories)
    if (name == level1) return &children;
  return nullptr;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "、") + s;
  return out;
}

}  // namespace

namespace {
std::string fold_category(const std::string& text) {
  std::string s = text::to_halfwidth(text::strip_spaces(text));
  if (text::ends_with(s, "指标")) s.erase(s.size() - std::string("指标").size());
  return s;
}
}  // namespace

// to_halfwidth(strip_spaces(text)) without "指标": several rules ask it of every row's 一级 and
// 二级指标, and a county writes the same few of them on every row, so each thread keeps the
// answers (a key is short: returned without an allocation).
std::string category_key(const std::string& text) {
  using Known = std::unordered_map<std::string, std::string>;
  JIXIAO_THREAD_LOCAL(Known, known);
  auto it = known.find(text);
  if (it != known.end()) return it->second;
  if (known.size() >= 4096) known.clear();  // bounded, whatever the input
  return known.emplace(text, fold_category(text)).first->second;
}

const Framework& framework_for(Profile profile, const Document& doc) {
  if (profile == Profile::y2015) return k2015;
  if (profile == Profile::y2021) return k2021;
  for (const Project& p : doc.projects)
    for (const Indicator& i : p.indicators)
      if (category_key(i.level1) == "成本") return k2021;
  return k2015;
}

Rule level1_unknown() {
  return {{"JX201", "level1-unknown", Severity::error, false,
           {"一级指标不在指标体系中", "a 一级指标 is not in the framework"},
           {"一级指标只能取所用指标体系中的类别：2015 版为产出、效益、满意度；2021 版另有成本。\n"
            "错误示例：一级指标“工作指标”。\n正确示例：一级指标“产出指标”。",
            "A 一级指标 must be a category of the framework in use: 产出, 效益, 满意度 (2015), plus "
            "成本 (2021).\nBad: 一级指标 \"工作指标\".\nGood: 一级指标 \"产出指标\"."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects)
              for (const Indicator& i : p.indicators)
                if (!allowed_under(c.framework, category_key(i.level1)))
                  c.report(&p, i.at, "一级指标“" + i.level1 + "”不在 " + c.framework.name + " 版指标体系中",
                           "一级指标 \"" + i.level1 + "\" is not in the " + c.framework.name + " framework");
          }};
}

Rule level2_mismatch() {
  return {{"JX202", "level2-mismatch", Severity::error, false,
           {"二级指标不属于其一级指标", "a 二级指标 is not allowed under its 一级指标"},
           {"二级指标必须是其一级指标下的类别，例如产出指标下只有数量、质量、时效（2015 版另有成本）。\n"
            "错误示例：产出指标 / 社会效益指标。\n正确示例：效益指标 / 社会效益指标。",
            "A 二级指标 must belong to its 一级指标, e.g. under 产出指标 only 数量, 质量, 时效 (and "
            "成本 in 2015).\nBad: 产出指标 / 社会效益指标.\nGood: 效益指标 / 社会效益指标."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects)
              for (const Indicator& i : p.indicators) {
                const auto* allowed = allowed_under(c.framework, category_key(i.level1));
                if (allowed && !has(*allowed, category_key(i.level2)))
                  c.report(&p, i.at,
                           "二级指标“" + i.level2 + "”不属于“" + i.level1 + "”（应为：" + joined(*allowed) + "）",
                           "二级指标 \"" + i.level2 + "\" does not belong under \"" + i.level1 +
                               "\" (expected one of: " + joined(*allowed) + ")");
              }
          }};
}

Rule category_missing() {
  return {{"JX203", "category-missing", Severity::error, false,
           {"缺少必需的一级指标类别", "a required 一级指标 category has no row"},
           {"每个项目的指标表都要覆盖指标体系要求的一级指标：2015 版为产出、效益、满意度；2021 版另需成本。\n"
            "错误示例：只有产出指标和效益指标。\n正确示例：产出、效益、满意度指标各至少一行。",
            "Each project's indicators must cover the categories the framework requires: 产出, "
            "效益, 满意度 (2015), plus 成本 (2021).\nBad: only 产出 and 效益 rows.\n"
            "Good: at least one row each of 产出, 效益 and 满意度."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              if (p.indicators.empty()) continue;  // JX002 already says the table is missing
              for (const std::string& required : c.framework.required) {
                bool found = std::any_of(p.indicators.begin(), p.indicators.end(), [&](const Indicator& i) {
                  return category_key(i.level1) == required;
                });
                if (!found)
                  c.report(&p, Location{p.indicator_tables.front(), 0, 0},
                           "缺少“" + required + "指标”类别（" + c.framework.name + " 版要求）",
                           "no row of the category \"" + required + "指标\" (required by the " +
                               c.framework.name + " framework)");
              }
            }
          }};
}

Rule output_incomplete() {
  return {{"JX204", "output-incomplete", Severity::warning, false,
           {"产出指标缺少数量、质量或时效", "产出指标 lacks any of 数量, 质量, 时效"},
           {"产出指标应从数量、质量、时效三方面说明项目做成什么样。\n"
            "错误示例：产出指标下只有数量指标和质量指标。\n正确示例：数量、质量、时效指标各一行。",
            "Outputs should say how much, how well and how soon: 数量, 质量 and 时效.\n"
            "Bad: only 数量指标 and 质量指标 under 产出指标.\nGood: one row each of 数量, 质量, 时效."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              std::vector<std::string> present;
              for (const Indicator& i : p.indicators)
                if (category_key(i.level1) == "产出") present.push_back(category_key(i.level2));
              if (present.empty()) continue;  // JX203's business
              std::vector<std::string> lacking;
              for (const char* want : {"数量", "质量", "时效"})
                if (!has(present, want)) lacking.push_back(want);
              if (!lacking.empty())
                c.report(&p, Location{p.indicator_tables.front(), 0, 0},
                         "产出指标缺少：" + joined(lacking), "产出指标 lacks: " + joined(lacking));
            }
          }};
}

}  // namespace jixiao::rules
