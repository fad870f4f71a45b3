#pragma once
// Stage 2: blocks -> the typed model. All the domain's labels live in extract/.
#include "jixiao/blocks.hpp"
#include "jixiao/model.hpp"

namespace jixiao::extract {

// The department part, the project cards and a warning for everything skipped or unreadable.
// `source` is left for the caller to fill.
Document build_document(const ooxml::Body& body);

}  // namespace jixiao::extract
