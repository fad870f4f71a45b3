#pragma once
// What a rule is inside the engine: its documentation and its check. No rule sees XML.
#include <map>
#include <optional>
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
// The 二级指标 keys a framework allows under a 一级 key, or nullptr for an unknown 一级.
const std::vector<std::string>* allowed_under(const Framework& f, const std::string& level1);
bool has(const std::vector<std::string>& v, const std::string& s);
std::string joined(const std::vector<std::string>& v);  // "数量、质量"
// A money unit's power of ten below 亿元: 元 8, 万元 4, 亿元 0; nothing for what is no money unit.
std::optional<int> money_digits(const std::string& unit);
// Whether an ISO date as precise as written ("2024-03", "2023-12-31") is after another, compared
// on the precision both have.
bool iso_after(const std::string& a, const std::string& b);

using jixiao::SeenCode;

class Context {
public:
  Context(const Document& doc, const Config& config, const Framework& framework,
          std::unordered_map<std::string, SeenCode>& codes_seen)
      : doc(doc), config(config), framework(framework), codes_seen(codes_seen) {}

  const Document& doc;
  const Config& config;
  const Framework& framework;
  std::unordered_map<std::string, SeenCode>& codes_seen;  // across the documents of one run (JX302)

  void report(const Project* project, Location at, std::string zh, std::string en);
  // A finding of a lesser kind than the rule's own: its severity at most `at_most` (a rule set
  // to info in the configuration reports it as info too).
  void report_at_most(Severity at_most, const Project* project, Location at, std::string zh, std::string en);
  std::string option(const std::string& key, const std::string& fallback) const;
  // category_key of a row's 一级 and 二级指标: a dozen rules ask them of every row, so they are
  // worked out once per row of the document, on the first question. `i` is a row of this
  // document (a card's or the department's); the answer is valid while it is checked.
  struct Categories {
    std::string level1, level2;
  };
  const Categories& categories(const Indicator& i) const;

  // Set by the engine around each rule's check: the rule, and its severity as configured.
  const RuleDoc* rule = nullptr;
  Severity severity = Severity::error;
  std::vector<Finding>* out = nullptr;

private:
  // Each set of rows (cards', then the department's) with where its rows' answers begin.
  struct RowSet {
    const Indicator* begin;
    std::size_t size, first;
  };
  mutable std::vector<RowSet> sets_;
  mutable std::vector<Categories> categories_;
  mutable std::size_t last_set_ = 0;  // rules ask row after row of one set
};

struct Rule {
  RuleDoc doc;
  void (*check)(Context&);
  // For fixable rules: rewrites what the rule flags; true when it changed something.
  bool (*fix)(Document&) = nullptr;
};

// The registry: every rule, in id order (registry.cpp, the one list; each rule is a file of its
// own, src/rules/jxNNN_name.cpp, with its fixtures in tests/rules/JXNNN/).
const std::vector<Rule>& registry();

// Where a finding about one field of an indicator row points: its table, row and column.
inline Location at_field(const Indicator& i, IndicatorField f) {
  return Location{i.at.table, i.at.row, i.columns[static_cast<std::size_t>(f)]};
}

// Card-level location of a project (its card table).
inline Location card_at(const Project& p) { return Location{p.card_table, 0, 0}; }
std::string show(const std::optional<Decimal>& d);
// A field's Chinese name from the one vocabulary ("level3" -> 三级指标): messages name a field
// as the form labels it, in both languages.
std::string field_zh(const char* key);

// The indicator rows of one owner: a project's card, or (project null) the department's own
// target table, which is checked like a card's.
struct Indicators {
  const Project* project;
  const std::vector<Indicator>& rows;
  Location table;  // the first indicator table, for findings about the rows as a whole
};

// Calls `check` on every card's indicators, then on the department's.
template <class Check>
void for_each_set(Context& c, Check check) {
  for (const Project& p : c.doc.projects)
    check(Indicators{&p, p.indicators, Location{p.indicator_tables.empty() ? 0 : p.indicator_tables.front(), 0, 0}});
  const auto& d = c.doc.department.indicators;
  if (!d.empty()) check(Indicators{nullptr, d, Location{d.front().at.table, 0, 0}});
}

// Calls `fix` on every indicator row of a document, a card's or the department's, to rewrite it.
template <class Fix>
void for_each_row(Document& doc, Fix fix) {
  for (Project& p : doc.projects)
    for (Indicator& i : p.indicators) fix(i);
  for (Indicator& i : doc.department.indicators) fix(i);
}

// Calls `check` on every indicator row, a card's or the department's.
inline void for_each_row(Context& c, void (*check)(Context&, const Project*, const Indicator&)) {
  for_each_set(c, [&](const Indicators& set) {
    for (const Indicator& i : set.rows) check(c, set.project, i);
  });
}

}  // namespace jixiao::rules
