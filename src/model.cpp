// The model's helpers for a workbook's places: a location's sheet and cell, and a cell's name
// (libxlsxwriter's lxw_rowcol_to_cell, the library the XLSX output already uses).
#include "jixiao/model.hpp"

#include <xlsxwriter.h>

namespace jixiao {

std::string cell_name(int row, int column) {
  char name[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(name, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column));
  return name;
}

std::optional<SheetCell> sheet_cell(const std::vector<TablePlace>& places, const Location& at) {
  for (const TablePlace& p : places)
    if (p.table == at.table)
      return SheetCell{p.sheet, cell_name(p.first_row + (at.row > 0 ? at.row - 1 : 0),
                                          p.first_column + (at.column > 0 ? at.column - 1 : 0))};
  return std::nullopt;
}

}  // namespace jixiao
