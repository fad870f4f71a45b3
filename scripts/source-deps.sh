# Sourced by the builds that link every library statically (build-windows.sh, build-static.sh):
# the libraries Debian ships no static archive of for the target, built from Debian's own source
# packages (`apt-get source`, with a deb-src entry for Debian's archive kept in build-sources/apt/,
# never the system's sources) and installed into a prefix. The caller sets
#   DEPS       the folder for the builds and their stamps
#   PREFIX     where the libraries are installed
#   TOOLCHAIN  a CMake toolchain file (empty: the build machine itself)
#   MAKE_CC, MAKE_AR, DEFLATE_LIB  the C compiler, archiver and static library target for
#              libdeflate's Makefile (libdeflate.a; libdeflatestatic.lib for mingw)
# Idempotent: what was fetched or built is kept and not redone.
SOURCES=$root/build-sources
mkdir -p "$SOURCES/apt/lists/partial" "$SOURCES/apt/cache/archives/partial" "$DEPS" "$PREFIX"
apt_private=(-o "Dir::Etc::SourceList=$SOURCES/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
             -o "Dir::State::Lists=$SOURCES/apt/lists" -o "Dir::Cache=$SOURCES/apt/cache" -o APT::Sandbox::User=root)
if [ ! -e "$SOURCES/apt/updated" ]; then
  echo "deb-src http://deb.debian.org/debian bookworm main" > "$SOURCES/apt/sources.list"
  apt-get "${apt_private[@]}" update -qq
  touch "$SOURCES/apt/updated"
fi

# The source package, unpacked once into build-sources/NAME.
fetch() {
  local name=$1
  if [ ! -d "$SOURCES/$name" ]; then
    rm -rf "$SOURCES/tmp" && mkdir -p "$SOURCES/tmp"
    (cd "$SOURCES/tmp" && apt-get "${apt_private[@]}" source -qq "$name" >/dev/null 2>&1)
    mv "$(find "$SOURCES/tmp" -mindepth 1 -maxdepth 1 -type d | head -1)" "$SOURCES/$name"
    rm -rf "$SOURCES/tmp"
  fi
}

cmake_dep() {  # NAME [cmake options]: configured, built and installed into the prefix once
  local name=$1
  shift
  [ -e "$DEPS/$name.done" ] && return
  fetch "$name"
  cmake -S "$SOURCES/$name" -B "$DEPS/$name" ${TOOLCHAIN:+-DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN"} \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" -DCMAKE_INSTALL_LIBDIR=lib \
        -DBUILD_SHARED_LIBS=OFF -DCMAKE_PREFIX_PATH="$PREFIX" "$@" >/dev/null
  cmake --build "$DEPS/$name" -j2 >/dev/null
  cmake --install "$DEPS/$name" >/dev/null
  touch "$DEPS/$name.done"
}

# pugixml, CLI11, nlohmann/json, libzip (without the compression and crypto back-ends jixiao
# does not use), libxlsxwriter, libdeflate (1.14: a Makefile). The build directory of
# libdeflate is a copy of its source, as its Makefile builds in place.
build_source_deps() {
  cmake_dep pugixml
  cmake_dep cli11 -DCLI11_BUILD_TESTS=OFF -DCLI11_BUILD_EXAMPLES=OFF -DCLI11_BUILD_DOCS=OFF
  cmake_dep nlohmann-json3 -DJSON_BuildTests=OFF
  cmake_dep libzip -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF -DENABLE_GNUTLS=OFF -DENABLE_OPENSSL=OFF \
            -DENABLE_MBEDTLS=OFF -DENABLE_COMMONCRYPTO=OFF -DENABLE_WINDOWS_CRYPTO=OFF -DBUILD_TOOLS=OFF \
            -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF -DBUILD_OSSFUZZ=OFF
  cmake_dep libxlsxwriter -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF
  if [ ! -e "$DEPS/libdeflate.done" ]; then
    fetch libdeflate
    rm -rf "$DEPS/libdeflate" && cp -r "$SOURCES/libdeflate" "$DEPS/libdeflate"
    make -C "$DEPS/libdeflate" -s CC="$MAKE_CC" AR="$MAKE_AR" "$DEFLATE_LIB" >/dev/null
    install -D -m644 "$DEPS/libdeflate/$DEFLATE_LIB" "$PREFIX/lib/libdeflate.a"
    install -D -m644 "$DEPS/libdeflate/libdeflate.h" "$PREFIX/include/libdeflate.h"
    mkdir -p "$PREFIX/lib/pkgconfig"
    printf 'prefix=%s\nincludedir=${prefix}/include\nlibdir=${prefix}/lib\n\nName: libdeflate\nDescription: libdeflate\nVersion: 1.14\nLibs: -L${libdir} -ldeflate\nCflags: -I${includedir}\n' \
      "$PREFIX" > "$PREFIX/lib/pkgconfig/libdeflate.pc"
    touch "$DEPS/libdeflate.done"
  fi
}
