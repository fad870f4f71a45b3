// JX403 stray-whitespace: leading, trailing, doubled or ideographic spaces in a field.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX403/.
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cstring>

#include "extract/labels.hpp"
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

#if !defined(__SSE2__)
// Whether the byte at `i` begins a space as text::is_space counts them: ASCII whitespace, or
// U+00A0, U+1680, U+180E (any E1 lead), U+2000..200B, U+2028/2029, U+202F, U+205F, U+3000, U+FEFF.
bool space_at(const unsigned char* b, std::size_t i, std::size_t n) {
  const unsigned char c = b[i];
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  const unsigned char c1 = i + 1 < n ? b[i + 1] : 0, c2 = i + 2 < n ? b[i + 2] : 0;
  return (c == 0xC2 && c1 == 0xA0) || c == 0xE1 ||
         (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8B || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) ||
         (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) || (c == 0xE3 && c1 == 0x80 && c2 == 0x80) ||
         (c == 0xEF && c1 == 0xBB && c2 == 0xBF);
}
#endif

// Whether the text holds such a space anywhere, from its bytes alone: most fields hold none and
// are passed over without decoding. Sixteen bytes at a time where SSE2 is there (every x86-64):
// a byte <= 0x20, an E1 lead, or the exact byte pairs and triples the other spaces are written
// with (C2 A0; E2 80 xx, E2 81 9F; E3 80 80; EF BB BF), compared at three offsets at once, so
// that the punctuation of Chinese text (“”、。≥％, leads E2, E3, EF too) is passed over without
// a closer look. A short field, or the last bytes of a long one, is copied into a block padded
// with 'A' (no space, and no part of one), so that it too is read in one or two blocks.
#if defined(__SSE2__)
bool block_holds_space(const unsigned char* b) {
  auto set = [](unsigned char c) { return _mm_set1_epi8(static_cast<char>(c)); };
  auto eq = [](__m128i a, __m128i b) { return _mm_cmpeq_epi8(a, b); };
  const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
  const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + 1));
  const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + 2));
  const __m128i space = set(0x20), x80 = set(0x80), xE2 = set(0xE2), x8B = set(0x8B);
  __m128i hit = _mm_or_si128(eq(_mm_max_epu8(v0, space), space), eq(v0, set(0xE1)));  // <= 0x20, E1
  hit = _mm_or_si128(hit, _mm_and_si128(eq(v0, set(0xC2)), eq(v1, set(0xA0))));
  const __m128i e2_80 = _mm_and_si128(eq(v0, xE2), eq(v1, x80));
  const __m128i third = _mm_or_si128(_mm_or_si128(eq(_mm_min_epu8(v2, x8B), v2), eq(v2, set(0xA8))),
                                     _mm_or_si128(eq(v2, set(0xA9)), eq(v2, set(0xAF))));
  hit = _mm_or_si128(hit, _mm_and_si128(e2_80, third));
  hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(eq(v0, xE2), eq(v1, set(0x81))), eq(v2, set(0x9F))));
  hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(eq(v0, set(0xE3)), eq(v1, x80)), eq(v2, x80)));
  hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(eq(v0, set(0xEF)), eq(v1, set(0xBB))), eq(v2, set(0xBF))));
  return _mm_movemask_epi8(hit) != 0;
}
#endif

bool may_hold_space(std::string_view s) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i + 18 <= n; i += 16)  // two bytes beyond the block for the triples
    if (block_holds_space(b + i)) return true;
  // The rest (under 18 bytes), padded: a block at 0 and, past 14 bytes, one at 16.
  unsigned char tail[34];
  std::memset(tail, 'A', sizeof tail);
  std::memcpy(tail, b + i, n - i);
  return block_holds_space(tail) || (n - i > 16 && block_holds_space(tail + 16));
#else
  for (; i < n; ++i)
    if (space_at(b, i, n)) return true;
  return false;
#endif
}

// What is untidy about the spaces of a text, or nothing. Read in one pass over the UTF-8, without
// decoding it into a copy: every field of every card is asked.
std::optional<std::pair<const char*, const char*>> stray(const std::string& s) {
  if (s.empty() || !may_hold_space(s)) return std::nullopt;
  auto horizontal = [](char32_t c) { return c != U'\n' && text::is_space(c); };
  bool ideographic = false, doubled = false, previous_horizontal = false;
  char32_t first = 0, last = 0;
  std::size_t len = 0;
  bool exact = true;
  for (std::size_t i = 0; i < s.size(); i += len) {
    char32_t c = text::decode_one(s, i, len, exact);
    if (i == 0) first = c;
    last = c;
    ideographic = ideographic || c == 0x3000;
    const bool h = horizontal(c);
    doubled = doubled || (h && previous_horizontal);
    previous_horizontal = h;
  }
  if (ideographic) return std::make_pair<const char*, const char*>("含全角空格", "holds an ideographic space (U+3000)");
  if (horizontal(first) || first == U'\n') return std::make_pair<const char*, const char*>("开头有空白", "begins with whitespace");
  if (horizontal(last) || last == U'\n') return std::make_pair<const char*, const char*>("结尾有空白", "ends with whitespace");
  if (doubled) return std::make_pair<const char*, const char*>("含连续空格", "holds doubled spaces");
  return std::nullopt;
}

// Spaces tidied: none at the ends, single ASCII spaces inside; line breaks kept.
std::string tidy(const std::string& s) {
  std::u32string out;
  bool pending_space = false;
  for (char32_t c : text::decode(text::trim(s))) {
    if (c != U'\n' && text::is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && c != U'\n' && !out.empty() && out.back() != U'\n') out += U' ';
    pending_space = false;
    out += c;
  }
  return text::encode(out);
}

bool tidy_field(std::string& s) {
  std::string t = tidy(s);
  if (t == s) return false;
  s = t;
  return true;
}

void report_stray(Context& c, const Project* p, const std::string& value, const std::string& zh,
                  const std::string& en, Location at) {
  if (auto what = stray(value))
    c.report(p, at, text::concat({zh, "“", value, "”", what->first}), text::concat({en, " \"", value, "\" ", what->second}));
}

// A field is named by its Chinese name in both languages, as the form labels it (looked up once:
// this runs for every field of every row).
struct Names {
  std::string code, name, purpose, level1, level2, level3, description, value, basis;
};
const Names& names() {
  static const Names n = [] {
    auto zh = [](const char* key) { return extract::field_display(key, Lang::zh); };
    return Names{zh("code"),   zh("name"),   zh("purpose"),     zh("level1"), zh("level2"),
                 zh("level3"), zh("description"), zh("value"), zh("basis")};
  }();
  return n;
}

void check_card(Context& c, const Project& p) {
  const Names& n = names();
  auto check = [&](const std::optional<std::string>& text, const std::string& name) {
    if (text) report_stray(c, &p, *text, name, name, card_at(p));
  };
  if (p.heading) report_stray(c, &p, p.heading->text, "标题", "the heading", card_at(p));
  check(p.code, n.code);
  check(p.name, n.name);
  check(p.purpose, n.purpose);
}

void check_rows(Context& c, const Indicators& set) {
  const Names& n = names();
  for (const Indicator& i : set.rows) {
    const std::pair<const std::string*, const std::string*> fields[] = {
        {&i.level1, &n.level1},           {&i.level2, &n.level2},     {&i.level3, &n.level3},
        {&i.description, &n.description}, {&i.value.text, &n.value}, {&i.basis, &n.basis}};
    for (std::size_t f = 0; f < 6; ++f)  // in IndicatorField's order
      report_stray(c, set.project, *fields[f].first, *fields[f].second, *fields[f].second,
                   at_field(i, static_cast<IndicatorField>(f)));
  }
}

bool fix_spaces(Document& doc) {
  bool changed = false;
  for (Project& p : doc.projects) {
    if (p.heading) changed |= tidy_field(p.heading->text);
    for (std::optional<std::string>* f : {&p.code, &p.name, &p.purpose})
      if (*f) changed |= tidy_field(**f);
  }
  for_each_row(doc, [&](Indicator& i) {
    for (std::string* f : {&i.level1, &i.level2, &i.level3, &i.description, &i.value.text, &i.basis})
      changed |= tidy_field(*f);
  });
  return changed;
}

}  // namespace

Rule stray_whitespace() {
  return {{"JX403", "stray-whitespace", Severity::info, true,
           {"字段中有多余空白", "leading, trailing, doubled or ideographic spaces in a field"},
           {"开头结尾的空白、连续空格和全角空格看不见，却会让同一名称在汇总、查找时对不上。可用 --fix 清除。\n"
            "错误示例：“办案及业务经费  北辛堡镇”、“　不超年初预算”。\n正确示例：“办案及业务经费 北辛堡镇”、“不超年初预算”。",
            "Leading, trailing, doubled and ideographic spaces are invisible, yet make the same "
            "name differ when data is merged or searched. --fix removes them.\n"
            "Bad: \"办案及业务经费  北辛堡镇\", \"　不超年初预算\".\nGood: \"办案及业务经费 北辛堡镇\", \"不超年初预算\"."}},
          [](Context& c) {
            for_each_set(c, [&](const Indicators& set) {
              if (set.project) check_card(c, *set.project);
              check_rows(c, set);
            });
          },
          fix_spaces};
}

}  // namespace jixiao::rules
