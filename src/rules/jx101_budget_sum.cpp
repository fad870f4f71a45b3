// JX101 budget-sum: 预算数 ≠ 财政资金 + 其他资金.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX101/.
#include "rules/rule.hpp"

namespace jixiao::rules {

Rule budget_sum() {
  return {{"JX101", "budget-sum", Severity::error, false,
           {"预算数不等于财政资金与其他资金之和", "预算数 ≠ 财政资金 + 其他资金"},
           {"预算数必须等于其中财政资金与其他资金之和，按十进制精确比较（不做四舍五入）。\n"
            "错误示例：预算数 133.38，财政资金 130.38，其他资金 0。\n"
            "正确示例：预算数 133.38，财政资金 133.38，其他资金 0。",
            "The total must equal fiscal plus other funds, compared exactly as decimals (no "
            "rounding).\nBad: 预算数 133.38, 财政资金 130.38, 其他资金 0.\n"
            "Good: 预算数 133.38, 财政资金 133.38, 其他资金 0."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              const Budget& b = p.budget;
              if (!b.total || !b.fiscal || !b.other) continue;
              auto sum = b.fiscal->plus(*b.other);
              if (sum && *sum == *b.total) continue;
              std::string nums = "预算数 " + show(b.total) + " ≠ 财政资金 " + show(b.fiscal) +
                                 " + 其他资金 " + show(b.other);
              c.report(&p, card_at(p), nums, nums);
            }
          }};
}

}  // namespace jixiao::rules
