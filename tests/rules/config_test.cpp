#include <catch2/catch.hpp>

#include "jixiao/config.hpp"

using namespace jixiao;

TEST_CASE("a configuration is read key by key") {
  auto c = parse_config(R"({"$schema": "x", "profile": "2021", "year": 2021, "fail_on": "warning",
      "select": ["JX1", "JX205"], "ignore": ["JX204"],
      "rules": {"JX209": "off", "JX101": "warning", "JX301": {"severity": "error", "pattern": "^[0-9]{8}.{13}$"}}})",
                        ".jixiao.json");
  REQUIRE(c.ok());
  CHECK(c->profile == Profile::y2021);
  CHECK(c->year == std::optional<int>(2021));
  CHECK(c->fail_on == Severity::warning);
  CHECK_FALSE(c->enabled("JX209"));
  CHECK_FALSE(c->enabled("JX204"));
  CHECK_FALSE(c->enabled("JX401"));  // not selected
  CHECK(c->enabled("JX101"));
  CHECK(c->severity_of(*find_rule("JX101")) == Severity::warning);
  CHECK(c->option("JX301", "pattern", "") == "^[0-9]{8}.{13}$");
}

TEST_CASE("a bad configuration is an error naming the key") {
  struct Case {
    const char* json;
    const char* key;
  } cases[] = {
      {R"({"profil": "2015"})", "“profil”"},
      {R"({"profile": "2016"})", "“profile”"},
      {R"({"year": "2021"})", "“year”"},
      {R"({"fail_on": "fatal"})", "“fail_on”"},
      {R"({"select": ["XY1"]})", "“select”"},
      {R"({"rules": {"JX999": "off"}})", "“rules.JX999”"},
      {R"({"rules": {"JX101": "loud"}})", "“rules.JX101”"},
      {R"({"rules": {"JX101": {"pattern": "x"}}})", "“rules.JX101.pattern”"},
      {R"({"rules": {"JX301": {"pattern": "(["}}})", "“rules.JX301.pattern”"},
      {R"([1, 2])", "“/”"},
  };
  for (const Case& c : cases) {
    INFO(c.json);
    auto r = parse_config(c.json, "cfg.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::bad_config);
    CHECK(r.error().message.zh.find(c.key) != std::string::npos);
    CHECK(r.error().message.zh.find("cfg.json") != std::string::npos);
  }
  auto broken = parse_config("{\"year\": ", "cfg.json");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().message.en.find("not valid JSON") != std::string::npos);
}
