// Number formats against LibreOffice: tests/ooxml/numfmt/cases.tsv holds numbers as openpyxl
// stored them in formats.xlsx, under the formats budget forms use, and the text LibreOffice's
// CSV export shows for each cell (made by tests/ooxml/numfmt/make.py). Every case must show the
// same text, from the stored digits.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "ooxml/numfmt.hpp"

using jixiao::ooxml::NumberFormat;
using jixiao::ooxml::StoredNumber;

TEST_CASE("number formats show what LibreOffice shows") {
  std::ifstream in(std::string(JIXIAO_SOURCE_DIR) + "/tests/ooxml/numfmt/cases.tsv");
  REQUIRE(in);
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t a = line.find('\t'), b = line.find('\t', a + 1);
    REQUIRE(b != std::string::npos);
    const std::string stored = line.substr(0, a), code = line.substr(a + 1, b - a - 1), shown = line.substr(b + 1);
    const NumberFormat f(code);
    // Before 1900-03-01 LibreOffice counts days from 1899-12-30 without Excel's 1900-02-29;
    // Excel's count is the one kept (its day 1 is 1900-01-01).
    if (f.is_date() && std::stod(stored) < 61) continue;
    INFO(stored << " under " << code);
    REQUIRE(f.supported());
    const auto text = f.display(stored);
    REQUIRE(text);
    CHECK(*text == shown);
    ++cases;
  }
  CHECK(cases > 400);
}

TEST_CASE("number formats that are not read say so") {
  for (const char* code : {"[>100]0;0", "0.00E+00", "# ?/?", "#,##0,", "[h]:mm:ss", "mmm-yy", "dddd", "[DBNum1]0", "ss.0"})
    CHECK_FALSE(NumberFormat(code).supported());
  CHECK(NumberFormat(*NumberFormat::builtin_code(14)).display("45291") == "2023/12/31");
  CHECK(NumberFormat(*NumberFormat::builtin_code(31)).display("45291") == "2023年12月31日");
  CHECK(NumberFormat("yyyy-mm-dd").display("60") == "1900-02-29");
  CHECK(NumberFormat("yyyy-mm-dd").display("-1") == std::nullopt);
  CHECK(NumberFormat("0.00").display("12.5abc") == std::nullopt);
  CHECK_FALSE(NumberFormat::builtin_code(23));
  // Found by fuzz_number_format: a broken character before a quote once swallowed it, and the
  // unclosed quote after it looped for ever. Broken UTF-8 is kept as written, quotes stay quotes.
  CHECK(NumberFormat("yyyy\"年\"m\"月\"\xE6\"d\x97\xA5\"").display("100") == "1900年4月\xE6" "d\x97\xA5");
  CHECK_FALSE(NumberFormat("0\"").supported());
  CHECK_FALSE(NumberFormat("0[Red").supported());
  CHECK(NumberFormat("0\\").display("5") == "5");
}

TEST_CASE("stored numbers are read exactly") {
  auto n = StoredNumber::parse("4.5E-2");
  REQUIRE(n);
  CHECK(n->digits == "45");
  CHECK(n->exponent == -3);
  CHECK(NumberFormat("0.000").display("4.5E-2") == "0.045");
  CHECK(NumberFormat("#,##0.00").display("123456789012345.675") == "123,456,789,012,345.68");
  for (const char* bad : {"", "-", ".", "1e", "1e+", "1..2", "1,5", "0x10", "1e999"}) CHECK_FALSE(StoredNumber::parse(bad));
}
