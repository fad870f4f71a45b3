// The indicator frameworks a document is judged by (2015, 2021) and the name folding the rules of
// the indicator hierarchy share (JX201–JX204, JX210); the money units and date order the
// reviewer's rules share (JX106–JX108, JX216, JX218).
#include <algorithm>
#include <unordered_map>

#include "rules/rule.hpp"
#include "util/text.hpp"
#include "util/thread_local.hpp"

namespace jixiao::rules {
namespace {

const Framework k2015 = {"2015",
                         {{"产出", {"数量", "质量", "时效", "成本"}},
                          {"效益", {"经济效益", "社会效益", "生态效益", "可持续影响"}},
                          {"满意度", {"服务对象满意度"}}},
                         {"产出", "效益", "满意度"}};
const Framework k2021 = {"2021",
                         {{"成本", {"经济成本", "社会成本", "生态环境成本"}},
                          {"产出", {"数量", "质量", "时效"}},
                          {"效益", {"经济效益", "社会效益", "生态效益", "可持续影响"}},
                          {"满意度", {"服务对象满意度"}}},
                         {"成本", "产出", "效益", "满意度"}};

// Second-level names the published forms write for the framework's own.
const std::pair<const char*, const char*> kSynonyms[] = {
    {"环境效益", "生态效益"},
    {"社会公众或服务对象满意度", "服务对象满意度"},
    {"社会公众满意度", "服务对象满意度"},
};

std::string fold_category(const std::string& text) {
  std::string s = text::to_halfwidth(text::strip_spaces(text));
  if (text::ends_with(s, "指标")) s.erase(s.size() - std::string("指标").size());
  for (const auto& [written, name] : kSynonyms)
    if (s == written) return name;
  return s;
}
}  // namespace

// to_halfwidth(strip_spaces(text)) without "指标": several rules ask it of every row's 一级 and
// 二级指标, and a county writes the same few of them on every row, so each thread keeps the
// answers (a key is short: returned without an allocation).
std::string category_key(const std::string& text) {
  using Known = std::unordered_map<std::string, std::string>;
  JIXIAO_THREAD_LOCAL(Known, known);
  auto it = known.find(text);
  if (it != known.end()) return it->second;
  if (known.size() >= 4096) known.clear();  // bounded, whatever the input
  return known.emplace(text, fold_category(text)).first->second;
}

const std::vector<std::string>* allowed_under(const Framework& f, const std::string& level1) {
  for (const auto& [name, children] : f.categories)
    if (name == level1) return &children;
  return nullptr;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "、") + s;
  return out;
}

std::optional<int> money_digits(const std::string& unit) {
  if (!text::contains(unit, "元")) return std::nullopt;  // most units: turned away unfolded
  const std::string u = text::fold_for_matching(unit);
  if (u == "元") return 8;
  if (u == "万元") return 4;
  if (u == "亿元") return 0;
  return std::nullopt;
}

bool iso_after(const std::string& a, const std::string& b) {
  const std::size_t n = std::min(a.size(), b.size());
  return a.compare(0, n, b, 0, n) > 0;
}

const Framework& framework_for(Profile profile, const Document& doc) {
  if (profile == Profile::y2015) return k2015;
  if (profile == Profile::y2021) return k2021;
  auto has_cost = [](const std::vector<Indicator>& rows) {
    return std::any_of(rows.begin(), rows.end(), [](const Indicator& i) { return category_key(i.level1) == "成本"; });
  };
  if (has_cost(doc.department.indicators)) return k2021;
  for (const Project& p : doc.projects)
    if (has_cost(p.indicators)) return k2021;
  return k2015;
}

}  // namespace jixiao::rules
