// A report writer by format, from the table of formats; a report written to a string.
#include "jixiao/formats.hpp"

namespace jixiao {

std::unique_ptr<ReportWriter> make_report_writer(ReportFormat format, const ReportOptions& options, TextSink out) {
  return output_format_info(format).write.report(options, std::move(out));
}

std::string format_report(const Report& report, ReportFormat format, Lang lang, bool colour) {
  std::string out;
  auto writer = make_report_writer(format, {lang, colour, report.fail_on, false}, [&](const std::string& s) { out += s; });
  for (const FileReport& f : report.files) writer->file(f);
  writer->finish();
  return out;
}

}  // namespace jixiao
