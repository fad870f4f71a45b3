// The one sniffer, on every sample and every bad or odd input: each file's kind by its content.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "intake/sniff.hpp"
#include "jixiao/pipeline.hpp"
#include "ooxml/package.hpp"

using namespace jixiao;
namespace fs = std::filesystem;

namespace {

std::vector<std::uint8_t> bytes_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

FileKind kind_of(const std::string& relative) {
  const fs::path path = fs::path(JIXIAO_SOURCE_DIR) / relative;
  auto bytes = bytes_of(path);
  return sniff(bytes, path.string(), {}).kind;
}

}  // namespace

TEST_CASE("sniff: every sample is a .docx, every legacy sample its own kind") {
  int samples = 0;
  for (const auto& e : fs::directory_iterator(fs::path(JIXIAO_SOURCE_DIR) / "samples"))
    if (e.path().extension() == ".docx") {
      INFO(e.path());
      CHECK(kind_of("samples/" + e.path().filename().string()) == FileKind::docx);
      ++samples;
    }
  CHECK(samples >= 10);
  CHECK(kind_of("samples/legacy/beixinbao-2021.doc") == FileKind::doc);
  CHECK(kind_of("samples/legacy/beixinbao-2021.wps") == FileKind::wps);
  CHECK(kind_of("samples/legacy/beixinbao-2021.odt") == FileKind::odt);
  CHECK(kind_of("samples/legacy/beixinbao-2021.rtf") == FileKind::rtf);
}

TEST_CASE("sniff: every bad input, by its content and not its name") {
  const std::pair<const char*, FileKind> cases[] = {
      {"empty.docx", FileKind::empty},
      {"not-a-zip.docx", FileKind::unknown},
      {"truncated.docx", FileKind::other_zip},
      {"legacy.doc", FileKind::doc},
      {"legacy-renamed.docx", FileKind::doc},
      {"legacy-lowercase-stream.doc", FileKind::doc},
      {"notice.odt", FileKind::odt},
      {"notice-mimetype-last.odt", FileKind::odt},
      {"notice.pdf", FileKind::pdf},
      {"password.docx", FileKind::encrypted_ooxml},
      {"workbook.xlsx", FileKind::xlsx},
      {"workbook.xls", FileKind::xls},
      {"workbook.et", FileKind::et},
      {"workbook.ods", FileKind::ods},
      {"word2003-renamed.docx", FileKind::word2003_xml},
      {"no-main-part.docx", FileKind::docx},
      {"malformed-xml.docx", FileKind::docx},
      {"no-target-table.docx", FileKind::docx},
  };
  for (const auto& [file, kind] : cases) {
    INFO(file);
    CHECK(std::string(kind_name(kind_of(std::string("tests/fixtures/bad/") + file))) == kind_name(kind));
  }
  CHECK(kind_of("tests/fixtures/kinds/beixinbao-2021.docm") == FileKind::docm);
  CHECK(kind_of("tests/fixtures/kinds/beixinbao-2021-strict.docx") == FileKind::docx_strict);
}

TEST_CASE("sniff: the kinds read as Word give the sample model, the others a refusal naming the kind") {
  auto reference = read_document(std::string(JIXIAO_SOURCE_DIR) + "/samples/beixinbao-2021.docx");
  REQUIRE(reference.ok());
  for (const char* file : {"beixinbao-2021.docm", "beixinbao-2021-strict.docx"}) {
    INFO(file);
    auto doc = read_document(std::string(JIXIAO_SOURCE_DIR) + "/tests/fixtures/kinds/" + file);
    REQUIRE(doc.ok());
    CHECK(doc->projects.size() == reference->projects.size());
    CHECK(doc->projects.at(0).indicators.size() == reference->projects.at(0).indicators.size());
  }
  const std::pair<const char*, const char*> refusals[] = {
      {"workbook.xls", "(.xls)"}, {"workbook.et", "(.et)"}, {"workbook.ods", "OpenDocument"},
      {"legacy-lowercase-stream.doc", "Word 97-2003"}, {"notice-mimetype-last.odt", "(.odt)"}};
  for (const auto& [file, words] : refusals) {
    INFO(file);
    auto doc = read_document(std::string(JIXIAO_SOURCE_DIR) + "/tests/fixtures/bad/" + file);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().message.en.find(words) != std::string::npos);
  }
}

TEST_CASE("sniff: a compound file whose directory chain loops or points outside stays other-ole") {
  std::vector<std::uint8_t> b(1536, 0);
  const std::uint8_t magic[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  std::copy(std::begin(magic), std::end(magic), b.begin());
  b[0x1E] = 9;
  for (std::size_t k = 0; k < 109; ++k) b[0x4C + 4 * k] = b[0x4D + 4 * k] = b[0x4E + 4 * k] = b[0x4F + 4 * k] = 0xFF;
  b[0x4C] = 0;  // the FAT in sector 0, whose every entry points to sector 1; the directory in 1
  for (std::size_t k = 0; k < 128; ++k) b[512 + 4 * k] = 1;
  b[0x30] = 1;
  CHECK(sniff(b, "x.doc", {}).kind == FileKind::other_ole);
  b[0x30] = 200;  // past the end
  CHECK(sniff(b, "x.doc", {}).kind == FileKind::other_ole);
}
