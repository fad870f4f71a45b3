#pragma once
// What a rule is inside the engine: its documentation and its check. No rule sees XML.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "jixiao/check.hpp"
#include "jixiao/config.hpp"
#include "jixiao/model.hpp"
#include "jixiao/rule.hpp"

namespace jixiao::rules {

// The indicator framework a document is judged by (财预〔2015〕88号 or 财预〔2021〕101号).
struct Framework {
  const char* name;
  std::vector<std::pair<std::string, std::vector<std::string>>> categories;  // 一级 -> 二级
  std::vector<std::string> required;                                          // 一级 required
};
const Framework& framework_for(Profile profile, const Document& doc);
// "产出 指标" -> "产出": names match with or without spaces and the trailing 指标.
std::string category_key(const std::string& text);

using jixiao::SeenCode;

class Context {
public:
  Context(const Document& doc, const Config& config, const Framework& framework,
          std::map<std::string, SeenCode>& codes_seen)
      : doc(doc), config(config), framework(framework), codes_seen(codes_seen) {}

  const Document& doc;
  const Config& config;
  const Framework& framework;
  std::map<std::string, SeenCode>& codes_seen;  // across the documents of one run (JX302)

  void report(const Project* project, Location at, std::string zh, std::string en);
  std::string option(const std::string& key, const std::string& fallback) const;

  // Set by the engine around each rule's check.
  const RuleDoc* rule = nullptr;
  std::vector<Finding>* out = nullptr;
};

struct Rule {
  RuleDoc doc;
  void (*check)(Context&);
  // For fixable rules: rewrites what the rule flags; true when it changed something.
  bool (*fix)(Document&) = nullptr;
};

// The registry: every rule, in id order (registry.cpp).
const std::vector<Rule>& registry();

// Card-level location of a project (its card table).
inline Location card_at(const Project& p) { return Location{p.card_table, 0, 0}; }
std::string show(const std::optional<Decimal>& d);

// One function per rule, each defined in the file of its family.
Rule no_target_tables();
Rule field_missing();
Rule budget_sum();
Rule amount_invalid();
Rule schedule_order();
Rule schedule_final();
Rule percent_invalid();
Rule level1_unknown();
Rule level2_mismatch();
Rule category_missing();
Rule output_incomplete();
Rule indicator_duplicate();
Rule value_missing();
Rule value_unquantified();
Rule value_mixed_grade();
Rule unit_nonstandard();
Rule cost_direction();
Rule basis_missing();
Rule level3_missing();
Rule code_format();
Rule code_duplicate();
Rule code_year();
Rule unit_inconsistent();
Rule town_township_mixed();
Rule heading_numbering();
Rule heading_name_mismatch();
Rule stray_whitespace();
Rule goals_numbering();

}  // namespace jixiao::rules
