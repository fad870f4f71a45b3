// The one table of output formats (see jixiao/formats.hpp).
#include "jixiao/formats.hpp"

#include "emit/diff/writers.hpp"
#include "emit/model/whole.hpp"
#include "emit/report/common.hpp"
#include "jixiao/emit.hpp"

namespace jixiao {
namespace {

FormatWriter each(std::string (*f)(const Document&, Lang)) {
  FormatWriter w;
  w.each = f;
  return w;
}
FormatWriter whole(Expected<std::string> (*f)(const std::vector<Document>&, const ConvertOptions&)) {
  FormatWriter w;
  w.whole = f;
  return w;
}
FormatWriter report(std::unique_ptr<ReportWriter> (*f)(const ReportOptions&, TextSink)) {
  FormatWriter w;
  w.report = f;
  return w;
}
FormatWriter diff(std::unique_ptr<DiffWriter> (*f)(const std::string&, const std::string&, const DiffOptions&, bool,
                                                   DiffSink)) {
  FormatWriter w;
  w.diff = f;
  return w;
}

template <class Format>
const OutputFormatInfo& info_of(Command command, Format format) {
  for (const OutputFormatInfo& f : output_formats())
    if (f.command == command && f.value == int(format)) return f;
  return output_formats().front();  // not reached: every format has its entry
}

}  // namespace

const std::vector<OutputFormatInfo>& output_formats() {
  static const std::vector<OutputFormatInfo> all = {
      {Command::convert, "json", ".json", int(OutputFormat::json), false, true, false, "模型", "the model",
       each(to_json)},
      {Command::convert, "ndjson", ".ndjson", int(OutputFormat::ndjson), false, true, false, "每行一个文档",
       "one document a line",
       each(to_json_line)},
      {Command::convert, "csv", ".csv", int(OutputFormat::csv), false, true, false, "表格", "a table",
       whole(emit::csv_output)},
      {Command::convert, "xlsx", ".xlsx", int(OutputFormat::xlsx), true, true, false, "工作簿", "a workbook",
       whole(emit::xlsx_output)},
      {Command::convert, "docx", ".docx", int(OutputFormat::docx), true, false, false, "规范化的文档",
       "the normalized document",
       whole(emit::docx_output)},
      {Command::check, "text", ".txt", int(ReportFormat::text), false, true, true, "文字", "text",
       report(emit::text_writer)},
      {Command::check, "json", ".json", int(ReportFormat::json), false, true, false, "JSON", "JSON",
       report(emit::json_writer)},
      {Command::check, "sarif", ".sarif", int(ReportFormat::sarif), false, true, false, "SARIF（代码审查工具）",
       "SARIF, for code-review tools",
       report(emit::sarif_writer)},
      {Command::check, "junit", ".xml", int(ReportFormat::junit), false, true, false, "JUnit（持续集成）",
       "JUnit, for CI",
       report(emit::junit_writer)},
      {Command::check, "html", ".html", int(ReportFormat::html), false, true, false, "审核页面，用浏览器打开",
       "a review page for a person: open it in a browser",
       report(emit::html_writer)},
      {Command::diff, "text", ".txt", int(DiffFormat::text), false, true, true, "文字", "text",
       diff(emit::diff_text_writer)},
      {Command::diff, "json", ".json", int(DiffFormat::json), false, true, false, "JSON", "JSON",
       diff(emit::diff_json_writer)},
      {Command::diff, "html", ".html", int(DiffFormat::html), false, true, false, "对比页面", "a page",
       diff(emit::diff_html_writer)},
  };
  return all;
}

const OutputFormatInfo* find_output_format(Command command, std::string_view name) {
  for (const OutputFormatInfo& f : output_formats())
    if (f.command == command && name == f.name) return &f;
  return nullptr;
}

std::vector<std::string> output_format_names(Command command) {
  std::vector<std::string> names;
  for (const OutputFormatInfo& f : output_formats())
    if (f.command == command) names.emplace_back(f.name);
  return names;
}

std::string output_format_help(Command command) {
  std::string zh, en;
  for (const OutputFormatInfo& f : output_formats()) {
    if (f.command != command) continue;
    const bool first = zh.empty();
    zh += std::string(first ? "" : "，") + f.name + (first ? "（默认，" : "（") + f.zh + "）";
    en += std::string(first ? "" : ", ") + f.name + (first ? " (default: " : " (") + f.en + ")";
  }
  return "输出格式：" + zh + " / output format: " + en;
}

const OutputFormatInfo& output_format_info(OutputFormat format) { return info_of(Command::convert, format); }
const OutputFormatInfo& output_format_info(ReportFormat format) { return info_of(Command::check, format); }
const OutputFormatInfo& output_format_info(DiffFormat format) { return info_of(Command::diff, format); }

}  // namespace jixiao
