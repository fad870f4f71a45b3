#pragma once
// Stage 1's output: what WordprocessingML says, with no domain knowledge.
// Paragraphs with their text and heading level; tables as rectangular grids with merges resolved.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jixiao/error.hpp"

namespace jixiao::ooxml {

struct Table;

struct Paragraph {
  std::string text;   // runs concatenated as read (tracked changes accepted)
  std::string style;  // the w:pStyle id, empty when none
  int outline_level = -1;  // its own w:outlineLvl: 1..9 a heading, 0 body text, -1 not given
};

// Where one grid position stands within the merge it belongs to.
enum class CellRole {
  origin,         // the top-left position of a cell: it holds the text
  h_continue,     // covered by a gridSpan of the origin to its left
  v_continue,     // covered by a vMerge continuation of the origin above
  filler,         // no cell here: gridBefore, gridAfter, or a short row
};

// The text of a body's cells, kept in blocks of a few KiB that never move: a cell's text is a
// view into them, valid as long as the body. (A document has a thousand cells or more; a string
// each, made and freed for every document, was a large share of reading it.)
class TextStore {
public:
  TextStore() = default;
  TextStore(TextStore&& other) noexcept { *this = std::move(other); }
  TextStore& operator=(TextStore&& other) noexcept {
    blocks_ = std::move(other.blocks_);
    at_ = other.at_;
    left_ = other.left_;
    other.blocks_.clear();
    other.at_ = nullptr;
    other.left_ = 0;
    return *this;
  }
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;

  // A lasting copy of `text`.
  std::string_view add(std::string_view text);

private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* at_ = nullptr;  // the free end of the last block
  std::size_t left_ = 0;
};

struct Cell {
  CellRole role = CellRole::filler;
  int origin_row = -1;  // 0-based grid position of the origin; -1 for fillers
  int origin_col = -1;
  int row_span = 1;  // on origins only
  int col_span = 1;
  std::string_view text;       // on origins: the cell's paragraphs joined by "\n" (in Body::texts)
  std::vector<Table> nested;   // tables inside the cell, in reading order
};

struct Table {
  int index = 0;  // 1-based, counting every table of the document in reading order
  int columns = 0;
  int rows = 0;             // deleted rows (tracked changes) are not counted
  std::vector<Cell> cells;  // row after row, `columns` in each

  const Cell& at(int row, int col) const {
    return cells[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) + static_cast<std::size_t>(col)];
  }
  Cell& at(int row, int col) {
    return cells[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) + static_cast<std::size_t>(col)];
  }
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

// Heading levels by paragraph style id. The styles part is read and parsed on the first
// question that needs it: it is often several times larger than the document, and most
// documents never need it.
class StyleLevels {
public:
  // Reads the part and names it in `part_name`: "" when there is none.
  using ReadPart = std::function<Expected<std::string>(std::string& part_name)>;
  StyleLevels() = default;  // no styles part: every style is body text
  explicit StyleLevels(ReadPart read) : read_(std::move(read)) {}
  // 1..9 for a heading style (by outline level or a Heading/标题 name, following basedOn),
  // 0 otherwise.
  int level(const std::string& style_id);
  // Reads the part now, if it has not been read: before what it reads from goes away.
  void read_now() {
    if (!loaded_) load();
  }
  // Why the styles part was ignored, once it was read and could not be used.
  const std::optional<Message>& problem() const { return problem_; }

private:
  void load();
  ReadPart read_;
  bool loaded_ = false;
  std::map<std::string, int> levels_;
  std::optional<Message> problem_;
};

struct Body {
  TextStore texts;  // what the cells' text views show: first, so that it goes last
  // For a workbook's body: where each table lies on its sheet (table, sheet, first row and column).
  struct Place {
    int table;
    std::string sheet;
    int first_row, first_column;
  };
  std::vector<Place> places;
  std::vector<Block> blocks;
  std::vector<Notice> notices;  // what was skipped or repaired while reading
  std::shared_ptr<StyleLevels> styles = std::make_shared<StyleLevels>();

  // A paragraph's heading level, 1..9, or 0 for body text: its own outline level, else its
  // style's.
  int heading_level(const Paragraph& p) const {
    if (p.outline_level >= 0) return p.outline_level;
    return p.style.empty() ? 0 : styles->level(p.style);
  }
};

}  // namespace jixiao::ooxml
