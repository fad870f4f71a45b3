// _rels/.rels and word/_rels/document.xml.rels.
#include <array>

#include "emit/model/docx/parts.hpp"
#include "emit/model/docx/xml.hpp"

namespace jixiao::emit::docx {

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

}  // namespace jixiao::emit::docx
