// Indicator tables: the header row found by its labels, the columns mapped, each row read.
#include <algorithm>

#include "extract/labels.hpp"
#include "extract/tables.hpp"
#include "extract/values.hpp"
#include "util/text.hpp"

namespace jixiao::extract {
namespace {

std::optional<IndicatorColumn> column_of(Field f) {
  switch (f) {
    case Field::level1: return kLevel1;
    case Field::level2: return kLevel2;
    case Field::level3: return kLevel3;
    case Field::description: return kDescription;
    case Field::value: return kValue;
    case Field::basis: return kBasis;
    default: return std::nullopt;
  }
}

bool blank(std::string_view s) { return text::is_blank(s); }

}  // namespace

std::optional<int> find_indicator_header(TableRows& rows) {
  for (int r = 0; r < rows.size(); ++r) {
    bool level1 = false, other = false;
    const std::size_t n = rows.entries(r).size();
    for (std::size_t k = 0; k < n; ++k) {
      auto f = rows.label(r, k);
      level1 = level1 || f == Field::level1;
      other = other || f == Field::level3 || f == Field::value;
    }
    if (level1 && other) return r;
  }
  return std::nullopt;
}

ColumnMap map_indicator_columns(TableRows& rows, int header_row, Warnings& warnings) {
  const ooxml::Table& t = rows.table();
  ColumnMap map;
  map.col.fill(-1);
  map.columns = t.columns;
  const Entries entries = rows.entries(header_row);
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const Entry& e = entries[k];
    auto f = rows.label(header_row, k);
    auto column = f ? column_of(*f) : std::nullopt;
    if (column && map.col[*column] < 0) {
      map.col[*column] = e.col;
    } else if (!blank(e.text)) {
      warnings.add(location(t, header_row, e.col),
                   "指标表中未识别的列“" + std::string(e.text) + "”，该列内容已跳过",
                   "unrecognised column \"" + std::string(e.text) + "\" in the indicator table; skipped");
    }
  }
  return map;
}

void read_indicators(const ooxml::Table& t, int first_row, const ColumnMap& map, Project& p) {
  const std::string_view kNone;
  p.indicators.reserve(p.indicators.size() + static_cast<std::size_t>(std::max(0, t.rows - first_row)));
  // The row above, read in this table: its 一级 and 二级 fill blank or merged cells below.
  std::size_t above = p.indicators.size();
  for (int r = first_row; r < t.rows; ++r) {
    std::array<std::string_view, kColumnCount> text;
    text.fill(kNone);
    bool any = false;
    for (int k = 0; k < kColumnCount; ++k) {
      int c = map.col[k];
      if (c < 0 || c >= t.columns) continue;
      const ooxml::Cell& cell = t.at(r, c);
      if (cell.role == ooxml::CellRole::origin)
        text[k] = cell.text;
      else if (cell.role == ooxml::CellRole::v_continue)
        text[k] = t.at(cell.origin_row, cell.origin_col).text;
      any = any || (cell.role == ooxml::CellRole::origin && !blank(cell.text));
    }
    if (!any) continue;  // entirely blank, or only merged cells continuing from above
    if (match_label(text[kLevel1]) == Field::level1) continue;  // a repeated header row
    const bool has_above = above < p.indicators.size();
    const std::string_view above1 = has_above ? std::string_view(p.indicators[above].level1) : kNone;
    const std::string_view above2 = has_above ? std::string_view(p.indicators[above].level2) : kNone;
    const bool blank1 = blank(text[kLevel1]);
    const bool new_level1 = !blank1 && text[kLevel1] != above1;
    Indicator ind;
    ind.level1 = blank1 ? above1 : text[kLevel1];
    ind.level2 = blank(text[kLevel2]) && !new_level1 ? above2 : text[kLevel2];
    ind.level3 = text[kLevel3];
    ind.description = text[kDescription];
    ind.value = parse_indicator_value(text[kValue]);
    ind.basis = text[kBasis];
    ind.at = Location{t.index, r + 1, 0};
    above = p.indicators.size();
    p.indicators.push_back(std::move(ind));
  }
}

}  // namespace jixiao::extract
