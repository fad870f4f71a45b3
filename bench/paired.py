#!/usr/bin/python3
"""Two commands compared the way a noisy shared machine allows: run in pairs, A then B or B then
A by turns, many times; each pair gives the ratio B/A, and the result is the median ratio with
its 95% interval (from the order statistics of the pairs' ratios). A slow spell falls on both
runs of a pair alike, so the ratio stays true where the raw times do not.

Usage: /usr/bin/python3 bench/paired.py [--runs 200] [--warmup 5] -- CMD_A... -- CMD_B...
A command's exit status 0 or 1 counts as run (`check` exits 1 on findings); its output is
discarded. Prints one line: `B/A median [low–high] (n pairs; A min …, B min … s)`."""
import math
import os
import subprocess
import sys
import time


def run(cmd):
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        code = subprocess.call(cmd, stdout=devnull, stderr=devnull)
    took = time.perf_counter() - start
    if code not in (0, 1):
        raise SystemExit(f"{cmd[0]} exited {code}")
    return took


def median_interval(values, confidence=0.95):
    """The median and a distribution-free interval for it: ranks from the binomial(n, 1/2)
    normal approximation."""
    v = sorted(values)
    n = len(v)
    z = 1.959963984540054 if confidence == 0.95 else 2.5758293035489  # 95% or 99%
    half = z * math.sqrt(n) / 2
    low = max(0, int(math.floor(n / 2 - half)))
    high = min(n - 1, int(math.ceil(n / 2 + half)))
    median = (v[(n - 1) // 2] + v[n // 2]) / 2
    return median, v[low], v[high]


def compare(a, b, runs=200, warmup=5):
    for _ in range(warmup):
        run(a), run(b)
    ratios, ta, tb = [], [], []
    for k in range(runs):
        if k % 2:
            y, x = run(b), run(a)
        else:
            x, y = run(a), run(b)
        ta.append(x)
        tb.append(y)
        ratios.append(y / x)
    median, low, high = median_interval(ratios)
    return median, low, high, min(ta), min(tb)


def main():
    args = sys.argv[1:]
    option = lambda name, default: int(args[args.index(name) + 1]) if name in args[:args.index("--")] else default
    runs, warmup = option("--runs", 200), option("--warmup", 5)
    first = args.index("--")
    second = args.index("--", first + 1)
    a, b = args[first + 1:second], args[second + 1:]
    median, low, high, ma, mb = compare(a, b, runs, warmup)
    print(f"B/A {median:.3f} [{low:.3f}–{high:.3f}] ({runs} pairs; A min {ma:.4f} s, B min {mb:.4f} s)")


if __name__ == "__main__":
    main()
