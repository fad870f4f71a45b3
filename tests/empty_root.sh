#!/bin/sh
# Runs a program in an empty root: a new mount namespace whose root is a folder holding only the
# program, /proc, /dev/null and the folders the tests read and write (the source tree and /tmp,
# at their own paths), so that nothing of this system — no shared library, no locale, no
# gconv module, no /etc — can be reached. Used by scripts/test-static.sh as the program under
# test (every command named by its path: a test may empty PATH): JIXIAO_EMPTY_ROOT=ROOT JIXIAO_TREE=SOURCE_TREE tests/empty_root.sh ARGS... (ROOT/jixiao
# put there by the caller). The process keeps its PID through the execs, so the tests' signals
# reach the program itself. As root.
set -eu
root=${JIXIAO_EMPTY_ROOT:?the empty root}
exec /usr/bin/unshare --mount --propagation private /bin/sh -c '
  root=$1 tree=$2 wd=$3
  shift 3
  /bin/mkdir -p "$root/proc" "$root/dev" "$root/tmp" "$root$tree"
  /usr/bin/touch "$root/dev/null"
  /bin/mount -t proc proc "$root/proc"
  /bin/mount --bind /dev/null "$root/dev/null"
  /bin/mount --rbind /tmp "$root/tmp"
  /bin/mount --bind "$tree" "$root$tree"
  exec /usr/bin/unshare --root="$root" --wd="$wd" /jixiao "$@"' sh "$root" "$JIXIAO_TREE" "$PWD" "$@"
