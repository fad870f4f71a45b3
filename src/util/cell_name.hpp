#pragma once
// A spreadsheet cell's name from its 0-based row and column: "F7" for row 6, column 5. Used by the
// workbook reader and by everything that cites a workbook's cell.
#include <string>

namespace jixiao {

inline std::string cell_name(int row, int column) {
  std::string letters;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row + 1);
}

}  // namespace jixiao
