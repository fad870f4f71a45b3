// interrupt.hpp on Windows: Ctrl-C, Ctrl-Break and closing the console window remove what the
// run made, then end it. Windows calls a console control handler on a thread of its own (not
// inside a signal), so the handler may take a lock and call the file system as any thread does.
// Paths are UTF-8 inside jixiao and wide (UTF-16) at every Windows call.
#include "jixiao/interrupt.hpp"

#include <algorithm>
#include <cerrno>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <io.h>
#include <mutex>
#include <string>
#include <sys/stat.h>
#include <vector>
#include <windows.h>

#include "util/files.hpp"
#include "util/process.hpp"

namespace jixiao::interrupt {
namespace {
namespace fs = std::filesystem;

enum class What { file, folder, made_folder, output, job };
struct Entry {
  What what;
  std::string path;
  HANDLE job = nullptr;  // a job object: the converter and all it started
};
std::mutex lock;
std::vector<Entry> entries;
Lang message_lang = Lang::zh;
std::atomic<bool> stopping{false};

void forget(What what, const std::string& path) {
  std::lock_guard<std::mutex> hold(lock);
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [&](const Entry& e) { return e.what == what && e.path == path; }),
                entries.end());
}

BOOL WINAPI on_control(DWORD event) {
  if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT && event != CTRL_CLOSE_EVENT) return FALSE;
  if (stopping.exchange(true)) ExitProcess(130);  // a second Ctrl-C: at once
  std::lock_guard<std::mutex> hold(lock);  // registrations in flight finish first
  // Child processes first (they could write again), then files and folders.
  for (const Entry& e : entries)
    if (e.what == What::job) process::terminate_job(reinterpret_cast<std::intptr_t>(e.job));
  std::vector<std::string> made;
  for (const Entry& e : entries) {
    if (e.what == What::job) continue;
    std::error_code ec;
    if (e.what == What::made_folder) made.push_back(e.path);
    else fs::remove_all(fs::u8path(e.path), ec);
  }
  std::sort(made.begin(), made.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& m : made) RemoveDirectoryW(files::wide(m).c_str());
  files::write_text(2, message_lang == Lang::en
                           ? "jixiao: interrupted (Ctrl-C): temporary files removed, no output written, any earlier "
                             "output left as it was\n"
                           : "jixiao：已中断（Ctrl-C）：临时文件已删除，未写入输出，原有输出文件未改动\n");
  ExitProcess(130);
}

}  // namespace

void watch(Lang lang) {
  message_lang = lang;
  SetConsoleCtrlHandler(on_control, TRUE);
}

int create_file(const std::string& path) {
  std::lock_guard<std::mutex> hold(lock);
  // FILE_SHARE_DELETE: Ctrl-C can remove it while a writing thread still has it open (the name
  // goes when the process ends, at once after); without it the removal failed and the file
  // stayed (seen under Wine, interrupted while the output was open).
  HANDLE h = CreateFileW(files::wide(path).c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_DELETE, nullptr,
                         CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) {
    const DWORD why = GetLastError();
    errno = why == ERROR_FILE_EXISTS || why == ERROR_ALREADY_EXISTS ? EEXIST
            : why == ERROR_PATH_NOT_FOUND || why == ERROR_FILE_NOT_FOUND ? ENOENT
                                                                         : EACCES;
    return -1;
  }
  const int fd = _open_osfhandle(reinterpret_cast<intptr_t>(h), _O_WRONLY | _O_BINARY);
  if (fd < 0) {
    CloseHandle(h);
    return -1;
  }
  entries.push_back({What::file, path});
  return fd;
}

std::string create_folder() {
  wchar_t base[MAX_PATH + 1];
  const DWORD n = GetTempPathW(MAX_PATH + 1, base);
  if (n == 0) return "";
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::wstring path = std::wstring(base, n) + L"jixiao-" + std::to_wstring(GetCurrentProcessId()) + L"-" +
                        std::to_wstring(counter++);
    std::lock_guard<std::mutex> hold(lock);
    if (CreateDirectoryW(path.c_str(), nullptr)) {
      std::string utf8 = files::utf8(path);
      entries.push_back({What::folder, utf8});
      return utf8;
    }
    if (GetLastError() != ERROR_ALREADY_EXISTS) return "";
  }
  return "";
}

bool create_folders(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::u8path(path).lexically_normal();
  std::vector<fs::path> missing;
  for (fs::path q = p; !q.empty() && !fs::exists(q, ec); q = q.parent_path()) {
    missing.push_back(q);
    if (q == q.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    std::lock_guard<std::mutex> hold(lock);
    if (CreateDirectoryW(it->wstring().c_str(), nullptr)) entries.push_back({What::made_folder, it->u8string()});
    else if (GetLastError() != ERROR_ALREADY_EXISTS) return false;
  }
  return fs::is_directory(p, ec);
}

bool rename_into_place(const std::string& from, const std::string& to, bool until_kept) {
  std::lock_guard<std::mutex> hold(lock);
  if (!MoveFileExW(files::wide(from).c_str(), files::wide(to).c_str(), MOVEFILE_REPLACE_EXISTING)) return false;
  if (until_kept) entries.push_back({What::output, to});
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [&](const Entry& e) { return e.what == What::file && e.path == from; }),
                entries.end());
  return true;
}

void remove(const std::string& path) {
  std::error_code ec;
  fs::remove_all(fs::u8path(path), ec);
  forget(What::file, path);
  forget(What::folder, path);
}

std::intptr_t start_watched(const std::function<std::intptr_t()>& spawn) {
  std::lock_guard<std::mutex> hold(lock);  // Ctrl-C now waits until the job is known
  const std::intptr_t job = spawn();
  if (job > 0) entries.push_back({What::job, "", reinterpret_cast<HANDLE>(job)});
  return job;
}

void forget_process_group(std::intptr_t job) {
  std::lock_guard<std::mutex> hold(lock);
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [&](const Entry& e) { return e.what == What::job && e.job == reinterpret_cast<HANDLE>(job); }),
                entries.end());
}

void keep_outputs() {
  std::lock_guard<std::mutex> hold(lock);
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [](const Entry& e) { return e.what == What::made_folder || e.what == What::output; }),
                entries.end());
}

void checkpoint(const char* point) {
  static const char* wanted = std::getenv("JIXIAO_TEST_PAUSE_AT");
  if (!wanted || std::strcmp(wanted, point) != 0) return;
  std::fprintf(stderr, "jixiao: paused at %s\n", point);
  std::fflush(stderr);
  for (;;) Sleep(1000);  // until Ctrl-C ends the run
}

}  // namespace jixiao::interrupt
