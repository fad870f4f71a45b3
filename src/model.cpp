// The model's one helper that is more than a line: a workbook location's sheet and cell.
#include "jixiao/model.hpp"

#include "util/cell_name.hpp"

namespace jixiao {

std::optional<SheetCell> sheet_cell(const std::vector<TablePlace>& places, const Location& at) {
  for (const TablePlace& p : places)
    if (p.table == at.table)
      return SheetCell{p.sheet, cell_name(p.first_row + (at.row > 0 ? at.row - 1 : 0),
                                          p.first_column + (at.column > 0 ? at.column - 1 : 0))};
  return std::nullopt;
}

}  // namespace jixiao
