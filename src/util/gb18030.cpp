// UTF-8 to GB18030 from the generated table (gb18030.hpp).
#include "util/gb18030.hpp"

#include <algorithm>
#include <cstdint>

#include "util/text.hpp"

namespace jixiao::util {

extern const std::uint32_t gb18030_bmp[0x10000 - 0x80];
extern const std::uint32_t gb18030_supplementary[][2];
extern const std::size_t gb18030_supplementary_count;

namespace {

void append_bytes(std::string& out, std::uint32_t code) {
  if (code > 0xffff) {
    out += static_cast<char>(code >> 24);
    out += static_cast<char>(code >> 16 & 0xff);
  }
  out += static_cast<char>(code >> 8 & 0xff);
  out += static_cast<char>(code & 0xff);
}

// Above U+FFFF GB18030 is linear: U+10000 is 90 30 81 30, each later code point the next
// four-byte sequence (the last byte 0x30–0x39, the third 0x81–0xFE, the second 0x30–0x39) — but
// for the few code points the table lists.
void append_supplementary(std::string& out, char32_t c) {
  const auto* end = gb18030_supplementary + gb18030_supplementary_count;
  const auto* hit = std::lower_bound(gb18030_supplementary, end, c,
                                     [](const std::uint32_t (&e)[2], char32_t v) { return e[0] < v; });
  if (hit != end && (*hit)[0] == c) return append_bytes(out, (*hit)[1]);
  std::uint32_t k = c - 0x10000;
  const std::uint32_t b4 = 0x30 + k % 10;
  k /= 10;
  const std::uint32_t b3 = 0x81 + k % 126;
  k /= 126;
  const std::uint32_t b2 = 0x30 + k % 10;
  const std::uint32_t b1 = 0x90 + k / 10;
  append_bytes(out, b1 << 24 | b2 << 16 | b3 << 8 | b4);
}

}  // namespace

std::optional<std::string> utf8_to_gb18030(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t len = 1;
    bool exact = true;
    const char32_t c = text::decode_one(utf8, i, len, exact);
    if (!exact) return std::nullopt;
    i += len;
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c <= 0xffff) {
      const std::uint32_t code = gb18030_bmp[c - 0x80];
      if (code == 0) return std::nullopt;
      append_bytes(out, code);
    } else {
      append_supplementary(out, c);
    }
  }
  return out;
}

}  // namespace jixiao::util
