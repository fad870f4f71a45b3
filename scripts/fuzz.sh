#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 30), seeded from samples/ and the fixtures,
# with AddressSanitizer and UndefinedBehaviorSanitizer. CI runs it briefly; for hours:
#   scripts/fuzz.sh 14400
# A crash leaves crash-* in build-fuzz/: copy it into tests/fixtures/fuzz/ (the hostile-input
# test runs every file there) and fix the cause.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DJIXIAO_FUZZ=ON -DBUILD_TESTING=OFF \
      -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-fuzz -j2 --target fuzz_package fuzz_document_xml fuzz_sheet_xml fuzz_number_format
mkdir -p build-fuzz/corpus-package build-fuzz/corpus-xml build-fuzz/corpus-sheet build-fuzz/corpus-numfmt
# Number formats: each code and value of the LibreOffice cases, a file each.
n=0
while IFS=$'\t' read -r stored code _; do
  [ "${stored#\#}" = "$stored" ] || continue
  n=$((n + 1)); printf '%s\n%s' "$code" "$stored" > "build-fuzz/corpus-numfmt/case$n"
done < tests/ooxml/numfmt/cases.tsv
cp samples/*.docx samples/*.xlsx tests/ooxml/workbook/*.xlsx tests/fixtures/bad/* build-fuzz/corpus-package/ 2>/dev/null || true
for f in samples/*.docx; do
  unzip -p "$f" word/document.xml > "build-fuzz/corpus-xml/$(basename "$f" .docx).xml"
done
# Sheets: every sheet part of the workbooks openpyxl and LibreOffice wrote for the samples and tests.
for f in samples/*.xlsx tests/ooxml/workbook/*.xlsx tests/ooxml/numfmt/*.xlsx; do
  for part in $(unzip -Z1 "$f" 'xl/worksheets/*.xml' 2>/dev/null); do
    unzip -p "$f" "$part" > "build-fuzz/corpus-sheet/$(basename "$f" .xlsx)-$(basename "$part")"
  done
done
cp tests/fixtures/fuzz/* build-fuzz/corpus-package/ 2>/dev/null || true
cd build-fuzz
# Each target's last lines; all of its output when it found something (and the script fails).
run_target() {
  local name=$1; shift
  if ASAN_OPTIONS=detect_leaks=1 "./$name" -max_total_time="$seconds" -max_len=262144 -rss_limit_mb=2048 \
       -timeout=10 "$@" > "$name.log" 2>&1; then
    tail -n 3 "$name.log"
  else
    tail -n 80 "$name.log"
    return 1
  fi
}
run_target fuzz_package corpus-package
run_target fuzz_document_xml -dict=../tests/fuzz/wordml.dict corpus-xml
run_target fuzz_sheet_xml corpus-sheet
run_target fuzz_number_format corpus-numfmt
