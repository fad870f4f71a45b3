// [Content_Types].xml: the content type of every part.
#include "emit/model/docx/parts.hpp"
#include "emit/model/docx/xml.hpp"

namespace jixiao::emit::docx {

std::string content_types_part() {
  pugi::xml_document d;
  pugi::xml_node types = d.append_child("Types");
  types.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
  auto def = [&](const char* ext, const char* type) {
    pugi::xml_node n = types.append_child("Default");
    n.append_attribute("Extension") = ext;
    n.append_attribute("ContentType") = type;
  };
  auto over = [&](const char* part, const char* type) {
    pugi::xml_node n = types.append_child("Override");
    n.append_attribute("PartName") = part;
    n.append_attribute("ContentType") = type;
  };
  def("rels", "application/vnd.openxmlformats-package.relationships+xml");
  def("xml", "application/xml");
  over("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  over("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
  over("/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml");
  over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  return serialise(d);
}

}  // namespace jixiao::emit::docx
