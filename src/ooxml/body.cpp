#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "ooxml/reader.hpp"
#include "ooxml/xml.hpp"
#include "util/text.hpp"

namespace jixiao::ooxml {

const Cell* Table::origin_of(int row, int col) const {
  const Cell& c = at(row, col);
  if (c.role == CellRole::filler) return nullptr;
  return &at(c.origin_row, c.origin_col);
}

namespace {

// An integer attribute w:val, or `fallback` when absent or unreadable.
int int_val(const pugi::xml_node& node, int fallback) {
  auto v = val(node);
  if (!v || v->empty()) return fallback;
  char* end = nullptr;
  long long n = std::strtoll(v->c_str(), &end, 10);
  if (*end != '\0' || end == v->c_str()) return fallback;
  return static_cast<int>(std::clamp<long long>(n, -1000000, 1000000));  // callers clamp further
}

bool skipped_in_text(const pugi::xml_node& n) {
  static const char* const kSkip[] = {"pPr",     "rPr",  "instrText", "delInstrText",
                                      "drawing", "pict", "object",    "rt",
                                      "fldData", "delText"};
  const char* name = n.name();
  if (name[0] != 'w' || name[1] != ':') return false;
  const char* local = name + 2;
  if (local[0] == 't' || local[0] == 'b') return false;  // t, tab, br: the common ones, read
  for (const char* s : kSkip)
    if (local[0] == s[0] && std::strcmp(local, s) == 0) return true;
  return false;
}

std::string paragraph_text(const pugi::xml_node& p) {
  std::string out;
  std::vector<bool> fields;  // open complex fields: true once past their separator
  auto emitting = [&] { return std::all_of(fields.begin(), fields.end(), [](bool r) { return r; }); };
  pugi::xml_node node = p.first_child();
  while (node) {
    bool descend = node.type() == pugi::node_element && !skipped_in_text(node);
    if (descend) {
      if (is(node, "w:t")) {
        if (emitting())
          for (pugi::xml_node t = node.first_child(); t; t = t.next_sibling())
            if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) out += t.value();
        descend = false;
      } else if (is(node, "w:tab") || is(node, "w:ptab")) {
        if (emitting()) out += '\t';
      } else if (is(node, "w:br") || is(node, "w:cr")) {
        if (emitting()) out += '\n';
      } else if (is(node, "w:noBreakHyphen")) {
        if (emitting()) out += '-';
      } else if (is(node, "w:sym")) {
        char32_t c = static_cast<char32_t>(std::strtoul(node.attribute("w:char").value(), nullptr, 16));
        if (c && emitting()) text::append_utf8(out, c);
      } else if (is(node, "w:fldChar")) {
        std::string type = node.attribute("w:fldCharType").value();
        if (type == "begin") fields.push_back(false);
        else if (type == "separate" && !fields.empty()) fields.back() = true;
        else if (type == "end" && !fields.empty()) fields.pop_back();
      }
    }
    node = (descend && node.first_child()) ? node.first_child() : after_subtree(node, p);
  }
  return out;
}

struct RawCell {
  pugi::xml_node tc;
  int span = 1;
  enum { none, restart, cont } vmerge = none;
};

struct RawRow {
  int before = 0, after = 0;
  std::vector<RawCell> cells;
};

class Reader {
public:
  Reader(const ReadLimits& limits, Body& body) : limits_(limits), body_(body) {}

  Paragraph paragraph(const pugi::xml_node& p) const {
    Paragraph out;
    out.text = paragraph_text(p);
    pugi::xml_node props = child(p, "w:pPr");
    out.style = val(child(props, "w:pStyle")).value_or("");
    if (pugi::xml_node outline = child(props, "w:outlineLvl")) {
      int lvl = int_val(outline, 9);
      out.outline_level = (lvl >= 0 && lvl <= 8) ? lvl + 1 : 0;
    }
    return out;
  }

  Table table(const pugi::xml_node& tbl, int depth) {
    Table t;
    t.index = next_table_++;
    int grid = 0;
    for (pugi::xml_node c : child(tbl, "w:tblGrid").children())
      if (is(c, "w:gridCol")) ++grid;
    const int max_cols = limits_.max_columns;
    if (grid > max_cols) {
      notice(t.index, 0, "表格网格有 " + std::to_string(grid) + " 列，超过上限，按 " +
                             std::to_string(max_cols) + " 列读取",
             "the table grid has " + std::to_string(grid) + " columns; read as " +
                 std::to_string(max_cols));
      grid = max_cols;
    }
    std::vector<RawRow> raw = raw_rows(tbl, grid > 0 ? grid : max_cols);
    int width = grid;
    for (const RawRow& r : raw) {
      long natural = r.before + r.after;
      for (const RawCell& c : r.cells) natural += c.span;
      width = static_cast<int>(std::max<long>(width, std::min<long>(natural, max_cols)));
    }
    t.columns = width;
    for (std::size_t ri = 0; ri < raw.size(); ++ri) place_row(t, raw[ri], static_cast<int>(ri), depth);
    return t;
  }

  void blocks(const pugi::xml_node& body) {
    for (pugi::xml_node n : body.children()) {
      if (is(n, "w:p")) {
        Block b;
        b.paragraph = paragraph(n);
        body_.blocks.push_back(std::move(b));
      } else if (is(n, "w:tbl")) {
        Block b;
        b.kind = Block::Kind::table;
        b.table = table(n, 1);
        body_.blocks.push_back(std::move(b));
      } else if (is(n, "w:altChunk")) {
        notice(0, 0, "文档中嵌入的外部内容（altChunk）无法读取，已跳过",
               "embedded external content (altChunk) cannot be read and was skipped");
      }
    }
  }

private:
  void notice(int table, int row, std::string zh, std::string en) {
    body_.notices.push_back({{std::move(zh), std::move(en)}, table, row});
  }

  std::vector<RawRow> raw_rows(const pugi::xml_node& tbl, int span_cap) const {
    std::vector<RawRow> rows;
    for (pugi::xml_node tr : tbl.children()) {
      if (!is(tr, "w:tr")) continue;
      RawRow row;
      pugi::xml_node props = child(tr, "w:trPr");
      row.before = std::clamp(int_val(child(props, "w:gridBefore"), 0), 0, span_cap);
      row.after = std::clamp(int_val(child(props, "w:gridAfter"), 0), 0, span_cap);
      for (pugi::xml_node tc : tr.children()) {
        if (!is(tc, "w:tc")) continue;
        pugi::xml_node tcp = child(tc, "w:tcPr");
        RawCell cell;
        cell.tc = tc;
        int span = int_val(child(tcp, "w:gridSpan"), 1);
        cell.span = std::clamp(span, 1, span_cap);
        if (pugi::xml_node vm = child(tcp, "w:vMerge"))
          cell.vmerge = val(vm).value_or("continue") == "restart" ? RawCell::restart : RawCell::cont;
        // Legacy horizontal merge: a continuing cell widens the one before it.
        if (val(child(tcp, "w:hMerge")).value_or("") == "continue" && !row.cells.empty()) {
          row.cells.back().span = std::min(row.cells.back().span + cell.span, span_cap);
          continue;
        }
        row.cells.push_back(cell);
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  void place_row(Table& t, const RawRow& raw, int r, int depth) {
    Row row;
    row.cells.resize(static_cast<std::size_t>(t.columns));
    t.rows.push_back(std::move(row));
    int col = std::min(raw.before, t.columns);
    for (const RawCell& rc : raw.cells) {
      if (col >= t.columns) {
        notice(t.index, r + 1, "该行的单元格超出表格宽度，多余的单元格已跳过",
               "the row has more cells than the table is wide; the extra cells were skipped");
        break;
      }
      int span = std::min(rc.span, t.columns - col);
      const Cell* above = r > 0 ? &t.rows[r - 1].cells[col] : nullptr;
      bool joins = rc.vmerge == RawCell::cont && above && above->role != CellRole::filler &&
                   above->origin_col == col;
      if (joins) {
        int orow = above->origin_row;
        t.rows[orow].cells[col].row_span++;
        for (int k = 0; k < span; ++k) {
          Cell& c = t.rows[r].cells[col + k];
          c.role = CellRole::v_continue;
          c.origin_row = orow;
          c.origin_col = col;
        }
        if (!text::trim(cell_text(rc.tc, t, depth, nullptr)).empty())
          notice(t.index, r + 1, "纵向合并的续接单元格中有文字，按 Word 的显示方式忽略",
                 "a vertically merged continuation cell holds text; ignored as Word shows it");
      } else {
        Cell& origin = t.rows[r].cells[col];
        origin.role = CellRole::origin;
        origin.origin_row = r;
        origin.origin_col = col;
        origin.col_span = span;
        origin.text = cell_text(rc.tc, t, depth, &origin.nested);
        for (int k = 1; k < span; ++k) {
          Cell& c = t.rows[r].cells[col + k];
          c.role = CellRole::h_continue;
          c.origin_row = r;
          c.origin_col = col;
        }
      }
      col += span;
    }
  }

  // The cell's paragraphs joined by "\n"; nested tables go to `nested` (not read when null).
  std::string cell_text(const pugi::xml_node& tc, const Table& t, int depth,
                        std::vector<Table>* nested) {
    std::string out;
    bool first = true;
    for (pugi::xml_node n : tc.children()) {
      if (is(n, "w:p")) {
        if (!first) out += '\n';
        out += paragraph_text(n);
        first = false;
      } else if (is(n, "w:tbl") && nested) {
        if (depth >= limits_.max_table_depth) {
          notice(t.index, 0, "表格嵌套超过 " + std::to_string(limits_.max_table_depth) +
                                 " 层，更深的表格已跳过",
                 "tables nest deeper than " + std::to_string(limits_.max_table_depth) +
                     " levels; the deeper ones were skipped");
          continue;
        }
        nested->push_back(table(n, depth + 1));
      }
    }
    return out;
  }

  const ReadLimits& limits_;
  Body& body_;
  int next_table_ = 1;
};

}  // namespace

Body read_blocks(const pugi::xml_document& document, const ReadLimits& limits) {
  Body body;
  Reader reader(limits, body);
  pugi::xml_node b = child(document.document_element(), "w:body");
  reader.blocks(b);
  return body;
}

}  // namespace jixiao::ooxml
