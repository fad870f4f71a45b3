#pragma once
// The XML both scanners read with, the document part's (scan.cpp) and a sheet's (sheet.cpp):
// one pass over UTF-8 text, without a tree, for the XML the usual writers write. Anything else
// (comments, CDATA, a DOCTYPE, an unknown entity, another encoding, malformed XML ...) throws
// GiveUp, and the caller's tree reader (pugixml) reads the part instead and says what is wrong.
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "util/text.hpp"

namespace jixiao::ooxml::lex {

struct Attribute {
  std::string_view name, value;
};

// Character classes, as pugixml has them: what may start a name, continue one, or space.
enum : std::uint8_t { kNameStart = 1, kName = 2, kSpace = 4 };
inline constexpr std::array<std::uint8_t, 256> kClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
    bool name = start || (c >= '0' && c <= '9') || c == '-' || c == '.';
    t[c] = static_cast<std::uint8_t>((start ? kNameStart : 0) | (name ? kName : 0) |
                                     ((c == ' ' || c == '\t' || c == '\n' || c == '\r') ? kSpace : 0));
  }
  return t;
}();
inline bool name_start(unsigned char c) { return kClass[c] & kNameStart; }
inline bool space(char c) { return kClass[static_cast<unsigned char>(c)] & kSpace; }

struct GiveUp {};  // thrown to abandon the stream: the tree reader takes over

// The text and the cursor: `p_` is always just after the last tag read. The text must end at a
// '>' (open() makes sure), which stops every scan for a name or for spaces without a bounds check.
class Cursor {
public:
  explicit Cursor(std::string_view xml) : s_(xml.data()), end_(xml.data() + xml.size()) {}

protected:
  // Checks the text, takes its prolog and returns the position after the root's '<'.
  const char* open() {
    if (std::memchr(s_, '\0', static_cast<std::size_t>(end_ - s_))) throw GiveUp{};
    // Only spaces may follow the root's end tag.
    while (end_ > s_ && space(end_[-1])) --end_;
    if (end_ == s_ || end_[-1] != '>') throw GiveUp{};
    prolog();
    return s_ + 1;
  }

  // The character data of the element `name` just started (w:t, x:v, x:t), appended to `out`
  // (when given); the cursor after its end tag. Markup inside it gives up.
  [[gnu::always_inline]] void element_text(std::string_view name, bool empty, std::string* out) {
    if (empty) return;
    const char* lt = static_cast<const char*>(std::memchr(p_, '<', static_cast<std::size_t>(end_ - p_)));
    if (!lt || lt + 1 >= end_ || lt[1] != '/') throw GiveUp{};
    if (out) decode_text(p_, lt, *out);
    p_ = closing(lt + 2, name);
  }

  // The kept attribute of this name (the first), as written: only plain values are taken (a
  // reference, a tab or a line break, which the tree reader would rewrite, gives up).
  const Attribute* kept_attribute(std::string_view name) const {
    for (const Attribute& a : attrs_)
      if (a.name == name) {
        for (char c : a.value)
          if (c == '&' || c == '\t' || c == '\n' || c == '\r') throw GiveUp{};
        return &a;
      }
    return nullptr;
  }

  // After the root's end tag: nothing but spaces.
  void close() const {
    for (const char* p = p_; p < end_; ++p)
      if (!space(*p)) throw GiveUp{};
  }

  // An optional BOM and XML declaration (in UTF-8), then the root: nothing else is taken.
  void prolog() {
    if (end_ - s_ >= 3 && std::memcmp(s_, "\xEF\xBB\xBF", 3) == 0) s_ += 3;
    if (end_ - s_ >= 5 && std::memcmp(s_, "<?xml", 5) == 0 && (end_ - s_ > 5 && space(s_[5]))) {
      std::string_view rest(s_, static_cast<std::size_t>(end_ - s_));
      std::size_t close = rest.find("?>");
      if (close == std::string_view::npos) throw GiveUp{};
      std::string_view decl = rest.substr(0, close);
      std::size_t enc = decl.find("encoding");
      if (enc != std::string_view::npos) {
        std::string_view e = decl.substr(enc + 8);
        std::size_t q = e.find_first_of("\"'");
        if (q == std::string_view::npos || e.size() < q + 6) throw GiveUp{};
        std::string_view v = e.substr(q + 1, 6);
        if (!(v == "UTF-8\"" || v == "UTF-8'" || v == "utf-8\"" || v == "utf-8'")) throw GiveUp{};
      }
      s_ += close + 2;
    }
    while (s_ < end_ && space(*s_)) ++s_;
    if (end_ - s_ < 2 || s_[0] != '<' || !name_start(static_cast<unsigned char>(s_[1]))) throw GiveUp{};
  }

  [[gnu::always_inline]] const char* name(const char* p, std::string_view& out) const {
    const char* start = p;
    if (p >= end_ || !name_start(static_cast<unsigned char>(*p))) throw GiveUp{};
    while (kClass[static_cast<unsigned char>(*p)] & kName) ++p;  // stops at the final '>' 
    out = std::string_view(start, static_cast<std::size_t>(p - start));
    return p;
  }

  // Whether the n bytes at `a` are those at `b`, where both lie before end_ (b earlier than a).
  // Names (w:p, w:tcPr …) are compared a word of 8 bytes at a time where 8 bytes remain after
  // `a`, the last word masked to what is left of the name.
  [[gnu::always_inline]] bool same_name(const char* a, const char* b, std::size_t n) const {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (end_ - a >= static_cast<std::ptrdiff_t>(n) + 8) {
      for (;; a += 8, b += 8, n -= 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (n < 8) return ((x ^ y) & ((std::uint64_t(1) << (8 * n)) - 1)) == 0;
        if (x != y) return false;
        if (n == 8) return true;
      }
    }
#endif
    return std::memcmp(a, b, n) == 0;
  }

  // The rest of an end tag, after "</", which must close `open`; the position after its '>'.
  [[gnu::always_inline]] const char* closing(const char* p, std::string_view open) const {
    // The name is compared as it was opened, byte for byte, and must end where that one does.
    const std::size_t n = open.size();
    if (static_cast<std::size_t>(end_ - p) <= n) throw GiveUp{};
    if (!same_name(p, open.data(), n)) throw GiveUp{};
    p += n;
    if (kClass[static_cast<unsigned char>(*p)] & kName) throw GiveUp{};
    while (space(*p)) ++p;  // stops at the final '>' at the latest
    if (*p != '>') throw GiveUp{};
    return p + 1;
  }

  // The position after the next '<'.
  [[gnu::always_inline]] const char* next_tag(const char* p) const {
    const char* lt = (p < end_ && *p == '<')
                         ? p
                         : static_cast<const char*>(std::memchr(p, '<', static_cast<std::size_t>(end_ - p)));
    if (!lt || lt + 1 >= end_) throw GiveUp{};  // the root never closes
    return lt + 1;
  }

  // An element nothing is read from, from after its start tag to after its end tag: only
  // checked to be well-formed, as the tree reader would check it.
  const char* skip_subtree(const char* p, std::string_view outer) {
    skipped_.clear();
    skipped_.push_back(outer);
    for (;;) {
      p = next_tag(p);
      std::string_view n;
      if (*p == '/') {
        p = closing(p + 1, skipped_.back());
        skipped_.pop_back();
        if (skipped_.empty()) return p;
        continue;
      }
      if (*p == '!' || *p == '?') throw GiveUp{};
      p = name(p, n);
      bool empty = false;
      p = attributes<false>(p, empty, false);
      if (!empty) skipped_.push_back(n);
    }
  }

  // Attributes (into attrs_ when Keep); the position after the tag, and whether it closed itself.
  // The text ends at a '>', which stops every scan for spaces or a name before the end; only
  // a value, which may hold '>', is scanned with a bound.
  template <bool Keep = true>
  [[gnu::noinline]] const char* attributes(const char* p, bool& empty, bool check_declarations) {
    if (Keep) attrs_.clear();
    for (;;) {
      const char* before = p;
      while (space(*p)) ++p;
      if (*p == '>') {
        empty = false;
        return p + 1;
      }
      if (*p == '/') {
        if (p[1] != '>') throw GiveUp{};  // p + 1 < end_: the final '>' is not a '/'
        empty = true;
        return p + 2;
      }
      if (p == before || !name_start(static_cast<unsigned char>(*p))) throw GiveUp{};
      const char* name_start_at = p;
      do ++p;
      while (kClass[static_cast<unsigned char>(*p)] & kName);
      const std::string_view n(name_start_at, static_cast<std::size_t>(p - name_start_at));
      while (space(*p)) ++p;
      if (*p != '=') throw GiveUp{};
      do ++p;
      while (space(*p));
      const char quote = *p;
      if (quote != '"' && quote != '\'') throw GiveUp{};
      // The value, up to its closing quote; a '<' in it is not well-formed.
      const char* q = p + 1;
      while (q < end_ && *q != quote && *q != '<') ++q;
      if (q >= end_ || *q != quote) throw GiveUp{};
      if (check_declarations && n.size() >= 5 && n[0] == 'x' && n[1] == 'm' && n[2] == 'l' && n[3] == 'n' && n[4] == 's')
        throw GiveUp{};
      if (Keep) attrs_.push_back({n, std::string_view(p + 1, static_cast<std::size_t>(q - p - 1))});
      p = q + 1;
    }
  }

  // Character data (of w:t, x:v, x:t), with the five entities and character references resolved.
  void decode_text(const char* from, const char* to, std::string& out) {
    while (from < to) {
      const char* amp = static_cast<const char*>(std::memchr(from, '&', static_cast<std::size_t>(to - from)));
      const char* stop = amp ? amp : to;
      if (stop > from) {
        if (std::memchr(from, '\r', static_cast<std::size_t>(stop - from))) throw GiveUp{};
        out.append(from, stop);
      }
      if (!amp) return;
      if (amp + 1 < to && amp[1] == '#') {  // most references in a sheet written by openpyxl
        from = char_reference(amp + 2, to, out);
        continue;
      }
      const char* semi = static_cast<const char*>(std::memchr(amp, ';', static_cast<std::size_t>(to - amp)));
      if (!semi) throw GiveUp{};
      std::string_view ref(amp + 1, static_cast<std::size_t>(semi - amp - 1));
      if (ref == "lt") out += '<';
      else if (ref == "gt") out += '>';
      else if (ref == "amp") out += '&';
      else if (ref == "quot") out += '"';
      else if (ref == "apos") out += '\'';
      else throw GiveUp{};
      from = semi + 1;
    }
  }

  // A character reference after its "&#": 1 to 6 decimal digits, or "x" and as many hex digits,
  // then ';'; a character XML allows (not 0, not a surrogate, at most U+10FFFF), appended in
  // UTF-8. The position after the ';'.
  static const char* char_reference(const char* p, const char* to, std::string& out) {
    const bool hex = p < to && *p == 'x';
    if (hex) ++p;
    unsigned long code = 0;
    int digits = 0;
    for (; p < to && *p != ';'; ++p, ++digits) {
      const char c = *p;
      const int d = (c >= '0' && c <= '9') ? c - '0'
                    : hex && (c >= 'a' && c <= 'f') ? c - 'a' + 10
                    : hex && (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (d < 0 || digits == 6) throw GiveUp{};
      code = code * (hex ? 16 : 10) + static_cast<unsigned long>(d);
    }
    if (p >= to || digits == 0) throw GiveUp{};
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) throw GiveUp{};
    text::append_utf8(out, static_cast<char32_t>(code));
    return p + 1;
  }

  const char* s_;
  const char* end_;
  const char* p_ = nullptr;
  std::vector<Attribute> attrs_;           // the last start tag's, when its kind reads them
  std::vector<std::string_view> skipped_;  // names open in a skipped subtree
};

}  // namespace jixiao::ooxml::lex
