#pragma once
// Configuration: compiled-in defaults, then .jixiao.json (validated, with the bad key named),
// then command-line options.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jixiao/error.hpp"
#include "jixiao/rule.hpp"

namespace jixiao {

enum class Profile { auto_detect, y2015, y2021 };

struct RuleSetting {
  bool off = false;
  std::optional<Severity> severity;
  std::map<std::string, std::string> options;  // e.g. JX301 "pattern"
};

struct Config {
  Profile profile = Profile::auto_detect;  // default auto: 2021 when a row's 一级 is 成本指标
  std::optional<int> year;                 // default: what the document states, else unknown
  std::map<std::string, RuleSetting> rules;
  std::vector<std::string> select;  // default empty: every rule; "JX2" selects JX2xx
  std::vector<std::string> ignore;
  Severity fail_on = Severity::error;  // default error

  bool enabled(const std::string& rule_id) const;
  Severity severity_of(const RuleDoc& rule) const;
  std::string option(const std::string& rule_id, const std::string& key,
                     const std::string& fallback) const;
};

// A rule id or a prefix of some ("JX101", "JX2"): what select and ignore accept.
bool is_rule_prefix(const std::string& selector);

// Parses a .jixiao.json; an unknown key, a wrong type or a bad value is an error naming it.
// The accepted form is the one schemas/config.schema.json describes.
Expected<Config> parse_config(const std::string& json_text, const std::string& path);
// `.jixiao.json` in the folder of `input_path` or the nearest parent that has one.
std::optional<std::string> find_config(const std::string& input_path);
Expected<Config> load_config(const std::string& path);

}  // namespace jixiao
