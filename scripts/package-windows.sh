#!/usr/bin/env bash
# The Windows release archive, dist/jixiao-<version>-windows-x64.zip, from build-windows/:
# jixiao.exe, the JSON schemas, a README in Chinese (packaging/windows/使用说明.txt, for cmd.exe
# and PowerShell), a batch file that converts a folder dropped on it (ASCII with CRLF: cmd.exe
# reads it in the console's code page, whatever that is), and the licences of jixiao and of everything the
# .exe links: each library's debian/copyright from the Debian source package it was built from,
# zlib's and the mingw-w64 runtime's from their Debian packages. The same bytes for the same
# build (entries sorted, dated by the commit).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^project(jixiao VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
mkdir -p dist
/usr/bin/python3 - "$version" <<'PY'
import glob, os, subprocess, sys, time, zipfile
version = sys.argv[1]
r = subprocess.run(["git", "log", "-1", "--format=%ct"], capture_output=True, text=True)
stamp = time.gmtime(int(r.stdout.strip()) if r.returncode == 0 and r.stdout.strip() else 1796169600)[:6]
W = "build-windows"
entries = {"jixiao/jixiao.exe": open(f"{W}/jixiao.exe", "rb").read()}
for path in sorted(glob.glob("schemas/*.json")):
    entries["jixiao/" + path] = open(path, "rb").read()
readme = open("packaging/windows/使用说明.txt", encoding="utf-8").read()
entries["jixiao/使用说明.txt"] = "\ufeff".encode("utf-8") + readme.replace("\n", "\r\n").encode("utf-8")
batch = open("packaging/windows/拖入文件夹转换.bat", encoding="utf-8").read()
entries["jixiao/拖入文件夹转换.bat"] = batch.replace("\n", "\r\n").encode("ascii")
licences = {"jixiao.txt": "LICENSE", "zlib.txt": "/usr/share/doc/libz-mingw-w64-dev/copyright",
            "mingw-w64-runtime.txt": "/usr/share/doc/mingw-w64-common/copyright",
            "gcc-runtime-libstdc++-libgcc.txt": "/usr/share/doc/gcc-mingw-w64-base/copyright"}
for name in ("pugixml", "libzip", "libdeflate", "libxlsxwriter", "cli11", "nlohmann-json3"):
    licences[name + ".txt"] = f"build-sources/{name}/debian/copyright"
for name, path in sorted(licences.items()):
    entries["jixiao/licenses/" + name] = open(path, "rb").read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
out = f"dist/jixiao-{version}-windows-x64.zip"
with zipfile.ZipFile(out + ".part", "w", zipfile.ZIP_DEFLATED) as z:
    for name in sorted(entries):
        info = zipfile.ZipInfo(name, date_time=stamp)
        info.external_attr = 0o644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, entries[name])
os.replace(out + ".part", out)
print(out)
PY
