#!/usr/bin/env bash
# The static build of one architecture, tested where it is meant to run: scripts/test-static.sh
# amd64|arm64 builds it (scripts/build-static.sh), shows with file and readelf that it asks for
# no interpreter and no shared library, runs the command-line suites against it in an empty root
# (tests/empty_root.sh: only the program, the test files and /proc), checks the .deb with lintian,
# installs, uses and purges it in a clean Debian 12 root of that architecture, and looks into the
# tarball. arm64 runs under qemu-user-static (binfmt_misc, registered here if it is not). As root.
# JIXIAO_STATIC_SUITES: the suites to run in the empty root (default: all that need no LibreOffice).
set -euo pipefail
cd "$(dirname "$0")/.."
arch=${1:?usage: scripts/test-static.sh amd64|arm64}
failures=0
ok() { echo "ok    $1"; }
fail() { echo "FAIL  $1${2:+: $2}"; failures=$((failures + 1)); }
expect() { if eval "$2"; then ok "$1"; else fail "$1" "${3:-}"; fi; }

if [ "$arch" = arm64 ] && [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
  [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  update-binfmts --enable qemu-aarch64
fi
bash scripts/build-static.sh "$arch" | tail -3
S=build-static-$arch
version=$(sed -n 's/^project(jixiao VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
deb=dist/jixiao_${version}_$arch.deb
tarball=dist/jixiao-$version-linux-$arch.tar.gz

kind=$(file -b "$S/jixiao")
echo "file: $kind"
want=$([ "$arch" = amd64 ] && echo x86-64 || echo aarch64)
expect "file: $want, static (no dynamic linking)" "grep -q '$want' <<<\"\$kind\" && grep -qE 'static-pie linked|statically linked' <<<\"\$kind\"" "$kind"
expect "readelf: no program interpreter, no NEEDED library" \
  "! readelf -lW '$S/jixiao' | grep -q 'Requesting program interpreter' && ! readelf -dW '$S/jixiao' | grep -q NEEDED"
version_line=$("$S/jixiao" --version 2>&1 || true)
expect "jixiao --version runs ($version_line)" "[[ \"\$version_line\" =~ ^jixiao\ $version ]]"

# The command-line suites, the program in an empty root.
empty=$PWD/$S/empty-root
rm -rf "$empty" && mkdir -p "$empty"
cp "$S/jixiao" "$empty/jixiao"
export JIXIAO_TREE=$PWD
suites=${JIXIAO_STATIC_SUITES:-check_samples check_flat check_cli check_reports check_spreadsheets check_hostile check_docx check_diff check_review}
for suite in $suites; do
  log=$S/$suite.log
  if /usr/bin/python3 "tests/$suite.py" "$PWD/tests/empty_root.sh" >"$log" 2>&1 <<<"" && tail -1 "$log" | grep -q '^passed'; then
    ok "$suite in an empty root ($(grep -c '^ok' "$log") checks)"
  else
    fail "$suite in an empty root" "$(grep -E '^FAIL|Error|error' "$log" | head -5)"
  fi
done

lint=$(lintian --fail-on error "$deb" 2>&1) && status=0 || status=$?
expect "lintian: no error, no warning" "[ $status -eq 0 ] && ! grep -qE '^[EW]:' <<<\"\$lint\"" "$lint"
expect "the package depends on nothing" "[ -z \"\$(dpkg-deb -f '$deb' Depends)\" ]" "$(dpkg-deb -f "$deb" Depends)"
expect "the package's architecture is $arch" "[ \"\$(dpkg-deb -f '$deb' Architecture)\" = $arch ]"
listing=$(tar -tzf "$tarball")
for entry in bin/jixiao schemas/document.schema.json man/man1/jixiao.1.gz README.md licenses/jixiao licenses/openssl licenses/glibc; do
  expect "the tarball holds $entry" "grep -qx 'jixiao-$version-linux-$arch/$entry' <<<\"\$listing\""
done

# A clean Debian 12 root of the architecture (kept for the next run), the package installed,
# used and purged.
rootfs=$S/bookworm-$arch.tar
if [ ! -s "$rootfs" ]; then
  mmdebstrap --variant=apt --arch="$arch" --quiet --format=tar bookworm "$rootfs.part" \
    "deb http://deb.debian.org/debian bookworm main"
  mv "$rootfs.part" "$rootfs"
fi
root=$(mktemp -d /tmp/jixiao-static-root.XXXXXX)
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT
tar -C "$root" -xf "$rootfs"
mount -t proc proc "$root/proc"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
cp "$deb" samples/beixinbao-2021.docx "$root/tmp/"
in_root dpkg -i "/tmp/$(basename "$deb")" >/dev/null
expect "dpkg -i in a clean Debian 12 $arch root" "in_root test -x /usr/bin/jixiao"
inside=$(in_root sh -c 'cd /tmp && jixiao convert beixinbao-2021.docx' 2>&1 || true)
here=$(cd samples && "../$S/jixiao" convert beixinbao-2021.docx)
expect "convert in the root: the same JSON as outside it" "[ -n \"\$inside\" ] && [ \"\$inside\" = \"\$here\" ]" "${inside:0:300}"
in_root dpkg --purge jixiao >/dev/null
expect "purged" "! in_root test -e /usr/bin/jixiao && ! in_root test -e /usr/share/doc/jixiao"

echo "$([ $failures -eq 0 ] && echo passed || echo FAILED): $failures failure(s)"
[ $failures -eq 0 ]
