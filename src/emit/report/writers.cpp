// The report writers by format: the one place a ReportFormat becomes a writer.
#include "emit/report/common.hpp"

namespace jixiao {

std::unique_ptr<ReportWriter> make_report_writer(ReportFormat format, Lang lang, bool colour, Severity fail_on,
                                                 TextSink out) {
  switch (format) {
    case ReportFormat::json: return emit::json_writer(lang, std::move(out));
    case ReportFormat::sarif: return emit::sarif_writer(lang, std::move(out));
    case ReportFormat::junit: return emit::junit_writer(lang, fail_on, std::move(out));
    case ReportFormat::html: return emit::html_writer(lang, fail_on, std::move(out));
    default: return emit::text_writer(lang, colour, std::move(out));
  }
}

std::string format_report(const Report& report, ReportFormat format, Lang lang, bool colour) {
  std::string out;
  auto writer = make_report_writer(format, lang, colour, report.fail_on, [&](const std::string& s) { out += s; });
  for (const FileReport& f : report.files) writer->file(f);
  writer->finish();
  return out;
}

}  // namespace jixiao
