#pragma once
// The normalized .docx: any document rewritten from its model in one canonical layout.
#include <string>

#include "jixiao/error.hpp"
#include "jixiao/model.hpp"

namespace jixiao {

// A minimal valid package ([Content_Types].xml, relationships, document, styles, settings,
// core properties): real heading styles, repeated header rows, rows kept on one page, A4
// portrait, 宋体 as the East Asian font. Deterministic: the same model gives the same bytes.
Expected<std::string> to_docx(const Document& doc);

}  // namespace jixiao
