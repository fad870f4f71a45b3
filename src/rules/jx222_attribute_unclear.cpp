// JX222 attribute-unclear: 项目属性 / 项目性质 with no option chosen, two chosen, or another value.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX222/.
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

bool has_any(const std::string& s, std::initializer_list<const char*> marks) {
  for (const char* m : marks)
    if (text::contains(s, m)) return true;
  return false;
}

}  // namespace

Rule attribute_unclear() {
  return {{"JX222", "attribute-unclear", Severity::warning, false,
           {"项目属性没有选定一项", "项目属性 / 项目性质 is not one chosen option"},
           {"项目属性（新增项目、延续项目）或项目性质（一次性、阶段性、经常性项目）要勾选且只勾选一项，"
            "或写出其中一项；都没勾、勾了两项或写了别的，汇总时无法归类。\n"
            "错误示例：“新增项目□ 延续项目□”；“新增项目√ 延续项目√”；“常规”。\n"
            "正确示例：“新增项目□ 延续项目√”；“经常性项目”。",
            "项目属性 (新增项目, 延续项目) or 项目性质 (一次性, 阶段性, 经常性项目) takes exactly one "
            "option, ticked or written: none ticked, two ticked or another word cannot be counted.\n"
            "Bad: \"新增项目□ 延续项目□\"; \"新增项目√ 延续项目√\"; \"常规\".\n"
            "Good: \"新增项目□ 延续项目√\"; \"经常性项目\"."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              if (!p.attribute) continue;
              const std::string& a = *p.attribute;
              // The reader keeps the chosen option, or the text as written when it could not choose.
              const bool ticks = has_any(a, {"√", "✓", "✔", "☑", "■", "☒", "⊠"});
              const bool boxes = has_any(a, {"□", "☐", "口"});
              std::string why_zh, why_en;
              if (ticks) why_zh = "勾选了不止一项", why_en = "has more than one option ticked";
              else if (boxes) why_zh = "没有勾选任何一项", why_en = "has no option ticked";
              else {
                const std::string v = text::fold_for_matching(a);
                bool known = false;
                for (const char* option : {"新增项目", "延续项目", "一次性项目", "阶段性项目", "经常性项目", "持续性项目",
                                           "新增", "延续", "一次性", "阶段性", "经常性", "持续性", "新增项目（政策）"})
                  known = known || v == option;
                if (known || v.empty()) continue;
                why_zh = "不是表中的选项", why_en = "is none of the form's options";
              }
              c.report(&p, card_at(p), "项目属性“" + a + "”" + why_zh, "项目属性 \"" + a + "\" " + why_en);
            }
          }};
}

}  // namespace jixiao::rules
