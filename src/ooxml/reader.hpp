#pragma once
// WordprocessingML -> blocks, in two steps: the one handler (word.hpp) gathers what the body says
// into raw tables (cells as written, spans and merges unresolved), and the placing step
// (place.cpp) turns those into grids, numbers the tables and writes the notices. The handler
// reads from either of two sources: the scanner over the XML text (scan.cpp), for the usual
// document, and a parsed, canonical pugixml tree (tree.cpp), for everything else.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "jixiao/blocks.hpp"
#include "jixiao/read_options.hpp"

namespace jixiao::ooxml {

// Paragraph style id -> heading level (1..9), from outline levels or Heading/标题 names.
using HeadingStyles = std::map<std::string, int>;
HeadingStyles read_heading_styles(const pugi::xml_document& styles);

struct RawTable;

// A w:tc as written. Values are w:val attributes read as integers (absent or unreadable: the
// fallbacks named), clamped later.
struct RawCell {
  int span = 1;  // w:gridSpan; once laid out, clamped, and 0 for a cell joined to the one before
  enum { none, restart, cont } vmerge = none;
  bool h_continue = false;  // w:hMerge="continue": widens the cell before it
  std::string_view text;    // its paragraphs joined by "\n" (in the body's TextStore)
  // Its tables in reading order; null for one nested deeper than the limit (not read).
  std::vector<std::unique_ptr<RawTable>> nested;
};

struct RawRow {
  int before = 0, after = 0;  // w:gridBefore, w:gridAfter
  std::size_t first = 0, count = 0;  // its cells: RawTable::cells[first, first + count)
};

// A w:tbl as written. Every row's cells are in one array, row after row: a reader can keep one
// RawTable and clear it for the next table, without a vector to make and free for each row.
struct RawTable {
  int grid = 0;  // w:gridCol elements in the first w:tblGrid
  std::vector<RawRow> rows;
  std::vector<RawCell> cells;

  RawCell* begin(const RawRow& row) { return cells.data() + row.first; }
  RawCell* end(const RawRow& row) { return cells.data() + row.first + row.count; }
  void clear() {
    grid = 0;
    rows.clear();
    cells.clear();
  }
};

// An integer w:val as written ("3"), or `fallback` when absent, empty or not wholly a number;
// clamped to ±1,000,000 (callers clamp further).
int int_value(const char* text, int fallback);
// A w:outlineLvl value as a heading level: 1..9, 0 for body text.
int level_of_outline(int outline);

// Turns raw tables into grids, numbering tables in reading order and writing notices to `body`.
class Placer {
public:
  Placer(const ReadLimits& limits, Body& body) : limits_(limits), body_(body) {}
  // Takes the text out of `raw`.
  Table table(RawTable& raw, int depth);
  void notice(int table, int row, std::string zh, std::string en);

private:
  // A row's spans clamped and legacy horizontal merges joined, in place: a cell joined to the
  // one before it is left with span 0. The row's width so laid out (gridBefore and gridAfter too).
  static long lay_out(RawTable& table, RawRow& row, int span_cap);
  void place_row(Table& t, RawTable& from, const RawRow& row, int r, int depth);
  const ReadLimits& limits_;
  Body& body_;
  int next_table_ = 1;
};

// The notice for an altChunk, which no reader here can follow.
void alt_chunk_notice(Placer& placer);

// The body of a canonical w:document tree as blocks (through the tree source). Nothing is
// dropped silently: what is skipped or repaired becomes a notice. Paragraph levels given by
// styles are not resolved here: see Body::heading_level.
Body read_blocks(const pugi::xml_document& document, const ReadLimits& limits);

// The same, straight from the text of a document part (through the scanner): null when the
// part is anything but the usual XML (namespaces declared below the root or under other
// prefixes, comments, CDATA, a DOCTYPE, an unknown entity, malformed XML ...). The tree then
// reads it, and says what is wrong if anything is.
std::optional<Body> read_blocks_streaming(std::string_view xml, const ReadLimits& limits);

// A document part's blocks: scanned when the scanner can, else parsed into a tree, which also
// names what is wrong with a malformed part or a root that is not w:document.
Expected<Body> read_document_part(std::string_view xml, const std::string& part_name, const ReadLimits& limits);

}  // namespace jixiao::ooxml
