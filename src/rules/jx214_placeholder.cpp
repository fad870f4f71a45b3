// JX214 placeholder: a value or required field holds a placeholder, not a value.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX214/.
#include <cctype>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cstring>
#include <string_view>
#include <tuple>

#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

// The characters some placeholder is partly made of: × 待 请 (××, 待填写, 请填写), X x Ｘ ｘ (XX)
// and { ｛ ({单位}). Three-byte ones as their UTF-8 bytes.
constexpr unsigned kPartial3[] = {0xE5BE85, 0xE8AFB7, 0xEFBCB8, 0xEFBD98, 0xEFBD9B};  // 待 请 Ｘ ｘ ｛

#if !defined(__SSE2__)
bool partial_at(const unsigned char* b, std::size_t i, std::size_t n) {
  const unsigned char c = b[i];
  if (c == 'x' || c == 'X' || c == '{') return true;
  if (c == 0xC3) return i + 1 < n && b[i + 1] == 0x97;  // ×
  if (c < 0xE5 || i + 2 >= n) return false;
  const unsigned v = (unsigned(c) << 16) | (unsigned(b[i + 1]) << 8) | b[i + 2];
  for (unsigned k : kPartial3)
    if (v == k) return true;
  return false;
}
#endif

// Whether the text holds one of them. Sixteen bytes at a time where SSE2 is there; a short text,
// or the last bytes of a long one, copied into a block padded with 'A' (no part of any of them).
// A match is looked at again by the caller, so a text is only ever passed over for certain.
#if defined(__SSE2__)
bool block_holds_partial(const unsigned char* b) {
  auto set = [](unsigned c) { return _mm_set1_epi8(static_cast<char>(c & 0xFF)); };
  const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
  const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + 1));
  const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + 2));
  __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v0, set('x')), _mm_cmpeq_epi8(v0, set('X'))),
                             _mm_cmpeq_epi8(v0, set('{')));
  hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(v0, set(0xC3)), _mm_cmpeq_epi8(v1, set(0x97))));
  for (unsigned k : kPartial3)
    hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(v0, set(k >> 16)), _mm_cmpeq_epi8(v1, set(k >> 8))),
                                          _mm_cmpeq_epi8(v2, set(k))));
  return _mm_movemask_epi8(hit) != 0;
}
#endif

bool holds_partial(const std::string& text) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i + 18 <= n; i += 16)  // two bytes beyond the block for the triples
    if (block_holds_partial(b + i)) return true;
  unsigned char tail[34];  // the rest (under 18 bytes): a block at 0 and, for 17, one at 16
  std::memset(tail, 'A', sizeof tail);
  std::memcpy(tail, b + i, n - i);
  return block_holds_partial(tail) || (n - i > 16 && block_holds_partial(tail + 16));
#else
  for (; i < n; ++i)
    if (partial_at(b, i, n)) return true;
  return false;
#endif
}

// Whether the text holds a character that no whole placeholder holds and that folding keeps: a
// digit, a letter other than x, %, or a Chinese character other than 略 待 填 写 请. Such text,
// without a character of the partial ones, is no placeholder: most values and descriptions
// ("≥95%", "2023-12-31", "全年完成培训") are turned away here, at their first character or so,
// without folding them.
bool holds_content(const std::string& text) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = b[i];
    if (c < 0x80) {
      if ((std::isalnum(c) && c != 'x' && c != 'X') || c == '%') return true;
      ++i;
    } else if (c >= 0xE4 && c <= 0xE9 && i + 2 < n && (b[i + 1] & 0xC0) == 0x80 && (b[i + 2] & 0xC0) == 0x80) {
      switch ((unsigned(c) << 16) | (unsigned(b[i + 1]) << 8) | b[i + 2]) {
        case 0xE795A5: case 0xE5BE85: case 0xE5A1AB: case 0xE58699: case 0xE8AFB7:  // 略 待 填 写 请
          break;
        default:
          return true;  // U+4000..U+9FFF: a Chinese character
      }
      i += 3;
    } else {
      ++i;
    }
  }
  return false;
}

// Whether a field's text is a placeholder left from the template: a mark alone (`*`, `/`, `—`,
// `……`), a request to fill in (待填写, 请填写, （略）), XX or ×× standing for what is missing,
// or a {name} to be replaced. A blank field is JX206's or JX002's business, not this rule's.
bool is_placeholder(const std::string& text) {
  if (!holds_partial(text) && holds_content(text)) return false;
  const std::string s = text::fold_for_matching(text);  // no spaces, half-width
  if (s.empty()) return false;
  static constexpr std::string_view kWholes[] = {"*", "/", "\\", "—", "——", "-", "--", "…", "……", "...", "......",
                                                 "略", "(略)", "待填写", "请填写", "待填", "填写", "xx", "XX", "××", "x", "X"};
  for (std::string_view whole : kWholes)
    if (s == whole) return true;
  static constexpr std::string_view kParts[] = {"××", "待填写", "请填写"};
  for (std::string_view part : kParts)
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
