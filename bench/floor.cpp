// The floor: what any .docx reader must at least do — inflate word/document.xml with libzip and
// parse it with pugixml — and nothing more. jixiao's reading time is measured against it.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <malloc.h>
#include <pugixml.hpp>
#include <zip.h>

int main(int argc, char** argv) {
  // The same allocator settings as jixiao's, so that the floor is not slowed by page faults.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
  // And the same time zone setting: without it, libzip's mktime() calls stat /etc/localtime
  // some twenty times for each document.
  setenv("TZ", ":/etc/localtime", 0);
  std::size_t nodes = 0;
  for (int k = 1; k < argc; ++k) {
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
    zip_file_t* f = zip_stat(zip, "word/document.xml", 0, &st) == 0 ? zip_fopen(zip, "word/document.xml", 0) : nullptr;
    if (f) {
      std::string xml(st.size, '\0');
      zip_fread(f, xml.data(), st.size);
      zip_fclose(f);
      pugi::xml_document doc;
      doc.load_buffer_inplace(xml.data(), xml.size());
      for (pugi::xml_node n = doc.first_child(); n; n = n.first_child()) ++nodes;
    }
    zip_discard(zip);
  }
  std::printf("%zu\n", nodes);
  return 0;
}
