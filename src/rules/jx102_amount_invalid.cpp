// JX102 amount-invalid: an amount is not a non-negative number.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX102/.
#include "rules/rule.hpp"

namespace jixiao::rules {

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
