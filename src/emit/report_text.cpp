// The compiler-style text report, one line a finding, then a summary line.
#include "emit/report_common.hpp"

namespace jixiao::emit {

std::string where(const Finding& f, Lang lang) {
  bool en = lang == Lang::en;
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
  if (f.project_seq) {
    add((en ? "project " : "项目") + std::to_string(f.project_seq));
    if (f.project_code && !f.project_code->empty()) add(*f.project_code);
  }
  if (f.at.table) add((en ? "table " : "表") + std::to_string(f.at.table));
  if (f.at.row) add(en ? "row " + std::to_string(f.at.row) : "第" + std::to_string(f.at.row) + "行");
  return out;
}

Totals totals(const Report& report) {
  Totals t;
  for (const FileReport& f : report.files) {
    ++t.files;
    if (f.error) ++t.unreadable;
    for (const Finding& x : f.findings)
      (x.severity == Severity::error ? t.error : x.severity == Severity::warning ? t.warning : t.info)++;
  }
  return t;
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 has no place for other control characters.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') out += ' ';
        else out += c;
    }
  }
  return out;
}

std::string text_report(const Report& report, Lang lang, bool colour) {
  auto paint = [&](Severity s, const std::string& word) {
    if (!colour) return word;
    const char* code = s == Severity::error ? "\033[1;31m" : s == Severity::warning ? "\033[1;33m" : "\033[1;36m";
    return code + word + "\033[0m";
  };
  bool en = lang == Lang::en;
  std::string out;
  for (const FileReport& file : report.files) {
    if (file.error) {
      out += file.path + ": " + paint(Severity::error, en ? "unreadable" : "无法读取") + ": " +
             file.error->message.in(lang) + "\n";
      continue;
    }
    for (const Finding& f : file.findings) {
      std::string place = where(f, lang);
      out += file.path + ": " + (place.empty() ? "" : place + ": ") + paint(f.severity, severity_name(f.severity)) +
             "[" + f.rule + "] " + f.slug + ": " + f.message.in(lang) + (f.fixable ? (en ? " (fixable)" : "（可自动修复）") : "") +
             "\n";
    }
  }
  Totals t = totals(report);
  if (en)
    out += std::to_string(t.files) + (t.files == 1 ? " file" : " files") + " checked" +
           (t.unreadable ? " (" + std::to_string(t.unreadable) + " unreadable)" : "") + ": " +
           std::to_string(t.error) + " errors, " + std::to_string(t.warning) + " warnings, " +
           std::to_string(t.info) + " infos\n";
  else
    out += "共检查 " + std::to_string(t.files) + " 个文件" +
           (t.unreadable ? "（" + std::to_string(t.unreadable) + " 个无法读取）" : "") + "：错误 " +
           std::to_string(t.error) + "，警告 " + std::to_string(t.warning) + "，提示 " + std::to_string(t.info) + "\n";
  return out;
}

}  // namespace jixiao::emit
