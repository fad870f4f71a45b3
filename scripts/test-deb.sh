#!/usr/bin/env bash
# The Debian packages, installed and used as a user would, each in a clean Debian 12 root of its
# architecture: scripts/test-deb.sh [amd64] [arm64] (default both) builds
# dist/jixiao_<version>_<arch>.deb from the static build (scripts/build-static.sh), runs lintian
# (no error, no warning), requires no Depends, makes a minimal bookworm root of the architecture
# with mmdebstrap from Debian's archive (kept in build-static-<arch>/ for the next run; arm64's
# through qemu-user-static), installs the package there with `apt-get install ./….deb`, runs
# `jixiao --version`, `jixiao convert` on the sample (the same model as the dynamic build on
# this machine), `check` and `rules`, finds the manual page, completion, schemas and licences,
# then purges it and requires the root's files to be as before. As root.
set -euo pipefail
cd "$(dirname "$0")/.."
failures=0
ok() { echo "ok    $1"; }
fail() { echo "FAIL  $1${2:+: $2}"; failures=$((failures + 1)); }
expect() { if eval "$2"; then ok "$1"; else fail "$1" "${3:-}"; fi; }
arches=${*:-amd64 arm64}
[ -f build/CMakeCache.txt ] || cmake -S . -B build >/dev/null
cmake --build build -j2 --target jixiao >/dev/null  # the dynamic build, what the packages are held to
version=$(sed -n 's/^project(jixiao VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
root=
cleanup() {
  [ -n "$root" ] || return 0
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
snapshot() {
  (cd "$root" && find . -xdev \( -path ./proc -o -path ./tmp -o -path ./var/cache -o -path ./var/lib/apt \
      -o -path ./var/log -o -path ./var/lib/dpkg \) -prune -o -print | sort)
}

# One architecture's package: built, linted, installed, used and purged.
test_package() {
  local arch=$1 deb tarball lint status said inside here bad rendered missing words before after
  [ "$arch" = arm64 ] && bash scripts/binfmt-arm64.sh
  bash scripts/build-static.sh "$arch" >/dev/null
  deb=dist/jixiao_${version}_$arch.deb
  echo "package: $deb ($(stat -c %s "$deb") bytes)"
  lint=$(lintian --fail-on error,warning "$deb" 2>&1) && status=0 || status=$?
  expect "$arch: lintian reports no error and no warning" "[ $status -eq 0 ] && ! grep -qE '^[EW]:' <<<\"\$lint\"" "$lint"
  grep -E '^[IN]:' <<<"$lint" | sed 's/^/      lintian: /' || true
  expect "$arch: the package depends on nothing, suggests LibreOffice" \
    "[ -z \"\$(dpkg-deb -f '$deb' Depends)\" ] && dpkg-deb -f '$deb' Suggests | grep -q libreoffice-writer" "$(dpkg-deb -f "$deb" Depends)"
  expect "$arch: the package's architecture" "[ \"\$(dpkg-deb -f '$deb' Architecture)\" = $arch ]"

  tarball=build-static-$arch/bookworm-root.tar
  if [ ! -s "$tarball" ]; then
    mmdebstrap --variant=apt --arch="$arch" --quiet --format=tar bookworm "$tarball.part" \
      "deb http://deb.debian.org/debian bookworm main" \
      "deb http://deb.debian.org/debian bookworm-updates main" \
      "deb http://deb.debian.org/debian-security bookworm-security main"
    mv "$tarball.part" "$tarball"
  fi
  root=$(mktemp -d /tmp/jixiao-root.XXXXXX)
  tar -C "$root" -xf "$tarball"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc" 2>/dev/null || true
  in_root apt-get update -qq
  before=$(snapshot)
  cp "$deb" samples/beixinbao-2021.docx "$root/tmp/"
  in_root apt-get install -y -qq "./tmp/$(basename "$deb")" >/dev/null 2>"$root/tmp/apt.err" || true
  expect "$arch: apt-get install ./$(basename "$deb") in a clean Debian 12 $arch root" "in_root test -x /usr/bin/jixiao" "$(cat "$root/tmp/apt.err")"

  said=$(in_root jixiao --version 2>&1 || true)
  expect "$arch: jixiao --version prints the version and the commit" "[[ \"\$said\" =~ ^jixiao\ [0-9.]+\ \(commit\ [0-9a-f]{7,}(-dirty)?\)$ ]]" "$said"
  inside=$(cd "$root/tmp" && in_root sh -c 'cd /tmp && jixiao convert beixinbao-2021.docx' 2>&1 || true)
  here=$(cd samples && ../build/jixiao convert beixinbao-2021.docx)
  expect "$arch: jixiao convert on the sample: the same JSON as the dynamic build on this machine" "[ -n \"\$inside\" ] && [ \"\$inside\" = \"\$here\" ]" "${inside:0:300}"
  in_root sh -c 'cd /tmp && jixiao check beixinbao-2021.docx >/dev/null' && status=0 || status=$?
  expect "jixiao check finds the sample's known error (exit 1)" "[ $status -eq 1 ]"
  expect "jixiao rules explains a rule" "in_root jixiao rules JX101 | grep JX101 >/dev/null"
  bad=$(in_root sh -c 'printf x > /tmp/bad.docx; jixiao convert /tmp/bad.docx' 2>&1) && status=0 || status=$?
  expect "an unreadable file: exit 2, the file named, in Chinese" "[ $status -eq 2 ] && grep -q 'bad.docx: .*[不无]' <<<\"\$bad\"" "$bad"
  expect "the manual page jixiao(1)" "in_root test -s /usr/share/man/man1/jixiao.1.gz && zcat '$root/usr/share/man/man1/jixiao.1.gz' | grep '^.SH RULES' >/dev/null"
  expect "the bash completion" "in_root test -s /usr/share/bash-completion/completions/jixiao"
  # Both generated from the program: every option of every subcommand's --help is in the manual
  # page as man renders it, and the completion offers it.
  rendered=$(MANWIDTH=200 man -l "$root/usr/share/man/man1/jixiao.1.gz" 2>/dev/null)
  missing=""
  for sub in convert check diff rules; do
    for option in $(build/jixiao $sub --help | grep -oE '^ +(-[a-z],)?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
      grep -qF -- "$option" <<<"$rendered" || missing+=" man:$sub:$option"
      words=$(bash -c "source /usr/share/bash-completion/bash_completion; source '$root/usr/share/bash-completion/completions/jixiao';
        COMP_WORDS=(jixiao $sub ${option:0:4}); COMP_CWORD=2; COMP_LINE='jixiao $sub ${option:0:4}'; COMP_POINT=\${#COMP_LINE}; _jixiao; echo \"\${COMPREPLY[*]}\"")
      grep -qw -- "$option" <<<"$words" || missing+=" completion:$sub:$option"
    done
  done
  expect "every option of --help is in the manual page and the completion" "[ -z \"\$missing\" ]" "$missing"
  words=$(bash -c "source /usr/share/bash-completion/bash_completion; source '$root/usr/share/bash-completion/completions/jixiao';
    COMP_WORDS=(jixiao check --format ''); COMP_CWORD=3; COMP_LINE='jixiao check --format '; COMP_POINT=\${#COMP_LINE}; _jixiao; echo \"\${COMPREPLY[*]}\"")
  expect "the completion offers an option's values (check --format)" "[ \"\$words\" = 'text json sarif junit html' ]" "$words"
  expect "the JSON schemas" "[ \$(ls '$root/usr/share/jixiao/schemas' | wc -l) -eq \$(ls schemas | wc -l) ]"
  expect "the README, changelog and copyright" "in_root test -s /usr/share/doc/jixiao/copyright -a -s /usr/share/doc/jixiao/changelog.gz -a -s /usr/share/doc/jixiao/README.md.gz"
  expect "the licences of what is linked in" "[ \"\$(ls '$root/usr/share/doc/jixiao/licenses' | tr '\n' ' ')\" = 'cli11 gcc-runtime glibc libdeflate libxlsxwriter libzip nlohmann-json3 openssl pugixml zlib ' ]" "$(ls "$root/usr/share/doc/jixiao/licenses" 2>&1)"

  in_root apt-get purge -y -qq jixiao >/dev/null
  in_root apt-get autoremove --purge -y -qq >/dev/null
  rm -f "$root/tmp/"*
  after=$(snapshot)
  expect "purged: the root's files are as before the install" "[ \"\$before\" = \"\$after\" ]" \
    "$(diff <(echo "$before") <(echo "$after") | head -20)"
  expect "purged: dpkg knows no jixiao" "! in_root dpkg -s jixiao >/dev/null 2>&1"
  cleanup
  root=
}

for arch in $arches; do test_package "$arch"; done

echo "$([ $failures -eq 0 ] && echo passed || echo FAILED): $failures failure(s)"
[ $failures -eq 0 ]
