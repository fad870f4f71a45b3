#include <catch2/catch.hpp>

#include <iconv.h>

#include "util/gb18030.hpp"
#include "util/text.hpp"

using namespace jixiao;

namespace {

// glibc's own conversion of one code point (empty: iconv has no mapping for it).
std::string by_iconv(iconv_t cd, const std::string& utf8) {
  char buffer[16];
  char* in = const_cast<char*>(utf8.data());
  char* out = buffer;
  std::size_t in_left = utf8.size(), out_left = sizeof buffer;
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  if (iconv(cd, &in, &in_left, &out, &out_left) == static_cast<std::size_t>(-1)) return {};
  return std::string(buffer, sizeof buffer - out_left);
}

}  // namespace

TEST_CASE("GB18030 without iconv: every code point as glibc's iconv writes it") {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::size_t same = 0, differ = 0, two_byte = 0, four_byte = 0;
  for (char32_t c = 1; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string utf8;
    text::append_utf8(utf8, c);
    const std::string want = by_iconv(cd, utf8);
    const auto got = util::utf8_to_gb18030(utf8);
    if (want.empty() ? !got : got && *got == want) ++same;
    else if (++differ <= 5) FAIL_CHECK("U+" << std::hex << static_cast<unsigned>(c));
    if (want.size() == 2) ++two_byte;
    if (want.size() == 4) ++four_byte;
  }
  iconv_close(cd);
  CHECK(differ == 0);
  CHECK(same == 0x10FFFF - 0x800);
  CHECK(two_byte > 20000);  // GBK's characters and the user-defined areas
  CHECK(four_byte > 1000000);
}

TEST_CASE("GB18030 without iconv: text, and what it refuses") {
  CHECK(util::utf8_to_gb18030("文本,abc") == std::string("\xCE\xC4\xB1\xBE,abc"));
  CHECK(util::utf8_to_gb18030("€") == std::string("\xA2\xE3"));
  CHECK(util::utf8_to_gb18030("\xF0\x9F\x98\x80") == std::string("\x94\x39\xFC\x36"));  // U+1F600
  CHECK(util::utf8_to_gb18030("\x80") == std::nullopt);       // not UTF-8
  CHECK(util::utf8_to_gb18030("\xC0\xAF") == std::nullopt);   // overlong
  CHECK(util::utf8_to_gb18030("\xED\xA0\x80") == std::nullopt);  // a surrogate
  CHECK(util::utf8_to_gb18030("") == std::string());
}
