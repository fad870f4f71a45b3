// The fixed parts: [Content_Types].xml, the relationships, settings and core properties.
#include <array>

#include "emit/docx/parts.hpp"
#include "emit/docx/xml.hpp"

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

namespace {
std::string relationships(std::initializer_list<std::array<const char*, 3>> rels) {
  pugi::xml_document d;
  pugi::xml_node root = d.append_child("Relationships");
  root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/relationships";
  for (const auto& [id, type, target] : rels) {
    pugi::xml_node r = root.append_child("Relationship");
    r.append_attribute("Id") = id;
    r.append_attribute("Type") = type;
    r.append_attribute("Target") = target;
  }
  return serialise(d);
}
}  // namespace

std::string package_relationships_part() {
  return relationships(
      {{"rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml"},
       {"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"}});
}

std::string document_relationships_part() {
  return relationships(
      {{"rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"},
       {"rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings", "settings.xml"}});
}

std::string settings_part() {
  pugi::xml_document d;
  pugi::xml_node s = d.append_child("w:settings");
  s.append_attribute("xmlns:w") = kMainNs;
  add(s, "w:defaultTabStop", "420");
  add(s, "w:characterSpacingControl", "compressPunctuation");
  add(s, "w:compat");
  return serialise(d);
}

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
