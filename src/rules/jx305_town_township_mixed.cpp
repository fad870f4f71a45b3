// JX305 town-township-mixed: the same unit is called both 乡 and 镇.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX305/.
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {

Rule town_township_mixed() {
  return {{"JX305", "town-township-mixed", Severity::warning, false,
           {"同一单位既称“乡”又称“镇”", "the same unit is called both 乡 and 镇"},
           {"一个单位要么是乡、要么是镇。文中“全乡”“全镇”混用，或单位名称是镇而文中写“全乡”，"
            "多半是套用了别的单位的文字。\n错误示例：北辛堡镇的文档中写“大力发展全乡经济”。\n"
            "正确示例：“大力发展全镇经济”。",
            "A unit is either a township (乡) or a town (镇). Mixing 全乡 and 全镇, or writing 全乡 in "
            "a town's document, usually comes from reusing another unit's text.\n"
            "Bad: \"大力发展全乡经济\" in the document of 北辛堡镇.\nGood: \"大力发展全镇经济\"."}},
          [](Context& c) {
            static const char* const kXiang[] = {"全乡", "本乡", "我乡"};
            static const char* const kZhen[] = {"全镇", "本镇", "我镇"};
            std::string unit_name;
            for (const Project& p : c.doc.projects)
              if (p.unit && unit_name.empty()) unit_name = p.unit->name;
            bool unit_is_zhen = text::ends_with(unit_name, "镇人民政府") || text::ends_with(unit_name, "镇");
            bool unit_is_xiang = text::ends_with(unit_name, "乡人民政府") || text::ends_with(unit_name, "乡");
            const Department& d = c.doc.department;
            const struct {
              const std::optional<std::string>& text;
              const char* zh;
              const char* en;
            } fields[] = {{d.overall_goal, "总体绩效目标", "section 总体绩效目标"},
                          {d.sub_goals, "分项绩效目标", "section 分项绩效目标"},
                          {d.safeguards, "工作保障措施", "section 工作保障措施"}};
            auto found = [&](const char* const* words, std::size_t n) {
              for (const auto& f : fields)
                for (std::size_t k = 0; k < n; ++k)
                  if (f.text && text::contains(*f.text, words[k])) return std::make_pair(&f, words[k]);
              return std::make_pair(static_cast<decltype(&fields[0])>(nullptr), static_cast<const char*>(nullptr));
            };
            auto xiang = found(kXiang, 3), zhen = found(kZhen, 3);
            auto say = [&](auto said, auto other, const char* other_word) {
              std::string zh = std::string(said.first->zh) + "写“" + said.second + "”，";
              std::string en = std::string("the ") + said.first->en + " says \"" + said.second + "\"";
              if (other.first) {
                zh += std::string(other.first->zh) + "却写“" + other.second + "”";
                en += std::string(" but the ") + other.first->en + " says \"" + other.second + "\"";
              } else {
                zh += "而单位“" + unit_name + "”是" + other_word;
                en += " but the unit \"" + unit_name + "\" is a " + (std::string(other_word) == "镇" ? "town (镇)" : "township (乡)");
              }
              c.report(nullptr, {}, zh, en);
            };
            if (xiang.first && (zhen.first || unit_is_zhen)) say(xiang, zhen, "镇");
            else if (zhen.first && unit_is_xiang) say(zhen, xiang, "乡");
          }};
}

}  // namespace jixiao::rules
