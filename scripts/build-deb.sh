#!/usr/bin/env bash
# Builds jixiao_<version>_amd64.deb into dist/: a Release build in build-deb/ with Debian's
# hardening flags (dpkg-buildflags), the manual page and completion generated from the program
# (scripts/make_docs.py), then `cpack -G DEB` (dependencies found by dpkg-shlibdeps).
# Needs what scripts/setup.sh installs. Safe to run again: it builds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DJIXIAO_PACKAGE_DOCS=ON \
      -DCMAKE_CXX_FLAGS="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)" \
      -DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)" >/dev/null
cmake --build build-deb -j2
mkdir -p dist
(cd build-deb && cpack -G DEB -B "$PWD/../dist" >/dev/null)
rm -rf dist/_CPack_Packages
ls dist/jixiao_*_amd64.deb
