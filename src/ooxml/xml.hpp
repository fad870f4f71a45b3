#pragma once
// XML parts as pugixml trees with canonical names, so later readers match "w:p" whatever the
// writer's prefixes or the document's conformance class (Transitional or Strict).
#include <memory>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "jixiao/error.hpp"

namespace jixiao::ooxml {

// A parsed part: pugixml's tree points into the text, parsed in place, which it keeps.
struct ParsedPart {
  std::string text;
  pugi::xml_document doc;
};

// Parses one part; a malformed part is an error naming the part, its line and column.
// Never expands a DTD or an entity; keeps the whitespace of text that stands alone (w:t " ").
// `canonical` (default true): names renamed to the canonical prefixes where the part binds
// others; false leaves them as written (the workbook reader matches local names).
Expected<std::unique_ptr<ParsedPart>> parse_part(std::string xml, const std::string& part_name, bool canonical = true);

// Renames every element and attribute to a canonical prefix chosen by its namespace URI:
// "w:" WordprocessingML (Transitional or Strict), "r:" relationships, "mc:" markup
// compatibility, "pr:" package relationships, "w2003:" Word 2003 XML, "x:" anything else,
// no prefix for no namespace. Iterative: the input's depth costs no stack.
void canonicalize_names(pugi::xml_document& doc);

// Whether a root element named `name` (with its prefix) and declaring these namespaces
// (prefix, "" for the default; URI) has every name already canonical, so that nothing needs
// renaming as long as no element below it declares a namespace.
bool root_keeps_names(std::string_view name,
                      const std::vector<std::pair<std::string_view, std::string_view>>& declarations);

// The local name when `node` is `canonical` ("w:p"), compared without allocation.
inline bool is(const pugi::xml_node& node, const char* canonical) {
  return std::strcmp(node.name(), canonical) == 0;
}

// The next node in document order after `node`'s subtree, staying inside `root`: the step of
// every iterative walk here, so that the input's depth never costs stack.
pugi::xml_node after_subtree(pugi::xml_node node, const pugi::xml_node& root);

// The first child with a canonical name, and the value of its w:val attribute.
pugi::xml_node child(const pugi::xml_node& node, const char* canonical);
std::optional<std::string> val(const pugi::xml_node& node);

}  // namespace jixiao::ooxml
