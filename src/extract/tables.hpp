#pragma once
// Reading the two kinds of table of a project: the card and the indicator table.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "jixiao/blocks.hpp"
#include "jixiao/model.hpp"
#include "extract/labels.hpp"

namespace jixiao::extract {

// Collects the extractor's warnings, each with its location.
class Warnings {
public:
  explicit Warnings(std::vector<Warning>& out) : out_(out) {}
  void add(Location at, std::string zh, std::string en) {
    out_.push_back({{std::move(zh), std::move(en)}, at});
  }

private:
  std::vector<Warning>& out_;
};

// One cell of a row as a reader meets it, left to right, each merged cell once.
struct Entry {
  int col = 0;                    // 0-based grid column where the cell starts in this row
  std::string_view text;          // for a vertical continuation: the cell it continues
  bool continued = false;         // a vertical-merge continuation of a cell above
};

// One row's entries, left to right: a view into TableRows.
class Entries {
public:
  Entries(const Entry* begin, const Entry* end) : begin_(begin), end_(end) {}
  const Entry* begin() const { return begin_; }
  const Entry* end() const { return end_; }
  std::size_t size() const { return static_cast<std::size_t>(end_ - begin_); }
  bool empty() const { return begin_ == end_; }
  const Entry& operator[](std::size_t k) const { return begin_[k]; }

private:
  const Entry* begin_;
  const Entry* end_;
};

// A table as the extractor reads it: each row's entries, and the label each entry's text
// matches, found the first time it is asked. A card is read three times (for an indicator
// header, as a card, for its values): once is enough. Rows are read from the top: their entries
// are made, row after row, up to the lowest row asked for, into one array with room for every
// cell (so that the views already given stay put), rather than a vector per row made and freed
// for every table.
class TableRows {
public:
  explicit TableRows(const ooxml::Table& table);
  const ooxml::Table& table() const { return table_; }
  int size() const { return table_.rows; }
  Entries entries(int row) {
    const auto r = static_cast<std::size_t>(row);
    while (first_.size() <= r + 1) add_row();
    return Entries(entries_.data() + first_[r], entries_.data() + first_[r + 1]);
  }
  // match_label() of the row's k-th entry's text. Inline: asked of every cell of every table,
  // and answered, after the first time, from labels_ (an optional made in the caller's
  // registers, not in memory and read back).
  std::optional<Field> label(int row, std::size_t k) {
    entries(row);  // its row made, if it was not yet
    const std::size_t at = first_[static_cast<std::size_t>(row)] + k;
    signed char& known = labels_[at];
    if (known == kUnknown) known = match(at);
    return known == kNone ? std::nullopt : std::optional<Field>(static_cast<Field>(known));
  }

private:
  static constexpr signed char kUnknown = -2, kNone = -1;
  signed char match(std::size_t at) const;  // entry `at`'s label, as labels_ holds it
  void add_row();
  const ooxml::Table& table_;
  std::vector<Entry> entries_;       // row after row
  std::vector<std::size_t> first_;   // each made row's first entry, then the end of the last
  std::vector<signed char> labels_;  // per entry: kUnknown, kNone or a Field
};

inline Location location(const ooxml::Table& t, int row, int col = -1) {
  return Location{t.index, row + 1, col + 1};
}

// Whether rows [0, end) hold at least two card labels (项目编码, 项目名称, 预算数 …).
bool is_card(TableRows& rows, int end_row);
void read_card(TableRows& rows, int end_row, Project& project, Warnings& warnings);
// A card's fields given as (field, label, value) — the flat export's project columns — read as a
// card's label and the value beside it.
struct CardValue {
  Field field;
  std::string_view label, text;
  Location at;
};
void read_card_values(TableRows& rows, const std::vector<CardValue>& values, Project& project, Warnings& warnings);

enum IndicatorColumn {
  kLevel1, kLevel2, kLevel3, kDescription, kValue, kBasis,
  kNature, kMeasureUnit, kWeight, kExplanation, kScoring, kNote, kColumnCount
};
struct ColumnMap {
  std::array<int, kColumnCount> col;  // grid column of each field, -1 when absent
  int columns = 0;                    // the width of the table the map was read from
};

// The row holding 一级指标 with 三级指标 or 指标值; nothing when the table has none.
std::optional<int> find_indicator_header(TableRows& rows);
ColumnMap map_indicator_columns(TableRows& rows, int header_row, Warnings& warnings);
// Reads rows [first_row, end): blank rows skipped, repeated header rows skipped, blank or
// merged 一级/二级 cells filled from the row above.
// `term`: "annual" or "long_term" for a table under 年度/长期绩效指标. `table_indicators`: the
// rows read so far in the table's owner (a card, or the department).
void read_indicators(const ooxml::Table& table, int first_row, const ColumnMap& map,
                     std::vector<Indicator>& indicators, const std::optional<std::string>& term = std::nullopt,
                     int end_row = -1);

// The flat export (one row per indicator, the project's columns on each row): whether the
// indicator header at `header_row` has a project column (项目编码 or 项目名称) too.
bool is_flat_header(TableRows& rows, int header_row);
// Its projects, in order: rows grouped by 项目编码 and 项目名称 as they change down the table,
// each group's project columns read as its card, its rows as its indicators. The rows are those
// of `data` from `first_row`: the header's own table, or one that continues it after a blank row
// (of the same width, without a header of its own).
std::vector<Project> read_flat(TableRows& header, int header_row, const ooxml::Table& data, int first_row,
                               Warnings& warnings);

}  // namespace jixiao::extract
