// One document from bytes to the model: sniff, open, read the main part, extract.
#include "jixiao/pipeline.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <sys/stat.h>

#include "util/digest.hpp"
#include "util/files.hpp"

#include "extract/extract.hpp"
#include "extract/labels.hpp"
#include "jixiao/intake.hpp"
#include "ooxml/package.hpp"
#include "ooxml/reader.hpp"
#include "ooxml/workbook.hpp"
#include "intake/sniff.hpp"
#include "util/thread_local.hpp"

namespace jixiao {
namespace {

Expected<ooxml::Body> body_from_xml(std::string_view document_xml, const std::string& part,
                                    std::shared_ptr<ooxml::StyleLevels> styles,
                                    const ReadLimits& limits) {
  auto body = ooxml::read_document_part(document_xml, part, limits);
  if (body) body->styles = std::move(styles);
  return body;
}

// Stage 1 with the styles part left unread until a paragraph's level needs it: the body then
// reads from the sniffed bytes, which must outlive it.
Expected<ooxml::Body> read_body_lazily(const Sniffed& sniffed, const ReadLimits& limits) {
  if (auto refused = refusal(sniffed)) return *refused;
  std::shared_ptr<ooxml::Package> pkg = sniffed.package;
  const std::string& main_part = sniffed.main_part;
  if (main_part.empty())
    return ooxml::no_main_part("_rels/.rels 没有指向主文档", "_rels/.rels names no officeDocument");
  if (!pkg->has(main_part))
    return ooxml::no_main_part("缺少 " + main_part, main_part + " is missing");
  if (sniffed.kind == FileKind::xlsx) {
    auto book = ooxml::read_workbook(*pkg, main_part, limits);
    // jixiao's own export (--to xlsx) is a table of what was read, not a form: said, not misread.
    // Its sheets are 项目 and 指标: only a workbook that begins so has its properties read.
    const bool export_sheets = book && book->sheets.size() >= 2 && book->sheets[0].name == "项目" &&
                               book->sheets[1].name == "指标";
    if (export_sheets && jixiao_export(sniffed))
      return Error{ErrorKind::spreadsheet,
                   {"这是 jixiao 导出的汇总表（convert --to xlsx），不是绩效目标表：请读取原来的文档",
                    "this is a workbook jixiao exported (convert --to xlsx), not a performance-target form: "
                    "read the original documents instead"}};
    if (!book) return book.error();
    return std::move(book->body);
  }
  // Inflated into a buffer each thread keeps: a county's documents are alike in size, and
  // the part is then neither allocated nor freed for each of them.
  JIXIAO_THREAD_LOCAL(std::string, buffer);
  auto xml = pkg->read_into(main_part, buffer);
  if (!xml) return xml.error();
  // Even the styles part's name is looked up only when it is needed. A document without one
  // (or whose relationships cannot be read) has no heading styles, as it would have no styles.
  auto styles = std::make_shared<ooxml::StyleLevels>(
      [pkg, main_part](std::string& part_name) -> Expected<std::string> {
        auto part = pkg->related(main_part, "/styles");
        if (!part || !part->has_value() || !pkg->has(**part)) return std::string();
        part_name = **part;
        return pkg->read(part_name);
      });
  return body_from_xml(*xml, main_part, std::move(styles), limits);
}

// Both stages, from bytes already sniffed.
Expected<Document> read_sniffed(const std::vector<std::uint8_t>& bytes, const Sniffed& sniffed,
                                const std::string& display_path, const ReadOptions& options) {
  auto body = read_body_lazily(sniffed, options.limits);
  if (!body) return body.error();
  Document doc = extract::build_document(*body);
  doc.source.path = display_path;
  if (options.digest) doc.source.sha256 = util::hex(util::sha256(bytes.data(), bytes.size()));
  if (options.require_target_tables && doc.projects.empty() && doc.department.indicators.empty()) {
    // The labels named as the forms write them, from the one vocabulary.
    const std::string code = extract::field_display("code", Lang::zh), name = extract::field_display("name", Lang::zh),
                      level1 = extract::field_display("level1", Lang::zh);
    return Error{ErrorKind::no_target_tables,
                 {"文件中没有找到绩效目标表（没有含“" + code + "”“" + name + "”或“" + level1 + "”等栏目的表格）："
                  "请确认这是预算绩效目标文档",
                  "no performance-target table was found (no table with " + code + ", " + name + " or " + level1 +
                      "): check that this is a budget performance-target document"}};
  }
  return doc;
}

}  // namespace

Expected<ooxml::Body> read_body_xml(const std::string& document_xml, const std::string& styles_xml,
                                    const ReadLimits& limits) {
  auto styles = std::make_shared<ooxml::StyleLevels>();
  if (!styles_xml.empty())
    styles = std::make_shared<ooxml::StyleLevels>([styles_xml](std::string& part_name) {
      part_name = "word/styles.xml";
      return Expected<std::string>(styles_xml);
    });
  return body_from_xml(document_xml, "word/document.xml", std::move(styles), limits);
}

Expected<ooxml::Body> read_body(const std::vector<std::uint8_t>& bytes, const ReadLimits& limits) {
  auto body = read_body_lazily(sniff(bytes, "", limits), limits);
  // The caller may drop `bytes`: the styles are read now.
  if (body) body->styles->read_now();
  return body;
}

Expected<Document> read_document_bytes(const std::vector<std::uint8_t>& bytes,
                                       const std::string& display_path,
                                       const ReadOptions& options) {
  return read_sniffed(bytes, sniff(bytes, display_path, options.limits), display_path, options);
}

namespace {

// A .doc, .wps, .odt or .rtf, or an .xls, .et or .ods: converted by LibreOffice, then read as its
// .docx or .xlsx. The model keeps the submitted file's name and digest, says what it was
// converted from and by what, and warns that places are counted in the converted file.
Expected<Document> read_converted(const std::vector<std::uint8_t>& bytes, const std::string& display_path,
                                  FileKind format, const ReadOptions& options) {
  auto converted = options.converter->convert(display_path, bytes, format);
  if (!converted) return converted.error();
  ReadOptions inner = options;
  inner.converter = nullptr;
  auto doc = read_document_bytes(converted->bytes, display_path, inner);
  if (!doc) {
    Error e = doc.error();
    e.message = {"（由 LibreOffice 转换后）" + e.message.zh, "(as converted by LibreOffice) " + e.message.en};
    return e;
  }
  const std::string from = kind_name(format);
  if (options.digest) doc->source.sha256 = util::hex(util::sha256(bytes.data(), bytes.size()));
  doc->source.converted_from = from;
  doc->source.converter = converted->converter;
  const bool workbook = std::string(converted_to(format)) == "xlsx";
  const std::string zh_counted = workbook ? "工作表和单元格按转换后的工作簿计" : "表格和行号按转换后的文档计";
  const std::string en_counted =
      workbook ? "sheets and cells are named in the converted workbook" : "tables and rows are counted in the converted document";
  doc->warnings.insert(doc->warnings.begin(),
                       Warning{{"已由 " + converted->converter + " 从 ." + from + " 转换：" + zh_counted,
                                "converted from ." + from + " by " + converted->converter + ": " + en_counted},
                               {}});
  return doc;
}

}  // namespace

Expected<Document> read_document(const std::string& path, const ReadOptions& options) {
  auto cannot_open = [&](const std::string& zh, const std::string& en) {
    return Error{ErrorKind::cannot_open, {"无法打开文件：" + zh, "cannot open the file: " + en}};
  };
  std::string reason;
  const files::Kind kind = files::kind_of(path, &reason);
  if (kind == files::Kind::missing)
    return errno == ENOENT ? cannot_open("文件不存在", reason) : cannot_open(reason, reason);
  if (kind == files::Kind::folder) return cannot_open("这是一个文件夹，不是文件", "it is a folder");
  // A pipe or a device could block or never end: only regular files are read by name.
  if (kind != files::Kind::regular) return cannot_open("不是普通文件（管道或设备）", "not a regular file (a pipe or a device)");
  std::FILE* in = files::open_read(path);
  if (!in) return cannot_open(std::strerror(errno), std::strerror(errno));
  Expected<Document> doc = read_document_stream(in, path, options);
  std::fclose(in);
  return doc;
}

Expected<Document> read_document_stream(std::FILE* in, const std::string& display_path,
                                        const ReadOptions& options) {
  auto too_large = [&] {
    std::string max = std::to_string(options.limits.max_input_bytes >> 20);
    return Error{ErrorKind::too_large,
                 {"文件超过 " + max + " MiB 上限，不像绩效目标文档",
                  "the file is larger than the limit of " + max +
                      " MiB; not a performance-target document"}};
  };
  // Each thread keeps its buffer from document to document (a large block freed and allocated
  // again for each one would cost more than reading it); a regular file is read at its size in
  // one go, a pipe grows the buffer as it comes.
  // Its bytes are not cleared: growing it zero-fills only what is beyond the last document's
  // size, and every byte used is read first.
  JIXIAO_THREAD_LOCAL(std::vector<std::uint8_t>, bytes);
  struct stat st;
  std::size_t expected = 0;
  if (::fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    if (static_cast<std::uint64_t>(st.st_size) > options.limits.max_input_bytes) return too_large();
    expected = static_cast<std::size_t>(st.st_size);
  }
  std::size_t size = 0;
  // A regular file at its size (and a byte more, to see its end), else 64 KiB to begin with.
  if (const std::size_t first = expected ? expected + 1 : std::size_t(1) << 16; bytes.size() < first) bytes.resize(first);
  for (;;) {
    if (bytes.size() == size) bytes.resize(size * 2);
    std::size_t n = std::fread(bytes.data() + size, 1, bytes.size() - size, in);
    size += n;
    if (size > options.limits.max_input_bytes) return too_large();
    if (n == 0 || std::feof(in)) break;
  }
  if (std::ferror(in))
    return Error{ErrorKind::cannot_open, {"无法打开文件：读取出错", "cannot open the file: read error"}};
  bytes.resize(size);
  const Sniffed sniffed = sniff(bytes, display_path, options.limits);
  if (options.converter && converted_to(sniffed.kind))
    return read_converted(bytes, display_path, sniffed.kind, options);
  return read_sniffed(bytes, sniffed, display_path, options);
}

}  // namespace jixiao
