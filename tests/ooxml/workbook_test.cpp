// The workbook reader on workbooks written by openpyxl and by LibreOffice
// (tests/ooxml/workbook/make.py): cells as displayed, merged ranges as one cell, the hidden
// sheet read and noted, a formula without a cached value noted.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <map>

#include "ooxml/numfmt.hpp"
#include "ooxml/package.hpp"
#include "ooxml/workbook.hpp"
#include "jixiao/model.hpp"
#include <xlsxwriter.h>

using namespace jixiao;
using namespace jixiao::ooxml;

namespace {

std::vector<std::uint8_t> bytes_of(const std::string& name) {
  std::ifstream in(std::string(JIXIAO_SOURCE_DIR) + "/tests/ooxml/workbook/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Each sheet's cells with text, by the sheet's cell name ("B3"), and every merged cell's span
// ("B8" -> "2x2"); the paragraphs; the notices.
struct Dump {
  std::vector<std::map<std::string, std::string>> text;
  std::map<std::string, std::string> spans;
  std::vector<std::string> paragraphs, notices;
};

Dump dump(const Workbook& w) {
  Dump d;
  d.text.resize(w.sheets.size());
  for (const Block& b : w.body.blocks) {
    if (b.kind == Block::Kind::paragraph) {
      d.paragraphs.push_back(b.paragraph.text);
      continue;
    }
    const Table& t = b.table;
    const Body::Place& at = w.body.places.at(static_cast<std::size_t>(t.index - 1));
    REQUIRE(at.table == t.index);
    for (int r = 0; r < t.rows; ++r)
      for (int c = 0; c < t.columns; ++c) {
        const Cell& cell = t.at(r, c);
        if (cell.role != CellRole::origin) continue;
        const std::string name = cell_name(at.first_row + r, at.first_column + c);
        if (!cell.text.empty()) d.text[at.sheet == "项目1" ? 0 : 1][name] = std::string(cell.text);
        if (cell.row_span > 1 || cell.col_span > 1)
          d.spans[name] = std::to_string(cell.row_span) + "x" + std::to_string(cell.col_span);
      }
  }
  for (const Notice& n : w.body.notices) d.notices.push_back(n.message.en);
  return d;
}

}  // namespace

TEST_CASE("workbooks from openpyxl and LibreOffice read as displayed") {
  for (const char* name : {"openpyxl.xlsx", "libreoffice.xlsx"}) {
    INFO(name);
    const auto bytes = bytes_of(name);
    REQUIRE(!bytes.empty());
    auto package = Package::open(bytes, ReadLimits{});
    REQUIRE(package);
    auto book = read_workbook(**package, "xl/workbook.xml", ReadLimits{});
    REQUIRE(book);
    REQUIRE(book->sheets.size() == 2);
    CHECK(book->sheets[0].name == "项目1");
    CHECK_FALSE(book->sheets[0].hidden);
    CHECK(book->sheets[1].name == "隐藏");
    CHECK(book->sheets[1].hidden);
    const Dump d = dump(*book);
    const auto& s = d.text.at(0);
    // The title, alone on its row above the table, is a paragraph; the hidden sheet's one
    // cell too.
    // LibreOffice writes the title as two rich-text runs (its fonts for "2024" and the rest).
    CHECK(d.paragraphs == std::vector<std::string>{"2024年项目支出绩效目标表", "内部"});
    REQUIRE(book->body.places.size() == 1);
    CHECK(book->body.places[0].sheet == "项目1");
    CHECK(book->body.places[0].first_row == 1);
    CHECK(s.count("A1") == 0);
    CHECK(s.at("B2") == "农村道路养护");
    CHECK(s.at("B3") == "125,700.00");
    CHECK(s.at("B4") == "95.00%");
    CHECK(s.at("B5") == "2024年3月1日");
    CHECK(s.at("B7") == "12.5");
    CHECK(s.at("B8") == "跨两行两列");
    CHECK(s.at("E9") == "1307302128118SZ");
    CHECK(d.spans.at("B2") == "1x5");
    CHECK(d.spans.at("B8") == "2x2");
    const Table& t = book->body.blocks[1].table;  // rows 2..9 of the sheet
    CHECK(t.at(6, 2).role == CellRole::h_continue);
    CHECK(t.at(7, 1).role == CellRole::v_continue);
    CHECK(t.at(7, 2).role == CellRole::v_continue);
    CHECK(t.at(7, 2).origin_row == 6);
    bool hidden_noted = false, formula_noted = false;
    for (const auto& n : d.notices) {
      hidden_noted = hidden_noted || n.find("hidden") != std::string::npos;
      formula_noted = formula_noted || n.find("B6: the formula has no cached value") != std::string::npos;
    }
    CHECK(hidden_noted);
    if (std::string(name) == "openpyxl.xlsx") {
      CHECK(formula_noted);  // openpyxl calculates nothing
      CHECK(s.count("B6") == 0);
    } else {
      CHECK_FALSE(formula_noted);
      CHECK(s.at("B6") == "251400.00");  // LibreOffice saved what it calculated
    }
  }
}

TEST_CASE("cell names") {
  CHECK(cell_name(0, 0) == "A1");
  CHECK(cell_name(6, 5) == "F7");
  CHECK(cell_name(0, 25) == "Z1");
  CHECK(cell_name(0, 26) == "AA1");
  CHECK(cell_name(9, 701) == "ZZ10");
  CHECK(cell_name(0, 702) == "AAA1");
  CHECK(cell_name(1048575, 16383) == "XFD1048576");  // the largest Excel has
  // The same names as libxlsxwriter's lxw_rowcol_to_cell writes, across rows and columns.
  for (int row : {0, 8, 9, 99, 12345, 999999, 1048575})
    for (int column = 0; column < 16384; column += 7) {
      char expected[LXW_MAX_CELL_NAME_LENGTH];
      lxw_rowcol_to_cell(expected, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column));
      CHECK(cell_name(row, column) == expected);
    }
}

TEST_CASE("broken workbooks are errors that say where and why") {
  const std::pair<const char*, const char*> cases[] = {
      {"bad-shared-string.xlsx", "shared string 999, which does not exist"},
      {"bad-overlapping-merge.xlsx", "the merged range B1:B3 overlaps another"},
      {"bad-million-rows.xlsx", "more than the limit of 100000 rows"},
      {"bad-wide.xlsx", "more than the limit of 64 columns"},
      {"bad-sparse.xlsx", "spans 99999 rows by 64 columns, more than the limit of 2000000 cells"},
  };
  for (const auto& [name, words] : cases) {
    INFO(name);
    const auto bytes = bytes_of(name);
    auto package = Package::open(bytes, ReadLimits{});
    REQUIRE(package);
    auto book = read_workbook(**package, "xl/workbook.xml", ReadLimits{});
    REQUIRE_FALSE(book);
    CHECK(book.error().message.en.find(words) != std::string::npos);
    CHECK_FALSE(book.error().message.zh.empty());
  }
}

TEST_CASE("a number format longer than Excel allows is not read, and its cells are noted a few times") {
  const auto bytes = bytes_of("odd-long-format.xlsx");
  auto package = Package::open(bytes, ReadLimits{});
  REQUIRE(package);
  auto book = read_workbook(**package, "xl/workbook.xml", ReadLimits{});
  REQUIRE(book);
  // One table: each number its stored value (not padded to 300 digits), A1 = 11 … J300 = 3010.
  REQUIRE(book->body.blocks.size() == 1);
  const Table& t = book->body.blocks[0].table;
  REQUIRE(t.rows == 300);
  REQUIRE(t.columns == 10);
  CHECK(t.at(0, 0).text == "11");
  CHECK(t.at(299, 9).text == "3010");
  std::size_t longest = 0;
  for (const Cell& c : t.cells) longest = std::max(longest, c.text.size());
  CHECK(longest == 4);
  // 20 cells named, then one notice for the other 2,980.
  REQUIRE(book->body.notices.size() == 21);
  CHECK(book->body.notices.front().message.en.find("sheet \"Sheet\" A1: the number format") == 0);
  CHECK(book->body.notices.back().message.en.find("2980 more cells") == 0);
  CHECK(NumberFormat(std::string(255, '0')).supported());
  CHECK_FALSE(NumberFormat(std::string(256, '0')).supported());
}
