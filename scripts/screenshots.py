#!/usr/bin/python3
"""Regenerates the review page's screenshots in docs/ (shown in the README): the overview and a
unit's section of the page `jixiao check samples/*.docx --format html` writes, drawn by Debian's
headless Chromium.
Usage: /usr/bin/python3 scripts/screenshots.py [PATH/TO/jixiao]   (default build/jixiao)"""
import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import browser  # noqa: E402

jixiao = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "jixiao")
os.chdir(ROOT)
with tempfile.TemporaryDirectory() as tmp:
    page = os.path.join(tmp, "审核.html")
    subprocess.run([jixiao, "check", *sorted(glob.glob("samples/*.docx")), "tests/fixtures/bad/notice.pdf",
                    "--format", "html", "-o", page])
    driver = browser.start(1280, 1100)
    try:
        browser.open_page(driver, page)
        driver.save_screenshot("docs/review-overview.png")
        browser.open_page(driver, page, "#u0-p3", "unit")
        driver.save_screenshot("docs/review-unit.png")
    finally:
        driver.quit()
print("docs/review-overview.png docs/review-unit.png")
