#!/usr/bin/python3
"""The Debian changelog of the package (a native package: /usr/share/doc/jixiao/changelog.gz),
one entry for this version, dated by the commit it is built from so that the same commit gives
the same bytes. Usage: /usr/bin/python3 scripts/make_changelog.py VERSION OUT"""
import email.utils
import os
import subprocess
import sys

version, out = sys.argv[1], sys.argv[2]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
r = subprocess.run(["git", "-C", root, "log", "-1", "--format=%ct"], capture_output=True, text=True)
stamp = int(r.stdout.strip()) if r.returncode == 0 and r.stdout.strip() else 1796169600  # 2026-12-01
with open(out, "w", encoding="utf-8") as f:
    f.write(f"""jixiao ({version}) unstable; urgency=medium

  * Reads .docx (and .doc, .wps, .odt, .rtf through LibreOffice) into the
    model; convert to JSON, NDJSON, CSV, XLSX and a normalized .docx; check
    against the rules (text, JSON, SARIF, JUnit, an HTML review page); diff
    two versions or two years of a county.

 -- jixiao maintainers <maintainers@jixiao.invalid>  {email.utils.formatdate(stamp, usegmt=False, localtime=False).replace("-0000", "+0000")}
""")
