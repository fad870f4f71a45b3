# Cross-compiling for 64-bit ARM Linux (Kunpeng, Phytium) with Debian's g++-aarch64-linux-gnu:
# scripts/build-static.sh passes this file and the prefix its libraries went to. The static
# archives Debian ships for arm64 (zlib, libcrypto) come from the :arm64 -dev packages
# (multiarch: /usr/lib/aarch64-linux-gnu); `jixiao --help`, run at build time for the manual
# page, runs under qemu-user-static.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_CROSSCOMPILING_EMULATOR /usr/bin/qemu-aarch64-static)
set(CMAKE_FIND_ROOT_PATH $ENV{JIXIAO_STATIC_PREFIX} /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
