// JX213 percent-over-100: a percentage target above 100%, other than a rate of growth.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX213/.
#include <string_view>

#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

// Words that make a percentage a rate of growth, which may well pass 100%.
bool is_growth(const Indicator& i) {
  static constexpr std::string_view kWords[] = {"增长", "增幅", "增速", "涨幅", "提高", "提升", "增加"};
  for (std::string_view word : kWords)
    if (text::contains(i.level3, word) || text::contains(i.description, word)) return true;
  return false;
}

}  // namespace

Rule percent_over_100() {
  return {{"JX213", "percent-over-100", Severity::warning, false,
           {"百分比指标值超过 100%", "a percentage target above 100%"},
           {"完成率、合格率、覆盖率、满意度等比率最多 100%，写成“≥120%”的目标无法达到，多半是笔误或把"
            "增长率写成了完成率。增长率、增幅、提高或提升的百分比不受此限。\n"
            "错误示例：三级指标“验收合格率”，指标值“≥120%”。\n"
            "正确示例：“≥100%”；或三级指标“收入增长率”，指标值“120%”。",
            "Completion, pass, coverage and satisfaction rates reach 100% at most: a target of "
            "\"≥120%\" cannot be met and is mostly a slip, or a growth rate written as a rate. A "
            "rate of growth (增长率, 增幅, 提高…%, 提升…%) may pass 100%.\n"
            "Bad: 三级指标 \"验收合格率\", 指标值 \"≥120%\".\n"
            "Good: \"≥100%\"; or 三级指标 \"收入增长率\", 指标值 \"120%\"."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              const IndicatorValue& v = i.value;
              if (!v.number || !v.unit || (text::trim_view(*v.unit) != "%" && text::trim_view(*v.unit) != "百分比")) return;
              if (!(Decimal::from_int(100) < *v.number) || is_growth(i)) return;
              c.report(p, at_field(i, IndicatorField::value), "“" + i.level3 + "”的指标值“" + v.text + "”超过 100%",
                       "the value \"" + v.text + "\" of \"" + i.level3 + "\" is above 100%");
            });
          }};
}

}  // namespace jixiao::rules
