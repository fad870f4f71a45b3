#!/usr/bin/env bash
# Cross-builds a 64-bit jixiao.exe with Debian's mingw-w64, into build-windows/jixiao.exe.
# Its libraries are built for Windows from Debian's own source packages (scripts/source-deps.sh)
# or taken from Debian's mingw packages (zlib: libz-mingw-w64-dev), and linked statically, so
# that the .exe runs alone; SHA-256 comes from the system (CNG). Idempotent: what was fetched or
# built is kept and not redone.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
W=$root/build-windows
export JIXIAO_WINDOWS_PREFIX=$W/prefix
host=x86_64-w64-mingw32
DEPS=$W/deps PREFIX=$JIXIAO_WINDOWS_PREFIX TOOLCHAIN=$root/cmake/mingw-w64.cmake
MAKE_CC=$host-gcc-posix MAKE_AR=$host-ar DEFLATE_LIB=libdeflatestatic.lib
source scripts/source-deps.sh
build_source_deps

export PKG_CONFIG_LIBDIR=$JIXIAO_WINDOWS_PREFIX/lib/pkgconfig:$JIXIAO_WINDOWS_PREFIX/share/pkgconfig
export PKG_CONFIG_SYSROOT_DIR=
cmake -S "$root" -B "$W/jixiao" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64.cmake" -DCMAKE_BUILD_TYPE=Release \
      -DBUILD_TESTING=OFF -DCMAKE_PREFIX_PATH="$JIXIAO_WINDOWS_PREFIX" >/dev/null
cmake --build "$W/jixiao" -j2 --target jixiao
x86_64-w64-mingw32-strip -o "$W/jixiao.exe" "$W/jixiao/jixiao.exe"  # without its debugging symbols
ls -l "$W/jixiao.exe"
