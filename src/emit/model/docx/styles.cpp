// word/styles.xml: fonts that show Chinese everywhere (宋体 as the East Asian font), real heading
// styles with outline levels (so that a table of contents works in Word and WPS), a table grid.
#include "emit/model/docx/parts.hpp"
#include "emit/model/docx/xml.hpp"

namespace jixiao::emit::docx {
namespace {

void fonts(pugi::xml_node rpr, const char* east_asia) {
  pugi::xml_node f = add(rpr, "w:rFonts");
  f.append_attribute("w:ascii") = "Times New Roman";
  f.append_attribute("w:hAnsi") = "Times New Roman";
  f.append_attribute("w:eastAsia") = east_asia;
  f.append_attribute("w:cs") = "Times New Roman";
}

pugi::xml_node style(pugi::xml_node styles, const char* type, const char* id, const char* name, bool is_default = false) {
  pugi::xml_node s = add(styles, "w:style");
  s.append_attribute("w:type") = type;
  if (is_default) s.append_attribute("w:default") = "1";
  s.append_attribute("w:styleId") = id;
  add(s, "w:name", name);
  return s;
}

void heading(pugi::xml_node styles, int level, const char* size) {
  std::string id = "Heading" + std::to_string(level), name = "heading " + std::to_string(level);
  pugi::xml_node s = style(styles, "paragraph", id.c_str(), name.c_str());
  add(s, "w:basedOn", "Normal");
  add(s, "w:next", "Normal");
  add(s, "w:qFormat");
  pugi::xml_node ppr = add(s, "w:pPr");
  add(ppr, "w:keepNext");
  pugi::xml_node spacing = add(ppr, "w:spacing");
  spacing.append_attribute("w:before") = "240";
  spacing.append_attribute("w:after") = "120";
  add(ppr, "w:outlineLvl", std::to_string(level - 1));
  pugi::xml_node rpr = add(s, "w:rPr");
  fonts(rpr, "黑体");
  add(rpr, "w:b");
  add(rpr, "w:sz", size);
  add(rpr, "w:szCs", size);
}

}  // namespace

std::string styles_part() {
  pugi::xml_document d;
  pugi::xml_node styles = d.append_child("w:styles");
  styles.append_attribute("xmlns:w") = kMainNs;
  pugi::xml_node defaults = add(styles, "w:docDefaults");
  pugi::xml_node rpr = add(add(defaults, "w:rPrDefault"), "w:rPr");
  fonts(rpr, "宋体");
  add(rpr, "w:sz", "21");
  add(rpr, "w:szCs", "21");
  pugi::xml_node lang = add(rpr, "w:lang");
  lang.append_attribute("w:val") = "en-US";
  lang.append_attribute("w:eastAsia") = "zh-CN";
  add(add(defaults, "w:pPrDefault"), "w:pPr");
  pugi::xml_node normal = style(styles, "paragraph", "Normal", "Normal", true);
  add(normal, "w:qFormat");
  heading(styles, 1, "32");
  heading(styles, 2, "28");
  pugi::xml_node table = style(styles, "table", "TableGrid", "Table Grid");
  pugi::xml_node tblpr = add(table, "w:tblPr");
  pugi::xml_node borders = add(tblpr, "w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    pugi::xml_node b = add(borders, side, "single");
    b.append_attribute("w:sz") = "4";
    b.append_attribute("w:space") = "0";
    b.append_attribute("w:color") = "000000";
  }
  pugi::xml_node mar = add(tblpr, "w:tblCellMar");
  for (const char* side : {"w:left", "w:right"}) {
    pugi::xml_node m = add(mar, side);
    m.append_attribute("w:w") = "108";
    m.append_attribute("w:type") = "dxa";
  }
  return serialise(d);
}

}  // namespace jixiao::emit::docx
