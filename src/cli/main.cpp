// Parses arguments, calls the library, maps results to exit codes. No logic of its own.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <cstdlib>
#include <malloc.h>
#include <vector>
#ifdef _WIN32
#include <windows.h>
#include <shellapi.h>
#endif

#include <CLI/CLI.hpp>

#include "jixiao/check.hpp"
#include "jixiao/commit.hpp"
#include "jixiao/diff.hpp"
#include "jixiao/convert.hpp"
#include "jixiao/intake.hpp"
#include "jixiao/interrupt.hpp"
#include "jixiao/version.hpp"
#include "util/files.hpp"

namespace {

constexpr int kOk = 0;
constexpr int kFindings = 1;
constexpr int kMisuse = 2;

void report(const std::string& path, const jixiao::Error& e, jixiao::Lang lang) {
  std::cerr << path << ": " << e.message.in(lang) << "\n";
}

// Standard output, or the -o file written whole or not at all.
int emit(const std::string& output, const std::string& data, jixiao::Lang lang) {
  if (output.empty()) {
    jixiao::files::write_text(1, data);
    return kOk;
  }
  if (auto e = jixiao::write_output(output, data)) {
    report(output, *e, lang);
    return kMisuse;
  }
  return kOk;
}

// The reader's limits, each with its default, on a subcommand.
void add_limits(CLI::App* app, jixiao::ReadLimits& limits) {
  app->add_option("--max-part-mib", limits.max_part_bytes,
                  "单个部件解压上限 / largest inflated part, in MiB (default 64)")
      ->transform([](std::string s) { return std::to_string(std::stoull(s) << 20); })
      ->check(CLI::PositiveNumber);
  app->add_option("--max-entries", limits.max_entries, "压缩包文件数上限 / most zip entries (default 10000)")
      ->check(CLI::PositiveNumber);
  app->add_option("--max-ratio", limits.max_ratio, "压缩比上限 / largest compression ratio (default 200)")
      ->check(CLI::PositiveNumber);
  app->add_option("--max-columns", limits.max_columns, "表格列数上限 / widest table, in columns (default 64)")
      ->check(CLI::Range(1, 4096));
  app->add_option("--max-depth", limits.max_table_depth, "表格嵌套层数上限 / deepest table nesting (default 16)")
      ->check(CLI::Range(1, 256));
}

// How .doc, .wps, .odt and .rtf files are converted, on a subcommand.
void add_intake(CLI::App* app, jixiao::ConverterOptions& intake) {
  app->add_option("--soffice", intake.soffice,
                  "LibreOffice 的 soffice 路径，用于读取 .doc/.wps/.odt/.rtf（默认：环境变量 JIXIAO_SOFFICE，"
                  "否则 PATH 中的 soffice）/ LibreOffice's soffice, to read .doc, .wps, .odt and .rtf "
                  "(default: $JIXIAO_SOFFICE, else soffice on PATH)");
  app->add_option("--convert-timeout", intake.timeout_seconds,
                  "单个文件转换的时限（秒，默认 120），超时即终止并报告 / seconds one file's conversion may "
                  "take (default 120): past it, the converter is stopped and the file reported")
      ->check(CLI::Range(1, 86400));
  app->add_option("--keep-converted", intake.keep_dir,
                  "把转换得到的 .docx 保存到此文件夹，供核对 / keep the converted .docx files in this folder, "
                  "for audit");
}

// The converter a run uses: made now, started only if a file needs it.
std::shared_ptr<jixiao::Converter> converter_for(jixiao::ConverterOptions intake, int jobs) {
  intake.processes = jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::make_shared<jixiao::Converter>(intake);
}

// A text report (not JSON, SARIF, JUnit, HTML) going to a file or a pipe on Windows begins with
// a UTF-8 byte-order mark, by which Notepad and Excel there know its encoding; a console gets
// UTF-16 (files::write_text) and needs none, and POSIX systems want none.
void text_file_mark([[maybe_unused]] jixiao::Output& sink, [[maybe_unused]] const std::string& output) {
#ifdef _WIN32
  if (!output.empty() || !jixiao::files::is_terminal(1)) sink.write("\xEF\xBB\xBF");
#endif
}

#ifdef _WIN32
// Standard error through files::write_text: on a console as UTF-16, whatever its code page.
class ErrorStream : public std::streambuf {
protected:
  int overflow(int c) override {
    if (c != EOF) text_ += static_cast<char>(c);
    if (c == '\n' || c == EOF) sync();
    return c == EOF ? 0 : c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    text_.append(s, static_cast<std::size_t>(n));
    if (text_.find('\n') != std::string::npos) sync();
    return n;
  }
  int sync() override {
    jixiao::files::write_text(2, text_);
    text_.clear();
    return 0;
  }

private:
  std::string text_;
};
#endif

}  // namespace

int main(int argc, char** argv) {
#ifdef _WIN32
  // The arguments as Windows has them, in UTF-16, made UTF-8: never through the ANSI code page.
  int wargc = 0;
  wchar_t** wargv = CommandLineToArgvW(GetCommandLineW(), &wargc);
  static std::vector<std::string> utf8_args;
  static std::vector<char*> utf8_argv;
  for (int k = 0; k < wargc; ++k) utf8_args.push_back(jixiao::files::utf8(wargv[k]));
  for (std::string& a : utf8_args) utf8_argv.push_back(a.data());
  utf8_argv.push_back(nullptr);
  argc = wargc;
  argv = utf8_argv.data();
  static ErrorStream error_stream;
  std::cerr.rdbuf(&error_stream);
#else
  // Each document allocates and frees buffers of a few hundred KiB; kept in the heap instead
  // of mapped and unmapped each time, they cost no page faults (measured: bench/RESULTS.md).
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
  // libzip turns each entry's DOS time into a time_t with mktime(), and without TZ the C
  // library looks at /etc/localtime again (a stat) on every call: some twenty times for each
  // document. Naming the same zone as the default in TZ lets it look once (measured: 8% of the
  // time of a batch here). The zone is unchanged; nothing this program writes depends on it.
  setenv("TZ", ":/etc/localtime", 0);
#endif
  CLI::App app{"jixiao — 预算绩效目标表（.docx）的转换与检查 / converts and checks budget "
               "performance-target documents"};
  app.require_subcommand(1);
  // Not "/option" as on Windows by default: a path such as /tmp/a.docx is a path there too.
  app.allow_windows_style_options(false);
  app.set_version_flag("--version", "jixiao " JIXIAO_VERSION " (commit " JIXIAO_COMMIT ")");
  std::string lang_name = "zh";
  app.add_option("--lang", lang_name, "消息语言 / language of messages: zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}));
  app.fallthrough();
  app.footer("退出状态 / exit status: 0 成功 success; 1 check 发现问题、diff 有差异 / check findings, diff "
             "differences; 2 用法错误或文件无法读取 / misuse or an unreadable input");

  CLI::App* convert = app.add_subcommand(
      "convert", "把 .docx 读成结构化数据 / read .docx files into the typed model and write it");
  std::vector<std::string> inputs;
  std::string to = "json", output;
  convert->add_option("inputs", inputs,
                      "输入的 .docx 文件（.doc、.wps、.odt、.rtf 经 LibreOffice 转换）、文件夹（递归查找）或 -（标准输入）/ .docx files (.doc, .wps, .odt, .rtf through LibreOffice), folders "
                      "(searched recursively) or - for standard input")
      ->required();
  convert->add_option("--to", to, "输出格式 / output format: json (default), ndjson, csv, xlsx, docx")
      ->check(CLI::IsMember({"json", "ndjson", "csv", "xlsx", "docx"}));
  bool fix = false;
  convert->add_flag("--fix", fix,
                    "先应用可自动修复规则的修复（单位、空白、标题编号）/ apply the fixable rules' fixes "
                    "(units, spaces, heading numbers) before writing");
  std::string table = "indicators", encoding = "utf-8-bom", headers = "zh";
  bool with_findings = false;
  convert->add_option("--table", table, "CSV 输出哪张表 / CSV table: indicators (指标, default), projects (项目)")
      ->check(CLI::IsMember({"indicators", "projects"}));
  convert->add_option("--encoding", encoding,
                      "CSV 编码 / CSV encoding: utf-8-bom (default, for Excel and WPS), utf-8, gb18030")
      ->check(CLI::IsMember({"utf-8-bom", "utf-8", "gb18030"}));
  convert->add_option("--headers", headers, "表头语言 / headers: zh (default), en (JSON key names)")
      ->check(CLI::IsMember({"zh", "en"}));
  jixiao::ReadLimits convert_limits;
  add_limits(convert, convert_limits);
  jixiao::ConverterOptions convert_intake;
  add_intake(convert, convert_intake);
  convert->add_flag("--with-findings", with_findings,
                    "XLSX 增加“问题”工作表（check 的结果）/ add the sheet 问题 with what check finds");
  convert->add_option("-o,--output", output,
                      "输出文件（默认标准输出）；以 / 结尾则每个输入一个文件 / output file (default: "
                      "standard output); DIR/ writes one output per input");
  int jobs = 0;
  bool progress_on = false, progress_off = false;
  auto add_batch_options = [&](CLI::App* sub) {
    sub->add_option("-j,--jobs", jobs, "并行读取的线程数（默认：CPU 核数）/ reading threads (default: the cores)")
        ->check(CLI::Range(0, 256));
    sub->add_flag("--progress", progress_on, "显示进度（默认仅在终端显示）/ show progress (default: on a terminal)");
    sub->add_flag("--no-progress", progress_off, "不显示进度 / no progress");
  };
  add_batch_options(convert);

  CLI::App* check = app.add_subcommand(
      "check", "按规则检查绩效目标表 / check documents against the rules (jixiao rules lists them)");
  std::vector<std::string> check_inputs;
  std::string format = "text", check_output, config_path, profile, fail_on;
  std::vector<std::string> select, ignore;
  int year = 0;
  check->add_option("inputs", check_inputs, "要检查的文件（.docx；.doc、.wps、.odt、.rtf 经 LibreOffice 转换）或文件夹 / files to check (.docx; .doc, .wps, .odt, .rtf through LibreOffice) or folders")->required();
  check->add_option("--format", format, "报告格式 / report format: text (default), json, sarif, junit, "
                    "html (a review page for a person: open it in a browser)")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "html"}));
  check->add_option("-o,--output", check_output, "报告文件（默认标准输出）/ report file (default: stdout)");
  check->add_option("--config", config_path,
                    "配置文件（默认在输入文件所在及上级目录找 .jixiao.json）/ configuration file "
                    "(default: .jixiao.json in the input's folder or a parent)");
  check->add_option("--profile", profile, "指标体系 / indicator framework: auto (default), 2015, 2021")
      ->check(CLI::IsMember({"auto", "2015", "2021"}));
  check->add_option("--year", year, "预算年度，供 JX303 使用 / budget year, for JX303")
      ->check(CLI::Range(2000, 2099));
  check->add_option("--select", select, "只运行这些规则（可用前缀，如 JX2）/ run only these rules (prefixes allowed)")
      ->delimiter(',');
  check->add_option("--ignore", ignore, "不运行这些规则 / skip these rules (prefixes allowed)")->delimiter(',');
  check->add_option("--fail-on", fail_on, "达到此级别即退出 1 / exit 1 at or above: error (default), warning, info")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  jixiao::CheckOptions check_options;
  add_limits(check, check_options.limits);
  jixiao::ConverterOptions check_intake;
  add_intake(check, check_intake);
  add_batch_options(check);
  std::string colour = "auto";
  check->add_option("--color", colour, "彩色输出 / colour: auto (default: on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  CLI::App* diff = app.add_subcommand(
      "diff", "比较两个版本（文件或文件夹）有何变化 / what changed between two versions (documents or folders)");
  std::string diff_old, diff_new, diff_format = "text", diff_output, threshold = "50", fail_on_change;
  bool ignore_whitespace = false;
  diff->add_option("old", diff_old, "旧版本：文件或文件夹 / the old version: a document or a folder")->required();
  diff->add_option("new", diff_new, "新版本：文件或文件夹（文件夹中的文件按单位编码、再按文件名配对）/ the new "
                                    "version: a document or a folder (a folder's documents are paired by unit "
                                    "code, then by file name)")->required();
  diff->add_option("--format", diff_format, "输出格式 / output format: text (default), json, html")
      ->check(CLI::IsMember({"text", "json", "html"}));
  diff->add_option("-o,--output", diff_output, "输出文件（默认标准输出）/ output file (default: stdout)");
  diff->add_option("--threshold", threshold,
                   "预算变动超过此百分比即标出（默认 50）/ flag budget changes above this percentage (default 50)");
  diff->add_flag("--ignore-whitespace", ignore_whitespace, "忽略空白的差异 / ignore differences in spaces");
  diff->add_option("--fail-on-change", fail_on_change,
                   "何种变化退出 1：any（默认，同 diff(1)）或 flagged（仅预算变动超过阈值）/ which changes exit 1: "
                   "any (the default, as diff(1)) or flagged (only budget changes above the threshold)")
      ->check(CLI::IsMember({"any", "flagged"}))
      ->expected(0, 1)
      ->default_str("any");
  jixiao::ReadLimits diff_limits;
  add_limits(diff, diff_limits);
  jixiao::ConverterOptions diff_intake;
  add_intake(diff, diff_intake);
  add_batch_options(diff);
  diff->add_option("--color", colour, "彩色输出 / colour: auto (default: on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  CLI::App* rules = app.add_subcommand("rules", "列出规则或说明一条规则 / list the rules, or explain one");
  std::string rule_id;
  bool markdown = false;
  rules->add_option("id", rule_id, "规则编号，如 JX101 / a rule id such as JX101");
  rules->add_flag("--markdown", markdown, "输出 docs/rules.md / print docs/rules.md");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kMisuse;
  }
  jixiao::Lang lang = lang_name == "en" ? jixiao::Lang::en : jixiao::Lang::zh;
  // "-o -" is standard output, as "-" among the inputs is standard input.
  for (std::string* o : {&output, &check_output, &diff_output})
    if (*o == "-") o->clear();
  // Before any thread starts: Ctrl-C, SIGTERM and SIGHUP remove what the run made, then end it.
  jixiao::interrupt::watch(lang);
  bool progress = progress_on || (!progress_off && jixiao::files::is_terminal(2));

  if (*rules) {
    if (markdown) return emit("", jixiao::rules_markdown(), lang);
    if (rule_id.empty()) return emit("", jixiao::rules_listing(lang), lang);
    auto text = jixiao::rule_explanation(rule_id, lang);
    if (!text) {
      std::cerr << rule_id << ": " << (lang == jixiao::Lang::en ? "no such rule; jixiao rules lists them"
                                                                : "没有这条规则；jixiao rules 列出全部规则")
                << "\n";
      return kMisuse;
    }
    return emit("", *text, lang);
  }

  if (*diff) {
    jixiao::DiffOptions options;
    auto t = jixiao::Decimal::parse(threshold);
    if (!t || t->is_negative()) {
      std::cerr << threshold << ": "
                << (lang == jixiao::Lang::en ? "--threshold takes a percentage such as 50 or 12.5"
                                             : "--threshold 应为百分数，如 50 或 12.5")
                << "\n";
      return kMisuse;
    }
    options.threshold = *t;
    options.ignore_whitespace = ignore_whitespace;
    options.jobs = jobs;
    options.progress = progress;
    options.lang = lang;
    options.limits = diff_limits;
    options.converter = converter_for(diff_intake, jobs);
    if (auto e = jixiao::refuse_overwriting_input(diff_output, {diff_old, diff_new})) {
      std::cerr << e->message.in(lang) << "\n";
      return kMisuse;
    }
    bool tty = diff_output.empty() && jixiao::files::is_terminal(1) && !std::getenv("NO_COLOR");
    bool paint = diff_format == "text" && (colour == "always" || (colour == "auto" && tty));
    auto fmt = diff_format == "json" ? jixiao::DiffFormat::json
               : diff_format == "html" ? jixiao::DiffFormat::html
                                       : jixiao::DiffFormat::text;
    auto out = jixiao::Output::open(diff_output);
    if (!out) {
      report(diff_output, out.error(), lang);
      return kMisuse;
    }
    jixiao::Output& sink = **out;
    if (fmt == jixiao::DiffFormat::text) text_file_mark(sink, diff_output);
    auto writer = jixiao::make_diff_writer(fmt, diff_old, diff_new, options, paint,
                                           [&](const std::string& s) { sink.write(s); });
    jixiao::DiffSummary summary = jixiao::diff_inputs(diff_old, diff_new, options, *writer);
    if (auto e = sink.commit()) {
      report(diff_output.empty() ? "-" : diff_output, *e, lang);
      return kMisuse;
    }
    if (fmt != jixiao::DiffFormat::text || !diff_output.empty())
      for (const std::string& e : summary.errors) std::cerr << e << "\n";
    if (summary.unreadable) return kMisuse;
    if (fail_on_change == "flagged") return summary.flagged ? kFindings : kOk;
    return summary.changed + summary.added + summary.removed ? kFindings : kOk;
  }

  if (*check) {
    jixiao::CheckOptions& options = check_options;
    if (auto e = jixiao::refuse_overwriting_input(check_output, check_inputs)) {
      std::cerr << e->message.in(lang) << "\n";
      return kMisuse;
    }
    if (!config_path.empty()) options.config_path = config_path;
    if (!profile.empty()) {
      options.profile_given = true;
      options.overrides.profile = profile == "2015"   ? jixiao::Profile::y2015
                                  : profile == "2021" ? jixiao::Profile::y2021
                                                      : jixiao::Profile::auto_detect;
    }
    if (!fail_on.empty()) {
      options.fail_on_given = true;
      options.overrides.fail_on = *jixiao::parse_severity(fail_on);
    }
    if (year) options.overrides.year = year;
    options.overrides.select = select;
    options.overrides.ignore = ignore;
    for (const auto& ids : {select, ignore})
      for (const auto& id : ids)
        if (!jixiao::is_rule_prefix(id)) {
          std::cerr << id << ": "
                    << (lang == jixiao::Lang::en ? "not a rule id or a prefix of one (JX101, JX2)"
                                                 : "不是规则编号或其前缀（如 JX101、JX2）")
                    << "\n";
          return kMisuse;
        }
    options.jobs = jobs;
    options.progress = progress;
    options.lang = lang;
    options.converter = converter_for(check_intake, jobs);
    bool tty = check_output.empty() && jixiao::files::is_terminal(1) && !std::getenv("NO_COLOR");
    bool paint = format == "text" && (colour == "always" || (colour == "auto" && tty));
    auto fmt = format == "json"    ? jixiao::ReportFormat::json
               : format == "sarif" ? jixiao::ReportFormat::sarif
               : format == "junit" ? jixiao::ReportFormat::junit
               : format == "html"  ? jixiao::ReportFormat::html
                                   : jixiao::ReportFormat::text;
    auto out = jixiao::Output::open(check_output);
    if (!out) {
      report(check_output, out.error(), lang);
      return kMisuse;
    }
    jixiao::Output& sink = **out;
    if (fmt == jixiao::ReportFormat::text) text_file_mark(sink, check_output);
    auto outcome = jixiao::check_stream(check_inputs, options, [&](jixiao::Severity fail_on) {
      return jixiao::make_report_writer(fmt, lang, paint, fail_on, [&](const std::string& s) { sink.write(s); });
    });
    if (!outcome) {
      std::cerr << outcome.error().message.in(lang) << "\n";
      return kMisuse;
    }
    if (auto e = sink.commit()) {
      report(check_output.empty() ? "-" : check_output, *e, lang);
      return kMisuse;
    }
    if (outcome->unreadable) return kMisuse;
    return outcome->failures ? kFindings : kOk;
  }

  jixiao::ConvertOptions options;
  options.lang = lang;
  options.format = to == "csv"      ? jixiao::OutputFormat::csv
                   : to == "xlsx"   ? jixiao::OutputFormat::xlsx
                   : to == "ndjson" ? jixiao::OutputFormat::ndjson
                   : to == "docx"   ? jixiao::OutputFormat::docx
                                    : jixiao::OutputFormat::json;
  options.table = table == "projects" ? jixiao::TableChoice::projects : jixiao::TableChoice::indicators;
  options.encoding = encoding == "utf-8"     ? jixiao::CsvEncoding::utf8
                     : encoding == "gb18030" ? jixiao::CsvEncoding::gb18030
                                             : jixiao::CsvEncoding::utf8_bom;
  options.headers = headers == "en" ? jixiao::HeaderLang::en : jixiao::HeaderLang::zh;
  options.with_findings = with_findings;
  options.fix = fix;
  options.read.limits = convert_limits;
  options.read.converter = converter_for(convert_intake, jobs);
  if (auto e = jixiao::refuse_overwriting_input(output, inputs)) {
    std::cerr << e->message.in(lang) << "\n";
    return kMisuse;
  }
  bool binary = options.format == jixiao::OutputFormat::xlsx || options.format == jixiao::OutputFormat::docx;
  if (binary && output.empty() && jixiao::files::is_terminal(1)) {
    std::cerr << (lang == jixiao::Lang::en ? "--to " + to + " writes a binary file: give it a name with -o"
                                           : "--to " + to + " 输出的是二进制文件：请用 -o 指定文件名")
              << "\n";
    return kMisuse;
  }
  options.jobs = jobs;
  options.progress = progress;
  bool to_dir = !output.empty() && (output.back() == '/' || output.back() == '\\' ||
                                         std::filesystem::is_directory(std::filesystem::u8path(output)));
  jixiao::ConvertSummary summary;
  if (to_dir) {
    summary = jixiao::convert_each(inputs, options, output);
  } else {
    auto out = jixiao::Output::open(output);
    if (!out) {
      report(output, out.error(), lang);
      return kMisuse;
    }
    summary = jixiao::convert(inputs, options, **out);
    if (summary.wrote)
      if (auto e = (*out)->commit()) {
        report(output.empty() ? "-" : output, *e, lang);
        return kMisuse;
      }
  }
  if (progress) std::cerr << jixiao::convert_summary(summary, lang);
  else
    for (const auto& f : summary.failures) report(f.path, f.error, lang);
  return summary.failures.empty() ? kOk : kMisuse;
}
