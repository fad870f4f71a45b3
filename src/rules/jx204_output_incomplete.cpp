// JX204 output-incomplete: 产出指标 lacks any of 数量, 质量, 时效.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX204/.
#include "rules/rule.hpp"

namespace jixiao::rules {

Rule output_incomplete() {
  return {{"JX204", "output-incomplete", Severity::warning, false,
           {"产出指标缺少数量、质量或时效", "产出指标 lacks any of 数量, 质量, 时效"},
           {"产出指标应从数量、质量、时效三方面说明项目做成什么样。\n"
            "错误示例：产出指标下只有数量指标和质量指标。\n正确示例：数量、质量、时效指标各一行。",
            "Outputs should say how much, how well and how soon: 数量, 质量 and 时效.\n"
            "Bad: only 数量指标 and 质量指标 under 产出指标.\nGood: one row each of 数量, 质量, 时效."}},
          [](Context& c) {
            for_each_set(c, [&](const Indicators& set) {
              std::vector<std::string> present;
              for (const Indicator& i : set.rows)
                if (c.categories(i).level1 == "产出") present.push_back(c.categories(i).level2);
              if (present.empty()) return;  // JX203's business
              std::vector<std::string> lacking;
              for (const char* want : {"数量", "质量", "时效"})
                if (!has(present, want)) lacking.push_back(want);
              if (!lacking.empty())
                c.report(set.project, set.table, "产出指标缺少：" + joined(lacking),
                         "产出指标 lacks: " + joined(lacking));
            });
          }};
}

}  // namespace jixiao::rules
