#!/usr/bin/python3
"""Ctrl-C, SIGTERM and SIGHUP: a run interrupted before, while and after writing its output
leaves the output folder exactly as it was (an earlier output untouched, no temporary file) and
$TMPDIR empty, says so in one line, and exits 128 + the signal.
The run is stopped at a named point with JIXIAO_TEST_PAUSE_AT (it says "jixiao: paused at P"
on stderr and waits), and at unplanned moments of a larger batch.
Usage: check_interrupt.py PATH/TO/jixiao   (run from the source root)"""
import glob
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import time

from suite import JIXIAO, check, finish

SAMPLES = sorted(glob.glob("samples/*.docx"))
REF = "samples/beixinbao-2021.docx"


def snapshot(folder):
    """Every file and folder below `folder`, with each file's content digest and times."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for d in dirs:
            out[os.path.relpath(os.path.join(root, d), folder)] = "dir"
        for f in files:
            p = os.path.join(root, f)
            st = os.stat(p)
            out[os.path.relpath(p, folder)] = (hashlib.sha256(open(p, "rb").read()).hexdigest(), st.st_mtime_ns)
    return out


def start(args, tmpdir, pause=None, stdin=subprocess.DEVNULL):
    env = dict(os.environ, TMPDIR=tmpdir)
    env.pop("JIXIAO_TEST_PAUSE_AT", None)
    if pause:
        env["JIXIAO_TEST_PAUSE_AT"] = pause
    return subprocess.Popen([JIXIAO, *args], env=env, stdin=stdin, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def wait_for_pause(p, point, timeout=30):
    """The pause line, read from stderr as the run writes it."""
    line = b""
    deadline = time.monotonic() + timeout
    os.set_blocking(p.stderr.fileno(), False)
    while time.monotonic() < deadline:
        chunk = p.stderr.read() or b""
        line += chunk
        if f"paused at {point}".encode() in line:
            os.set_blocking(p.stderr.fileno(), True)
            return line
        if p.poll() is not None:
            break
        time.sleep(0.01)
    os.set_blocking(p.stderr.fileno(), True)
    return None


with tempfile.TemporaryDirectory() as tmp:
    out_dir = os.path.join(tmp, "输出")
    scratch = os.path.join(tmp, "scratch")
    os.makedirs(scratch)
    cases = [
        ("json", ["convert", *SAMPLES, "-o", "{out}/汇总.json"]),
        ("ndjson", ["convert", *SAMPLES, "--to", "ndjson", "-o", "{out}/汇总.ndjson"]),
        ("csv", ["convert", *SAMPLES, "--to", "csv", "-o", "{out}/指标.csv"]),
        ("xlsx", ["convert", *SAMPLES, "--to", "xlsx", "-o", "{out}/汇总.xlsx"]),
        ("docx", ["convert", REF, "--to", "docx", "-o", "{out}/规范.docx"]),
        ("one file per input (-o DIR/)", ["convert", *SAMPLES, "-o", "{out}/各单位/新/"]),
        ("xlsx per input (-o DIR/)", ["convert", *SAMPLES, "--to", "xlsx", "-o", "{out}/表格/"]),
        ("check report", ["check", *SAMPLES, "--format", "json", "-o", "{out}/审核.json"]),
    ]
    points = {"read": "before writing", "write": "while writing", "commit": "after writing, before the rename"}
    signals = [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)]
    k = 0
    for name, template in cases:
        for point, when in points.items():
            sig, code = signals[k % len(signals)]
            k += 1
            # The folder as an earlier run left it: the same output names, with other content.
            shutil.rmtree(out_dir, ignore_errors=True)
            os.makedirs(os.path.join(out_dir, "各单位"))
            for earlier in ("汇总.json", "汇总.ndjson", "指标.csv", "汇总.xlsx", "规范.docx", "审核.json"):
                open(os.path.join(out_dir, earlier), "w").write("an earlier run's output\n")
            before = snapshot(out_dir)
            args = [a.replace("{out}", out_dir) for a in template]
            p = start(args, scratch, pause=point)
            paused = wait_for_pause(p, point)
            if paused is None:
                p.kill()
                p.communicate()
                check(f"{name}: reaches the point {point}", False)
                continue
            p.send_signal(sig)
            try:
                _, err = p.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                _, err = p.communicate()
            text = err.decode("utf-8", "replace")
            label = f"{name}, {signal.Signals(sig).name} {when}"
            check(f"{label}: exit {code}", p.returncode == code, f"{p.returncode} {text[-300:]}")
            check(f"{label}: one line says it was interrupted",
                  text.count("\n") == 1 and "已中断" in text and signal.Signals(sig).name in text, text[-300:])
            check(f"{label}: the output folder exactly as it was", snapshot(out_dir) == before,
                  str(sorted(set(snapshot(out_dir)) ^ set(before))))
            check(f"{label}: nothing left in TMPDIR", os.listdir(scratch) == [], str(os.listdir(scratch)))

    # One output per input, interrupted between two renames: the ones already in place are removed
    # again, and the folder is as it was (its new folders too).
    for name, template in cases:
        if "-o DIR/" not in name:
            continue
        shutil.rmtree(out_dir, ignore_errors=True)
        os.makedirs(out_dir)
        before = snapshot(out_dir)
        p = start([a.replace("{out}", out_dir) for a in template], scratch, pause="committed")
        paused = wait_for_pause(p, "committed")
        check(f"{name}: reaches the point committed, one output in place", paused is not None and
              len([n for n, kind in snapshot(out_dir).items() if kind != "dir" and ".jixiao-tmp-" not in n]) == 1,
              str(sorted(snapshot(out_dir))[:4]))
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=10)
        check(f"{name}, SIGINT between two renames: exit 130, the folder exactly as it was",
              p.returncode == 130 and snapshot(out_dir) == before, str(sorted(snapshot(out_dir))))

    # In English too.
    shutil.rmtree(out_dir)
    os.makedirs(out_dir)
    p = start(["--lang", "en", "convert", *SAMPLES, "-o", os.path.join(out_dir, "a.json")], scratch, pause="write")
    wait_for_pause(p, "write")
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=10)
    check("--lang en: the line in English", p.returncode == 130 and b"interrupted (SIGINT)" in err, err.decode()[-200:])

    # Standard input that never comes: the run waits on it, and Ctrl-C ends the wait (no pause
    # point: the run is really reading).
    r, w = os.pipe()
    p = start(["convert", REF, "-", "-j", "1", "-o", os.path.join(out_dir, "b.json")], scratch, stdin=r)
    os.close(r)
    time.sleep(0.5)
    before_signal = os.listdir(out_dir)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=10)
    os.close(w)
    check("waiting on standard input: the temporary exists while it waits",
          any(n.startswith("b.json.jixiao-tmp-") for n in before_signal), str(before_signal))
    check("waiting on standard input: Ctrl-C ends it with 130, nothing left", p.returncode == 130 and
          os.listdir(out_dir) == [] and os.listdir(scratch) == [], f"{p.returncode} {os.listdir(out_dir)}")

    # Two Ctrl-C at once: the run ends at once either way, leaving nothing.
    p = start(["convert", *SAMPLES, "-o", os.path.join(out_dir, "c.json")], scratch, pause="write")
    wait_for_pause(p, "write")
    p.send_signal(signal.SIGINT)
    p.send_signal(signal.SIGINT)
    started = time.monotonic()
    p.communicate(timeout=10)
    check("two Ctrl-C: ended at once, nothing left", time.monotonic() - started < 2 and
          p.returncode in (130, -signal.SIGINT) and os.listdir(out_dir) == [], f"{p.returncode} {os.listdir(out_dir)}")

    # A larger batch interrupted at unplanned moments, with two jobs: each run either finished
    # (exit 0, whole outputs) or was interrupted (exit 130, the folder as it was); never a
    # temporary or a half-written output.
    county = os.path.join(tmp, "county")
    os.makedirs(county)
    for n in range(300):
        os.link(SAMPLES[n % len(SAMPLES)], os.path.join(county, f"单位{n:03d}.docx"))
    outcomes = set()
    for delay, fmt, target in ((0.05, "json", "all.json"), (0.2, "ndjson", "all.ndjson"), (0.3, "xlsx", "all.xlsx"),
                               (0.1, "json", "each/"), (0.4, "json", "each/")):
        shutil.rmtree(out_dir)
        os.makedirs(out_dir)
        before = snapshot(out_dir)
        p = start(["convert", county, "--to", fmt, "-j", "2", "-o", os.path.join(out_dir, target)], scratch)
        time.sleep(delay)
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=60)
        outcomes.add(p.returncode)
        after = snapshot(out_dir)
        if p.returncode in (130, -signal.SIGINT):
            # 130: interrupted and cleaned up. Killed by the signal itself: it came before the
            # program began (a sanitizer build starts slowly) and nothing can have been made.
            ok = after == before
        else:
            names = [n for n in after if after[n] != "dir"]
            ok = p.returncode == 0 and all(".jixiao-tmp-" not in n for n in names) and len(names) in (1, 300)
        check(f"a batch of 300 to {target} interrupted after {delay} s: exit {p.returncode}, "
              "the folder as it was or the whole output", ok, str(sorted(after)[:5]))
        check(f"... and nothing left in TMPDIR", os.listdir(scratch) == [])
    check("at least one of those runs was really interrupted", 130 in outcomes, str(outcomes))

finish()
