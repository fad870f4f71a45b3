// A temporary file for the libraries that write only to paths, in a scratch folder of its own, removed with it.
#include "util/tempfile.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "jixiao/interrupt.hpp"

namespace jixiao {

TempFile::TempFile() : folder_(interrupt::create_folder()) {
  if (!folder_.empty()) path_ = folder_ + "/out";
}

TempFile::~TempFile() {
  if (!folder_.empty()) interrupt::remove(folder_);
}

std::string TempFile::read() const {
  interrupt::checkpoint("write");  // the library has written its file
  std::ifstream in(std::filesystem::u8path(path_), std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace jixiao
