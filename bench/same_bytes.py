#!/usr/bin/python3
"""Whether two builds of jixiao give the same bytes: for a change that must not change output
(a restructuring), run before and after on the same inputs and compare every output, its
standard error and its exit status.

Inputs: the samples, the legacy samples (through LibreOffice), the bad and fuzz fixtures, a
corpus folder if given, and each sample with a comment put into its document part (so that the
tree, not the scanner, reads it). Commands: convert to json, ndjson, csv (both tables), xlsx,
docx and --fix; check as text, json, sarif, junit and html; diff as text, json and html.

Usage: /usr/bin/python3 bench/same_bytes.py BEFORE AFTER [CORPUS_DIR] [--exclude NAME ...]
(--exclude leaves out inputs whose file name is one of the names: fixtures added with the change,
whose handling it changed on purpose.)
Prints one line per command and a closing 'N passed, N failed' line; exits 1 on a difference."""
import glob
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def tree_copies(samples, folder):
    """Each sample with a comment after the XML declaration of word/document.xml."""
    out = []
    for path in samples:
        target = os.path.join(folder, "tree-" + os.path.basename(path))
        with zipfile.ZipFile(path) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "word/document.xml":
                    end = data.index(b"?>") + 2
                    data = data[:end] + b"<!-- a comment: read by the tree -->" + data[end:]
                zout.writestr(item, data)
        out.append(target)
    return out


def run(binary, args, workdir):
    """stdout (or the output file's bytes), stderr and status, with the binary's path and the
    scratch folder's name taken out of them."""
    out_file = None
    args = list(args)
    if "-o" in args:
        out_file = args[args.index("-o") + 1]
        if os.path.exists(out_file):
            os.remove(out_file)
    p = subprocess.run([binary, *args], capture_output=True, cwd=workdir, timeout=600)
    data = p.stdout
    if out_file and os.path.exists(out_file):
        with open(out_file, "rb") as f:
            data += f.read()
    return data, p.stderr.replace(binary.encode(), b"jixiao"), p.returncode


def commands(inputs, samples, corpus, out):
    one = [f for f in inputs if f.endswith(".docx")]
    yield "convert json, each file", [["convert", f, "--to", "json"] for f in inputs]
    yield "convert json --fix, each file", [["convert", f, "--fix"] for f in one]
    yield "convert docx, each sample", [["convert", f, "--to", "docx", "-o", out + ".docx"] for f in samples]
    all_inputs = ["-j", "2", "--no-progress", *inputs]
    yield "convert ndjson", [["convert", "--to", "ndjson", *all_inputs]]
    yield "convert csv indicators", [["convert", "--to", "csv", *all_inputs]]
    yield "convert csv projects gb18030", [["convert", "--to", "csv", "--table", "projects", "--encoding", "gb18030", *all_inputs]]
    yield "convert xlsx --with-findings", [["convert", "--to", "xlsx", "--with-findings", "-o", out + ".xlsx", *all_inputs]]
    for fmt in ("text", "json", "sarif", "junit", "html"):
        yield f"check {fmt}", [["check", "--format", fmt, "--color", "never", *all_inputs]]
    yield "check --lang en json", [["--lang", "en", "check", "--format", "json", *all_inputs]]
    pairs = list(zip(samples, samples[1:] + samples[:1]))
    for fmt in ("text", "json", "html"):
        yield f"diff {fmt}", [["diff", "--format", fmt, "--color", "never", a, b] for a, b in pairs]
    if corpus:
        for fmt in ("json", "sarif"):
            yield f"corpus check {fmt}", [["check", corpus, "--format", fmt, "-j", "2", "--no-progress"]]
        yield "corpus convert ndjson", [["convert", corpus, "--to", "ndjson", "-j", "2", "--no-progress"]]


def main():
    args = sys.argv[1:]
    excluded = set(args[args.index("--exclude") + 1:]) if "--exclude" in args else set()
    args = args[:args.index("--exclude")] if "--exclude" in args else args
    before, after = os.path.abspath(args[0]), os.path.abspath(args[1])
    corpus = os.path.abspath(args[2]) if len(args) > 2 else None
    scratch = tempfile.mkdtemp(prefix="same-bytes-")
    try:
        samples = sorted(glob.glob(os.path.join(ROOT, "samples", "*.docx")))
        inputs = (samples + sorted(glob.glob(os.path.join(ROOT, "samples", "legacy", "*")))
                  + sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "*", "*.*")))
                  + tree_copies(samples, scratch))
        inputs = [os.path.relpath(f, ROOT) for f in inputs
                  if not f.endswith(".py") and os.path.basename(f) not in excluded]
        samples = [os.path.relpath(f, ROOT) for f in samples]
        passed = failed = 0
        for name, runs in commands(inputs, samples, corpus, os.path.join(scratch, "out")):
            differing = [args for args in runs if run(before, args, ROOT) != run(after, args, ROOT)]
            if differing:
                failed += 1
                print(f"DIFFERS {name}: {len(differing)} of {len(runs)} runs, first: {' '.join(differing[0])}")
            else:
                passed += 1
                print(f"same    {name}: {len(runs)} runs")
        print(f"{passed} passed, {failed} failed")
        return 1 if failed else 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
