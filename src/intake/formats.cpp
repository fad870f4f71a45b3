// Which files are legacy word-processor formats by their names, for converting ahead: the part
// of intake every platform shares (what a file is comes from its content: sniff.cpp).
// LibreOffice converts them: libreoffice.cpp (POSIX),
// libreoffice_windows.cpp.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>

#include "jixiao/intake.hpp"

namespace jixiao {
namespace fs = std::filesystem;

std::optional<FileKind> legacy_extension(const std::string& path) {
  std::string ext = fs::u8path(path).extension().u8string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".doc") return FileKind::doc;
  if (ext == ".wps") return FileKind::wps;
  if (ext == ".odt") return FileKind::odt;
  if (ext == ".rtf") return FileKind::rtf;
  return std::nullopt;
}

}  // namespace jixiao
