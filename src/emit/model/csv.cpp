// CSV as RFC 4180 describes it, in the encoding Chinese spreadsheets open without mojibake.
#include <cerrno>
#ifdef _WIN32
#include <windows.h>
#elif defined(JIXIAO_NO_ICONV)
#include "util/gb18030.hpp"
#else
#include <iconv.h>
#endif

#include "jixiao/tables.hpp"

namespace jixiao {
namespace {

std::string field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

Error not_convertible() {
  return Error{ErrorKind::cannot_open, {"文本无法转换为 GB18030（无效的 UTF-8）", "the text cannot be converted to GB18030 (invalid UTF-8)"}};
}

#ifdef _WIN32
// Windows's own GB18030 (code page 54936), through UTF-16. Where the system lacks it (Wine 8
// does), GBK (code page 936), whose bytes GB18030 keeps for every character GBK has; a
// character GBK lacks is then refused rather than replaced.
Expected<std::string> to_gb18030(const std::string& utf8) {
  if (utf8.empty()) return utf8;
  const int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
  if (n <= 0) return not_convertible();
  std::wstring wide(static_cast<std::size_t>(n), L'\0');
  MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, utf8.data(), static_cast<int>(utf8.size()), wide.data(), n);
  UINT page = 54936;
  DWORD flags = 0;
  BOOL* lossy = nullptr;
  BOOL replaced = FALSE;
  int m = WideCharToMultiByte(page, flags, wide.data(), n, nullptr, 0, nullptr, nullptr);
  if (m <= 0) {
    page = 936;
    flags = WC_NO_BEST_FIT_CHARS;
    lossy = &replaced;
    m = WideCharToMultiByte(page, flags, wide.data(), n, nullptr, 0, nullptr, lossy);
  }
  if (m <= 0 || replaced) return not_convertible();
  std::string out(static_cast<std::size_t>(m), '\0');
  WideCharToMultiByte(page, flags, wide.data(), n, out.data(), m, nullptr, lossy);
  return out;
}
#elif defined(JIXIAO_NO_ICONV)
// The static build: a static glibc cannot load iconv's GB18030 module (util/gb18030.hpp).
Expected<std::string> to_gb18030(const std::string& utf8) {
  auto out = util::utf8_to_gb18030(utf8);
  if (!out) return not_convertible();
  return std::move(*out);
}
#else
Expected<std::string> to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1))
    return Error{ErrorKind::cannot_open, {"本机不支持 GB18030 编码转换", "GB18030 conversion is not available here"}};
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size(), out_left = out.size();
  char* dst = out.data();
  std::size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1)) return not_convertible();
  out.resize(out.size() - out_left);
  return out;
}
#endif

}  // namespace

Expected<std::string> to_csv(const DataTable& table, HeaderLang headers, CsvEncoding encoding) {
  std::string out;
  for (std::size_t c = 0; c < table.columns.size(); ++c)
    out += (c ? "," : "") + field(headers == HeaderLang::en ? table.columns[c].en : table.columns[c].zh);
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += ',';
      const TableCell& cell = row[c];
      if (cell.kind == TableCell::Kind::number) out += cell.number->to_string();
      else if (cell.kind == TableCell::Kind::text) out += field(spreadsheet_safe(cell.text));
    }
    out += "\r\n";
  }
  switch (encoding) {
    case CsvEncoding::utf8: return out;
    case CsvEncoding::gb18030: return to_gb18030(out);
    default: return "\xEF\xBB\xBF" + out;
  }
}

}  // namespace jixiao
