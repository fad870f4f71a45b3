// JX402 heading-name-mismatch: a card's heading does not contain its 项目名称.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX402/.
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {
std::string squeeze(const std::string& s) { return text::to_halfwidth(text::strip_spaces(s)); }

}  // namespace

Rule heading_name_mismatch() {
  return {{"JX402", "heading-name-mismatch", Severity::warning, false,
           {"项目标题不含项目名称", "a card's heading does not contain its 项目名称"},
           {"标题“N、{项目名称}绩效目标表”应与项目表中的项目名称一致（不计空格和全半角）；"
            "不一致通常是复制上一个项目后只改了一处。\n"
            "错误示例：标题“3、武装工作专项经费绩效目标表”，项目名称“基层政权建设和社区治理”。\n"
            "正确示例：标题与项目名称都是“武装工作专项经费”。",
            "The heading \"N、{项目名称}绩效目标表\" should name the card's project (spaces and "
            "full/half width aside); a mismatch usually means a copied card edited in one place "
            "only.\nBad: heading \"3、武装工作专项经费绩效目标表\" over 项目名称 \"基层政权建设和社区治理\".\n"
            "Good: both say \"武装工作专项经费\"."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              if (!p.heading || !p.name || text::is_blank(*p.name)) continue;
              // Most headings hold the name as written: only the others are squeezed to compare.
              if (!text::contains(p.heading->text, *p.name) && !text::contains(squeeze(p.heading->text), squeeze(*p.name)))
                c.report(&p, card_at(p), "标题“" + p.heading->text + "”不含项目名称“" + *p.name + "”",
                         "the heading \"" + p.heading->text + "\" does not contain the name \"" + *p.name + "\"");
            }
          }};
}

}  // namespace jixiao::rules
