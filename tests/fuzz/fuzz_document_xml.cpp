// libFuzzer target from WordprocessingML text: the normalising pass, grids, extraction, rules.
// Mutating XML directly reaches far deeper than mutating a zip, whose checksums stop most
// mutations at the door. It is also differential: wherever the streaming reader takes a part,
// its blocks must be the tree reader's, or the target aborts.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "../ooxml/both_readers.hpp"

#include "extract/extract.hpp"
#include "jixiao/check.hpp"
#include "jixiao/emit.hpp"
#include "jixiao/pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string xml(reinterpret_cast<const char*>(data), size);
  if (auto streamed = jixiao::test::stream_dump(xml)) {
    std::string tree = jixiao::test::tree_dump(xml);
    if (*streamed != tree) {
      std::fprintf(stderr, "the readers differ\n--- stream\n%s\n--- tree\n%s\n", streamed->c_str(), tree.c_str());
      std::abort();
    }
  }
  auto body = jixiao::read_body_xml(xml);
  if (!body) return 0;
  jixiao::Document doc = jixiao::extract::build_document(*body);
  jixiao::Checker checker;
  (void)checker.check(doc, {});
  (void)jixiao::to_json(doc, jixiao::Lang::zh);
  return 0;
}
