#!/usr/bin/python3
"""`jixiao diff` of two 1,000-document corpora against converting one of them to JSON (the
target: at most 2.5x), in paired runs (bench/paired.py), one job each; and the same with two
jobs. The second corpus is the bench corpus a year later: every tenth document has a value
corrected and an amount changed (its word/document.xml rewritten with Python's zipfile), the
rest are the same files. Writes its section into bench/RESULTS.md (replacing an earlier one).

Usage: /usr/bin/python3 bench/diff.py [--docs 1000] [--pairs 15]
Builds build-bench/ (Release) when it is missing; makes the corpus with bench/make_corpus.py."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import paired  # noqa: E402
import results  # noqa: E402

arg = lambda name, default: int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default
DOCS, PAIRS = arg("--docs", 1000), arg("--pairs", 15)


def year_later(corpus, out):
    """The corpus with every tenth document edited; returns how many were."""
    if os.path.isdir(out):
        shutil.rmtree(out)
    shutil.copytree(corpus, out)
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs
                   if f.endswith(".docx") and "/." not in os.path.join(d, f)[len(out):])  # as jixiao finds them
    edited = 0
    for path in files[::10]:
        with zipfile.ZipFile(path) as z:
            parts = {i: z.read(i.filename) for i in z.infolist()}
        for info in parts:
            if info.filename == "word/document.xml":
                xml = parts[info].decode("utf-8")
                xml = xml.replace("≥90", "≥95", 1)
                xml = re.sub(r">(\d+)\.(\d\d)<", lambda m: f">{int(m.group(1)) + 1}.{m.group(2)}<", xml, count=1)
                parts[info] = xml.encode("utf-8")
        with zipfile.ZipFile(path + ".tmp", "w", zipfile.ZIP_DEFLATED) as z:
            for info, data in parts.items():
                z.writestr(info, data)
        os.replace(path + ".tmp", path)
        edited += 1
    return edited


def main():
    jixiao, corpus = results.prepare(DOCS)
    later = os.path.join(results.BUILD, f"corpus-{DOCS}-later")
    edited = year_later(corpus, later)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run([jixiao, "diff", corpus, later, "--format", "json", "-o", os.path.join(tmp, "d.json")])
        summary = json.load(open(os.path.join(tmp, "d.json")))["summary"]
        for jobs in ("1", "2"):
            convert = [jixiao, "convert", corpus, "-j", jobs, "--no-progress", "--to", "json", "-o", os.path.join(tmp, "c.json")]
            diff = [jixiao, "diff", corpus, later, "-j", jobs, "--no-progress", "--format", "json", "-o", os.path.join(tmp, "d.json")]
            rows.append((jobs, *paired.compare(convert, diff, runs=PAIRS, warmup=1)))
    lines = [f"## `jixiao diff` of two {DOCS}-document corpora", "",
             f"`bench/diff.py`: the bench corpus against itself a year later ({edited} documents edited: a value "
             f"corrected, an amount changed). {PAIRS} paired runs each: `convert` of one corpus to JSON, then `diff` "
             f"of the two (which reads both), by turns. The diff found {summary['changed']} changed documents, "
             f"{summary['changes']} changes, exit {r.returncode}.", "",
             "| jobs | diff / convert, paired median [95%] | convert min | diff min | target ≤ 2.5 |", "|---|---|---|---|---|"]
    for jobs, ratio, low, high, a, b in rows:
        lines.append(f"| {jobs} | {ratio:.3f} [{low:.3f}–{high:.3f}] | {a:.2f} s | {b:.2f} s | {'met' if high <= 2.5 else 'NOT met'} |")
    results.write_section("diff.py", lines)


if __name__ == "__main__":
    main()
