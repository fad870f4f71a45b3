// JX218 input-as-output: an 产出指标 that is money spent or allocated: inputs are not targets.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX218/.
#include <string_view>

#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {

Rule input_as_output() {
  return {{"JX218", "input-as-output", Severity::warning, false,
           {"把资金投入当作产出指标", "an 产出指标 is money spent or allocated"},
           {"财力、人力和物力等投入数量不能作为绩效目标：产出指标写做成了什么（数量、质量、时效），"
            "而不是花了或安排了多少钱。成本指标（2015 版产出下的成本）不在此列。\n"
            "错误示例：产出指标“业务工作支出安排金额”，指标值“28.8万元”。\n"
            "正确示例：产出指标“完成业务培训场次”，指标值“≥12场”。",
            "What was put in (money, people, material) is no performance target: an 产出指标 says "
            "what was made (how many, how good, how soon), not how much was spent or allocated. "
            "Cost indicators (成本, under 产出 in the 2015 framework) are left out.\n"
            "Bad: 产出指标 \"业务工作支出安排金额\", value \"28.8万元\".\n"
            "Good: \"完成业务培训场次\", value \"≥12场\"."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              if (c.categories(i).level1 != "产出" || text::contains(i.level2, "成本")) return;
              const bool money = i.value.unit && money_digits(*i.value.unit);
              bool named = false;
              static constexpr std::string_view kWords[] = {"资金投入", "投入资金", "支出金额", "支出安排金额", "拨付资金",
                                                            "资金拨付", "安排金额", "安排资金", "资金安排", "经费支出",
                                                            "支出经费", "资金支出", "预算执行金额"};
              for (std::string_view word : kWords)
                named = named || text::contains(i.level3, word);
              if (!money && !named) return;
              c.report(p, at_field(i, IndicatorField::level3), "产出指标“" + i.level3 + "”" + (named ? "是资金投入" : "以金额“" + i.value.text + "”为目标") +
                                    "，投入不是产出",
                       "产出指标 \"" + i.level3 + "\" " +
                           (named ? "is money put in" : "has an amount of money as its target: \"" + i.value.text + "\"") +
                           "; inputs are not outputs");
            });
          }};
}

}  // namespace jixiao::rules
