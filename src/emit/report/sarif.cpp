// The report as SARIF 2.1.0, written file by file: for code-review tools and CI annotations.
#include <cctype>

#include "emit/json_writer.hpp"
#include "util/text.hpp"
#include "emit/report/common.hpp"
#include "jixiao/version.hpp"

namespace jixiao::emit {
namespace {

const char* sarif_level(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

// A file path as a URI: absolute ones as file:// URIs, relative ones as references.
std::string uri_of(const std::string& path) {
  return (!path.empty() && path[0] == '/' ? "file://" : "") + text::percent_encoded(path, "-._~/");
}

void artifact_location(JsonWriter& w, const std::string& path, std::size_t index) {
  w.key("artifactLocation").begin_object().key("uri").string(uri_of(path));
  w.key("index").integer(static_cast<std::int64_t>(index)).end_object();
}

class SarifWriter : public ReportWriter {
public:
  SarifWriter(Lang lang, TextSink out) : lang_(lang), out_(std::move(out)), rules_(rule_catalogue()) {
    JsonWriter w;
    w.begin_object().key("driver").begin_object();
    w.key("name").string("jixiao").key("version").string(JIXIAO_VERSION).key("semanticVersion").string(JIXIAO_VERSION);
    w.key("rules").begin_array();
    for (const RuleDoc& r : rules_) {
      w.begin_object().key("id").string(r.id).key("name").string(r.slug);
      w.key("shortDescription").begin_object().key("text").string(r.title.in(lang)).end_object();
      w.key("fullDescription").begin_object().key("text").string(r.explanation.in(lang)).end_object();
      w.key("help").begin_object().key("text").string(r.explanation.in(lang)).end_object();
      w.key("defaultConfiguration").begin_object().key("level").string(sarif_level(r.severity)).end_object();
      w.key("properties").begin_object().key("fixable").boolean(r.fixable).end_object();
      w.end_object();
    }
    w.end_array().end_object().end_object();
    out_("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
         "  \"runs\": [\n    {\n      \"tool\": " + indent(w.finish(), 6).substr(6) + ",\n      \"results\": [");
  }

  void file(const FileReport& file) override {
    std::size_t index = paths_.size();
    paths_.push_back(file.path);
    if (file.error) unreadable_.push_back({index, file.error->message.in(lang_)});
    for (const Finding& f : file.findings) {
      std::size_t rule = 0;
      while (rule < rules_.size() && f.rule != rules_[rule].id) ++rule;
      JsonWriter w;
      w.begin_object();
      w.key("ruleId").string(f.rule).key("ruleIndex").integer(static_cast<std::int64_t>(rule));
      w.key("level").string(sarif_level(f.severity));
      w.key("message").begin_object().key("text").string(f.message.in(lang_)).end_object();
      w.key("locations").begin_array().begin_object();
      w.key("physicalLocation").begin_object();
      artifact_location(w, file.path, index);
      w.end_object();
      std::string place = where(f, lang_, file.converted_from.has_value(), &file.places);
      if (!place.empty()) {
        w.key("logicalLocations").begin_array().begin_object();
        w.key("name").string(place).key("kind").string("element").end_object().end_array();
      }
      w.end_object().end_array();
      w.end_object();
      out_((results_++ ? ",\n" : "\n") + indent(w.finish(), 8));
    }
  }

  void finish() override {
    JsonWriter artifacts;
    artifacts.begin_array();
    for (const std::string& p : paths_)
      artifacts.begin_object().key("location").begin_object().key("uri").string(uri_of(p)).end_object().end_object();
    artifacts.end_array();
    JsonWriter inv;
    inv.begin_array().begin_object();
    inv.key("executionSuccessful").boolean(unreadable_.empty());
    inv.key("toolExecutionNotifications").begin_array();
    for (const auto& [index, message] : unreadable_) {
      inv.begin_object().key("level").string("error");
      inv.key("message").begin_object().key("text").string(message).end_object();
      inv.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
      artifact_location(inv, paths_[index], index);
      inv.end_object().end_object().end_array().end_object();
    }
    inv.end_array().end_object().end_array();
    out_(std::string(results_ ? "\n      ]" : "]") + ",\n      \"artifacts\": " + indent(artifacts.finish(), 6).substr(6) +
         ",\n      \"invocations\": " + indent(inv.finish(), 6).substr(6) + "\n    }\n  ]\n}\n");
  }

private:
  Lang lang_;
  TextSink out_;
  std::vector<RuleDoc> rules_;
  std::vector<std::string> paths_;  // the artifacts: one path per file, all that is kept
  std::vector<std::pair<std::size_t, std::string>> unreadable_;
  std::size_t results_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> sarif_writer(const ReportOptions& o, TextSink out) {
  return std::make_unique<SarifWriter>(o.lang, std::move(out));
}

}  // namespace jixiao::emit
