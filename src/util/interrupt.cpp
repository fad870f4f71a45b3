// The interrupt watch on POSIX: what a run has made (temporaries, folders, child processes) is removed or killed on Ctrl-C or termination.
#include "jixiao/interrupt.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <mutex>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

namespace jixiao::interrupt {
namespace {
namespace fs = std::filesystem;

// The handler runs on whichever thread the signal lands on, at any moment, so it may use only
// async-signal-safe calls (unlink, rmdir, getdents64, write, _exit) and read only what it can
// read without a lock. The scratch paths therefore live in fixed blocks of atomic slots: a
// registration stores a pointer to a path that stays valid to the end of the process (a path
// forgotten is not freed: a run registers a few per output), and the handler reads each slot
// once. A signal handler was measured against a thread waiting in sigwait: the thread cost
// some 3% of a one-document run (bench/RESULTS.md).
enum class What : unsigned char { file, folder, made_folder, process_group, output };
struct Entry {
  What what;
  std::intptr_t group;  // a process_group's id
  char path[1];  // allocated to the path's length
};
constexpr std::size_t kSlots = 1024;
struct Block {
  std::atomic<Entry*> slot[kSlots];
  std::atomic<Block*> next;
};
Block first_block;
// Registrations in progress: the handler waits for them, so that no file is created after it
// has cleaned (a registering thread blocks the signals, so the handler never waits on itself).
std::atomic<int> busy{0};
// Set by the handler before it waits: a registration that begins after it waits for the end.
std::atomic<bool> stopping{false};
Lang message_lang = Lang::zh;

Entry* make_entry(What what, const std::string& path) {
  auto* e = static_cast<Entry*>(std::malloc(sizeof(Entry) + path.size()));
  e->what = what;
  e->group = 0;
  std::memcpy(e->path, path.c_str(), path.size() + 1);
  return e;
}

// Stores `e` in a free slot (a new block when all are full).
void add(Entry* e) {
  for (Block* b = &first_block;; b = b->next.load()) {
    for (auto& s : b->slot) {
      Entry* none = nullptr;
      if (s.compare_exchange_strong(none, e)) return;
    }
    if (!b->next.load()) {
      Block* fresh = new Block();  // zero-initialised slots
      Block* none = nullptr;
      if (!b->next.compare_exchange_strong(none, fresh)) delete fresh;
    }
  }
}

// Forgotten entries: kept (the handler may be reading one on another thread), on a list no
// handler reads, never destroyed (the leak checker, which runs after the program's destructors,
// still finds them reachable).
std::mutex retired_lock;
std::vector<Entry*>& retired = *new std::vector<Entry*>;

// Forgets the entries that match: each slot is emptied, its entry retired.
template <class Match>
void forget_if(Match match) {
  for (Block* b = &first_block; b; b = b->next.load())
    for (auto& s : b->slot) {
      Entry* e = s.load();
      if (e && match(*e) && s.compare_exchange_strong(e, nullptr)) {
        std::lock_guard<std::mutex> hold(retired_lock);
        retired.push_back(e);
      }
    }
}

// A registration: the signals blocked on this thread, and the handler told to wait.
class Busy {
public:
  Busy() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
    pthread_sigmask(SIG_BLOCK, &set, &saved_);
    busy.fetch_add(1);
    if (stopping.load()) {  // the handler is cleaning on another thread and will end the process
      busy.fetch_sub(1);
      for (;;) ::pause();
    }
  }
  ~Busy() {
    busy.fetch_sub(1);
    pthread_sigmask(SIG_SETMASK, &saved_, nullptr);
  }

private:
  sigset_t saved_;
};

void write_text(const char* s) { (void)!::write(2, s, std::strlen(s)); }

// A scratch folder and everything in it, with openat, getdents64 and unlinkat, which unlike
// readdir and remove_all are async-signal-safe. `depth` bounds the recursion (a LibreOffice
// profile is some ten levels deep).
void remove_tree(int parent, const char* name, int depth) {
  int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    alignas(8) char buffer[2048];
    for (;;) {
      long n = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer);
      if (n <= 0) break;
      for (long at = 0; at < n;) {
        struct Dirent {
          unsigned long long ino;
          long long off;
          unsigned short reclen;
          unsigned char type;
          char name[1];
        };
        const auto* d = reinterpret_cast<const Dirent*>(buffer + at);
        if (std::strcmp(d->name, ".") != 0 && std::strcmp(d->name, "..") != 0) {
          if (d->type == DT_DIR && depth < 32) remove_tree(fd, d->name, depth + 1);
          else ::unlinkat(fd, d->name, 0);
        }
        at += d->reclen;
      }
    }
    ::close(fd);
  }
  ::unlinkat(parent, name, AT_REMOVEDIR);
}

// Signals met so far: the first cleans up after the registrations in flight; a second (Ctrl-C
// pressed twice) cleans up at once, without waiting for them; a third ends the process as the
// signal's default action does.
std::atomic<int> signals_seen{0};

void on_signal(int signal) {
  const int seen = signals_seen.fetch_add(1);
  stopping.store(true);  // no registration begins after this
  if (seen > 0) {
    struct sigaction fallback {};
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaction(s, &fallback, nullptr);
  } else {
    // Registrations in flight finish first (a few system calls; at most a tenth of a second).
    for (int k = 0; k < 1000 && busy.load() != 0; ++k) {
      timespec pause{0, 100000};
      nanosleep(&pause, nullptr);
    }
  }
  // Child processes first (they could write again), then files and scratch folders, then the
  // folders made for outputs, deepest first.
  for (Block* b = &first_block; b; b = b->next.load())
    for (auto& s : b->slot) {
      Entry* e = s.load();
      if (e && e->what == What::process_group) ::kill(-static_cast<pid_t>(e->group), SIGKILL);
    }
  Entry* made[256];
  std::size_t made_count = 0;
  for (Block* b = &first_block; b; b = b->next.load())
    for (auto& s : b->slot) {
      Entry* e = s.load();
      if (!e || e->what == What::process_group) continue;
      if (e->what == What::file || e->what == What::output) ::unlink(e->path);
      else if (e->what == What::folder) remove_tree(AT_FDCWD, e->path, 0);
      else if (made_count < 256) made[made_count++] = e;
    }
  // A folder's path is longer than its parent's: the longest first.
  for (std::size_t k = 1; k < made_count; ++k)
    for (std::size_t j = k; j > 0 && std::strlen(made[j]->path) > std::strlen(made[j - 1]->path); --j) {
      Entry* t = made[j];
      made[j] = made[j - 1];
      made[j - 1] = t;
    }
  for (std::size_t k = 0; k < made_count; ++k) ::rmdir(made[k]->path);
  if (::isatty(2)) write_text("\r\033[K");  // over a progress line
  const char* name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "SIGHUP";
  if (message_lang == Lang::en) {
    write_text("jixiao: interrupted (");
    write_text(name);
    write_text("): temporary files removed, no output written, any earlier output left as it was\n");
  } else {
    write_text("jixiao：已中断（");
    write_text(name);
    write_text("）：临时文件已删除，未写入输出，原有输出文件未改动\n");
  }
  ::_exit(128 + signal);
}

}  // namespace

void watch(Lang lang) {
  message_lang = lang;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  // A second signal while the first is handled enters the handler again (SA_NODEFER), which then
  // removes what the run made without waiting and ends the process: at once, and clean. (With
  // the default action for it, as before, a second Ctrl-C that came while the first was still
  // being handled left the temporaries behind.)
  action.sa_flags = SA_NODEFER;
  for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaction(s, &action, nullptr);
}

int create_file(const std::string& path) {
  Busy hold;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd >= 0) add(make_entry(What::file, path));
  return fd;
}

std::string create_folder() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/jixiao-XXXXXX";
  Busy hold;
  if (!::mkdtemp(path.data())) return "";
  add(make_entry(What::folder, path));
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
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    Busy hold;
    if (::mkdir(it->c_str(), 0755) == 0) add(make_entry(What::made_folder, it->string()));
    else if (errno != EEXIST) return false;
  }
  return fs::is_directory(p, ec);
}

bool rename_into_place(const std::string& from, const std::string& to, bool until_kept) {
  Busy hold;
  if (std::rename(from.c_str(), to.c_str()) != 0) return false;
  if (until_kept) add(make_entry(What::output, to));
  forget_if([&](const Entry& e) { return e.what == What::file && from == e.path; });
  return true;
}

void remove(const std::string& path) {
  // Removed, then forgotten: a signal in between finds nothing left to remove.
  std::error_code ec;
  fs::remove_all(path, ec);
  forget_if([&](const Entry& e) { return e.what != What::made_folder && path == e.path; });
}

std::intptr_t start_watched(const std::function<std::intptr_t()>& spawn) {
  Busy hold;  // a signal now waits until the group is known
  const std::intptr_t group = spawn();
  if (group > 0) {
    Entry* e = make_entry(What::process_group, "");
    e->group = group;
    add(e);
  }
  return group;
}

void forget_process_group(std::intptr_t group) {
  forget_if([&](const Entry& e) { return e.what == What::process_group && e.group == group; });
}

void keep_outputs() {
  forget_if([](const Entry& e) { return e.what == What::made_folder || e.what == What::output; });
}

void checkpoint(const char* point) {
  static const char* wanted = std::getenv("JIXIAO_TEST_PAUSE_AT");
  if (!wanted || std::strcmp(wanted, point) != 0) return;
  std::fprintf(stderr, "jixiao: paused at %s\n", point);
  std::fflush(stderr);
  for (;;) ::pause();  // until a signal ends the run
}

}  // namespace jixiao::interrupt
