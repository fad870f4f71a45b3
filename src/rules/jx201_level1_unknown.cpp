// JX201 level1-unknown: a 一级指标 is not in the framework.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX201/.
#include "rules/rule.hpp"

namespace jixiao::rules {

Rule level1_unknown() {
  return {{"JX201", "level1-unknown", Severity::error, false,
           {"一级指标不在指标体系中", "a 一级指标 is not in the framework"},
           {"一级指标只能取所用指标体系中的类别：2015 版为产出、效益、满意度；2021 版另有成本。\n"
            "错误示例：一级指标“工作指标”。\n正确示例：一级指标“产出指标”。",
            "A 一级指标 must be a category of the framework in use: 产出, 效益, 满意度 (2015), plus "
            "成本 (2021).\nBad: 一级指标 \"工作指标\".\nGood: 一级指标 \"产出指标\"."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              if (!allowed_under(c.framework, c.categories(i).level1))
              {
                const std::string label = field_zh("level1");
                c.report(p, at_field(i, IndicatorField::level1), label + "“" + i.level1 + "”不在 " + c.framework.name + " 版指标体系中",
                         label + " \"" + i.level1 + "\" is not in the " + c.framework.name + " framework");
              }
            });
          }};
}

}  // namespace jixiao::rules
