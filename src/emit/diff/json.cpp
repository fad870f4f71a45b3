// "jixiao.diff/1" (schemas/diff.schema.json), written pair by pair: pretty (the json format) or
// compact and escaped for HTML (the diff page's data block, emit/diff/html.cpp).
#include "emit/diff/writers.hpp"
#include "emit/json_writer.hpp"
#include "jixiao/formats.hpp"

namespace jixiao {

namespace {

using emit::JsonWriter;

void place_json(JsonWriter& w, const DiffPlace& p, bool present) {
  if (!present) {
    w.null();
    return;
  }
  w.begin_object().key("project");
  if (p.project) {
    w.begin_object().key("seq").integer(p.project->seq);
    w.key("code").string_or_null(p.project->code);
    w.key("name").string_or_null(p.project->name);
    w.end_object();
  } else {
    w.null();
  }
  w.key("table");
  if (p.table) w.integer(p.table);
  else w.null();
  w.key("row");
  if (p.row) w.integer(p.row);
  else w.null();
  w.end_object();
}

void change_json(JsonWriter& w, const Change& c) {
  w.begin_object();
  w.key("kind").string(change_kind_name(c.kind));
  w.key("field");
  if (c.field.empty()) w.null();
  else w.string(c.field);
  w.key("old").string_or_null(c.old_value);
  w.key("new").string_or_null(c.new_value);
  // Each side's place: null only on the side without the project (an added or removed one).
  w.key("at").begin_object().key("old");
  place_json(w, c.old_at, c.kind != ChangeKind::project_added);
  w.key("new");
  place_json(w, c.new_at, c.kind != ChangeKind::project_removed);
  w.end_object();
  if (c.kind == ChangeKind::budget) {
    w.key("difference").string_or_null(c.difference);
    w.key("percent").string_or_null(c.percent);
    w.key("flagged").boolean(c.flagged);
  }
  if (!c.segments.empty()) {
    w.key("segments").begin_array();
    for (const Segment& s : c.segments) w.begin_array().string(std::string(1, s.op)).string(s.text).end_array();
    w.end_array();
  }
  w.end_object();
}

void document_json(JsonWriter& w, const DocumentDiff& d) {
  w.begin_object();
  w.key("status").string(d.status());
  w.key("old").string_or_null(d.old_path);
  w.key("new").string_or_null(d.new_path);
  w.key("unit");
  if (d.unit) w.begin_object().key("code").string(d.unit->code).key("name").string(d.unit->name).end_object();
  else w.null();
  w.key("error").string_or_null(d.error);
  w.key("changes").begin_array();
  for (const Change& c : d.changes) change_json(w, c);
  w.end_array();
  w.end_object();
}

std::string summary_json(const DiffSummary& s, bool compact, int indent) {
  JsonWriter w(compact, indent);
  w.begin_object();
  w.key("documents").integer(s.documents).key("changed").integer(s.changed).key("added").integer(s.added);
  w.key("removed").integer(s.removed).key("unchanged").integer(s.unchanged).key("unreadable").integer(s.unreadable);
  w.key("projects_added").integer(s.projects_added).key("projects_removed").integer(s.projects_removed);
  w.key("projects_changed").integer(s.projects_changed);
  w.key("changes").integer(s.changes).key("flagged").integer(s.flagged);
  w.end_object();
  std::string text = w.finish();
  text.pop_back();
  return text;
}

// The JSON, pretty (the `json` format) or compact and escaped for HTML (inside the page).
class JsonDiffWriter : public DiffWriter {
public:
  JsonDiffWriter(const std::string& old_name, const std::string& new_name, const DiffOptions& o, bool for_html,
                 DiffSink out)
      : for_html_(for_html), out_(std::move(out)) {
    JsonWriter w(for_html, 0, for_html);
    w.begin_object();
    w.key("schema").string("jixiao.diff/1");
    w.key("lang").string(o.lang == Lang::en ? "en" : "zh");
    w.key("old").string(old_name).key("new").string(new_name);
    w.key("threshold").string(o.threshold.to_string());
    w.key("ignore_whitespace").boolean(!o.exact);
    w.key("documents").begin_array().end_array().end_object();
    std::string head = w.finish();
    // Cut after "[": the documents follow.
    head.resize(head.rfind('[') + 1);
    out_(head);
  }
  void document(const DocumentDiff& d) override {
    JsonWriter w(for_html_, 4, for_html_);
    if (!for_html_) w.raw(first_ ? "\n    " : ",\n    ");
    else if (!first_) w.raw(",");
    document_json(w, d);
    std::string text = w.finish();
    text.pop_back();
    out_(text);
    first_ = false;
  }
  void finish(const DiffSummary& s) override {
    if (for_html_) out_("],\"summary\":" + summary_json(s, true, 0) + "}");
    else out_(std::string(first_ ? "]" : "\n  ]") + ",\n  \"summary\": " + summary_json(s, false, 2).substr(0) + "\n}\n");
  }

private:
  bool for_html_;
  DiffSink out_;
  bool first_ = true;
};

}  // namespace

namespace emit {

std::unique_ptr<DiffWriter> diff_json_writer(const std::string& old_name, const std::string& new_name,
                                             const DiffOptions& options, bool, DiffSink out) {
  return std::make_unique<JsonDiffWriter>(old_name, new_name, options, false, std::move(out));
}

std::unique_ptr<DiffWriter> diff_json_data(const std::string& old_name, const std::string& new_name,
                                           const DiffOptions& options, DiffSink out) {
  return std::make_unique<JsonDiffWriter>(old_name, new_name, options, true, std::move(out));
}

}  // namespace emit

std::unique_ptr<DiffWriter> make_diff_writer(DiffFormat format, const std::string& old_name,
                                             const std::string& new_name, const DiffOptions& options, bool colour,
                                             DiffSink out) {
  return output_format_info(format).write.diff(old_name, new_name, options, colour, std::move(out));
}

}  // namespace jixiao
