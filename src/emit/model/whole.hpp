#pragma once
// The convert formats written from every document at once: the table (CSV), the workbook (XLSX)
// and the normalized document (DOCX, of one document). The table of formats holds them.
#include <string>
#include <vector>

#include "jixiao/convert.hpp"

namespace jixiao::emit {

Expected<std::string> csv_output(const std::vector<Document>& docs, const ConvertOptions& options);
Expected<std::string> xlsx_output(const std::vector<Document>& docs, const ConvertOptions& options);
Expected<std::string> docx_output(const std::vector<Document>& docs, const ConvertOptions& options);

}  // namespace jixiao::emit
