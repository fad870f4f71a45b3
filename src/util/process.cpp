// process.hpp on POSIX: posix_spawn into a process group of its own.
#include "util/process.hpp"

#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include "jixiao/interrupt.hpp"

extern char** environ;

namespace jixiao::process {

std::optional<Child> start(const std::vector<std::string>& args, const std::string& log, const std::string& temp) {
  std::vector<std::string> arg_text = args;
  std::vector<char*> argv;
  for (std::string& a : arg_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_text = {"TMPDIR=" + temp};
  for (char** e = environ; *e; ++e)
    if (std::strncmp(*e, "TMPDIR=", 7) != 0) env_text.emplace_back(*e);
  std::vector<char*> envp;
  for (std::string& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::intptr_t group = interrupt::start_watched([&]() -> std::intptr_t {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) sigaddset(&defaults, s);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setpgroup(&attr, 0);  // a group of its own: killed whole
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = -1;
    const int failed_to_start = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    return failed_to_start ? -1 : pid;
  });
  if (group < 0) return std::nullopt;
  return Child{group, 0};
}

State poll(Child& child) {
  int status = 0;
  if (::waitpid(static_cast<pid_t>(child.group), &status, WNOHANG) != static_cast<pid_t>(child.group))
    return State::running;
  interrupt::forget_process_group(child.group);
  return State::ended;
}

void kill(Child& child) {
  int status = 0;
  ::kill(-static_cast<pid_t>(child.group), SIGKILL);
  ::waitpid(static_cast<pid_t>(child.group), &status, 0);
  interrupt::forget_process_group(child.group);
}

}  // namespace jixiao::process
