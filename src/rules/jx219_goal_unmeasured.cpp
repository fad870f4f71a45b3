// JX219 goal-unmeasured: a numbered goal that no indicator of its card measures.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX219/.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

const char* const kCommonWords[] = {"提高", "确保", "完成", "工作", "保障", "提升", "加强", "推进", "实现", "进一步",
                                    "全面", "有效", "按时", "年度", "目标", "任务", "各项", "开展", "做好", "促进",
                                    "水平", "建设", "管理", "相关", "全年", "持续", "稳定", "增强", "达到", "以上",
                                    "不低于", "不少于", "及时", "顺利", "正常", "运转", "我镇", "我乡", "全镇", "全乡"};

bool is_han(char32_t c) { return c >= 0x3400 && c <= 0x9FFF; }

// The text's pairs of Chinese characters next to each other, once the common words are taken out.
std::vector<std::uint64_t> content_pairs(std::string text, const std::vector<std::string>& common) {
  for (const std::string& word : common)
    for (std::size_t at = text.find(word); !word.empty() && at != std::string::npos; at = text.find(word, at))
      text.replace(at, word.size(), " ");
  const std::u32string cps = text::decode(text);
  std::vector<std::uint64_t> out;
  for (std::size_t k = 0; k + 1 < cps.size(); ++k)
    if (is_han(cps[k]) && is_han(cps[k + 1])) out.push_back((std::uint64_t(cps[k]) << 32) | cps[k + 1]);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> common_words(const Context& c) {
  std::vector<std::string> words(std::begin(kCommonWords), std::end(kCommonWords));
  const std::string more = c.option("common", "");
  for (std::size_t start = 0; start < more.size();) {
    std::size_t end = more.find('\n', start);
    if (end == std::string::npos) end = more.size();
    if (end > start) words.push_back(more.substr(start, end - start));
    start = end + 1;
  }
  // Longest first: 进一步 goes before a shorter word inside it could split it.
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return words;
}

}  // namespace

Rule goal_unmeasured() {
  return {{"JX219", "goal-unmeasured", Severity::info, false,
           {"有编号的绩效目标没有指标衡量", "a numbered goal that no indicator measures"},
           {"每条绩效目标都应有指标衡量：目标里的实词（去掉提高、确保、完成、工作、保障等常用词后，相邻两个汉字）"
            "在本项目任何一个三级指标、指标描述、指标值或项目名称里都找不到时提示。宁可不报也不误报：实词少于两处的目标不判断。"
            "常用词可在配置中用 common 增加。\n"
            "错误示例：目标“2.开展森林防火宣传”，指标里没有一项说到防火或宣传。\n"
            "正确示例：加上三级指标“森林防火宣传场次”。",
            "Each goal should be measured by an indicator: a numbered goal whose content words (pairs "
            "of Chinese characters, once common words such as 提高, 确保, 完成, 工作, 保障 are taken "
            "out) appear in none of its card's 三级指标, descriptions, values or its 项目名称 is noted. When in "
            "doubt it stays silent: a goal with fewer than two such pairs is not judged. Add common "
            "words with common.\n"
            "Bad: goal \"2.开展森林防火宣传\" with no indicator about 防火 or 宣传.\n"
            "Good: add a 三级指标 \"森林防火宣传场次\"."},
           "common: more words to set aside before goals and indicators are compared (a list)"},
          [](Context& c) {
            const std::vector<std::string> common = common_words(c);
            for (const Project& p : c.doc.projects) {
              if (!p.goals || p.indicators.empty()) continue;
              // The project's own name counts as measured: "完成<项目名称>年度任务" restates the
              // project, which every indicator measures.
              std::string measured = p.name.value_or("") + " ";
              for (const Indicator& i : p.indicators) measured += i.level3 + " " + i.description + " " + i.value.text + " ";
              const auto have = content_pairs(measured, common);
              for (std::size_t k = 0; k < p.goals->size(); ++k) {
                if (k >= p.goal_numbers.size() || !p.goal_numbers[k]) continue;  // numbered goals only
                const auto want = content_pairs((*p.goals)[k], common);
                if (want.size() < 2) continue;
                const bool any = std::any_of(want.begin(), want.end(),
                                             [&](std::uint64_t x) { return std::binary_search(have.begin(), have.end(), x); });
                if (any) continue;
                const std::string n = std::to_string(*p.goal_numbers[k]);
                c.report(&p, card_at(p), "绩效目标 " + n + "“" + (*p.goals)[k] + "”没有指标衡量",
                         "goal " + n + " \"" + (*p.goals)[k] + "\" is measured by no indicator");
              }
            }
          }};
}

}  // namespace jixiao::rules
