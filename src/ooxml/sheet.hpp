#pragma once
// What the workbook reader (workbook.cpp) takes from a sheet part, whichever way it was read:
// the scanner's one pass over the text (sheet.cpp), or the pugixml tree when the scanner
// gives up. Both hand the same rows, cells and merged ranges to one SheetSink, in the order of
// the text, so that what is made of them is written once.
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace jixiao::ooxml {

// One x:c element as written: what the tree reader's attribute and child lookups give.
struct CellXml {
  bool has_r = false;
  std::string_view r;     // its r attribute ("F7"), when it has one
  std::string_view type;  // its t attribute: "s", "str", "inlineStr", "b", "e", "d", or none
  int style = 0;          // its s attribute
  bool has_value = false, has_formula = false;
  std::string value;        // the text of its first x:v
  std::string inline_text;  // the text of its first x:is (read only when type is inlineStr)
};

// Receives a sheet's content; each call returns false to stop (the sink keeps the reason).
class SheetSink {
public:
  virtual ~SheetSink() = default;
  virtual bool row(bool has_r, long r) = 0;        // an x:row, and its r attribute
  virtual bool cell(const CellXml& cell) = 0;      // an x:c of the last row
  virtual bool merge(std::string_view ref) = 0;    // an x:mergeCell's ref ("A1:C2")
};

// The sheet part's x:sheetData and x:mergeCells read in one pass into `sink`: true when read
// whole; false when the scanner gave up (XML it was not built for: a comment, CDATA, an entity
// it does not know, another encoding, a value it would have to normalise, malformed text) or the
// sink stopped it. The caller then reads the part with the tree, from the start.
bool scan_sheet(std::string_view xml, SheetSink& sink);

// The shared strings part's items (x:si) in order, each one's text as item_text has it, read
// the same way: false (and `out` left empty) when the scanner gave up.
bool scan_strings(std::string_view xml, std::vector<std::string>& out);

// The same from the part's tree (the document element), in the same order; stops where the
// sink does.
void walk_sheet(const pugi::xml_node& root, SheetSink& sink);

// SpreadsheetML names compared by their local part, as written (whatever prefix the writer
// bound: usually none), in the tree; the first element child of that name, or none; each one.
bool named(const pugi::xml_node& n, std::string_view local);
pugi::xml_node first(const pugi::xml_node& n, std::string_view local);
template <class F>
void each(const pugi::xml_node& n, std::string_view local, F f) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (named(c, local) && c.type() == pugi::node_element) f(c);
}

// A string item's text (x:si, x:is) in the tree: its own x:t, or each run's first x:t.
std::string item_text(const pugi::xml_node& item);

}  // namespace jixiao::ooxml
