// Each rule on its own fixtures, tests/rules/JXnnn/: fires.docx, where the rule must report
// exactly the messages case.json expects (and, where it says, at that project, table, row and
// column),
// and near-miss.docx, a document one edit away where it must report nothing. Both were written by
// LibreOffice or python-docx, from the reference form or another family
// (tests/rules/make_fixtures.py). ctest runs every rule's section as a test of its own
// (rules.JXnnn).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "jixiao/check.hpp"
#include "jixiao/config.hpp"
#include "jixiao/pipeline.hpp"

using namespace jixiao;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(JIXIAO_SOURCE_DIR) / "tests" / "rules";

std::vector<Finding> findings(const fs::path& docx, const Config& config) {
  ReadOptions read;
  read.require_target_tables = false;  // as `check` reads: JX001 says so instead
  auto doc = read_document(docx.string(), read);
  INFO(docx.string());
  REQUIRE(doc.ok());
  Checker checker;
  return checker.check(*doc, config);
}

std::vector<std::string> messages_of(const std::string& rule, const std::vector<Finding>& all) {
  std::vector<std::string> out;
  for (const Finding& f : all)
    if (f.rule == rule) out.push_back(f.message.zh);
  return out;
}

// A finding as case.json pins it: its message, and its project, table and row where the case
// gives them (-1: not pinned).
struct Expected {
  std::string message;
  int project = -1, table = -1, row = -1, column = -1;
};

std::vector<Expected> expected_of(const nlohmann::json& list) {
  std::vector<Expected> out;
  for (const auto& e : list) {
    if (e.is_string()) {
      out.push_back({e.get<std::string>()});
      continue;
    }
    out.push_back({e.at("message").get<std::string>(), e.value("project", -1), e.value("table", -1), e.value("row", -1),
                   e.value("column", -1)});
  }
  return out;
}

void check_rule(const std::string& id) {
  const fs::path dir = kFixtures / id;
  std::ifstream in(dir / "case.json");
  REQUIRE(in);
  const auto c = nlohmann::json::parse(in);
  Config config;
  if (c.contains("config")) {
    auto parsed = parse_config(c["config"].dump(), (dir / "case.json").string());
    REQUIRE(parsed.ok());
    config = *parsed;
  }
  const std::vector<Expected> expected = expected_of(c.at("expect"));
  REQUIRE_FALSE(expected.empty());
  std::vector<Finding> found;
  for (Finding& f : findings(dir / "fires.docx", config))
    if (f.rule == id) found.push_back(std::move(f));
  std::vector<std::string> want;
  for (const Expected& e : expected) want.push_back(e.message);
  CHECK(messages_of(id, found) == want);
  for (std::size_t k = 0; k < expected.size() && k < found.size(); ++k) {
    INFO("finding " << k << ": " << found[k].message.zh);
    if (expected[k].project >= 0) CHECK(found[k].project_seq == expected[k].project);
    if (expected[k].table >= 0) CHECK(found[k].at.table == expected[k].table);
    if (expected[k].row >= 0) CHECK(found[k].at.row == expected[k].row);
    if (expected[k].column >= 0) CHECK(found[k].at.column == expected[k].column);
  }
  CHECK(messages_of(id, findings(dir / "near-miss.docx", config)).empty());
}

}  // namespace

TEST_CASE("the clean document the rule fixtures start from has no findings") {
  CHECK(findings(kFixtures / "clean.docx", {}).empty());
}

TEST_CASE("every rule has its fixtures, and every fixture directory is a rule") {
  std::set<std::string> rules, dirs;
  for (const RuleDoc& r : rule_catalogue()) rules.insert(r.id);
  for (const auto& entry : fs::directory_iterator(kFixtures))
    if (entry.is_directory() && entry.path().filename().string().rfind("JX", 0) == 0)
      dirs.insert(entry.path().filename().string());
  CHECK(rules == dirs);
  for (const std::string& id : rules) {
    INFO(id);
    for (const char* file : {"case.json", "fires.docx", "near-miss.docx"}) CHECK(fs::exists(kFixtures / id / file));
  }
}

TEST_CASE("rule fixtures") {
  for (const RuleDoc& r : rule_catalogue())
    DYNAMIC_SECTION(r.id) { check_rule(r.id); }
}
