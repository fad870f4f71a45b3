#pragma once
// A temporary file for libraries that only write to paths (libxlsxwriter, libzip): a file
// name in a scratch folder of its own below $TMPDIR (so that whatever the library writes
// beside it goes too), read back whole; the folder is removed when it goes out of scope, or by
// the interrupt watch if the run is interrupted first.
#include <string>

namespace jixiao {

class TempFile {
public:
  TempFile();  // path() is empty when no folder could be made
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  std::string read() const;

private:
  std::string folder_, path_;
};

}  // namespace jixiao
