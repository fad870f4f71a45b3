// Which files LibreOffice converts (legacy word-processor and spreadsheet formats), by their names, for converting ahead: the part
// of intake every platform shares (what a file is comes from its content: sniff.cpp).
// LibreOffice converts them: libreoffice.cpp (POSIX), libreoffice_windows.cpp.
#include "jixiao/intake.hpp"
#include "util/files.hpp"

namespace jixiao {

std::optional<FileKind> legacy_extension(const std::string& path) {
  const std::string ext = files::lower_extension(path);
  if (ext == ".doc") return FileKind::doc;
  if (ext == ".wps") return FileKind::wps;
  if (ext == ".odt") return FileKind::odt;
  if (ext == ".rtf") return FileKind::rtf;
  if (ext == ".xls") return FileKind::xls;
  if (ext == ".et") return FileKind::et;
  if (ext == ".ods") return FileKind::ods;
  return std::nullopt;
}

}  // namespace jixiao
