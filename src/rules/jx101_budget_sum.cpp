// JX101 budget-sum: 预算数 ≠ 财政资金 + 其他资金.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX101/.
#include <algorithm>

#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

// A money line's name in a message: its label without "其中：" and without its unit.
std::string line_name(const std::string& label) {
  std::string s = text::trim(label);
  for (const char* prefix : {"其中：", "其中:"})
    if (s.rfind(prefix, 0) == 0) s = text::trim(s.substr(std::string(prefix).size()));
  for (const char* unit : {"（万元）", "(万元)", "（元）", "(元)"})
    if (text::ends_with(s, unit)) s.erase(s.size() - std::string(unit).size());
  return s;
}

// Another form's year total against the lines under it (those after it, up to the next total):
// 资金总额 = 财政拨款 + 自有资金 + …, 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金.
// Blank lines add nothing; a line that cannot be read leaves the sum unchecked.
void check_lines(Context& c, const Project& p) {
  const auto& items = p.budget.items;
  auto total = std::find_if(items.begin(), items.end(), [](const BudgetItem& i) { return i.role == BudgetItem::Role::total; });
  if (total == items.end() || !total->amount) return;
  std::optional<Decimal> sum = Decimal();
  std::string parts;
  for (auto it = total + 1; it != items.end() && it->role != BudgetItem::Role::total &&
                            it->role != BudgetItem::Role::project_total; ++it) {
    if (!it->amount && !text::is_blank(it->text)) return;
    if (!it->amount) continue;
    sum = sum ? sum->plus(*it->amount) : std::nullopt;
    parts += (parts.empty() ? " ≠ " : " + ") + line_name(it->label) + " " + it->amount->to_string();
  }
  if (parts.empty() || (sum && *sum == *total->amount)) return;
  std::string nums = line_name(total->label) + " " + total->amount->to_string() + parts;
  c.report(&p, card_at(p), nums, nums);
}

}  // namespace

Rule budget_sum() {
  return {{"JX101", "budget-sum", Severity::error, false,
           {"预算数不等于财政资金与其他资金之和", "预算数 ≠ 财政资金 + 其他资金"},
           {"预算数必须等于其中财政资金与其他资金之和，按十进制精确比较（不做四舍五入）。\n"
            "错误示例：预算数 133.38，财政资金 130.38，其他资金 0。\n"
            "正确示例：预算数 133.38，财政资金 133.38，其他资金 0。\n"
            "其他表式按其资金行核对：年度资金总额等于其下各行之和（如当年财政拨款、上年结转资金、其他资金）。",
            "The total must equal fiscal plus other funds, compared exactly as decimals (no "
            "rounding).\nBad: 预算数 133.38, 财政资金 130.38, 其他资金 0.\n"
            "Good: 预算数 133.38, 财政资金 133.38, 其他资金 0.\n"
            "Other forms are checked by their money lines: the year's total equals the lines under "
            "it (such as 当年财政拨款, 上年结转资金, 其他资金)."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              if (other_form_card(p)) {
                check_lines(c, p);
                continue;
              }
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
