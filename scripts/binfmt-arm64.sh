#!/usr/bin/env bash
# arm64 programs run on this amd64 machine through qemu-user-static: binfmt_misc mounted and
# qemu-aarch64 registered (with the F flag, so that it works inside a chroot too). As root; safe
# to run again.
set -euo pipefail
[ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] && exit 0
[ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
update-binfmts --enable qemu-aarch64
