// jixiao's process layer (src/util/process.*: posix_spawn into a process group) side by side with
// Boost.Process (Debian's libboost1.74-dev, header-only, over Boost.Filesystem), doing what the
// LibreOffice runner asks of it: start a program with its output into a log and TMPDIR set, in a
// group of its own; follow it until it ends; and kill a group whose program has started another.
//
// Usage: process jixiao|boost start N    N runs of /bin/sh -c 'exit 0', each followed to its end
//        process jixiao|boost kill         sh starting a sleep in the background, the group killed
//                                           after 50 ms; prints the processes of the group left
// bench/process.py builds and runs it; the results are in bench/RESULTS.md.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <signal.h>

#include "util/process.hpp"

#ifdef JIXIAO_BENCH_BOOST
#include <boost/process.hpp>
namespace bp = boost::process;
#endif

namespace {

const char* const kLog = "/tmp/jixiao-process-bench.log";

void pause() { std::this_thread::sleep_for(std::chrono::microseconds(200)); }

// How many processes of the group `pgid` are left running, by /proc (a zombie that no one reaps,
// as under a container's init, is not one: it holds nothing).
int group_left(long pgid) {
  int left = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::ifstream in(entry.path() / "stat");
    std::string line;
    if (!std::getline(in, line)) continue;
    const std::size_t close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(line.substr(close + 2));
    char state = 0;
    long parent = 0, group = 0;
    rest >> state >> parent >> group;
    left += group == pgid && state != 'Z';
  }
  return left;
}

int with_jixiao(bool killing, int n) {
  using namespace jixiao;
  if (!killing) {
    for (int k = 0; k < n; ++k) {
      auto child = process::start({"/bin/sh", "-c", "exit 0"}, kLog, "/tmp");
      if (!child) return 2;
      while (process::poll(*child) == process::State::running) pause();
    }
    return 0;
  }
  auto child = process::start({"/bin/sh", "-c", "sleep 100 & sleep 100"}, kLog, "/tmp");
  if (!child) return 2;
  const long group = static_cast<long>(child->group);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  process::kill(*child);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::printf("processes left in the group: %d\n", group_left(group));
  return 0;
}

#ifdef JIXIAO_BENCH_BOOST
int with_boost(bool killing, int n) {
  if (!killing) {
    for (int k = 0; k < n; ++k) {
      bp::group g;
      bp::child c("/bin/sh", "-c", "exit 0", bp::std_in < bp::null, (bp::std_out & bp::std_err) > kLog,
                  bp::env["TMPDIR"] = "/tmp", g);
      while (c.running()) pause();
    }
    return 0;
  }
  bp::group g;
  bp::child c("/bin/sh", "-c", "sleep 100 & sleep 100", bp::std_in < bp::null,
              (bp::std_out & bp::std_err) > kLog, bp::env["TMPDIR"] = "/tmp", g);
  const long group = static_cast<long>(g.native_handle());
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  g.terminate();
  c.wait();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::printf("processes left in the group: %d\n", group_left(group));
  return 0;
}
#endif

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  const bool boost = std::strcmp(argv[1], "boost") == 0, killing = std::strcmp(argv[2], "kill") == 0;
  const int n = argc > 3 ? std::atoi(argv[3]) : 1;
#ifdef JIXIAO_BENCH_BOOST
  if (boost) return with_boost(killing, n);
#else
  if (boost) return 2;
#endif
  return with_jixiao(killing, n);
}
