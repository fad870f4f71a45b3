#pragma once
// UTF-8 helpers shared by the stages. Invalid UTF-8 decodes as U+FFFD, never as a crash.
#include <initializer_list>
#include <string>
#include <string_view>

namespace jixiao::text {

std::u32string decode(std::string_view utf8);
// decode_one beyond its two common cases.
char32_t decode_other(std::string_view utf8, std::size_t i, std::size_t& len, bool& exact);
// The code point at byte `i` as decode() reads it, and its length in `len`; `exact` is cleared
// when the bytes are not its shortest encoding (invalid, or an overlong form). ASCII and a
// well-formed three-byte sequence (most Chinese text) are read inline.
inline char32_t decode_one(std::string_view utf8, std::size_t i, std::size_t& len, bool& exact) {
  unsigned char c = static_cast<unsigned char>(utf8[i]);
  if (c < 0x80) {
    len = 1;
    return c;
  }
  if ((c & 0xf0) == 0xe0 && i + 2 < utf8.size()) {
    unsigned char c1 = static_cast<unsigned char>(utf8[i + 1]), c2 = static_cast<unsigned char>(utf8[i + 2]);
    // Continuation bytes, not overlong (E0 needs A0..BF), not a surrogate (ED needs 80..9F).
    if ((c1 & 0xc0) == 0x80 && (c2 & 0xc0) == 0x80 && (c != 0xe0 || c1 >= 0xa0) && (c != 0xed || c1 < 0xa0)) {
      len = 3;
      return (char32_t(c & 0x0f) << 12) | (char32_t(c1 & 0x3f) << 6) | char32_t(c2 & 0x3f);
    }
  }
  return decode_other(utf8, i, len, exact);
}
std::string encode(std::u32string_view code_points);
// The bytes with every one but ASCII letters, digits and those in `kept` as %XX, for a URI.
std::string percent_encoded(std::string_view bytes, std::string_view kept);
void append_utf8(std::string& out, char32_t c);

// A full-width ASCII form (U+FF01..FF5E) as its ASCII character; anything else as it is.
inline char32_t halfwidth(char32_t c) { return (c >= 0xFF01 && c <= 0xFF5E) ? c - 0xFEE0 : c; }

bool is_space_beyond_ascii(char32_t c);
// ASCII whitespace, no-break, ideographic (U+3000) and the other Unicode spaces, zero-width ones.
inline bool is_space(char32_t c) {
  if (c < 0x80) return c == U' ' || (c >= U'\t' && c <= U'\r');
  if (c > 0x3000) return c == 0xFEFF;  // Chinese text: answered here, without the call
  return c >= 0xA0 && is_space_beyond_ascii(c);
}

// The text with every space (as is_space) removed.
std::string strip_spaces(std::string_view utf8);
// The text without leading and trailing spaces (as is_space).
std::string trim(std::string_view utf8);
// The same cut without a copy and without reading the middle: the spaces at either end left out,
// the bytes between as they are (invalid ones too). For comparing a field's text (the rules ask
// it of every row).
std::string_view trim_view(std::string_view utf8);
// Whether the text is empty or only spaces (as is_space): trim(s).empty(), without a copy.
bool is_blank(std::string_view utf8);
// strip_spaces and to_halfwidth in one pass: the form labels are compared in.
std::string fold_for_matching(std::string_view utf8);
// Full-width ASCII forms (Ｕ+FF01..FF5E) turned into ASCII, U+3000 into a space.
std::string to_halfwidth(std::string_view utf8);

// The parts one after another, in one allocation: a message of many parts ("指标值“" + text +
// "”的单位…") without the reallocations of a chain of operator+.
std::string concat(std::initializer_list<std::string_view> parts);

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
bool contains(std::string_view s, std::string_view part);

}  // namespace jixiao::text
