// What the commands share (see common.hpp).
#include "cli/common.hpp"

#include <cstdlib>
#include <iostream>
#include <thread>

#include "util/files.hpp"

namespace jixiao::cli {

void report(const std::string& path, const Error& e, Lang lang) {
  std::cerr << path << ": " << e.message.in(lang) << "\n";
}

void say(const std::string& zh, const std::string& en, Lang lang) {
  std::cerr << (lang == Lang::en ? en : zh) << "\n";
}

int emit(const std::string& output, const std::string& data, Lang lang) {
  if (output.empty()) {
    files::write_text(1, data);
    return kOk;
  }
  if (auto e = write_output(output, data)) {
    report(output, *e, lang);
    return kMisuse;
  }
  return kOk;
}

void ReadingOptions::add_to(CLI::App* app) {
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

void ReadingOptions::add_batch_to(CLI::App* app) {
  app->add_option("-j,--jobs", jobs, "并行读取的线程数（默认：CPU 核数）/ reading threads (default: the cores)")
      ->check(CLI::Range(0, 256));
  app->add_flag("--progress", progress_on, "显示进度（默认仅在终端显示）/ show progress (default: on a terminal)");
  app->add_flag("--no-progress", progress_off, "不显示进度 / no progress");
}

bool ReadingOptions::progress() const { return progress_on || (!progress_off && files::is_terminal(2)); }

std::shared_ptr<Converter> ReadingOptions::converter() const {
  ConverterOptions options = intake;
  options.processes = jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::make_shared<Converter>(options);
}

void OutputOptions::add_format(CLI::App* app, const char* option) {
  app->add_option(option, format, output_format_help(command))->check(CLI::IsMember(output_format_names(command)));
}

void OutputOptions::add_path(CLI::App* app, const char* help) {
  app->add_option("-o,--output", path, help)->transform([](std::string value) {
    return value == "-" ? std::string() : value;
  });
}

void OutputOptions::add_colour(CLI::App* app) {
  app->add_option("--color", colour, "彩色输出 / colour: auto (default: on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

bool OutputOptions::paint() const {
  const bool tty = path.empty() && files::is_terminal(1) && !std::getenv("NO_COLOR");
  return info().for_people && (colour == "always" || (colour == "auto" && tty));
}

int write_output_of(const OutputOptions& output, const std::vector<std::string>& inputs, Lang lang,
                    const WriteTo& write) {
  if (auto e = refuse_overwriting_input(output.path, inputs)) {
    std::cerr << e->message.in(lang) << "\n";
    return kMisuse;
  }
  auto out = Output::open(output.path);
  if (!out) {
    report(output.path, out.error(), lang);
    return kMisuse;
  }
  Output& sink = **out;
#ifdef _WIN32
  // A text for people going to a file or a pipe on Windows begins with a UTF-8 byte-order mark,
  // by which Notepad and Excel there know its encoding; a console gets UTF-16
  // (files::write_text) and needs none, and POSIX systems want none.
  if (output.info().for_people && (!output.path.empty() || !files::is_terminal(1))) sink.write("\xEF\xBB\xBF");
#endif
  bool commit = true;
  const int status = write(sink, commit);
  if (!commit) return status;
  if (auto e = sink.commit()) {
    report(output.path.empty() ? "-" : output.path, *e, lang);
    return kMisuse;
  }
  return status;
}

}  // namespace jixiao::cli
