// JX208 value-mixed-grade: a 指标值 mixes a number with a grade word.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX208/.
#include "rules/rule.hpp"

namespace jixiao::rules {

Rule value_mixed_grade() {
  return {{"JX208", "value-mixed-grade", Severity::warning, false,
           {"指标值把数字与等级混写", "a 指标值 mixes a number with a grade word"},
           {"“≥90优”既像分数又像等级，考核时无法判断以哪个为准。\n"
            "错误示例：“≥90优”。\n正确示例：“≥90分”或“优”。",
            "\"≥90优\" reads as both a score and a grade; the review cannot tell which applies.\n"
            "Bad: \"≥90优\".\nGood: \"≥90分\" or \"优\"."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              if (i.value.number && i.value.grade) {
                const std::string number = i.value.number->to_string();
                c.report(p, at_field(i, IndicatorField::value), "指标值“" + i.value.text + "”同时写了数字 " + number + " 和等级“" + *i.value.grade + "”",
                         "the value \"" + i.value.text + "\" has both the number " + number + " and the grade \"" +
                             *i.value.grade + "\"");
              }
            });
          }};
}

}  // namespace jixiao::rules
