// The compiler-style text report, one line a finding, then a summary line.
#include "emit/report/common.hpp"
#include "util/text.hpp"

namespace jixiao::emit {

std::string where(const Finding& f, Lang lang, bool converted, const std::vector<TablePlace>* places) {
  bool en = lang == Lang::en;
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
  if (f.project_seq) {
    add((en ? "project " : "项目") + std::to_string(f.project_seq));
    if (f.project_code && !f.project_code->empty()) add(*f.project_code);
  }
  if (f.at.table) add((en ? "table " : "表") + std::to_string(f.at.table));
  if (f.at.row) add(en ? "row " + std::to_string(f.at.row) : "第" + std::to_string(f.at.row) + "行");
  if (f.at.row && f.at.column) add(en ? "column " + std::to_string(f.at.column) : "第" + std::to_string(f.at.column) + "列");
  if (places && !places->empty() && f.at.table)
    if (auto sc = sheet_cell(*places, f.at)) add(en ? "sheet \"" + sc->sheet + "\" " + sc->cell : "工作表“" + sc->sheet + "”" + sc->cell);
  if (converted) out = en ? "(converted)" + (out.empty() ? "" : " " + out) : "（转换后）" + out;
  return out;
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

void Counts::add(const FileReport& f) {
  ++files;
  if (f.error) ++unreadable;
  for (const Finding& x : f.findings)
    (x.severity == Severity::error ? error : x.severity == Severity::warning ? warning : info)++;
}

std::string indent(std::string json, int spaces) {
  if (!json.empty() && json.back() == '\n') json.pop_back();
  std::string out(static_cast<std::size_t>(spaces), ' ');
  for (char c : json) {
    out += c;
    if (c == '\n') out.append(static_cast<std::size_t>(spaces), ' ');
  }
  return out;
}

namespace {

class TextWriter : public ReportWriter {
public:
  TextWriter(Lang lang, bool colour, TextSink out) : lang_(lang), colour_(colour), out_(std::move(out)) {}

  void file(const FileReport& file) override {
    counts_.add(file);
    bool en = lang_ == Lang::en;
    std::string text;
    if (file.error) {
      text = file.path + ": " + paint(Severity::error, en ? "unreadable" : "无法读取") + ": " +
             file.error->message.in(lang_) + "\n";
    }
    for (const Finding& f : file.findings) {
      std::string place = where(f, lang_, file.converted_from.has_value(), &file.places);
      text += text::concat({file.path, ": ", place, place.empty() ? "" : ": ", paint(f.severity, severity_name(f.severity)),
                            "[", f.rule, "] ", f.slug, ": ", f.message.in(lang_),
                            f.fixable ? (en ? " (fixable)" : "（可自动修复）") : "", "\n"});
    }
    out_(text);
  }

  void finish() override {
    const Counts& t = counts_;
    if (lang_ == Lang::en)
      out_(std::to_string(t.files) + (t.files == 1 ? " file" : " files") + " checked" +
           (t.unreadable ? " (" + std::to_string(t.unreadable) + " unreadable)" : "") + ": " +
           std::to_string(t.error) + " errors, " + std::to_string(t.warning) + " warnings, " +
           std::to_string(t.info) + " infos\n");
    else
      out_("共检查 " + std::to_string(t.files) + " 个文件" +
           (t.unreadable ? "（" + std::to_string(t.unreadable) + " 个无法读取）" : "") + "：错误 " +
           std::to_string(t.error) + "，警告 " + std::to_string(t.warning) + "，提示 " + std::to_string(t.info) + "\n");
  }

private:
  std::string paint(Severity s, const std::string& word) const {
    if (!colour_) return word;
    const char* code = s == Severity::error ? "\033[1;31m" : s == Severity::warning ? "\033[1;33m" : "\033[1;36m";
    return code + word + "\033[0m";
  }
  Lang lang_;
  bool colour_;
  TextSink out_;
  Counts counts_;
};

}  // namespace

std::unique_ptr<ReportWriter> text_writer(const ReportOptions& o, TextSink out) {
  return std::make_unique<TextWriter>(o.lang, o.colour, std::move(out));
}

}  // namespace jixiao::emit
