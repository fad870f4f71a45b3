#pragma once
// What a file is, from its first bytes, before it is opened as a zip package.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jixiao/error.hpp"

namespace jixiao::ooxml {

// The error for a file that is not a zip package at all (empty, .doc, PDF, RTF, Word 2003 XML,
// an encrypted .docx …); nothing when it starts like a zip.
std::optional<Error> refuse_non_zip(const std::vector<std::uint8_t>& bytes);

// A package without a Word main part, and why.
Error no_main_part(const std::string& why_zh, const std::string& why_en);

// A Word 2003 XML document (flat w:wordDocument), which WPS can save under a .docx name.
Error word2003_xml_error();

// The error for a zip package that is not a WordprocessingML document: an OpenDocument file,
// or an Office package whose main part is a workbook or a presentation.
std::optional<Error> refuse_other_package(const std::string& main_part, bool has_odf_mimetype,
                                          const std::string& odf_mimetype);

}  // namespace jixiao::ooxml
