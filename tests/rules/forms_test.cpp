// The rules on the other provinces' forms (samples/make_forms.py): each sample, as python-docx and
// as LibreOffice wrote it, gives exactly the findings its content calls for — none of the
// reference form's demands (项目编码, a schedule, 指标值确定依据) where the form has no such field.
#include <catch2/catch.hpp>

#include <set>
#include <tuple>

#include "jixiao/check.hpp"
#include "jixiao/config.hpp"
#include "jixiao/pipeline.hpp"

using namespace jixiao;

namespace {

using Found = std::set<std::tuple<std::string, int, int, int>>;  // rule, project, table, row

Document read_form(const std::string& name) {
  auto doc = read_document(std::string(JIXIAO_SOURCE_DIR) + "/samples/" + name + ".docx");
  REQUIRE(doc.ok());
  return *doc;
}

Found findings(const Document& doc) {
  Checker checker;
  Found out;
  for (const Finding& f : checker.check(doc, {})) out.insert({std::string(f.rule), f.project_seq, f.at.table, f.at.row});
  return out;
}

}  // namespace

TEST_CASE("the other forms get the findings their content calls for, and no others") {
  const std::pair<const char*, Found> cases[] = {
      // Project 2's output indicators have no 时效.
      {"form-2021-framework", {{"JX204", 2, 4, 0}}},
      // 持续改善 under 定量; project 2's long-term output has only 数量, its annual table two rows.
      {"form-application", {{"JX207", 1, 2, 3}, {"JX204", 2, 5, 0}, {"JX220", 2, 6, 0}}},
      // The published department table's faults: no 质量 output; money spent as an output, in 万元
      // under %; 按月安排 under 定量; a 三级 repeating its 二级; a 定性 row with the unit %.
      {"form-department", {{"JX204", 0, 1, 0}, {"JX216", 0, 1, 5}, {"JX218", 0, 1, 5}, {"JX207", 0, 1, 6},
                           {"JX215", 0, 1, 6}, {"JX217", 0, 1, 7}, {"JX215", 0, 1, 8}, {"JX217", 0, 1, 9}}},
      // No 效益 row, no 时效 output.
      {"form-yuan-dates", {{"JX203", 1, 2, 0}, {"JX204", 1, 2, 0}}},
      // The department table, then the framework's cards: both families' findings, in place.
      {"form-mixed", {{"JX204", 0, 1, 0}, {"JX216", 0, 1, 5}, {"JX218", 0, 1, 5}, {"JX207", 0, 1, 6}, {"JX215", 0, 1, 6},
                      {"JX217", 0, 1, 7}, {"JX215", 0, 1, 8}, {"JX217", 0, 1, 9}, {"JX204", 2, 5, 0}}},
  };
  for (const auto& [family, expected] : cases)
    for (const char* writer : {"-docx", "-lo"}) {
      INFO(family << writer);
      CHECK(findings(read_form(std::string(family) + writer)) == expected);
    }
}

TEST_CASE("JX106: a total cost above the budget is an error, the costs' sum above it a warning") {
  auto doc = read_document(std::string(JIXIAO_SOURCE_DIR) + "/tests/rules/JX106/fires.docx");
  REQUIRE(doc.ok());
  Checker checker;
  std::vector<std::pair<int, Severity>> got;
  for (const Finding& f : checker.check(*doc, {}))
    if (f.rule == "JX106") got.push_back({f.at.row, f.severity});
  CHECK(got == std::vector<std::pair<int, Severity>>{{0, Severity::warning}, {2, Severity::error}});
  // Set to info, both are info.
  auto config = parse_config(R"({"rules": {"JX106": "info"}})", "test");
  REQUIRE(config.ok());
  for (const Finding& f : checker.check(*doc, *config))
    if (f.rule == "JX106") CHECK(f.severity == Severity::info);
}

TEST_CASE("JX101 adds up another form's money lines under the year's total") {
  Document doc = read_form("form-yuan-dates-lo");
  REQUIRE_FALSE(doc.projects.empty());
  auto& items = doc.projects[0].budget.items;
  // 年度资金申请总额 1,250,000.00 = 当年财政拨款 1,000,000.00 + 上年结转资金 200,000.00 + 其他资金 50,000.00
  REQUIRE(items.size() == 6);
  CHECK(findings(doc).count({"JX101", 1, 1, 0}) == 0);
  items[4].amount = Decimal::parse("190000");
  Checker checker;
  std::vector<std::string> messages;
  for (const Finding& f : checker.check(doc, {}))
    if (f.rule == "JX101") messages.push_back(f.message.zh);
  CHECK(messages == std::vector<std::string>{"年度资金申请总额 1250000 ≠ 当年财政拨款 1000000 + 上年结转资金 190000 + 其他资金 50000"});
  // The whole project's 项目资金总额 above it is not a part of the year's.
  items[4].amount = Decimal::parse("200000");
  items[0].amount = Decimal::parse("1");
  CHECK(findings(doc).count({"JX101", 1, 1, 0}) == 0);
}
