// JX108 period-order: a project's start is after its end, or its period cannot be read.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX108/.
#include "rules/rule.hpp"

namespace jixiao::rules {

Rule period_order() {
  return {{"JX108", "period-order", Severity::error, false,
           {"项目起止时间颠倒或无法识别", "a project's start is after its end, or its period cannot be read"},
           {"项目起止时间（或计划开始、完成日期）应能读出两个日期，开始不晚于结束；时效指标和资金安排都以它为准。\n"
            "错误示例：“2023年12月1日-2023年3月1日”；“今年内”。\n"
            "正确示例：“2023年3月1日-2023年12月1日”；“2023.01-2023.12”。",
            "项目起止时间 (or the planned start and end dates) must give two dates, the start not "
            "after the end: deadlines and spending are judged by them.\n"
            "Bad: \"2023年12月1日-2023年3月1日\"; \"今年内\".\n"
            "Good: \"2023年3月1日-2023年12月1日\"; \"2023.01-2023.12\"."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              if (!p.period) continue;
              const Period& t = *p.period;
              if (!t.start || !t.end) {
                c.report(&p, card_at(p), "项目起止时间“" + t.text + "”读不出开始和结束日期",
                         "the period \"" + t.text + "\" does not give a start and an end date");
                continue;
              }
              if (iso_after(*t.start, *t.end))
                c.report(&p, card_at(p), "项目开始 " + *t.start + " 晚于结束 " + *t.end,
                         "the project starts " + *t.start + ", after its end " + *t.end);
            }
          }};
}

}  // namespace jixiao::rules
