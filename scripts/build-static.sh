#!/usr/bin/env bash
# A jixiao with no shared-library dependency, for amd64 or arm64 (arm64 cross-built with Debian's
# g++-aarch64-linux-gnu): scripts/build-static.sh amd64|arm64 makes
#   build-static-<arch>/jixiao                  the program, stripped
#   dist/jixiao_<version>_<arch>.deb            no Depends; LibreOffice suggested
#   dist/jixiao-<version>-linux-<arch>.tar.gz   program, schemas, manual page, README, licences
# pugixml, libzip, libxlsxwriter, libdeflate, CLI11 and nlohmann/json are built from Debian's
# source packages (scripts/source-deps.sh); zlib and OpenSSL's libcrypto come from the static
# archives of Debian's zlib1g-dev and libssl-dev (:arm64 for arm64, multiarch); glibc and GCC's
# runtime from the toolchain. Needs what scripts/setup.sh installs. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
arch=${1:-}
case "$arch" in
  amd64) triple=x86_64-linux-gnu; TOOLCHAIN= ;;
  arm64) triple=aarch64-linux-gnu; TOOLCHAIN=$root/cmake/aarch64-linux-gnu.cmake ;;
  *) echo "usage: scripts/build-static.sh amd64|arm64" >&2; exit 2 ;;
esac
S=$root/build-static-$arch
export JIXIAO_STATIC_PREFIX=$S/prefix
DEPS=$S/deps PREFIX=$JIXIAO_STATIC_PREFIX MAKE_AR=ar DEFLATE_LIB=libdeflate.a
MAKE_CC=$([ "$arch" = amd64 ] && echo gcc || echo $triple-gcc)
[ "$arch" = arm64 ] && MAKE_AR=$triple-ar
source scripts/source-deps.sh
build_source_deps

version=$(sed -n 's/^project(jixiao VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
libdir=/usr/lib/$triple
licenses="pugixml=$SOURCES/pugixml/debian/copyright;libzip=$SOURCES/libzip/debian/copyright"
licenses+=";libxlsxwriter=$SOURCES/libxlsxwriter/debian/copyright;libdeflate=$SOURCES/libdeflate/debian/copyright"
licenses+=";cli11=$SOURCES/cli11/debian/copyright;nlohmann-json3=$SOURCES/nlohmann-json3/debian/copyright"
licenses+=";zlib=/usr/share/doc/zlib1g/copyright;openssl=/usr/share/doc/libssl3/copyright"
licenses+=";glibc=/usr/share/doc/libc6/copyright;gcc-runtime=/usr/share/doc/libstdc++6/copyright"
export PKG_CONFIG_LIBDIR=$PREFIX/lib/pkgconfig:$PREFIX/share/pkgconfig:$libdir/pkgconfig
export PKG_CONFIG_SYSROOT_DIR=
export DEB_BUILD_MAINT_OPTIONS=hardening=+all DEB_HOST_ARCH=$arch
cmake -S "$root" -B "$S/build" ${TOOLCHAIN:+-DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN"} -DCMAKE_BUILD_TYPE=Release \
      -DBUILD_TESTING=OFF -DJIXIAO_STATIC=ON -DJIXIAO_PACKAGE_DOCS=ON -DCMAKE_PREFIX_PATH="$PREFIX" \
      -DCMAKE_LIBRARY_ARCHITECTURE=$triple -DZLIB_ROOT=/usr -DOPENSSL_CRYPTO_LIBRARY=$libdir/libcrypto.a \
      -DOPENSSL_INCLUDE_DIR=/usr/include -DJIXIAO_LICENSES="$licenses" \
      -DCMAKE_CXX_FLAGS="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)" \
      -DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)" >/dev/null
cmake --build "$S/build" -j2
$triple-strip -o "$S/jixiao" "$S/build/jixiao"
mkdir -p dist
(cd "$S/build" && cpack -G DEB -B "$S/cpack" >/dev/null)
mv "$S/cpack/jixiao_${version}_$arch.deb" dist/
rm -rf "$S/cpack"

# The tarball: what the package installs, laid out for unpacking anywhere (bin/jixiao), with the
# same bytes for the same build (entries sorted, owned by root, dated by the commit).
stage=$S/tarball/jixiao-$version-linux-$arch
rm -rf "$S/tarball" && mkdir -p "$stage"
DESTDIR=$S/tarball/install cmake --install "$S/build" --prefix /usr --strip >/dev/null
u=$S/tarball/install/usr
install -D -m755 "$S/jixiao" "$stage/bin/jixiao"
cp -r "$u/share/jixiao/schemas" "$stage/schemas"
install -D -m644 "$u/share/man/man1/jixiao.1.gz" "$stage/man/man1/jixiao.1.gz"
install -D -m644 "$u/share/bash-completion/completions/jixiao" "$stage/completion/jixiao.bash"
cp README.md "$stage/README.md"
mkdir -p "$stage/licenses"
cp LICENSE "$stage/licenses/jixiao"
cp "$u/share/doc/jixiao/licenses/"* "$stage/licenses/"
stamp=$(git log -1 --format=%ct 2>/dev/null || echo 1796169600)
tar -C "$S/tarball" --sort=name --mtime="@$stamp" --owner=0 --group=0 --numeric-owner \
    -cf - "jixiao-$version-linux-$arch" | gzip -9n > "dist/jixiao-$version-linux-$arch.tar.gz"
ls -l "$S/jixiao" "dist/jixiao_${version}_$arch.deb" "dist/jixiao-$version-linux-$arch.tar.gz"
