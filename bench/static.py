#!/usr/bin/python3
"""The static program (scripts/build-static.sh amd64) against the dynamic one (build-bench/,
Release), paired runs on the bench corpus, start-up included: one document checked, and 100
documents converted and checked with one job. Both are Release builds of the same commit with
the same allocator; the static one is also built with Debian's hardening flags (as packaged).
Writes its section of bench/RESULTS.md.
Usage: /usr/bin/python3 bench/static.py [PAIRS]   (after scripts/build-static.sh amd64)"""
import glob
import os
import sys

import paired
import results

PAIRS = int(sys.argv[1]) if len(sys.argv) > 1 else 200


def main():
    dynamic, corpus = results.prepare(100)
    static = os.path.join(results.ROOT, "build-static-amd64", "jixiao")
    if not os.path.exists(static):
        raise SystemExit("bench/static.py: build it first: scripts/build-static.sh amd64")
    docs = sorted(glob.glob(os.path.join(corpus, "**", "*.docx"), recursive=True))
    dev = ["-o", os.devnull]
    rows = [("check of one document, whole process", ["check", docs[0], *dev], PAIRS),
            (f"convert -j 1, {len(docs)} documents", ["convert", *docs, "-j", "1", *dev], PAIRS // 2),
            (f"check -j 1, {len(docs)} documents", ["check", *docs, "-j", "1", *dev], PAIRS // 2)]
    lines = ["## The static program against the dynamic one", "",
             "`build-static-amd64/jixiao` (static-pie, every library linked in: scripts/build-static.sh) against",
             "`build-bench/jixiao` (the same commit, Release, shared pugixml, libzip, libxlsxwriter, zlib, libstdc++",
             "and glibc), paired runs on the bench corpus: the median of the pairs' ratios static/dynamic and",
             "its 95% interval, and each side's fastest run.", "",
             "| what | dynamic | static | static/dynamic |", "|---|---|---|---|"]
    for name, args, runs in rows:
        median, low, high, ta, tb = paired.compare([dynamic, *args], [static, *args], runs=runs)
        lines.append(f"| {name} ({runs} pairs) | {ta * 1000:.2f} ms | {tb * 1000:.2f} ms | "
                     f"{median:.3f} [{low:.3f}–{high:.3f}] |")
    size = lambda p: os.path.getsize(p) / 2**20
    lines += ["", f"Sizes: static {size(static):.1f} MiB stripped; dynamic {size(dynamic):.1f} MiB "
                  "(not stripped) plus the shared libraries it loads."]
    results.write_section("static.py", lines)


if __name__ == "__main__":
    main()
