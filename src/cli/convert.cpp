// jixiao convert INPUTS: documents read into the model and written as JSON, NDJSON, CSV, XLSX or
// a normalized .docx.
#include <filesystem>
#include <iostream>

#include "cli/common.hpp"
#include "jixiao/check.hpp"
#include "jixiao/convert.hpp"
#include "util/files.hpp"

namespace jixiao::cli {
namespace {

class ConvertCommand : public CommandLine {
public:
  explicit ConvertCommand(CLI::App& parent) {
    app = parent.add_subcommand("convert", "把绩效目标表读成结构化数据 / read target documents into the typed model and write it");
    app->add_option("inputs", inputs_,
                    "输入的 .docx、.xlsx 文件（.doc、.wps、.odt、.rtf、.xls、.et、.ods 经 LibreOffice 转换）、文件夹"
                    "（递归查找）或 -（标准输入）/ .docx and .xlsx files (.doc, .wps, .odt, .rtf, .xls, .et, .ods "
                    "through LibreOffice), folders (searched recursively) or - for standard input")
        ->required();
    output_.add_format(app, "--to");
    app->add_flag("--fix", fix_,
                  "先应用可自动修复规则的修复（单位、空白、标题编号）/ apply the fixable rules' fixes "
                  "(units, spaces, heading numbers) before writing");
    app->add_option("--table", table_, "CSV 输出哪张表 / CSV table: indicators (指标, default), projects (项目)")
        ->check(CLI::IsMember({"indicators", "projects"}));
    app->add_option("--encoding", encoding_,
                    "CSV 编码 / CSV encoding: utf-8-bom (default, for Excel and WPS), utf-8, gb18030")
        ->check(CLI::IsMember({"utf-8-bom", "utf-8", "gb18030"}));
    app->add_option("--headers", headers_, "表头语言 / headers: zh (default), en (JSON key names)")
        ->check(CLI::IsMember({"zh", "en"}));
    reading_.add_to(app);
    app->add_flag("--with-findings", with_findings_,
                  "XLSX 增加“问题”工作表（check 的结果）/ add the sheet 问题 with what check finds");
    app->add_flag("--with-contacts", with_contacts_,
                  "表格中包含项目负责人和联系电话（个人信息，默认不含） / put 项目负责人 and 联系电话 (personal "
                  "data, left out by default) in csv and xlsx tables");
    output_.add_path(app, "输出文件（默认标准输出）；以 / 结尾则每个输入一个文件 / output file (default: "
                          "standard output); DIR/ writes one output per input");
    reading_.add_batch_to(app);
    app->add_flag("--summary-in-folder", summary_in_folder_,
                  "把文件夹的汇总.xlsx（含问题）和审核.html（审核页面）写入该文件夹本身（拖放用的批处理文件即用此项）"
                  " / write the folder's summary workbook 汇总.xlsx (with findings) and review page 审核.html into "
                  "the folder itself (what the drop-a-folder batch file runs)");
  }

  int run(Lang lang) override {
    if (summary_in_folder_) return summarize_folder(lang);
    ConvertOptions options = options_from_flags(lang);
    const OutputFormatInfo& format = output_.info();
    if (format.binary && output_.path.empty() && files::is_terminal(1)) {
      say("--to " + output_.format + " 输出的是二进制文件：请用 -o 指定文件名",
          "--to " + output_.format + " writes a binary file: give it a name with -o", lang);
      return kMisuse;
    }
    const std::string& path = output_.path;
    const bool to_dir = !path.empty() && (path.back() == '/' || path.back() == '\\' ||
                                          std::filesystem::is_directory(std::filesystem::u8path(path)));
    ConvertSummary summary;
    if (to_dir) {
      if (auto e = refuse_overwriting_input(path, inputs_)) {
        std::cerr << e->message.in(lang) << "\n";
        return kMisuse;
      }
      summary = convert_each(inputs_, options, path);
    } else {
      const int status = write_output_of(output_, inputs_, lang, [&](Output& sink, bool& commit) {
        summary = convert(inputs_, options, sink);
        commit = summary.wrote;
        return kOk;
      });
      if (status == kMisuse) return kMisuse;
    }
    if (options.progress) std::cerr << convert_summary(summary, lang);
    else
      for (const auto& f : summary.failures) report(f.path, f.error, lang);
    return summary.failures.empty() ? kOk : kMisuse;
  }

private:
  // --summary-in-folder: FOLDER/汇总.xlsx as `convert FOLDER --to xlsx --with-findings` writes it,
  // and FOLDER/审核.html as `check FOLDER --format html` does. jixiao names them, so that the
  // batch file that runs this stays ASCII (cmd.exe reads a batch file in the console's code
  // page, which is not GBK everywhere).
  int summarize_folder(Lang lang) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (inputs_.size() != 1 || !fs::is_directory(fs::u8path(inputs_[0]), ec)) {
      say("--summary-in-folder 需要一个文件夹：请把装有绩效目标表的文件夹拖到“拖入文件夹转换.bat”上，"
          "或运行 jixiao convert 文件夹 --summary-in-folder",
          "--summary-in-folder needs one folder: drop a folder of target documents on the batch file, or run "
          "jixiao convert FOLDER --summary-in-folder",
          lang);
      return kMisuse;
    }
    if (!output_.path.empty()) {
      say("--summary-in-folder 自己命名输出（汇总.xlsx、审核.html），不能与 -o 同用",
          "--summary-in-folder names its outputs itself (汇总.xlsx, 审核.html): it takes no -o", lang);
      return kMisuse;
    }
    const fs::path folder = fs::u8path(inputs_[0]);
    output_.format = "xlsx";
    output_.path = (folder / fs::u8path("汇总.xlsx")).u8string();
    with_findings_ = true;
    ConvertOptions options = options_from_flags(lang);
    ConvertSummary summary;
    int status = write_output_of(output_, inputs_, lang, [&](Output& sink, bool& commit) {
      summary = convert(inputs_, options, sink);
      commit = summary.wrote;
      return kOk;
    });
    if (options.progress) std::cerr << convert_summary(summary, lang);
    else
      for (const auto& f : summary.failures) report(f.path, f.error, lang);
    if (status == kMisuse || !summary.wrote) return kMisuse;
    OutputOptions page{Command::check, "html"};
    page.path = (folder / fs::u8path("审核.html")).u8string();
    CheckOptions check;
    check.limits = reading_.limits;
    check.jobs = reading_.jobs;
    check.progress = options.progress;
    check.lang = lang;
    check.converter = options.read.converter;
    status = write_output_of(page, inputs_, lang, [&](Output& sink, bool& commit) {
      auto outcome = check_stream(inputs_, check, [&](Severity fail_on) {
        return make_report_writer(ReportFormat::html, {lang, false, fail_on, false},
                                  [&](const std::string& text) { sink.write(text); });
      });
      commit = static_cast<bool>(outcome);
      if (!outcome) std::cerr << outcome.error().message.in(lang) << "\n";
      return outcome ? kOk : kMisuse;
    });
    if (status == kMisuse) return kMisuse;
    say("完成：" + output_.path + " 和 " + page.path, "done: " + output_.path + " and " + page.path, lang);
    return summary.failures.empty() ? kOk : kMisuse;
  }

  ConvertOptions options_from_flags(Lang lang) const {
    ConvertOptions options;
    options.lang = lang;
    options.format = static_cast<OutputFormat>(output_.info().value);
    options.table = table_ == "projects" ? TableChoice::projects : TableChoice::indicators;
    options.encoding = encoding_ == "utf-8"     ? CsvEncoding::utf8
                       : encoding_ == "gb18030" ? CsvEncoding::gb18030
                                                : CsvEncoding::utf8_bom;
    options.headers = headers_ == "en" ? HeaderLang::en : HeaderLang::zh;
    options.with_findings = with_findings_;
    options.with_contacts = with_contacts_;
    options.fix = fix_;
    options.read.limits = reading_.limits;
    options.read.converter = reading_.converter();
    options.jobs = reading_.jobs;
    options.progress = reading_.progress();
    return options;
  }

  std::vector<std::string> inputs_;
  std::string table_ = "indicators", encoding_ = "utf-8-bom", headers_ = "zh";
  bool fix_ = false, with_findings_ = false, with_contacts_ = false, summary_in_folder_ = false;
  OutputOptions output_{Command::convert, "json"};
  ReadingOptions reading_;
};

}  // namespace

std::unique_ptr<CommandLine> add_convert(CLI::App& app) { return std::make_unique<ConvertCommand>(app); }

}  // namespace jixiao::cli
