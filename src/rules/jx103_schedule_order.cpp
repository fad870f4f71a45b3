// JX103 schedule-order: a cumulative percentage is lower than the one before it.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX103/.
#include "rules/rule.hpp"

namespace jixiao::rules {

Rule schedule_order() {
  return {{"JX103", "schedule-order", Severity::error, false,
           {"累计支出百分比比前一期低", "a cumulative percentage is lower than the one before it"},
           {"资金支出计划填的是累计进度，后一期不能低于前一期。\n"
            "错误示例：3月底 50%，6月底 25%。\n正确示例：3月底 25%，6月底 50%，10月底 75%，12月底 100%。",
            "The spending schedule is cumulative: a period cannot be lower than the one before.\n"
            "Bad: 3月底 50%, 6月底 25%.\nGood: 3月底 25%, 6月底 50%, 10月底 75%, 12月底 100%."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects)
              for (std::size_t k = 1; k < p.schedule.size(); ++k) {
                const auto &before = p.schedule[k - 1], &now = p.schedule[k];
                if (before.percent && now.percent && *now.percent < *before.percent)
                  c.report(&p, card_at(p),
                           now.period + " 累计 " + now.percent->to_string() + "% 低于 " +
                               before.period + " 的 " + before.percent->to_string() + "%",
                           now.period + " cumulative " + now.percent->to_string() + "% is below " +
                               before.period + "'s " + before.percent->to_string() + "%");
              }
          }};
}

}  // namespace jixiao::rules
