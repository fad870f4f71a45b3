#pragma once
// What every report format says alike: where a finding is, and the totals.
#include <string>

#include "jixiao/check.hpp"

namespace jixiao::emit {

// "项目2 13073021EOT8X7ZTVTKA0 表3 第3行" / "project 2 13073021EOT8X7ZTVTKA0 table 3 row 3";
// empty for a finding about the whole document. `converted`: the file was converted by
// LibreOffice, and the place, in the converted document, is marked "（转换后）" / "(converted)".
// With a workbook's places, the sheet and cell close it ("工作表“05-2”F7").
std::string where(const Finding& f, Lang lang, bool converted = false, const std::vector<TablePlace>* places = nullptr);

// What a report's summary says, counted as files go by.
struct Counts {
  int files = 0, unreadable = 0, error = 0, warning = 0, info = 0;
  void add(const FileReport& f);
};

std::string xml_escape(const std::string& s);
// A JSON text shifted right by `spaces`, without its final line end: to nest it in a stream.
std::string indent(std::string json, int spaces);

// The report writers, each of the one shape the table of formats holds (jixiao/formats.hpp):
// what a format does not use, it ignores.
std::unique_ptr<ReportWriter> text_writer(const ReportOptions& options, TextSink out);
std::unique_ptr<ReportWriter> json_writer(const ReportOptions& options, TextSink out);
std::unique_ptr<ReportWriter> sarif_writer(const ReportOptions& options, TextSink out);
std::unique_ptr<ReportWriter> junit_writer(const ReportOptions& options, TextSink out);
// The review page: emit/html/review.cpp.
std::unique_ptr<ReportWriter> html_writer(const ReportOptions& options, TextSink out);

}  // namespace jixiao::emit
