// The one table of output formats (see jixiao/formats.hpp).
#include "jixiao/formats.hpp"

namespace jixiao {

const std::vector<OutputFormatInfo>& output_formats() {
  static const std::vector<OutputFormatInfo> all = {
      {Command::convert, "json", ".json", int(OutputFormat::json), false, true, false, "模型", "the model"},
      {Command::convert, "ndjson", ".ndjson", int(OutputFormat::ndjson), false, true, false, "每行一个文档",
       "one document a line"},
      {Command::convert, "csv", ".csv", int(OutputFormat::csv), false, true, false, "表格", "a table"},
      {Command::convert, "xlsx", ".xlsx", int(OutputFormat::xlsx), true, true, false, "工作簿", "a workbook"},
      {Command::convert, "docx", ".docx", int(OutputFormat::docx), true, false, false, "规范化的文档",
       "the normalized document"},
      {Command::check, "text", ".txt", int(ReportFormat::text), false, true, true, "文字", "text"},
      {Command::check, "json", ".json", int(ReportFormat::json), false, true, false, "JSON", "JSON"},
      {Command::check, "sarif", ".sarif", int(ReportFormat::sarif), false, true, false, "SARIF（代码审查工具）",
       "SARIF, for code-review tools"},
      {Command::check, "junit", ".xml", int(ReportFormat::junit), false, true, false, "JUnit（持续集成）",
       "JUnit, for CI"},
      {Command::check, "html", ".html", int(ReportFormat::html), false, true, false, "审核页面，用浏览器打开",
       "a review page for a person: open it in a browser"},
      {Command::diff, "text", ".txt", int(DiffFormat::text), false, true, true, "文字", "text"},
      {Command::diff, "json", ".json", int(DiffFormat::json), false, true, false, "JSON", "JSON"},
      {Command::diff, "html", ".html", int(DiffFormat::html), false, true, false, "对比页面", "a page"},
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

const OutputFormatInfo& output_format_info(OutputFormat format) {
  for (const OutputFormatInfo& f : output_formats())
    if (f.command == Command::convert && f.value == int(format)) return f;
  return output_formats().front();
}

}  // namespace jixiao
