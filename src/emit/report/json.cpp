// The report as "jixiao.report/1" (schemas/report.schema.json), written file by file.
#include <cctype>

#include "emit/json_writer.hpp"
#include "emit/report/common.hpp"
#include "jixiao/version.hpp"

namespace jixiao::emit {
namespace {

// A finding's first members, its rule, slug and severity, as the writer writes them: rendered
// once for each rule and severity met, then copied (a batch's report repeats them some
// hundred thousand times).
class FindingHeads {
public:
  std::string_view of(const Finding& f) {
    for (const Head& h : heads_)
      if (h.rule.data() == f.rule.data() && h.severity == f.severity) return h.text;
    JsonWriter w;
    w.begin_line_object();
    w.key("rule").string(f.rule).key("slug").string(f.slug);
    w.key("severity").string(severity_name(f.severity));
    std::string text = w.finish();
    heads_.push_back({f.rule, f.severity, text.substr(1, text.size() - 2)});  // without "{" and the line end
    return heads_.back().text;
  }

private:
  struct Head {
    std::string_view rule;  // the rule's own id string: compared by where it is
    Severity severity;
    std::string text;
  };
  std::vector<Head> heads_;
};

// A finding on one line: a report of a county's batch holds tens of thousands of them, and one
// per line is what a reader scans and grep finds (and 44% fewer bytes than one key per line).
void finding_json(JsonWriter& w, const Finding& f, Lang lang, const std::vector<TablePlace>& places,
                  FindingHeads& heads) {
  w.begin_line_object();
  w.members(heads.of(f));
  w.key("message").string(f.message.in(lang));
  w.key("fixable").boolean(f.fixable);
  w.key("project");
  if (f.project_seq) {
    w.begin_object().key("seq").integer(f.project_seq).key("code");
    if (f.project_code) w.string(*f.project_code);
    else w.null();
    w.end_object();
  } else {
    w.null();
  }
  w.key("at");
  if (f.at.table) {
    w.begin_object().key("table").integer(f.at.table).key("row");
    if (f.at.row) w.integer(f.at.row);
    else w.null();
    if (f.at.column) w.key("column").integer(f.at.column);  // the field's cell, where one is meant
    if (!places.empty())
      if (auto sc = sheet_cell(places, f.at)) w.key("sheet").string(sc->sheet).key("cell").string(sc->cell);
    w.end_object();
  } else {
    w.null();
  }
  w.end_object();
}

class JsonReportWriter : public ReportWriter {
public:
  JsonReportWriter(Lang lang, TextSink out) : lang_(lang), out_(std::move(out)) {
    out_("{\n  \"schema\": \"jixiao.report/1\",\n  \"files\": [");
  }
  void file(const FileReport& file) override {
    // Written at its depth in the report, in one pass (no re-indenting afterwards).
    JsonWriter w(false, 4);
    w.use(std::move(spare_));  // the last file's buffer: no growing from nothing per file
    w.raw(counts_.files ? ",\n    " : "\n    ");
    w.begin_object().key("path").string(file.path).key("error");
    if (file.error) w.string(file.error->message.in(lang_));
    else w.null();
    if (file.converted_from) w.key("converted_from").string(*file.converted_from);
    w.key("findings").begin_array();
    for (const Finding& f : file.findings) finding_json(w, f, lang_, file.places, heads_);
    w.end_array().end_object();
    std::string text = w.finish_into(spare_);
    text.pop_back();  // its line end: the next file's comma comes first
    out_(text);
    counts_.add(file);
  }
  void finish() override {
    JsonWriter w;
    w.begin_object();
    w.key("files").integer(counts_.files).key("unreadable").integer(counts_.unreadable);
    w.key("error").integer(counts_.error).key("warning").integer(counts_.warning).key("info").integer(counts_.info);
    w.end_object();
    out_(std::string(counts_.files ? "\n  ]" : "]") + ",\n  \"summary\": " + indent(w.finish(), 2).substr(2) + "\n}\n");
  }

private:
  Lang lang_;
  TextSink out_;
  Counts counts_;
  std::string spare_;
  FindingHeads heads_;
};

}  // namespace

std::unique_ptr<ReportWriter> json_writer(const ReportOptions& o, TextSink out) {
  return std::make_unique<JsonReportWriter>(o.lang, std::move(out));
}

}  // namespace jixiao::emit
