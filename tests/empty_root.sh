#!/bin/sh
# Runs a program in an empty root: a new mount namespace whose root is a folder holding only the
# program, /proc, /dev/null and the folders the tests read and write (the source tree and /tmp,
# at their own paths), so that nothing of this system — no shared library, no locale, no
# gconv module, no /etc — can be reached. Used by scripts/test-static.sh as the program under
# test: tests/empty_root.sh ROOT ARGS... (ROOT/jixiao prepared by the caller). The process keeps
# its PID through the execs, so the tests' signals reach the program itself. As root.
set -eu
root=$1
shift
exec unshare --mount --propagation private sh -c '
  root=$1 tree=$2 wd=$3
  shift 3
  mkdir -p "$root/proc" "$root/dev" "$root/tmp" "$root$tree"
  touch "$root/dev/null"
  mount -t proc proc "$root/proc"
  mount --bind /dev/null "$root/dev/null"
  mount --rbind /tmp "$root/tmp"
  mount --bind "$tree" "$root$tree"
  exec unshare --root="$root" --wd="$wd" /jixiao "$@"' sh "$root" "$JIXIAO_TREE" "$PWD" "$@"
