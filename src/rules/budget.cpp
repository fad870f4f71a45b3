// JX101 budget-sum, JX102 amount-invalid: the card's three amounts, compared exactly.
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

Rule amount_invalid() {
  return {{"JX102", "amount-invalid", Severity::error, false,
           {"金额不是非负数", "an amount is not a non-negative number"},
           {"预算数、财政资金、其他资金都应是不小于零的数字；文字、负数或无法识别的写法无法汇总。\n"
            "错误示例：其他资金“无”，预算数“-5”，预算数“十二万”。\n正确示例：其他资金 0，预算数 12.57。",
            "预算数, 财政资金 and 其他资金 must be numbers not below zero; words, negatives or "
            "unreadable forms cannot be added up.\nBad: 其他资金 \"无\", 预算数 \"-5\", 预算数 \"十二万\".\n"
            "Good: 其他资金 0, 预算数 12.57."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              const Budget& b = p.budget;
              const struct {
                const std::optional<std::string>& written;
                const std::optional<Decimal>& value;
                const char* label;
              } amounts[] = {{b.written.total, b.total, "预算数"},
                             {b.written.fiscal, b.fiscal, "财政资金"},
                             {b.written.other, b.other, "其他资金"}};
              for (const auto& a : amounts) {
                if (!a.written) continue;
                std::string label = a.label;
                if (!a.value)
                  c.report(&p, card_at(p), label + "“" + *a.written + "”不是数字",
                           label + " \"" + *a.written + "\" is not a number");
                else if (a.value->is_negative())
                  c.report(&p, card_at(p), label + " " + a.value->to_string() + " 为负数",
                           label + " " + a.value->to_string() + " is negative");
              }
            }
          }};
}

}  // namespace jixiao::rules
