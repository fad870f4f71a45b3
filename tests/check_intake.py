#!/usr/bin/python3
"""Word 97-2003 (.doc, .wps), OpenDocument (.odt) and RTF through LibreOffice, and the workbooks it
converts (.xls, .et, .ods): read by content,
converted with the real soffice, the same model as jixiao reading LibreOffice's own .docx
conversion and as the expected JSON; batches mixing formats; a missing soffice; a converter that
hangs; Ctrl-C while converting.
Usage: check_intake.py PATH/TO/jixiao   (run from the source root; needs soffice on PATH)"""
import glob
import json
import os
import shutil
import signal
import subprocess
import zipfile
import tempfile
import time

import jsonschema

from suite import JIXIAO, check, diff, finish, run

LEGACY = sorted(glob.glob("samples/legacy/*"))
EXPECTED = json.load(open("samples/expected/beixinbao-2021.json", encoding="utf-8"))
SCHEMA = jsonschema.Draft202012Validator(json.load(open("schemas/document.schema.json", encoding="utf-8")))
STORE = {s["$id"]: s for s in (json.load(open(f, encoding="utf-8")) for f in glob.glob("schemas/*.schema.json"))}
BATCH = jsonschema.Draft202012Validator(
    next(s for s in STORE.values() if s["$id"].endswith("batch.schema.json")),
    resolver=jsonschema.RefResolver.from_schema(next(iter(STORE.values())), store=STORE))
REPORT = jsonschema.Draft202012Validator(next(s for s in STORE.values() if s["$id"].endswith("report.schema.json")))


def body(model):
    return {k: v for k, v in model.items() if k not in ("source", "warnings")}


def libreoffice_own(src, target, outdir, profile):
    """LibreOffice's own conversion of `src` to `target` ("docx:MS Word 2007 XML" …) in `outdir`,
    made independently of jixiao: the path of what it wrote."""
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + target.split(":")[0])


def converted_model(path):
    """jixiao's model of a file LibreOffice converts, after the checks every such file passes
    (exit 0, valid against the schema); {} when it could not be read."""
    name = os.path.basename(path)
    r = run("convert", path)
    model = json.loads(r.stdout) if r.returncode == 0 else {}
    check(f"{name}: converted, exit 0", r.returncode == 0, r.stderr.decode()[-300:])
    if model:
        check(f"{name}: valid against the schema", SCHEMA.is_valid(model))
    return model


def soffice_processes(marker):
    """soffice processes whose command line holds `marker` (a run's scratch folder)."""
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if "soffice" in line and marker in line]


with tempfile.TemporaryDirectory() as tmp:
    # LibreOffice's own .docx conversion of each sample, made here independently of jixiao.
    own = os.path.join(tmp, "own")
    os.makedirs(own)
    for path in LEGACY:
        name = os.path.basename(path)
        # A .wps is the Word 97-2003 container: given to soffice under a .doc name, as jixiao does.
        src = path if not path.endswith(".wps") else shutil.copy(path, os.path.join(tmp, name[:-4] + "-wps.doc"))
        produced = libreoffice_own(src, "docx:MS Word 2007 XML", own, f"{tmp}/profile")
        os.rename(produced, os.path.join(own, name + ".docx"))

    check("four legacy samples (.doc .odt .rtf .wps)", len(LEGACY) == 4, str(LEGACY))
    for path in LEGACY:
        name = os.path.basename(path)
        ext = os.path.splitext(name)[1][1:]
        model = converted_model(path)
        if not model:
            continue
        src = model["source"]
        check(f"{name}: source says converted_from {ext} and the converter",
              src.get("converted_from") == ext and src.get("converter", "").startswith("LibreOffice "), str(src))
        check(f"{name}: source.path and sha256 are the submitted file's", src["path"] == path and
              src["sha256"] == __import__("hashlib").sha256(open(path, "rb").read()).hexdigest())
        first = model["warnings"][0]["message"] if model["warnings"] else ""
        check(f"{name}: a warning says a converter stood between", "LibreOffice" in first and f".{ext}" in first, first)
        ref = json.loads(run("convert", os.path.join(own, name + ".docx")).stdout)
        check(f"{name}: the same model as jixiao reading LibreOffice's own .docx of it",
              body(model) == body(ref) and model["warnings"][1:] == ref["warnings"],
              "; ".join(diff(body(model), body(ref))[:5]))
        check(f"{name}: the expected model of the reference", diff(body(model), body(EXPECTED)) == [],
              "; ".join(diff(body(model), body(EXPECTED))[:5]))
        en = json.loads(run("--lang", "en", "convert", path).stdout)
        check(f"{name}: the warning in English", "converted from" in en["warnings"][0]["message"])

    # A ".doc" written by another program: AbiWord's Word export is RTF inside (seen here), so
    # jixiao, going by content, reads it as RTF; its model is that of LibreOffice's own .docx of
    # it, and every card is there (AbiWord opens each cell with an empty paragraph: the text
    # keeps it, as written).
    abi = os.path.join(tmp, "abiword.doc")
    subprocess.run(["abiword", "--to=doc", "-o", abi, "samples/src/beixinbao-2021.html"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    libreoffice_own(abi, "docx:MS Word 2007 XML", own, f"{tmp}/profile")
    r = run("convert", abi)
    model = json.loads(r.stdout) if r.returncode == 0 else {}
    check("AbiWord's .doc: read by content as RTF", model.get("source", {}).get("converted_from") == "rtf",
          r.stderr.decode()[-200:])
    ref = json.loads(run("convert", os.path.join(own, "abiword.docx")).stdout)
    check("AbiWord's .doc: the model of LibreOffice's own .docx of it", model and body(model) == body(ref))
    check("AbiWord's .doc: every card, with its code and budget",
          model and [(p["code"].strip(), p["budget"]["total"]) for p in model["projects"]] ==
          [(p["code"], p["budget"]["total"]) for p in EXPECTED["projects"]])

    # Known by content, not by name: a .doc renamed .docx is converted as a .doc.
    renamed = os.path.join(tmp, "改名.docx")
    shutil.copy("samples/legacy/beixinbao-2021.doc", renamed)
    r = run("convert", renamed)
    check("a .doc renamed .docx: converted from doc", r.returncode == 0 and
          json.loads(r.stdout)["source"].get("converted_from") == "doc", r.stderr.decode()[-200:])

    # A compound file's names are case-insensitive: a stream named worddocument is still a .doc.
    lower = os.path.join(tmp, "小写.doc")
    data = open("samples/legacy/beixinbao-2021.doc", "rb").read()
    open(lower, "wb").write(data.replace("WordDocument".encode("utf-16-le"), "worddocument".encode("utf-16-le"), 1))
    r = run("convert", lower)
    check("a .doc whose stream is named in lower case: converted, every card", r.returncode == 0 and
          json.loads(r.stdout)["source"].get("converted_from") == "doc" and
          len(json.loads(r.stdout)["projects"]) == len(EXPECTED["projects"]), r.stderr.decode()[-200:])
    # An .odt whose mimetype entry is not the first is still an .odt.
    odt = os.path.join(tmp, "顺序.odt")
    with zipfile.ZipFile("samples/legacy/beixinbao-2021.odt") as zin, zipfile.ZipFile(odt, "w") as zout:
        for item in [i for i in zin.infolist() if i.filename != "mimetype"] + [zin.getinfo("mimetype")]:
            zout.writestr(item.filename, zin.read(item.filename))
    r = run("convert", odt)
    check("an .odt whose mimetype is the last entry: converted from odt", r.returncode == 0 and
          json.loads(r.stdout)["source"].get("converted_from") == "odt", r.stderr.decode()[-200:])

    # check: the same findings as on LibreOffice's own .docx, and the text says where they point.
    doc, ref = "samples/legacy/beixinbao-2021.doc", os.path.join(own, "beixinbao-2021.doc.docx")
    a = json.loads(run("check", doc, "--format", "json").stdout)
    b = json.loads(run("check", ref, "--format", "json").stdout)
    strip = lambda rep: [{k: v for k, v in f.items()} for f in rep["files"][0]["findings"]]
    check("check on a .doc: the findings of its LibreOffice .docx", strip(a) == strip(b) and len(strip(a)) > 5,
          f"{len(strip(a))} vs {len(strip(b))}")
    check("check on a .doc: the report is valid against its schema", REPORT.is_valid(a))
    check("check on a .doc: the report says it was converted", a["files"][0].get("converted_from") == "doc",
          str({k: v for k, v in a["files"][0].items() if k != "findings"}))
    text = run("check", doc).stdout.decode()
    check("check text: each finding's place is marked as in the converted document",
          text.count("（转换后）") >= len(strip(a)) > 0, text[:300])

    # Every output format from a .doc.
    for fmt in ("ndjson", "csv", "xlsx", "docx"):
        out = os.path.join(tmp, f"out.{fmt}")
        r = run("convert", doc, "--to", fmt, "-o", out)
        check(f"--to {fmt} from a .doc", r.returncode == 0 and os.path.getsize(out) > 1000, r.stderr.decode()[-200:])

    # A county's folder mixing formats, read with one job and with two: the same bytes, every file.
    county = os.path.join(tmp, "县")
    for k, path in enumerate(["samples/beixinbao-2021.docx", *LEGACY, "samples/split-table.docx"]):
        os.makedirs(os.path.join(county, f"单位{k}"))
        shutil.copy(path, os.path.join(county, f"单位{k}", os.path.basename(path)))
    one, two = run("convert", county, "-j", "1"), run("convert", county, "-j", "2")
    docs = json.loads(one.stdout)["documents"] if one.returncode == 0 else []
    check("a mixed folder: every file read, exit 0", one.returncode == 0 and len(docs) == 6, one.stderr.decode()[-300:])
    check("a mixed folder: -j 1 and -j 2 give the same bytes", one.stdout == two.stdout)
    check("a mixed folder: converted ones say so, in order",
          [d["source"].get("converted_from") for d in docs] == [None, "doc", "odt", "rtf", "wps", None])
    check("a mixed folder: valid against the batch schema", BATCH.is_valid(json.loads(one.stdout)))
    kept = os.path.join(tmp, "kept")
    r = run("convert", county, "-j", "2", "--keep-converted", kept, "-o", os.path.join(tmp, "all.json"))
    check("--keep-converted keeps each converted .docx", r.returncode == 0 and
          sorted(os.listdir(kept)) == ["beixinbao-2021-2.docx", "beixinbao-2021-3.docx", "beixinbao-2021-4.docx",
                                       "beixinbao-2021.docx"], str(os.listdir(kept) if os.path.isdir(kept) else None))

    # Spreadsheets LibreOffice converts to .xlsx: Excel 97-2003 (.xls, and WPS 表格's .et, the same
    # container) and OpenDocument (.ods), saved by LibreOffice Calc from the forms' HTML. Each gives
    # the model of the form's .xlsx from the same source (places included: the sheet and its cells
    # are the same), and of LibreOffice's own .xlsx of it, made here.
    sheets = sorted(glob.glob("samples/legacy-sheets/*"))
    check("six legacy workbooks (.xls .et .ods of two forms)", len(sheets) == 6, str(sheets))
    for path in sheets:
        name = os.path.basename(path)
        stem, ext = os.path.splitext(name)
        ext = ext[1:]
        model = converted_model(path)
        if not model:
            continue
        check(f"{name}: source says converted_from {ext}", model["source"].get("converted_from") == ext and
              model["source"].get("converter", "").startswith("LibreOffice "), str(model["source"]))
        first = model["warnings"][0]["message"] if model["warnings"] else ""
        check(f"{name}: a warning says LibreOffice converted the workbook", "LibreOffice" in first and
              f".{ext}" in first and "工作表" in first, first)
        ref = json.loads(run("convert", f"samples/{stem}.xlsx").stdout)
        check(f"{name}: the model of the same form's .xlsx, sheets and cells too",
              body(model) == body(ref) and model["warnings"][1:] == ref["warnings"] and body(model)["projects"] +
              body(model)["department"]["indicators"], "; ".join(diff(body(model), body(ref))[:5]))
        src = path if ext != "et" else shutil.copy(path, os.path.join(tmp, stem + "-et.xls"))
        produced = libreoffice_own(src, "xlsx:Calc MS Excel 2007 XML", own, f"{tmp}/profile")
        own_model = json.loads(run("convert", produced).stdout)
        check(f"{name}: the model of LibreOffice's own .xlsx of it", body(model) == body(own_model))
    xls = "samples/legacy-sheets/form-department-calc.xls"
    a = json.loads(run("check", xls, "--format", "json").stdout)
    located = [f for f in a["files"][0]["findings"] if f.get("at") and "cell" in f["at"]]
    check("check on an .xls: valid report, converted_from xls, findings cite sheet and cell",
          REPORT.is_valid(a) and a["files"][0].get("converted_from") == "xls" and located, json.dumps(a)[:300])

    # A folder mixing documents and workbooks, with jixiao's own summary of an earlier run in it:
    # every submission read in order (the documents' and the workbooks' conversions in separate
    # soffice runs), the summary left out; -j 1 and -j 2 the same bytes.
    mixed = os.path.join(tmp, "混合")
    os.makedirs(mixed)
    for path in ["samples/legacy/beixinbao-2021.doc", "samples/legacy-sheets/form-application-calc.ods",
                 "samples/legacy/beixinbao-2021.rtf", "samples/legacy-sheets/form-department-calc.xls",
                 "samples/form-mixed-xlsx.xlsx", "samples/bureau-2022.docx"]:
        shutil.copy(path, mixed)
    r = run("convert", mixed, "--to", "xlsx", "-o", os.path.join(mixed, "汇总.xlsx"))
    check("a mixed folder to its own 汇总.xlsx: exit 0", r.returncode == 0, r.stderr.decode()[-300:])
    one, two = run("convert", mixed, "-j", "1"), run("convert", mixed, "-j", "2")
    docs = json.loads(one.stdout)["documents"] if one.returncode == 0 else []
    check("documents and workbooks: the summary jixiao wrote is left out, the rest read in order",
          [(os.path.basename(d["source"]["path"]), d["source"].get("converted_from")) for d in docs] ==
          [("beixinbao-2021.doc", "doc"), ("beixinbao-2021.rtf", "rtf"), ("bureau-2022.docx", None),
           ("form-application-calc.ods", "ods"), ("form-department-calc.xls", "xls"), ("form-mixed-xlsx.xlsx", None)],
          one.stderr.decode()[-300:])
    check("documents and workbooks: -j 1 and -j 2 give the same bytes", one.stdout == two.stdout)
    r = run("convert", os.path.join(mixed, "汇总.xlsx"))
    check("the summary named on its own: refused, saying what it is", r.returncode == 2 and
          "jixiao 导出的汇总表" in r.stderr.decode(), r.stderr.decode()[:200])
    kept = os.path.join(tmp, "kept-sheets")
    r = run("convert", "samples/legacy-sheets/form-department-calc.xls", "--keep-converted", kept,
            "-o", os.path.join(tmp, "one.json"))
    check("--keep-converted keeps a workbook's .xlsx", r.returncode == 0 and os.listdir(kept) ==
          ["form-department-calc.xlsx"], str(os.listdir(kept) if os.path.isdir(kept) else None))

    # No LibreOffice: a legacy file says what to install; a .docx never needs it.
    env = dict(os.environ, PATH="/nonexistent")
    env.pop("JIXIAO_SOFFICE", None)
    r = subprocess.run([JIXIAO, "convert", doc, "samples/beixinbao-2021.docx"], capture_output=True, env=env)
    err = r.stderr.decode()
    check("no soffice: exit 2, the .doc reported with what to install, the .docx converted",
          r.returncode == 2 and "libreoffice-writer-nogui libreoffice-calc-nogui" in err and err.startswith(doc + ": ") and
          len(json.loads(r.stdout)["documents"]) == 1, err[:300])
    r = subprocess.run([JIXIAO, "--lang", "en", "convert", doc, "--soffice", "/nonexistent/soffice"], capture_output=True)
    check("--soffice naming nothing: exit 2, in English, naming what was named",
          r.returncode == 2 and "the soffice named (/nonexistent/soffice) is not there" in r.stderr.decode(),
          r.stderr.decode()[:200])
    r = subprocess.run([JIXIAO, "convert", doc], capture_output=True, env=dict(os.environ, JIXIAO_SOFFICE="/nonexistent/soffice"))
    check("JIXIAO_SOFFICE naming nothing: exit 2, saying so in Chinese",
          r.returncode == 2 and "/nonexistent/soffice" in r.stderr.decode() and "JIXIAO_SOFFICE" in r.stderr.decode(),
          r.stderr.decode()[:200])
    r = subprocess.run([JIXIAO, "convert", "samples/beixinbao-2021.docx"], capture_output=True, env=env)
    check("no soffice: a .docx converts as always", r.returncode == 0 and b'"converted_from"' not in r.stdout)

    # A converter that hangs, with a child of its own: killed with its child at the limit, each
    # of its files reported, the .docx converted, nothing left running.
    stand_in = os.path.join(tmp, "hanging-soffice")
    # An unusual duration, so that no other sleep on the machine is taken for the stand-in's.
    open(stand_in, "w").write("#!/bin/sh\nsleep 300.417 &\nsleep 300.417\n")
    os.chmod(stand_in, 0o755)
    started = time.monotonic()
    r = subprocess.run([JIXIAO, "convert", "samples/legacy/beixinbao-2021.doc", "samples/beixinbao-2021.docx",
                        "samples/legacy/beixinbao-2021.odt", "--soffice", stand_in, "--convert-timeout", "2", "-j", "1"],
                       capture_output=True, timeout=60)
    took = time.monotonic() - started
    err = r.stderr.decode()
    left = subprocess.run(["pgrep", "-f", "sleep 300.417"], capture_output=True, text=True).stdout.split()
    check("a hanging converter: exit 2, both legacy files reported as past the limit",
          r.returncode == 2 and err.count("--convert-timeout") == 2, err[:400])
    check("a hanging converter: the .docx still converted", r.stdout and len(json.loads(r.stdout)["documents"]) == 1)
    check(f"a hanging converter: stopped at the limit, for each file ({took:.1f} s)", 3.5 < took < 15)
    check("a hanging converter: no process of it left", left == [], str(left))
    for p in left:
        os.kill(int(p), signal.SIGKILL)

    # Ctrl-C while LibreOffice converts: no temporary file, no soffice left behind.
    scratch = os.path.join(tmp, "scratch")
    os.makedirs(scratch)
    many = os.path.join(tmp, "many")
    os.makedirs(many)
    for k in range(6):
        shutil.copy("samples/legacy/beixinbao-2021.doc", os.path.join(many, f"单位{k}.doc"))
    p = subprocess.Popen([JIXIAO, "convert", many, "-j", "2", "-o", os.path.join(tmp, "interrupted.json")],
                         env=dict(os.environ, TMPDIR=scratch), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not seen:
        seen = soffice_processes(scratch)
        time.sleep(0.05)
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=30)
    time.sleep(0.5)
    check("Ctrl-C while converting: soffice was running", seen != [])
    check("Ctrl-C while converting: exit 130", p.returncode == 130, f"{p.returncode} {err.decode()[-200:]}")
    check("Ctrl-C while converting: no soffice left", soffice_processes(scratch) == [], str(soffice_processes(scratch)))
    check("Ctrl-C while converting: nothing left in TMPDIR", os.listdir(scratch) == [], str(os.listdir(scratch)))
    check("Ctrl-C while converting: no output", not os.path.exists(os.path.join(tmp, "interrupted.json")) and
          not [n for n in os.listdir(tmp) if ".jixiao-tmp-" in n])

finish()
