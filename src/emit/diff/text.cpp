// `jixiao diff` as text: grouped by unit and project, a line per change, a summary line.
// Removed text is shown [-so-] and added text {+so+} (as `git diff --word-diff=plain`), so the
// lines read the same without colour; on a terminal they are coloured too.
#include "extract/labels.hpp"
#include "jixiao/diff.hpp"
#include "util/text.hpp"

namespace jixiao::emit {
namespace {

class TextDiffWriter : public DiffWriter {
public:
  TextDiffWriter(const std::string& old_name, const std::string& new_name, const DiffOptions& o, bool colour,
                 DiffSink out)
      : en_(o.lang == Lang::en), colour_(colour), threshold_(o.threshold.to_string()), out_(std::move(out)) {
    out_(paint("1", "--- " + old_name) + "\n" + paint("1", "+++ " + new_name) + "\n");
  }

  void document(const DocumentDiff& d) override {
    const std::string status = d.status();
    if (status == "unchanged") return;
    std::string s;
    const std::string unit = d.unit ? (d.unit->code.empty() ? "" : d.unit->code + " ") + d.unit->name : "";
    if (status == "unreadable") {
      s += paint("31", "! " + std::string(en_ ? "unreadable: " : "无法读取：") + *d.error) + "\n";
    } else if (status == "added") {
      s += paint("32", "+ " + std::string(en_ ? "document added: " : "新增文件：") + *d.new_path + (unit.empty() ? "" : "  " + unit)) + "\n";
    } else if (status == "removed") {
      s += paint("31", "- " + std::string(en_ ? "document removed: " : "删除文件：") + *d.old_path + (unit.empty() ? "" : "  " + unit)) + "\n";
    } else {
      s += paint("1", "== " + (unit.empty() ? *d.new_path : unit) + "  (" + *d.old_path + " → " + *d.new_path + ")") + "\n";
      int old_seq = -1, new_seq = -1;
      for (const Change& c : d.changes) {
        const bool in_project = c.old_at.project && c.new_at.project;
        if (in_project && (c.old_at.project->seq != old_seq || c.new_at.project->seq != new_seq)) {
          old_seq = c.old_at.project->seq;
          new_seq = c.new_at.project->seq;
          s += "  " + project_line(*c.new_at.project, c.old_at.project->seq) + "\n";
        }
        s += (in_project ? "    " : "  ") + line(c) + "\n";
      }
    }
    out_(s);
  }

  void finish(const DiffSummary& t) override {
    std::string s;
    if (en_)
      s = std::to_string(t.documents) + (t.documents == 1 ? " document" : " documents") + " compared: " +
          std::to_string(t.changed) + " changed, " + std::to_string(t.added) + " added, " + std::to_string(t.removed) +
          " removed, " + std::to_string(t.unchanged) + " unchanged" +
          (t.unreadable ? ", " + std::to_string(t.unreadable) + " unreadable" : "") + "; projects " +
          std::to_string(t.projects_added) + " added, " + std::to_string(t.projects_removed) + " removed, " +
          std::to_string(t.projects_changed) + " changed; " + std::to_string(t.changes) + " changes, " +
          std::to_string(t.flagged) + " budget changes above " + threshold_ + "%\n";
    else
      s = "共比较 " + std::to_string(t.documents) + " 份文件：变更 " + std::to_string(t.changed) + "，新增 " +
          std::to_string(t.added) + "，删除 " + std::to_string(t.removed) + "，未变 " + std::to_string(t.unchanged) +
          (t.unreadable ? "，无法读取 " + std::to_string(t.unreadable) : "") + "；项目新增 " +
          std::to_string(t.projects_added) + "，删除 " + std::to_string(t.projects_removed) + "，变更 " +
          std::to_string(t.projects_changed) + "；改动 " + std::to_string(t.changes) + " 处，预算变动超过 " + threshold_ +
          "% 的 " + std::to_string(t.flagged) + " 处\n";
    out_(s);
  }

private:
  std::string paint(const char* code, const std::string& s) const {
    return colour_ ? "\033[" + std::string(code) + "m" + s + "\033[0m" : s;
  }

  std::string project_line(const ProjectRef& p, int old_seq) const {
    std::string s = (en_ ? "project " : "项目") + std::to_string(p.seq);
    if (old_seq != p.seq) s += en_ ? " (was " + std::to_string(old_seq) + ")" : "（原项目" + std::to_string(old_seq) + "）";
    if (p.code) s += " " + *p.code;
    if (p.name) s += " " + *p.name;
    return paint("1", s);
  }

  std::string row_place(const DiffPlace& p) const {
    if (!p.table) return "";
    return en_ ? "table " + std::to_string(p.table) + " row " + std::to_string(p.row)
               : "表" + std::to_string(p.table) + " 第" + std::to_string(p.row) + "行";
  }

  // A field's name: its key in English, else the vocabulary's Chinese name.
  std::string field_name(const Change& c) const { return named(c.field, c.field); }
  std::string named(const std::string& key, const std::string& en) const {
    return en_ ? en : extract::field_display(key, Lang::zh);
  }

  // A text change as its word diff, long kept runs shortened to their ends.
  std::string words(const Change& c) const {
    if (c.segments.empty()) return old_new(c);
    std::string s;
    for (std::size_t k = 0; k < c.segments.size(); ++k) {
      const Segment& g = c.segments[k];
      if (g.op == '=') {
        const std::u32string cps = text::decode(g.text);
        const std::size_t keep = 10;
        if (cps.size() <= 2 * keep + 1) s += g.text;
        else
          s += (k ? text::encode(cps.substr(0, keep)) : "") + "…" +
               (k + 1 < c.segments.size() ? text::encode(cps.substr(cps.size() - keep)) : "");
      } else {
        s += g.op == '-' ? paint("31", "[-" + g.text + "-]") : paint("32", "{+" + g.text + "+}");
      }
    }
    return s;
  }

  std::string old_new(const Change& c) const {
    return paint("31", c.old_value ? *c.old_value : (en_ ? "(none)" : "（无）")) + " → " +
           paint("32", c.new_value ? *c.new_value : (en_ ? "(none)" : "（无）"));
  }

  std::string line(const Change& c) const {
    const std::string sep = en_ ? ": " : "：";
    switch (c.kind) {
      case ChangeKind::unit: return "~ " + named("unit_" + c.field, "unit " + c.field) + sep + words(c);
      case ChangeKind::year: return "~ " + std::string(en_ ? "year" : "年度") + sep + old_new(c);
      case ChangeKind::department: return "~ " + field_name(c) + sep + words(c);
      case ChangeKind::project_added:
        return paint("32", "+ " + std::string(en_ ? "project " : "项目") + std::to_string(c.new_at.project->seq) + " " +
                               c.new_at.project->code.value_or("") + " " + *c.new_value);
      case ChangeKind::project_removed:
        return paint("31", "- " + std::string(en_ ? "project " : "项目") + std::to_string(c.old_at.project->seq) + " " +
                               c.old_at.project->code.value_or("") + " " + *c.old_value);
      case ChangeKind::project_recoded: return "~ " + named("code", "code") + sep + old_new(c);
      case ChangeKind::project_renamed: return "~ " + named("name", "name") + sep + words(c);
      case ChangeKind::amount_unit: return "~ " + named("amount_unit", "amount unit") + sep + old_new(c);
      case ChangeKind::budget: {
        std::string s = "~ " + field_name(c) + sep + old_new(c);
        if (c.difference) {
          const bool up = c.difference->front() != '-';
          s += (en_ ? " (" : "（") + std::string(up ? "+" : "") + *c.difference;
          if (c.percent) s += (en_ ? ", " : "，") + std::string(up ? "+" : "") + *c.percent + "%";
          s += en_ ? ")" : "）";
        }
        if (c.flagged) s += " " + paint("1;31", en_ ? "! above " + threshold_ + "%" : "! 超过 " + threshold_ + "%");
        return s;
      }
      case ChangeKind::purpose: return "~ " + named("purpose", "purpose") + sep + words(c);
      case ChangeKind::schedule:
        return "~ " + named("schedule", "schedule") + " " + c.field + sep + old_new(c);
      case ChangeKind::goal_added:
        return paint("32", "+ " + (en_ ? "goal " : named("goals", "")) + c.field + sep + *c.new_value);
      case ChangeKind::goal_removed:
        return paint("31", "- " + (en_ ? "goal " : named("goals", "")) + c.field + sep + *c.old_value);
      case ChangeKind::long_term_goal_added:
        return paint("32", "+ " + (en_ ? "long-term goal " : named("long_term_goals", "")) + c.field + sep + *c.new_value);
      case ChangeKind::long_term_goal_removed:
        return paint("31", "- " + (en_ ? "long-term goal " : named("long_term_goals", "")) + c.field + sep + *c.old_value);
      case ChangeKind::card: return "~ " + field_name(c) + sep + words(c);
      case ChangeKind::indicator_added:
        return paint("32", "+ " + std::string(en_ ? "row " : "指标 ") + row_place(c.new_at) + sep + *c.new_value);
      case ChangeKind::indicator_removed:
        return paint("31", "- " + std::string(en_ ? "row " : "指标 ") + row_place(c.old_at) + sep + *c.old_value);
      case ChangeKind::indicator_changed: {
        std::string at = row_place(c.old_at);
        if (row_place(c.new_at) != at) at += " → " + row_place(c.new_at);
        return "~ " + std::string(en_ ? "row " : "指标 ") + at + " " + field_name(c) + sep +
               (c.field == "value" || c.field == "weight" ? old_new(c) : words(c));
      }
    }
    return "";
  }

  bool en_, colour_;
  std::string threshold_;
  DiffSink out_;
};

}  // namespace

std::unique_ptr<DiffWriter> diff_text_writer(const std::string& old_name, const std::string& new_name,
                                             const DiffOptions& options, bool colour, DiffSink out) {
  return std::make_unique<TextDiffWriter>(old_name, new_name, options, colour, std::move(out));
}

}  // namespace jixiao::emit
