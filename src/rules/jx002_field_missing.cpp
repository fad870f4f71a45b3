// JX002 field-missing: a card lacks a required field.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX002/.
#include "rules/rule.hpp"

namespace jixiao::rules {

Rule field_missing() {
  return {{"JX002", "field-missing", Severity::error, false,
           {"项目缺少必填栏目", "a card lacks a required field"},
           {"每个项目都应有项目编码、项目名称、预算数、资金支出计划、绩效目标和指标表；缺了任何一项，"
            "汇总和审核都无从进行。\n错误示例：项目表中没有“项目编码”一栏。\n"
            "正确示例：“项目编码 | 13073021EOT8X7ZTVTKA0 | 项目名称 | 村级组织运转经费”。",
            "Every card needs 项目编码, 项目名称, 预算数, the spending schedule, 绩效目标 and an "
            "indicator table; without any of them the budget cannot be compiled or reviewed.\n"
            "Bad: a card without a 项目编码 row.\nGood: \"项目编码 | 13073021EOT8X7ZTVTKA0 | 项目名称 | …\"."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              auto missing = [&](bool absent, const char* zh, const char* en) {
                if (absent)
                  c.report(&p, card_at(p), std::string("缺少") + zh, std::string("missing ") + en);
              };
              // The other forms have no 项目编码 and no schedule; a flat export has the fields its
              // columns carry (a column it has, left blank on a project's rows, is missing).
              const bool reference_form = !other_form_card(p) && !p.flat;
              missing(reference_form && (!p.code || p.code->empty()), "项目编码", "项目编码 (project code)");
              missing(!p.name || p.name->empty(), "项目名称", "项目名称 (project name)");
              missing(!p.flat && !p.budget.written.total, "预算数", "预算数 (budget total)");
              missing(reference_form && p.schedule.empty(), "资金支出计划", "the spending schedule (资金支出计划)");
              missing(p.flat ? p.goals && p.goals->empty() : !p.goals || p.goals->empty(), "绩效目标", "绩效目标 (goals)");
              missing(p.indicator_tables.empty(), "绩效指标表", "the indicator table");
            }
          }};
}

}  // namespace jixiao::rules
