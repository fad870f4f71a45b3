// libFuzzer target for SpreadsheetML number formats: the input is a format code, a line break
// and a stored value; the format is read and the value shown in both date systems. Nothing
// may crash, hang or grow without bound, whatever the code (unclosed quotes and brackets,
// escapes at the end, sections past four, conditions) or the value.
#include <cstdint>
#include <string_view>

#include "ooxml/numfmt.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = in.find('\n');
  const std::string_view code = in.substr(0, cut), value = cut == std::string_view::npos ? "1" : in.substr(cut + 1);
  jixiao::ooxml::NumberFormat format(code);
  (void)format.display(value, false);
  (void)format.display(value, true);
  return 0;
}
