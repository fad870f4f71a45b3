// libFuzzer target from SpreadsheetML sheet text, differential: wherever the sheet scanner reads
// a part whole (as a sheet, and as a shared strings part), it must hand on what the tree walk
// hands on, byte for byte, or the target aborts.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "../ooxml/sheet_readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string xml(reinterpret_cast<const char*>(data), size);
  if (auto scanned = jixiao::test::scanned(xml)) {
    const std::string walked = jixiao::test::walked(xml);
    if (*scanned != walked) {
      std::fprintf(stderr, "the sheet readers differ\n--- scanner\n%s\n--- tree\n%s\n", scanned->c_str(), walked.c_str());
      std::abort();
    }
  }
  if (auto scanned = jixiao::test::scanned_strings(xml)) {
    const std::string walked = jixiao::test::walked_strings(xml);
    if (*scanned != walked) {
      std::fprintf(stderr, "the shared string readers differ\n--- scanner\n%s\n--- tree\n%s\n", scanned->c_str(), walked.c_str());
      std::abort();
    }
  }
  return 0;
}
