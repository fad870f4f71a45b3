// JX105 percent-invalid: a schedule percentage is unreadable or outside 0–100.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX105/.
#include "rules/rule.hpp"

namespace jixiao::rules {
namespace {
const Decimal kHundred = Decimal::from_int(100);
const Decimal kZero = Decimal::from_int(0);
}  // namespace

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
