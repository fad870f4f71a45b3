#pragma once
// What the rule engine reports, and what each rule says of itself.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jixiao/error.hpp"
#include "jixiao/model.hpp"

namespace jixiao {

enum class Severity { info = 0, warning = 1, error = 2 };
const char* severity_name(Severity s);  // "info", "warning", "error"
std::optional<Severity> parse_severity(const std::string& name);

struct Finding {
  // The rule's id and slug: its documentation's own strings, which live as long as the program.
  std::string_view rule;  // "JX101"
  std::string_view slug;  // "budget-sum"
  Severity severity = Severity::error;
  Message message;
  bool fixable = false;
  int project_seq = 0;  // 0: the document as a whole
  std::optional<std::string> project_code;
  Location at;  // table and row, when the finding has a place
};

// A rule's own documentation: what `jixiao rules ID` prints and docs/rules.md holds.
struct RuleDoc {
  const char* id;
  const char* slug;
  Severity severity;  // the default
  bool fixable;
  Message title;        // one line: what is flagged
  Message explanation;  // why it matters, a bad and a good example
  const char* options = "";  // "pattern: …" for rules that read options, else empty
};

// Every rule, in id order.
std::vector<RuleDoc> rule_catalogue();
const RuleDoc* find_rule(const std::string& id);

}  // namespace jixiao
