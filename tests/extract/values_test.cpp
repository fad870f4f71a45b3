#include <catch2/catch.hpp>

#include "extract/labels.hpp"
#include "extract/values.hpp"
#include "util/text.hpp"

using namespace jixiao;
using namespace jixiao::extract;

static std::string str(const std::optional<Decimal>& d) { return d ? d->to_string() : "null"; }
static std::string str(const std::optional<std::string>& s) { return s ? *s : "null"; }

TEST_CASE("amounts read as written: full width, thousands separators, units") {
  CHECK(str(parse_amount("12.57")) == "12.57");
  CHECK(str(parse_amount("１２．５７")) == "12.57");
  CHECK(str(parse_amount("1,234.56")) == "1234.56");
  CHECK(str(parse_amount("１，２３４．５６")) == "1234.56");
  CHECK(str(parse_amount(" 8.00 ")) == "8");
  CHECK(str(parse_amount("12.57万元")) == "12.57");
  CHECK(str(parse_amount("￥300")) == "300");
  CHECK(str(parse_amount("-5")) == "-5");
  CHECK(str(parse_amount("")) == "null");
  CHECK(str(parse_amount("十二万")) == "null");
  CHECK(str(parse_amount("12,57")) == "null");
  CHECK(str(parse_amount("1,2345")) == "null");
}

TEST_CASE("percentages") {
  CHECK(str(parse_percent("25.00%")) == "25");
  CHECK(str(parse_percent("２５．００％")) == "25");
  CHECK(str(parse_percent("100")) == "100");
  CHECK(str(parse_percent("约25%")) == "null");
}

TEST_CASE("indicator values: comparator, number, unit, grade, text kept") {
  struct Case {
    const char* text;
    const char* op;
    const char* number;
    const char* unit;
    const char* grade;
  } cases[] = {
      {"≥90优", ">=", "90", "null", "优"},
      {"≥90百分比", ">=", "90", "百分比", "null"},
      {"100%", "null", "100", "%", "null"},
      {"＞＝95％", ">=", "95", "％", "null"},
      {"不低于95%", ">=", "95", "%", "null"},
      {"不超过 8 万元", "<=", "8", "万元", "null"},
      {"≤8万元", "<=", "8", "万元", "null"},
      {"90%以上", ">=", "90", "%", "null"},
      {"=3个", "=", "3", "个", "null"},
      {"<5天", "<", "5", "天", "null"},
      {"优", "null", "null", "null", "优"},
      {"及时", "null", "null", "null", "null"},
      {"≥", "null", "null", "null", "null"},
      {"", "null", "null", "null", "null"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    IndicatorValue v = parse_indicator_value(c.text);
    CHECK(v.text == c.text);
    CHECK(str(v.op) == c.op);
    CHECK(str(v.number) == c.number);
    CHECK(str(v.unit) == c.unit);
    CHECK(str(v.grade) == c.grade);
  }
}

static std::vector<std::string> goals(const char* text) {
  std::vector<std::string> out;
  for (const Goal& g : split_goals(text)) out.push_back(g.text);
  return out;
}

TEST_CASE("goals: one per paragraph or run together, numbering removed") {
  using V = std::vector<std::string>;
  CHECK(goals("1.村级正常运转。\n2.村干部工资及时发放。\n3.村级各项事业顺利开展。") ==
        V{"村级正常运转。", "村干部工资及时发放。", "村级各项事业顺利开展。"});
  CHECK(goals("1.村级正常运转。2.村干部工资及时发放。3.村级各项事业顺利开展。") ==
        V{"村级正常运转。", "村干部工资及时发放。", "村级各项事业顺利开展。"});
  CHECK(goals("（1）甲；（2）乙") == V{"甲；", "乙"});
  CHECK(goals("①甲②乙③丙") == V{"甲", "乙", "丙"});
  CHECK(goals("1、补助2.5万元发放到位\n2、群众满意") == V{"补助2.5万元发放到位", "群众满意"});
  // A number out of sequence inside an item is text, not a new item.
  CHECK(goals("1.完成5.2公里道路\n2.验收") == V{"完成5.2公里道路", "验收"});
  CHECK(goals("保障运转\n提高效率") == V{"保障运转", "提高效率"});
  auto numbered = split_goals("1.甲\n1.乙\n3.丙");
  REQUIRE(numbered.size() == 3);
  CHECK(*numbered[1].number == 1);
  CHECK(*numbered[2].number == 3);
}

TEST_CASE("labels match through spaces, colons, 其中 and synonyms") {
  CHECK(match_label("项 目 编 码") == Field::project_code);
  CHECK(match_label("项目编号") == Field::project_code);
  CHECK(match_label("其中：财政资金") == Field::budget_fiscal);
  CHECK(match_label("其中: 财政 资金") == Field::budget_fiscal);
  CHECK(match_label("资金支出计划（%）") == Field::schedule);
  CHECK(match_label("年度绩效目标") == Field::goals);
  CHECK(match_label("指标内容") == Field::description);
  std::string unit;
  CHECK(match_label("预算数（万元）", &unit) == Field::budget_total);
  CHECK(unit == "万元");
  CHECK_FALSE(match_label("村级组织运转经费").has_value());
  CHECK_FALSE(match_label("12.57").has_value());
  // Leading spaces of every kind and one colon, full-width or not, come off before the quick
  // test of the first character; a second colon does not.
  CHECK(match_label("\u3000 \u00A0：项目名称") == Field::project_name);
  CHECK(match_label(": 项目名称") == Field::project_name);
  CHECK_FALSE(match_label("：：项目名称").has_value());
  CHECK_FALSE(match_label("\xff项目名称").has_value());
  CHECK_FALSE(match_label("\u3000\u3000").has_value());
  for (const char* label : {"三级指标", "一级指标", "部门名称", "自筹资金", "主要用途", "支出计划", "财政拨款"})
    CHECK(match_label(std::string("\t") + label + "：").has_value());
}

TEST_CASE("trim and is_blank cut at code points and keep well-formed text unchanged") {
  using jixiao::text::is_blank;
  using jixiao::text::trim;
  CHECK(trim("\u3000 项目\u00A0名称 \u2003\n") == "项目\u00A0名称");
  CHECK(trim("  ab ") == "ab");
  CHECK(trim("\u3000\u3000").empty());
  CHECK(trim("\u3000\xff x") == "\uFFFD x");        // invalid bytes become U+FFFD, as decoded
  CHECK(trim("\xc0\xa0项") == "项");                  // an overlong space is a space, as decoded
  CHECK(trim("\xc0\xa1项") == "!项");                 // an overlong form is decoded and re-encoded
  // The view: the same cut of well-formed text, invalid bytes left as they are, nothing copied.
  using jixiao::text::trim_view;
  CHECK(trim_view("\u3000 项目\u00A0名称 \u2003\n") == "项目\u00A0名称");
  CHECK(trim_view("  ab ") == "ab");
  CHECK(trim_view("\u3000\u3000").empty());
  CHECK(trim_view("").empty());
  CHECK(trim_view("\u3000\xff x\xE4\xB8") == "\xff x\xE4\xB8");  // a cut-off character ends it
  CHECK(trim_view("% ") == "%");
  CHECK(trim_view("\xA0\xA0") == "\xA0\xA0");  // stray continuation bytes are no space
  // Labels are compared folded: no spaces, full-width forms as ASCII, invalid bytes as written.
  CHECK(jixiao::text::fold_for_matching("项 目\u3000名称 （Ａ１）：\xff\xE4\xB8") == "项目名称(A1):\xff\xE4\xB8");
  CHECK(is_blank(""));
  CHECK(is_blank(" \u3000\t\u200B"));
  CHECK_FALSE(is_blank(" \u3000x"));
  CHECK_FALSE(is_blank("\xff"));
}

TEST_CASE("unit lines and headings") {
  auto u = unit_line("803004怀来县北辛堡镇人民政府");
  REQUIRE(u);
  CHECK(u->code == "803004");
  CHECK(u->name == "怀来县北辛堡镇人民政府");
  CHECK_FALSE(unit_line("130730214PCNEHSITHCRB").has_value());
  CHECK(amount_unit_line("单位：万元") == std::optional<std::string>("万元"));
  CHECK(amount_unit_line("金额单位: 元") == std::optional<std::string>("元"));
  for (auto [text, number, rest] : {std::tuple{"1、村级组织运转经费绩效目标表", "1、", "村级组织运转经费绩效目标表"},
                                    std::tuple{"4.乡镇级转移支付绩效目标表", "4.", "乡镇级转移支付绩效目标表"},
                                    std::tuple{"５．专项绩效目标表", "５．", "专项绩效目标表"},
                                    std::tuple{"（2）专项绩效目标表", "（2）", "专项绩效目标表"},
                                    std::tuple{"8.办案及业务经费  北辛堡镇绩效目标表 ", "8.", "办案及业务经费  北辛堡镇绩效目标表 "}}) {
    auto h = project_heading(text);
    REQUIRE(h);
    CHECK(h->number == number);
    CHECK(h->text == rest);
  }
  CHECK_FALSE(project_heading("一、总体绩效目标").has_value());
  CHECK_FALSE(project_heading("1、村级组织运转经费绩效目标表\t3").has_value());  // a TOC line
  CHECK(department_section("一、总体绩效目标") == Section::overall_goal);
  CHECK(department_section("（二）分项绩效目标：") == Section::sub_goals);
  CHECK(department_section("三、工作保障措施") == Section::safeguards);
  // Spaces, full-width forms and a colon after the title; text that only ends like one.
  CHECK(department_section("  一 、 总 体 绩 效 目 标 ： \u3000") == Section::overall_goal);
  CHECK(department_section("(1)保障措施:") == Section::safeguards);
  CHECK_FALSE(department_section("完成县级下达的各项目标").has_value());
  CHECK_FALSE(department_section("总体绩效目标。").has_value());
  CHECK_FALSE(department_section("总体绩效目标::").has_value());
  CHECK_FALSE(department_section("总体绩效目标\x80").has_value());
}

TEST_CASE("a title states the budget year") {
  CHECK(budget_year_title("怀来县北辛堡镇人民政府2021年度部门预算绩效目标") == std::optional<int>(2021));
  CHECK(budget_year_title("２０２２年预算项目绩效目标") == std::optional<int>(2022));
  CHECK_FALSE(budget_year_title("保证2021年全镇9个行政村村两委干部工资").has_value());
  CHECK_FALSE(budget_year_title("12021年预算").has_value());
}

TEST_CASE("every label as written reads back as its field") {
  for (int f = 0; f <= static_cast<int>(Field::long_term_indicators); ++f) {
    auto field = static_cast<Field>(f);
    INFO(label_text(field));
    CHECK(match_label(label_text(field)) == field);
  }
  for (Section s : {Section::overall_goal, Section::sub_goals, Section::safeguards})
    CHECK(department_section(section_title(s)) == s);
  CHECK(amount_unit_line(amount_unit_text("万元")) == std::optional<std::string>("万元"));
}

TEST_CASE("a date or deadline is no number") {
  using jixiao::extract::is_date_value;
  using jixiao::extract::parse_indicator_value;
  for (const char* date : {"2022年12月底前", "2022年", "６月底", "6月30日前", "12月份"}) {
    CHECK(is_date_value(date));
    auto v = parse_indicator_value(date);
    CHECK(v.text == date);
    CHECK_FALSE(v.number);
    CHECK_FALSE(v.unit);
    CHECK_FALSE(v.op);
  }
  for (const char* not_date : {"≤12个月", "3个月", "2022", "≥95%", "12月", "逐步提高"}) CHECK_FALSE(is_date_value(not_date));
  auto months = parse_indicator_value("≤12个月");
  REQUIRE(months.number);
  CHECK(months.number->to_string() == "12");
  CHECK(months.unit == std::optional<std::string>("个月"));
}
