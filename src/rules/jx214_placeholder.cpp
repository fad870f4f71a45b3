// JX214 placeholder: a value or required field holds a placeholder, not a value.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX214/.
#include <cctype>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <tuple>

#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

// Whether one of the characters a placeholder is made of, in half or full width, begins at byte
// `i`: * / \\ - . X x { ( × — … 略 待 请 填 （ ＊ － ． ／ Ｘ ｘ ｛. UTF-8 is matched as bytes: no
// character's bytes begin inside another's.
bool mark_at(const unsigned char* b, std::size_t i, std::size_t n) {
  switch (b[i]) {
    case '*': case '/': case '\\': case '-': case '.': case 'X': case 'x': case '{': case '(':
      return true;
    case 0xC3:
      return i + 1 < n && b[i + 1] == 0x97;
    default:
      break;
  }
  if (i + 2 >= n) return false;
  switch ((unsigned(b[i]) << 16) | (unsigned(b[i + 1]) << 8) | b[i + 2]) {
    case 0xE28094: case 0xE280A6: case 0xE795A5: case 0xE5BE85: case 0xE8AFB7: case 0xE5A1AB:
    case 0xEFBC88: case 0xEFBC8A: case 0xEFBC8D: case 0xEFBC8E: case 0xEFBC8F: case 0xEFBCB8:
    case 0xEFBD98: case 0xEFBD9B:
      return true;
    default:
      return false;
  }
}

// Whether the text holds such a character: most values ("≥90优") hold none, and are turned away
// without folding them (this runs on every field of every row and card). Sixteen bytes at a
// time where SSE2 is there: a byte of the ASCII marks, or the first two bytes of the others,
// is looked at closely.
bool may_hold_placeholder(const std::string& text) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size(), i = 0;
  if (n < 18) {  // most fields: a byte at a time, the marks' first bytes looked at closely
    for (; i < n; ++i)
      if ((b[i] < 0x80 || b[i] == 0xC3 || b[i] == 0xE2 || b[i] == 0xE5 || b[i] == 0xE7 || b[i] == 0xE8 || b[i] == 0xEF) &&
          mark_at(b, i, n))
        return true;
    return false;
  }
#if defined(__SSE2__)
  auto set = [](unsigned char c) { return _mm_set1_epi8(static_cast<char>(c)); };
  static const unsigned char kSingles[] = {'*', '/', '\\', '-', '.', 'X', 'x', '{', '('};
  static const unsigned char kPairs[][2] = {{0xC3, 0x97}, {0xE2, 0x80}, {0xE5, 0xBE}, {0xE5, 0xA1},
                                            {0xE7, 0x95}, {0xE8, 0xAF}, {0xEF, 0xBC}, {0xEF, 0xBD}};
  __m128i singles[9], firsts[8], seconds[8];
  for (int k = 0; k < 9; ++k) singles[k] = set(kSingles[k]);
  for (int k = 0; k < 8; ++k) firsts[k] = set(kPairs[k][0]), seconds[k] = set(kPairs[k][1]);
  for (; i + 18 <= n; i += 16) {
    const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i + 1));
    __m128i hit = _mm_setzero_si128();
    for (const __m128i& c : singles) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v0, c));
    for (int k = 0; k < 8; ++k)
      hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(v0, firsts[k]), _mm_cmpeq_epi8(v1, seconds[k])));
    for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)); mask; mask &= mask - 1)
      if (mark_at(b, i + static_cast<std::size_t>(__builtin_ctz(mask)), n)) return true;
  }
#endif
  for (; i < n; ++i)
    if (mark_at(b, i, n)) return true;
  return false;
}

// Whether a field's text is a placeholder left from the template: a mark alone (`*`, `/`, `—`,
// `……`), a request to fill in (待填写, 请填写, （略）), XX or ×× standing for what is missing,
// or a {name} to be replaced. A blank field is JX206's or JX002's business, not this rule's.
bool is_placeholder(const std::string& text) {
  if (!may_hold_placeholder(text)) return false;
  const std::string s = text::fold_for_matching(text);  // no spaces, half-width
  if (s.empty()) return false;
  for (const char* whole : {"*", "/", "\\", "—", "——", "-", "--", "…", "……", "...", "......", "略", "(略)",
                            "待填写", "请填写", "待填", "填写", "xx", "XX", "××", "x", "X"})
    if (s == whole) return true;
  for (const char* part : {"××", "待填写", "请填写"})
    if (text::contains(s, part)) return true;
  // XX standing for a number or a name ("完成XX项", "XX镇"): not inside a run of letters and
  // digits, as in a project code ("1307302128118SZXXHUR7").
  auto alnum = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; };
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    while (j < s.size() && (s[j] == 'X' || s[j] == 'x')) ++j;
    if (j - i >= 2 && (i == 0 || !alnum(s[i - 1])) && (j == s.size() || !alnum(s[j]))) return true;
    i = j > i ? j : i + 1;
  }
  const std::size_t open = s.find('{');
  return open != std::string::npos && s.find('}', open) != std::string::npos;
}

}  // namespace

Rule placeholder() {
  return {{"JX214", "placeholder", Severity::error, false,
           {"字段是占位符而不是内容", "a value or required field holds a placeholder"},
           {"模板里的占位符（*、/、—、XX、××、待填写、请填写、（略）、{单位}、……）没有换成实际内容，"
            "这一栏等于没填。标签里的 * 表示必填，不在此列。\n"
            "错误示例：指标值“*”；三级指标“完成XX项”。\n正确示例：指标值“≥95%”；三级指标“完成培训场次”。",
            "A template's placeholder (*, /, —, XX, ××, 待填写, 请填写, （略）, {单位}, ……) left "
            "where the content belongs: the field is as good as empty. A * in a label marks it "
            "required and is not flagged.\n"
            "Bad: 指标值 \"*\"; 三级指标 \"完成XX项\".\nGood: 指标值 \"≥95%\"; 三级指标 \"完成培训场次\"."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              const std::pair<const std::optional<std::string>*, const char*> fields[] = {
                  {&p.code, "code"}, {&p.name, "name"}, {&p.purpose, "purpose"}};
              for (const auto& [field, key] : fields)
                if (*field && is_placeholder(**field))
                  c.report(&p, card_at(p), field_zh(key) + "是占位符“" + **field + "”",
                           field_zh(key) + " is a placeholder: \"" + **field + "\"");
              if (p.goals)
                for (const std::string& g : *p.goals)
                  if (is_placeholder(g))
                    c.report(&p, card_at(p), field_zh("goals") + "是占位符“" + g + "”",
                             field_zh("goals") + " is a placeholder: \"" + g + "\"");
            }
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              const std::tuple<const std::string*, const char*, IndicatorField> fields[] = {
                  {&i.level3, "level3", IndicatorField::level3},
                  {&i.value.text, "value", IndicatorField::value},
                  {&i.description, "description", IndicatorField::description}};
              for (const auto& [text, key, field] : fields)
                if (is_placeholder(*text))
                  c.report(p, at_field(i, field), field_zh(key) + "是占位符“" + *text + "”",
                           field_zh(key) + " is a placeholder: \"" + *text + "\"");
            });
          }};
}

}  // namespace jixiao::rules
