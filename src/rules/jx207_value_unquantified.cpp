// JX207 value-unquantified: a 指标值 has neither a number nor a grade.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX207/.
#include "extract/values.hpp"
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {

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
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              // 指标性质 or 指标值类型 定性 says the value is a phrase on purpose.
              const bool qualitative = i.other().nature && text::trim(*i.other().nature) == "定性";
              if (!qualitative && !text::is_blank(i.value.text) && !i.value.number && !i.value.grade && !extract::is_date_value(i.value.text))
                c.report(p, i.at, "指标值“" + i.value.text + "”没有可衡量的数字或等级",
                         "the value \"" + i.value.text + "\" has no measurable number or grade");
            });
          }};
}

}  // namespace jixiao::rules
