// JX301 code-format: a 项目编码 does not match the configured pattern.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX301/.
#include <map>
#include <regex>

#include "rules/rule.hpp"
#include "util/thread_local.hpp"

namespace jixiao::rules {
namespace {
const char* const kDefaultCodePattern = "^[0-9]{6}[0-9]{2}[0-9A-Za-z]{13}$";
}  // namespace

Rule code_format() {
  return {{"JX301", "code-format", Severity::warning, false,
           {"项目编码格式不符", "a 项目编码 does not match the configured pattern"},
           {"项目编码由预算系统生成，默认格式为 6 位区划码、2 位年度和 13 位字母或数字。"
            "手工录入时常多一位、少一位或混入空格。格式可在配置中用 pattern 修改。\n"
            "错误示例：“13073021EOT8X7ZTVTKA”（少一位）。\n正确示例：“13073021EOT8X7ZTVTKA0”。",
            "Project codes come from the budget system: by default a 6-digit division code, a "
            "2-digit year and 13 letters or digits. Typed by hand they gain or lose a character "
            "or a space. Set another pattern in the configuration.\n"
            "Bad: \"13073021EOT8X7ZTVTKA\" (one short).\nGood: \"13073021EOT8X7ZTVTKA0\"."},
           "pattern: an ECMAScript regular expression the whole code must match "
           "(default ^[0-9]{6}[0-9]{2}[0-9A-Za-z]{13}$)"},
          [](Context& c) {
            // Compiled once per thread and pattern (a county has one), not for every document.
            using Compiled = std::map<std::string, std::regex>;
            JIXIAO_THREAD_LOCAL(Compiled, compiled);
            const std::string text = c.option("pattern", kDefaultCodePattern);
            auto it = compiled.find(text);
            if (it == compiled.end()) it = compiled.emplace(text, std::regex(text)).first;
            const std::regex& pattern = it->second;
            for (const Project& p : c.doc.projects)
              if (p.code && !p.code->empty() && !std::regex_match(*p.code, pattern))
                c.report(&p, card_at(p), "项目编码“" + *p.code + "”不符合格式 " + c.option("pattern", kDefaultCodePattern),
                         "项目编码 \"" + *p.code + "\" does not match " + c.option("pattern", kDefaultCodePattern));
          }};
}

}  // namespace jixiao::rules
