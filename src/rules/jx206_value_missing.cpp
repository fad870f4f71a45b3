// JX206 value-missing: a 指标值 is empty.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX206/.
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {

Rule value_missing() {
  return {{"JX206", "value-missing", Severity::error, false,
           {"指标值为空", "a 指标值 is empty"},
           {"没有指标值，就无法考核这项指标。\n错误示例：指标值一栏空白。\n正确示例：“≥95%”。",
            "Without a value the indicator cannot be assessed.\nBad: an empty 指标值.\nGood: \"≥95%\"."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              if (text::is_blank(i.value.text))
                c.report(p, at_field(i, IndicatorField::value), "“" + i.level3 + "”的指标值为空", "the value of \"" + i.level3 + "\" is empty");
            });
          }};
}

}  // namespace jixiao::rules
