// JX211 basis-missing: 指标值确定依据 is empty.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX211/.
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {

Rule basis_missing() {
  return {{"JX211", "basis-missing", Severity::warning, false,
           {"指标值确定依据为空", "指标值确定依据 is empty"},
           {"写明指标值的来源（计划、标准、历史数据），审核才能判断目标是否合理。\n"
            "错误示例：确定依据空白。\n正确示例：“年度工作计划”。",
            "Say where the value comes from (a plan, a standard, past figures) so that reviewers "
            "can judge it.\nBad: an empty basis.\nGood: \"年度工作计划\"."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              if (i.basis_column && text::is_blank(i.basis))
                c.report(p, at_field(i, IndicatorField::basis), "“" + i.level3 + "”没有填写指标值确定依据",
                         "\"" + i.level3 + "\" has no 指标值确定依据");
            });
          }};
}

}  // namespace jixiao::rules
