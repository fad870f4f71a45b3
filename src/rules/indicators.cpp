// JX205–JX212: the indicator rows themselves.
#include <map>
#include <string_view>
#include <tuple>

#include "extract/values.hpp"
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

bool blank(const std::string& s) { return text::is_blank(s); }

void each_row(Context& c, void (*check)(Context&, const Project&, const Indicator&)) {
  for (const Project& p : c.doc.projects)
    for (const Indicator& i : p.indicators) check(c, p, i);
}

// Units written in words or full width, with the standard form.
std::optional<std::string> standard_unit(const std::string& unit) {
  static const std::pair<std::string_view, std::string_view> kStandard[] = {
      {"百分比", "%"}, {"百分之", "%"}, {"％", "%"}, {"百分率", "%"}};
  const std::string trimmed = text::trim(unit);
  for (const auto& [written, standard] : kStandard)
    if (trimmed == written) return std::string(standard);
  std::string half = text::to_halfwidth(unit);
  if (half != unit) return half;
  return std::nullopt;
}

}  // namespace

Rule indicator_duplicate() {
  return {{"JX205", "indicator-duplicate", Severity::error, false,
           {"同一项目中有两行指标完全相同", "two rows of a card are equal from 一级 to 指标值"},
           {"重复的指标行多半是复制粘贴后忘了修改，会让考核重复计分。\n"
            "错误示例：两行都是“满意度指标 / 服务对象满意度指标 / 满意度 / 上级武装部门满意 / ≥90优”。\n"
            "正确示例：第二行改为另一个服务对象，如“群众满意”。",
            "A repeated row is usually a copy-paste left unedited, and counts twice in the review.\n"
            "Bad: two rows \"满意度指标 / 服务对象满意度指标 / 满意度 / 上级武装部门满意 / ≥90优\".\n"
            "Good: the second row about another group, e.g. \"群众满意\"."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              // Views of the card's own text: no copy of five strings per row.
              using Key = std::tuple<std::string_view, std::string_view, std::string_view, std::string_view,
                                     std::string_view>;
              std::map<Key, int> seen;
              for (const Indicator& i : p.indicators) {
                Key key{i.level1, i.level2, i.level3, i.description, i.value.text};
                auto [it, fresh] = seen.emplace(key, i.at.row);
                if (!fresh)
                  c.report(&p, i.at, "与第 " + std::to_string(it->second) + " 行完全相同（“" + i.level3 + "”）",
                           "identical to row " + std::to_string(it->second) + " (\"" + i.level3 + "\")");
              }
            }
          }};
}

Rule value_missing() {
  return {{"JX206", "value-missing", Severity::error, false,
           {"指标值为空", "a 指标值 is empty"},
           {"没有指标值，就无法考核这项指标。\n错误示例：指标值一栏空白。\n正确示例：“≥95%”。",
            "Without a value the indicator cannot be assessed.\nBad: an empty 指标值.\nGood: \"≥95%\"."}},
          [](Context& c) {
            each_row(c, [](Context& c, const Project& p, const Indicator& i) {
              if (blank(i.value.text))
                c.report(&p, i.at, "“" + i.level3 + "”的指标值为空", "the value of \"" + i.level3 + "\" is empty");
            });
          }};
}

Rule value_unquantified() {
  return {{"JX207", "value-unquantified", Severity::warning, false,
           {"指标值既无数字也无等级", "a 指标值 has neither a number nor a grade"},
           {"指标值应可衡量：写数字（可带比较符和单位）或等级（优、良、中、差）。\n"
            "日期或期限（如“2022年12月底前”）也算可衡量。\n"
            "错误示例：“及时”、“显著提高”。\n正确示例：“≤30天”、“≥90%”、“优”。",
            "A value must be measurable: a number (with a comparator and unit) or a grade "
            "(优 良 中 差). A date or deadline (\"2022年12月底前\") counts as measurable.\n"
            "Bad: \"及时\", \"显著提高\".\nGood: \"≤30天\", \"≥90%\", \"优\"."}},
          [](Context& c) {
            each_row(c, [](Context& c, const Project& p, const Indicator& i) {
              if (!blank(i.value.text) && !i.value.number && !i.value.grade && !extract::is_date_value(i.value.text))
                c.report(&p, i.at, "指标值“" + i.value.text + "”没有可衡量的数字或等级",
                         "the value \"" + i.value.text + "\" has no measurable number or grade");
            });
          }};
}

Rule value_mixed_grade() {
  return {{"JX208", "value-mixed-grade", Severity::warning, false,
           {"指标值把数字与等级混写", "a 指标值 mixes a number with a grade word"},
           {"“≥90优”既像分数又像等级，考核时无法判断以哪个为准。\n"
            "错误示例：“≥90优”。\n正确示例：“≥90分”或“优”。",
            "\"≥90优\" reads as both a score and a grade; the review cannot tell which applies.\n"
            "Bad: \"≥90优\".\nGood: \"≥90分\" or \"优\"."}},
          [](Context& c) {
            each_row(c, [](Context& c, const Project& p, const Indicator& i) {
              if (i.value.number && i.value.grade) {
                const std::string number = i.value.number->to_string();
                c.report(&p, i.at, "指标值“" + i.value.text + "”同时写了数字 " + number + " 和等级“" + *i.value.grade + "”",
                         "the value \"" + i.value.text + "\" has both the number " + number + " and the grade \"" +
                             *i.value.grade + "\"");
              }
            });
          }};
}

bool fix_units(Document& doc) {
  bool changed = false;
  for (Project& p : doc.projects)
    for (Indicator& i : p.indicators) {
      if (!i.value.unit) continue;
      auto standard = standard_unit(*i.value.unit);
      if (!standard) continue;
      std::string& text = i.value.text;
      std::size_t at = text.rfind(*i.value.unit);
      if (at != std::string::npos) text.replace(at, i.value.unit->size(), *standard);
      i.value.unit = standard;
      changed = true;
    }
  return changed;
}

Rule unit_nonstandard() {
  return {{"JX209", "unit-nonstandard", Severity::info, true,
           {"计量单位写法不规范", "a unit written in words or full width where a standard form exists"},
           {"单位应使用标准写法，便于汇总比较：百分比写“%”，全角字符写半角。可用 --fix 自动改正。\n"
            "错误示例：“≥90百分比”、“≥90％”。\n正确示例：“≥90%”。",
            "Units in their standard form add up and compare: \"%\" for 百分比, half-width for "
            "full-width. --fix rewrites them.\nBad: \"≥90百分比\", \"≥90％\".\nGood: \"≥90%\"."}},
          [](Context& c) {
            each_row(c, [](Context& c, const Project& p, const Indicator& i) {
              if (!i.value.unit) return;
              if (auto standard = standard_unit(*i.value.unit))
                c.report(&p, i.at, "指标值“" + i.value.text + "”的单位“" + *i.value.unit + "”应写作“" + *standard + "”",
                         "the unit \"" + *i.value.unit + "\" of \"" + i.value.text + "\" should be \"" +
                             *standard + "\"");
            });
          },
          fix_units};
}

Rule cost_direction() {
  return {{"JX210", "cost-direction", Severity::warning, false,
           {"成本指标写成了下限", "a 成本 indicator has a lower bound"},
           {"成本指标是要控制住的上限，应写“≤”或“不超过”；写成“≥”等于要求多花钱。\n"
            "错误示例：成本指标 / 预算控制数 / “≥90百分比”。\n正确示例：“≤8万元”或“≤100%”。",
            "A cost indicator is a ceiling: \"≤\" or \"不超过\"; \"≥\" asks for more spending.\n"
            "Bad: 成本指标 / 预算控制数 / \"≥90百分比\".\nGood: \"≤8万元\" or \"≤100%\"."}},
          [](Context& c) {
            each_row(c, [](Context& c, const Project& p, const Indicator& i) {
              bool cost = category_key(i.level1) == "成本" || text::contains(i.level2, "成本");
              if (cost && i.value.op && (*i.value.op == ">=" || *i.value.op == ">"))
                c.report(&p, i.at, "成本指标“" + i.level3 + "”的指标值“" + i.value.text + "”是下限，应为上限（≤）",
                         "the cost indicator \"" + i.level3 + "\" has the lower bound \"" + i.value.text +
                             "\"; a ceiling (≤) is expected");
            });
          }};
}

Rule basis_missing() {
  return {{"JX211", "basis-missing", Severity::warning, false,
           {"指标值确定依据为空", "指标值确定依据 is empty"},
           {"写明指标值的来源（计划、标准、历史数据），审核才能判断目标是否合理。\n"
            "错误示例：确定依据空白。\n正确示例：“年度工作计划”。",
            "Say where the value comes from (a plan, a standard, past figures) so that reviewers "
            "can judge it.\nBad: an empty basis.\nGood: \"年度工作计划\"."}},
          [](Context& c) {
            each_row(c, [](Context& c, const Project& p, const Indicator& i) {
              if (blank(i.basis))
                c.report(&p, i.at, "“" + i.level3 + "”没有填写指标值确定依据",
                         "\"" + i.level3 + "\" has no 指标值确定依据");
            });
          }};
}

Rule level3_missing() {
  return {{"JX212", "level3-missing", Severity::error, false,
           {"三级指标为空", "a 三级指标 is empty"},
           {"三级指标是具体考核的内容，不能空着。\n错误示例：三级指标空白。\n正确示例：“完成率”。",
            "The 三级指标 names what is assessed; it cannot be blank.\nBad: an empty 三级指标.\n"
            "Good: \"完成率\"."}},
          [](Context& c) {
            each_row(c, [](Context& c, const Project& p, const Indicator& i) {
              if (blank(i.level3)) c.report(&p, i.at, "三级指标为空", "the 三级指标 is empty");
            });
          }};
}

}  // namespace jixiao::rules
