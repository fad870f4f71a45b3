// The floor: what any .docx reader must at least do — inflate word/document.xml with libzip and
// parse it with pugixml — and nothing more. jixiao's reading time is measured against it.
//
// With --own-inflate first, the part is inflated as jixiao inflates it instead (its one-pass
// decoder into a buffer of the declared size, its CRC check; libzip's reading where the decoder
// declines): not the floor, but the same parse after the same inflate, so that jixiao's time
// can also be set against a reader that inflates as fast as it does.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <cstring>

#include <malloc.h>
#include <pugixml.hpp>
#include <zip.h>

#include "util/crc32.hpp"
#include "util/inflate.hpp"

namespace {

// word/document.xml into `xml` as jixiao reads it: its deflated bytes decoded in one pass and
// the CRC checked; false where the decoder declines (the caller then reads it through libzip).
bool own_inflate(zip_t* zip, const zip_stat_t& st, std::string& xml) {
  if (st.comp_method != ZIP_CM_DEFLATE) return false;
  std::string deflated(st.comp_size, '\0');
  zip_file_t* f = zip_fopen(zip, "word/document.xml", ZIP_FL_COMPRESSED);
  if (!f) return false;
  const bool read = zip_fread(f, deflated.data(), st.comp_size) == static_cast<zip_int64_t>(st.comp_size);
  zip_fclose(f);
  xml.assign(st.size, '\0');
  return read &&
         jixiao::inflate_exact(reinterpret_cast<const std::uint8_t*>(deflated.data()), deflated.size(),
                               reinterpret_cast<std::uint8_t*>(xml.data()), xml.size()) &&
         jixiao::crc32(0, reinterpret_cast<const std::uint8_t*>(xml.data()), xml.size()) == st.crc;
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
  for (int k = own ? 2 : 1; k < argc; ++k) {
    // The file in one read, at its size, as jixiao reads it.
    std::ifstream in(argv[k], std::ios::binary | std::ios::ate);
    std::vector<char> bytes(in ? static_cast<std::size_t>(in.tellg()) : 0);
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* zip = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
    if (!zip) {
      std::fprintf(stderr, "%s: not a zip\n", argv[k]);
      continue;
    }
    zip_stat_t st;
    if (zip_stat(zip, "word/document.xml", 0, &st) == 0) {
      std::string xml;
      if (!(own && own_inflate(zip, st, xml))) {
        xml.assign(st.size, '\0');
        if (zip_file_t* f = zip_fopen(zip, "word/document.xml", 0)) {
          zip_fread(f, xml.data(), st.size);
          zip_fclose(f);
        }
      }
      pugi::xml_document doc;
      doc.load_buffer_inplace(xml.data(), xml.size());
      for (pugi::xml_node n = doc.first_child(); n; n = n.first_child()) ++nodes;
    }
    zip_discard(zip);
  }
  std::printf("%zu\n", nodes);
  return 0;
}
