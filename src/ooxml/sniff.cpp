#include "ooxml/sniff.hpp"

#include <algorithm>
#include <cstring>

namespace jixiao::ooxml {
namespace {

bool starts(const std::vector<std::uint8_t>& b, const char* magic, std::size_t n) {
  return b.size() >= n && std::memcmp(b.data(), magic, n) == 0;
}

// Whether an ASCII name occurs, UTF-16LE encoded, in the bytes (OLE directory entries are so).
bool has_utf16(const std::vector<std::uint8_t>& b, const char* ascii) {
  std::vector<std::uint8_t> pattern;
  for (const char* p = ascii; *p; ++p) {
    pattern.push_back(static_cast<std::uint8_t>(*p));
    pattern.push_back(0);
  }
  return std::search(b.begin(), b.end(), pattern.begin(), pattern.end()) != b.end();
}

bool has_ascii(const std::vector<std::uint8_t>& b, std::size_t window, const char* text) {
  auto end = b.begin() + static_cast<std::ptrdiff_t>(std::min(window, b.size()));
  return std::search(b.begin(), end, text, text + std::strlen(text)) != end;
}

Error error(ErrorKind kind, std::string zh, std::string en) {
  return Error{kind, {std::move(zh), std::move(en)}};
}

}  // namespace

Error no_main_part(const std::string& why_zh, const std::string& why_en) {
  return Error{ErrorKind::no_main_part,
               {"文件中没有 Word 正文部分（" + why_zh +
                    "）：文件可能由不兼容的程序生成，请用 Word 或 WPS 打开后重新保存",
                "the file has no Word main document part (" + why_en +
                    "): it may come from an incompatible program; open it in Word or WPS and "
                    "save it again"}};
}

Error word2003_xml_error() {
  return error(ErrorKind::word2003_xml,
               "这是 Word 2003 XML 文档（WPS 有时以 .docx 名称保存），不是真正的 .docx："
               "请在 Word 或 WPS 中打开，“另存为”Word 文档（*.docx）",
               "this is a Word 2003 XML document (WPS sometimes saves one under a .docx name), "
               "not a real .docx: open it in Word or WPS and save it as a Word document (*.docx)");
}

std::optional<Error> refuse_non_zip(const std::vector<std::uint8_t>& b) {
  if (b.empty())
    return error(ErrorKind::empty_file, "文件为空（0 字节）：请重新保存或重新发送该文件",
                 "the file is empty (0 bytes): save or send it again");
  if (starts(b, "PK\x03\x04", 4) || starts(b, "PK\x05\x06", 4)) return std::nullopt;
  if (starts(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    if (has_utf16(b, "EncryptedPackage"))
      return error(ErrorKind::encrypted,
                   "文件设有打开密码（已加密），无法读取：请在 Word 或 WPS 中取消密码后重新保存",
                   "the file is password-protected (encrypted) and cannot be read: remove the "
                   "password in Word or WPS and save it again");
    if (has_utf16(b, "WordDocument"))
      return error(ErrorKind::legacy_doc,
                   "这是旧版 Word 97-2003 文档（.doc），不是 .docx：请在 Word 或 WPS 中打开，"
                   "“另存为”Word 文档（*.docx）后再提交",
                   "this is a legacy Word 97-2003 document (.doc), not a .docx: open it in Word "
                   "or WPS and save it as a Word document (*.docx)");
    return error(ErrorKind::not_docx,
                 "这是旧版 Office 97-2003 文件（不是 Word 文档）：请提交 Word 文档（.docx）",
                 "this is a legacy Office 97-2003 file, not a Word document: submit a .docx");
  }
  if (starts(b, "%PDF", 4))
    return error(ErrorKind::pdf, "这是 PDF 文件，不是 Word 文档：请提交原始的 .docx 文件",
                 "this is a PDF file, not a Word document: submit the original .docx");
  if (starts(b, "{\\rtf", 5))
    return error(ErrorKind::rtf,
                 "这是 RTF 文件，不是 .docx：请在 Word 或 WPS 中“另存为”Word 文档（*.docx）",
                 "this is an RTF file, not a .docx: save it as a Word document (*.docx)");
  if (has_ascii(b, 4096, "w:wordDocument") || has_ascii(b, 4096, "office/word/2003/wordml"))
    return word2003_xml_error();
  return error(ErrorKind::not_docx,
               "无法识别的文件格式（不是 .docx 压缩包）：请提交 Word 文档（.docx）",
               "unrecognised file format (not a .docx zip package): submit a Word document "
               "(.docx)");
}

std::optional<Error> refuse_other_package(const std::string& main_part, bool has_odf_mimetype,
                                          const std::string& odf_mimetype) {
  if (has_odf_mimetype) {
    bool text = odf_mimetype.find("opendocument.text") != std::string::npos;
    return error(ErrorKind::odf,
                 std::string(text ? "这是 OpenDocument 文本（.odt）" : "这是 OpenDocument 文件") +
                     "，不是 .docx：请在 WPS 或 LibreOffice 中“另存为”Word 文档（*.docx）",
                 std::string(text ? "this is an OpenDocument text (.odt)"
                                  : "this is an OpenDocument file") +
                     ", not a .docx: save it as a Word document (*.docx) in WPS or LibreOffice");
  }
  if (main_part.rfind("xl/", 0) == 0)
    return error(ErrorKind::spreadsheet,
                 "这是 Excel 工作簿（.xlsx），不是 Word 文档：请提交绩效目标表的 .docx 文件",
                 "this is an Excel workbook (.xlsx), not a Word document: submit the "
                 "performance-target .docx");
  if (main_part.rfind("ppt/", 0) == 0)
    return error(ErrorKind::presentation,
                 "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档：请提交绩效目标表的 .docx 文件",
                 "this is a PowerPoint presentation (.pptx), not a Word document: submit the "
                 "performance-target .docx");
  return std::nullopt;
}

}  // namespace jixiao::ooxml
