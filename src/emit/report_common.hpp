#pragma once
// What every report format says alike: where a finding is, and the totals.
#include <string>

#include "jixiao/check.hpp"

namespace jixiao::emit {

// "项目2 13073021EOT8X7ZTVTKA0 表3 第3行" / "project 2 13073021EOT8X7ZTVTKA0 table 3 row 3";
// empty for a finding about the whole document.
std::string where(const Finding& f, Lang lang);

struct Totals {
  int files = 0, unreadable = 0, error = 0, warning = 0, info = 0;
};
Totals totals(const Report& report);

std::string xml_escape(const std::string& s);

}  // namespace jixiao::emit
