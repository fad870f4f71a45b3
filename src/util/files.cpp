// Why not a library: these are the few places where POSIX and Windows name files and write to
// a terminal differently; each function is a call or two of the system's own API.
#include "util/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <sys/stat.h>

#ifdef _WIN32
#include <io.h>
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace jixiao::files {

#ifdef _WIN32
std::wstring wide(std::string_view utf8) {
  if (utf8.empty()) return {};
  const int n = MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
  std::wstring out(static_cast<std::size_t>(n), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), out.data(), n);
  return out;
}

std::string utf8(std::wstring_view w) {
  if (w.empty()) return {};
  const int n = WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()), nullptr, 0, nullptr, nullptr);
  std::string out(static_cast<std::size_t>(n), '\0');
  WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()), out.data(), n, nullptr, nullptr);
  return out;
}

Kind kind_of(const std::string& path, std::string* error) {
  struct _stat64 st;
  if (_wstat64(wide(path).c_str(), &st) != 0) {
    if (error) *error = std::strerror(errno);
    return Kind::missing;
  }
  return (st.st_mode & _S_IFDIR) ? Kind::folder : (st.st_mode & _S_IFREG) ? Kind::regular : Kind::other;
}

std::FILE* open_read(const std::string& path) { return _wfopen(wide(path).c_str(), L"rb"); }
int open_write_existing(const std::string& path) { return _wopen(wide(path).c_str(), _O_WRONLY | _O_BINARY); }
bool sync(int fd) { return _commit(fd) == 0; }
bool close(int fd) { return _close(fd) == 0; }
bool is_terminal(int fd) { return _isatty(fd) != 0; }

bool write_text(int fd, std::string_view text) {
  HANDLE console = reinterpret_cast<HANDLE>(_get_osfhandle(fd));
  DWORD mode;
  if (_isatty(fd) && console != INVALID_HANDLE_VALUE && GetConsoleMode(console, &mode)) {
    const std::wstring w = wide(text);
    DWORD written = 0;
    return w.empty() || WriteConsoleW(console, w.data(), static_cast<DWORD>(w.size()), &written, nullptr);
  }
  _setmode(fd, _O_BINARY);  // files and pipes get the bytes as they are: no CR added
  std::size_t done = 0;
  while (done < text.size()) {
    const int n = _write(fd, text.data() + done, static_cast<unsigned>(std::min<std::size_t>(text.size() - done, 1u << 30)));
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}
#else
Kind kind_of(const std::string& path, std::string* error) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (error) *error = std::strerror(errno);
    return Kind::missing;
  }
  return S_ISDIR(st.st_mode) ? Kind::folder : S_ISREG(st.st_mode) ? Kind::regular : Kind::other;
}

std::FILE* open_read(const std::string& path) { return std::fopen(path.c_str(), "rb"); }
int open_write_existing(const std::string& path) { return ::open(path.c_str(), O_WRONLY); }
bool sync(int fd) { return ::fsync(fd) == 0; }
bool close(int fd) { return ::close(fd) == 0; }
bool is_terminal(int fd) { return ::isatty(fd) != 0; }

bool write_text(int fd, std::string_view text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}
#endif

std::string lower_extension(const std::string& path) {
  std::string ext = std::filesystem::u8path(path).extension().u8string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

}  // namespace jixiao::files
