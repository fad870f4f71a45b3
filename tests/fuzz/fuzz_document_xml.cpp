// libFuzzer target from WordprocessingML text: the normalising pass, grids, extraction, rules.
// Mutating XML directly reaches far deeper than mutating a zip, whose checksums stop most
// mutations at the door.
#include <cstdint>
#include <string>

#include "extract/extract.hpp"
#include "jixiao/check.hpp"
#include "jixiao/emit.hpp"
#include "jixiao/pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string xml(reinterpret_cast<const char*>(data), size);
  auto body = jixiao::read_body_xml(xml);
  if (!body) return 0;
  jixiao::Document doc = jixiao::extract::build_document(*body);
  jixiao::Checker checker;
  (void)checker.check(doc, {});
  (void)jixiao::to_json(doc, jixiao::Lang::zh);
  return 0;
}
