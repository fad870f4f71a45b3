/* Ctrl-C for jixiao.exe under Wine, as a user presses it in cmd.exe: the test's driver, built
 * with mingw-w64 by scripts/test-windows.sh.
 *   ctrl_c.exe POINT TEMP_DIR SAID_FILE PROGRAM [ARGS...]
 * starts PROGRAM with JIXIAO_TEST_PAUSE_AT=POINT and TMP/TEMP=TEMP_DIR on this console, reads
 * its standard error until it says "paused at POINT" (POINT "after:MS": waits MS milliseconds
 * instead, for a moment no pause point names), sends CTRL_C_EVENT to the console (this
 * driver ignores it), waits for the program to end, puts what it said on standard error, byte for
 * byte, into SAID_FILE, and exits with the program's exit status — or 199 when it never paused
 * or did not end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

int main(int argc, char** argv) {
  if (argc < 5) return 199;
  char command[8192] = "";
  for (int k = 4; k < argc; ++k) {
    strcat(command, "\"");
    strcat(command, argv[k]);
    strcat(command, "\" ");
  }
  SetEnvironmentVariableA("JIXIAO_TEST_PAUSE_AT", argv[1]);
  SetEnvironmentVariableA("TMP", argv[2]);
  SetEnvironmentVariableA("TEMP", argv[2]);
  SECURITY_ATTRIBUTES inherit = {sizeof inherit, NULL, TRUE};
  HANDLE read_end, write_end;
  if (!CreatePipe(&read_end, &write_end, &inherit, 0)) return 1;
  SetHandleInformation(read_end, HANDLE_FLAG_INHERIT, 0);
  STARTUPINFOA si = {sizeof si};
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
  si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
  si.hStdError = write_end;
  PROCESS_INFORMATION pi;
  if (!CreateProcessA(NULL, command, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
    printf("could not start: %lu\n", GetLastError());
    return 199;
  }
  CloseHandle(write_end);
  char said[65536] = "";
  size_t used = 0;
  char wanted[256];
  snprintf(wanted, sizeof wanted, "paused at %s", argv[1]);
  DWORD n = 0;
  const int timed = strncmp(argv[1], "after:", 6) == 0;
  if (timed) Sleep((DWORD)atoi(argv[1] + 6));
  while (!timed && !strstr(said, wanted) && used < sizeof said - 1 &&
         ReadFile(read_end, said + used, (DWORD)(sizeof said - 1 - used), &n, NULL) && n > 0) {
    used += n;
    said[used] = 0;
  }
  if (!timed && !strstr(said, wanted)) {
    printf("never paused: %s\n", said);
    return 199;
  }
  SetConsoleCtrlHandler(NULL, TRUE); /* this driver ignores the event it sends */
  GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0);
  if (WaitForSingleObject(pi.hProcess, 30000) != WAIT_OBJECT_0) {
    TerminateProcess(pi.hProcess, 9);
    printf("did not end after Ctrl-C\n");
    return 199;
  }
  while (used < sizeof said - 1 && ReadFile(read_end, said + used, (DWORD)(sizeof said - 1 - used), &n, NULL) && n > 0)
    used += n;
  said[used] = 0;
  DWORD status = 0;
  GetExitCodeProcess(pi.hProcess, &status);
  FILE* out = fopen(argv[3], "wb");
  if (out) {
    fwrite(said, 1, used, out);
    fclose(out);
  }
  return (int)status;
}
