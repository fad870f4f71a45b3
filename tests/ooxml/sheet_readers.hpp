#pragma once
// A sheet part's two readers side by side (ooxml/sheet.hpp), each recorded as text: the tests
// and the fuzz target hold the scanner to the tree walk, byte for byte.
#include <optional>
#include <string>

#include "ooxml/sheet.hpp"
#include "ooxml/xml.hpp"

namespace jixiao::test {

// What a sink is given, as text.
struct Recorder : ooxml::SheetSink {
  std::string out;
  bool row(bool has_r, long r) override {
    out += "row " + (has_r ? std::to_string(r) : std::string("-")) + "\n";
    return true;
  }
  bool cell(const ooxml::CellXml& c) override {
    out += "c r=" + (c.has_r ? std::string(c.r) : std::string("-")) + " t=" + std::string(c.type) +
           " s=" + std::to_string(c.style) + " v=" + (c.has_value ? "[" + c.value + "]" : std::string("-")) +
           " f=" + (c.has_formula ? "1" : "0") + " is=[" + c.inline_text + "]\n";
    return true;
  }
  bool merge(std::string_view ref) override {
    out += "merge " + std::string(ref) + "\n";
    return true;
  }
};

inline std::string walked(const std::string& xml) {
  auto doc = ooxml::parse_part(xml, "xl/worksheets/sheet1.xml", false);
  if (!doc) return "error " + doc.error().message.en;
  Recorder r;
  ooxml::walk_sheet((*doc)->doc.document_element(), r);
  return r.out;
}

inline std::optional<std::string> scanned(const std::string& xml) {
  Recorder r;
  if (!ooxml::scan_sheet(xml, r)) return std::nullopt;
  return r.out;
}

// A shared strings part's items, one per line, read each way.
inline std::string walked_strings(const std::string& xml) {
  auto doc = ooxml::parse_part(xml, "xl/sharedStrings.xml", false);
  if (!doc) return "error " + doc.error().message.en;
  std::string out;
  ooxml::each((*doc)->doc.document_element(), "si", [&](const pugi::xml_node& si) { out += "[" + ooxml::item_text(si) + "]\n"; });
  return out;
}

inline std::optional<std::string> scanned_strings(const std::string& xml) {
  std::vector<std::string> items;
  if (!ooxml::scan_strings(xml, items)) return std::nullopt;
  std::string out;
  for (const std::string& s : items) out += "[" + s + "]\n";
  return out;
}

}  // namespace jixiao::test
