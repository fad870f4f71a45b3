// The floor: what any .docx reader must at least do — inflate word/document.xml with libzip and
// parse it with pugixml — and nothing more. jixiao's reading time is measured against it.
//
// With --own-inflate first, the part is read by jixiao's own package reading instead
// (ooxml::Package::read_into: libdeflate into a buffer of the declared size and its CRC
// check, zlib where libdeflate cannot serve): not the floor, but the same parse after the same
// inflate, so that jixiao's time can also be set against a reader that inflates as fast as it
// does.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <malloc.h>
#include <pugixml.hpp>
#include <zip.h>

#include "ooxml/package.hpp"

namespace {

// With --workbook, the floor of reading a workbook instead: every sheet part
// (xl/worksheets/*.xml) and the shared strings, each inflated through libzip and parsed with
// pugixml; the number of parts read is added to the count printed.
// With --workbook-and-package (not the floor: a measure beside it), also the four parts a reader
// must read to find the sheets in order and their number formats: _rels/.rels,
// xl/_rels/workbook.xml.rels, xl/workbook.xml and xl/styles.xml, the same way.
bool package_part(const char* name) {
  for (const char* wanted : {"_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml"})
    if (std::strcmp(name, wanted) == 0) return true;
  return false;
}

std::size_t workbook_parts(const std::vector<std::uint8_t>& bytes, bool with_package) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  if (!zip) return 0;
  std::size_t parts = 0;
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip, 0); ++i) {
    const char* name = zip_get_name(zip, static_cast<zip_uint64_t>(i), 0);
    if (!name) continue;
    const bool sheet_or_strings = std::strncmp(name, "xl/worksheets/", 14) == 0 || std::strcmp(name, "xl/sharedStrings.xml") == 0;
    if (!sheet_or_strings && !(with_package && package_part(name))) continue;
    if (std::strncmp(name, "xl/worksheets/", 14) == 0 && std::strchr(name + 14, '/')) continue;  // _rels/
    zip_stat_t st;
    zip_file_t* f = zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st) == 0 ? zip_fopen_index(zip, static_cast<zip_uint64_t>(i), 0) : nullptr;
    if (!f) continue;
    std::string xml(st.size, '\0');
    zip_fread(f, xml.data(), st.size);
    zip_fclose(f);
    pugi::xml_document doc;
    doc.load_buffer_inplace(xml.data(), xml.size());
    parts += doc.first_child() ? 1 : 0;
  }
  zip_discard(zip);
  return parts;
}

// word/document.xml of the zip in `bytes`, inflated into `xml` (made for it) through libzip;
// `size` its size. False when the file is not a zip or has no such part.
bool libzip_inflate(const std::vector<std::uint8_t>& bytes, std::string& xml, std::size_t& size) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  if (!zip) return false;
  zip_stat_t st;
  zip_file_t* f = zip_stat(zip, "word/document.xml", 0, &st) == 0 ? zip_fopen(zip, "word/document.xml", 0) : nullptr;
  if (f) {
    xml.assign(st.size, '\0');
    size = xml.size();
    zip_fread(f, xml.data(), st.size);
    zip_fclose(f);
  }
  zip_discard(zip);
  return f != nullptr;
}

// The same through jixiao's package reading, into `xml` kept from document to document as
// jixiao keeps its buffer (the part's text at its start).
bool jixiao_inflate(const std::vector<std::uint8_t>& bytes, std::string& xml, std::size_t& size) {
  auto package = jixiao::ooxml::Package::open(bytes, jixiao::ReadLimits{});
  if (!package) return false;
  auto text = (*package)->read_into("word/document.xml", xml);
  if (text) size = text->size();
  return text.ok();
}

}  // namespace

int main(int argc, char** argv) {
  // The same allocator settings as jixiao's, so that the floor is not slowed by page faults.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
  // And the same time zone setting: without it, libzip's mktime() calls stat /etc/localtime
  // some twenty times for each document.
  setenv("TZ", ":/etc/localtime", 0);
  std::size_t nodes = 0;
  const bool own = argc > 1 && std::strcmp(argv[1], "--own-inflate") == 0;
  const bool with_package = argc > 1 && std::strcmp(argv[1], "--workbook-and-package") == 0;
  const bool workbook = with_package || (argc > 1 && std::strcmp(argv[1], "--workbook") == 0);
  std::string kept;
  for (int k = own || workbook ? 2 : 1; k < argc; ++k) {
    // The file in one read, at its size, as jixiao reads it.
    std::ifstream in(argv[k], std::ios::binary | std::ios::ate);
    std::vector<std::uint8_t> bytes(in ? static_cast<std::size_t>(in.tellg()) : 0);
    in.seekg(0);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (workbook) {
      nodes += workbook_parts(bytes, with_package);
      continue;
    }
    std::string fresh;
    std::string& xml = own ? kept : fresh;
    std::size_t size = 0;
    if (!(own ? jixiao_inflate(bytes, xml, size) : libzip_inflate(bytes, xml, size))) {
      std::fprintf(stderr, "%s: not a zip, or no word/document.xml\n", argv[k]);
      continue;
    }
    pugi::xml_document doc;
    doc.load_buffer_inplace(xml.data(), size);
    for (pugi::xml_node n = doc.first_child(); n; n = n.first_child()) ++nodes;
  }
  std::printf("%zu\n", nodes);
  return 0;
}
