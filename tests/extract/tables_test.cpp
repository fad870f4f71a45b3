// TableRows (src/extract/tables.hpp): a table's rows as the card and indicator readers meet
// them, on the tables of real samples.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "extract/labels.hpp"
#include "extract/tables.hpp"
#include "jixiao/pipeline.hpp"

TEST_CASE("a table's rows: each row's entries and their labels, as the cells and match_label give them") {
  int tables = 0, labels = 0;
  for (const char* name : {"beixinbao-2021.docx", "spaced-labels.docx", "level1-repeated.docx",
                           "split-table.docx", "word-features.docx", "goals-one-paragraph.docx"}) {
    std::ifstream in(std::string(JIXIAO_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
    auto body = jixiao::read_body(bytes, jixiao::ReadLimits{});
    REQUIRE(body.ok());
    for (const auto& block : body.value().blocks) {
      if (block.kind != jixiao::ooxml::Block::Kind::table) continue;
      const jixiao::ooxml::Table& t = block.table;
      jixiao::extract::TableRows rows(t);
      ++tables;
      // Asked in an order of its own (the last row first, labels before entries twice), the
      // answers are the same as reading the cells afresh.
      for (int r = rows.size() - 1; r >= 0; --r) {
        std::vector<std::string_view> expected;  // the very text of the cell (the same view)
        for (int c = 0; c < t.columns; ++c) {
          const auto& cell = t.at(r, c);
          if (cell.role == jixiao::ooxml::CellRole::origin) expected.push_back(cell.text);
          else if (cell.role == jixiao::ooxml::CellRole::v_continue && cell.origin_col == c)
            expected.push_back(t.at(cell.origin_row, cell.origin_col).text);
        }
        const auto entries = rows.entries(r);
        REQUIRE(entries.size() == expected.size());
        for (std::size_t k = 0; k < entries.size(); ++k) {
          CHECK(entries[k].text.data() == expected[k].data());
          CHECK(entries[k].text.size() == expected[k].size());
          auto once = rows.label(r, k), twice = rows.label(r, k);
          CHECK(once == jixiao::extract::match_label(expected[k]));
          CHECK(twice == once);
          labels += once.has_value();
        }
        CHECK(rows.entries(r).begin() == entries.begin());  // made once, not again
      }
    }
  }
  CHECK(tables >= 20);
  CHECK(labels >= 100);
}
