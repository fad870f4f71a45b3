// JUnit XML for GitLab and Jenkins: a test suite per file, a test case per project card (and
// one for the document as a whole), a failure per finding at or above the threshold.
#include <map>

#include "emit/report/common.hpp"

namespace jixiao::emit {
namespace {

class JUnitWriter : public ReportWriter {
public:
  JUnitWriter(Lang lang, Severity fail_on, TextSink out) : lang_(lang), fail_on_(fail_on), out_(std::move(out)) {
    out_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"jixiao\">\n");
  }

  void file(const FileReport& file) override {
    bool en = lang_ == Lang::en;
    std::string path = xml_escape(file.path);
    if (file.error) {
      out_("  <testsuite name=\"" + path + "\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
           "    <testcase classname=\"" + path + "\" name=\"" + (en ? "read" : "读取") + "\">\n"
           "      <error message=\"" + xml_escape(file.error->message.in(lang_)) + "\"/>\n"
           "    </testcase>\n  </testsuite>\n");
      return;
    }
    std::map<int, std::pair<std::string, std::vector<const Finding*>>> cases;  // by project seq
    cases[0].first = en ? "document" : "文档";
    for (const Finding& f : file.findings) {
      auto& c = cases[f.project_seq];
      if (c.first.empty())
        c.first = (en ? "project " : "项目") + std::to_string(f.project_seq) + (f.project_code ? " " + *f.project_code : "");
      if (f.severity >= fail_on_) c.second.push_back(&f);
    }
    int failures = 0;
    std::string body;
    for (const auto& [seq, c] : cases) {
      body += "    <testcase classname=\"" + path + "\" name=\"" + xml_escape(c.first) + "\">\n";
      for (const Finding* f : c.second) {
        ++failures;
        std::string place = where(*f, lang_, file.converted_from.has_value(), &file.places);
        const std::string rule(f->rule), slug(f->slug);
        body += "      <failure type=\"" + rule + "\" message=\"" + xml_escape(f->message.in(lang_)) + "\">" +
                xml_escape(std::string(severity_name(f->severity)) + "[" + rule + "] " + slug +
                           (place.empty() ? "" : " " + place) + ": " + f->message.in(lang_)) +
                "</failure>\n";
      }
      body += "    </testcase>\n";
    }
    out_("  <testsuite name=\"" + path + "\" tests=\"" + std::to_string(cases.size()) + "\" failures=\"" +
         std::to_string(failures) + "\" errors=\"0\">\n" + body + "  </testsuite>\n");
  }

  void finish() override { out_("</testsuites>\n"); }

private:
  Lang lang_;
  Severity fail_on_;
  TextSink out_;
};

}  // namespace

std::unique_ptr<ReportWriter> junit_writer(const ReportOptions& o, TextSink out) {
  return std::make_unique<JUnitWriter>(o.lang, o.fail_on, std::move(out));
}

}  // namespace jixiao::emit
