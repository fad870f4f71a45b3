#!/usr/bin/python3
"""jixiao reading N legacy files (Word 97-2003 .doc, .odt, .rtf) through LibreOffice, against one
plain `soffice --headless --convert-to docx` call over the same N files (each with a fresh
profile, as jixiao's runs have), side by side, round by round; each row's fastest round kept.
Appends its table to bench/RESULTS.md (replacing an earlier one).

Usage: /usr/bin/python3 bench/legacy.py [--files 16] [--rounds 3]   (after bench/run.py built
build-bench/; needs soffice)"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import results  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
arg = lambda name, default: int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default
FILES, ROUNDS = arg("--files", 16), arg("--rounds", 3)
JIXIAO = os.path.join(ROOT, "build-bench", "jixiao")


def timed(cmd, env=None):
    start = time.monotonic()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    took = time.monotonic() - start
    if r.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed: {r.stderr[-400:]!r}")
    return took


def main():
    with tempfile.TemporaryDirectory() as tmp:
        county = os.path.join(tmp, "county")
        os.makedirs(county)
        sources = [os.path.join(ROOT, "samples", "legacy", f"beixinbao-2021.{e}") for e in ("doc", "odt", "rtf")]
        for k in range(FILES):
            src = sources[k % len(sources)]
            shutil.copy(src, os.path.join(county, f"unit{k:03d}{os.path.splitext(src)[1]}"))
        files = sorted(os.path.join(county, f) for f in os.listdir(county))

        def plain():
            out = tempfile.mkdtemp(dir=tmp)
            return ["soffice", f"-env:UserInstallation=file://{out}/profile", "--headless", "--norestore",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", out, *files]

        rows = {"soffice": [], "j1": [], "j2": []}
        for _ in range(ROUNDS):
            rows["soffice"].append(timed(plain()))
            rows["j1"].append(timed([JIXIAO, "convert", county, "-j", "1", "--no-progress", "-o", os.devnull]))
            rows["j2"].append(timed([JIXIAO, "convert", county, "-j", "2", "--no-progress", "-o", os.devnull]))
        best = {k: min(v) for k, v in rows.items()}
    one = best["j1"] / best["soffice"]
    scale = best["j1"] / best["j2"]
    lines = [f"## Legacy formats through LibreOffice ({FILES} files: .doc, .odt, .rtf in turn)", "",
             f"`bench/legacy.py`, {ROUNDS} rounds side by side, each row's fastest round.", "",
             "| what | seconds |", "|---|---|",
             f"| one plain `soffice --headless --convert-to docx` call over the {FILES} files | {best['soffice']:.2f} |",
             f"| jixiao convert, -j 1 (one soffice run, then reading) | {best['j1']:.2f} |",
             f"| jixiao convert, -j 2 (two soffice runs side by side) | {best['j2']:.2f} |", "",
             "| target | measured | met |", "|---|---|---|",
             f"| -j 1 at most 1.15× the plain soffice call | {one:.2f}× | {'yes' if one <= 1.15 else 'no'} |",
             f"| -j 2 at least 1.7× faster than -j 1 | {scale:.2f}× | {'yes' if scale >= 1.7 else 'no'} |"]
    results.write_section("legacy.py", lines)


if __name__ == "__main__":
    main()
