// JX210 cost-direction: a 成本 indicator has a lower bound.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX210/.
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {

Rule cost_direction() {
  return {{"JX210", "cost-direction", Severity::warning, false,
           {"成本指标写成了下限", "a 成本 indicator has a lower bound"},
           {"成本指标是要控制住的上限，应写“≤”或“不超过”；写成“≥”等于要求多花钱。\n"
            "错误示例：成本指标 / 预算控制数 / “≥90百分比”。\n正确示例：“≤8万元”或“≤100%”。",
            "A cost indicator is a ceiling: \"≤\" or \"不超过\"; \"≥\" asks for more spending.\n"
            "Bad: 成本指标 / 预算控制数 / \"≥90百分比\".\nGood: \"≤8万元\" or \"≤100%\"."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              bool cost = c.categories(i).level1 == "成本" || text::contains(i.level2, "成本");
              if (cost && i.value.op && (*i.value.op == ">=" || *i.value.op == ">"))
                c.report(p, at_field(i, IndicatorField::value), "成本指标“" + i.level3 + "”的指标值“" + i.value.text + "”是下限，应为上限（≤）",
                         "the cost indicator \"" + i.level3 + "\" has the lower bound \"" + i.value.text +
                             "\"; a ceiling (≤) is expected");
            });
          }};
}

}  // namespace jixiao::rules
