#include <catch2/catch.hpp>

#include "jixiao/tables.hpp"
#include "emit/json_writer.hpp"

using namespace jixiao;

TEST_CASE("what a spreadsheet would evaluate is neutralised — other text is not") {
  CHECK(spreadsheet_safe("=1+1") == "'=1+1");
  CHECK(spreadsheet_safe("+86") == "'+86");
  CHECK(spreadsheet_safe("-保障") == "'-保障");
  CHECK(spreadsheet_safe("@镇级") == "'@镇级");
  CHECK(spreadsheet_safe("\t确保") == "'\t确保");
  CHECK(spreadsheet_safe("\r确保") == "'\r确保");
  CHECK(spreadsheet_safe("≥90%") == "≥90%");
  CHECK(spreadsheet_safe("a=b") == "a=b");
  CHECK(spreadsheet_safe("") == "");
}

TEST_CASE("CSV quotes as RFC 4180 says, numbers untouched") {
  DataTable t;
  t.columns = {{"文本", "text"}, {"数值", "number"}};
  t.rows = {{TableCell::of_text("a,\"b\"\nc"), TableCell::of_number(Decimal::parse("-5.50"))},
            {TableCell::of_text("=SUM(A1)"), TableCell{}}};
  auto csv = to_csv(t, HeaderLang::en, CsvEncoding::utf8);
  REQUIRE(csv.ok());
  CHECK(*csv == "text,number\r\n\"a,\"\"b\"\"\nc\",-5.5\r\n'=SUM(A1),\r\n");
  auto bom = to_csv(t, HeaderLang::zh, CsvEncoding::utf8_bom);
  CHECK(bom->rfind("\xEF\xBB\xBF文本,数值\r\n", 0) == 0);
  auto gb = to_csv(t, HeaderLang::zh, CsvEncoding::gb18030);
  CHECK(gb->rfind("\xCE\xC4\xB1\xBE,", 0) == 0);  // 文本 in GB18030
}

TEST_CASE("JSON strings: valid UTF-8 as it is, everything else escaped or replaced") {
  auto json = [](const std::string& s) {
    std::string out;
    jixiao::emit::append_json(out, s);
    return out;
  };
  const std::string bad = "\xEF\xBF\xBD";  // U+FFFD
  CHECK(json("项目编码 ASCII") == "\"项目编码 ASCII\"");
  CHECK(json("\xF0\x9F\x98\x80 \xC3\xA9") == "\"\xF0\x9F\x98\x80 \xC3\xA9\"");
  CHECK(json("a\"b\\c\n\t\x01") == "\"a\\\"b\\\\c\\n\\t\\u0001\"");
  CHECK(json("\xE0\x80\x80") == "\"" + bad + bad + bad + "\"");      // overlong
  CHECK(json("\xED\xA0\x80") == "\"" + bad + bad + bad + "\"");      // a surrogate
  CHECK(json("\xE0\xA0\x80") == "\"\xE0\xA0\x80\"");                 // U+0800, the first of three bytes
  CHECK(json("\xED\x9F\xBF") == "\"\xED\x9F\xBF\"");                 // U+D7FF, just below the surrogates
  CHECK(json("x\xE4\xB8") == "\"x" + bad + bad + "\"");              // cut short
  CHECK(json("\xE4\xB8\x41") == "\"" + bad + bad + "A\"");           // a broken continuation
}
