// JX106 cost-over-budget: a cost indicator's amount is larger than the project's annual budget.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX106/.
#include <string_view>

#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

// An amount in 亿元, exactly (a division by a power of ten).
std::optional<Decimal> in_yi(const Decimal& amount, int digits) { return amount.divided_by_power_of_ten(digits); }

bool is_cost(const Context& c, const Indicator& i) {
  return c.categories(i).level1 == "成本" || text::contains(i.level2, "成本");
}

// A cost per person, per household, per unit or a standard rate: it may well exceed nothing.
bool per_unit(const Indicator& i) {
  static constexpr std::string_view kWords[] = {"人均", "户均", "单位", "每", "标准", "平均", "单价", "/人", "/户", "次均"};
  for (std::string_view word : kWords)
    if (text::contains(i.level3, word) || text::contains(i.description, word)) return true;
  return false;
}

}  // namespace

Rule cost_over_budget() {
  return {{"JX106", "cost-over-budget", Severity::error, false,
           {"成本指标超过项目年度预算", "a cost indicator's amount is larger than the project's annual budget"},
           {"成本指标写的是金额（元、万元、亿元）时，换算成项目表的金额单位后精确比较：一项总成本不能大于"
            "项目的年度预算数；各项总成本之和大于预算数时给出警告。人均、户均、单位、每…、标准等单位成本不计。\n"
            "错误示例：预算数 80.5 万元，成本指标“项目总成本”≤ 120 万元。\n"
            "正确示例：“项目总成本”≤ 80.5 万元；“每公里养护成本”≤ 0.67 万元。",
            "Where a cost indicator's value is an amount (元, 万元, 亿元), it is converted exactly to "
            "the card's unit: one total cost cannot exceed the card's annual budget, and the total "
            "costs together exceeding it is a warning. Costs per person, per household, per unit, "
            "每… or a standard rate are left out.\n"
            "Bad: budget 80.5 万元, \"项目总成本\" ≤ 120 万元.\n"
            "Good: \"项目总成本\" ≤ 80.5 万元; \"每公里养护成本\" ≤ 0.67 万元."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              const auto card_digits = money_digits(p.amount_unit.value_or("万元"));
              if (!p.budget.total || !card_digits) continue;
              const auto budget = in_yi(*p.budget.total, *card_digits);
              if (!budget) continue;
              std::optional<Decimal> sum = Decimal();
              int totals = 0;
              for (const Indicator& i : p.indicators) {
                // An amount of money first (most rows are turned away by that alone), then a total.
                if (!i.value.number || !i.value.unit) continue;
                const auto digits = money_digits(*i.value.unit);
                if (!digits || !is_cost(c, i) || per_unit(i)) continue;
                const auto amount = in_yi(*i.value.number, *digits);
                if (!amount) continue;
                ++totals;
                sum = sum ? sum->plus(*amount) : std::nullopt;
                // The amount as the form shows it: the value, with the unit column's unit.
                auto shown = [&] {
                  return i.value.text + (!text::contains(i.value.text, *i.value.unit) ? *i.value.unit : std::string());
                };
                if (*budget < *amount)
                  c.report(&p, at_field(i, IndicatorField::value),
                           "成本指标“" + i.level3 + "”" + shown() + " 大于预算数 " + p.budget.total->to_string() +
                               p.amount_unit.value_or("万元"),
                           "the cost \"" + i.level3 + "\" " + shown() + " is more than the budget " +
                               p.budget.total->to_string() + p.amount_unit.value_or("万元"));
              }
              if (totals > 1 && sum && *budget < *sum)
                c.report_at_most(Severity::warning, &p, Location{p.indicator_tables.front(), 0, 0},
                         "各项总成本之和大于预算数 " + p.budget.total->to_string() + p.amount_unit.value_or("万元"),
                         "the total costs together exceed the budget " + p.budget.total->to_string() +
                             p.amount_unit.value_or("万元"));
            }
          }};
}

}  // namespace jixiao::rules
