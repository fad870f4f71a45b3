// word/settings.xml.
#include "emit/model/docx/parts.hpp"
#include "emit/model/docx/xml.hpp"

namespace jixiao::emit::docx {

std::string settings_part() {
  pugi::xml_document d;
  pugi::xml_node s = d.append_child("w:settings");
  s.append_attribute("xmlns:w") = kMainNs;
  add(s, "w:defaultTabStop", "420");
  add(s, "w:characterSpacingControl", "compressPunctuation");
  add(s, "w:compat");
  return serialise(d);
}

}  // namespace jixiao::emit::docx
