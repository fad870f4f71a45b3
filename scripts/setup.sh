#!/usr/bin/env bash
# Installs what building and testing jixiao needs on Debian 12, as root: the Debian packages in
# debian-packages.txt (some of them for arm64), and from the npm registry into .tools/
# Microsoft's SARIF multitool (the SARIF report's test validates with it) and html-validate (the
# review page's test). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
# arm64 as a foreign architecture: the static arm64 build links the :arm64 static archives of
# zlib and libcrypto (scripts/build-static.sh)
dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
apt-get update -qq
apt-get install -y -qq --no-install-recommends $(cat debian-packages.txt) >/dev/null
command -v npm >/dev/null || apt-get install -y -qq --no-install-recommends npm >/dev/null
tool=.tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -e "$tool" ]; then
  npm install --prefix .tools --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool@5.7.0
fi
chmod u+x "$tool"  # its postinstall step, which npm may not run
if [ ! -e .tools/node_modules/.bin/html-validate ]; then
  npm install --prefix .tools --no-audit --no-fund --loglevel=error html-validate@8.29.0
fi
