// XLSX through libxlsxwriter: one worksheet per table, typed cells, a header people can filter.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <xlsxwriter.h>

#include "jixiao/tables.hpp"
#include "util/tempfile.hpp"
#include "util/text.hpp"

namespace jixiao {
namespace {

constexpr double kWideWidth = 50;   // long text wraps at about this many characters
constexpr double kMaxWidth = 30;    // other columns
constexpr time_t kFixedCreated = 946684800;  // 2000-01-01: the same bytes for the same input

// Columns are measured in characters of the default font; a CJK character takes two.
double display_width(const std::string& s) {
  double widest = 0, line = 0;
  for (char32_t c : text::decode(s)) {
    if (c == U'\n') {
      widest = std::max(widest, line);
      line = 0;
      continue;
    }
    line += (c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                             (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                             (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6)))
                ? 2
                : 1;
  }
  return std::max(widest, line);
}

Error xlsx_error(const std::string& what) {
  return Error{ErrorKind::cannot_open, {"无法生成 XLSX：" + what, "cannot write the XLSX: " + what}};
}

}  // namespace

Expected<std::string> to_xlsx(const std::vector<DataTable>& tables, HeaderLang headers) {
  TempFile file;
  if (file.path().empty()) return xlsx_error("临时文件");
  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (!wb) return xlsx_error("workbook");
  lxw_doc_properties props = {};
  props.created = kFixedCreated;
  props.author = const_cast<char*>("jixiao");
  workbook_set_properties(wb, &props);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* top = workbook_add_format(wb);
  format_set_align(top, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* amount = workbook_add_format(wb);
  format_set_num_format(amount, "0.00");
  format_set_align(amount, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0.00");
  format_set_align(percent, LXW_ALIGN_VERTICAL_TOP);

  lxw_error failed = LXW_NO_ERROR;
  for (const DataTable& t : tables) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.sheet_name.c_str());
    std::vector<double> widths(t.columns.size(), 6);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const std::string& name = headers == HeaderLang::en ? t.columns[c].en : t.columns[c].zh;
      widths[c] = std::max(widths[c], display_width(name));
      if (lxw_error e = worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), name.c_str(), header)) failed = e;
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
        const TableCell& cell = t.rows[r][c];
        auto col = static_cast<lxw_col_t>(c);
        lxw_error e = LXW_NO_ERROR;
        if (cell.kind == TableCell::Kind::number) {
          // A cell's number is a double by the file format's definition; strtod rounds the exact
          // decimal to the nearest one, which Excel shows back as written.
          double v = std::strtod(cell.number->to_string().c_str(), nullptr);
          lxw_format* f = cell.format == TableCell::Format::amount    ? amount
                          : cell.format == TableCell::Format::percent ? percent
                                                                      : top;
          e = worksheet_write_number(ws, row, col, v, f);
          widths[c] = std::max(widths[c], display_width(cell.number->to_string()) + 1);
        } else if (cell.kind == TableCell::Kind::text) {
          // A string cell is never evaluated, whatever it begins with: written exactly.
          e = worksheet_write_string(ws, row, col, cell.text.c_str(), t.columns[c].wide ? wrap : top);
          widths[c] = std::max(widths[c], display_width(cell.text));
        }
        if (e) failed = e;
      }
    }
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           std::min(widths[c] + 2, t.columns[c].wide ? kWideWidth : kMaxWidth), nullptr);
    worksheet_freeze_panes(ws, 1, 0);
    if (!t.columns.empty())
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()),
                           static_cast<lxw_col_t>(t.columns.size() - 1));
  }
  lxw_error closed = workbook_close(wb);
  if (failed || closed) return xlsx_error(lxw_strerror(failed ? failed : closed));
  return file.read();
}

}  // namespace jixiao
