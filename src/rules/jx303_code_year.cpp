// JX303 code-year: the year digits of a 项目编码 differ from the budget year.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX303/.
#include <cctype>

#include "rules/rule.hpp"

namespace jixiao::rules {

Rule code_year() {
  return {{"JX303", "code-year", Severity::warning, false,
           {"项目编码中的年度与预算年度不符", "the year digits of a 项目编码 differ from the budget year"},
           {"项目编码第 7–8 位是年度；与预算年度不一致，通常是沿用了往年的编码。预算年度取自配置的 year，"
            "或文档标题中写明的年度；都没有时不检查。\n"
            "错误示例：2021 年预算中的“13073020…”。\n正确示例：“13073021…”。",
            "Digits 7–8 of a code are its year; a mismatch usually means last year's code was "
            "reused. The budget year comes from the configuration's year, or from a title of the "
            "document; without either nothing is checked.\nBad: \"13073020…\" in the 2021 budget.\n"
            "Good: \"13073021…\"."}},
          [](Context& c) {
            std::optional<int> year = c.config.year ? c.config.year : c.doc.year;
            if (!year) return;
            std::string want = std::to_string(100 + *year % 100).substr(1);  // two digits
            for (const Project& p : c.doc.projects) {
              if (!p.code || p.code->size() < 8) continue;
              std::string digits = p.code->substr(6, 2);
              if (!std::isdigit(static_cast<unsigned char>(digits[0])) ||
                  !std::isdigit(static_cast<unsigned char>(digits[1])) || digits == want)
                continue;
              c.report(&p, card_at(p),
                       "项目编码 " + *p.code + " 的年度位为“" + digits + "”，预算年度为 " + std::to_string(*year),
                       "项目编码 " + *p.code + " has the year digits \"" + digits + "\"; the budget year is " +
                           std::to_string(*year));
            }
          }};
}

}  // namespace jixiao::rules
