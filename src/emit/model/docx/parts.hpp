#pragma once
// One writer per package part of the normalized .docx.
#include <string>

#include "jixiao/model.hpp"

namespace jixiao::emit::docx {

std::string content_types_part();
std::string package_relationships_part();
std::string document_relationships_part();
std::string styles_part();
std::string settings_part();
std::string core_properties_part(const Document& doc);
std::string document_part(const Document& doc);

}  // namespace jixiao::emit::docx
