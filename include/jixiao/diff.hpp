#pragma once
// `jixiao diff` as a library: what changed between two versions of a submission, or between two
// years of a county, compared on the model — projects paired by 项目编码 (then 项目名称),
// indicator rows by their three levels (then by the likeness of their descriptions) — never on
// the layout.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "jixiao/decimal.hpp"
#include "jixiao/model.hpp"
#include "jixiao/read_options.hpp"

namespace jixiao {

struct DiffOptions {
  Decimal threshold = Decimal::from_int(50);  // a budget change above this percentage is flagged
  // Texts are compared with every space removed (a difference of whitespace alone, such as the
  // double space LibreOffice collapses when it saves, is no change), unless `exact`.
  bool exact = false;
  int jobs = 0;                               // reading threads; 0: the cores
  bool progress = false;
  Lang lang = Lang::zh;
  ReadLimits limits;
  std::shared_ptr<Converter> converter;
};

// A project as one version has it.
struct ProjectRef {
  int seq = 0;
  std::optional<std::string> code, name;
};

// Where a change stands in one version: its project (none: the document), and the table and
// row of an indicator row (0: none; an added row's old place is its project, where it is not).
struct DiffPlace {
  std::optional<ProjectRef> project;
  int table = 0, row = 0;
};

// A run of a text's word-level diff: kept ('='), removed ('-') or added ('+'). Words are runs of
// letters and digits; each Chinese character is a word of its own.
struct Segment {
  char op;
  std::string text;
};

enum class ChangeKind {
  unit,               // the unit line's code or name (field "code" / "name")
  year,               // the budget year of the title
  department,         // field overall_goal / sub_goals / safeguards / department_name / duties, with segments
  project_added,
  project_removed,
  project_recoded,    // paired by name, its 项目编码 changed
  project_renamed,    // paired by code, its 项目名称 changed
  budget,             // field total / fiscal / other / project_total, or another money line's label as
                      // written; with difference and percent
  card,               // another form's card field (authority_code, implementer, period …), with segments
  amount_unit,
  purpose,            // with segments
  schedule,           // field: the period; a point added or removed has no old or no new value
  goal_added,
  goal_removed,
  long_term_goal_added,
  long_term_goal_removed,
  indicator_added,
  indicator_removed,
  indicator_changed,  // field level1 / level2 / level3 / description / value / basis / term / nature /
                      // measure_unit / weight / explanation / scoring / note
};
const char* change_kind_name(ChangeKind k);  // "project-added" …

struct Change {
  ChangeKind kind;
  std::string field;  // empty where the kind says it all
  std::optional<std::string> old_value, new_value;  // as written; nothing on the side without it
  DiffPlace old_at, new_at;
  // A budget change: new - old exactly, and (new - old) / old in percent to 2 places (nothing
  // when old is zero or a side is unreadable); flagged above the threshold (or from zero).
  std::optional<std::string> difference, percent;
  bool flagged = false;
  std::vector<Segment> segments;  // a text's word-level diff
};

// The changes between two readings of one submission, in document order: the document's own
// (unit, year, department), then each project's (paired projects in the new order, a removed
// project after the one it followed), each project's rows in the new order.
std::vector<Change> diff_documents(const Document& before, const Document& after, const DiffOptions& options);

// The word-level diff of two texts (exposed for tests).
std::vector<Segment> diff_words(const std::string& before, const std::string& after);

// One pair of the run: a document on both sides, or on one side only (added, removed), or one
// that could not be read (error, with the side's path).
struct DocumentDiff {
  std::optional<std::string> old_path, new_path;
  std::optional<Unit> unit;           // the new version's unit line, else the old's
  std::optional<std::string> error;   // why a side could not be read (in the run's language)
  std::vector<Change> changes;
  const char* status() const;  // "added", "removed", "changed", "unchanged", "unreadable"
};

struct DiffSummary {
  int documents = 0, added = 0, removed = 0, changed = 0, unchanged = 0, unreadable = 0;
  int projects_added = 0, projects_removed = 0, projects_changed = 0;
  int changes = 0, flagged = 0;
  std::vector<std::string> errors;  // each unreadable input: "path: why"
  void add(const DocumentDiff& d);
};

// A diff written as pairs are compared.
class DiffWriter {
public:
  virtual ~DiffWriter() = default;
  virtual void document(const DocumentDiff& d) = 0;
  virtual void finish(const DiffSummary& summary) = 0;
};

enum class DiffFormat { text, json, html };
using DiffSink = std::function<void(const std::string&)>;
// `old_name` and `new_name`: the two arguments, as given.
std::unique_ptr<DiffWriter> make_diff_writer(DiffFormat format, const std::string& old_name,
                                             const std::string& new_name, const DiffOptions& options,
                                             bool colour, DiffSink out);

// Compares OLD and NEW (each a document or a folder: a folder's documents are paired by unit
// code, then by their path below the folder, then reported added or removed), pair by pair into
// `writer`. The order is fixed whatever the jobs: the new side's order, then what only the old
// side has, in its order.
DiffSummary diff_inputs(const std::string& old_input, const std::string& new_input, const DiffOptions& options,
                        DiffWriter& writer);

}  // namespace jixiao
