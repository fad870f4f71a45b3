// JX104 schedule-final: the last period is not 100%.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX104/.
#include "rules/rule.hpp"

namespace jixiao::rules {
namespace {
const Decimal kHundred = Decimal::from_int(100);
}  // namespace

Rule schedule_final() {
  return {{"JX104", "schedule-final", Severity::error, false,
           {"最后一期累计支出不是 100%", "the last period is not 100%"},
           {"年底时预算应全部支出，累计进度的最后一期应为 100%。\n"
            "错误示例：12月底 90%。\n正确示例：12月底 100%。",
            "By the end of the year the budget is spent: the last cumulative period is 100%.\n"
            "Bad: 12月底 90%.\nGood: 12月底 100%."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              if (p.schedule.empty() || !p.schedule.back().percent) continue;
              const SchedulePoint& last = p.schedule.back();
              if (*last.percent != kHundred)
                c.report(&p, card_at(p),
                         "最后一期 " + last.period + " 为 " + last.percent->to_string() + "%，应为 100%",
                         "the last period " + last.period + " is " + last.percent->to_string() +
                             "%, expected 100%");
            }
          }};
}

}  // namespace jixiao::rules
