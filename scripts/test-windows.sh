#!/usr/bin/env bash
# jixiao.exe under Wine (Debian's wine64), against the Linux build of the same commit: builds it
# (scripts/build-windows.sh) and the Linux binary (build/), then requires the same JSON bytes for
# the sample, the same check report, byte-identical XLSX and CSV, a folder of documents with
# Chinese names converted with --jobs 2 (the same model; paths given with \ and /), no CR in any
# JSON, the bad inputs refused with exit 2 and the same messages, Ctrl-C leaving nothing behind,
# Chinese text correct on a console whose code page is 936, the release archive with what it
# must hold, and its drop-a-folder batch file under Chinese and English code pages.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
failures=0
ok() { echo "ok    $1"; }
fail() { echo "FAIL  $1${2:+: $2}"; failures=$((failures + 1)); }
expect() { if eval "$2"; then ok "$1"; else fail "$1" "${3:-}"; fi; }

bash scripts/build-windows.sh >/dev/null
exe=$root/build-windows/jixiao.exe
linux=$root/build/jixiao
# The Linux build of this same commit (brought up to date: it is what the .exe is held to).
[ -f build/CMakeCache.txt ] || cmake -S . -B build >/dev/null
cmake --build build -j2 --target jixiao >/dev/null
export WINEDEBUG=-all WINEPREFIX=$root/build-windows/wine
if [ ! -d "$WINEPREFIX" ]; then wineboot --init >/dev/null 2>&1 || true; fi
win() { wine "$exe" "$@"; }
tmp=$(mktemp -d /tmp/jixiao-windows.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

version=$(win --version 2>&1 | tr -d '\r')
expect "jixiao.exe --version: the same version and commit as the Linux build" "[ \"\$version\" = \"\$($linux --version)\" ]" "$version"
win convert samples/beixinbao-2021.docx >"$tmp/w.json" 2>"$tmp/w.err" || true
"$linux" convert samples/beixinbao-2021.docx >"$tmp/l.json"
expect "convert: the sample's JSON, the same bytes as on Linux" "cmp -s '$tmp/w.json' '$tmp/l.json'" "$(head -c 300 "$tmp/w.err")"
win check samples/beixinbao-2021.docx --format json >"$tmp/wc.json" 2>/dev/null || true
"$linux" check samples/beixinbao-2021.docx --format json >"$tmp/lc.json" || true
expect "check: the same findings" "cmp -s '$tmp/wc.json' '$tmp/lc.json'"
win check samples/beixinbao-2021.docx >"$tmp/wc.txt" 2>/dev/null || true
"$linux" check samples/beixinbao-2021.docx >"$tmp/lc.txt" || true
expect "check's text report into a file or pipe: UTF-8 with a byte-order mark, then Linux's bytes" \
  "[ \"\$(head -c 3 '$tmp/wc.txt' | od -An -tx1 | tr -d ' ')\" = efbbbf ] && cmp -s <(tail -c +4 '$tmp/wc.txt') '$tmp/lc.txt'"
for f in xlsx csv; do
  win convert samples/*.docx --to $f -o "$tmp/w.$f" >/dev/null 2>&1 || true
  "$linux" convert samples/*.docx --to $f -o "$tmp/l.$f"
  expect "convert --to $f: byte-identical to Linux's" "cmp -s '$tmp/w.$f' '$tmp/l.$f'"
done
win convert samples/beixinbao-2021.docx --to csv --encoding gb18030 -o "$tmp/w-gb.csv" >/dev/null 2>&1 || true
"$linux" convert samples/beixinbao-2021.docx --to csv --encoding gb18030 -o "$tmp/l-gb.csv"
expect "convert --to csv --encoding gb18030: the same bytes as iconv on Linux (code page 54936, or 936 where Wine lacks it)" "cmp -s '$tmp/w-gb.csv' '$tmp/l-gb.csv'"

# A county's folder with Chinese names, spaces, and a document in a subfolder.
mkdir -p "$tmp/县/乡镇"
cp samples/beixinbao-2021.docx "$tmp/县/乡镇/北辛堡镇.docx"
cp samples/level1-repeated.docx "$tmp/县/乡镇/东花园 镇.docx"
cp samples/bureau-2022.docx "$tmp/县/农业农村局.docx"
(cd "$tmp" && win convert 县 --jobs 2 -o 汇总.json >/dev/null 2>&1) && status=0 || status=$?
(cd "$tmp" && "$linux" convert 县 --jobs 2 -o linux.json)
same_model() {
  /usr/bin/python3 - "$1" "$2" "$3" <<'EOF'
import json, sys
w, l = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
paths = [d["source"]["path"] for d in w["documents"]]
for d in w["documents"] + l["documents"]:
    d["source"]["path"] = ""
sys.exit(0 if w == l and paths == sys.argv[3].split("|") else 1)
EOF
}
expect "a folder with Chinese names, --jobs 2: exit 0, the same model, Windows paths" \
  "[ $status -eq 0 ] && same_model '$tmp/汇总.json' '$tmp/linux.json' '县\\乡镇\\东花园 镇.docx|县\\乡镇\\北辛堡镇.docx|县\\农业农村局.docx'"
(cd "$tmp" && win convert '县\乡镇\北辛堡镇.docx' '县/农业农村局.docx' -o 两份.json >/dev/null 2>&1) && status=0 || status=$?
expect "paths with \\ and with /" "[ $status -eq 0 ] && [ \$(grep -c '\"schema\": \"jixiao.document/1\"' '$tmp/两份.json') -eq 2 ]"
expect "no CR anywhere in the JSON" "! grep -q \$'\\r' '$tmp/汇总.json' '$tmp/w.json' '$tmp/wc.json'"
(cd "$tmp" && win convert 县 -o 输出/ >/dev/null 2>&1) && status=0 || status=$?
expect "-o DIR/: one output per input, below a Chinese folder" "[ $status -eq 0 ] && [ -s '$tmp/输出/乡镇/北辛堡镇.json' ]"

crashes=0
for k in 1 2 3 4 5; do
  (cd "$tmp" && win check 县 --format html --jobs 2 -o 审核.html >/dev/null 2>"$tmp/err") || true
  grep -q "page fault\|Unhandled" "$tmp/err" && crashes=$((crashes + 1))
done
expect "five runs of check --format html --jobs 2 (threads ending with buffers of their own): no crash" "[ $crashes -eq 0 ]" "$crashes crashed"
mismatched=""
for bad in tests/fixtures/bad/*; do
  w=$(win convert "$bad" 2>&1 >/dev/null | tr -d '\r') && ws=0 || ws=$?
  l=$("$linux" convert "$bad" 2>&1 >/dev/null) && ls_=0 || ls_=$?
  case "$bad" in *.doc|*.odt|*.xls|*.et|*.ods|*legacy*|*word2003*) continue ;; esac  # LibreOffice: not in the Windows build
  [ "$ws" -eq 2 ] && [ "$w" = "$l" ] || mismatched+=" $(basename "$bad")[$ws]"
done
expect "the bad inputs: exit 2, the same message as on Linux" "[ -z \"\$mismatched\" ]" "$mismatched"
w=$(win convert tests/fixtures/bad/legacy.doc 2>&1 | tr -d '\r') && ws=0 || ws=$?
expect "a .doc with no LibreOffice installed: exit 2, saying to install it (soffice.exe) or save as .docx" \
  "[ $ws -eq 2 ] && grep -q 'soffice.exe' <<<\"\$w\" && grep -q '另存为 .docx' <<<\"\$w\"" "$w"
w=$(win convert tests/fixtures/bad/workbook.xls 2>&1 | tr -d '\r') && ws=0 || ws=$?
expect "an .xls with no LibreOffice installed: exit 2, saying to save it as .xlsx" "[ $ws -eq 2 ] && grep -q '另存为 .xlsx' <<<\"\$w\"" "$w"

# LibreOffice on Windows. Wine starts a Linux program given to CreateProcess, but gives no
# process handle for it (seen with Wine 8: hProcess NULL, WaitForSingleObject fails), so the
# Linux soffice cannot stand in for soffice.exe: what can be tested is tested. The App Paths
# registry entry is found and its program started (a Linux program: reported as not followable);
# a real Windows program given as --soffice (cmd.exe, which converts nothing) is started in a
# job object, followed to its end or killed at the time limit, and the scratch folder removed.
scratch() { find "$WINEPREFIX/drive_c/users" -maxdepth 6 -type d -name 'jixiao-*' 2>/dev/null | wc -l; }
before=$(scratch)
printf 'REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\soffice.exe]\n@="Z:\\\\bin\\\\true"\n' >"$tmp/app.reg"
wine regedit "$tmp/app.reg" >/dev/null 2>&1 || true
w=$(win convert tests/fixtures/bad/legacy.doc 2>&1 | tr -d '\r') && ws=0 || ws=$?
found=$(grep -cF 'Z:\bin\true' <<<"$w" || true)
expect "soffice.exe found through the App Paths registry entry and started; a program Wine gives no process for is reported" \
  "[ $ws -eq 2 ] && [ $found -ge 1 ] && grep -q '无法等待' <<<\"\$w\"" "$w"
printf 'REGEDIT4\n\n[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\soffice.exe]\n' >"$tmp/app.reg"
wine regedit "$tmp/app.reg" >/dev/null 2>&1 || true
w=$(win convert tests/fixtures/bad/legacy.doc --soffice 'C:\windows\system32\cmd.exe' --convert-timeout 5 2>&1 | tr -d '\r') && ws=0 || ws=$?
expect "--soffice cmd.exe (a Windows program that converts nothing): followed in its job, exit 2, nothing came out or stopped at the limit" \
  "[ $ws -eq 2 ] && grep -qE '没有生成 .docx|超过 5 秒' <<<\"\$w\"" "$w"
w=$(JIXIAO_SOFFICE='C:\windows\system32\cmd.exe' win convert tests/fixtures/bad/legacy.doc --convert-timeout 5 2>&1 | tr -d '\r') && ws=0 || ws=$?
expect "JIXIAO_SOFFICE names it too" "[ $ws -eq 2 ] && grep -qE '没有生成 .docx|超过 5 秒' <<<\"\$w\"" "$w"
# A converter that never ends: a batch file that loops (cmd.exe, and ping.exe as its child, both
# in the job) is stopped at the time limit, and nothing of it is left running.
printf '@echo off\r\n:again\r\nping -n 2 127.0.0.1 >NUL\r\ngoto again\r\n' >"$tmp/endless.bat"
# How many of the batch file's processes are still there once Wine has had 10 s to end them (it
# reports a killed job empty a moment before the Linux processes behind it are gone).
converters_left() {
  local n
  for _ in $(seq 50); do
    n=$(ps -eo args | grep -ciE '^[^ ]*(cmd|ping)\.exe' || true)
    [ "$n" -eq 0 ] && break
    sleep 0.2
  done
  echo "$n"
}
w=$(win convert tests/fixtures/bad/legacy.doc --soffice "Z:$tmp/endless.bat" --convert-timeout 3 2>&1 | tr -d '\r') && ws=0 || ws=$?
left=$(converters_left)
expect "a converter that never ends: stopped at the time limit, exit 2, its whole job killed (no cmd.exe or ping.exe left)" \
  "[ $ws -eq 2 ] && grep -q '超过 3 秒' <<<\"\$w\" && [ $left -eq 0 ]" "$w; $left left"
expect "the scratch folders are gone" "[ \$(scratch) -eq $before ]" "$(scratch) jixiao-* folders, $before before"

# Ctrl-C, as a user presses it in cmd.exe: tests/windows/ctrl_c.c (built here with mingw-w64)
# starts jixiao.exe on its console, waits until the run says it is paused at a point (reading;
# every output written but not renamed into place), sends CTRL_C_EVENT to the console, and
# reports how the run ended. Nothing may be left in the run's TMP, no output written, an earlier
# output untouched.
x86_64-w64-mingw32-gcc -O1 -o "$tmp/ctrl_c.exe" tests/windows/ctrl_c.c
cp -r "$tmp/县" "$tmp/county"  # the driver passes its arguments on in the ANSI code page: ASCII ones
for point in read commit; do
  mkdir -p "$tmp/ctrlc-$point/temp" "$tmp/ctrlc-$point/out"
  printf 'earlier\n' >"$tmp/ctrlc-$point/out/earlier.json"
  said=$(cd "$tmp" && script -qec "wine '$tmp/ctrl_c.exe' $point 'Z:$tmp/ctrlc-$point/temp' 'Z:$tmp/ctrlc-$point/said' 'Z:$exe' convert county --jobs 2 -o 'Z:$tmp/ctrlc-$point/out/earlier.json'" /dev/null 2>&1) && status=0 || status=$?
  expect "Ctrl-C at '$point': exit 130, said in one line, TMP empty, the earlier output untouched, nothing beside it" \
    "[ $status -eq 130 ] && grep -q '已中断' '$tmp/ctrlc-$point/said' && [ -z \"\$(ls -A '$tmp/ctrlc-$point/temp')\" ] && [ \"\$(cat '$tmp/ctrlc-$point/out/earlier.json')\" = earlier ] && [ \"\$(ls -A '$tmp/ctrlc-$point/out')\" = earlier.json ]" \
    "exit $status; $(cat "$tmp/ctrlc-$point/said" 2>&1); $(ls -A "$tmp/ctrlc-$point/temp" "$tmp/ctrlc-$point/out")"
done
# Ctrl-C while the converter runs (the endless batch file): exit 130, the job killed, its
# scratch folder gone.
mkdir -p "$tmp/ctrlc-converting/temp"
said=$(cd "$tmp" && script -qec "wine '$tmp/ctrl_c.exe' after:4000 'Z:$tmp/ctrlc-converting/temp' 'Z:$tmp/ctrlc-converting/said' 'Z:$exe' convert 'Z:$root/tests/fixtures/bad/legacy.doc' --soffice 'Z:$tmp/endless.bat' -o 'Z:$tmp/ctrlc-converting/x.json'" /dev/null 2>&1) && status=0 || status=$?
left=$(converters_left)
expect "Ctrl-C while converting: exit 130, no converter process left, nothing in TMP, no output" \
  "[ $status -eq 130 ] && [ $left -eq 0 ] && [ -z \"\$(ls -A '$tmp/ctrlc-converting/temp')\" ] && [ ! -e '$tmp/ctrlc-converting/x.json' ]" \
  "exit $status; $left left; $(cat "$tmp/ctrlc-converting/said" 2>&1); $(ls -A "$tmp/ctrlc-converting/temp")"

# A console whose code page is 936 (a Chinese Windows): text written as UTF-16 is shown right.
reg=$(mktemp --suffix=.reg)
printf 'REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Control\\Nls\\CodePage]\n"ACP"="936"\n"OEMCP"="936"\n' >"$reg"
wine regedit "$reg" >/dev/null 2>&1 || true
rm -f "$reg"
shown=$(script -qec "wine '$exe' convert '$tmp/nothing.docx'" /dev/null 2>&1 | tr -d '\r' || true)
expect "on a console with code page 936, the Chinese message reads right" "grep -q '无法打开文件：文件不存在' <<<\"\$shown\"" "$shown"

bash scripts/package-windows.sh >/dev/null
zip=$(ls dist/jixiao-*-windows-x64.zip)
listing=$(/usr/bin/python3 -c "import sys, zipfile; print('\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))" "$zip")
expect "the release archive: jixiao.exe, schemas, a Chinese README, the batch file, the licences" \
  "grep -qx 'jixiao/jixiao.exe' <<<\"\$listing\" && grep -q 'jixiao/schemas/document.schema.json' <<<\"\$listing\" && grep -qx 'jixiao/使用说明.txt' <<<\"\$listing\" && grep -qx 'jixiao/拖入文件夹转换.bat' <<<\"\$listing\" && [ \$(grep -c '^jixiao/licenses/' <<<\"\$listing\") -ge 8 ]" "$listing"

# The batch file, as a user runs it: a folder with a Chinese name dropped on it (its path as the
# argument), under a Wine whose code pages are those of a Chinese Windows (936), then those of an
# English one (437/1252; the C.UTF-8 locale, so that Wine reads the Chinese names on its own
# command line, which plain C cannot carry). The batch file is ASCII; jixiao names the outputs.
expect "the batch file is ASCII only" "/usr/bin/python3 -c \"import sys, zipfile; zipfile.ZipFile(sys.argv[1]).read('jixiao/拖入文件夹转换.bat').decode('ascii')\" '$zip'"
locale -a | grep -i '^zh_CN.utf-\?8$' >/dev/null || localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
(cd "$tmp" && mkdir -p unzipped && cd unzipped && /usr/bin/python3 -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall()" "$root/$zip")
drop() {  # LOCALE ACP OEMCP FOLDER: the folder dropped on the batch file
  local folder=$tmp/unzipped/$4
  mkdir -p "$folder"
  cp samples/beixinbao-2021.docx "$folder/北辛堡镇.docx"
  cp samples/bureau-2022.docx "$folder/农业农村局.docx"
  printf 'REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Control\\Nls\\CodePage]\n"ACP"="%s"\n"OEMCP"="%s"\n' "$2" "$3" >"$tmp/cp.reg"
  LANG=$1 LC_ALL=$1 wine regedit "$tmp/cp.reg" >/dev/null 2>&1 || true
  (cd "$tmp/unzipped" && echo | LANG=$1 LC_ALL=$1 timeout 300 wine cmd /c 'jixiao\拖入文件夹转换.bat' "Z:$folder" >"$tmp/drop.out" 2>&1) || true
  /usr/bin/python3 -c "import sys, zipfile; sys.exit(0 if 'xl/workbook.xml' in zipfile.ZipFile(sys.argv[1]).namelist() else 1)" "$folder/汇总.xlsx" 2>/dev/null &&
    grep -q 'jx-data' "$folder/审核.html" && [ "$(ls "$folder" | wc -l)" -eq 4 ]
}
expect "the batch file, Chinese Windows (code page 936): 汇总.xlsx and 审核.html in the dropped folder" \
  "drop zh_CN.UTF-8 936 936 报送" "$(ls "$tmp/unzipped/报送" 2>&1; head -c 400 "$tmp/drop.out")"
expect "the batch file, English Windows (code pages 437/1252, locale C.UTF-8): the same, nothing misnamed" \
  "drop C.UTF-8 1252 437 县级报送" "$(ls "$tmp/unzipped/县级报送" 2>&1; head -c 400 "$tmp/drop.out")"
(cd "$tmp/unzipped" && echo | LANG=C.UTF-8 LC_ALL=C.UTF-8 timeout 120 wine cmd /c 'jixiao\拖入文件夹转换.bat' >"$tmp/drop.out" 2>&1) || true
expect "the batch file started with no folder: jixiao says to drop one" "grep -q 'summary-in-folder' '$tmp/drop.out'" "$(head -c 300 "$tmp/drop.out")"

echo "$([ $failures -eq 0 ] && echo passed || echo FAILED): $failures failure(s)"
[ $failures -eq 0 ]
