// JX217 level3-generic: a 三级指标 repeats its 二级 or 一级 name, or is only a category word.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX217/.
#include <string_view>

#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

// The frameworks' category names and the words that name no measure, as category_key has them.
bool is_category_word(std::string_view key) {
  static constexpr std::string_view kWords[] = {"产出", "效益", "满意度", "成本", "数量", "质量", "时效",
                                                "经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度",
                                                "经济成本", "社会成本", "生态环境成本", "其他", "其它", "无", ""};
  for (std::string_view word : kWords)
    if (key == word) return true;
  return false;
}

}  // namespace

Rule level3_generic() {
  return {{"JX217", "level3-generic", Severity::warning, false,
           {"三级指标只重复了上级名称", "a 三级指标 only repeats its 二级 or 一级 name"},
           {"三级指标要写出具体考核什么；照抄二级、一级指标名或只写一个类别词（如“社会成本指标”“质量”），"
            "等于什么也没说。绩效指标描述写明了考核内容的（如三级“满意度”、描述“离任村干部满意”）不在此列。\n"
            "错误示例：二级指标“社会成本指标”，三级指标“社会成本指标”。\n"
            "正确示例：三级指标“对周边居民生活的影响”。",
            "A 三级指标 says what exactly is assessed; one that repeats its 二级 or 一级 name, or is "
            "only a category word (\"社会成本指标\", \"质量\"), says nothing. A row whose 绩效指标描述 "
            "says what is measured (三级 \"满意度\", described \"离任村干部满意\") is left alone.\n"
            "Bad: 二级指标 \"社会成本指标\", 三级指标 \"社会成本指标\".\n"
            "Good: 三级指标 \"对周边居民生活的影响\"."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              // Category words and parents' names are short: a longer 三级指标 is neither (and is
              // not folded: this runs on every row).
              if (text::is_blank(i.level3) || i.level3.size() > 48) return;  // blank: JX212's business
              // A 绩效指标描述 that says what is measured ("离任村干部满意" under 三级 "满意度")
              // names it: only a row with nothing more is flagged.
              // A description longer than any category word (with 指标 and spaces) says more than
              // one, and is not folded either.
              if (!text::is_blank(i.description) &&
                  (i.description.size() > 48 || !is_category_word(category_key(i.description))))
                return;
              const std::string key = category_key(i.level3);
              const bool repeats = key == c.categories(i).level2 || key == c.categories(i).level1;
              if (!repeats && !is_category_word(key)) return;
              const std::string label = field_zh("level3");
              c.report(p, at_field(i, IndicatorField::level3), label + "“" + i.level3 + "”只是" + (repeats ? "重复了上级指标名" : "一个类别词"),
                       label + " \"" + i.level3 + "\" " + (repeats ? "only repeats its parent's name" : "is only a category word"));
            });
          }};
}

}  // namespace jixiao::rules
