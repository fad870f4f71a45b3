#!/usr/bin/python3
"""jixiao's process layer (src/util/process.*) against Boost.Process (Debian's libboost1.74-dev,
header-only), side by side in bench/process.cpp: both start /bin/sh the way the LibreOffice runner
starts soffice (output into a log, TMPDIR set, a group of its own) and follow it to its end; the
time of 100 such runs, paired; whether killing the group leaves a process its program started; the
size of the code each adds and the time to compile it. Writes its section of bench/RESULTS.md.
Needs build-bench/libjixiao_core.a (results.prepare builds it) and libboost1.74-dev.
Usage: /usr/bin/python3 bench/process.py [--pairs 40]"""
import os
import subprocess
import sys
import tempfile
import time

import paired
import results

PAIRS = int(sys.argv[sys.argv.index("--pairs") + 1]) if "--pairs" in sys.argv else 40


def build(out, *flags):
    """bench/process.cpp compiled and linked with jixiao's core: the seconds it took."""
    start = time.monotonic()
    subprocess.run(["g++", "-O2", "-std=c++17", "-I", os.path.join(results.ROOT, "src"), "-I",
                    os.path.join(results.ROOT, "include"), *flags, os.path.join(results.HERE, "process.cpp"),
                    os.path.join(results.BUILD, "libjixiao_core.a"), "-lpthread", "-o", out], check=True)
    took = time.monotonic() - start
    subprocess.run(["strip", out], check=True)
    return took


def main():
    subprocess.run(["cmake", "--build", results.BUILD, "-j", "2", "--target", "jixiao_core"], check=True,
                   stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        own, both = os.path.join(tmp, "own"), os.path.join(tmp, "both")
        own_build = build(own)
        both_build = build(both, "-DJIXIAO_BENCH_BOOST")
        kills = {name: subprocess.run([both, name, "kill"], capture_output=True, text=True, check=True).stdout.strip()
                 for name in ("jixiao", "boost")}
        median, low, high, t_own, t_boost = paired.compare([both, "jixiao", "start", "100"], [both, "boost", "start", "100"],
                                                           runs=PAIRS)
        added = os.path.getsize(both) - os.path.getsize(own)
    lines = ["## Starting LibreOffice: jixiao's process layer against Boost.Process", "",
             "`bench/process.cpp` does with each what the LibreOffice runner does: `/bin/sh` started with its",
             "output into a log, TMPDIR set and a process group of its own, followed to its end by polling",
             "(the runner's way: it also watches its time limit); and `sh -c 'sleep 100 & sleep 100'` killed",
             "as a group after 50 ms. Boost.Process is Debian's (libboost1.74-dev, header-only: `bp::child`,",
             "`bp::group`). By bench/process.py.", "",
             "| what | jixiao (src/util/process) | Boost.Process |", "|---|---|---|",
             f"| 100 starts, each followed to its end (fastest of {PAIRS}) | {t_own:.3f} s | {t_boost:.3f} s |",
             f"| the same, paired: Boost / jixiao | | {median:.3f} [{low:.3f}–{high:.3f}] ({PAIRS} pairs) |",
             f"| group killed: {kills['jixiao']} (jixiao); {kills['boost']} (Boost) | | |",
             f"| code added to the program (stripped) | 0 (in jixiao's core already) | {added / 1024:.0f} KiB |",
             f"| compiling bench/process.cpp | {own_build:.1f} s | {both_build:.1f} s (with both) |", "",
             f"On Linux Boost.Process is {'slower' if median > 1 else 'faster'} by the paired median above (its `child` sets up"
             " with fork() and a",
             "pipe to report an exec failure, bp::detail::posix::executor; jixiao's with posix_spawn), and",
             "both leave nothing of a killed group. What decides is",
             "elsewhere: the interrupt watch (jixiao registers each group with its Ctrl-C handler as it is",
             "started, `interrupt::start_watched`, which Boost's `child` would leave to its caller), Wine's",
             "child without a process handle (reported as `untracked`, process.hpp), and the Windows build:",
             "Boost.Process there redirects a file through `boost::filesystem::path`",
             "(detail/windows/file_descriptor.hpp); building it for mingw-w64 from the 61 MB `boost1.74`",
             "source was not tried. So src/util/process stays; this is the comparison RESULTS.md owed."]
    results.write_section("process.py", lines)


if __name__ == "__main__":
    main()
