// A sheet's two readers side by side: the scanner over the text and the tree walk (sheet.hpp)
// must hand the sink the same rows, cells and merged ranges, byte for byte: over every sheet of
// the workbooks openpyxl and LibreOffice wrote for the tests and samples, and over hand-written
// XML that names elements with a prefix, mixes text in, writes rich text and references. Where
// the scanner gives up, the tree still reads the part.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <optional>

#include "ooxml/package.hpp"
#include "sheet_readers.hpp"

using namespace jixiao;
using namespace jixiao::ooxml;
using jixiao::test::scanned;
using jixiao::test::walked;
using jixiao::test::scanned_strings;
using jixiao::test::walked_strings;

namespace {

std::vector<std::uint8_t> file_bytes(const std::string& path) {
  std::ifstream in(std::string(JIXIAO_SOURCE_DIR) + "/" + path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

const char* const kHead = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)";

}  // namespace

TEST_CASE("the sheet scanner reads what openpyxl and LibreOffice write, as the tree does") {
  int sheets = 0, string_parts = 0;
  for (const char* path :
       {"tests/ooxml/workbook/openpyxl.xlsx", "tests/ooxml/workbook/libreoffice.xlsx",
        "tests/ooxml/workbook/odd-long-format.xlsx", "tests/ooxml/workbook/bad-shared-string.xlsx",
        "tests/ooxml/workbook/bad-overlapping-merge.xlsx", "tests/ooxml/workbook/bad-sparse.xlsx",
        "tests/ooxml/workbook/bad-wide.xlsx", "tests/ooxml/numfmt/formats.xlsx",
        "samples/form-2021-framework-xlsx.xlsx", "samples/form-application-calc.xlsx",
        "samples/form-application-xlsx.xlsx", "samples/form-department-calc.xlsx",
        "samples/form-department-xlsx.xlsx", "samples/form-flat-calc.xlsx", "samples/form-flat-xlsx.xlsx",
        "samples/form-mixed-xlsx.xlsx", "samples/form-yuan-dates-xlsx.xlsx"}) {
    INFO(path);
    const auto bytes = file_bytes(path);
    REQUIRE(!bytes.empty());
    auto package = Package::open(bytes, ReadLimits{});
    REQUIRE(package);
    for (int k = 1; k <= 9; ++k) {
      const std::string part = "xl/worksheets/sheet" + std::to_string(k) + ".xml";
      if (!(*package)->has(part)) continue;
      INFO(part);
      auto xml = (*package)->read(part);
      REQUIRE(xml);
      const auto fast = scanned(*xml);
      REQUIRE(fast);  // the usual writers' XML is the scanner's to read
      CHECK(*fast == walked(*xml));
      CHECK(fast->find("c r=") != std::string::npos);
      ++sheets;
    }
    if ((*package)->has("xl/sharedStrings.xml")) {
      auto xml = (*package)->read("xl/sharedStrings.xml");
      REQUIRE(xml);
      const auto fast = scanned_strings(*xml);
      REQUIRE(fast);
      CHECK(*fast == walked_strings(*xml));
      CHECK(fast->size() > 10);
      ++string_parts;
    }
  }
  CHECK(sheets >= 19);
  CHECK(string_parts >= 4);  // LibreOffice's workbooks
}

TEST_CASE("the sheet scanner and the tree agree on prefixes, mixed text, rich text and references") {
  const std::string xml = std::string(kHead) +
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<x:sheetPr/><x:sheetData>stray text<x:row r="2" spans="1:3"><x:c r="A2" t="inlineStr" s="4">)"
      R"(<x:is><x:r><x:rPr><x:b/></x:rPr><x:t>项目</x:t><x:t>not this</x:t></x:r><x:rPh sb="0" eb="1"><x:t>xiang</x:t></x:rPh>)"
      R"(<x:r><x:t xml:space="preserve">  &amp;&lt;&#x4E2D;&#25991; </x:t></x:r></x:is></x:c>)"
      R"(<x:c r="B2"><x:f>SUM(A1)</x:f><x:v></x:v></x:c><x:c><x:v>12.5</x:v><x:v>99</x:v></x:c>)"
      R"(<x:c t="s"><x:v>0</x:v></x:c><x:c r="E2"><x:extLst/><x:v xml:space="preserve"> </x:v></x:c></x:row>)"
      R"(<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t>b<x:t/><x:t>c</x:t></x:is></x:c><x:c t="str"><x:f/><x:v>=1</x:v></x:c></x:row>)"
      R"(<x:row r="7"/></x:sheetData><x:sheetData><x:row r="9"><x:c r="A9"><x:v>1</x:v></x:c></x:row></x:sheetData>)"
      R"(<x:mergeCells count="2"><x:mergeCell ref="A2:C3"/><x:other/><x:mergeCell ref="E5:E6"></x:mergeCell></x:mergeCells>)"
      R"(</x:worksheet>)";
  const auto fast = scanned(xml);
  REQUIRE(fast);
  CHECK(*fast == walked(xml));
  // What both read, spelled out once: the first x:t of each run, phonetic guides left out; the
  // first x:v; the first x:sheetData only.
  CHECK(*fast ==
        "row 2\n"
        "c r=A2 t=inlineStr s=4 v=- f=0 is=[项目  &<中文 ]\n"
        "c r=B2 t= s=0 v=[] f=1 is=[]\n"
        "c r=- t= s=0 v=[12.5] f=0 is=[]\n"
        "c r=- t=s s=0 v=[0] f=0 is=[]\n"
        "c r=E2 t= s=0 v=[ ] f=0 is=[]\n"
        "row -\n"
        "c r=- t=inlineStr s=0 v=- f=0 is=[ac]\n"
        "c r=- t=str s=0 v=[=1] f=1 is=[]\n"
        "row 7\n"
        "merge A2:C3\n"
        "merge E5:E6\n");
}

TEST_CASE("shared strings: rich text, phonetic guides and prefixes read alike both ways") {
  const std::string xml = std::string(kHead) +
      R"(<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">)"
      R"(<x:si><x:t>一级指标</x:t></x:si><x:si><x:r><x:rPr><x:sz val="10"/></x:rPr><x:t>2024</x:t></x:r>)"
      R"(<x:r><x:t xml:space="preserve">年 &amp; </x:t><x:t>no</x:t></x:r><x:rPh sb="0" eb="1"><x:t>nian</x:t></x:rPh></x:si>)"
      R"(<x:si/><x:other><x:t>not an item</x:t></x:other><x:si><x:t/></x:si></x:sst>)";
  const auto fast = scanned_strings(xml);
  REQUIRE(fast);
  CHECK(*fast == walked_strings(xml));
  CHECK(*fast == "[一级指标]\n[2024年 & ]\n[]\n[]\n");
  CHECK_FALSE(scanned_strings(std::string(kHead) + "<sst><!-- c --><si><t>a</t></si></sst>"));
  CHECK(walked_strings(std::string(kHead) + "<sst><!-- c --><si><t>a</t></si></sst>") == "[a]\n");
}

TEST_CASE("the sheet scanner gives up on what it was not built for, and the tree reads it") {
  const std::string body = R"(<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c></row></sheetData>)";
  auto sheet = [&](const std::string& inside, const std::string& head = kHead) {
    return head + R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" + inside + "</worksheet>";
  };
  for (const std::string& xml :
       {sheet("<!-- a comment -->" + body), sheet(R"(<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[甲]]></t></is></c></row></sheetData>)"),
        sheet(R"(<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;甲</t></is></c></row></sheetData>)"),
        sheet(R"(<sheetData><row r=" 1"><c r="A1"><v>1</v></c></row></sheetData>)"),
        sheet(R"(<sheetData><row r="1"><c r="A1" s="0x1"><v>1</v></c></row></sheetData>)"),
        sheet(R"(<sheetData><row r="1"><c r="A1" t="s&#x9;"><v>1</v></c></row></sheetData>)"),
        sheet(R"(<sheetData><row r="1"><c r="A1"><v>1<b/></v></c></row></sheetData>)"),
        sheet(body, R"(<?xml version="1.0" encoding="GB18030"?>)"), sheet("<?pi x?>" + body)}) {
    INFO(xml);
    CHECK_FALSE(scanned(xml));
    CHECK(walked(xml).rfind("row ", 0) == 0);  // the tree reads the part
  }
  // Malformed text: the scanner gives up, the tree says what is wrong.
  const std::string broken = sheet(R"(<sheetData><row r="1"><c r="A1"><v>1</c></row></sheetData>)");
  CHECK_FALSE(scanned(broken));
  CHECK(walked(broken).rfind("error ", 0) == 0);
}
