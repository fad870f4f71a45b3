// A converter's child process (LibreOffice): started with nothing on its standard input, its
// output and errors into a log file, its temporaries in a folder of the caller's, in a group of
// its own — a process group on POSIX, a job object on Windows — that is killed whole when it
// takes too long or the run is interrupted (the interrupt watch knows it until it has ended).
// POSIX: posix_spawn, the C library's; Windows: CreateProcessW and a job object (process.cpp,
// process_windows.cpp). Of Debian 12's process libraries, reproc is not packaged and libpipeline
// has no time limit; Boost.Process (libboost1.74-dev) has groups and timed waits and was measured
// beside these files (bench/process.py, bench/RESULTS.md): the same result, 1.1x the time to start
// and follow a child on Linux, and no place for the interrupt watch's registration at the start.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jixiao::process {

struct Child {
  std::intptr_t group = -1;  // POSIX: the process (and group) id; Windows: the job object
  std::intptr_t handle = 0;  // Windows: the process; 0 when the system gave none (see poll)
};

// Starts args[0] with `args` (UTF-8; a path or a name looked up as the system does), its
// standard output and error into `log`, TMPDIR (Windows: TMP and TEMP) set to `temp`.
// nullopt: it could not be started.
std::optional<Child> start(const std::vector<std::string>& args, const std::string& log, const std::string& temp);

enum class State {
  running,
  ended,
  // Started, but the system gave no handle to wait on: Wine does so for a Linux program given
  // to CreateProcess. It cannot be followed, nor stopped.
  untracked
};
// Without waiting; once it has ended, the interrupt watch forgets it.
State poll(Child& child);
// Kills it and everything it started, and waits for it.
void kill(Child& child);

#ifdef _WIN32
// Every process of the job object ended, and waited for (at most a few seconds): what kill()
// does, for the interrupt watch, which knows only the job.
void terminate_job(std::intptr_t job);
#endif

}  // namespace jixiao::process
