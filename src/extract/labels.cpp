// The one vocabulary (labels.hpp): field names, label synonyms, headings, unit and year lines.
#include "extract/labels.hpp"

#include <algorithm>
#include <cstring>
#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "util/text.hpp"
#include "util/thread_local.hpp"

namespace jixiao::extract {
namespace {

struct Synonym {
  const char* label;
  Field field;
};

// Grows as new forms are met in real submissions. Compared after normalise_label().
// The other spellings of the labels (the names in field_names() match too). Grows as new forms
// are met in real submissions. Compared after normalise_label().
const Synonym kLabels[] = {
    {"项目编号", Field::project_code},       {"项目代码", Field::project_code},
    {"预算总额", Field::budget_total},       {"预算金额", Field::budget_total},
    {"资金总额", Field::budget_total},       {"项目总额", Field::budget_total},
    {"年度预算数", Field::budget_total},     {"预算资金", Field::budget_total},
    {"年度资金总额", Field::budget_total},   {"年度资金申请总额", Field::budget_total},
    {"财政拨款", Field::budget_fiscal},      {"财政性资金", Field::budget_fiscal},
    {"财政拨款资金", Field::budget_fiscal},  {"当年财政拨款", Field::budget_fiscal_annual},
    {"其他来源资金", Field::budget_other},   {"自筹资金", Field::budget_other},
    {"自有资金", Field::budget_item},        {"事业收入", Field::budget_item},
    {"经营性收入", Field::budget_item},      {"经营收入", Field::budget_item},
    {"上年结转资金", Field::budget_item},    {"上年结转", Field::budget_item},
    {"其他", Field::budget_item},            {"项目资金", Field::money_group},
    {"项目资金申请", Field::money_group},    {"资金来源", Field::money_group},
    {"项目总目标", Field::long_term_goals},  {"长期绩效目标", Field::long_term_goals},
    {"年度总体目标", Field::goals},          {"项目实施单位", Field::implementer},
    {"项目单位", Field::implementer},        {"项目性质", Field::attribute},
    {"负责人", Field::contact_person},       {"联系方式", Field::contact_phone},
    {"起止时间", Field::period},             {"实施期限", Field::period},
    {"项目期限", Field::period},             {"计划开始时间", Field::period_start},
    {"开始日期", Field::period_start},       {"计划完成时间", Field::period_end},
    {"完成日期", Field::period_end},         {"结束日期", Field::period_end},
    {"部门职责", Field::department_duties},  {"单位职责", Field::department_duties},
    {"部门职能概述", Field::department_duties}, {"年度总体绩效目标", Field::department_goal},
    {"指标值类型", Field::nature},           {"计量单位", Field::measure_unit},
    {"分值", Field::weight},                 {"评分标准", Field::scoring},
    {"扣分标准", Field::scoring},            {"年度绩效指标", Field::annual_indicators},
    {"长期绩效指标", Field::long_term_indicators},
    {"预算规模及资金用途", Field::budget_and_purpose},
    {"预算规模及用途", Field::budget_and_purpose},
    {"资金规模及用途", Field::budget_and_purpose},
    {"项目资金用途", Field::purpose},        {"资金主要用途", Field::purpose},
    {"主要用途", Field::purpose},            {"支出计划", Field::schedule},
    {"资金支出进度", Field::schedule},       {"预算支出计划", Field::schedule},
    {"资金支出进度计划", Field::schedule},   {"年度绩效目标", Field::goals},
    {"项目绩效目标", Field::goals},          {"年度目标", Field::goals},
    {"预算单位", Field::unit_name},          {"部门名称", Field::unit_name},
    {"单位代码", Field::unit_code},          {"预算单位编码", Field::unit_code},
    {"单位名称", Field::unit_name},          {"预算单位名称", Field::unit_name},
    {"指标名称", Field::level3},             {"指标内容", Field::description},
    {"指标描述", Field::description},
    {"绩效指标内容", Field::description},    {"目标值", Field::value},
    {"指标目标值", Field::value},            {"年度指标值", Field::value},
    {"绩效指标值", Field::value},            {"确定依据", Field::basis},
    {"指标值设定依据", Field::basis},        {"指标确定依据", Field::basis},
};

// Every label a form may write, with its field: the vocabulary's own names, then the synonyms.
template <class Each>
void each_label(Each each) {
  for (const FieldName& f : field_names())
    if (f.label) each(f.zh, *f.label);
  for (const Synonym& syn : kLabels) each(syn.label, syn.field);
}

std::string normalise(std::string_view text) { return text::fold_for_matching(text); }

void drop_prefix(std::string& s, const char* p) {
  if (text::starts_with(s, p)) s.erase(0, std::strlen(p));
}

void drop_suffix(std::string& s, const char* p) {
  if (text::ends_with(s, p)) s.erase(s.size() - std::strlen(p));
}

std::string normalise_label(std::string_view text, std::string* unit) {
  std::string s = normalise(text);
  drop_prefix(s, "*");  // a required label's mark: *指标值
  drop_suffix(s, ":");
  // A parenthesised tail: "（万元）", "(%)", "（单位：万元）".
  if (!s.empty() && s.back() == ')') {
    auto open = s.rfind('(');
    if (open != std::string::npos && open > 0) {
      std::string inner = s.substr(open + 1, s.size() - open - 2);
      drop_prefix(inner, "单位:");
      if (unit && (inner == "万元" || inner == "元")) *unit = inner;
      s.erase(open);
    }
  }
  drop_prefix(s, "其中");
  drop_prefix(s, ":");
  drop_suffix(s, ":");
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Removes an ordinal prefix: 一、 （一） 1. 1、 (1) 第一部分 …
std::string drop_ordinal(std::string s) {
  static const char* const kCn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  std::size_t i = 0;
  bool paren = false;
  if (i < s.size() && s[i] == '(') {
    paren = true;
    ++i;
  }
  std::size_t start = i;
  for (bool more = true; more;) {
    more = false;
    if (i < s.size() && is_digit(s[i])) {
      ++i;
      more = true;
      continue;
    }
    for (const char* c : kCn)
      if (s.compare(i, std::strlen(c), c) == 0) {
        i += std::strlen(c);
        more = true;
        break;
      }
  }
  if (i == start) return s;
  if (paren) return i < s.size() && s[i] == ')' ? s.substr(i + 1) : s;
  for (const char* sep : {"、", ".", "．", ":"})
    if (s.compare(i, std::strlen(sep), sep) == 0) return s.substr(i + std::strlen(sep));
  return s;
}

}  // namespace

const std::vector<FieldName>& field_names() {
  static const std::vector<FieldName> all = {
      {"source", "来源文件", "source file", std::nullopt},
      {"unit_code", "单位编码", "unit code", Field::unit_code},
      {"unit_name", "单位名称", "unit name", Field::unit_name},
      {"seq", "项目序号", "card", std::nullopt},
      {"code", "项目编码", "code", Field::project_code},
      {"name", "项目名称", "name", Field::project_name},
      {"amount_unit", "金额单位", "amount unit", std::nullopt},
      {"total", "预算数", "budget", Field::budget_total},
      {"fiscal", "财政资金", "fiscal", Field::budget_fiscal},
      {"other", "其他资金", "other", Field::budget_other},
      {"purpose", "资金用途", "purpose", Field::purpose},
      {"schedule", "资金支出计划", "spending schedule", Field::schedule},
      {"goals", "绩效目标", "goals", Field::goals},
      {"long_term_goals", "长期目标", "long-term goals", Field::long_term_goals},
      {"authority_code", "主管部门编码", "authority code", Field::authority_code},
      {"authority_name", "主管部门", "authority", Field::authority_name},
      {"implementer", "实施单位", "implementer", Field::implementer},
      {"attribute", "项目属性", "attribute", Field::attribute},
      {"category", "项目类别", "category", Field::category},
      {"period", "项目起止时间", "period", Field::period},
      {"period_start", "计划开始日期", "start", Field::period_start},
      {"period_end", "计划完成日期", "end", Field::period_end},
      {"contact_person", "项目负责人", "person in charge", Field::contact_person},
      {"contact_phone", "联系电话", "phone", Field::contact_phone},
      {"project_total", "项目资金总额", "project total", Field::project_total},
      {"indicator_count", "指标数", "indicators", std::nullopt},
      {"annual_indicators", "年度绩效指标", "annual indicators", Field::annual_indicators},
      {"long_term_indicators", "长期绩效指标", "long-term indicators", Field::long_term_indicators},
      {"overall_goal", "总体绩效目标", "overall goal", std::nullopt},
      {"sub_goals", "分项绩效目标", "sub-goals", std::nullopt},
      {"safeguards", "工作保障措施", "safeguards", std::nullopt},
      {"department_name", "部门(单位)名称", "department", Field::department_name},
      {"duties", "部门(单位)职责", "duties", Field::department_duties},
      {"level1", "一级指标", "level 1", Field::level1},
      {"level2", "二级指标", "level 2", Field::level2},
      {"level3", "三级指标", "level 3", Field::level3},
      {"description", "绩效指标描述", "description", Field::description},
      {"value", "指标值", "value", Field::value},
      {"op", "比较符", "comparison", std::nullopt},
      {"number", "数值", "number", std::nullopt},
      {"unit", "计量单位", "unit", std::nullopt},
      {"grade", "等级", "grade", std::nullopt},
      {"basis", "指标值确定依据", "basis", Field::basis},
      {"term", "指标期限", "term", std::nullopt},
      {"nature", "指标性质", "nature", Field::nature},
      {"measure_unit", "度量单位", "measure unit", Field::measure_unit},
      {"weight", "权重", "weight", Field::weight},
      {"explanation", "指标解释", "explanation", Field::explanation},
      {"scoring", "评(扣)分标准", "scoring", Field::scoring},
      {"note", "备注", "note", Field::note},
      {"rule", "规则", "rule", std::nullopt},
      {"slug", "名称", "slug", std::nullopt},
      {"severity", "级别", "severity", std::nullopt},
      {"message", "说明", "message", std::nullopt},
      {"table", "表", "table", std::nullopt},
      {"row", "行", "row", std::nullopt},
      {"fixable", "可自动修复", "fixable", std::nullopt},
  };
  return all;
}

const FieldName* field_name(std::string_view key) {
  for (const FieldName& f : field_names())
    if (key == f.key) return &f;
  return nullptr;
}

std::string field_display(std::string_view key, Lang lang) {
  const FieldName* f = field_name(key);
  if (!f) return std::string(key);
  return lang == Lang::en ? f->en : f->zh;
}

const char* label_text(Field field) {
  // Where the reference layout writes a label otherwise than the field's name.
  switch (field) {
    case Field::budget_fiscal: return "其中：财政资金";
    case Field::schedule: return "资金支出计划（%）";
    case Field::budget_and_purpose: return "预算规模及资金用途";
    default: break;
  }
  for (const FieldName& f : field_names())
    if (f.label == field) return f.zh;
  for (const Synonym& s : kLabels)  // a field only other spellings name: 当年财政拨款, 自有资金 …
    if (s.field == field) return s.label;
  return "";
}

const char* section_title(Section section) {
  switch (section) {
    case Section::overall_goal: return "一、总体绩效目标";
    case Section::sub_goals: return "二、分项绩效目标";
    default: return "三、工作保障措施";
  }
}

std::string amount_unit_text(const std::string& unit) { return "单位：" + unit; }

namespace {

// The first character of `text` as normalise_label() leaves it, when one of the labels could
// begin with it: past spaces and one colon, with full-width forms folded. Most cells are data
// and are turned away here, before any copy is made.
bool may_be_label(std::string_view text) {
  // The first characters of the labels (and 其 of "其中："), sorted, with a table by low byte
  // that turns most other characters away before the search.
  struct Firsts {
    std::vector<char32_t> sorted;
    bool low[256] = {};
  };
  static const Firsts firsts = [] {
    Firsts f;
    f.sorted.push_back(U'其');  // "其中：" comes off the front
    std::size_t len = 0;
    bool exact = true;
    each_label([&](const char* label, Field) { f.sorted.push_back(text::decode_one(label, 0, len, exact)); });
    std::sort(f.sorted.begin(), f.sorted.end());
    f.sorted.erase(std::unique(f.sorted.begin(), f.sorted.end()), f.sorted.end());
    for (char32_t c : f.sorted) f.low[c & 0xff] = true;
    return f;
  }();
  bool colon = false, exact = true;
  std::size_t len = 0;
  for (std::size_t i = 0; i < text.size(); i += len) {
    char32_t c = text::decode_one(text, i, len, exact);
    if (text::is_space(c)) continue;
    c = text::halfwidth(c);
    if ((c == U':' && !colon) || c == U'*') {  // "：其中", "*指标值"
      colon = colon || c == U':';
      continue;
    }
    return firsts.low[c & 0xff] && std::binary_search(firsts.sorted.begin(), firsts.sorted.end(), c);
  }
  return false;
}

struct LabelMatch {
  std::optional<Field> field;
  std::string unit;  // the unit normalise_label() found in it, "" for none
};

LabelMatch match_label_text(std::string_view cell_text) {
  LabelMatch m;
  std::string s = normalise_label(cell_text, &m.unit);
  if (s.empty() || s.size() > 60) return m;
  static const std::unordered_map<std::string_view, Field> table = [] {
    std::unordered_map<std::string_view, Field> t;
    each_label([&](const char* label, Field field) { t.emplace(label, field); });
    return t;
  }();
  auto it = table.find(s);
  if (it != table.end()) m.field = it->second;
  return m;
}

// Label cells repeat in every card of every document: what each text matched is remembered,
// per thread, up to a bound.
const LabelMatch& remembered_match(std::string_view cell_text) {
  struct Memo {
    std::deque<std::string> texts;  // the keys' storage: a deque never moves what it holds
    std::unordered_map<std::string_view, LabelMatch> matches;
  };
  JIXIAO_THREAD_LOCAL(Memo, memo);
  auto it = memo.matches.find(cell_text);
  if (it != memo.matches.end()) return it->second;
  if (memo.matches.size() >= 4096) {
    memo.matches.clear();
    memo.texts.clear();
  }
  memo.texts.emplace_back(cell_text);
  return memo.matches.emplace(memo.texts.back(), match_label_text(cell_text)).first->second;
}

}  // namespace

std::optional<Field> match_label(std::string_view cell_text, std::string* unit_in_label) {
  // The longest label, spaced out and with a unit, stays well under this: longer text is data.
  if (cell_text.empty() || cell_text.size() > 160 || !may_be_label(cell_text)) return std::nullopt;
  const LabelMatch& m = remembered_match(cell_text);
  if (unit_in_label && !m.unit.empty()) *unit_in_label = m.unit;
  return m.field;
}

std::optional<std::string> amount_unit_line(std::string_view text) {
  std::string s = normalise(text);
  drop_prefix(s, "金额");
  drop_prefix(s, "资金");
  if (!text::starts_with(s, "单位")) return std::nullopt;
  s.erase(0, std::strlen("单位"));
  drop_prefix(s, ":");
  if (s == "万元" || s == "元") return s;
  return std::nullopt;
}

std::optional<Unit> unit_line(std::string_view text) {
  std::string s = text::trim(text);
  std::size_t digits = 0;
  while (digits < s.size() && is_digit(s[digits])) ++digits;
  if (digits < 3 || digits > 12 || digits == s.size()) return std::nullopt;
  std::string name = text::trim(s.substr(digits));
  if (name.empty() || is_digit(name[0]) || match_label(name)) return std::nullopt;
  // Names of units end in what units are called; a code followed by anything else is data.
  for (const char* tail : {"政府", "局", "委员会", "委", "办公室", "办", "院", "所", "中心", "站",
                           "部", "会", "队", "校", "学", "馆", "处", "厅", "司", "室", "署", "社",
                           "镇", "乡", "街道", "公司", "团", "联", "庭", "园", "场"})
    if (text::ends_with(name, tail)) return Unit{s.substr(0, digits), name};
  return std::nullopt;
}

std::optional<Heading> project_heading(std::string_view text) {
  // A heading holds 绩效目标表, perhaps spaced out: without 表 the text is not one (most
  // paragraphs, long ones among them, are turned away here before being decoded).
  if (text.find("表") == std::string_view::npos) return std::nullopt;
  std::u32string cps = text::decode(text);
  std::u32string_view body = cps;
  while (!body.empty() && text::is_space(body[0])) body.remove_prefix(1);
  // 绩效目标表 in the text without its spaces.
  static constexpr std::u32string_view kTitle = U"绩效目标表";
  bool titled = false;
  for (std::size_t i = 0; i < body.size() && !titled; ++i) {
    std::size_t j = i, k = 0;
    for (; j < body.size() && k < kTitle.size(); ++j) {
      if (text::is_space(body[j])) continue;
      if (body[j] != kTitle[k]) break;
      ++k;
    }
    titled = k == kTitle.size();
  }
  if (!titled) return std::nullopt;
  // TOC entries end in a tab and a page number.
  auto tab = body.rfind(U'\t');
  if (tab != std::u32string_view::npos) {
    std::u32string_view tail = body.substr(tab + 1);
    if (!tail.empty() && std::all_of(tail.begin(), tail.end(), [](char32_t c) {
          return (c >= U'0' && c <= U'9') || text::is_space(c);
        }))
      return std::nullopt;
  }
  auto digit = [](char32_t c) { return (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19); };
  std::size_t i = 0;
  bool paren = i < body.size() && (body[i] == U'(' || body[i] == U'（');
  if (paren) ++i;
  std::size_t digits_start = i;
  while (i < body.size() && digit(body[i])) ++i;
  std::size_t number_end = 0;
  if (i > digits_start && i < body.size()) {
    char32_t sep = body[i];
    if (paren && (sep == U')' || sep == U'）')) number_end = i + 1;
    if (!paren && (sep == U'、' || sep == U'.' || sep == U'．' || sep == U'，' || sep == U')' ||
                   sep == U'）'))
      number_end = i + 1;
  }
  // At most 300 bytes of text, spaces not counted.
  std::size_t bytes = 0;
  for (char32_t c : body.substr(number_end))
    if (!text::is_space(c)) bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  if (bytes > 300) return std::nullopt;
  Heading h;
  h.number = text::encode(body.substr(0, number_end));
  h.text = text::encode(body.substr(number_end));
  return h;
}

std::optional<Section> department_section(std::string_view text) {
  // Every title below ends in 标 or 施, perhaps with a colon after it, whatever spaces, width
  // or numbering it is written with: other text (most paragraphs) is turned away unread.
  // (Read backwards: where the end is not valid UTF-8, no title matches anyway.)
  std::size_t end = text.size();
  auto last = [&]() -> char32_t {
    while (end > 0) {
      std::size_t start = end - 1;
      while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xc0) == 0x80) --start;
      std::size_t len = 0;
      bool exact = true;
      char32_t c = text::decode_one(text, start, len, exact);
      end = start;
      if (!text::is_space(c)) return c;
    }
    return 0;
  };
  char32_t c = last();
  if (c == U':' || c == U'：') c = last();
  if (c != U'标' && c != U'施') return std::nullopt;
  std::string s = drop_ordinal(normalise(text));
  drop_suffix(s, ":");
  if (s == "总体绩效目标" || s == "部门总体绩效目标" || s == "整体绩效目标" || s == "总体目标")
    return Section::overall_goal;
  if (s == "分项绩效目标" || s == "分项目标") return Section::sub_goals;
  if (s == "工作保障措施" || s == "保障措施") return Section::safeguards;
  return std::nullopt;
}

bool structural_title(std::string_view text) {
  std::string s = normalise(text);
  for (const char* t : {"第一部分", "第二部分", "第三部分", "部门整体绩效目标", "预算项目绩效目标",
                        "项目绩效目标", "部门预算绩效目标", "第一部分部门整体绩效目标",
                        "第二部分预算项目绩效目标"})
    if (s == t) return true;
  return text::ends_with(s, "绩效目标") && s.size() <= 90 && text::contains(s, "年度");
}

bool form_title(std::string_view text) {
  // Both titles hold 表 and 申 or 整 as written; a card's heading (…项目绩效目标表) holds neither of the latter.
  if (text.size() > 200 || !text::contains(text, "表") || !(text::contains(text, "申") || text::contains(text, "整")))
    return false;
  std::string s = normalise(text);
  return s.size() <= 150 && (text::ends_with(s, "绩效目标申报表") || text::contains(s, "绩效目标申报表(") ||
                             text::ends_with(s, "整体绩效目标表"));
}

std::optional<int> budget_year_title(std::string_view text) {
  std::string s = normalise(text);
  if (s.size() > 150 || !(text::contains(s, "预算") || text::contains(s, "绩效目标"))) return std::nullopt;
  for (std::size_t i = 0; i + 4 < s.size(); ++i) {
    if (!(is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3])) ||
        (i > 0 && is_digit(s[i - 1])))
      continue;
    if (s.compare(i + 4, std::strlen("年"), "年") != 0) continue;
    int year = std::atoi(s.substr(i, 4).c_str());
    if (year >= 2000 && year <= 2099) return year;
  }
  return std::nullopt;
}

std::string year_title(int year) { return std::to_string(year) + "年度部门预算绩效目标"; }

bool looks_like_period(std::string_view text) {
  std::string s = normalise(text);
  if (s.empty() || s.size() > 30) return false;
  return text::contains(s, "月") || text::contains(s, "季度") || text::ends_with(s, "底") ||
         text::ends_with(s, "末") || text::contains(s, "年");
}

}  // namespace jixiao::extract
