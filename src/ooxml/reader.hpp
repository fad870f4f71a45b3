#pragma once
// Canonical, normalised WordprocessingML trees -> blocks.
#include <map>
#include <string>

#include <pugixml.hpp>

#include "jixiao/blocks.hpp"
#include "jixiao/pipeline.hpp"

namespace jixiao::ooxml {

// Paragraph style id -> heading level (1..9), from outline levels or Heading/标题 names.
using HeadingStyles = std::map<std::string, int>;
HeadingStyles read_heading_styles(const pugi::xml_document& styles);

// The body of a canonical, normalised w:document as blocks. Nothing is dropped silently:
// what is skipped or repaired becomes a notice.
// Paragraph levels given by styles are not resolved here: see Body::heading_level.
Body read_blocks(const pugi::xml_document& document, const ReadLimits& limits);

}  // namespace jixiao::ooxml
