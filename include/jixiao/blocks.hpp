#pragma once
// Stage 1's output: what WordprocessingML says, with no domain knowledge.
// Paragraphs with their text and heading level; tables as rectangular grids with merges resolved.
#include <string>
#include <vector>

#include "jixiao/error.hpp"

namespace jixiao::ooxml {

struct Table;

struct Paragraph {
  std::string text;   // runs concatenated as read (tracked changes accepted)
  std::string style;  // the w:pStyle id, empty when none
  int heading_level = 0;  // 1..9 for headings, 0 for body text
};

// Where one grid position stands within the merge it belongs to.
enum class CellRole {
  origin,         // the top-left position of a cell: it holds the text
  h_continue,     // covered by a gridSpan of the origin to its left
  v_continue,     // covered by a vMerge continuation of the origin above
  filler,         // no cell here: gridBefore, gridAfter, or a short row
};

struct Cell {
  CellRole role = CellRole::filler;
  int origin_row = -1;  // 0-based grid position of the origin; -1 for fillers
  int origin_col = -1;
  int row_span = 1;  // on origins only
  int col_span = 1;
  std::string text;            // on origins: the cell's paragraphs joined by "\n"
  std::vector<Table> nested;   // tables inside the cell, in reading order
};

struct Row {
  std::vector<Cell> cells;  // exactly Table::columns entries
};

struct Table {
  int index = 0;  // 1-based, counting every table of the document in reading order
  int columns = 0;
  std::vector<Row> rows;  // deleted rows (tracked changes) are not here

  const Cell& at(int row, int col) const { return rows[row].cells[col]; }
  // The origin cell covering a position (itself when it is an origin); null for fillers.
  const Cell* origin_of(int row, int col) const;
};

struct Block {
  enum class Kind { paragraph, table } kind = Kind::paragraph;
  Paragraph paragraph;
  Table table;
};

struct Notice {
  Message message;
  int table = 0;  // where, when it is inside a table
  int row = 0;
};

struct Body {
  std::vector<Block> blocks;
  std::vector<Notice> notices;  // what was skipped or repaired while reading
};

}  // namespace jixiao::ooxml
