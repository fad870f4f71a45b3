// JX205 indicator-duplicate: two rows of a card are equal from 一级 to 指标值.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX205/.
#include <map>
#include <string_view>
#include <tuple>

#include "rules/rule.hpp"

namespace jixiao::rules {

Rule indicator_duplicate() {
  return {{"JX205", "indicator-duplicate", Severity::error, false,
           {"同一项目中有两行指标完全相同", "two rows of a card are equal from 一级 to 指标值"},
           {"重复的指标行多半是复制粘贴后忘了修改，会让考核重复计分。\n"
            "错误示例：两行都是“满意度指标 / 服务对象满意度指标 / 满意度 / 上级武装部门满意 / ≥90优”。\n"
            "正确示例：第二行改为另一个服务对象，如“群众满意”。",
            "A repeated row is usually a copy-paste left unedited, and counts twice in the review.\n"
            "Bad: two rows \"满意度指标 / 服务对象满意度指标 / 满意度 / 上级武装部门满意 / ≥90优\".\n"
            "Good: the second row about another group, e.g. \"群众满意\"."}},
          [](Context& c) {
            for_each_set(c, [&](const Indicators& set) {
              // Views of the card's own text: no copy of five strings per row. A long-term and
              // an annual table may hold the same indicator: rows repeat only within a term.
              using Key = std::tuple<std::string_view, std::string_view, std::string_view, std::string_view,
                                     std::string_view, std::string_view>;
              std::map<Key, int> seen;
              for (const Indicator& i : set.rows) {
                Key key{i.term ? std::string_view(*i.term) : std::string_view(), i.level1, i.level2, i.level3,
                        i.description, i.value.text};
                auto [it, fresh] = seen.emplace(key, i.at.row);
                if (!fresh)
                  c.report(set.project, i.at, "与第 " + std::to_string(it->second) + " 行完全相同（“" + i.level3 + "”）",
                           "identical to row " + std::to_string(it->second) + " (\"" + i.level3 + "\")");
              }
            });
          }};
}

}  // namespace jixiao::rules
