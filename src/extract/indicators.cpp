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
    case Field::nature: return kNature;
    case Field::measure_unit: return kMeasureUnit;
    case Field::weight: return kWeight;
    case Field::explanation: return kExplanation;
    case Field::scoring: return kScoring;
    case Field::note: return kNote;
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
    } else if (!blank(e.text) && !(f && (is_card_field(*f) || *f == Field::unit_name || *f == Field::unit_code))) {
      // (A project's column beside the indicators' is the flat export's: read there.)
      warnings.add(location(t, header_row, e.col),
                   "指标表中未识别的列“" + std::string(e.text) + "”，该列内容已跳过",
                   "unrecognised column \"" + std::string(e.text) + "\" in the indicator table; skipped");
    }
  }
  // 指标内容 beside 一级 and 二级 with no 三级指标 is the third level (the application forms).
  if (map.col[kLevel3] < 0 && map.col[kDescription] >= 0) std::swap(map.col[kLevel3], map.col[kDescription]);
  return map;
}

namespace {

// 指标性质 holds the comparison the value leaves out: "≥" over "95".
std::optional<std::string> op_of_nature(std::string_view nature) {
  std::string s = text::fold_for_matching(nature);
  if (s == "≥" || s == ">=" || s == "大于等于" || s == "不低于") return ">=";
  if (s == "≤" || s == "<=" || s == "小于等于" || s == "不高于") return "<=";
  if (s == "=" || s == "等于") return "=";
  if (s == ">" || s == "大于") return ">";
  if (s == "<" || s == "小于") return "<";
  return std::nullopt;
}

std::optional<std::string> column_text(const std::array<std::string_view, kColumnCount>& text, const ColumnMap& map,
                                       IndicatorColumn k) {
  if (map.col[k] < 0) return std::nullopt;
  return std::string(text[k]);
}

// What the other forms' columns say, and what the value takes from them: the comparison from
// 指标性质, the unit from 度量单位 or else from brackets after the indicator's name.
void other_columns(Indicator& ind, const std::array<std::string_view, kColumnCount>& text, const ColumnMap& map) {
  const bool any = map.col[kNature] >= 0 || map.col[kMeasureUnit] >= 0 || map.col[kWeight] >= 0 ||
                   map.col[kExplanation] >= 0 || map.col[kScoring] >= 0 || map.col[kNote] >= 0;
  if (any) {
    OtherColumns& o = ind.set_other();
    o.nature = column_text(text, map, kNature);
    o.measure_unit = column_text(text, map, kMeasureUnit);
    if (map.col[kWeight] >= 0) o.weight = Weight{parse_amount(text[kWeight]), std::string(text[kWeight])};
    o.explanation = column_text(text, map, kExplanation);
    o.scoring = column_text(text, map, kScoring);
    o.note = column_text(text, map, kNote);
  }
  const OtherColumns& o = ind.other();
  if (o.nature && !ind.value.op) ind.value.op = op_of_nature(*o.nature);
  if (!ind.value.unit) {
    if (o.measure_unit && !blank(*o.measure_unit)) ind.value.unit = text::trim(*o.measure_unit);
    else ind.value.unit = unit_in_brackets(ind.level3);
  }
}

}  // namespace

void read_indicators(const ooxml::Table& t, int first_row, const ColumnMap& map, std::vector<Indicator>& rows,
                     const std::optional<std::string>& term, int end_row) {
  const std::string_view kNone;
  const int end = end_row < 0 ? t.rows : std::min(end_row, t.rows);
  rows.reserve(rows.size() + static_cast<std::size_t>(std::max(0, end - first_row)));
  // The row above, read in this table: its 一级 and 二级 fill blank or merged cells below.
  std::size_t above = rows.size();
  for (int r = first_row; r < end; ++r) {
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
    const bool has_above = above < rows.size();
    const std::string_view above1 = has_above ? std::string_view(rows[above].level1) : kNone;
    const std::string_view above2 = has_above ? std::string_view(rows[above].level2) : kNone;
    const bool blank1 = blank(text[kLevel1]);
    const bool new_level1 = !blank1 && text[kLevel1] != above1;
    Indicator ind;
    ind.level1 = blank1 ? above1 : text[kLevel1];
    ind.level2 = blank(text[kLevel2]) && !new_level1 ? above2 : text[kLevel2];
    ind.level3 = text[kLevel3];
    ind.description = text[kDescription];
    ind.value = parse_indicator_value(text[kValue]);
    ind.basis = text[kBasis];
    ind.basis_column = map.col[kBasis] >= 0;
    {
      const IndicatorColumn fields[] = {kLevel1, kLevel2, kLevel3, kDescription, kValue, kBasis};
      for (std::size_t f = 0; f < 6; ++f)
        if (map.col[fields[f]] >= 0 && map.col[fields[f]] < 255) ind.columns[f] = static_cast<std::uint8_t>(map.col[fields[f]] + 1);
    }
    ind.at = Location{t.index, r + 1, 0};
    ind.term = term;
    other_columns(ind, text, map);
    above = rows.size();
    rows.push_back(std::move(ind));
  }
}

}  // namespace jixiao::extract
