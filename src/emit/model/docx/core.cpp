// docProps/core.xml: a title and a creator, no dates (the same bytes for the same input).
#include "emit/model/docx/parts.hpp"
#include "emit/model/docx/xml.hpp"

namespace jixiao::emit::docx {

std::string core_properties_part(const Document& doc) {
  pugi::xml_document d;
  pugi::xml_node cp = d.append_child("cp:coreProperties");
  cp.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  cp.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  std::string title = "预算绩效目标";
  for (const Project& p : doc.projects)
    if (p.unit && !p.unit->name.empty()) {
      title = p.unit->name + title;
      break;
    }
  cp.append_child("dc:title").text().set(title.c_str());
  cp.append_child("dc:creator").text().set("jixiao");  // no dates: the same bytes for the same input
  return serialise(d);
}

}  // namespace jixiao::emit::docx
