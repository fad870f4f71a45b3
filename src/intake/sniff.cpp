// The one sniffer (see sniff.hpp): magic numbers, a compound file's directory read by its names
// (case-insensitively, as the format says), a zip's mimetype entry or its _rels/.rels; and the
// refusal message for each kind.
#include "intake/sniff.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "ooxml/package.hpp"
#include "util/files.hpp"

namespace jixiao {
namespace {

bool starts(const std::vector<std::uint8_t>& b, const char* magic, std::size_t n) {
  return b.size() >= n && std::memcmp(b.data(), magic, n) == 0;
}

bool has_ascii(const std::vector<std::uint8_t>& b, std::size_t window, const char* text) {
  auto end = b.begin() + static_cast<std::ptrdiff_t>(std::min(window, b.size()));
  return std::search(b.begin(), end, text, text + std::strlen(text)) != end;
}

std::uint32_t le32(const std::vector<std::uint8_t>& b, std::size_t at) {
  return at + 4 <= b.size() ? std::uint32_t(b[at]) | std::uint32_t(b[at + 1]) << 8 | std::uint32_t(b[at + 2]) << 16 |
                                  std::uint32_t(b[at + 3]) << 24
                            : 0xFFFFFFFFu;
}

// The names in a compound file's directory (MS-CFB), ASCII letters folded to lower case; empty
// when the directory cannot be followed. Every chain is bounded by the file's sector count.
class CompoundDirectory {
public:
  explicit CompoundDirectory(const std::vector<std::uint8_t>& b) : b_(b) {
    if (b.size() < 512) return;
    const unsigned shift = b[0x1E] | unsigned(b[0x1F]) << 8;
    if (shift != 9 && shift != 12) return;
    sector_ = std::size_t(1) << shift;
    sectors_ = (b.size() - 512 + sector_ - 1) / sector_;
    read_fat();
    read_names(le32(b, 0x30));
  }
  bool has(const char* lower_name) const {
    return std::find(names_.begin(), names_.end(), lower_name) != names_.end();
  }

private:
  std::size_t offset(std::uint32_t sector) const { return 512 + std::size_t(sector) * sector_; }

  // The FAT's sectors, from the header's 109 entries and then the DIFAT chain.
  void read_fat() {
    std::vector<std::uint32_t> fat_sectors;
    for (std::size_t k = 0; k < 109; ++k) fat_sectors.push_back(le32(b_, 0x4C + 4 * k));
    std::uint32_t difat = le32(b_, 0x44);
    for (std::size_t hops = 0; difat < sectors_ && hops < sectors_; ++hops) {
      const std::size_t per = sector_ / 4 - 1;
      for (std::size_t k = 0; k < per; ++k) fat_sectors.push_back(le32(b_, offset(difat) + 4 * k));
      difat = le32(b_, offset(difat) + 4 * per);
    }
    for (std::uint32_t s : fat_sectors) {
      if (s >= sectors_) continue;
      for (std::size_t k = 0; k < sector_ / 4; ++k) fat_.push_back(le32(b_, offset(s) + 4 * k));
    }
  }

  void read_names(std::uint32_t sector) {
    for (std::size_t hops = 0; sector < sectors_ && sector < fat_.size() && hops < sectors_; ++hops) {
      for (std::size_t at = offset(sector); at + 128 <= offset(sector) + sector_ && at + 128 <= b_.size(); at += 128) {
        const std::size_t bytes = std::min<std::size_t>(b_[at + 64] | std::size_t(b_[at + 65]) << 8, 64);
        std::string name;
        for (std::size_t k = 0; k + 1 < bytes; k += 2) {
          const unsigned c = b_[at + k] | unsigned(b_[at + k + 1]) << 8;
          if (c == 0) break;
          name += c < 128 ? static_cast<char>(std::tolower(static_cast<int>(c))) : '?';
        }
        if (!name.empty()) names_.push_back(name);
      }
      sector = fat_[sector];
    }
  }

  const std::vector<std::uint8_t>& b_;
  std::size_t sector_ = 512, sectors_ = 0;
  std::vector<std::uint32_t> fat_;
  std::vector<std::string> names_;
};

FileKind compound_kind(const std::vector<std::uint8_t>& b, const std::string& ext) {
  CompoundDirectory dir(b);
  if (dir.has("encryptedpackage")) return FileKind::encrypted_ooxml;
  if (dir.has("worddocument")) return ext == ".wps" ? FileKind::wps : FileKind::doc;
  if (dir.has("workbook") || dir.has("book")) return ext == ".et" ? FileKind::et : FileKind::xls;
  return FileKind::other_ole;
}

// A zip: OpenDocument by its mimetype entry, Office Open XML by the main part _rels/.rels names.
void zip_kind(Sniffed& s, const std::vector<std::uint8_t>& bytes, const ReadLimits& limits) {
  auto package = ooxml::Package::open(bytes, limits);
  if (!package) {
    s.kind = FileKind::other_zip;
    s.damaged = package.error();
    return;
  }
  s.package = *package;
  if (s.package->has("mimetype")) {
    auto m = s.package->read("mimetype");
    if (m && m->rfind("application/vnd.oasis.opendocument", 0) == 0) {
      s.kind = m->rfind("application/vnd.oasis.opendocument.text", 0) == 0          ? FileKind::odt
               : m->rfind("application/vnd.oasis.opendocument.spreadsheet", 0) == 0 ? FileKind::ods
                                                                                     : FileKind::other_zip;
      return;
    }
  }
  std::string type;
  auto main = s.package->related("", "/officeDocument", &type);
  if (!main) {
    s.kind = FileKind::docx;  // read as a .docx, which then says what is wrong
    s.damaged = main.error();
    return;
  }
  s.main_part = main->value_or("");
  if (s.main_part.rfind("xl/", 0) == 0) s.kind = FileKind::xlsx;
  else if (s.main_part.rfind("ppt/", 0) == 0) s.kind = FileKind::other_zip;
  else if (type.rfind("http://purl.oclc.org/", 0) == 0) s.kind = FileKind::docx_strict;
  else if (s.package->has("word/vbaProject.bin")) s.kind = FileKind::docm;
  else s.kind = FileKind::docx;  // also a package naming no main part: reading it says so
}

Error error(ErrorKind kind, std::string zh, std::string en) { return Error{kind, {std::move(zh), std::move(en)}}; }

}  // namespace

const char* kind_name(FileKind kind) {
  switch (kind) {
    case FileKind::empty: return "empty";
    case FileKind::docx: return "docx";
    case FileKind::docm: return "docm";
    case FileKind::docx_strict: return "docx-strict";
    case FileKind::doc: return "doc";
    case FileKind::wps: return "wps";
    case FileKind::odt: return "odt";
    case FileKind::rtf: return "rtf";
    case FileKind::xlsx: return "xlsx";
    case FileKind::xls: return "xls";
    case FileKind::et: return "et";
    case FileKind::ods: return "ods";
    case FileKind::encrypted_ooxml: return "encrypted";
    case FileKind::pdf: return "pdf";
    case FileKind::word2003_xml: return "word2003-xml";
    case FileKind::other_zip: return "other-zip";
    case FileKind::other_ole: return "other-ole";
    default: return "unknown";
  }
}

const char* converted_to(FileKind kind) {
  switch (kind) {
    case FileKind::doc: case FileKind::wps: case FileKind::odt: case FileKind::rtf: return "docx";
    case FileKind::xls: case FileKind::et: case FileKind::ods: return "xlsx";
    default: return nullptr;
  }
}

Sniffed sniff(const std::vector<std::uint8_t>& b, const std::string& path, const ReadLimits& limits) {
  Sniffed s;
  if (b.empty()) s.kind = FileKind::empty;
  else if (starts(b, "PK\x03\x04", 4) || starts(b, "PK\x05\x06", 4)) zip_kind(s, b, limits);
  else if (starts(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) s.kind = compound_kind(b, files::lower_extension(path));
  else if (starts(b, "%PDF", 4)) s.kind = FileKind::pdf;
  else if (starts(b, "{\\rtf", 5)) s.kind = FileKind::rtf;
  else if (has_ascii(b, 4096, "w:wordDocument") || has_ascii(b, 4096, "office/word/2003/wordml"))
    s.kind = FileKind::word2003_xml;
  return s;
}

bool jixiao_export(const Sniffed& s) {
  if (s.kind != FileKind::xlsx || !s.package) return false;
  auto core = s.package->related("", "/core-properties");
  if (!core || !core->has_value() || !s.package->has(**core)) return false;
  auto props = s.package->read(**core);
  return props && props->find("<dc:creator>jixiao</dc:creator>") != std::string::npos;
}

bool jixiao_export_file(const std::string& path, const ReadLimits& limits) {
  std::FILE* in = files::open_read(path);
  if (!in) return false;
  std::vector<std::uint8_t> bytes;
  std::uint8_t chunk[1 << 16];
  for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, in)) > 0 && bytes.size() <= limits.max_input_bytes;)
    bytes.insert(bytes.end(), chunk, chunk + n);
  std::fclose(in);
  if (bytes.size() > limits.max_input_bytes) return false;
  // Only jixiao's own workbooks are looked for, and jixiao (libxlsxwriter) writes them with
  // xl/workbook.xml and docProps/core.xml: the package's directory and that one part are read,
  // not sniffed whole (a folder of workbooks was read half again over for this question).
  auto package = ooxml::Package::open(bytes, limits);
  if (!package || !(*package)->has("xl/workbook.xml") || !(*package)->has("docProps/core.xml")) return false;
  auto props = (*package)->read("docProps/core.xml");
  return props && props->find("<dc:creator>jixiao</dc:creator>") != std::string::npos;
}

namespace {

Error odf_error(bool text) {
  return error(ErrorKind::odf,
               std::string(text ? "这是 OpenDocument 文本（.odt）" : "这是 OpenDocument 文件") +
                   "，不是 .docx：请在 WPS 或 LibreOffice 中“另存为”Word 文档（*.docx）",
               std::string(text ? "this is an OpenDocument text (.odt)" : "this is an OpenDocument file") +
                   ", not a .docx: save it as a Word document (*.docx) in WPS or LibreOffice");
}

// Said only where no converter is at hand (the library read without one): with LibreOffice these
// are converted to .xlsx and read.
Error workbook_error(const char* zh_kind, const char* en_kind) {
  return error(ErrorKind::spreadsheet,
               std::string("这是 ") + zh_kind + "，需由 LibreOffice 转换后读取：请在 Excel 或 WPS 表格中“另存为”Excel 工作簿（*.xlsx）",
               std::string("this is ") + en_kind + ", read only after LibreOffice converts it: save it as an Excel "
               "workbook (*.xlsx) in Excel or WPS");
}

}  // namespace

std::optional<Error> refusal(const Sniffed& s) {
  if (s.damaged) return s.damaged;
  switch (s.kind) {
    case FileKind::docx: case FileKind::docm: case FileKind::docx_strict: case FileKind::xlsx: return std::nullopt;
    case FileKind::empty:
      return error(ErrorKind::empty_file, "文件为空（0 字节）：请重新保存或重新发送该文件",
                   "the file is empty (0 bytes): save or send it again");
    case FileKind::encrypted_ooxml:
      return error(ErrorKind::encrypted,
                   "文件设有打开密码（已加密），无法读取：请在 Word、Excel 或 WPS 中取消密码后重新保存",
                   "the file is password-protected (encrypted) and cannot be read: remove the "
                   "password in Word, Excel or WPS and save it again");
    case FileKind::doc: case FileKind::wps:
      return error(ErrorKind::legacy_doc,
                   "这是旧版 Word 97-2003 文档（.doc），不是 .docx：请在 Word 或 WPS 中打开，"
                   "“另存为”Word 文档（*.docx）后再提交",
                   "this is a legacy Word 97-2003 document (.doc), not a .docx: open it in Word "
                   "or WPS and save it as a Word document (*.docx)");
    case FileKind::xls: return workbook_error("Excel 97-2003 工作簿（.xls）", "an Excel 97-2003 workbook (.xls)");
    case FileKind::et: return workbook_error("WPS 表格工作簿（.et）", "a WPS spreadsheet (.et)");
    case FileKind::other_ole:
      return error(ErrorKind::not_docx, "这是旧版 Office 97-2003 文件（不是 Word 文档）：请提交 Word 文档（.docx）",
                   "this is a legacy Office 97-2003 file, not a Word document: submit a .docx");
    case FileKind::pdf:
      return error(ErrorKind::pdf, "这是 PDF 文件，不是 Word 文档：请提交原始的 .docx 文件",
                   "this is a PDF file, not a Word document: submit the original .docx");
    case FileKind::rtf:
      return error(ErrorKind::rtf, "这是 RTF 文件，不是 .docx：请在 Word 或 WPS 中“另存为”Word 文档（*.docx）",
                   "this is an RTF file, not a .docx: save it as a Word document (*.docx)");
    case FileKind::word2003_xml: return ooxml::word2003_xml_error();
    case FileKind::odt: return odf_error(true);
    case FileKind::ods:
      return workbook_error("OpenDocument 电子表格（.ods）", "an OpenDocument spreadsheet (.ods)");
    case FileKind::other_zip:
      if (s.main_part.rfind("ppt/", 0) == 0)
        return error(ErrorKind::presentation,
                     "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档：请提交绩效目标表的 .docx 文件",
                     "this is a PowerPoint presentation (.pptx), not a Word document: submit the "
                     "performance-target .docx");
      return odf_error(false);
    default:
      return error(ErrorKind::not_docx, "无法识别的文件格式（不是 .docx 压缩包）：请提交 Word 文档（.docx）",
                   "unrecognised file format (not a .docx zip package): submit a Word document "
                   "(.docx)");
  }
}

}  // namespace jixiao
