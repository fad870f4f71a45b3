// The flat export of a budget-management system: one row per indicator, the project's columns
// (单位编码, 单位名称, 项目编码, 项目名称, 年度绩效目标 …) repeated on every row or merged down,
// the indicator's columns beside them. Its rows are grouped into projects; each group is read by
// the card's and the indicator table's own readers.
#include "extract/labels.hpp"
#include "extract/tables.hpp"
#include "util/text.hpp"

namespace jixiao::extract {
namespace {

bool project_column(Field f) { return is_card_field(f) || f == Field::unit_name || f == Field::unit_code; }

// The text a row shows in a column: its own cell's, or the merged cell's it lies under; none
// past the table's width (a continuation whose last columns are empty is narrower).
std::string_view text_at(const ooxml::Table& t, int row, int col) {
  if (col < 0 || col >= t.columns) return {};
  const ooxml::Cell* cell = t.origin_of(row, col);
  return cell ? cell->text : std::string_view();
}

struct Column {
  Field field;
  int col;
  std::string_view label;
};

}  // namespace

bool is_flat_header(TableRows& rows, int header_row) {
  const Entries entries = rows.entries(header_row);
  for (std::size_t k = 0; k < entries.size(); ++k)
    if (auto f = rows.label(header_row, k); f == Field::project_code || f == Field::project_name) return true;
  return false;
}

std::vector<Project> read_flat(TableRows& rows, int header_row, const ooxml::Table& t, int first_row,
                               Warnings& warnings) {
  std::vector<Column> columns;
  int code_col = -1, name_col = -1;
  const Entries entries = rows.entries(header_row);
  for (std::size_t k = 0; k < entries.size(); ++k) {
    auto f = rows.label(header_row, k);
    if (!f || !project_column(*f) || entries[k].continued) continue;
    columns.push_back({*f, entries[k].col, entries[k].text});
    if (*f == Field::project_code && code_col < 0) code_col = entries[k].col;
    if (*f == Field::project_name && name_col < 0) name_col = entries[k].col;
  }
  // The header's unrecognised columns are said once, when its own table is read.
  std::vector<Warning> again;
  Warnings header_warnings(again);
  const ColumnMap map = map_indicator_columns(rows, header_row, &rows.table() == &t ? warnings : header_warnings);
  // A new project where its code or its name changes; a blank one (written on the first row only)
  // changes nothing.
  auto cell = [&](int r, int col) { return text_at(t, r, col); };
  std::vector<std::pair<int, int>> groups;  // [first row, end row)
  std::string_view code, name;
  for (int r = first_row; r < t.rows; ++r) {
    if (match_label(cell(r, map.col[kLevel1])) == Field::level1) continue;  // a repeated header
    const std::string_view c = cell(r, code_col), n = cell(r, name_col);
    const bool changed = (!text::is_blank(c) && c != code) || (!text::is_blank(n) && n != name);
    if (groups.empty() || changed) groups.push_back({r, r + 1});
    else groups.back().second = r + 1;
    if (!text::is_blank(c)) code = c;
    if (!text::is_blank(n)) name = n;
  }
  TableRows data(t);
  std::vector<Project> projects;
  projects.reserve(groups.size());
  for (const auto& [first, end] : groups) {
    Project& p = projects.emplace_back();
    std::vector<CardValue> values;
    for (const Column& c : columns) {
      // The first row of the group that fills the column: a value repeated (or merged) down.
      int r = first;
      while (r + 1 < end && text::is_blank(text_at(t, r, c.col))) ++r;
      values.push_back({c.field, c.label, text_at(t, r, c.col), location(t, r, c.col)});
    }
    read_card_values(data, values, p, warnings);
    p.flat = true;
    p.card_table = t.index;
    p.indicator_tables.push_back(t.index);
    read_indicators(t, first, map, p.indicators, std::nullopt, end);
  }
  return projects;
}

}  // namespace jixiao::extract
