#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "ooxml/elements.hpp"
#include "ooxml/reader.hpp"
#include "ooxml/xml.hpp"
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
    lay_out(raw, r, span_cap);
    long natural = r.before + std::clamp(r.after, 0, span_cap);
    for (const RawCell* cell = raw.begin(r); cell != raw.end(r); ++cell) natural += cell->span;
    width = static_cast<int>(std::max<long>(width, std::min<long>(natural, max_cols)));
  }
  t.columns = width;
  t.rows = static_cast<int>(raw.rows.size());
  t.cells.resize(raw.rows.size() * static_cast<std::size_t>(width));
  for (std::size_t r = 0; r < raw.rows.size(); ++r) place_row(t, raw, raw.rows[r], static_cast<int>(r), depth);
  return t;
}

void Placer::lay_out(RawTable& table, RawRow& row, int span_cap) {
  // The cells as Word lays them out: a continuing legacy horizontal merge widens the one before
  // and is left out (span 0).
  row.before = std::clamp(row.before, 0, span_cap);
  RawCell* last = nullptr;
  for (RawCell* cell = table.begin(row); cell != table.end(row); ++cell) {
    RawCell& c = *cell;
    int span = std::clamp(c.span, 1, span_cap);
    if (c.h_continue && last) {
      last->span = std::min(last->span + span, span_cap);
      c.span = 0;
    } else {
      c.span = span;
      last = &c;
    }
  }
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

namespace {

// An integer attribute w:val, or `fallback` when absent or unreadable.
int int_val(const pugi::xml_node& node, int fallback) {
  if (!node) return fallback;
  return int_value(node.attribute("w:val").value(), fallback);
}

// Whether an element's content is not the paragraph's text (its properties, field codes,
// drawings, deleted text ...): the kinds of elements.hpp, as the streaming reader reads them.
bool skipped_in_text(Tag kind) { return kind == Tag::not_text || kind == Tag::pPr; }

std::string paragraph_text(const pugi::xml_node& p) {
  std::string out;
  std::vector<bool> fields;  // open complex fields: true once past their separator
  auto emitting = [&] { return std::all_of(fields.begin(), fields.end(), [](bool r) { return r; }); };
  pugi::xml_node node = p.first_child();
  while (node) {
    const Tag kind = node.type() == pugi::node_element ? tag_of(node.name()) : Tag::other;
    bool descend = node.type() == pugi::node_element && !skipped_in_text(kind);
    if (descend) {
      switch (kind) {
        case Tag::t:
          if (emitting())
            for (pugi::xml_node t = node.first_child(); t; t = t.next_sibling())
              if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) out += t.value();
          descend = false;
          break;
        case Tag::tab:
          if (emitting()) out += '\t';
          break;
        case Tag::br:
          if (emitting()) out += '\n';
          break;
        case Tag::hyphen:
          if (emitting()) out += '-';
          break;
        case Tag::sym: {
          char32_t c = static_cast<char32_t>(std::strtoul(node.attribute("w:char").value(), nullptr, 16));
          if (c && emitting()) text::append_utf8(out, c);
          break;
        }
        case Tag::fldChar: {
          std::string type = node.attribute("w:fldCharType").value();
          if (type == "begin") fields.push_back(false);
          else if (type == "separate" && !fields.empty()) fields.back() = true;
          else if (type == "end" && !fields.empty()) fields.pop_back();
          break;
        }
        default:
          break;
      }
    }
    node = (descend && node.first_child()) ? node.first_child() : after_subtree(node, p);
  }
  return out;
}

Paragraph paragraph(const pugi::xml_node& p) {
  Paragraph out;
  out.text = paragraph_text(p);
  pugi::xml_node props = child(p, "w:pPr");
  out.style = val(child(props, "w:pStyle")).value_or("");
  if (pugi::xml_node outline = child(props, "w:outlineLvl")) out.outline_level = level_of_outline(int_val(outline, 9));
  return out;
}

// A w:tbl of the tree as a raw table; tables nested deeper than the limit are left unread.
std::unique_ptr<RawTable> raw_table(const pugi::xml_node& tbl, int depth, const ReadLimits& limits,
                                    TextStore& texts) {
  auto raw = std::make_unique<RawTable>();
  for (pugi::xml_node c : child(tbl, "w:tblGrid").children())
    if (is(c, "w:gridCol")) ++raw->grid;
  for (pugi::xml_node tr : tbl.children()) {
    if (!is(tr, "w:tr")) continue;
    RawRow row;
    row.first = raw->cells.size();
    pugi::xml_node props = child(tr, "w:trPr");
    row.before = int_val(child(props, "w:gridBefore"), 0);
    row.after = int_val(child(props, "w:gridAfter"), 0);
    for (pugi::xml_node tc : tr.children()) {
      if (!is(tc, "w:tc")) continue;
      pugi::xml_node tcp = child(tc, "w:tcPr");
      RawCell cell;
      cell.span = int_val(child(tcp, "w:gridSpan"), 1);
      if (pugi::xml_node vm = child(tcp, "w:vMerge"))
        cell.vmerge = val(vm).value_or("continue") == "restart" ? RawCell::restart : RawCell::cont;
      cell.h_continue = val(child(tcp, "w:hMerge")).value_or("") == "continue";
      bool first = true;
      std::string text;
      for (pugi::xml_node n : tc.children()) {
        if (is(n, "w:p")) {
          if (!first) text += '\n';
          text += paragraph_text(n);
          first = false;
        } else if (is(n, "w:tbl")) {
          cell.nested.push_back(depth < limits.max_table_depth ? raw_table(n, depth + 1, limits, texts) : nullptr);
        }
      }
      cell.text = texts.add(text);
      raw->cells.push_back(std::move(cell));
      ++row.count;
    }
    raw->rows.push_back(std::move(row));
  }
  return raw;
}

}  // namespace

Body read_blocks(const pugi::xml_document& document, const ReadLimits& limits) {
  Body body;
  Placer placer(limits, body);
  for (pugi::xml_node n : child(document.document_element(), "w:body").children()) {
    if (is(n, "w:p")) {
      Block b;
      b.paragraph = paragraph(n);
      body.blocks.push_back(std::move(b));
    } else if (is(n, "w:tbl")) {
      Block b;
      b.kind = Block::Kind::table;
      b.table = placer.table(*raw_table(n, 1, limits, body.texts), 1);
      body.blocks.push_back(std::move(b));
    } else if (is(n, "w:altChunk")) {
      alt_chunk_notice(placer);
    }
  }
  return body;
}

}  // namespace jixiao::ooxml
