#!/usr/bin/python3
"""The review page (`check --format html`) on the bench corpus, against its targets:
- writing it costs at most 1.5x `check --format json` on the same corpus (paired runs, bench/paired.py);
- its size is at most 1.3x the NDJSON of the same corpus (`convert --to ndjson`);
- Debian's headless Chromium draws its overview in under 3 s of the browser's own time: the
  page's performance mark "jx-overview-drawn" (milliseconds from the start of navigation, so
  reading the file, parsing the data and drawing are all in it), over fresh loads.
Writes its section into bench/RESULTS.md (replacing an earlier one).

Usage: /usr/bin/python3 bench/page.py [--docs 1000] [--pairs 20] [--loads 7]
Builds build-bench/ (Release) when it is missing; makes the corpus with bench/make_corpus.py."""
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tests"))
import browser  # noqa: E402
import paired  # noqa: E402
import results  # noqa: E402

arg = lambda name, default: int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default
DOCS, PAIRS, LOADS = arg("--docs", 1000), arg("--pairs", 20), arg("--loads", 7)


def main():
    jixiao, corpus = results.prepare(DOCS)
    with tempfile.TemporaryDirectory() as tmp:
        page, ndjson = os.path.join(tmp, "review.html"), os.path.join(tmp, "corpus.ndjson")
        subprocess.run([jixiao, "check", corpus, "--format", "html", "-o", page, "--no-progress"])
        subprocess.run([jixiao, "convert", corpus, "--to", "ndjson", "-o", ndjson, "--no-progress"], check=True)
        size, nd = os.path.getsize(page), os.path.getsize(ndjson)

        common = [jixiao, "check", corpus, "-j", "1", "--no-progress", "--format"]
        ratio, low, high, json_min, html_min = paired.compare(common + ["json", "-o", os.path.join(tmp, "r.json")],
                                                              common + ["html", "-o", os.path.join(tmp, "r.html")],
                                                              runs=PAIRS, warmup=2)

        driver = browser.start()
        drawn, parsed = [], []
        try:
            for _ in range(LOADS):
                driver.get("about:blank")
                browser.open_page(driver, page, timeout=120)
                drawn.append(driver.execute_script("return performance.getEntriesByName('jx-overview-drawn')[0].startTime"))
                parsed.append(driver.execute_script("return performance.getEntriesByType('navigation')[0].responseEnd"))
            # A unit's section and the findings list, drawn when opened: the time of the change of view.
            def view(fragment, drawn_as):
                browser.go(driver, fragment, drawn_as)
                return driver.execute_script("return performance.getEntriesByName('jx-view-drawn').pop().duration")
            unit_ms = [view(f"#u{k * 97 % DOCS}", "unit") for k in range(1, 6)]
            findings_ms = view("#findings", "findings")
        finally:
            driver.quit()
    version = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    med = statistics.median(drawn)
    lines = [f"## The review page (`check --format html`), {DOCS} documents", "",
             f"`bench/page.py`. Writing: {PAIRS} paired runs of `check -j 1` (json, then html, by turns). "
             f"Drawing: {LOADS} fresh loads in {version}, headless, each read from the page's own performance mark.", "",
             "| what | measured | target | met |", "|---|---|---|---|",
             f"| writing the page / `check --format json` | {ratio:.3f} [{low:.3f}–{high:.3f}] (json min {json_min:.2f} s, html min {html_min:.2f} s) | ≤ 1.5 | {'yes' if high <= 1.5 else 'no'} |",
             f"| page size / NDJSON of the corpus | {size / 2**20:.1f} MiB / {nd / 2**20:.1f} MiB = {size / nd:.2f} | ≤ 1.3 | {'yes' if size / nd <= 1.3 else 'no'} |",
             f"| overview drawn, from navigation start (median of {LOADS}; slowest) | {med / 1000:.2f} s; {max(drawn) / 1000:.2f} s | < 3 s | {'yes' if max(drawn) < 3000 else 'no'} |",
             f"| of which the file read (responseEnd, median) | {statistics.median(parsed) / 1000:.2f} s | | |",
             f"| a unit's section drawn when opened (5 units, median) | {statistics.median(unit_ms):.0f} ms | | |",
             f"| the findings list drawn (first 500 of all) | {findings_ms:.0f} ms | | |"]
    results.write_section("page.py", lines)


if __name__ == "__main__":
    main()
