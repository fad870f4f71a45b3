#pragma once
// Files named in UTF-8, and the terminal, the same way on POSIX and Windows. Inside jixiao every
// path is UTF-8; on Windows each call here turns it into UTF-16 for the wide-character API, never
// the ANSI code page (which cannot name a Chinese file on every machine), and text for a console
// is written as UTF-16, whatever the console's code page (936 on a Chinese Windows).
// Boost.Nowide (libboost-nowide1.74-dev) is the library made for this; it is not yet measured
// against these few calls for the Windows build: bench/RESULTS.md says where that stands.
#include <cstdio>
#include <string>
#include <string_view>

namespace jixiao::files {

#ifdef _WIN32
std::wstring wide(std::string_view utf8);
std::string utf8(std::wstring_view wide);
#endif

enum class Kind { missing, regular, folder, other };
// What a path names; `error` gets the system's reason when it cannot be told (errno text).
Kind kind_of(const std::string& path, std::string* error = nullptr);
std::FILE* open_read(const std::string& path);  // "rb"
int open_write_existing(const std::string& path);  // an existing file that is not a regular one
bool sync(int fd);
bool close(int fd);

// A path's extension in ASCII lower case, with its dot: "a/表.DOCX" -> ".docx"; "" when none.
std::string lower_extension(const std::string& path);

bool is_terminal(int fd);
// All of `text` to `fd`; to a Windows console as UTF-16.
bool write_text(int fd, std::string_view text);

}  // namespace jixiao::files
