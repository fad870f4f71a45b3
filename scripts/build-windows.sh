#!/usr/bin/env bash
# Cross-builds a 64-bit jixiao.exe with Debian's mingw-w64, into build-windows/jixiao.exe.
# Its libraries are built for Windows from Debian's own source packages (`apt-get source`, with
# a deb-src entry for Debian's archive kept in build-windows/apt/, never the system's sources)
# or taken from Debian's mingw packages (zlib: libz-mingw-w64-dev), and linked statically, so
# that the .exe runs alone. Idempotent: what was fetched or built is kept and not redone.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
W=$root/build-windows
export JIXIAO_WINDOWS_PREFIX=$W/prefix
host=x86_64-w64-mingw32
mkdir -p "$W/apt/lists/partial" "$W/apt/cache/archives/partial" "$W/src" "$W/deps" "$JIXIAO_WINDOWS_PREFIX"

apt=(-o "Dir::Etc::SourceList=$W/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
     -o "Dir::State::Lists=$W/apt/lists" -o "Dir::Cache=$W/apt/cache" -o APT::Sandbox::User=root)
if [ ! -e "$W/apt/updated" ]; then
  echo "deb-src http://deb.debian.org/debian bookworm main" > "$W/apt/sources.list"
  apt-get "${apt[@]}" update -qq
  touch "$W/apt/updated"
fi
# The source package, unpacked once into build-windows/src/NAME.
fetch() {
  local name=$1
  if [ ! -d "$W/src/$name" ]; then
    rm -rf "$W/src/tmp" && mkdir -p "$W/src/tmp"
    (cd "$W/src/tmp" && apt-get "${apt[@]}" source -qq "$name" >/dev/null 2>&1)
    mv "$(find "$W/src/tmp" -mindepth 1 -maxdepth 1 -type d | head -1)" "$W/src/$name"
    rm -rf "$W/src/tmp"
  fi
}
cmake_dep() {  # NAME [cmake options]: configured, built and installed into the prefix once
  local name=$1
  shift
  [ -e "$W/deps/$name.done" ] && return
  fetch "$name"
  cmake -S "$W/src/$name" -B "$W/deps/$name" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64.cmake" \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$JIXIAO_WINDOWS_PREFIX" -DBUILD_SHARED_LIBS=OFF \
        -DCMAKE_PREFIX_PATH="$JIXIAO_WINDOWS_PREFIX" "$@" >/dev/null
  cmake --build "$W/deps/$name" -j2 >/dev/null
  cmake --install "$W/deps/$name" >/dev/null
  touch "$W/deps/$name.done"
}

cmake_dep pugixml
cmake_dep cli11 -DCLI11_BUILD_TESTS=OFF -DCLI11_BUILD_EXAMPLES=OFF -DCLI11_BUILD_DOCS=OFF
cmake_dep nlohmann-json3 -DJSON_BuildTests=OFF
cmake_dep libzip -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF -DENABLE_GNUTLS=OFF -DENABLE_OPENSSL=OFF \
          -DENABLE_MBEDTLS=OFF -DENABLE_COMMONCRYPTO=OFF -DENABLE_WINDOWS_CRYPTO=OFF -DBUILD_TOOLS=OFF \
          -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF -DBUILD_OSSFUZZ=OFF
cmake_dep libxlsxwriter -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF
if [ ! -e "$W/deps/libdeflate.done" ]; then  # 1.14: a Makefile, which knows mingw (its static library's name)
  fetch libdeflate
  make -C "$W/src/libdeflate" -s CC=$host-gcc-posix AR=$host-ar libdeflatestatic.lib >/dev/null
  install -D -m644 "$W/src/libdeflate/libdeflatestatic.lib" "$JIXIAO_WINDOWS_PREFIX/lib/libdeflate.a"
  install -D -m644 "$W/src/libdeflate/libdeflate.h" "$JIXIAO_WINDOWS_PREFIX/include/libdeflate.h"
  mkdir -p "$JIXIAO_WINDOWS_PREFIX/lib/pkgconfig"
  printf 'prefix=%s\nincludedir=${prefix}/include\nlibdir=${prefix}/lib\n\nName: libdeflate\nDescription: libdeflate\nVersion: 1.14\nLibs: -L${libdir} -ldeflate\nCflags: -I${includedir}\n' \
    "$JIXIAO_WINDOWS_PREFIX" > "$JIXIAO_WINDOWS_PREFIX/lib/pkgconfig/libdeflate.pc"
  touch "$W/deps/libdeflate.done"
fi
if [ ! -e "$W/deps/nettle.done" ]; then  # autotools; only the hashes (no public-key part, no GMP)
  fetch nettle
  mkdir -p "$W/deps/nettle"
  (cd "$W/deps/nettle" && "$W/src/nettle/configure" --host=$host CC=$host-gcc-posix --prefix="$JIXIAO_WINDOWS_PREFIX" \
     --disable-shared --enable-static --disable-documentation --disable-public-key --disable-openssl >/dev/null &&
   make -s -j2 AUTOHEADER=true AUTOCONF=true libnettle.a >/dev/null &&
   make -s AUTOHEADER=true AUTOCONF=true install-headers install-static install-pkgconfig >/dev/null)
  touch "$W/deps/nettle.done"
fi

export PKG_CONFIG_LIBDIR=$JIXIAO_WINDOWS_PREFIX/lib/pkgconfig:$JIXIAO_WINDOWS_PREFIX/share/pkgconfig
export PKG_CONFIG_SYSROOT_DIR=
cmake -S "$root" -B "$W/jixiao" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64.cmake" -DCMAKE_BUILD_TYPE=Release \
      -DBUILD_TESTING=OFF -DCMAKE_PREFIX_PATH="$JIXIAO_WINDOWS_PREFIX" >/dev/null
cmake --build "$W/jixiao" -j2 --target jixiao
x86_64-w64-mingw32-strip -o "$W/jixiao.exe" "$W/jixiao/jixiao.exe"  # without its debugging symbols
ls -l "$W/jixiao.exe"
