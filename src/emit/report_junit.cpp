// JUnit XML for GitLab and Jenkins: a test suite per file, a test case per project card (and
// one for the document as a whole), a failure per finding at or above the threshold.
#include <map>

#include "emit/report_common.hpp"

namespace jixiao::emit {

std::string junit_report(const Report& report, Lang lang) {
  bool en = lang == Lang::en;
  std::string suites;
  int all_tests = 0, all_failures = 0, all_errors = 0;
  for (const FileReport& file : report.files) {
    std::string path = xml_escape(file.path);
    if (file.error) {
      ++all_tests;
      ++all_errors;
      suites += "  <testsuite name=\"" + path + "\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
                "    <testcase classname=\"" + path + "\" name=\"" + (en ? "read" : "读取") + "\">\n"
                "      <error message=\"" + xml_escape(file.error->message.in(lang)) + "\"/>\n"
                "    </testcase>\n  </testsuite>\n";
      continue;
    }
    std::map<int, std::pair<std::string, std::vector<const Finding*>>> cases;  // by project seq
    cases[0].first = en ? "document" : "文档";
    for (const Finding& f : file.findings) {
      auto& c = cases[f.project_seq];
      if (c.first.empty())
        c.first = (en ? "project " : "项目") + std::to_string(f.project_seq) +
                  (f.project_code ? " " + *f.project_code : "");
      if (f.severity >= report.fail_on) c.second.push_back(&f);
    }
    int tests = 0, failures = 0;
    std::string body;
    for (const auto& [seq, c] : cases) {
      ++tests;
      body += "    <testcase classname=\"" + path + "\" name=\"" + xml_escape(c.first) + "\">\n";
      for (const Finding* f : c.second) {
        ++failures;
        std::string place = where(*f, lang);
        body += "      <failure type=\"" + f->rule + "\" message=\"" + xml_escape(f->message.in(lang)) + "\">" +
                xml_escape(std::string(severity_name(f->severity)) + "[" + f->rule + "] " + f->slug +
                           (place.empty() ? "" : " " + place) + ": " + f->message.in(lang)) +
                "</failure>\n";
      }
      body += "    </testcase>\n";
    }
    all_tests += tests;
    all_failures += failures;
    suites += "  <testsuite name=\"" + path + "\" tests=\"" + std::to_string(tests) + "\" failures=\"" +
              std::to_string(failures) + "\" errors=\"0\">\n" + body + "  </testsuite>\n";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"jixiao\" tests=\"" +
         std::to_string(all_tests) + "\" failures=\"" + std::to_string(all_failures) + "\" errors=\"" +
         std::to_string(all_errors) + "\">\n" + suites + "</testsuites>\n";
}

std::string text_report(const Report& report, Lang lang, bool colour);
std::string json_report(const Report& report, Lang lang);
std::string sarif_report(const Report& report, Lang lang);

}  // namespace jixiao::emit

namespace jixiao {

std::string format_report(const Report& report, ReportFormat format, Lang lang, bool colour) {
  switch (format) {
    case ReportFormat::json: return emit::json_report(report, lang);
    case ReportFormat::sarif: return emit::sarif_report(report, lang);
    case ReportFormat::junit: return emit::junit_report(report, lang);
    default: return emit::text_report(report, lang, colour);
  }
}

}  // namespace jixiao
