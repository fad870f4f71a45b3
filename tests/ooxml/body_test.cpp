// Stage 1 from small inline WordprocessingML: each construct real files contain, one at a time.
#include <catch2/catch.hpp>

#include <deque>

#include "jixiao/pipeline.hpp"
#include "both_readers.hpp"

using namespace jixiao;
using namespace jixiao::ooxml;

namespace {

const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string doc(const std::string& body, const std::string& prefix = "w",
                const std::string& uri = kW) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + prefix + ":document xmlns:" + prefix +
         "=\"" + uri +
         "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><" + prefix +
         ":body>" + body + "</" + prefix + ":body></" + prefix + ":document>";
}

// Every case here runs through both readers: where the streaming one takes the part, it must
// give what the tree one gives.
Body read(const std::string& body_xml, const std::string& styles = {}) {
  if (auto streamed = test::stream_dump(doc(body_xml))) CHECK(*streamed == test::tree_dump(doc(body_xml)));
  auto b = read_body_xml(doc(body_xml), styles);
  REQUIRE(b.ok());
  return std::move(b.value());
}

std::string para_text(const std::string& p_inner) {
  Body b = read("<w:p>" + p_inner + "</w:p>");
  REQUIRE(b.blocks.size() == 1);
  return b.blocks[0].paragraph.text;
}

// The body's only table; its cells' text lives in the body, which must outlive it.
const Table& only_table(const Body& b) {
  REQUIRE(b.blocks.size() == 1);
  REQUIRE(b.blocks[0].kind == Block::Kind::table);
  return b.blocks[0].table;
}

// The same of a body read for it: the body is kept to the end of the tests.
const Table& only_table(Body&& b) {
  static std::deque<Body> kept;
  kept.push_back(std::move(b));
  return only_table(kept.back());
}

std::string r(const std::string& t) { return "<w:r><w:t xml:space=\"preserve\">" + t + "</w:t></w:r>"; }
std::string tc(const std::string& text, const std::string& props = "") {
  return "<w:tc><w:tcPr>" + props + "</w:tcPr><w:p>" + r(text) + "</w:p></w:tc>";
}

}  // namespace

TEST_CASE("runs concatenate however the writer split them") {
  CHECK(para_text("<w:r w:rsidR=\"00A1\"><w:t>项目</w:t></w:r><w:proofErr w:type=\"spellStart\"/>"
                  "<w:bookmarkStart w:id=\"0\" w:name=\"_Toc1\"/><w:r w:rsidR=\"00B2\"><w:t>编</w:t>"
                  "</w:r><w:bookmarkEnd w:id=\"0\"/><w:r><w:rPr><w:b/></w:rPr><w:t>码</w:t></w:r>") ==
        "项目编码");
  CHECK(para_text("<w:smartTag w:element=\"place\">" + r("北辛堡") + "</w:smartTag>"
                  "<w:customXml w:element=\"x\">" + r("镇") + "</w:customXml>"
                  "<w:hyperlink w:anchor=\"a\">" + r("政府") + "</w:hyperlink>") == "北辛堡镇政府");
  CHECK(para_text(r("  两个空格  ")) == "  两个空格  ");
}

TEST_CASE("fields contribute their result, never their instructions") {
  CHECK(para_text("<w:fldSimple w:instr=\" PAGE \">" + r("3") + "</w:fldSimple>") == "3");
  CHECK(para_text("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                  "<w:r><w:instrText> = 1+2 </w:instrText></w:r>"
                  "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + r("12.57") +
                  "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + r("万元")) == "12.57万元");
  // A field nested in another's instructions is part of the instructions.
  CHECK(para_text("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>"
                  "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>" + r("inner") +
                  "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                  "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + r("结果") +
                  "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>") == "结果");
}

TEST_CASE("tracked changes are read as accepted") {
  CHECK(para_text(r("村级") + "<w:ins w:id=\"1\">" + r("组织") + "</w:ins>"
                  "<w:del w:id=\"2\"><w:r><w:delText>旧</w:delText></w:r></w:del>" +
                  "<w:moveFrom w:id=\"3\">" + r("挪走") + "</w:moveFrom>"
                  "<w:moveTo w:id=\"4\">" + r("运转") + "</w:moveTo>") == "村级组织运转");
  Body b = read("<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>"
                "<w:tr>" + tc("留下") + "</w:tr>"
                "<w:tr><w:trPr><w:del w:id=\"5\"/></w:trPr>" + tc("删除的行") + "</w:tr>"
                "<w:tr>" + tc("也留下") + "</w:tr></w:tbl>");
  const Table t = only_table(b);
  REQUIRE(t.rows == 2);
  CHECK(t.at(1, 0).text == "也留下");
}

TEST_CASE("special characters") {
  CHECK(para_text("<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/>"
                  "<w:t>D</w:t><w:noBreakHyphen/><w:t>E</w:t><w:softHyphen/><w:t>F</w:t>"
                  "<w:sym w:font=\"Symbol\" w:char=\"2265\"/></w:r>") == "A\tB\nC\nD-EF≥");
  // Tab stops in paragraph properties are not tabs in the text.
  CHECK(para_text("<w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>" + r("x")) == "x");
}

TEST_CASE("content controls at block, row, cell and run level") {
  Body b = read("<w:sdt><w:sdtPr><w:alias w:val=\"a\"/></w:sdtPr><w:sdtContent><w:p>" + r("段落") +
                "</w:p></w:sdtContent></w:sdt>"
                "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
                "<w:sdt><w:sdtContent><w:tr>" + tc("行") +
                "<w:sdt><w:sdtContent>" + tc("格") + "</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt>"
                "<w:tr><w:tc><w:p><w:sdt><w:sdtPr/><w:sdtContent>" + r("文字") +
                "</w:sdtContent></w:sdt></w:p></w:tc>" + tc("") + "</w:tr></w:tbl>");
  REQUIRE(b.blocks.size() == 2);
  CHECK(b.blocks[0].paragraph.text == "段落");
  const Table& t = b.blocks[1].table;
  REQUIRE(t.rows == 2);
  CHECK(t.at(0, 0).text == "行");
  CHECK(t.at(0, 1).text == "格");
  CHECK(t.at(1, 0).text == "文字");
}

TEST_CASE("mc:AlternateContent contributes one branch, never both") {
  CHECK(para_text(r("绩效") + "<mc:AlternateContent><mc:Choice Requires=\"w14\">" + r("目标表") +
                  "</mc:Choice><mc:Fallback>" + r("目标表") + "</mc:Fallback></mc:AlternateContent>") ==
        "绩效目标表");
  CHECK(para_text("<mc:AlternateContent><mc:Choice Requires=\"w14\">" + r("甲") +
                  "</mc:Choice></mc:AlternateContent>") == "甲");
}

TEST_CASE("elements are matched by namespace, not by prefix — Strict reads like Transitional") {
  std::string body = "<ns0:p><ns0:r><ns0:t>前缀不同</ns0:t></ns0:r></ns0:p>";
  auto b = read_body_xml(doc(body, "ns0"));
  REQUIRE(b.ok());
  REQUIRE(b->blocks.size() == 1);
  CHECK(b->blocks[0].paragraph.text == "前缀不同");

  std::string strict = "<w:p><w:r><w:t>严格</w:t></w:r></w:p>";
  auto s = read_body_xml(doc(strict, "w", "http://purl.oclc.org/ooxml/wordprocessingml/main"));
  REQUIRE(s.ok());
  CHECK(s->blocks.at(0).paragraph.text == "严格");

  // The same prefix bound to a foreign namespace is not WordprocessingML.
  std::string foreign = "<w:p><x:r xmlns:x=\"urn:other\"><x:t>外来</x:t></x:r>" + r("本来") + "</w:p>";
  CHECK(read_body_xml(doc(foreign))->blocks.at(0).paragraph.text == "本来");
}

TEST_CASE("merged cells resolve into a rectangular grid") {
  Body b = read(
      "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
      "<w:tr>" + tc("一级", "<w:vMerge w:val=\"restart\"/>") + tc("宽", "<w:gridSpan w:val=\"2\"/>") + "</w:tr>"
      "<w:tr>" + tc("", "<w:vMerge/>") + tc("b") + tc("c") + "</w:tr>"
      "<w:tr>" + tc("", "<w:vMerge w:val=\"continue\"/>") + tc("d") + tc("e") + "</w:tr>"
      "</w:tbl>");
  const Table t = only_table(b);
  REQUIRE(t.columns == 3);
  REQUIRE(t.rows == 3);
  CHECK(t.at(0, 0).role == CellRole::origin);
  CHECK(t.at(0, 0).row_span == 3);
  CHECK(t.at(1, 0).role == CellRole::v_continue);
  CHECK(t.at(2, 0).role == CellRole::v_continue);
  CHECK(t.origin_of(2, 0)->text == "一级");
  CHECK(t.at(0, 1).col_span == 2);
  CHECK(t.at(0, 2).role == CellRole::h_continue);
  CHECK(t.origin_of(0, 2)->text == "宽");
  CHECK(t.at(2, 2).text == "e");
}

TEST_CASE("what real files get wrong is read the way Word reads it") {
  SECTION("a continue with nothing above starts a cell") {
    const Table t = only_table(read("<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>" +
                                     tc("起", "<w:vMerge/>") + "</w:tr></w:tbl>"));
    CHECK(t.at(0, 0).role == CellRole::origin);
    CHECK(t.at(0, 0).text == "起");
  }
  SECTION("gridSpan of 0, negative or unreadable counts as 1; too large is clamped") {
    const Table t = only_table(read(
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>" +
        tc("a", "<w:gridSpan w:val=\"0\"/>") + tc("b", "<w:gridSpan w:val=\"-4\"/>") +
        tc("c", "<w:gridSpan w:val=\"x\"/>") + "</w:tr><w:tr>" +
        tc("wide", "<w:gridSpan w:val=\"2147483647\"/>") + "</w:tr></w:tbl>"));
    REQUIRE(t.columns == 3);
    CHECK(t.at(0, 2).text == "c");
    CHECK(t.at(1, 0).col_span == 3);
  }
  SECTION("a missing tblGrid takes its width from the widest row") {
    const Table t = only_table(read("<w:tbl><w:tr>" + tc("a") + "</w:tr><w:tr>" + tc("b") + tc("c") +
                                     tc("d") + "</w:tr></w:tbl>"));
    CHECK(t.columns == 3);
    CHECK(t.at(0, 1).role == CellRole::filler);
    CHECK(t.at(1, 2).text == "d");
  }
  SECTION("gridBefore and gridAfter leave fillers") {
    const Table t = only_table(read(
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/></w:trPr>" + tc("中") +
        "</w:tr></w:tbl>"));
    CHECK(t.at(0, 0).role == CellRole::filler);
    CHECK(t.origin_of(0, 0) == nullptr);
    CHECK(t.at(0, 1).text == "中");
    CHECK(t.at(0, 2).role == CellRole::filler);
  }
  SECTION("legacy hMerge widens the cell before it") {
    const Table t = only_table(read(
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>" +
        tc("合", "<w:hMerge w:val=\"restart\"/>") + tc("", "<w:hMerge w:val=\"continue\"/>") +
        "</w:tr></w:tbl>"));
    CHECK(t.at(0, 0).col_span == 2);
    CHECK(t.at(0, 1).role == CellRole::h_continue);
  }
}

TEST_CASE("cells join paragraphs with line breaks — nested tables stay in their cell") {
  Body b = read("<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p>" + r("1.甲") +
                "</w:p><w:p>" + r("2.乙") + "</w:p><w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>" +
                tc("内") + "</w:tr></w:tbl></w:tc></w:tr></w:tbl>"
                "<w:tbl><w:tr>" + tc("后") + "</w:tr></w:tbl>");
  REQUIRE(b.blocks.size() == 2);
  const Table& outer = b.blocks[0].table;
  CHECK(outer.index == 1);
  CHECK(outer.at(0, 0).text == "1.甲\n2.乙");
  REQUIRE(outer.at(0, 0).nested.size() == 1);
  CHECK(outer.at(0, 0).nested[0].index == 2);
  CHECK(outer.at(0, 0).nested[0].at(0, 0).text == "内");
  CHECK(b.blocks[1].table.index == 3);
}

TEST_CASE("deep nesting stops at the limit with a notice, without recursion on input depth") {
  std::string open, close;
  for (int i = 0; i < 2000; ++i) {
    open += "<w:tbl><w:tr><w:tc>";
    close += "<w:p/></w:tc></w:tr></w:tbl>";
  }
  Body b = read(open + "<w:p>" + r("底") + "</w:p>" + close);
  REQUIRE(b.blocks.size() == 1);
  CHECK_FALSE(b.notices.empty());
}

TEST_CASE("headings come from styles: outline level, Heading/标题 names, basedOn") {
  std::string styles =
      std::string("<w:styles xmlns:w=\"") + kW + "\">"
      "<w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 2\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"biaoti\"><w:name w:val=\"标题 1\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Outline\"><w:name w:val=\"My\"/><w:pPr>"
      "<w:outlineLvl w:val=\"2\"/></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Derived\"><w:name w:val=\"D\"/><w:basedOn w:val=\"Outline\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Loop\"><w:name w:val=\"L\"/><w:basedOn w:val=\"Loop\"/></w:style>"
      "</w:styles>";
  auto p = [](const char* style) {
    return std::string("<w:p><w:pPr><w:pStyle w:val=\"") + style + "\"/></w:pPr>" + r("t") + "</w:p>";
  };
  Body b = read(p("2") + p("biaoti") + p("Outline") + p("Derived") + p("Loop") +
                "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>" + r("直接") + "</w:p>", styles);
  REQUIRE(b.blocks.size() == 6);
  CHECK(b.heading_level(b.blocks[0].paragraph) == 2);
  CHECK(b.heading_level(b.blocks[1].paragraph) == 1);
  CHECK(b.heading_level(b.blocks[2].paragraph) == 3);
  CHECK(b.heading_level(b.blocks[3].paragraph) == 3);
  CHECK(b.heading_level(b.blocks[4].paragraph) == 0);
  CHECK(b.heading_level(b.blocks[5].paragraph) == 1);
}

TEST_CASE("the styles part is read only when a paragraph's level depends on it") {
  std::string broken = std::string("<w:styles xmlns:w=\"") + kW + "\"><w:style>";
  Body b = read("<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr>" + r("直接") + "</w:p>"
                "<w:p>" + r("正文") + "</w:p>"
                "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>" + r("标题") + "</w:p>", broken);
  REQUIRE(b.blocks.size() == 3);
  CHECK(b.heading_level(b.blocks[0].paragraph) == 2);
  CHECK(b.heading_level(b.blocks[1].paragraph) == 0);
  CHECK_FALSE(b.styles->problem());  // nothing so far needed the broken part
  CHECK(b.heading_level(b.blocks[2].paragraph) == 0);
  REQUIRE(b.styles->problem());
  CHECK(b.styles->problem()->en.find("word/styles.xml") != std::string::npos);
  CHECK(b.styles->problem()->en.find("styles ignored") != std::string::npos);
}

TEST_CASE("malformed XML is an error naming the part, line and column") {
  auto b = read_body_xml("<w:document xmlns:w=\"x\">\n<w:body><w:p></w:body>");
  REQUIRE_FALSE(b.ok());
  CHECK(b.error().kind == ErrorKind::bad_xml);
  CHECK(b.error().message.en.find("word/document.xml at line 2") != std::string::npos);
}

TEST_CASE("DTDs and entities are never expanded") {
  std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"AAAAAAAAAA\">"
                    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" +
                    doc("<w:p><w:r><w:t>&b;</w:t></w:r></w:p>").substr(38);
  auto b = read_body_xml(xml);
  if (b.ok()) CHECK(b->blocks.at(0).paragraph.text.size() < 10);
}

TEST_CASE("content nested past the handler's depth is skipped with one notice, from either source") {
  std::string open, close;
  for (int i = 0; i < 1200; ++i) {
    open += "<w:sdt><w:sdtContent>";
    close += "</w:sdtContent></w:sdt>";
  }
  Body b = read("<w:p>" + r("浅") + "</w:p>" + open + "<w:p>" + r("深") + "</w:p>" + close);
  REQUIRE(b.blocks.size() == 1);
  CHECK(b.blocks[0].paragraph.text == "浅");
  REQUIRE(b.notices.size() == 1);
  CHECK(b.notices[0].message.en.find("deeper than 1000 levels") != std::string::npos);
}

TEST_CASE("a row inside a paragraph is its text, unless the row is deleted") {
  CHECK(para_text(r("前") + "<w:tr><w:tc><w:p>" + r("中") + "</w:p></w:tc></w:tr>" + r("后")) == "前中后");
  CHECK(para_text(r("前") + "<w:tr><w:trPr><w:del/></w:trPr><w:tc><w:p><w:r><w:fldChar w:fldCharType=\"begin\"/>" +
                  "</w:r>" + r("删") + "</w:p></w:tc></w:tr>" + r("后")) == "前后");
}
