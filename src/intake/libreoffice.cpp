// LibreOffice as a converter, on POSIX and on Windows alike: soffice found (as given, else
// $JIXIAO_SOFFICE, else where the system keeps it), run headless over many files with a profile
// of its own, each soffice in a group of its own that is killed when one file takes too long or
// the run is interrupted (util/process.hpp), and everything it makes in one scratch folder.
#include "jixiao/intake.hpp"

#include <algorithm>
#include <string_view>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>
#ifdef _WIN32
#include <windows.h>
#else
#include <unistd.h>
#endif

#include "jixiao/interrupt.hpp"
#include "intake/sniff.hpp"
#include "util/files.hpp"
#include "util/process.hpp"
#include "util/text.hpp"

namespace jixiao {
namespace fs = std::filesystem;

namespace {

Error conversion_error(const std::string& zh, const std::string& en) {
  return Error{ErrorKind::conversion_failed, {"LibreOffice 转换失败：" + zh, "LibreOffice could not convert it: " + en}};
}

// An environment variable's value, UTF-8 ("" when unset).
std::string environment(const char* name) {
#ifdef _WIN32
  const wchar_t* value = _wgetenv(files::wide(name).c_str());
  return value ? files::utf8(value) : std::string();
#else
  const char* value = std::getenv(name);
  return value ? value : "";
#endif
}

bool executable(const std::string& path) {
  if (path.empty()) return false;
#ifdef _WIN32
  return files::kind_of(path) == files::Kind::regular;
#else
  return ::access(path.c_str(), X_OK) == 0 && files::kind_of(path) == files::Kind::regular;
#endif
}

// The first of `names` found in a folder of PATH.
std::optional<std::string> on_path(std::initializer_list<const char*> names) {
#ifdef _WIN32
  const char separator = ';';
  const std::string dirs = environment("PATH");
#else
  const char separator = ':';
  std::string dirs = environment("PATH");
  if (dirs.empty()) dirs = "/usr/bin:/bin";
#endif
  for (const char* name : names) {
    std::size_t start = 0;
    while (start <= dirs.size()) {
      std::size_t end = dirs.find(separator, start);
      if (end == std::string::npos) end = dirs.size();
      std::string candidate = (end > start ? dirs.substr(start, end - start) : ".") + "/" + name;
      if (executable(candidate)) return candidate;
      start = end + 1;
    }
  }
  return std::nullopt;
}

#ifdef _WIN32
// Where LibreOffice's installer says soffice.exe is: the App Paths entry (the machine's, then
// the user's), else the usual Program Files folders.
std::optional<std::string> installed_soffice() {
  for (HKEY root : {HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER}) {
    wchar_t value[MAX_PATH * 2];
    DWORD size = sizeof value;
    if (RegGetValueW(root, L"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\soffice.exe", nullptr,
                     RRF_RT_REG_SZ, nullptr, value, &size) == ERROR_SUCCESS) {
      std::string path = files::utf8(value);
      if (path.size() > 2 && path.front() == '"' && path.back() == '"') path = path.substr(1, path.size() - 2);
      if (executable(path)) return path;
    }
  }
  for (const char* folder : {"ProgramW6432", "ProgramFiles", "ProgramFiles(x86)"}) {
    const std::string base = environment(folder);
    if (!base.empty() && executable(base + "\\LibreOffice\\program\\soffice.exe"))
      return base + "\\LibreOffice\\program\\soffice.exe";
  }
  return on_path({"soffice.exe", "soffice.com"});
}
#endif

// The soffice to run: as given, else $JIXIAO_SOFFICE, else where the system keeps it (POSIX:
// soffice or libreoffice on PATH; Windows: installed_soffice()).
std::optional<std::string> locate(const std::string& given) {
  if (!given.empty()) return executable(given) ? std::optional<std::string>(given) : std::nullopt;
  if (const std::string env = environment("JIXIAO_SOFFICE"); !env.empty())
    return executable(env) ? std::optional<std::string>(env) : std::nullopt;
#ifdef _WIN32
  return installed_soffice();
#else
  return on_path({"soffice", "libreoffice"});
#endif
}

// "LibreOffice 7.4", from the bootstraprc (Windows: bootstrap.ini) beside the real program,
// without starting it.
std::string version_of(const std::string& soffice) {
  std::error_code ec;
  fs::path real = fs::canonical(fs::u8path(soffice), ec);
  for (const char* name : {"bootstraprc", "bootstrap.ini"}) {
    std::ifstream rc(real.parent_path() / name);
    std::string line;
    while (std::getline(rc, line))
      if (line.rfind("ProductKey=", 0) == 0) {
        while (!line.empty() && line.back() == '\r') line.pop_back();
        return line.substr(11);
      }
  }
  return "LibreOffice";
}

// A folder as the file URL LibreOffice takes for -env:UserInstallation: file:///tmp/x, or on
// Windows file:///C:/Users/…; bytes other than letters, digits and -._~/: percent-encoded (a
// user's temporary folder may have a Chinese name).
std::string file_url(std::string path) {
  std::replace(path.begin(), path.end(), '\\', '/');
  return (path.front() == '/' ? "file://" : "file:///") + text::percent_encoded(path, "-._~/:");
}

struct Job {
  std::string source;   // as the user named it
  std::string target;   // "docx" or "xlsx": what it is converted to
  std::string input;    // its copy or link in the work folder, named by number
  std::string output;   // where soffice writes the .docx or .xlsx
  enum { running, done, failed } state = running;
  std::optional<Error> error;
};

}  // namespace

struct Converter::State {
  ConverterOptions options;
  std::optional<std::string> soffice;
  std::string version;
  std::string work;  // the scratch folder
  mutable std::mutex m;
  std::condition_variable changed;
  std::vector<std::unique_ptr<Job>> jobs;
  std::map<std::string, Job*> by_source;
  std::vector<std::thread> runners;
  int runs = 0;
  bool located = false;

  // Finds soffice and makes the scratch folder (in/ for the inputs, out/ for soffice's output),
  // once. Under the lock.
  std::optional<Error> ready() {
    if (!located) {
      located = true;
      soffice = locate(options.soffice);
      if (soffice) version = version_of(*soffice);
      if (soffice) work = interrupt::create_folder();
      std::error_code ec;
      if (!work.empty() && !(fs::create_directory(fs::u8path(work + "/in"), ec) &&
                             fs::create_directory(fs::u8path(work + "/out"), ec))) {
        interrupt::remove(work);
        work.clear();
      }
    }
    if (!soffice) return missing(options.soffice.empty() ? environment("JIXIAO_SOFFICE") : options.soffice);
    if (work.empty())
      return conversion_error("无法创建临时文件夹", "no temporary folder could be made");
    return std::nullopt;
  }

  // No soffice: the one named (--soffice, JIXIAO_SOFFICE) is not there, or none was found.
  static Error missing(const std::string& named) {
    if (!named.empty())
      return Error{ErrorKind::converter_missing,
                   {"指定的 soffice（" + named + "）不存在或不能运行：请检查 --soffice 或环境变量 JIXIAO_SOFFICE",
                    "the soffice named (" + named + ") is not there or cannot be run: check --soffice or "
                    "JIXIAO_SOFFICE"}};
#ifdef _WIN32
    return Error{ErrorKind::converter_missing,
                 {"读取这种格式需要 LibreOffice，但找不到 soffice.exe：请安装 LibreOffice（libreoffice.org），或用 "
                  "--soffice 或环境变量 JIXIAO_SOFFICE 指定 soffice.exe 的路径；也可在 WPS 或 Word 中把它另存为 "
                  ".docx（表格另存为 .xlsx）",
                  "reading this format needs LibreOffice, and no soffice.exe was found: install LibreOffice "
                  "(libreoffice.org), or give its path with --soffice or JIXIAO_SOFFICE; or save the file as .docx "
                  "in WPS or Word (a spreadsheet as .xlsx)"}};
#else
    return Error{ErrorKind::converter_missing,
                 {"读取这种格式需要 LibreOffice，但找不到 soffice：请安装 LibreOffice（Debian："
                  "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui），或用 --soffice 或环境变量 "
                  "JIXIAO_SOFFICE 指定 soffice 的路径；也可在 Word 或 WPS 中把它另存为 .docx（表格另存为 .xlsx）",
                  "reading this format needs LibreOffice, and no soffice was found: install LibreOffice "
                  "(Debian: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui), or give its path "
                  "with --soffice or JIXIAO_SOFFICE; or save the file as .docx in Word or WPS (a spreadsheet as "
                  ".xlsx)"}};
#endif
  }

  Job* add_job(const std::string& source, FileKind format) {
    auto job = std::make_unique<Job>();
    const std::string id = std::to_string(jobs.size() + 1);
    // .wps is the Word 97-2003 container: named .doc, so that LibreOffice never takes it for
    // a Microsoft Works file; .et likewise is named .xls.
    const char* ext = format == FileKind::odt   ? ".odt"
                      : format == FileKind::rtf ? ".rtf"
                      : format == FileKind::ods ? ".ods"
                      : format == FileKind::xls || format == FileKind::et ? ".xls"
                                                                          : ".doc";
    const char* target = converted_to(format);
    job->source = source;
    job->target = target ? target : "docx";
    job->input = work + "/in/" + id + ext;
    job->output = work + "/out/" + id + "." + job->target;
    Job* raw = job.get();
    jobs.push_back(std::move(job));
    by_source[source] = raw;
    return raw;
  }

  void finish(Job* job, std::optional<Error> error) {
    std::lock_guard<std::mutex> hold(m);
    std::error_code ec;
    const fs::path output = fs::u8path(job->output);
    if (!error && (!fs::is_regular_file(output, ec) || fs::file_size(output, ec) == 0))
      error = conversion_error("没有生成 ." + job->target + "（LibreOffice 可能无法打开这个文件）",
                               "no ." + job->target + " came out (LibreOffice may not be able to open the file)");
    job->state = error ? Job::failed : Job::done;
    job->error = std::move(error);
    if (job->state == Job::done && !options.keep_dir.empty()) {
      fs::create_directories(fs::u8path(options.keep_dir), ec);
      const fs::path source = fs::u8path(job->source);
      fs::path target = fs::u8path(options.keep_dir) / source.filename();
      target.replace_extension("." + job->target);
      for (int n = 2; fs::exists(target, ec); ++n)
        target.replace_filename(source.stem().u8string() + "-" + std::to_string(n) + "." + job->target);
      fs::copy_file(output, target, ec);
    }
    changed.notify_all();
  }

  // Starts soffice converting batch[next..end) (all to one target) in its own profile, its output
  // in `run_id`'s log, its temporaries in the scratch folder.
  std::optional<process::Child> start_soffice(const std::vector<Job*>& batch, std::size_t next, std::size_t end,
                                              int run_id) {
    const std::string profile = file_url(work + "/profile-" + std::to_string(run_id));
    const char* filter = batch[next]->target == "xlsx" ? "xlsx:Calc MS Excel 2007 XML" : "docx:MS Word 2007 XML";
    std::vector<std::string> args = {*soffice, "-env:UserInstallation=" + profile, "--headless", "--invisible",
                                     "--nologo", "--norestore", "--nolockcheck", "--nodefault",
                                     "--convert-to", filter, "--outdir", work + "/out"};
    for (std::size_t k = next; k < end; ++k) args.push_back(batch[k]->input);
    std::error_code ec;
    fs::create_directories(fs::u8path(work + "/tmp"), ec);  // its own temporaries go with the scratch folder
    return process::start(args, work + "/soffice-" + std::to_string(run_id) + ".log", work + "/tmp");
  }

  // Follows `child` over batch[next..end): a file is whole once soffice has gone on to the next
  // (its output appears) or has ended; one that takes longer than the limit is failed and soffice
  // killed. Returns where the next soffice should start.
  std::size_t follow(process::Child child, const std::vector<Job*>& batch, std::size_t next, std::size_t end) {
    using clock = std::chrono::steady_clock;
    auto started = clock::now();
    std::size_t current = next;
    std::error_code ec;
    for (;;) {
      const process::State state = process::poll(child);
      while (current + 1 < end && fs::exists(fs::u8path(batch[current + 1]->output), ec)) {
        finish(batch[current++], std::nullopt);
        started = clock::now();
      }
      if (state == process::State::ended) {
        for (; current < end; ++current) finish(batch[current], std::nullopt);
        return current;
      }
      if (state == process::State::untracked) {
        for (; current < end; ++current)
          finish(batch[current], conversion_error("soffice（" + *soffice + "）已启动，但系统没有给出它的进程，无法等待它完成"
                                                  "（Wine 中的 Linux 程序即如此）",
                                                  "soffice (" + *soffice + ") was started, but the system gave no "
                                                  "process to wait for (as Wine does for a Linux program)"));
        return current;
      }
      if (clock::now() - started > std::chrono::seconds(options.timeout_seconds)) {
        process::kill(child);
        const std::string limit = std::to_string(options.timeout_seconds);
        finish(batch[current], conversion_error("超过 " + limit + " 秒仍未完成，已终止（--convert-timeout）",
                                                "not done after " + limit + " s, stopped (--convert-timeout)"));
        return current + 1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  // One soffice over each stretch of `batch` with one target, in order; a file that takes longer
  // than the limit is failed and soffice started again for the ones after it.
  void run(std::vector<Job*> batch) {
    std::size_t next = 0;
    while (next < batch.size()) {
      std::size_t end = next;
      while (end < batch.size() && batch[end]->target == batch[next]->target) ++end;
      int run_id;
      {
        std::lock_guard<std::mutex> hold(m);
        run_id = ++runs;
      }
      const std::optional<process::Child> child = start_soffice(batch, next, end, run_id);
      if (!child) {
        for (std::size_t k = next; k < batch.size(); ++k)
          finish(batch[k], conversion_error("无法启动 soffice（" + *soffice + "）", "soffice could not be started (" + *soffice + ")"));
        return;
      }
      next = follow(*child, batch, next, end);
    }
  }

  // Writes a job's input: a link to the file as given (Windows: a copy, as a link there needs a
  // privilege), or (standard input, a name soffice cannot use) its bytes.
  static bool place_input(const Job& job, const std::vector<std::uint8_t>* bytes) {
    std::error_code ec;
    const fs::path input = fs::u8path(job.input);
    if (!bytes) {
#ifdef _WIN32
      fs::copy_file(fs::u8path(job.source), input, ec);
#else
      fs::create_symlink(fs::absolute(fs::u8path(job.source), ec), input, ec);
#endif
      return !ec;
    }
    std::ofstream out(input, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes->data()), static_cast<std::streamsize>(bytes->size()));
    return static_cast<bool>(out);
  }
};

Converter::Converter(ConverterOptions options) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  state_->options.processes = std::max(1, state_->options.processes);
}

Converter::~Converter() {
  for (std::thread& t : state_->runners) t.join();
  if (!state_->work.empty()) interrupt::remove(state_->work);
}

void Converter::prefetch(const std::vector<std::pair<std::string, FileKind>>& files) {
  std::unique_lock<std::mutex> lock(state_->m);
  if (files.empty() || state_->ready()) return;
  const std::size_t processes = std::min<std::size_t>(static_cast<std::size_t>(state_->options.processes), files.size());
  std::vector<std::vector<Job*>> batches(processes);
  std::size_t k = 0;
  for (const auto& [path, format] : files) {
    if (state_->by_source.count(path)) continue;
    Job* job = state_->add_job(path, format);
    if (!State::place_input(*job, nullptr)) {
      job->state = Job::failed;
      job->error = conversion_error("无法准备输入文件", "the input could not be prepared");
      continue;
    }
    batches[k++ % processes].push_back(job);  // the first files first, on every process
  }
  // Documents before workbooks on each process: one soffice start for each target, not one for
  // each change of target in the input's order.
  for (auto& batch : batches)
    std::stable_partition(batch.begin(), batch.end(), [](const Job* job) { return job->target == "docx"; });
  for (auto& batch : batches)
    if (!batch.empty()) state_->runners.emplace_back([this, batch] { state_->run(batch); });
}

Expected<Converter::Result> Converter::convert(const std::string& path, const std::vector<std::uint8_t>& bytes,
                                               FileKind format) {
  std::unique_lock<std::mutex> lock(state_->m);
  if (auto error = state_->ready()) return *error;
  auto found = state_->by_source.find(path);
  Job* job = found == state_->by_source.end() ? nullptr : found->second;
  if (!job || path == "-") {
    // Not asked for ahead (its name did not say what it is): converted now, on its own.
    job = state_->add_job(path, format);
    if (!State::place_input(*job, &bytes)) return conversion_error("无法准备输入文件", "the input could not be prepared");
    lock.unlock();
    state_->run({job});
    lock.lock();
  }
  state_->changed.wait(lock, [&] { return job->state == Job::done || job->state == Job::failed; });
  if (job->error) return *job->error;
  std::ifstream in(fs::u8path(job->output), std::ios::binary);
  Result result{std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {}), state_->version};
  return result;
}

}  // namespace jixiao
