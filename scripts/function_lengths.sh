#!/bin/sh
# Every function in src/ and include/ with its length in lines, longest first, as Universal Ctags
# finds them (its end: field); fails when one is longer than the limit (default 80).
# Usage: scripts/function_lengths.sh [LIMIT] [COUNT_SHOWN]
set -eu
limit=${1:-80}
shown=${2:-5}
cd "$(dirname "$0")/.."
command -v ctags >/dev/null || { echo "function_lengths: ctags (universal-ctags) is not installed" >&2; exit 2; }
ctags --languages=C++ --c++-kinds=f --fields=+ne -o - -R src include |
  awk -F'\t' '{ n = ""; e = ""
       for (i = 4; i <= NF; i++) { if ($i ~ /^line:/) n = substr($i, 6); if ($i ~ /^end:/) e = substr($i, 5) }
       if (n != "" && e != "") print e - n + 1, $2 ":" n, $1 }' |
  sort -k1,1nr -k2 | awk -v limit="$limit" -v shown="$shown" '
    NR <= shown || $1 > limit { print }
    $1 > limit { over++ }
    { total++ }
    END { printf "%d functions, %d over %d lines\n", total, over, limit; exit (over > 0) }'
