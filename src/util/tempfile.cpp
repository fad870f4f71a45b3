#include "util/tempfile.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace jixiao {

TempFile::TempFile() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/jixiao-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) return;
  ::close(fd);
  path_ = path;
}

TempFile::~TempFile() {
  if (!path_.empty()) std::remove(path_.c_str());
}

std::string TempFile::read() const {
  std::ifstream in(path_, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace jixiao
