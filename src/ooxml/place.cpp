// The placing step shared by both sources: raw tables (cells as written) into grids with their
// spans and merges resolved, numbered in reading order, with a notice for whatever was repaired;
// and the store that keeps the cells' text.
#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "ooxml/reader.hpp"
#include "ooxml/word.hpp"
#include "util/text.hpp"

namespace jixiao::ooxml {

std::string_view TextStore::add(std::string_view text) {
  // Blocks of 4 KiB, a size the program's allocator keeps for reuse; a long text (rare) has a
  // block of its own, and the current block stays in use.
  constexpr std::size_t kBlock = 4096;
  if (text.empty()) return {};
  char* at;
  if (text.size() <= left_) {
    at = at_;
    at_ += text.size();
    left_ -= text.size();
  } else if (text.size() > kBlock / 4) {
    blocks_.emplace_back(new char[text.size()]);
    at = blocks_.back().get();
  } else {
    blocks_.emplace_back(new char[kBlock]);
    at = blocks_.back().get();
    at_ = at + text.size();
    left_ = kBlock - text.size();
  }
  std::memcpy(at, text.data(), text.size());
  return std::string_view(at, text.size());
}

const Cell* Table::origin_of(int row, int col) const {
  const Cell& c = at(row, col);
  if (c.role == CellRole::filler) return nullptr;
  return &at(c.origin_row, c.origin_col);
}

int int_value(const char* text, int fallback) {
  if (!text || !*text) return fallback;
  char* end = nullptr;
  long long n = std::strtoll(text, &end, 10);
  if (*end != '\0' || end == text) return fallback;
  return static_cast<int>(std::clamp<long long>(n, -1000000, 1000000));
}

int level_of_outline(int outline) { return (outline >= 0 && outline <= 8) ? outline + 1 : 0; }

void Placer::notice(int table, int row, std::string zh, std::string en) {
  body_.notices.push_back({{std::move(zh), std::move(en)}, table, row});
}

void too_deep_notice(Placer& placer) {
  placer.notice(0, 0, "文档内容嵌套超过 " + std::to_string(kMaxElementDepth) + " 层，更深的内容已跳过",
                "the document's content nests deeper than " + std::to_string(kMaxElementDepth) +
                    " levels; the deeper content was skipped");
}

void alt_chunk_notice(Placer& placer) {
  placer.notice(0, 0, "文档中嵌入的外部内容（altChunk）无法读取，已跳过",
                "embedded external content (altChunk) cannot be read and was skipped");
}

Table Placer::table(RawTable& raw, int depth) {
  Table t;
  t.index = next_table_++;
  int grid = raw.grid;
  const int max_cols = limits_.max_columns;
  if (grid > max_cols) {
    notice(t.index, 0, "表格网格有 " + std::to_string(grid) + " 列，超过上限，按 " +
                           std::to_string(max_cols) + " 列读取",
           "the table grid has " + std::to_string(grid) + " columns; read as " +
               std::to_string(max_cols));
    grid = max_cols;
  }
  const int span_cap = grid > 0 ? grid : max_cols;
  int width = grid;
  for (RawRow& r : raw.rows) {
    const long natural = lay_out(raw, r, span_cap);
    if (natural > width) width = static_cast<int>(std::min<long>(natural, max_cols));
  }
  t.columns = width;
  t.rows = static_cast<int>(raw.rows.size());
  t.cells.resize(raw.rows.size() * static_cast<std::size_t>(width));
  for (std::size_t r = 0; r < raw.rows.size(); ++r) place_row(t, raw, raw.rows[r], static_cast<int>(r), depth);
  return t;
}

long Placer::lay_out(RawTable& table, RawRow& row, int span_cap) {
  // The cells as Word lays them out: a continuing legacy horizontal merge widens the one before
  // and is left out (span 0).
  row.before = std::clamp(row.before, 0, span_cap);
  long natural = row.before + std::clamp(row.after, 0, span_cap);
  RawCell* last = nullptr;
  for (RawCell* cell = table.begin(row); cell != table.end(row); ++cell) {
    RawCell& c = *cell;
    int span = std::clamp(c.span, 1, span_cap);
    if (c.h_continue && last) {
      const int joined = std::min(last->span + span, span_cap);
      natural += joined - last->span;
      last->span = joined;
      c.span = 0;
    } else {
      c.span = span;
      last = &c;
      natural += span;
    }
  }
  return natural;
}

void Placer::place_row(Table& t, RawTable& from, const RawRow& row, int r, int depth) {
  int col = std::min(row.before, t.columns);
  for (RawCell* cell = from.begin(row); cell != from.end(row); ++cell) {
    RawCell& laid = *cell;
    if (laid.span == 0) continue;  // joined to the cell before it
    RawCell* rc = &laid;
    const int cell_span = laid.span;
    if (col >= t.columns) {
      notice(t.index, r + 1, "该行的单元格超出表格宽度，多余的单元格已跳过",
             "the row has more cells than the table is wide; the extra cells were skipped");
      break;
    }
    int span = std::min(cell_span, t.columns - col);
    const Cell* above = r > 0 ? &t.at(r - 1, col) : nullptr;
    bool joins = rc->vmerge == RawCell::cont && above && above->role != CellRole::filler &&
                 above->origin_col == col;
    if (joins) {
      int orow = above->origin_row;
      t.at(orow, col).row_span++;
      for (int k = 0; k < span; ++k) {
        Cell& c = t.at(r, col + k);
        c.role = CellRole::v_continue;
        c.origin_row = orow;
        c.origin_col = col;
      }
      if (!text::is_blank(rc->text))
        notice(t.index, r + 1, "纵向合并的续接单元格中有文字，按 Word 的显示方式忽略",
               "a vertically merged continuation cell holds text; ignored as Word shows it");
    } else {
      Cell& origin = t.at(r, col);
      origin.role = CellRole::origin;
      origin.origin_row = r;
      origin.origin_col = col;
      origin.col_span = span;
      origin.text = rc->text;
      for (const auto& nested : rc->nested) {
        if (depth >= limits_.max_table_depth || !nested) {
          notice(t.index, 0, "表格嵌套超过 " + std::to_string(limits_.max_table_depth) +
                                 " 层，更深的表格已跳过",
                 "tables nest deeper than " + std::to_string(limits_.max_table_depth) +
                     " levels; the deeper ones were skipped");
          continue;
        }
        Table inner = table(*nested, depth + 1);
        origin.nested.push_back(std::move(inner));
      }
      for (int k = 1; k < span; ++k) {
        Cell& c = t.at(r, col + k);
        c.role = CellRole::h_continue;
        c.origin_row = r;
        c.origin_col = col;
      }
    }
    col += span;
  }
}

}  // namespace jixiao::ooxml
