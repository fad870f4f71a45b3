# Writes OUTPUT, a header defining JIXIAO_COMMIT: the commit the program is built from (what
# `jixiao --version` prints), "-dirty" when the work tree has changes; JIXIAO_COMMIT from the
# environment when there is no git checkout (a source archive), else "unknown". Rewritten only
# when it changes, so that a build recompiles only main.cpp, and only after a new commit.
set(commit "$ENV{JIXIAO_COMMIT}")
if(commit STREQUAL "")
  execute_process(COMMAND git -C "${SOURCE_DIR}" describe --always --dirty --abbrev=12
                  OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE failed)
  if(failed OR commit STREQUAL "")
    set(commit "unknown")
  endif()
endif()
file(WRITE "${OUTPUT}.tmp" "#pragma once\n#define JIXIAO_COMMIT \"${commit}\"\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
