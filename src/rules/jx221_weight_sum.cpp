// JX221 weight-sum: where a form has 权重 or 分值, a card's weights do not add up to the total.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX221/.
#include <map>

#include "rules/rule.hpp"

namespace jixiao::rules {

Rule weight_sum() {
  return {{"JX221", "weight-sum", Severity::warning, false,
           {"权重合计不等于 100", "a card's weights do not add up to 100"},
           {"有权重（或分值）一栏的表，一个项目各指标的权重合计应为 100（可在配置中用 total 修改）；"
            "长期和年度指标分别合计。按十进制精确相加。\n"
            "错误示例：六个指标权重为 10、20、20、10、20、15，合计 95。\n"
            "正确示例：10、20、20、10、20、20，合计 100。",
            "Where the form has a 权重 (or 分值) column, a card's weights add up to 100 (set "
            "another total with total); long-term and annual indicators each on their own. "
            "Added exactly as decimals.\n"
            "Bad: six weights 10, 20, 20, 10, 20, 15: 95.\nGood: 10, 20, 20, 10, 20, 20: 100."},
           "total: what a card's weights must add up to (default 100)"},
          [](Context& c) {
            const auto total = Decimal::parse(c.option("total", "100"));
            if (!total) return;
            for_each_set(c, [&](const Indicators& set) {
              std::map<std::string, std::optional<Decimal>> sums;  // by term
              bool any = false;
              for (const Indicator& i : set.rows) {
                const auto& w = i.other().weight;
                if (!w) continue;
                any = true;
                auto& sum = sums.try_emplace(i.term.value_or(""), Decimal()).first->second;
                if (!w->number) sum.reset();  // a weight that is no number: the sum is unknown
                else if (sum) sum = sum->plus(*w->number);
              }
              if (!any) return;
              for (const auto& [term, sum] : sums)
                if (sum && *sum != *total)
                  c.report(set.project, set.table, "权重合计 " + sum->to_string() + "，应为 " + total->to_string(),
                           "the weights add up to " + sum->to_string() + ", not " + total->to_string());
            });
          }};
}

}  // namespace jixiao::rules
