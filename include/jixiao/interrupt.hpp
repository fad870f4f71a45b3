#pragma once
// What a run leaves behind when it is interrupted: nothing. Every temporary file and folder a
// run makes is made through here and known until it is renamed into place or removed; on
// SIGINT, SIGTERM or SIGHUP a signal handler removes them all, says in one line that the run
// was interrupted, and ends the process with 128 + the signal (130 for Ctrl-C, 143 for
// SIGTERM, 129 for SIGHUP). A second Ctrl-C while that happens ends the process at once.
#include <cstdint>
#include <functional>
#include <string>

#include "jixiao/error.hpp"

namespace jixiao::interrupt {

// Starts the watch: installs the handler (no thread: a one-document run pays nothing for it).
// Called once, first thing in main. Without it, the registry below still works and a signal
// does what it always does.
void watch(Lang lang);

// Creates the file `path` (which must not exist) for writing, known as scratch: a file
// descriptor, or -1 with errno set.
int create_file(const std::string& path);
// A fresh folder below $TMPDIR (or /tmp), known as scratch with all it will hold; "" when none
// could be made. For libraries that write only to paths, and their own temporaries beside.
std::string create_folder();
// Each missing folder of `path`, created and known as scratch (removed again, when empty, if the
// run is interrupted): the folders an output into DIR/ makes.
bool create_folders(const std::string& path);
// Renames scratch file `from` to `to`, and forgets it, as one step with respect to an
// interruption: either the rename happened or the scratch file is removed. `until_kept`: `to` is
// one of several outputs, removed if the run is interrupted before keep_outputs().
bool rename_into_place(const std::string& from, const std::string& to, bool until_kept = false);
// Removes a scratch file or folder (with its content) and forgets it.
void remove(const std::string& path);
// Starts a child in a group of its own — a process group on POSIX, a job object on Windows:
// `spawn` returns the group's id or the job's handle, or -1 — so that it is killed with its
// children if the run is interrupted, until forgotten (it has ended).
std::intptr_t start_watched(const std::function<std::intptr_t()>& spawn);
void forget_process_group(std::intptr_t group);
// Forgets every folder made by create_folders and every output renamed into place until kept
// (the run has finished: they are its output).
void keep_outputs();

// A place where the tests may stop the run to interrupt it there: when the environment variable
// JIXIAO_TEST_PAUSE_AT names `point`, the run says so on stderr ("jixiao: paused at POINT")
// and waits for a signal. Points: "read" (the output opened, nothing read yet), "write" (the
// first document's output written, or the whole output made), "commit" (everything written, not
// yet renamed into place), "committed" (of one output per input, the first renamed into place).
void checkpoint(const char* point);

}  // namespace jixiao::interrupt
