// The workbook reader: workbook.xml for the sheets and the date system, the shared strings read
// once, the styles' number formats read once per format, then each sheet's cells into a grid.
#include "ooxml/workbook.hpp"

#include <cstring>
#include <map>
#include <memory>

#include "ooxml/numfmt.hpp"
#include "ooxml/sheet.hpp"
#include "ooxml/xml.hpp"
#include "jixiao/model.hpp"  // cell_name
#include "util/text.hpp"

namespace jixiao::ooxml {
namespace {

constexpr int kMaxRows = 100000;
// The grid a sheet spans, rows × columns: some 150 MB of cells at most. A sheet with one cell far
// out (BL99999) would otherwise claim a grid of millions of empty cells.
constexpr long kMaxGrid = 2000000;

Error bad(const std::string& part, const std::string& zh, const std::string& en) {
  return Error{ErrorKind::bad_xml, {part + "：" + zh, part + ": " + en}};
}

// A sheet past the reader's limits, named by its tab.
Error too_large(const std::string& sheet, const std::string& zh, const std::string& en) {
  return Error{ErrorKind::limit_exceeded, {"工作表“" + sheet + "”" + zh, "sheet \"" + sheet + "\" " + en}};
}

Expected<std::unique_ptr<ParsedPart>> parse(const Package& package, const std::string& part) {
  auto text = package.read(part);
  if (!text) return text.error();
  return parse_part(std::move(*text), part, false);
}

// A sheet's r:id, whatever the relationships namespace's prefix.
const char* relationship_id(const pugi::xml_node& n) {
  for (pugi::xml_attribute a : n.attributes()) {
    const std::string_view name = a.name();
    if (name.size() > 3 && name.substr(name.size() - 3) == ":id") return a.value();
  }
  return "";
}

// "F7" -> row 6, column 5; false for what is no cell name.
bool parse_cell_name(std::string_view s, int& row, int& column) {
  int c = 0, r = 0, letters = 0, digits = 0;
  std::size_t i = 0;
  for (; i < s.size() && s[i] >= 'A' && s[i] <= 'Z'; ++i, ++letters)
    if ((c = c * 26 + (s[i] - 'A' + 1)) > 16384) return false;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits)
    if ((r = r * 10 + (s[i] - '0')) > 1048576) return false;
  if (i < s.size() || !letters || !digits || r == 0) return false;
  row = r - 1;
  column = c - 1;
  return true;
}

struct Range {
  int top, left, bottom, right;
};

bool parse_range(std::string_view ref, Range& out) {
  const std::size_t colon = ref.find(':');
  if (colon == std::string_view::npos) return false;
  return parse_cell_name(ref.substr(0, colon), out.top, out.left) &&
         parse_cell_name(ref.substr(colon + 1), out.bottom, out.right) && out.top <= out.bottom &&
         out.left <= out.right;
}

class Reader {
public:
  Reader(const Package& package, const ReadLimits& limits) : package_(package), limits_(limits) {}

  Expected<Workbook> read(const std::string& workbook_part) {
    auto book = parse(package_, workbook_part);
    if (!book) return book.error();
    pugi::xml_node root = (*book)->doc.document_element();
    if (!named(root, "workbook")) return bad(workbook_part, "不是工作簿部件", "not a workbook part");
    const char* d1904 = first(root, "workbookPr").attribute("date1904").value();
    date1904_ = std::strcmp(d1904, "1") == 0 || std::strcmp(d1904, "true") == 0;
    auto rels = package_.relationships(workbook_part);
    if (!rels) return rels.error();
    std::map<std::string, std::string> target;
    for (const auto& r : *rels) {
      target[r.id] = r.target;
      if (text::ends_with(r.type, "/sharedStrings")) strings_part_ = r.target;
      if (text::ends_with(r.type, "/styles")) styles_part_ = r.target;
    }
    if (auto e = read_strings()) return *e;
    // The styles part only once a number needs its format: a workbook of text (openpyxl's, a
    // system's export) never reads it.
    Workbook out;
    for (pugi::xml_node s : first(root, "sheets").children()) {
      if (!named(s, "sheet")) continue;
      SheetInfo info;
      info.name = s.attribute("name").value();
      const std::string state = s.attribute("state").value();
      info.hidden = state == "hidden" || state == "veryHidden";
      auto part = target.find(relationship_id(s));
      if (part == target.end() || !package_.has(part->second)) {
        notice(out.body, 0, 0, "工作表“" + info.name + "”的部件缺失，未读取",
               "the part of sheet \"" + info.name + "\" is missing; not read");
        continue;
      }
      if (info.hidden)
        notice(out.body, 0, 0, "工作表“" + info.name + "”是隐藏的，已照常读取",
               "sheet \"" + info.name + "\" is hidden; read as the others");
      auto grid = read_sheet(part->second, info, out.body);
      if (!grid) return grid.error();
      out.sheets.push_back(std::move(info));
      cut(*grid, out.sheets.size() - 1, out);
    }
    if (cell_notices_ > kCellNotices) {
      const std::string more = std::to_string(cell_notices_ - kCellNotices);
      notice(out.body, 0, 0, "另有 " + more + " 个单元格有同类情况（公式无结果、数字格式未读、合并区域内的内容），不再逐一列出",
             more + " more cells are in the same case (a formula without its value, a number format not read, text "
                    "inside a merged range); not listed one by one");
    }
    return out;
  }

private:
  static void notice(Body& body, int table, int row, std::string zh, std::string en) {
    body.notices.push_back(Notice{{std::move(zh), std::move(en)}, table, row});
  }

  // A notice about one cell: the first few said, the rest counted (a sheet of a million cells
  // in an unread format would otherwise make a million notices).
  static constexpr int kCellNotices = 20;
  int cell_notices_ = 0;
  void cell_notice(Body& body, std::string zh, std::string en) {
    if (++cell_notices_ <= kCellNotices) notice(body, 0, 0, std::move(zh), std::move(en));
  }

  std::optional<Error> read_strings() {
    if (strings_part_.empty() || !package_.has(strings_part_)) return std::nullopt;
    auto text = package_.read(strings_part_);
    if (!text) return text.error();
    if (scan_strings(*text, strings_)) return std::nullopt;
    auto sst = parse_part(std::move(*text), strings_part_, false);  // what the scanner gave up on
    if (!sst) return sst.error();
    each((*sst)->doc.document_element(), "si", [&](const pugi::xml_node& si) { strings_.push_back(item_text(si)); });
    return std::nullopt;
  }

  // Each cell style's number format, the formats read once by their id.
  std::optional<Error> read_styles() {
    if (styles_part_.empty() || !package_.has(styles_part_)) return std::nullopt;
    auto styles = parse(package_, styles_part_);
    if (!styles) return styles.error();
    pugi::xml_node root = (*styles)->doc.document_element();
    std::map<int, std::string> custom;
    each(first(root, "numFmts"), "numFmt",
         [&](const pugi::xml_node& f) { custom[f.attribute("numFmtId").as_int(-1)] = f.attribute("formatCode").value(); });
    std::map<int, const NumberFormat*> by_id;
    for (pugi::xml_node xf : first(root, "cellXfs").children()) {
      if (!named(xf, "xf")) continue;
      const int id = xf.attribute("numFmtId").as_int(0);
      auto known = by_id.find(id);
      if (known == by_id.end()) {
        auto c = custom.find(id);
        std::string code = c != custom.end() ? c->second : std::string(NumberFormat::builtin_code(id).value_or("General"));
        formats_.push_back(std::make_unique<NumberFormat>(code));
        known = by_id.emplace(id, formats_.back().get()).first;
      }
      xf_formats_.push_back(known->second);
    }
    return std::nullopt;
  }

  // A cell's text as displayed, or nothing with a notice saying why the stored text is shown.
  std::string cell_text(const CellXml& c, const SheetInfo& sheet, int row, int col, Body& body,
                        std::optional<Error>& error) {
    const std::string_view type = c.type;
    // Named only for a notice or an error: most cells need neither.
    auto where = [&] { return "工作表“" + sheet.name + "”" + cell_name(row, col); };
    auto where_en = [&] { return "sheet \"" + sheet.name + "\" " + cell_name(row, col); };
    if (type == "inlineStr") return c.inline_text;
    if (!c.has_value || c.value.empty()) {  // openpyxl writes an empty <v> beside a formula
      if (c.has_formula)
        cell_notice(body, where() + "的公式没有保存计算结果，按空白读取",
               where_en() + ": the formula has no cached value; read as empty");
      return "";
    }
    const std::string& stored = c.value;
    if (type == "s") {
      char* end = nullptr;
      const unsigned long k = std::strtoul(stored.c_str(), &end, 10);
      if (stored.empty() || *end || k >= strings_.size()) {
        error = Error{ErrorKind::bad_xml,
                      {where() + "引用的共享字符串 " + stored + " 不存在（共 " + std::to_string(strings_.size()) + " 个）",
                       where_en() + " refers to shared string " + stored + ", which does not exist (" +
                           std::to_string(strings_.size()) + " in all)"}};
        return "";
      }
      return strings_[k];
    }
    if (type == "str" || type == "e" || type == "d") return stored;  // formula text, error, ISO date
    if (type == "b") return stored == "1" ? "TRUE" : "FALSE";
    const int s = c.style;
    if (!styles_read_) {  // (even style 0: its format need not be General)
      styles_read_ = true;
      styles_error_ = read_styles();
    }
    if (styles_error_) {  // (said again for a sheet the tree reads over after the scanner)
      error = styles_error_;
      return "";
    }
    const NumberFormat* format = s >= 0 && static_cast<std::size_t>(s) < xf_formats_.size() ? xf_formats_[static_cast<std::size_t>(s)] : nullptr;
    if (!format) {
      static const NumberFormat kGeneral("General");
      format = &kGeneral;
    }
    if (auto shown = format->display(stored, date1904_)) return *shown;
    cell_notice(body, where() + "的数字格式“" + format->code() + "”无法按显示读取，取存储值 " + stored,
           where_en() + ": the number format \"" + format->code() + "\" is not read; the stored value " + stored +
               " is taken");
    return stored;
  }

  // A sheet's rows, cells and merged ranges as either reader hands them on, checked against the
  // limits and kept until the grid is made (the first error kept, and reading stopped).
  class Grid : public SheetSink {
  public:
    Grid(Reader& reader, const std::string& part, const SheetInfo& sheet, Body& notices)
        : reader_(reader), part_(part), sheet_(sheet), notices_(notices) {}

    bool row(bool has_r, long r) override {
      const long at = has_r ? std::min<long>(r, kMaxRows + 1) - 1 : row_ + 1L;
      col_ = -1;
      if (at < 0 || at >= kMaxRows)
        return stop(too_large(sheet_.name, "超过 " + std::to_string(kMaxRows) + " 行的上限", "has more than the limit of " + std::to_string(kMaxRows) + " rows"));
      row_ = static_cast<int>(at);
      return true;
    }

    bool cell(const CellXml& c) override {
      int at_row = row_;
      if (c.has_r) {
        if (!parse_cell_name(c.r, at_row, col_) || at_row != row_)
          return stop(bad(part_, "单元格名称“" + std::string(c.r) + "”无效", "the cell name \"" + std::string(c.r) + "\" is not valid"));
      } else {
        ++col_;
      }
      const int most = reader_.limits_.max_columns;
      if (col_ >= most)
        return stop(too_large(sheet_.name, "超过 " + std::to_string(most) + " 列的上限", "has more than the limit of " + std::to_string(most) + " columns"));
      std::string text = reader_.cell_text(c, sheet_, row_, col_, notices_, error);
      if (error) return false;
      if (text.empty()) return true;
      cells.push_back({row_, col_, std::move(text)});
      rows = std::max(rows, row_ + 1);
      columns = std::max(columns, col_ + 1);
      return true;
    }

    bool merge(std::string_view ref) override {
      Range g;
      const std::string written(ref);
      if (!parse_range(ref, g))
        return stop(bad(part_, "合并区域“" + written + "”无效", "the merged range \"" + written + "\" is not valid"));
      if (g.bottom >= kMaxRows || g.right >= reader_.limits_.max_columns)
        return stop(too_large(sheet_.name, "的合并区域“" + written + "”超出上限", "has a merged range \"" + written + "\" past the limits"));
      merges.push_back(g);
      rows = std::max(rows, g.bottom + 1);
      columns = std::max(columns, g.right + 1);
      return true;
    }

    struct Found {
      int row, col;
      std::string text;
    };
    std::vector<Found> cells;
    std::vector<Range> merges;
    int rows = 0, columns = 0;
    std::optional<Error> error;

  private:
    bool stop(Error e) {
      error = std::move(e);
      return false;
    }

    Reader& reader_;
    const std::string& part_;
    const SheetInfo& sheet_;
    Body& notices_;
    int row_ = -1, col_ = -1;
  };

  // A sheet read by the scanner, or (where it gives up, or finds anything wrong) by the tree,
  // which then also says what is wrong.
  Expected<Table> read_sheet(const std::string& part, const SheetInfo& sheet, Body& body) {
    auto text = package_.read(part);
    if (!text) return text.error();
    Body scanned;  // the scanner's notices, kept only if it reads the sheet whole
    const int notices_before = cell_notices_;
    Grid grid(*this, part, sheet, scanned);
    if (scan_sheet(*text, grid)) {
      for (Notice& n : scanned.notices) body.notices.push_back(std::move(n));
      return make_grid(grid, part, sheet, body);
    }
    cell_notices_ = notices_before;
    auto parsed = parse_part(std::move(*text), part, false);
    if (!parsed) return parsed.error();
    Grid tree(*this, part, sheet, body);
    walk_sheet((*parsed)->doc.document_element(), tree);
    if (tree.error) return *tree.error;
    return make_grid(tree, part, sheet, body);
  }

  Expected<Table> make_grid(Grid& grid, const std::string& part, const SheetInfo& sheet, Body& body) {
    const int rows = grid.rows, columns = grid.columns;
    if (static_cast<long>(rows) * columns > kMaxGrid)
      return too_large(sheet.name, "跨 " + std::to_string(rows) + " 行 " + std::to_string(columns) + " 列，超过 " + std::to_string(kMaxGrid) + " 个单元格的上限",
                       "spans " + std::to_string(rows) + " rows by " + std::to_string(columns) + " columns, more than the limit of " +
                           std::to_string(kMaxGrid) + " cells");
    Table t;
    t.rows = rows;
    t.columns = columns;
    t.cells.resize(static_cast<std::size_t>(rows) * static_cast<std::size_t>(columns));
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < columns; ++c) {
        Cell& cell = t.at(r, c);
        cell.role = CellRole::origin;
        cell.origin_row = r;
        cell.origin_col = c;
      }
    for (Grid::Found& f : grid.cells) t.at(f.row, f.col).text = body.texts.add(f.text);
    if (auto e = merge(t, grid.merges, part, sheet, body)) return *e;
    return t;
  }

  // Each merged range one cell, as Word's merges are placed: the rest of its first row
  // continues it sideways, its other rows downwards. A position claimed twice is an error.
  std::optional<Error> merge(Table& t, const std::vector<Range>& merges, const std::string& part,
                             const SheetInfo& sheet, Body& body) {
    const int columns = t.columns;
    std::vector<char> claimed(t.cells.size(), 0);
    for (const Range& g : merges) {
      const std::string name = cell_name(g.top, g.left) + ":" + cell_name(g.bottom, g.right);
      for (int r = g.top; r <= g.bottom; ++r)
        for (int c = g.left; c <= g.right; ++c) {
          char& mark = claimed[static_cast<std::size_t>(r) * static_cast<std::size_t>(columns) + static_cast<std::size_t>(c)];
          if (mark)
            return bad(part, "合并区域 " + name + " 与另一个合并区域重叠", "the merged range " + name + " overlaps another");
          mark = 1;
          if (r == g.top && c == g.left) continue;
          Cell& cell = t.at(r, c);
          if (!cell.text.empty())
            cell_notice(body,
                   "工作表“" + sheet.name + "”" + cell_name(r, c) + "在合并区域 " + name + " 内，其内容“" +
                       std::string(cell.text) + "”不显示，未读取",
                   "sheet \"" + sheet.name + "\" " + cell_name(r, c) + " lies inside the merged range " + name +
                       ": its text \"" + std::string(cell.text) + "\" is not shown and not read");
          cell.text = {};
          cell.role = r == g.top ? CellRole::h_continue : CellRole::v_continue;
          cell.origin_row = g.top;
          cell.origin_col = g.left;
        }
      Cell& origin = t.at(g.top, g.left);
      origin.row_span = g.bottom - g.top + 1;
      origin.col_span = g.right - g.left + 1;
    }
    return std::nullopt;
  }

  // The sheet's grid cut into paragraphs and tables (see Workbook).
  void cut(const Table& grid, std::size_t sheet, Workbook& out) {
    auto texts = [&](int r) {
      int n = 0;
      for (int c = 0; c < grid.columns; ++c) n += grid.at(r, c).role == CellRole::origin && !text::is_blank(grid.at(r, c).text);
      return n;
    };
    // A row taking part in a merge down (its own or one from above) belongs with its neighbours.
    auto merged_down = [&](int r) {
      for (int c = 0; c < grid.columns; ++c) {
        const Cell& cell = grid.at(r, c);
        if (cell.role == CellRole::v_continue || (cell.role == CellRole::origin && cell.row_span > 1)) return true;
      }
      return false;
    };
    for (int r = 0; r < grid.rows;) {
      if (texts(r) == 0 && !merged_down(r)) {
        ++r;
        continue;
      }
      int end = r;
      while (end < grid.rows && (texts(end) > 0 || merged_down(end))) ++end;
      // Leading rows of one text cell, not merged down: paragraphs.
      for (; r < end && texts(r) == 1 && !merged_down(r); ++r) {
        for (int c = 0; c < grid.columns; ++c)
          if (grid.at(r, c).role == CellRole::origin && !text::is_blank(grid.at(r, c).text)) {
            Block b;
            b.paragraph.text = std::string(grid.at(r, c).text);
            out.body.blocks.push_back(std::move(b));
          }
      }
      if (r < end) table(grid, r, end, sheet, out);
      r = end;
    }
  }

  // Rows [top, end) of the grid as a table, its columns those the rows use.
  void table(const Table& grid, int top, int end, std::size_t sheet, Workbook& out) {
    int left = grid.columns, right = -1;
    for (int r = top; r < end; ++r)
      for (int c = 0; c < grid.columns; ++c) {
        const Cell& cell = grid.at(r, c);
        if (cell.role != CellRole::origin || !text::is_blank(cell.text) || cell.row_span > 1 || cell.col_span > 1)
          left = std::min(left, c), right = std::max(right, c);
      }
    Table t;
    t.index = static_cast<int>(out.body.places.size()) + 1;
    t.rows = end - top;
    t.columns = right - left + 1;
    t.cells.resize(static_cast<std::size_t>(t.rows) * static_cast<std::size_t>(t.columns));
    for (int r = 0; r < t.rows; ++r)
      for (int c = 0; c < t.columns; ++c) {
        Cell cell = grid.at(top + r, left + c);
        cell.origin_row -= top;
        cell.origin_col -= left;
        t.at(r, c) = std::move(cell);
      }
    out.body.places.push_back(Body::Place{t.index, out.sheets[sheet].name, top, left});
    Block b;
    b.kind = Block::Kind::table;
    b.table = std::move(t);
    out.body.blocks.push_back(std::move(b));
  }

  const Package& package_;
  const ReadLimits& limits_;
  bool date1904_ = false;
  std::string strings_part_, styles_part_;
  std::vector<std::string> strings_;
  std::vector<std::unique_ptr<NumberFormat>> formats_;
  std::vector<const NumberFormat*> xf_formats_;  // by cell style index
  bool styles_read_ = false;
  std::optional<Error> styles_error_;
};

}  // namespace

Expected<Workbook> read_workbook(const Package& package, const std::string& workbook_part, const ReadLimits& limits) {
  return Reader(package, limits).read(workbook_part);
}

}  // namespace jixiao::ooxml
