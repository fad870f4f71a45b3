#include "jixiao/interrupt.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <pthread.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace jixiao::interrupt {
namespace {
namespace fs = std::filesystem;

// Everything scratch, under one lock: the watching thread takes it and never gives it back, so
// that no file is made or renamed once the cleaning has begun.
struct Registry {
  std::mutex lock;
  std::vector<std::string> files, folders, made_folders;
};
Registry& registry() {
  static Registry r;
  return r;
}

void forget(std::vector<std::string>& list, const std::string& path) {
  auto it = std::find(list.begin(), list.end(), path);
  if (it != list.end()) list.erase(it);
}

sigset_t watched_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

void write_line(const std::string& line) {
  if (::isatty(2)) (void)!::write(2, "\r\033[K", 4);  // over a progress line
  (void)!::write(2, line.data(), line.size());
}

[[noreturn]] void clean_and_exit(int signal, Lang lang) {
  // A second signal ends the process at once: the default action again, taken by this thread.
  for (int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, SIG_DFL);
  sigset_t set = watched_signals();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  Registry& r = registry();
  r.lock.lock();
  for (const std::string& f : r.files) ::unlink(f.c_str());
  std::error_code ec;
  for (const std::string& d : r.folders) fs::remove_all(d, ec);
  // Deepest first: each was made after its parent.
  for (auto it = r.made_folders.rbegin(); it != r.made_folders.rend(); ++it) ::rmdir(it->c_str());
  const char* name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "SIGHUP";
  write_line(lang == Lang::en
                 ? std::string("jixiao: interrupted (") + name +
                       "): temporary files removed, no output written, any earlier output left as it was\n"
                 : std::string("jixiao：已中断（") + name + "）：临时文件已删除，未写入输出，原有输出文件未改动\n");
  std::_Exit(128 + signal);
}

}  // namespace

void watch(Lang lang) {
  sigset_t set = watched_signals();
  // Blocked here, and so in every thread made from now on; only the watcher takes them.
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([set, lang] {
    int signal = 0;
    while (sigwait(&set, &signal) != 0) {
    }
    clean_and_exit(signal, lang);
  }).detach();
}

int create_file(const std::string& path) {
  std::lock_guard<std::mutex> hold(registry().lock);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd >= 0) registry().files.push_back(path);
  return fd;
}

std::string create_folder() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/jixiao-XXXXXX";
  std::lock_guard<std::mutex> hold(registry().lock);
  if (!::mkdtemp(path.data())) return "";
  registry().folders.push_back(path);
  return path;
}

bool create_folders(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::path(path).lexically_normal();
  std::vector<fs::path> missing;
  for (fs::path q = p; !q.empty() && !fs::exists(q, ec); q = q.parent_path()) {
    missing.push_back(q);
    if (q == q.parent_path()) break;
  }
  std::lock_guard<std::mutex> hold(registry().lock);
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0755) == 0) registry().made_folders.push_back(it->string());
    else if (errno != EEXIST) return false;
  }
  return fs::is_directory(p, ec);
}

bool rename_into_place(const std::string& from, const std::string& to) {
  std::lock_guard<std::mutex> hold(registry().lock);
  if (std::rename(from.c_str(), to.c_str()) != 0) return false;
  forget(registry().files, from);
  return true;
}

void remove(const std::string& path) {
  std::lock_guard<std::mutex> hold(registry().lock);
  std::error_code ec;
  fs::remove_all(path, ec);
  forget(registry().files, path);
  forget(registry().folders, path);
}

void keep_folders() {
  std::lock_guard<std::mutex> hold(registry().lock);
  registry().made_folders.clear();
}

void checkpoint(const char* point) {
  static const char* wanted = std::getenv("JIXIAO_TEST_PAUSE_AT");
  if (!wanted || std::strcmp(wanted, point) != 0) return;
  std::fprintf(stderr, "jixiao: paused at %s\n", point);
  std::fflush(stderr);
  for (;;) ::pause();  // until a signal ends the run
}

}  // namespace jixiao::interrupt
