// JX203 category-missing: a required 一级指标 category has no row.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX203/.
#include <algorithm>

#include "rules/rule.hpp"

namespace jixiao::rules {

Rule category_missing() {
  return {{"JX203", "category-missing", Severity::error, false,
           {"缺少必需的一级指标类别", "a required 一级指标 category has no row"},
           {"每个项目的指标表都要覆盖指标体系要求的一级指标：2015 版为产出、效益、满意度；2021 版另需成本。\n"
            "错误示例：只有产出指标和效益指标。\n正确示例：产出、效益、满意度指标各至少一行。",
            "Each project's indicators must cover the categories the framework requires: 产出, "
            "效益, 满意度 (2015), plus 成本 (2021).\nBad: only 产出 and 效益 rows.\n"
            "Good: at least one row each of 产出, 效益 and 满意度."}},
          [](Context& c) {
            for_each_set(c, [&](const Indicators& set) {
              if (set.rows.empty()) return;  // JX002 already says the table is missing
              for (const std::string& required : c.framework.required) {
                bool found = std::any_of(set.rows.begin(), set.rows.end(), [&](const Indicator& i) {
                  return c.categories(i).level1 == required;
                });
                if (!found)
                  c.report(set.project, set.table,
                           "缺少“" + required + "指标”类别（" + c.framework.name + " 版要求）",
                           "no row of the category \"" + required + "指标\" (required by the " +
                               c.framework.name + " framework)");
              }
            });
          }};
}

}  // namespace jixiao::rules
