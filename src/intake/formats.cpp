// Which files are legacy word-processor formats, by content (and, for .wps, by name): the part
// of intake every platform shares. LibreOffice converts them: libreoffice.cpp (POSIX),
// libreoffice_windows.cpp.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>

#include "jixiao/intake.hpp"
#include "ooxml/sniff.hpp"

namespace jixiao {
namespace fs = std::filesystem;

const char* format_name(LegacyFormat format) {
  switch (format) {
    case LegacyFormat::doc: return "doc";
    case LegacyFormat::wps: return "wps";
    case LegacyFormat::odt: return "odt";
    default: return "rtf";
  }
}

std::optional<LegacyFormat> legacy_extension(const std::string& path) {
  std::string ext = fs::u8path(path).extension().u8string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".doc") return LegacyFormat::doc;
  if (ext == ".wps") return LegacyFormat::wps;
  if (ext == ".odt") return LegacyFormat::odt;
  if (ext == ".rtf") return LegacyFormat::rtf;
  return std::nullopt;
}

std::optional<LegacyFormat> legacy_format(const std::vector<std::uint8_t>& bytes, const std::string& path) {
  // The zip of an OpenDocument file begins with its stored "mimetype" entry.
  static const char kOdt[] = "mimetypeapplication/vnd.oasis.opendocument.text";
  if (bytes.size() > 30 + sizeof kOdt && std::memcmp(bytes.data(), "PK\x03\x04", 4) == 0 &&
      std::memcmp(bytes.data() + 30, kOdt, sizeof kOdt - 1) == 0)
    return LegacyFormat::odt;
  auto refused = ooxml::refuse_non_zip(bytes);
  if (!refused) return std::nullopt;
  if (refused->kind == ErrorKind::legacy_doc)
    return legacy_extension(path) == LegacyFormat::wps ? LegacyFormat::wps : LegacyFormat::doc;
  if (refused->kind == ErrorKind::rtf) return LegacyFormat::rtf;
  return std::nullopt;
}

}  // namespace jixiao
