#pragma once
// SpreadsheetML -> blocks: a sibling of the Word reader that yields the same blocks. Each sheet,
// in the workbook's order, is one table whose grid is the sheet's cells from A1 (a merged range
// is one cell, as a gridSpan/vMerge cell is in Word), each cell's text as Excel displays it:
// shared and inline strings with their rich-text runs, numbers through their number format
// (numfmt.hpp), formulas through their cached values. What cannot be shown as displayed (a
// formula with no cached value, a number format not read here) is a notice naming the cell.
#include <string>
#include <vector>

#include "jixiao/blocks.hpp"
#include "jixiao/read_options.hpp"
#include "ooxml/package.hpp"

namespace jixiao::ooxml {

struct SheetInfo {
  std::string name;  // as the tab shows it
  bool hidden = false;
};

// A sheet is cut into blocks as a person reads it: blank rows end a table; rows of one text
// cell above a table (or alone) are paragraphs (a title, "单位：万元", "一、总体绩效目标").
struct Workbook {
  Body body;
  std::vector<SheetInfo> sheets;  // body.places says where each table lies
};

// The workbook whose main part is `workbook_part` ("xl/workbook.xml"). Errors name the part
// and the reason: a shared string out of range, overlapping merged ranges, a sheet past the
// limits (more than 100,000 rows, more columns than ReadLimits::max_columns).
Expected<Workbook> read_workbook(const Package& package, const std::string& workbook_part, const ReadLimits& limits);


}  // namespace jixiao::ooxml
