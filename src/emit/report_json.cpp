// "jixiao.report/1" (schemas/report.schema.json) and SARIF 2.1.0.
#include <cctype>

#include "emit/json_writer.hpp"
#include "emit/report_common.hpp"

namespace jixiao::emit {

std::string json_report(const Report& report, Lang lang) {
  JsonWriter w;
  w.begin_object().key("schema").string("jixiao.report/1").key("files").begin_array();
  for (const FileReport& file : report.files) {
    w.begin_object().key("path").string(file.path).key("error");
    if (file.error) w.string(file.error->message.in(lang));
    else w.null();
    w.key("findings").begin_array();
    for (const Finding& f : file.findings) {
      w.begin_object();
      w.key("rule").string(f.rule).key("slug").string(f.slug);
      w.key("severity").string(severity_name(f.severity));
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
        w.end_object();
      } else {
        w.null();
      }
      w.end_object();
    }
    w.end_array().end_object();
  }
  w.end_array();
  Totals t = totals(report);
  w.key("summary").begin_object();
  w.key("files").integer(t.files).key("unreadable").integer(t.unreadable);
  w.key("error").integer(t.error).key("warning").integer(t.warning).key("info").integer(t.info);
  w.end_object().end_object();
  return w.finish();
}

namespace {
const char* sarif_level(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

// A file path as a URI: absolute ones as file:// URIs, relative ones as references: percent-encode what a URI may not hold.
std::string uri_of(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::string("-._~/").find(static_cast<char>(c)) != std::string::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}
}  // namespace

std::string sarif_report(const Report& report, Lang lang) {
  std::vector<RuleDoc> rules = rule_catalogue();
  JsonWriter w;
  w.begin_object();
  w.key("$schema").string("https://json.schemastore.org/sarif-2.1.0.json");
  w.key("version").string("2.1.0");
  w.key("runs").begin_array().begin_object();
  w.key("tool").begin_object().key("driver").begin_object();
  w.key("name").string("jixiao").key("version").string("0.1.0").key("semanticVersion").string("0.1.0");
  w.key("rules").begin_array();
  for (const RuleDoc& r : rules) {
    w.begin_object().key("id").string(r.id).key("name").string(r.slug);
    w.key("shortDescription").begin_object().key("text").string(r.title.in(lang)).end_object();
    w.key("fullDescription").begin_object().key("text").string(r.explanation.in(lang)).end_object();
    w.key("help").begin_object().key("text").string(r.explanation.in(lang)).end_object();
    w.key("defaultConfiguration").begin_object().key("level").string(sarif_level(r.severity)).end_object();
    w.key("properties").begin_object().key("fixable").boolean(r.fixable).end_object();
    w.end_object();
  }
  w.end_array().end_object().end_object();
  w.key("invocations").begin_array().begin_object();
  w.key("executionSuccessful").boolean(!report.has_unreadable());
  w.key("toolExecutionNotifications").begin_array();
  for (std::size_t k = 0; k < report.files.size(); ++k) {
    const FileReport& file = report.files[k];
    if (!file.error) continue;
    w.begin_object().key("level").string("error");
    w.key("message").begin_object().key("text").string(file.error->message.in(lang)).end_object();
    w.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
    w.key("artifactLocation").begin_object().key("uri").string(uri_of(file.path)).key("index").integer(static_cast<std::int64_t>(k)).end_object();
    w.end_object().end_object().end_array().end_object();
  }
  w.end_array().end_object().end_array();
  w.key("artifacts").begin_array();
  for (const FileReport& file : report.files)
    w.begin_object().key("location").begin_object().key("uri").string(uri_of(file.path)).end_object().end_object();
  w.end_array();
  w.key("results").begin_array();
  for (std::size_t k = 0; k < report.files.size(); ++k) {
    for (const Finding& f : report.files[k].findings) {
      std::size_t index = 0;
      while (index < rules.size() && f.rule != rules[index].id) ++index;
      w.begin_object();
      w.key("ruleId").string(f.rule).key("ruleIndex").integer(static_cast<std::int64_t>(index));
      w.key("level").string(sarif_level(f.severity));
      w.key("message").begin_object().key("text").string(f.message.in(lang)).end_object();
      w.key("locations").begin_array().begin_object();
      w.key("physicalLocation").begin_object().key("artifactLocation").begin_object();
      w.key("uri").string(uri_of(report.files[k].path)).key("index").integer(static_cast<std::int64_t>(k));
      w.end_object().end_object();
      std::string place = where(f, lang);
      if (!place.empty()) {
        w.key("logicalLocations").begin_array().begin_object();
        w.key("name").string(place).key("kind").string("element").end_object().end_array();
      }
      w.end_object().end_array();
      w.end_object();
    }
  }
  w.end_array();
  w.end_object().end_array().end_object();
  return w.finish();
}

}  // namespace jixiao::emit
