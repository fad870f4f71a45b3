#!/usr/bin/python3
"""The command line as a user meets it: bad inputs, exit codes, languages, output files.
Usage: check_cli.py PATH/TO/jixiao   (run from the source root)"""
import glob
import json
import os
import subprocess
import tempfile

from suite import JIXIAO, check, finish, run

GOOD = "samples/beixinbao-2021.docx"


bad_files = sorted(glob.glob("tests/fixtures/bad/*"))
check("there are bad inputs", len(bad_files) >= 12, str(len(bad_files)))
for f in bad_files:
    for lang, marker in (("zh", "："), ("en", ": ")):
        r = run("--lang", lang, "convert", f)
        err = r.stderr.decode("utf-8")
        check(f"{f} [{lang}]: exit 2", r.returncode == 2, str(r.returncode))
        check(f"{f} [{lang}]: nothing on stdout", r.stdout == b"", r.stdout[:100])
        check(f"{f} [{lang}]: one line on stderr naming the file",
              err.count("\n") == 1 and err.startswith(f + ": ") and marker in err[len(f) + 2:], err)

# Without LibreOffice, a Word 97-2003 file (here under a .docx name) says what to install, and
# what to do instead.
no_soffice = dict(os.environ, PATH="/nonexistent", JIXIAO_SOFFICE="")
en = subprocess.run([JIXIAO, "--lang", "en", "convert", "tests/fixtures/bad/legacy-renamed.docx"], capture_output=True,
                    env=no_soffice).stderr.decode()
check("English says what to do", "libreoffice-writer-nogui" in en and "save the file as .docx" in en, en)
zh = subprocess.run([JIXIAO, "convert", "tests/fixtures/bad/legacy-renamed.docx"], capture_output=True,
                    env=no_soffice).stderr.decode()
check("Chinese is the default", "另存为" in zh and "LibreOffice" in zh, zh)

with tempfile.TemporaryDirectory() as where:
    r = run("convert", os.path.abspath(GOOD), "-o", "-", cwd=where)
    check("-o - is standard output, not a file named '-'", r.returncode == 0 and r.stdout.startswith(b"{")
          and not os.listdir(where))
    r = run("check", os.path.abspath(GOOD), "--format", "json", "-o", "-", cwd=where)
    check("check -o - too", r.stdout.startswith(b"{") and not os.listdir(where))

r = run("convert", "tests/fixtures/bad/empty.docx", GOOD, "tests/fixtures/bad/notice.pdf")
check("a bad file does not stop the others: exit 2", r.returncode == 2)
check("... both bad files reported", r.stderr.decode().count("\n") == 2, r.stderr.decode())
docs = json.loads(r.stdout)["documents"] if r.stdout else []
check("... the good one converted", [d["source"]["path"] for d in docs] == [GOOD])

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "out.json")
    open(out, "w").write("old")
    r = run("convert", GOOD, "-o", out)
    check("-o writes the file, nothing on stdout", r.returncode == 0 and r.stdout == b"")
    check("-o replaces the old content", json.load(open(out))["schema"] == "jixiao.document/1")
    check("-o leaves no temporary file", os.listdir(tmp) == ["out.json"], str(os.listdir(tmp)))
    r = run("convert", "tests/fixtures/bad/empty.docx", "-o", out)
    check("a failed run leaves the old output alone", json.load(open(out))["schema"] == "jixiao.document/1")
    r = run("convert", GOOD, "-o", os.path.join(tmp, "missing-dir", "x.json"))
    check("an unwritable output is exit 2 with a message", r.returncode == 2 and b"x.json" in r.stderr)
    r = run("convert", GOOD, "-o", "/dev/null")
    check("-o /dev/null is written directly", r.returncode == 0 and os.path.exists("/dev/null"))

r = run("--help")
check("--help exits 0 and names convert", r.returncode == 0 and b"convert" in r.stdout)
r = run("convert", "--help")
check("convert --help lists --to and -o", r.returncode == 0 and b"--to" in r.stdout and b"-o" in r.stdout)
check("no subcommand is misuse (exit 2)", run().returncode == 2)
check("an unknown option is misuse (exit 2)", run("convert", GOOD, "--frobnicate").returncode == 2)
check("an unknown format is misuse (exit 2)", run("convert", GOOD, "--to", "pdf").returncode == 2)
check("no input is misuse (exit 2)", run("convert").returncode == 2)

finish()
