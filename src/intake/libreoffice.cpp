// LibreOffice as a converter. Processes are started with posix_spawn (the C library's; no
// process library in Debian 12 offers a child with a time limit and its whole group killed:
// reproc is not packaged, and libpipeline has no time limit), each in a process group of its
// own that the interrupt watch kills if the run is interrupted.
#include "jixiao/intake.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "jixiao/interrupt.hpp"
#include "intake/sniff.hpp"

extern char** environ;

namespace jixiao {
namespace fs = std::filesystem;

namespace {

Error conversion_error(const std::string& zh, const std::string& en) {
  return Error{ErrorKind::conversion_failed, {"LibreOffice 转换失败：" + zh, "LibreOffice could not convert it: " + en}};
}

bool executable(const std::string& path) { return !path.empty() && ::access(path.c_str(), X_OK) == 0 && !fs::is_directory(path); }

// The soffice to run: as given, else $JIXIAO_SOFFICE, else soffice or libreoffice on PATH.
std::optional<std::string> locate(const std::string& given) {
  if (!given.empty()) return executable(given) ? std::optional<std::string>(given) : std::nullopt;
  if (const char* env = std::getenv("JIXIAO_SOFFICE"); env && *env)
    return executable(env) ? std::optional<std::string>(env) : std::nullopt;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const char* name : {"soffice", "libreoffice"}) {
    std::size_t start = 0;
    while (start <= dirs.size()) {
      std::size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      std::string candidate = (end > start ? dirs.substr(start, end - start) : ".") + "/" + name;
      if (executable(candidate)) return candidate;
      start = end + 1;
    }
  }
  return std::nullopt;
}

// "LibreOffice 7.4", from the bootstraprc beside the real program (without starting it).
std::string version_of(const std::string& soffice) {
  std::error_code ec;
  fs::path real = fs::canonical(soffice, ec);
  std::ifstream rc(real.parent_path() / "bootstraprc");
  std::string line;
  while (std::getline(rc, line))
    if (line.rfind("ProductKey=", 0) == 0) return line.substr(11);
  return "LibreOffice";
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
      if (!work.empty() && !(fs::create_directory(work + "/in", ec) && fs::create_directory(work + "/out", ec))) {
        interrupt::remove(work);
        work.clear();
      }
    }
    if (!soffice)
      return Error{ErrorKind::converter_missing,
                   {"读取这种格式需要 LibreOffice，但找不到 soffice：请安装 LibreOffice（Debian："
                    "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui），或用 --soffice 或环境变量 "
                    "JIXIAO_SOFFICE 指定 soffice 的路径；也可在 Word 或 WPS 中把它另存为 .docx（表格另存为 .xlsx）",
                    "reading this format needs LibreOffice, and no soffice was found: install LibreOffice "
                    "(Debian: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui), or give its path "
                    "with --soffice or JIXIAO_SOFFICE; or save the file as .docx in Word or WPS (a spreadsheet as "
                    ".xlsx)"}};
    if (work.empty())
      return conversion_error("无法创建临时文件夹", "no temporary folder could be made");
    return std::nullopt;
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
    if (!error && (!fs::is_regular_file(job->output, ec) || fs::file_size(job->output, ec) == 0))
      error = conversion_error("没有生成 ." + job->target + "（LibreOffice 可能无法打开这个文件）",
                               "no ." + job->target + " came out (LibreOffice may not be able to open the file)");
    job->state = error ? Job::failed : Job::done;
    job->error = std::move(error);
    if (job->state == Job::done && !options.keep_dir.empty()) {
      fs::create_directories(options.keep_dir, ec);
      fs::path target = fs::path(options.keep_dir) / fs::path(job->source).filename();
      target.replace_extension("." + job->target);
      for (int n = 2; fs::exists(target, ec); ++n)
        target.replace_filename(fs::path(job->source).stem().string() + "-" + std::to_string(n) + "." + job->target);
      fs::copy_file(job->output, target, ec);
    }
    changed.notify_all();
  }

  // Starts soffice converting batch[next..end) (all to one target) in its own profile, its output
  // in `run_id`'s log, its temporaries in the scratch folder; -1 when it could not be started.
  pid_t start_soffice(const std::vector<Job*>& batch, std::size_t next, std::size_t end, int run_id) {
    const std::string profile = "file://" + work + "/profile-" + std::to_string(run_id);
    const char* filter = batch[next]->target == "xlsx" ? "xlsx:Calc MS Excel 2007 XML" : "docx:MS Word 2007 XML";
    std::vector<std::string> args = {*soffice, "-env:UserInstallation=" + profile, "--headless", "--invisible",
                                     "--nologo", "--norestore", "--nolockcheck", "--nodefault",
                                     "--convert-to", filter, "--outdir", work + "/out"};
    for (std::size_t k = next; k < end; ++k) args.push_back(batch[k]->input);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string log = work + "/soffice-" + std::to_string(run_id) + ".log";
    // Its own temporaries (lu*.tmp) in the scratch folder too, so that they go with it.
    std::error_code ec;
    fs::create_directories(work + "/tmp", ec);
    std::vector<std::string> env_text = {"TMPDIR=" + work + "/tmp"};
    for (char** e = environ; *e; ++e)
      if (std::strncmp(*e, "TMPDIR=", 7) != 0) env_text.emplace_back(*e);
    std::vector<char*> envp;
    for (std::string& e : env_text) envp.push_back(e.data());
    envp.push_back(nullptr);
    return interrupt::start_watched([&]() -> pid_t {
      posix_spawn_file_actions_t actions;
      posix_spawn_file_actions_init(&actions);
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
      posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      posix_spawn_file_actions_adddup2(&actions, 1, 2);
      posix_spawnattr_t attr;
      posix_spawnattr_init(&attr);
      sigset_t none, defaults;
      sigemptyset(&none);
      sigemptyset(&defaults);
      for (int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) sigaddset(&defaults, s);
      posix_spawnattr_setsigmask(&attr, &none);
      posix_spawnattr_setsigdefault(&attr, &defaults);
      posix_spawnattr_setpgroup(&attr, 0);  // a group of its own: killed whole
      posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
      pid_t pid = -1;
      const int failed_to_start = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
      posix_spawn_file_actions_destroy(&actions);
      posix_spawnattr_destroy(&attr);
      return failed_to_start ? -1 : pid;
    });
  }

  // Follows `child` over batch[next..end): a file is whole once soffice has gone on to the next
  // (its output appears) or has ended; one that takes longer than the limit is failed and soffice
  // killed. Returns where the next soffice should start.
  std::size_t follow(pid_t child, const std::vector<Job*>& batch, std::size_t next, std::size_t end) {
    using clock = std::chrono::steady_clock;
    auto started = clock::now();
    std::size_t current = next;
    std::error_code ec;
    for (;;) {
      int status = 0;
      const pid_t ended = ::waitpid(child, &status, WNOHANG);
      while (current + 1 < end && fs::exists(batch[current + 1]->output, ec)) {
        finish(batch[current++], std::nullopt);
        started = clock::now();
      }
      if (ended == child) {
        interrupt::forget_process_group(child);
        for (; current < end; ++current) finish(batch[current], std::nullopt);
        return current;
      }
      if (clock::now() - started > std::chrono::seconds(options.timeout_seconds)) {
        ::kill(-child, SIGKILL);
        ::waitpid(child, &status, 0);
        interrupt::forget_process_group(child);
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
      const pid_t child = start_soffice(batch, next, end, run_id);
      if (child < 0) {
        for (std::size_t k = next; k < batch.size(); ++k)
          finish(batch[k], conversion_error("无法启动 soffice（" + *soffice + "）", "soffice could not be started (" + *soffice + ")"));
        return;
      }
      next = follow(child, batch, next, end);
    }
  }

  // Writes a job's input: a link to the file as given, or (standard input, a name soffice
  // cannot use) its bytes.
  static bool place_input(const Job& job, const std::vector<std::uint8_t>* bytes) {
    std::error_code ec;
    if (!bytes) {
      fs::create_symlink(fs::absolute(job.source, ec), job.input, ec);
      return !ec;
    }
    std::ofstream out(job.input, std::ios::binary);
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
  std::ifstream in(job->output, std::ios::binary);
  Result result{std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {}), state_->version};
  return result;
}

}  // namespace jixiao
