#pragma once
// A temporary file for libraries that only write to paths (libxlsxwriter, libzip): created
// in $TMPDIR, read back whole, removed when it goes out of scope.
#include <string>

namespace jixiao {

class TempFile {
public:
  TempFile();  // path() is empty when no file could be made
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  std::string read() const;

private:
  std::string path_;
};

}  // namespace jixiao
