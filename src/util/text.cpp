// UTF-8 text helpers: decoding, spaces, full-width forms, trimming.
#include "util/text.hpp"

namespace jixiao::text {

char32_t decode_other(std::string_view s, std::size_t i, std::size_t& len, bool& exact) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  len = 1;
  if (c < 0x80) return c;
  int extra;
  char32_t cp;
  if ((c >> 5) == 6) extra = 1, cp = c & 0x1f;
  else if ((c >> 4) == 14) extra = 2, cp = c & 0x0f;
  else if ((c >> 3) == 30) extra = 3, cp = c & 0x07;
  else extra = -1, cp = 0;
  bool ok = extra > 0;
  for (int k = 1; ok && k <= extra; ++k) {
    if (i + k >= s.size()) {
      ok = false;
      break;
    }
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xc0) != 0x80) ok = false;
    else cp = (cp << 6) | (cc & 0x3f);
  }
  if (!ok || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    exact = false;
    return U'\uFFFD';
  }
  static const char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[extra]) exact = false;
  len = static_cast<std::size_t>(extra) + 1;
  return cp;
}

std::string percent_encoded(std::string_view bytes, std::string_view kept) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : bytes) {
    const bool alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (alnum || kept.find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t len = 0;
  bool exact = true;
  for (std::size_t i = 0; i < s.size(); i += len) out += decode_one(s, i, len, exact);
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
    return;
  }
  if (c >= 0x110000) c = U'\uFFFD';
  char b[4];
  std::size_t n;
  if (c < 0x800) {
    b[0] = static_cast<char>(0xc0 | (c >> 6));
    n = 2;
  } else if (c < 0x10000) {
    b[0] = static_cast<char>(0xe0 | (c >> 12));
    b[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    n = 3;
  } else {
    b[0] = static_cast<char>(0xf0 | (c >> 18));
    b[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3f));
    b[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    n = 4;
  }
  b[n - 1] = static_cast<char>(0x80 | (c & 0x3f));
  out.append(b, n);
}

std::string encode(std::u32string_view cps) {
  // Measured first, then written in place: one allocation, no append per character.
  std::size_t bytes = 0;
  for (char32_t c : cps) bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : (c < 0x10000 || c >= 0x110000) ? 3 : 4;
  std::string out(bytes, '\0');
  char* p = out.data();
  for (char32_t c : cps) {
    if (c < 0x80) {
      *p++ = static_cast<char>(c);
      continue;
    }
    if (c >= 0x110000) c = U'\uFFFD';
    if (c < 0x800) {
      *p++ = static_cast<char>(0xc0 | (c >> 6));
    } else if (c < 0x10000) {
      *p++ = static_cast<char>(0xe0 | (c >> 12));
      *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    } else {
      *p++ = static_cast<char>(0xf0 | (c >> 18));
      *p++ = static_cast<char>(0x80 | ((c >> 12) & 0x3f));
      *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    }
    *p++ = static_cast<char>(0x80 | (c & 0x3f));
  }
  return out;
}

bool is_space_beyond_ascii(char32_t c) {
  switch (c) {
    case U' ': case U'\t': case U'\n': case U'\r': case U'\v': case U'\f':
    case 0x00A0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000: case 0xFEFF: case 0x180E:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200B;
  }
}

namespace {
// Whether a byte string is plain ASCII: the common case, handled without decoding.
bool ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}
bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

constexpr char32_t kDrop = 0xFFFFFFFF;
// `s` with each code point replaced by map(c) (kDrop: left out), in one pass and one
// allocation: a code point that stays the same is copied as written, anything else (a
// replacement, an invalid byte read as U+FFFD, as decode() reads it) is encoded.
template <class Map>
std::string map_code_points(std::string_view s, Map map) {
  std::string out;
  out.reserve(s.size());
  std::size_t len = 0;
  for (std::size_t i = 0; i < s.size(); i += len) {
    bool exact = true;
    const char32_t c = decode_one(s, i, len, exact);
    const char32_t m = map(c);
    if (m == kDrop) continue;
    if (m == c && exact) out.append(s.substr(i, len));
    else append_utf8(out, m);
  }
  return out;
}
}  // namespace

std::string strip_spaces(std::string_view s) {
  if (ascii(s)) {
    std::string out;
    out.reserve(s.size());
    for (char c : s)
      if (!ascii_space(c)) out += c;
    return out;
  }
  return map_code_points(s, [](char32_t c) { return is_space(c) ? kDrop : c; });
}

std::string trim(std::string_view s) {
  if (ascii(s)) {
    std::size_t b = 0, e = s.size();
    while (b < e && ascii_space(s[b])) ++b;
    while (e > b && ascii_space(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
  }
  // Well-formed UTF-8 is cut where its first and last non-space code points are, unchanged;
  // anything else is decoded and encoded again (invalid bytes become U+FFFD).
  std::size_t b = std::string_view::npos, e = 0, len = 0;
  bool exact = true;
  for (std::size_t i = 0; i < s.size(); i += len) {
    char32_t c = decode_one(s, i, len, exact);
    if (is_space(c)) continue;
    if (b == std::string_view::npos) b = i;
    e = i + len;
  }
  if (exact) return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b));
  std::u32string cps = decode(s);
  std::size_t from = 0, to = cps.size();
  while (from < to && is_space(cps[from])) ++from;
  while (to > from && is_space(cps[to - 1])) --to;
  return encode(std::u32string_view(cps).substr(from, to - from));
}

std::string_view trim_view(std::string_view s) {
  std::size_t b = 0, e = s.size(), len = 0;
  bool exact = true;
  while (b < e) {
    const char32_t c = decode_one(s, b, len, exact);
    if (!exact || !is_space(c)) break;
    b += len;
  }
  while (e > b) {
    std::size_t start = e - 1;  // the last character's first byte
    while (start > b && e - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    exact = true;
    const char32_t c = decode_one(s, start, len, exact);
    if (!exact || start + len != e || !is_space(c)) break;
    e = start;
  }
  return s.substr(b, e - b);
}

bool is_blank(std::string_view s) {
  std::size_t len = 0;
  bool exact = true;
  for (std::size_t i = 0; i < s.size(); i += len)
    if (!is_space(decode_one(s, i, len, exact))) return false;
  return true;
}

std::string fold_for_matching(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t len = 0, kept = 0;  // the text from `kept` on is copied as written (even when invalid)
  bool exact = true;
  for (std::size_t i = 0; i < s.size(); i += len) {
    const char32_t u = decode_one(s, i, len, exact);
    const char32_t half = halfwidth(u);
    if (half == u && !is_space(u)) continue;  // most characters: left in the run
    out.append(s.substr(kept, i - kept));
    if (half != u) out += static_cast<char>(half);
    kept = i + len;
  }
  out.append(s.substr(kept));
  return out;
}

std::string to_halfwidth(std::string_view s) {
  if (ascii(s)) return std::string(s);
  return map_code_points(s, [](char32_t c) { return c == 0x3000 ? U' ' : halfwidth(c); });
}

std::string concat(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (std::string_view p : parts) size += p.size();
  std::string out;
  out.reserve(size);
  for (std::string_view p : parts) out.append(p);
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

}  // namespace jixiao::text
