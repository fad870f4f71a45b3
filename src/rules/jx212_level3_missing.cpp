// JX212 level3-missing: a 三级指标 is empty.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX212/.
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {

Rule level3_missing() {
  return {{"JX212", "level3-missing", Severity::error, false,
           {"三级指标为空", "a 三级指标 is empty"},
           {"三级指标是具体考核的内容，不能空着。\n错误示例：三级指标空白。\n正确示例：“完成率”。",
            "The 三级指标 names what is assessed; it cannot be blank.\nBad: an empty 三级指标.\n"
            "Good: \"完成率\"."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              if (text::is_blank(i.level3)) c.report(p, at_field(i, IndicatorField::level3), "三级指标为空", "the 三级指标 is empty");
            });
          }};
}

}  // namespace jixiao::rules
