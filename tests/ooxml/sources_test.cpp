// The streaming reader held to the tree reader: on real documents written by LibreOffice, pandoc
// and python-docx, on thousands of damaged copies of them, and on the parts it must leave to
// the tree reader.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>

#include "both_readers.hpp"
#include "jixiao/emit.hpp"
#include "ooxml/package.hpp"

using namespace jixiao;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> samples() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(JIXIAO_SOURCE_DIR) / "samples"))
    if (e.path().extension() == ".docx") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string document_xml(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto pkg = ooxml::Package::open(bytes, {});
  REQUIRE(pkg);
  auto xml = (*pkg)->read("word/document.xml");
  REQUIRE(xml);
  return *xml;
}

const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string doc(const std::string& body, const std::string& root_attrs = "") {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"") +
         kW + "\"" + root_attrs + "><w:body>" + body + "</w:body></w:document>";
}

// `inner` inside `levels` nested elements named `name`.
std::string nested(const std::string& name, int levels, const std::string& inner) {
  std::string out;
  for (int k = 0; k < levels; ++k) out += "<" + name + ">";
  out += inner;
  for (int k = 0; k < levels; ++k) out += "</" + name + ">";
  return out;
}

}  // namespace

TEST_CASE("streaming reader: every sample streams, to the tree reader's blocks") {
  auto all = samples();
  REQUIRE(all.size() >= 8);
  for (const fs::path& path : all) {
    INFO(path.filename().string());
    std::string xml = document_xml(path);
    auto streamed = test::stream_dump(xml);
    REQUIRE(streamed);  // these are the usual documents: the stream takes every one
    CHECK(*streamed == test::tree_dump(xml));
    CHECK(streamed->find("table 1 ") != std::string::npos);
  }
}

TEST_CASE("streaming reader: damaged copies of the samples give the tree's blocks or go to the tree") {
  static const char* const kInserts[] = {
      "<", ">", "</w:p>", "<w:p>", "&", "&#0;", "&#x4E2D;", "&lt;", "&foo;", "<!--x-->", "\"", "'",
      " xmlns:x=\"u\"", "<w:tr>", "</w:tc>", "<w:tc>", "<mc:AlternateContent>", "<w:del>", "</w:del>",
      "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", "<w:t>", "</w:t>", "<w:tbl>", "</w:tbl>",
      "\r\n", "<![CDATA[x]]>", "<?pi x?>", "/>", "<w:vMerge/>", "<w:gridSpan w:val=\"3\"/>", "=", " ",
      "<w:trPr><w:del/></w:trPr>", "<w:fldChar w:fldCharType=\"begin\"/>", "\xE4\xB8"};
  std::mt19937 random(20261125);
  int taken = 0, given = 0, differ = 0;
  std::string first_difference;
  for (const fs::path& path : samples()) {
    const std::string xml = document_xml(path);
    for (int i = 0; i < 250; ++i) {
      std::string m = xml;
      std::size_t at = random() % m.size();
      switch (random() % 5) {
        case 0: m.resize(at); break;
        case 1: m.erase(at, 1 + random() % 40); break;
        case 2: m.insert(at, m.substr(random() % m.size(), 1 + random() % 200)); break;
        case 3: m[at] = static_cast<char>(random() % 256); break;
        default: m.insert(at, kInserts[random() % std::size(kInserts)]); break;
      }
      auto streamed = test::stream_dump(m);
      if (!streamed) {
        ++given;
        continue;
      }
      ++taken;
      std::string tree = test::tree_dump(m);
      if (*streamed != tree && differ++ == 0)
        first_difference = path.filename().string() + " case " + std::to_string(i) + "\n--- stream\n" +
                           *streamed + "\n--- tree\n" + tree;
    }
  }
  INFO(first_difference);
  CHECK(differ == 0);
  CHECK(taken > 200);  // both sides were exercised
  CHECK(given > 200);
}

TEST_CASE("streaming reader: what it leaves to the tree reader") {
  const std::string p = "<w:p><w:r><w:t>文字</w:t></w:r></w:p>";
  const std::pair<const char*, std::string> cases[] = {
      {"a comment", doc("<!-- note -->" + p)},
      {"CDATA", doc("<w:p><w:r><w:t><![CDATA[a<b]]></w:t></w:r></w:p>")},
      {"a processing instruction", doc("<?mso-application x?>" + p)},
      {"a DOCTYPE", "<!DOCTYPE w:document>" + doc(p)},
      {"a namespace declared below the root", doc("<w:p xmlns:v=\"urn:v\"><w:r><w:t>x</w:t></w:r></w:p>")},
      {"another prefix for Word's namespace",
       std::string("<x:document xmlns:x=\"") + kW + "\"><x:body>" + "<x:p><x:r><x:t>x</x:t></x:r></x:p></x:body></x:document>"},
      {"the prefix w: bound elsewhere", "<w:document xmlns:w=\"urn:other\"><w:body>" + p + "</w:body></w:document>"},
      {"an unknown entity", doc("<w:p><w:r><w:t>a&nbsp;b</w:t></w:r></w:p>")},
      {"a carriage return in text", doc("<w:p><w:r><w:t>a\r\nb</w:t></w:r></w:p>")},
      {"markup inside w:t", doc("<w:p><w:r><w:t>a<w:x/>b</w:t></w:r></w:p>")},
      {"a mismatched end tag", doc("<w:p><w:r><w:t>x</w:r></w:t></w:p>")},
      {"a truncated part", doc(p).substr(0, 120)},
      {"a NUL byte", doc("<w:p><w:r><w:t>a" + std::string(1, '\0') + "b</w:t></w:r></w:p>")},
      {"another encoding declared", "<?xml version=\"1.0\" encoding=\"GBK\"?><w:document xmlns:w=\"" +
                                        std::string(kW) + "\"><w:body>" + p + "</w:body></w:document>"},
      {"an attribute value with a reference", doc("<w:p><w:pPr><w:pStyle w:val=\"a&amp;b\"/></w:pPr></w:p>")},
      {"text after the root", doc(p) + "x"},
  };
  for (const auto& [what, xml] : cases) {
    INFO(what);
    CHECK_FALSE(test::stream_dump(xml));
    // The front door still reads it, through the tree, or says what is wrong.
    auto body = read_body_xml(xml);
    if (body) CHECK(test::dump(*body) == test::tree_dump(xml));
  }
}

TEST_CASE("streaming reader: references, plain values and the usual prologs are its own") {
  const std::string p = "<w:p><w:r><w:t>文字</w:t></w:r></w:p>";
  const std::pair<const char*, std::string> cases[] = {
      {"the five entities and character references",
       doc("<w:p><w:r><w:t xml:space=\"preserve\"> &lt;a&gt; &amp; &quot;b&apos; &#20013;&#x6587; </w:t></w:r></w:p>")},
      {"control characters by reference", doc("<w:p><w:r><w:t>a&#13;b&#10;c&#x9;d&#xD;&#x1F;</w:t></w:r></w:p>")},
      {"a byte order mark", "\xEF\xBB\xBF" + doc(p)},
      {"no XML declaration", std::string("<w:document xmlns:w=\"") + kW + "\"><w:body>" + p + "</w:body></w:document>"},
      {"single quotes and spaces around =", doc("<w:p><w:pPr><w:pStyle w:val = 'Heading1' /></w:pPr></w:p>")},
      {"Strict's namespace", "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body>" +
                                 p + "</w:body></w:document>"},
      {"foreign elements with their own prefix", doc("<w:p><w:r><v:shape><w:t>in</w:t></v:shape><w:t>x</w:t></w:r></w:p>",
                                                     " xmlns:v=\"urn:schemas-microsoft-com:vml\"")},
      {"mc:AlternateContent with a Fallback",
       doc("<w:p><mc:AlternateContent><mc:Choice Requires=\"w14\"><w:r><w:t>新</w:t></w:r>"
           "</mc:Choice><mc:Fallback><w:r><w:t>旧</w:t></w:r></mc:Fallback><mc:Fallback><w:r><w:t>再</w:t></w:r>"
           "</mc:Fallback></mc:AlternateContent></w:p>",
           " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"")},
      {"mc:AlternateContent with Choices only, around a table",
       doc("<mc:AlternateContent><mc:Choice Requires=\"a\"><w:tbl><w:tr><w:tc><w:p><w:r><w:t>一</w:t></w:r></w:p>"
           "</w:tc></w:tr></w:tbl></mc:Choice><mc:Choice Requires=\"b\"><w:p/></mc:Choice></mc:AlternateContent>",
           " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"")},
      {"content nested 900 levels deep", doc(nested("w:sdtContent", 900, p))},
      {"content nested deeper than the handler descends (1200 levels), skipped with a notice",
       doc(nested("w:sdtContent", 1200, p))},
      {"a row inside a paragraph", doc("<w:p><w:r><w:t>前</w:t></w:r><w:tr><w:tc>" + p + "</w:tc></w:tr></w:p>")},
      {"a deleted row inside a paragraph leaves nothing",
       doc("<w:p><w:r><w:t>前</w:t></w:r><w:tr><w:trPr><w:del/></w:trPr><w:tc><w:p><w:r><w:fldChar w:fldCharType=\"begin\"/>"
           "<w:t>删</w:t></w:r></w:p></w:tc></w:tr><w:r><w:t>后</w:t></w:r></w:p>")},
      {"a namespace declared inside a drawing, which is never read",
       doc("<w:p><w:r><w:drawing><a:graphic xmlns:a=\"urn:a\"><a:t>no</a:t></a:graphic></w:drawing><w:t>yes</w:t></w:r></w:p>")},
  };
  for (const auto& [what, xml] : cases) {
    INFO(what);
    auto streamed = test::stream_dump(xml);
    REQUIRE(streamed);
    CHECK(*streamed == test::tree_dump(xml));
  }
}

TEST_CASE("a thread's reading buffers: each document reads the same after a larger or a smaller one") {
  // The file and document.xml buffers are kept from document to document; what a larger
  // document left in them must not reach the next one.
  std::vector<fs::path> paths = samples();
  std::sort(paths.begin(), paths.end(),
            [](const fs::path& a, const fs::path& b) { return document_xml(a).size() < document_xml(b).size(); });
  REQUIRE(document_xml(paths.front()).size() * 2 < document_xml(paths.back()).size());
  auto read_all = [&](const std::vector<fs::path>& order) {
    std::map<std::string, std::string> out;
    for (const fs::path& p : order) {
      auto doc = read_document(p.string(), ReadOptions{});
      out[p.filename().string()] = doc ? to_json(*doc, Lang::en) : "error " + doc.error().message.en;
    }
    return out;
  };
  auto ascending = read_all(paths);
  std::reverse(paths.begin(), paths.end());
  auto descending = read_all(paths);
  CHECK(ascending.size() == paths.size());
  for (const auto& [name, json] : ascending) {
    INFO(name);
    CHECK(json.rfind("error", 0) != 0);
    CHECK(descending[name] == json);
  }
}
