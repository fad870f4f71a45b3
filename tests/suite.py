"""What every script suite shares: the binary under test (argv[1]), running it, recording
each check, and the closing verdict line CTest reads ("passed: 0 failure(s)")."""
import os
import subprocess
import sys

JIXIAO = os.path.abspath(sys.argv[1])
failures = []


def run(*args, stdin=None, cwd=None):
    return subprocess.run([JIXIAO, *args], capture_output=True, input=stdin, cwd=cwd)


def check(name, condition, detail=""):
    print(("ok    " if condition else "FAIL  ") + name + (f": {detail}" if detail and not condition else ""))
    if not condition:
        failures.append(name)


def diff(got, want, path=""):
    """Field-by-field differences of two JSON values, each with its path."""
    if isinstance(got, dict) and isinstance(want, dict):
        out = []
        for k in sorted(set(got) | set(want)):
            if k not in got:
                out.append(f"{path}.{k}: missing")
            elif k not in want:
                out.append(f"{path}.{k}: unexpected {got[k]!r}")
            else:
                out += diff(got[k], want[k], f"{path}.{k}")
        return out
    if isinstance(got, list) and isinstance(want, list):
        out = [f"{path}: {len(got)} items, expected {len(want)}"] if len(got) != len(want) else []
        for i, (g, w) in enumerate(zip(got, want)):
            out += diff(g, w, f"{path}[{i}]")
        return out
    if got != want or isinstance(got, bool) != isinstance(want, bool) or \
            isinstance(got, str) != isinstance(want, str):
        return [f"{path}: {got!r}, expected {want!r}"]
    return []


def finish():
    print(f"{len(failures) and 'FAILED' or 'passed'}: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)
