// The Windows build does not start LibreOffice yet: a legacy file (.doc, .wps, .odt, .rtf, .xls,
// .et, .ods) is refused with a message saying so and what to do, and every .docx and .xlsx is read
// as always.
#include "jixiao/intake.hpp"

namespace jixiao {

struct Converter::State {};

Converter::Converter(ConverterOptions) : state_(std::make_unique<State>()) {}
Converter::~Converter() = default;
void Converter::prefetch(const std::vector<std::pair<std::string, FileKind>>&) {}

Expected<Converter::Result> Converter::convert(const std::string&, const std::vector<std::uint8_t>&,
                                               FileKind format) {
  const std::string ext = std::string(".") + kind_name(format);
  const char* target = converted_to(format);
  const std::string as = std::string(".") + (target ? target : "docx");
  const char* zh_apps = as == ".xlsx" ? "WPS 表格或 Excel" : "WPS 或 Word";
  const char* en_apps = as == ".xlsx" ? "WPS or Excel" : "WPS or Word";
  return Error{ErrorKind::cannot_open,
               {"这是 " + ext + " 文件：Windows 版 jixiao 暂不能调用 LibreOffice 转换，请在 " + zh_apps + " 中另存为 " + as +
                    " 后再读取",
                "this is a " + ext + " file: the Windows build of jixiao cannot convert it through LibreOffice yet; "
                "save it as " + as + " in " + en_apps + ", then read that"}};
}

}  // namespace jixiao
