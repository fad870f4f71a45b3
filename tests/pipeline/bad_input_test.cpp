// Each bad input ends in its own error kind, with a message in both languages.
#include <catch2/catch.hpp>

#include "jixiao/pipeline.hpp"

using namespace jixiao;

namespace {
std::string bad(const char* name) { return std::string(JIXIAO_SOURCE_DIR) + "/tests/fixtures/bad/" + name; }
}  // namespace

TEST_CASE("each bad input gets its own error") {
  struct Case {
    const char* file;
    ErrorKind kind;
  } cases[] = {
      {"empty.docx", ErrorKind::empty_file},
      {"not-a-zip.docx", ErrorKind::not_docx},
      {"truncated.docx", ErrorKind::corrupt_zip},
      {"legacy.doc", ErrorKind::legacy_doc},
      {"legacy-renamed.docx", ErrorKind::legacy_doc},
      {"notice.odt", ErrorKind::odf},
      {"notice.pdf", ErrorKind::pdf},
      {"workbook.xlsx", ErrorKind::no_target_tables},  // a workbook with no form in it
      {"password.xlsx", ErrorKind::encrypted},         // a workbook with an opening password
      {"no-main-part.docx", ErrorKind::no_main_part},
      {"malformed-xml.docx", ErrorKind::bad_xml},
      {"no-target-table.docx", ErrorKind::no_target_tables},
      {"word2003-renamed.docx", ErrorKind::word2003_xml},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    auto doc = read_document(bad(c.file));
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().kind == c.kind);
    CHECK_FALSE(doc.error().message.zh.empty());
    CHECK_FALSE(doc.error().message.en.empty());
    CHECK(doc.error().message.zh.find('\n') == std::string::npos);
  }
}

TEST_CASE("a missing file and a folder are errors too") {
  CHECK(read_document(bad("does-not-exist.docx")).error().kind == ErrorKind::cannot_open);
  CHECK(read_document(std::string(JIXIAO_SOURCE_DIR) + "/tests").error().kind == ErrorKind::cannot_open);
}

TEST_CASE("a document without target tables can be read when asked") {
  ReadOptions options;
  options.require_target_tables = false;
  auto doc = read_document(bad("no-target-table.docx"), options);
  REQUIRE(doc.ok());
  CHECK(doc->projects.empty());
  CHECK_FALSE(doc->warnings.empty());  // the skipped table is reported
}

TEST_CASE("a part inflating past the limit is refused") {
  ReadOptions options;
  options.limits.max_part_bytes = 4096;
  auto doc = read_document(std::string(JIXIAO_SOURCE_DIR) + "/samples/beixinbao-2021.docx", options);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().kind == ErrorKind::limit_exceeded);
}
