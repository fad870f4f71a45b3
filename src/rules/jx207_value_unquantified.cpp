// JX207 value-unquantified: a 指标值 has neither a number nor a grade.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX207/.
#include <string_view>

#include "extract/values.hpp"
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {

namespace {

// The vague words a value says instead of a target, named in the message so that the writer
// knows what to replace.
std::string vague_words(const std::string& value) {
  std::string found;
  static constexpr std::string_view kWords[] = {"有效提升", "有效提高", "显著提高", "显著提升", "明显提升", "明显提高",
                                                "进一步",   "明显",     "显著",     "逐步",     "较好",     "持续改善",
                                                "不断",     "稳步",     "大幅",     "有所"};
  for (std::string_view word : kWords)
    if (text::contains(value, word) && !text::contains(found, word)) found += (found.empty() ? "" : "、") + std::string(word);
  return found;
}

}  // namespace

Rule value_unquantified() {
  return {{"JX207", "value-unquantified", Severity::warning, false,
           {"指标值既无数字也无等级", "a 指标值 has neither a number nor a grade"},
           {"指标值应可衡量：写数字（可带比较符和单位）或等级（优、良、中、差）。\n"
            "日期或期限（如“2022年12月底前”）也算可衡量。\n"
            "消息会列出值里的模糊用语（有效提升、进一步、明显、逐步、较好……），便于替换成具体目标。\n"
            "错误示例：“及时”、“显著提高”。\n正确示例：“≤30天”、“≥90%”、“优”。",
            "A value must be measurable: a number (with a comparator and unit) or a grade "
            "(优 良 中 差). A date or deadline (\"2022年12月底前\") counts as measurable. The message "
            "names the vague words the value uses (有效提升, 进一步, 明显, 逐步, 较好 …), to be replaced "
            "with a target.\n"
            "Bad: \"及时\", \"显著提高\".\nGood: \"≤30天\", \"≥90%\", \"优\"."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              // 指标性质 or 指标值类型 定性 says the value is a phrase on purpose.
              const bool qualitative = i.other().nature && text::trim_view(*i.other().nature) == "定性";
              if (!qualitative && !text::is_blank(i.value.text) && !i.value.number && !i.value.grade && !extract::is_date_value(i.value.text))
              {
                const std::string vague = vague_words(i.value.text);
                c.report(p, at_field(i, IndicatorField::value),
                         "指标值“" + i.value.text + "”没有可衡量的数字或等级" +
                             (vague.empty() ? "" : "（模糊用语：" + vague + "）"),
                         "the value \"" + i.value.text + "\" has no measurable number or grade" +
                             (vague.empty() ? "" : " (vague: " + vague + ")"));
              }
            });
          }};
}

}  // namespace jixiao::rules
