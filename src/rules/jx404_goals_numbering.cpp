// JX404 goals-numbering: the numbering of 绩效目标 skips or repeats.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX404/.
#include "rules/rule.hpp"

namespace jixiao::rules {

Rule goals_numbering() {
  return {{"JX404", "goals-numbering", Severity::info, false,
           {"绩效目标编号跳号或重复", "the numbering of 绩效目标 skips or repeats"},
           {"绩效目标的编号应从 1 起连续，跳号或重复常说明有目标被删掉或复制重了。\n"
            "错误示例：“1.… 2.… 2.…”或“1.… 3.…”。\n正确示例：“1.… 2.… 3.…”。",
            "Goals are numbered from 1 without gaps; a skip or a repeat often means a goal was "
            "deleted or pasted twice.\nBad: \"1.… 2.… 2.…\" or \"1.… 3.…\".\nGood: \"1.… 2.… 3.…\"."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              int expected = 1;
              for (const auto& n : p.goal_numbers) {
                if (!n) continue;
                if (*n != expected)
                  c.report(&p, card_at(p), "绩效目标编号应为 " + std::to_string(expected) + "，实为 " + std::to_string(*n),
                           "goal number " + std::to_string(*n) + " where " + std::to_string(expected) + " was expected");
                expected = *n + 1;
              }
            }
          }};
}

}  // namespace jixiao::rules
