// JX109 annual-over-total: the year's budget is larger than the whole project's 项目资金总额.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX109/.
#include "rules/rule.hpp"

namespace jixiao::rules {

Rule annual_over_total() {
  return {{"JX109", "annual-over-total", Severity::error, false,
           {"年度资金大于项目资金总额", "the year's budget is larger than the project's total"},
           {"项目资金总额是整个（多年）项目的资金，年度资金申请总额是其中当年的部分，不能更大。按十进制精确比较。\n"
            "错误示例：项目资金总额 1,000,000.00，年度资金申请总额 1,250,000.00。\n"
            "正确示例：项目资金总额 3,600,000.00，年度资金申请总额 1,250,000.00。",
            "项目资金总额 is the whole (multi-year) project's money; the year's amount is a part of "
            "it and cannot be larger. Compared exactly as decimals.\n"
            "Bad: 项目资金总额 1,000,000.00, 年度资金申请总额 1,250,000.00.\n"
            "Good: 项目资金总额 3,600,000.00, 年度资金申请总额 1,250,000.00."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              const Budget& b = p.budget;
              if (!b.total || !b.project_total || !(*b.project_total < *b.total)) continue;
              c.report(&p, card_at(p), "年度资金 " + b.total->to_string() + " 大于项目资金总额 " + b.project_total->to_string(),
                       "the year's " + b.total->to_string() + " is more than the project's total " +
                           b.project_total->to_string());
            }
          }};
}

}  // namespace jixiao::rules
