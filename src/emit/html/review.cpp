// The review page (`check --format html`): one self-contained HTML file a person reads.
//
// Its markup, style and script are files of their own beside this one (page.html, page.css,
// page.js), embedded at build time. This writer adds the data once, as JSON in a
// <script type="application/json"> block ("jixiao.review/1", schemas/review.schema.json), with
// every total counted here in exact decimals, and a Content-Security-Policy that lets only the
// page's own script and style run and forbids every request. Text from a document reaches the
// page only inside that block, escaped by the JSON writer for HTML (no '<', '>' or '&' left in
// it); the script puts it into the page as text nodes, never as markup.
#include <algorithm>
#include <map>

#include "emit/html/assets.hpp"
#include "emit/html/frame.hpp"
#include "emit/model/json.hpp"
#include "emit/report/common.hpp"

namespace jixiao::emit {
namespace {

// A card's 预算数, 财政资金 and 其他资金 in 万元; nothing when its amount unit is unknown.
std::optional<Decimal> in_wan(const std::optional<Decimal>& amount, const std::optional<std::string>& unit) {
  if (!amount || !unit) return std::nullopt;
  if (*unit == "万元") return amount;
  if (*unit == "元") return amount->divided_by_power_of_ten(4);
  return std::nullopt;
}

// Exact sums of amounts in 万元, and how many could not be counted (no amount, no known unit,
// or a sum past 18 digits).
struct Sums {
  Decimal total, fiscal, other;
  int uncounted = 0;
  bool overflow = false;

  void add(const Project& p) {
    auto t = in_wan(p.budget.total, p.amount_unit);
    if (!t) {
      ++uncounted;
      return;
    }
    add_to(total, t);
    add_to(fiscal, in_wan(p.budget.fiscal, p.amount_unit));
    add_to(other, in_wan(p.budget.other, p.amount_unit));
  }
  void add(const Sums& s) {
    add_to(total, s.total);
    add_to(fiscal, s.fiscal);
    add_to(other, s.other);
    uncounted += s.uncounted;
    overflow = overflow || s.overflow;
  }
  void write(JsonWriter& w) const {
    w.begin_object();
    if (overflow) {
      w.key("total").null().key("fiscal").null().key("other").null();
    } else {
      w.key("total").string(total.to_string()).key("fiscal").string(fiscal.to_string());
      w.key("other").string(other.to_string());
    }
    w.key("uncounted").integer(uncounted).end_object();
  }

private:
  void add_to(Decimal& sum, const std::optional<Decimal>& x) {
    if (!x) return;
    auto s = sum.plus(*x);
    if (s) sum = *s;
    else overflow = true;
  }
};

const char* status_of(const FileReport& f) {
  if (f.error) return "unreadable";
  bool warning = false;
  for (const Finding& x : f.findings) {
    if (x.severity == Severity::error) return "errors";
    warning = warning || x.severity == Severity::warning;
  }
  return warning ? "warnings" : "clean";
}

// The page is written as files are checked. Each unit's detail (its department text, cards,
// indicator rows and findings) goes out as it comes, in a data block of its own ("jx-u" and its
// index) that the page parses only when the unit is opened; what the overview and the table of
// units need (a few hundred bytes a unit) is kept, and written last with the summary in the
// index block ("jx-data"). Memory stays small however large the county, and the page opens
// without parsing every document.
class HtmlReportWriter : public ReportWriter {
public:
  HtmlReportWriter(const ReportOptions& o, TextSink out)
      : lang_(o.lang), fail_on_(o.fail_on), with_contacts_(o.with_contacts), out_(std::move(out)) {
    PageFrame frame = page_frame(lang_, lang_ == Lang::en ? "jixiao review" : "jixiao 绩效目标审核", assets::review_js());
    tail_ = std::move(frame.tail);
    out_(frame.head);
    units_.begin_array();
  }

  void document(const Document& doc) override { doc_ = &doc; }

  void file(const FileReport& file) override {
    const Document* doc = file.error ? nullptr : doc_;
    doc_ = nullptr;
    const char* status = status_of(file);
    ++status_counts_[status];
    counts_.add(file);

    // The detail, parsed when the unit is opened.
    JsonWriter w(true, 0, true);
    w.use(std::move(buffer_));
    w.raw("<script type=\"application/json\" id=\"jx-u" + std::to_string(index_) + "\">");
    w.begin_object();
    if (doc) {
      w.key("year");
      if (doc->year) w.integer(*doc->year);
      else w.null();
      department_json(w, doc->department, &doc->source.places);
      w.key("projects").begin_array();
      for (const Project& p : doc->projects) project_json(w, p, with_contacts_, &doc->source.places);
      w.end_array();
      cards_ += static_cast<int>(doc->projects.size());
    }
    // Each finding as [rule, severity, message, project, table, row, fixable], and for a workbook
    // [… , sheet, cell] where the place is a cell.
    w.key("findings").begin_array();
    int by_severity[3] = {0, 0, 0};
    for (const Finding& f : file.findings) {
      ++by_severity[static_cast<int>(f.severity)];
      ++by_rule_[f.rule];
      w.begin_array().string(f.rule).string(severity_name(f.severity)).string(f.message.in(lang_));
      w.integer(f.project_seq).integer(f.at.table).integer(f.at.row).boolean(f.fixable);
      if (doc)
        if (auto sc = sheet_cell(doc->source.places, f.at)) w.string(sc->sheet).string(sc->cell);
      w.end_array();
    }
    w.end_array().end_object();
    w.raw("</script>");
    out_(w.finish_into(buffer_));

    // What the overview and the table of units show.
    const Unit* unit = nullptr;
    Sums sums;
    if (doc)
      for (const Project& p : doc->projects) {
        if (!unit && p.unit) unit = &*p.unit;
        sums.add(p);
      }
    units_.begin_object();
    units_.key("path").string(file.path);
    units_.key("error");
    if (file.error) units_.string(file.error->message.in(lang_));
    else units_.null();
    units_.key("converted_from").string_or_null(file.converted_from);
    units_.key("status").string(status);
    units_.key("unit");
    if (unit) units_.begin_object().key("code").string(unit->code).key("name").string(unit->name).end_object();
    else units_.null();
    units_.key("cards").integer(doc ? static_cast<std::int64_t>(doc->projects.size()) : 0);
    units_.key("budget");
    sums.write(units_);
    units_.key("counts").begin_object().key("error").integer(by_severity[2]);
    units_.key("warning").integer(by_severity[1]).key("info").integer(by_severity[0]).end_object();
    units_.end_object();

    if (doc && !sums.overflow) largest_.push_back({sums.total, index_});
    county_.add(sums);
    ++index_;
  }

  void finish() override {
    JsonWriter w(true, 0, true);
    w.raw("<script type=\"application/json\" id=\"jx-data\">");
    w.begin_object();
    w.key("schema").string("jixiao.review/1");
    w.key("lang").string(lang_ == Lang::en ? "en" : "zh");
    w.key("fail_on").string(severity_name(fail_on_));
    w.key("rules").begin_array();
    for (const RuleDoc& r : rule_catalogue()) {
      w.begin_object().key("id").string(r.id).key("slug").string(r.slug);
      w.key("severity").string(severity_name(r.severity)).key("fixable").boolean(r.fixable);
      w.key("title").string(r.title.in(lang_)).key("explanation").string(r.explanation.in(lang_)).end_object();
    }
    w.end_array();
    w.key("summary").begin_object();
    w.key("files").integer(counts_.files).key("unreadable").integer(counts_.unreadable);
    w.key("cards").integer(cards_);
    w.key("budget");
    county_.write(w);
    w.key("findings").begin_object().key("error").integer(counts_.error);
    w.key("warning").integer(counts_.warning).key("info").integer(counts_.info).end_object();
    w.key("status").begin_object();
    for (const char* s : {"clean", "warnings", "errors", "unreadable"}) w.key(s).integer(status_counts_[s]);
    w.end_object();
    // The most frequent rule first; ties in id order.
    std::vector<std::pair<std::string, int>> rules(by_rule_.begin(), by_rule_.end());
    std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    w.key("by_rule").begin_array();
    for (const auto& [id, n] : rules) w.begin_array().string(id).integer(n).end_array();
    w.end_array();
    // The units with the largest 预算数: indices into units, the largest first; ties in order.
    std::stable_sort(largest_.begin(), largest_.end(), [](const auto& a, const auto& b) { return b.first < a.first; });
    if (largest_.size() > 20) largest_.resize(20);
    w.key("largest").begin_array();
    for (const auto& l : largest_) w.integer(l.second);
    w.end_array().end_object();
    std::string units = units_.end_array().finish();
    units.pop_back();  // its line end
    w.key("units").raw(units);
    w.end_object();
    w.raw("</script>");
    out_(w.finish() + tail_);
  }

private:
  Lang lang_;
  Severity fail_on_;
  bool with_contacts_;
  TextSink out_;
  std::string tail_;  // the page after the data
  const Document* doc_ = nullptr;
  std::string buffer_;  // the last detail's writer buffer, reused
  JsonWriter units_{true, 0, true};  // the units' overview fields, in order
  Counts counts_;
  int cards_ = 0;
  std::int64_t index_ = 0;
  Sums county_;
  std::map<std::string, int> status_counts_;
  std::map<std::string_view, int> by_rule_;  // keyed by the rules' own ids
  std::vector<std::pair<Decimal, std::int64_t>> largest_;
};

}  // namespace

std::unique_ptr<ReportWriter> html_writer(const ReportOptions& o, TextSink out) {
  return std::make_unique<HtmlReportWriter>(o, std::move(out));
}

}  // namespace jixiao::emit
