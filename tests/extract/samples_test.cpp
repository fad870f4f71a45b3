// The faithful sample of the real Beixinbao document, read through the library: what its
// README states, asserted by hand (the full field-by-field comparison is check_samples.py).
#include <catch2/catch.hpp>

#include "jixiao/pipeline.hpp"

using namespace jixiao;

namespace {

const Document& reference() {
  static Expected<Document> doc =
      read_document(std::string(JIXIAO_SOURCE_DIR) + "/samples/beixinbao-2021.docx");
  REQUIRE(doc.ok());
  return doc.value();
}

Document sample(const char* name) {
  auto doc = read_document(std::string(JIXIAO_SOURCE_DIR) + "/samples/" + name);
  REQUIRE(doc.ok());
  return std::move(doc.value());
}

}  // namespace

TEST_CASE("the reference: eight projects whose budgets add up to 326.46 万元") {
  const Document& d = reference();
  REQUIRE(d.projects.size() == 8);
  Decimal total = Decimal::from_int(0);
  for (const Project& p : d.projects) {
    REQUIRE(p.budget.total);
    total = *total.plus(*p.budget.total);
    CHECK(p.amount_unit == std::optional<std::string>("万元"));
    REQUIRE(p.unit);
    CHECK(p.unit->code == "803004");
    CHECK(p.unit->name == "怀来县北辛堡镇人民政府");
    CHECK(p.indicators.size() == 6);
    CHECK(p.schedule.size() == 4);
    REQUIRE(p.goals);
    CHECK(p.goals->size() == 3);
  }
  CHECK(total.to_string() == "326.46");
  CHECK(d.warnings.empty());
}

TEST_CASE("the reference: fields exactly as written") {
  const Document& d = reference();
  const Project& p1 = d.projects[0];
  CHECK(p1.heading->number == "1、");
  CHECK(p1.code == std::optional<std::string>("130730214PCNEHSITHCRB"));
  CHECK(p1.budget.total->to_string() == "12.57");
  CHECK(p1.budget.other->to_string() == "0");
  CHECK(p1.schedule[0].period == "3月底");
  CHECK(p1.schedule[0].percent->to_string() == "25");
  CHECK(p1.schedule[0].text == "25.00%");
  CHECK((*p1.goals)[0] == "离任村干部生活补贴及时足额发放");
  CHECK(p1.indicators[1].level1 == "产出指标");  // merged down from the row above
  CHECK(p1.indicators[1].at.table == 2);
  CHECK(p1.indicators[1].at.row == 3);
  CHECK(d.projects[3].heading->number == "4.");
  CHECK(d.projects[5].schedule[0].text == "20.00%");
  // Project 8: the double space and the ideographic space survive.
  const Project& p8 = d.projects[7];
  CHECK(p8.name == std::optional<std::string>("办案及业务经费  北辛堡镇"));
  CHECK(p8.indicators[1].level2 == "成本指标");
  CHECK(p8.indicators[1].description == "\u3000不超年初预算");
  CHECK(p8.indicators[1].value.op == std::optional<std::string>(">="));
  CHECK(p8.indicators[1].value.unit == std::optional<std::string>("百分比"));
  // Project 3: its last two indicator rows are identical.
  const auto& i3 = d.projects[2].indicators;
  CHECK(i3[4].level3 == i3[5].level3);
  CHECK(i3[4].description == i3[5].description);
  CHECK(i3[4].value.text == "≥90优");
  CHECK(i3[4].value.grade == std::optional<std::string>("优"));
  CHECK(d.department.overall_goal->find("全乡") != std::string::npos);
  CHECK(d.department.safeguards->find("全镇") != std::string::npos);
}

TEST_CASE("variants of layout give the reference's data") {
  const Document& ref = reference();
  for (const char* name : {"level1-repeated.docx", "spaced-labels.docx", "goals-one-paragraph.docx",
                           "split-table.docx"}) {
    INFO(name);
    Document d = sample(name);
    REQUIRE(d.projects.size() == ref.projects.size());
    for (std::size_t k = 0; k < d.projects.size(); ++k) {
      const Project &a = d.projects[k], &b = ref.projects[k];
      CHECK(a.code == b.code);
      CHECK(a.name == b.name);
      CHECK(*a.budget.total == *b.budget.total);
      CHECK(*a.goals == *b.goals);
      REQUIRE(a.indicators.size() == b.indicators.size());
      for (std::size_t i = 0; i < a.indicators.size(); ++i) {
        CHECK(a.indicators[i].level1 == b.indicators[i].level1);
        CHECK(a.indicators[i].level2 == b.indicators[i].level2);
        CHECK(a.indicators[i].value.text == b.indicators[i].value.text);
      }
    }
  }
}

TEST_CASE("full-width amounts in 元 with thousands separators") {
  Document d = sample("fullwidth-amounts.docx");
  REQUIRE(d.projects.size() == 8);
  CHECK(d.projects[0].amount_unit == std::optional<std::string>("元"));
  CHECK(d.projects[0].budget.total->to_string() == "125700");
  CHECK(d.projects[1].budget.fiscal->to_string() == "1333800");
  CHECK(d.projects[0].schedule[0].text == "２５．００％");
  CHECK(d.projects[0].schedule[0].percent->to_string() == "25");
}

TEST_CASE("an indicator table split by a page break stays with its project") {
  Document d = sample("split-table.docx");
  CHECK(d.projects[1].indicator_tables == std::vector<int>{4, 5});  // header repeated
  CHECK(d.projects[4].indicator_tables == std::vector<int>{11, 12});  // no header
  CHECK(d.projects[4].indicators.size() == 6);
  CHECK(d.projects[4].indicators[4].at.table == 12);
  CHECK(d.projects[4].indicators[4].at.row == 1);
  CHECK(d.projects[4].indicators[4].level1 == "满意度指标");
}

TEST_CASE("Word's constructs: split runs, content controls, fields, tracked changes") {
  Document d = sample("word-features.docx");
  REQUIRE(d.projects.size() == 2);
  const Project& p = d.projects[0];
  CHECK(p.heading->text == "村级组织运转经费（离任生活补贴）北辛堡镇绩效目标表");  // one branch
  CHECK(p.code == std::optional<std::string>("130730214PCNEHSITHCRB"));        // run-level sdt
  CHECK(p.name == std::optional<std::string>("村级组织运转经费（离任生活补贴）北辛堡镇"));  // ins, no del
  CHECK(p.budget.total->to_string() == "12.57");  // field result, not 99.99
  CHECK(p.amount_unit == std::optional<std::string>("万元"));  // fldSimple
  CHECK(p.indicators.size() == 6);  // the deleted row is gone
  for (const Indicator& i : p.indicators) CHECK(i.level3 != "已删除的行");
  CHECK(d.department.overall_goal->rfind("完成县级下达", 0) == 0);  // block-level sdt
}
