// JX103 schedule-order, JX104 schedule-final, JX105 percent-invalid: the cumulative spending plan.
#include "rules/rule.hpp"

namespace jixiao::rules {
namespace {
const Decimal kHundred = Decimal::from_int(100);
const Decimal kZero = Decimal::from_int(0);
}  // namespace

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

Rule percent_invalid() {
  return {{"JX105", "percent-invalid", Severity::error, false,
           {"支出百分比无法读取或超出 0–100", "a schedule percentage is unreadable or outside 0–100"},
           {"每一期的累计百分比应是 0 到 100 之间的数字。\n错误示例：“约一半”、“120%”、空白。\n"
            "正确示例：“50.00%”。",
            "Each period's cumulative percentage is a number from 0 to 100.\n"
            "Bad: \"约一半\", \"120%\", blank.\nGood: \"50.00%\"."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects)
              for (const SchedulePoint& s : p.schedule) {
                if (!s.percent)
                  c.report(&p, card_at(p), s.period + " 的百分比“" + s.text + "”无法读取",
                           "the percentage of " + s.period + " \"" + s.text + "\" cannot be read");
                else if (*s.percent < kZero || kHundred < *s.percent)
                  c.report(&p, card_at(p), s.period + " 的百分比 " + s.percent->to_string() + "% 超出 0–100",
                           "the percentage of " + s.period + " " + s.percent->to_string() +
                               "% is outside 0–100");
              }
          }};
}

}  // namespace jixiao::rules
