// Writing the normalized .docx's parts with pugixml: the document and the helpers its parts share.
#include "emit/model/docx/xml.hpp"

#include <sstream>

namespace jixiao::emit::docx {

const char* const kMainNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

pugi::xml_node add(pugi::xml_node parent, const char* name) { return parent.append_child(name); }

pugi::xml_node add(pugi::xml_node parent, const char* name, const std::string& val) {
  pugi::xml_node n = parent.append_child(name);
  n.append_attribute("w:val") = val.c_str();
  return n;
}

void add_runs(pugi::xml_node paragraph, const std::string& text, bool bold) {
  pugi::xml_node r = add(paragraph, "w:r");
  if (bold) add(add(r, "w:rPr"), "w:b");
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t tab = text.find('\t', start);
    std::string piece = text.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
    if (!piece.empty()) {
      pugi::xml_node t = add(r, "w:t");
      t.append_attribute("xml:space") = "preserve";
      t.text().set(piece.c_str());
    }
    if (tab == std::string::npos) break;
    add(r, "w:tab");
    start = tab + 1;
  }
}

void add_paragraphs(pugi::xml_node parent, const std::string& text, const char* style, bool bold) {
  std::size_t start = 0;
  for (;;) {
    std::size_t nl = text.find('\n', start);
    pugi::xml_node p = add(parent, "w:p");
    if (style) add(add(p, "w:pPr"), "w:pStyle", style);
    add_runs(p, text.substr(start, nl == std::string::npos ? std::string::npos : nl - start), bold);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
}

std::string serialise(const pugi::xml_document& doc) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

}  // namespace jixiao::emit::docx
