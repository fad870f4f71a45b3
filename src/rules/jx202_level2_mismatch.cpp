// JX202 level2-mismatch: a 二级指标 is not allowed under its 一级指标.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX202/.
#include "rules/rule.hpp"

namespace jixiao::rules {

Rule level2_mismatch() {
  return {{"JX202", "level2-mismatch", Severity::error, false,
           {"二级指标不属于其一级指标", "a 二级指标 is not allowed under its 一级指标"},
           {"二级指标必须是其一级指标下的类别，例如产出指标下只有数量、质量、时效（2015 版另有成本）。\n"
            "错误示例：产出指标 / 社会效益指标。\n正确示例：效益指标 / 社会效益指标。",
            "A 二级指标 must belong to its 一级指标, e.g. under 产出指标 only 数量, 质量, 时效 (and "
            "成本 in 2015).\nBad: 产出指标 / 社会效益指标.\nGood: 效益指标 / 社会效益指标."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              const auto* allowed = allowed_under(c.framework, c.categories(i).level1);
              if (!allowed || has(*allowed, c.categories(i).level2)) return;
              const std::string label = field_zh("level2");
              c.report(p, at_field(i, IndicatorField::level2), label + "“" + i.level2 + "”不属于“" + i.level1 + "”（应为：" + joined(*allowed) + "）",
                       label + " \"" + i.level2 + "\" does not belong under \"" + i.level1 +
                           "\" (expected one of: " + joined(*allowed) + ")");
            });
          }};
}

}  // namespace jixiao::rules
