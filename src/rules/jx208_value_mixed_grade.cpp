// JX208 value-mixed-grade: a 指标值 mixes a number with a grade word.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX208/.
#include "rules/rule.hpp"
#include "util/text.hpp"

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
                const std::string_view text = i.value.text, grade = *i.value.grade;
                c.report(p, at_field(i, IndicatorField::value),
                         text::concat({"指标值“", text, "”同时写了数字 ", number, " 和等级“", grade, "”"}),
                         text::concat({"the value \"", text, "\" has both the number ", number, " and the grade \"", grade, "\""}));
              }
            });
          }};
}

}  // namespace jixiao::rules
