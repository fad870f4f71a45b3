// The program: platform set-up, the commands (each in its own file: convert.cpp, check.cpp,
// diff.cpp, rules.cpp, over common.cpp), the interrupt watch, and the chosen command run.
#include <cstdlib>
#include <iostream>
#include <malloc.h>
#include <string>
#include <vector>
#ifdef _WIN32
#include <windows.h>
#include <shellapi.h>
#endif

#include "cli/common.hpp"
#include "jixiao/commit.hpp"
#include "jixiao/interrupt.hpp"
#include "jixiao/version.hpp"
#include "util/files.hpp"

namespace {

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

// What the process needs before anything runs: UTF-8 arguments and a UTF-16 console on Windows;
// the allocator's thresholds and TZ elsewhere.
void set_up_platform([[maybe_unused]] int& argc, [[maybe_unused]] char**& argv) {
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
}

}  // namespace

int main(int argc, char** argv) {
  using namespace jixiao::cli;
  set_up_platform(argc, argv);
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
  std::unique_ptr<CommandLine> commands[] = {add_convert(app), add_check(app), add_diff(app), add_rules(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kMisuse;
  }
  const jixiao::Lang lang = lang_name == "en" ? jixiao::Lang::en : jixiao::Lang::zh;
  // Before any thread starts: Ctrl-C, SIGTERM and SIGHUP remove what the run made, then end it.
  jixiao::interrupt::watch(lang);
  for (auto& command : commands)
    if (*command->app) return command->run(lang);
  return kMisuse;
}
