// JX401 heading-numbering: card headings switch numbering style or skip a number.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX401/.
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

// "1、" -> {1, "、"}; "（12）" -> {12, "（）"}; full-width digits read as digits.
std::pair<int, std::string> numbering(const std::string& number) {
  int n = 0;
  std::string style;
  for (char32_t c : text::decode(number)) {
    if (c >= 0xFF10 && c <= 0xFF19) c -= 0xFEE0;
    if (c >= U'0' && c <= U'9') n = n * 10 + int(c - U'0');
    else text::append_utf8(style, c);
  }
  return {n, style};
}

bool fix_heading_numbers(Document& doc) {
  std::string first;
  int n = 0;
  bool changed = false;
  for (Project& p : doc.projects) {
    if (!p.heading || p.heading->number.empty()) continue;
    if (first.empty()) first = p.heading->number;
    ++n;
    // The first heading's form with this heading's place in the sequence: "1、" -> "4、".
    std::u32string form = text::decode(first), number;
    bool replaced = false;
    for (char32_t c : form) {
      bool digit = (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19);
      if (digit && !replaced) {
        number += text::decode(std::to_string(n));
        replaced = true;
      } else if (!digit) {
        number += c;
      }
    }
    std::string renumbered = text::encode(number);
    if (renumbered != p.heading->number) {
      p.heading->number = renumbered;
      changed = true;
    }
  }
  return changed;
}

}  // namespace

Rule heading_numbering() {
  return {{"JX401", "heading-numbering", Severity::info, true,
           {"项目标题编号写法不一致或跳号", "card headings switch numbering style or skip a number"},
           {"项目标题的编号应统一写法并连续，目录和引用才不会出错。可用 --fix 统一改为第一个标题的写法。\n"
            "错误示例：“1、…”“2、…”“3、…”之后是“4.…”。\n正确示例：“1、…”到“8、…”。",
            "Headings number their projects in one style, without gaps, so that contents and "
            "references hold. --fix rewrites them in the first heading's style.\n"
            "Bad: \"1、…\" \"2、…\" \"3、…\" then \"4.…\".\nGood: \"1、…\" to \"8、…\"."}},
          [](Context& c) {
            std::optional<std::pair<int, std::string>> first, before;
            for (const Project& p : c.doc.projects) {
              if (!p.heading || p.heading->number.empty()) continue;
              auto now = numbering(p.heading->number);
              if (!first) first = now;
              if (now.second != first->second)
                c.report(&p, card_at(p), "标题编号“" + p.heading->number + "”与前面的“" + std::to_string(first->first) +
                                             first->second + "”写法不同",
                         "the heading number \"" + p.heading->number + "\" is written unlike the earlier \"" +
                             std::to_string(first->first) + first->second + "\"");
              if (before && now.first != before->first + 1)
                c.report(&p, card_at(p), "标题编号从 " + std::to_string(before->first) + " 跳到 " + std::to_string(now.first),
                         "heading numbers go from " + std::to_string(before->first) + " to " + std::to_string(now.first));
              before = now;
            }
          },
          fix_heading_numbers};
}

}  // namespace jixiao::rules
