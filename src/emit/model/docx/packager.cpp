// Assembles the parts into a .docx with libzip: fixed order, fixed timestamps, deflate — the
// same bytes for the same model.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <zip.h>

#include "emit/model/docx/parts.hpp"
#include "jixiao/docx.hpp"
#include "util/tempfile.hpp"

namespace jixiao {
namespace {

constexpr time_t kFixedTime = 946684800;  // 2000-01-01 00:00 UTC

Error docx_error(const std::string& what) {
  return Error{ErrorKind::cannot_open, {"无法生成 .docx：" + what, "cannot write the .docx: " + what}};
}

}  // namespace

Expected<std::string> to_docx(const Document& doc) {
  using namespace emit::docx;
  const std::pair<const char*, std::string> parts[] = {
      {"[Content_Types].xml", content_types_part()},
      {"_rels/.rels", package_relationships_part()},
      {"word/document.xml", document_part(doc)},
      {"word/_rels/document.xml.rels", document_relationships_part()},
      {"word/styles.xml", styles_part()},
      {"word/settings.xml", settings_part()},
      {"docProps/core.xml", core_properties_part(doc)},
  };
  TempFile file;
  if (file.path().empty()) return docx_error("临时文件");
  int err = 0;
  zip_t* zip = zip_open(file.path().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!zip) return docx_error("zip_open");
  bool ok = true;
  for (const auto& [name, bytes] : parts) {
    zip_source_t* src = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    zip_int64_t index = src ? zip_file_add(zip, name, src, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (src) zip_source_free(src);
      ok = false;
      break;
    }
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
    zip_file_set_mtime(zip, static_cast<zip_uint64_t>(index), kFixedTime, 0);
  }
  if (!ok) {
    zip_discard(zip);
    return docx_error("zip");
  }
  if (zip_close(zip) != 0) {
    zip_discard(zip);
    return docx_error("zip");
  }
  return file.read();
}

}  // namespace jixiao
