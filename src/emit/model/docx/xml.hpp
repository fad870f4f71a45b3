#pragma once
// Building WordprocessingML parts with pugixml: well-formed by construction, escaped by it.
#include <string>

#include <pugixml.hpp>

namespace jixiao::emit::docx {

extern const char* const kMainNs;  // WordprocessingML, Transitional

// A child element, optionally with a w:val.
pugi::xml_node add(pugi::xml_node parent, const char* name);
pugi::xml_node add(pugi::xml_node parent, const char* name, const std::string& val);

// Runs holding `text` exactly: tabs as w:tab, spaces preserved. `bold` for header cells.
void add_runs(pugi::xml_node paragraph, const std::string& text, bool bold = false);
// One paragraph per line of `text` (cells hold their paragraphs joined by "\n").
void add_paragraphs(pugi::xml_node parent, const std::string& text, const char* style = nullptr,
                    bool bold = false);

// The part as bytes: an XML declaration with standalone="yes", then the tree, unindented.
std::string serialise(const pugi::xml_document& doc);

}  // namespace jixiao::emit::docx
