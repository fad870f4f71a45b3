// JX219 goal-unmeasured: a numbered goal that no indicator of its card measures.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX219/.
#include <algorithm>
#include <bitset>
#include <cstdint>
#include <map>
#include <vector>

#include "rules/rule.hpp"
#include "util/text.hpp"
#include "util/thread_local.hpp"

namespace jixiao::rules {
namespace {

const char* const kCommonWords[] = {"提高", "确保", "完成", "工作", "保障", "提升", "加强", "推进", "实现", "进一步",
                                    "全面", "有效", "按时", "年度", "目标", "任务", "各项", "开展", "做好", "促进",
                                    "水平", "建设", "管理", "相关", "全年", "持续", "稳定", "增强", "达到", "以上",
                                    "不低于", "不少于", "及时", "顺利", "正常", "运转", "我镇", "我乡", "全镇", "全乡"};

bool is_han(char32_t c) { return c >= 0x3400 && c <= 0x9FFF; }

// The words set aside, by first character (longest first), and which characters begin one (most
// characters begin none, and are passed over with one look).
struct Common {
  std::vector<std::pair<char32_t, std::string>> words;  // each word's first character, and the word
  std::bitset<0x10000> first;
};

// The text's pairs of Chinese characters next to each other, once the common words are taken
// out (each matched where it starts, the longest first), each given to `each` as one number.
// Read in place: no copy of the text is made (this runs over every indicator of every card).
template <class Each>
void each_pair(std::string_view text, const Common& common, Each each) {
  char32_t previous = 0;  // the character before, when it is a Chinese one a pair may start with
  std::size_t len = 0;
  bool exact = true;
  for (std::size_t i = 0; i < text.size(); i += len) {
    const char32_t c = text::decode_one(text, i, len, exact);
    if (len == 0) return;
    if (c < 0x10000 && common.first[c]) {
      bool skipped = false;
      auto at = std::lower_bound(common.words.begin(), common.words.end(), c,
                                 [](const auto& w, char32_t head) { return w.first < head; });
      for (; at != common.words.end() && at->first == c; ++at)
        if (text.compare(i, at->second.size(), at->second) == 0) {
          len = at->second.size();  // the whole word is passed over, and breaks any pair
          skipped = true;
          break;
        }
      if (skipped) {
        previous = 0;
        continue;
      }
    }
    if (!is_han(c)) {
      previous = 0;
      continue;
    }
    if (previous) each((std::uint64_t(previous) << 32) | c);
    previous = c;
  }
}

Common common_words(const std::string& more) {
  std::vector<std::string> words(std::begin(kCommonWords), std::end(kCommonWords));
  for (std::size_t start = 0; start < more.size();) {
    std::size_t end = more.find('\n', start);
    if (end == std::string::npos) end = more.size();
    if (end > start) words.push_back(more.substr(start, end - start));
    start = end + 1;
  }
  Common out;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    std::size_t len = 0;
    bool exact = true;
    const char32_t first = text::decode_one(w, 0, len, exact);
    if (len == 0) continue;
    out.words.emplace_back(first, w);
    if (first < 0x10000) out.first.set(first);
  }
  // By first character, and of those the longest first: 进一步 is tried before a configured 进一,
  // which would otherwise take its first two characters.
  std::stable_sort(out.words.begin(), out.words.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.size() > b.second.size();
  });
  return out;
}

// Every judged goal's pairs in one list, each with its goal, sorted by pair.
using Wants = std::vector<std::pair<std::uint64_t, std::uint32_t>>;

// The card's numbered goals with at least two pairs (judged), their pairs into `wants`; how many.
std::size_t judge_goals(const Project& p, const Common& common, Wants& wants, std::vector<char>& judged) {
  wants.clear();
  judged.assign(p.goals->size(), 0);
  std::size_t open = 0;
  for (std::size_t k = 0; k < p.goals->size(); ++k) {
    if (k >= p.goal_numbers.size() || !p.goal_numbers[k]) continue;  // numbered goals only
    const auto from = static_cast<std::ptrdiff_t>(wants.size());
    each_pair((*p.goals)[k], common, [&](std::uint64_t x) { wants.emplace_back(x, static_cast<std::uint32_t>(k)); });
    std::sort(wants.begin() + from, wants.end());
    wants.erase(std::unique(wants.begin() + from, wants.end()), wants.end());
    if (wants.size() - static_cast<std::size_t>(from) < 2) {
      wants.resize(static_cast<std::size_t>(from));
    } else {
      judged[k] = 1;
      ++open;
    }
  }
  std::sort(wants.begin(), wants.end());
  return open;
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
            // Made once per thread and configured list (a county has one), not per document.
            using Made = std::map<std::string, Common>;
            JIXIAO_THREAD_LOCAL(Made, made);
            const std::string more = c.option("common", "");
            auto found = made.find(more);
            if (found == made.end()) found = made.emplace(more, common_words(more)).first;
            const Common& common = found->second;
            // Kept by the thread: no list per goal made and freed for every card.
            JIXIAO_THREAD_LOCAL(Wants, wants);
            std::vector<char> judged, measured;
            std::bitset<4096> wanted;
            auto bucket = [](std::uint64_t x) { return static_cast<std::size_t>((x ^ (x >> 29)) & 4095); };
            for (const Project& p : c.doc.projects) {
              if (!p.goals || p.indicators.empty()) continue;
              // The goals first: a card whose numbered goals are too short to judge is passed
              // over without reading its indicators.
              const std::size_t goals = p.goals->size();
              std::size_t open = judge_goals(p, common, wants, judged);  // not yet found measured
              if (!open) continue;
              measured.assign(goals, 0);
              // Which pairs any goal wants, by a few bits of each: most pairs of the indicators
              // are turned away by one look, before the list is searched.
              wanted.reset();
              for (const auto& w : wants) wanted.set(bucket(w.first));
              // The card's indicators (and its own name: "完成<项目名称>年度任务" restates the
              // project, which every indicator measures) are read until every goal is measured.
              auto look = [&](const std::string& s) {
                each_pair(s, common, [&](std::uint64_t x) {
                  if (!wanted[bucket(x)]) return;
                  auto at = std::lower_bound(wants.begin(), wants.end(), std::make_pair(x, std::uint32_t(0)));
                  for (; at != wants.end() && at->first == x; ++at)
                    if (!measured[at->second]) {
                      measured[at->second] = 1;
                      --open;
                    }
                });
              };
              if (p.name) look(*p.name);
              for (const Indicator& i : p.indicators)
                for (const std::string* s : {&i.level3, &i.description, &i.value.text})
                  if (open) look(*s);
              for (std::size_t k = 0; k < goals; ++k) {
                if (!judged[k] || measured[k]) continue;
                const std::string n = std::to_string(*p.goal_numbers[k]);
                c.report(&p, card_at(p), "绩效目标 " + n + "“" + (*p.goals)[k] + "”没有指标衡量",
                         "goal " + n + " \"" + (*p.goals)[k] + "\" is measured by no indicator");
              }
            }
          }};
}

}  // namespace jixiao::rules
