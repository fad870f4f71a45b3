// The real document's faults (../shared/reference/README.md), each pinned with its rule and
// project on the faithful sample.
#include <catch2/catch.hpp>

#include <set>

#include "jixiao/check.hpp"
#include "jixiao/pipeline.hpp"

using namespace jixiao;

namespace {

std::set<std::pair<std::string, int>> findings_of_reference() {
  auto doc = read_document(std::string(JIXIAO_SOURCE_DIR) + "/samples/beixinbao-2021.docx");
  REQUIRE(doc.ok());
  Checker checker;
  std::set<std::pair<std::string, int>> out;
  for (const Finding& f : checker.check(*doc, {})) out.insert({std::string(f.rule), f.project_seq});
  return out;
}

}  // namespace

TEST_CASE("the reference document's known faults are found where they are") {
  auto found = findings_of_reference();
  auto has = [&](const char* rule, int project) { return found.count({rule, project}) > 0; };
  // Project 3: its last two indicator rows are identical.
  CHECK(has("JX205", 3));
  // Project 8: a cost indicator with a lower bound, and a description starting with U+3000.
  CHECK(has("JX210", 8));
  CHECK(has("JX403", 8));
  // 百分比 where % is meant: projects 2, 4, 6, 7, 8 — and only those.
  for (int p = 1; p <= 8; ++p) CHECK(has("JX209", p) == (p == 2 || p == 4 || p == 6 || p == 7 || p == 8));
  // ≥90优: projects 1, 3, 5 — and only those.
  for (int p = 1; p <= 8; ++p) CHECK(has("JX208", p) == (p == 1 || p == 3 || p == 5));
  // Heading numbering switches from N、 to N. at project 4.
  CHECK(has("JX401", 4));
  CHECK_FALSE(has("JX401", 3));
  // Part one says both 全乡 and 全镇.
  CHECK(has("JX305", 0));
  // What it does right stays quiet: budgets add up, schedules run to 100%, codes are well formed.
  for (const char* clean : {"JX001", "JX002", "JX101", "JX102", "JX103", "JX104", "JX105", "JX201",
                            "JX202", "JX203", "JX206", "JX207", "JX211", "JX212", "JX301", "JX302",
                            "JX304", "JX402", "JX404"})
    for (int p = 0; p <= 8; ++p) CHECK_FALSE(has(clean, p));
}
