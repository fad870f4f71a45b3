// The engine (configuration, order, fixes) and each rule's edge cases on small models built here;
// every rule's own fixture documents are tested in fixtures_test.cpp.
#include <catch2/catch.hpp>

#include <algorithm>

#include "jixiao/check.hpp"
#include "util/text.hpp"

using namespace jixiao;

namespace {

Decimal dec(const char* s) { return *Decimal::parse(s); }

Indicator row(const char* l1, const char* l2, const char* l3, const char* value, int r) {
  Indicator i;
  i.level1 = l1;
  i.level2 = l2;
  i.level3 = l3;
  i.description = std::string(l3) + "的说明";
  i.value.text = value;
  if (std::string(value) == "≥95%") {
    i.value.op = ">=";
    i.value.number = dec("95");
    i.value.unit = "%";
  }
  i.basis = "年度工作计划";
  i.at = {2, r, 0};
  return i;
}

// A project that passes every rule.
Project clean(int seq = 1, const char* code = "13073021EOT8X7ZTVTKA0") {
  Project p;
  p.seq = seq;
  p.heading = Heading{std::to_string(seq) + "、", "专项经费绩效目标表"};
  p.unit = Unit{"803004", "怀来县北辛堡镇人民政府"};
  p.amount_unit = "万元";
  p.code = code;
  p.name = "专项经费";
  p.budget = {dec("10.5"), dec("10.25"), dec("0.25"), {"10.5", "10.25", "0.25"}};
  p.purpose = "用于专项工作";
  for (auto [period, pct] : {std::pair{"3月底", "25"}, {"6月底", "50"}, {"10月底", "75"}, {"12月底", "100"}})
    p.schedule.push_back({period, dec(pct), std::string(pct) + "%"});
  p.goals = std::vector<std::string>{"甲", "乙"};
  p.goal_numbers = {1, 2};
  p.indicators = {row("产出指标", "数量指标", "完成数", "≥95%", 2), row("产出指标", "质量指标", "合格率", "≥95%", 3),
                  row("产出指标", "时效指标", "及时率", "≥95%", 4), row("效益指标", "社会效益指标", "稳定", "≥95%", 5),
                  row("满意度指标", "服务对象满意度指标", "满意度", "≥95%", 6)};
  p.card_table = 1;
  p.indicator_tables = {2};
  return p;
}

Document doc_of(std::vector<Project> projects) {
  Document d;
  d.source.path = "t.docx";
  d.projects = std::move(projects);
  d.department.overall_goal = "大力发展全镇经济";
  return d;
}

std::vector<std::string> ids(const Document& d, const Config& config = {}) {
  Checker checker;
  std::vector<std::string> out;
  for (const Finding& f : checker.check(d, config)) out.emplace_back(f.rule);
  return out;
}

bool fires(const char* id, const Document& d, const Config& config = {}) {
  auto v = ids(d, config);
  return std::find(v.begin(), v.end(), id) != v.end();
}

}  // namespace

TEST_CASE("a clean document has no findings") {
  CHECK(ids(doc_of({clean()})).empty());
}

TEST_CASE("JX001 no-target-tables") {
  CHECK(fires("JX001", doc_of({})));
  CHECK_FALSE(fires("JX001", doc_of({clean()})));
}

TEST_CASE("JX002 field-missing, once per missing field") {
  Project p = clean();
  p.code.reset();
  p.goals.reset();
  p.indicator_tables.clear();
  p.indicators.clear();
  auto v = ids(doc_of({p}));
  CHECK(std::count(v.begin(), v.end(), "JX002") == 3);
}

TEST_CASE("JX101 budget-sum, exact") {
  Project p = clean();
  p.budget.fiscal = dec("10.24");
  CHECK(fires("JX101", doc_of({p})));
  Checker c;
  auto f = c.check(doc_of({p}), {});
  CHECK(f.at(0).message.zh == "预算数 10.5 ≠ 财政资金 10.24 + 其他资金 0.25");
  p.budget.fiscal = dec("10.250");  // the same number written longer
  CHECK_FALSE(fires("JX101", doc_of({p})));
}

TEST_CASE("JX102 amount-invalid") {
  Project p = clean();
  p.budget.other.reset();
  p.budget.written.other = "无";
  CHECK(fires("JX102", doc_of({p})));
  Project q = clean();
  q.budget.total = dec("-10.5");
  q.budget.fiscal = dec("-10.75");
  CHECK(fires("JX102", doc_of({q})));
  CHECK_FALSE(fires("JX102", doc_of({clean()})));
}

TEST_CASE("JX103 schedule-order, JX104 schedule-final, JX105 percent-invalid") {
  Project p = clean();
  p.schedule[1].percent = dec("20");
  CHECK(fires("JX103", doc_of({p})));
  Project q = clean();
  q.schedule[3].percent = dec("90");
  CHECK(fires("JX104", doc_of({q})));
  CHECK_FALSE(fires("JX103", doc_of({q})));
  Project r = clean();
  r.schedule[0].percent.reset();
  r.schedule[0].text = "约一半";
  CHECK(fires("JX105", doc_of({r})));
  Project s = clean();
  s.schedule[3].percent = dec("120");
  CHECK(fires("JX105", doc_of({s})));
  for (const char* id : {"JX103", "JX104", "JX105"}) CHECK_FALSE(fires(id, doc_of({clean()})));
}

TEST_CASE("JX201–JX204: the framework") {
  Project p = clean();
  p.indicators[3].level1 = "工作指标";
  CHECK(fires("JX201", doc_of({p})));
  Project q = clean();
  q.indicators[0].level2 = "社会效益指标";
  CHECK(fires("JX202", doc_of({q})));
  Project r = clean();
  r.indicators.pop_back();
  CHECK(fires("JX203", doc_of({r})));
  Project s = clean();
  s.indicators.erase(s.indicators.begin() + 2);
  CHECK(fires("JX204", doc_of({s})));
  for (const char* id : {"JX201", "JX202", "JX203", "JX204"}) CHECK_FALSE(fires(id, doc_of({clean()})));
  // Names match without the trailing 指标 and spaces.
  Project t = clean();
  t.indicators[0].level1 = "产出";
  t.indicators[0].level2 = "数 量";
  CHECK(ids(doc_of({t})).empty());
}

TEST_CASE("profiles: auto takes 2021 when a row's 一级 is 成本指标") {
  Project p = clean();
  p.indicators.push_back(row("成本指标", "经济成本指标", "单位成本", "≤8万元", 7));
  p.indicators.back().value = {"≤8万元", "<=", dec("8"), "万元", std::nullopt};
  CHECK_FALSE(fires("JX201", doc_of({p})));  // 2021: 成本 is a category
  Config c2015;
  c2015.profile = Profile::y2015;
  CHECK(fires("JX201", doc_of({p}), c2015));
  Config c2021;
  c2021.profile = Profile::y2021;
  CHECK(fires("JX203", doc_of({clean()}), c2021));  // 2021 requires 成本
  // 2015 allows 成本 under 产出; 2021 does not.
  Project q = clean();
  q.indicators[0].level2 = "成本指标";
  CHECK_FALSE(fires("JX202", doc_of({q})));
  CHECK(fires("JX202", doc_of({q}), c2021));
}

TEST_CASE("JX205–JX212: the rows") {
  Project p = clean();
  p.indicators.push_back(p.indicators.back());
  p.indicators.back().at.row = 7;
  CHECK(fires("JX205", doc_of({p})));
  Project q = clean();
  q.indicators[0].value = IndicatorValue{};
  CHECK(fires("JX206", doc_of({q})));
  CHECK_FALSE(fires("JX207", doc_of({q})));
  Project r = clean();
  r.indicators[0].value = {"及时", std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  CHECK(fires("JX207", doc_of({r})));
  Project s = clean();
  s.indicators[0].value = {"≥90优", ">=", dec("90"), std::nullopt, "优"};
  CHECK(fires("JX208", doc_of({s})));
  CHECK_FALSE(fires("JX207", doc_of({s})));
  Project t = clean();
  t.indicators[0].value.unit = "百分比";
  CHECK(fires("JX209", doc_of({t})));
  t.indicators[0].value.unit = "％";
  CHECK(fires("JX209", doc_of({t})));
  Project u = clean();
  u.indicators[0].level2 = "成本指标";
  CHECK(fires("JX210", doc_of({u})));
  u.indicators[0].value = {"≤8万元", "<=", dec("8"), "万元", std::nullopt};
  CHECK_FALSE(fires("JX210", doc_of({u})));
  Project v = clean();
  v.indicators[0].basis = " ";
  CHECK(fires("JX211", doc_of({v})));
  Project w = clean();
  w.indicators[0].level3 = "";
  CHECK(fires("JX212", doc_of({w})));
  for (const char* id : {"JX205", "JX206", "JX207", "JX208", "JX209", "JX210", "JX211", "JX212"})
    CHECK_FALSE(fires(id, doc_of({clean()})));
}

TEST_CASE("JX301–JX305: codes and units") {
  CHECK(fires("JX301", doc_of({clean(1, "13073021EOT8X7ZTVTKA")})));
  Config custom;
  custom.rules["JX301"].options["pattern"] = "^[0-9A-Z]{20}$";
  CHECK_FALSE(fires("JX301", doc_of({clean(1, "13073021EOT8X7ZTVTKA")}), custom));
  CHECK(fires("JX302", doc_of({clean(1), clean(2)})));
  CHECK_FALSE(fires("JX302", doc_of({clean(1), clean(2, "13073021QSG9Q0W39DNK9")})));
  Checker across;
  Document a = doc_of({clean(1)}), b = doc_of({clean(1)});
  b.source.path = "other.docx";
  CHECK(across.check(a, {}).empty());
  auto found = across.check(b, {});
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "JX302");
  CHECK(found[0].message.en.find("t.docx") != std::string::npos);
  // Within a document: each repeat named after the first card with its code (spaces aside),
  // in card order; across documents, after the document that had it first.
  Checker within;
  Document repeats = doc_of({clean(1, "13073021QSG9Q0W39DNK9"), clean(2), clean(3, "13073021 EOT8X7ZTVTKA0"),
                             clean(4, "13073021QSG9Q0W39DNK9"), clean(5)});
  std::vector<Finding> twice;
  for (Finding& f : within.check(repeats, {}))
    if (f.rule == "JX302") twice.push_back(f);
  REQUIRE(twice.size() == 3);
  CHECK(twice[0].project_seq == 3);
  CHECK(twice[0].message.zh == "项目编码 13073021 EOT8X7ZTVTKA0 与本文档项目2重复");
  CHECK(twice[1].message.zh == "项目编码 13073021QSG9Q0W39DNK9 与本文档项目1重复");
  CHECK(twice[2].message.zh == "项目编码 13073021EOT8X7ZTVTKA0 与本文档项目2重复");
  Document later = doc_of({clean(7, "13073021QSG9Q0W39DNK9"), clean(8, "13073021QSG9Q0W39DNK8")});
  later.source.path = "later.docx";
  std::vector<Finding> again;
  for (Finding& f : within.check(later, {}))
    if (f.rule == "JX302") again.push_back(f);
  REQUIRE(again.size() == 1);
  CHECK(again[0].message.en == "项目编码 13073021QSG9Q0W39DNK9 repeats project 1 of " + repeats.source.path);
  Config year;
  year.year = 2022;
  CHECK(fires("JX303", doc_of({clean()}), year));
  year.year = 2021;
  CHECK_FALSE(fires("JX303", doc_of({clean()}), year));
  Document stated = doc_of({clean()});
  stated.year = 2020;
  CHECK(fires("JX303", stated));
  CHECK_FALSE(fires("JX303", doc_of({clean()})));  // no year known: nothing to compare
  Project other = clean(2, "13073021QSG9Q0W39DNK9");
  other.unit = Unit{"803005", "怀来县土木镇人民政府"};
  CHECK(fires("JX304", doc_of({clean(), other})));
  Document mixed = doc_of({clean()});
  mixed.department.safeguards = "保障全乡工作顺利完成";
  CHECK(fires("JX305", mixed));
}

TEST_CASE("JX401–JX404: tidiness") {
  Project second = clean(2, "13073021QSG9Q0W39DNK9");
  second.heading->number = "2.";
  CHECK(fires("JX401", doc_of({clean(), second})));
  second.heading->number = "3、";
  CHECK(fires("JX401", doc_of({clean(), second})));  // skips 2
  second.heading->number = "２、";                    // full-width digit, same style
  CHECK_FALSE(fires("JX401", doc_of({clean(), second})));
  Project p = clean();
  p.heading->text = "另一项目绩效目标表";
  CHECK(fires("JX402", doc_of({p})));
  Project q = clean();
  q.name = "专项 经费";
  q.heading->text = "专项经费绩效目标表";  // spaces aside, the same name
  CHECK_FALSE(fires("JX402", doc_of({q})));
  CHECK(fires("JX403", doc_of({q})) == false);
  q.name = "专项  经费";
  CHECK(fires("JX403", doc_of({q})));
  Project r = clean();
  r.indicators[1].description = "\u3000不超年初预算";
  CHECK(fires("JX403", doc_of({r})));
  Project s = clean();
  s.goal_numbers = {1, 1};
  CHECK(fires("JX404", doc_of({s})));
  s.goal_numbers = {1, 3};
  CHECK(fires("JX404", doc_of({s})));
}

TEST_CASE("JX403 sees every space the text helpers count, at the end of a Chinese text") {
  // The rule passes over a field by its bytes when they can hold no space: every code point
  // is_space counts must still be seen.
  int spaces = 0, missed = 0;
  for (char32_t c = 1; c < 0x110000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (!text::is_space(c)) continue;
    ++spaces;
    // At every offset from a 16-byte boundary, past the first sixteen bytes.
    for (int pad = 0; pad < 17; ++pad) {
      Project p = clean();
      p.name = std::string(static_cast<std::size_t>(pad), 'x') + "专项经费专项经费";
      text::append_utf8(*p.name, c);
      missed += !fires("JX403", doc_of({p}));
    }
  }
  CHECK(spaces >= 25);
  CHECK(missed == 0);
  Project q = clean();
  q.name = "专项经费，“全年”。（一）";  // full-width punctuation, quotes: no space
  CHECK_FALSE(fires("JX403", doc_of({q})));
}

TEST_CASE("configuration: off, severity, select, ignore") {
  Project p = clean();
  p.budget.fiscal = dec("1");
  Document d = doc_of({p});
  Config off;
  off.rules["JX101"].off = true;
  CHECK_FALSE(fires("JX101", d, off));
  Config warn;
  warn.rules["JX101"].severity = Severity::warning;
  Checker c;
  CHECK(c.check(d, warn).at(0).severity == Severity::warning);
  Config select;
  select.select = {"JX2"};
  CHECK_FALSE(fires("JX101", d, select));
  Config ignore;
  ignore.ignore = {"JX1"};
  CHECK_FALSE(fires("JX101", d, ignore));
}

TEST_CASE("findings are sorted by project, position, rule") {
  Project p = clean();
  p.indicators[2].level3 = "";
  p.indicators[0].basis = "";
  p.budget.fiscal = dec("1");
  Checker c;
  auto f = c.check(doc_of({p}), {});
  REQUIRE(f.size() == 3);
  CHECK(f[0].rule == "JX101");
  CHECK(f[1].at.row == 2);
  CHECK(f[2].at.row == 4);
}

TEST_CASE("every rule has its documentation, and ids are unique and ordered") {
  auto rules = rule_catalogue();
  CHECK(rules.size() >= 27);
  for (std::size_t k = 0; k < rules.size(); ++k) {
    INFO(rules[k].id);
    CHECK(std::string(rules[k].explanation.zh).find("错误示例") != std::string::npos);
    CHECK(std::string(rules[k].explanation.en).find("Bad:") != std::string::npos);
    CHECK(std::string(rules[k].explanation.en).find("Good:") != std::string::npos);
    if (k) CHECK(std::string(rules[k - 1].id) < rules[k].id);
  }
}

TEST_CASE("fixes: units, spaces, heading numbers — nothing else") {
  Project p = clean();
  p.indicators[0].value = {"≥90百分比", ">=", dec("90"), "百分比", std::nullopt};
  p.indicators[1].description = "\u3000不超  年初预算 ";
  p.name = " 专项经费";
  Project q = clean(2, "13073021QSG9Q0W39DNK9");
  q.heading->number = "2.";
  Project r = clean(3, "13073021TW4KB9Y0R4AMU");
  r.heading->number = "5．";
  Document d = doc_of({p, q, r});
  auto applied = apply_fixes(d);
  CHECK(applied == std::vector<std::string>{"JX209", "JX401", "JX403"});
  CHECK(d.projects[0].indicators[0].value.text == "≥90%");
  CHECK(d.projects[0].indicators[0].value.unit == std::optional<std::string>("%"));
  CHECK(d.projects[0].indicators[1].description == "不超 年初预算");
  CHECK(d.projects[0].name == std::optional<std::string>("专项经费"));
  CHECK(d.projects[1].heading->number == "2、");
  CHECK(d.projects[2].heading->number == "3、");
  CHECK(*d.projects[0].budget.total == dec("10.5"));
  CHECK(ids(d).empty());
  CHECK(apply_fixes(d).empty());  // nothing left to fix
  Config off;
  off.ignore = {"JX4"};
  Document e = doc_of({p, q});
  CHECK(apply_fixes(e, off) == std::vector<std::string>{"JX209"});
}
