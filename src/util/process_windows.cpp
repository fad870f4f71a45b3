// process.hpp on Windows: CreateProcessW, the child suspended until it is in a job object of its
// own (JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE: should jixiao end without cleaning up, the system
// ends the job with it), without a window and in a console process group of its own, so that
// Ctrl-C reaches jixiao alone, whose handler ends the job (interrupt_windows.cpp). soffice.exe
// starts soffice.bin: both are in the job. The child inherits only its log and NUL.
#include "util/process.hpp"

#include <vector>
#include <windows.h>

#include "jixiao/interrupt.hpp"
#include "util/files.hpp"

namespace jixiao::process {
namespace {

// One argument as CommandLineToArgvW and the C runtime read it back: quoted when it must be,
// backslashes doubled before a quote and at the end.
std::wstring quoted(const std::wstring& arg) {
  if (!arg.empty() && arg.find_first_of(L" \t\n\v\"") == std::wstring::npos) return arg;
  std::wstring out = L"\"";
  for (std::size_t k = 0;; ++k) {
    std::size_t backslashes = 0;
    while (k < arg.size() && arg[k] == L'\\') ++k, ++backslashes;
    if (k == arg.size()) {
      out.append(backslashes * 2, L'\\');
      break;
    }
    out.append(arg[k] == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
    out.push_back(arg[k]);
  }
  return out + L"\"";
}

// This process's environment with TMP and TEMP set to `temp`, as CreateProcessW takes it.
std::wstring environment_with(const std::wstring& temp) {
  std::wstring block;
  if (wchar_t* env = GetEnvironmentStringsW()) {
    for (const wchar_t* e = env; *e; e += wcslen(e) + 1) {
      const std::wstring entry = e;
      if (_wcsnicmp(e, L"TMP=", 4) == 0 || _wcsnicmp(e, L"TEMP=", 5) == 0) continue;
      block += entry + L'\0';
    }
    FreeEnvironmentStringsW(env);
  }
  block += L"TMP=" + temp + L'\0' + L"TEMP=" + temp + L'\0';
  return block + L'\0';
}

// An inheritable handle to `path`, opened for writing (the log) or reading (NUL).
HANDLE inheritable(const std::wstring& path, bool write) {
  SECURITY_ATTRIBUTES inherit{sizeof inherit, nullptr, TRUE};
  return CreateFileW(path.c_str(), write ? GENERIC_WRITE : GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &inherit,
                     write ? CREATE_ALWAYS : OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
}

// The job, and the child created suspended, put into it and resumed; -1 when any step fails.
std::intptr_t create(std::wstring& command, std::wstring& env, HANDLE in, HANDLE out, HANDLE& process) {
  HANDLE job = CreateJobObjectW(nullptr, nullptr);
  if (!job) return -1;
  JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits{};
  limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
  SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof limits);
  // Only these two handles are inherited (not the outputs jixiao is writing on other threads).
  HANDLE handles[2] = {in, out};
  SIZE_T size = 0;
  InitializeProcThreadAttributeList(nullptr, 1, 0, &size);
  std::vector<unsigned char> list(size);
  auto* attributes = reinterpret_cast<LPPROC_THREAD_ATTRIBUTE_LIST>(list.data());
  STARTUPINFOEXW si{};
  si.StartupInfo.cb = sizeof si;
  si.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
  si.StartupInfo.hStdInput = in;
  si.StartupInfo.hStdOutput = out;
  si.StartupInfo.hStdError = out;
  if (InitializeProcThreadAttributeList(attributes, 1, 0, &size) &&
      UpdateProcThreadAttribute(attributes, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, handles, sizeof handles, nullptr,
                                nullptr))
    si.lpAttributeList = attributes;
  PROCESS_INFORMATION pi{};
  const DWORD flags = CREATE_SUSPENDED | CREATE_UNICODE_ENVIRONMENT | CREATE_NO_WINDOW | CREATE_NEW_PROCESS_GROUP |
                      (si.lpAttributeList ? EXTENDED_STARTUPINFO_PRESENT : 0);
  const BOOL started = CreateProcessW(nullptr, command.data(), nullptr, nullptr, TRUE, flags, env.data(), nullptr,
                                     &si.StartupInfo, &pi);
  if (si.lpAttributeList) DeleteProcThreadAttributeList(attributes);
  if (!started) {
    CloseHandle(job);
    return -1;
  }
  // Wine gives no process for a Linux program (it runs at once, outside any job): untracked.
  if (pi.hProcess && !AssignProcessToJobObject(job, pi.hProcess)) {
    TerminateProcess(pi.hProcess, 1);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    CloseHandle(job);
    return -1;
  }
  if (pi.hThread) {
    ResumeThread(pi.hThread);
    CloseHandle(pi.hThread);
  }
  process = pi.hProcess;
  return reinterpret_cast<std::intptr_t>(job);
}

void forget(Child& child) {
  interrupt::forget_process_group(child.group);
  if (child.handle) CloseHandle(reinterpret_cast<HANDLE>(child.handle));
  CloseHandle(reinterpret_cast<HANDLE>(child.group));
  child.handle = 0;
}

}  // namespace

std::optional<Child> start(const std::vector<std::string>& args, const std::string& log, const std::string& temp) {
  std::wstring command;
  for (const std::string& a : args) command += (command.empty() ? L"" : L" ") + quoted(files::wide(a));
  std::wstring env = environment_with(files::wide(temp));
  HANDLE out = inheritable(files::wide(log), true);
  HANDLE in = inheritable(L"NUL", false);
  HANDLE process = nullptr;
  std::intptr_t job = -1;
  if (out != INVALID_HANDLE_VALUE && in != INVALID_HANDLE_VALUE)
    job = interrupt::start_watched([&] { return create(command, env, in, out, process); });
  if (out != INVALID_HANDLE_VALUE) CloseHandle(out);
  if (in != INVALID_HANDLE_VALUE) CloseHandle(in);
  if (job < 0) return std::nullopt;
  return Child{job, reinterpret_cast<std::intptr_t>(process)};
}

State poll(Child& child) {
  if (!child.handle) {
    forget(child);
    return State::untracked;
  }
  if (WaitForSingleObject(reinterpret_cast<HANDLE>(child.handle), 0) != WAIT_OBJECT_0) return State::running;
  forget(child);
  return State::ended;
}

void terminate_job(std::intptr_t job) {
  TerminateJobObject(reinterpret_cast<HANDLE>(job), 1);
  for (int k = 0; k < 250; ++k) {  // until no process is left in it, at most 5 s
    JOBOBJECT_BASIC_ACCOUNTING_INFORMATION info{};
    if (!QueryInformationJobObject(reinterpret_cast<HANDLE>(job), JobObjectBasicAccountingInformation, &info,
                                   sizeof info, nullptr) ||
        info.ActiveProcesses == 0)
      return;
    Sleep(20);
  }
}

void kill(Child& child) {
  terminate_job(child.group);
  if (child.handle) WaitForSingleObject(reinterpret_cast<HANDLE>(child.handle), 5000);
  forget(child);
}

}  // namespace jixiao::process
