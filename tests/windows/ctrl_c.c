/* Ctrl-C for jixiao.exe under Wine, as a user presses it in cmd.exe: the test's driver, built
 * with mingw-w64 by scripts/test-windows.sh.
 *   ctrl_c.exe POINT TEMP_DIR SAID_FILE PROGRAM [ARGS...]
 * starts PROGRAM with JIXIAO_TEST_PAUSE_AT=POINT and TMP/TEMP=TEMP_DIR on this console, reads
 * its standard error until it says "paused at POINT", sends CTRL_C_EVENT to the console (this
 * driver ignores it), waits for the program to end, prints its exit status ("exit N") and puts
 * what it said on standard error, byte for byte, into SAID_FILE.
 * Exit 0 when the program was interrupted this way, 1 when it never paused or did not end. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

int main(int argc, char** argv) {
  if (argc < 5) return 2;
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
    return 1;
  }
  CloseHandle(write_end);
  char said[65536] = "";
  size_t used = 0;
  char wanted[256];
  snprintf(wanted, sizeof wanted, "paused at %s", argv[1]);
  DWORD n = 0;
  while (!strstr(said, wanted) && used < sizeof said - 1 &&
         ReadFile(read_end, said + used, (DWORD)(sizeof said - 1 - used), &n, NULL) && n > 0) {
    used += n;
    said[used] = 0;
  }
  if (!strstr(said, wanted)) {
    printf("never paused: %s\n", said);
    return 1;
  }
  SetConsoleCtrlHandler(NULL, TRUE); /* this driver ignores the event it sends */
  GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0);
  if (WaitForSingleObject(pi.hProcess, 30000) != WAIT_OBJECT_0) {
    TerminateProcess(pi.hProcess, 9);
    printf("did not end after Ctrl-C\n");
    return 1;
  }
  while (used < sizeof said - 1 && ReadFile(read_end, said + used, (DWORD)(sizeof said - 1 - used), &n, NULL) && n > 0)
    used += n;
  said[used] = 0;
  DWORD status = 0;
  GetExitCodeProcess(pi.hProcess, &status);
  printf("exit %lu\n", status);
  FILE* out = fopen(argv[3], "wb");
  if (out) {
    fwrite(said, 1, used, out);
    fclose(out);
  }
  return 0;
}
