// JX220 too-few-indicators: a card's annual table has fewer 三级指标 than the configured least.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX220/.
#include <cstdlib>
#include <set>
#include <string_view>

#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {

Rule too_few_indicators() {
  return {{"JX220", "too-few-indicators", Severity::warning, false,
           {"项目的年度指标太少", "a card's annual table has too few 三级指标"},
           {"一个项目的绩效目标要由产出、效益、满意度等几方面的指标共同衡量；只有一两个三级指标，"
            "考核无从全面。最少个数可在配置中用 min 修改（默认 3）。长期绩效指标不计在内。\n"
            "错误示例：年度绩效指标只有“培训人次”“农户满意度”两行。\n"
            "正确示例：再加上质量、时效或效益方面的指标，至少三个。",
            "A card's goals are measured by several indicators together (output, effect, "
            "satisfaction); one or two 三级指标 cannot assess it. Set the least with min (default 3). "
            "Long-term indicators do not count.\n"
            "Bad: an annual table of two rows, \"培训人次\" and \"农户满意度\".\n"
            "Good: add quality, timeliness or effect indicators: three at least."},
           "min: the fewest 三级指标 a card's annual table may have (default 3)"},
          [](Context& c) {
            const long least = std::strtol(c.option("min", "3").c_str(), nullptr, 10);
            for (const Project& p : c.doc.projects) {
              if (p.indicators.empty()) continue;  // JX002 says the table is missing
              std::set<std::string_view> names;  // counted up to the least: enough is enough
              int table = 0;  // the annual table, where the finding points
              for (const Indicator& i : p.indicators) {
                if (i.term && *i.term != "annual") continue;
                if (!table) table = i.at.table;
                const std::string_view name = text::trim_view(i.level3);
                if (!name.empty()) names.insert(name);
                if (static_cast<long>(names.size()) >= least) break;
              }
              if (static_cast<long>(names.size()) >= least) continue;
              const Location at{table ? table : p.indicator_tables.front(), 0, 0};
              c.report(&p, at, "年度三级指标只有 " + std::to_string(names.size()) + " 个，少于 " + std::to_string(least) + " 个",
                       "the annual table has " + std::to_string(names.size()) + " 三级指标, fewer than " +
                           std::to_string(least));
            }
          }};
}

}  // namespace jixiao::rules
