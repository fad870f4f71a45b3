#!/usr/bin/python3
"""`jixiao diff`: pairs of documents written by python-docx from the committed reference text
(samples/src/beixinbao-2021.txt) with known edits made to it here; the report must list exactly
those changes and nothing else. The same document written by LibreOffice and by python-docx
must diff as equal. Folders: a county of ten units against the same county a year later.
JSON output is checked with python3-jsonschema, the page with html-validate and in Debian's
headless Chromium.
Usage: check_diff.py PATH/TO/jixiao   (run from the source root)"""
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal

import jsonschema

import browser
from suite import check, finish, run

sys.path.insert(0, "samples")
from make_samples import parse_reference  # noqa: E402
from word_features import build  # noqa: E402  python-docx, with the XML Word writes

OLD = "samples/beixinbao-2021.docx"  # LibreOffice, from samples/src/beixinbao-2021.html
SCHEMA = json.load(open("schemas/diff.schema.json", encoding="utf-8"))
data = parse_reference("samples/src/beixinbao-2021.txt")
tmp = tempfile.mkdtemp(prefix="jixiao-diff-")


def write(d, name):
    path = os.path.join(tmp, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    build(d, path)
    return path


def diff_json(*args):
    r = run("diff", *args, "--format", "json")
    out = json.loads(r.stdout)
    jsonschema.validate(out, SCHEMA)
    return r.returncode, out


# --- the same document by two writers -------------------------------------------------------
same = write(data, "python-docx.docx")
code, out = diff_json(OLD, same)
check("LibreOffice's and python-docx's writing of one document diff as equal (exit 0)",
      code == 0 and out["documents"][0]["status"] == "unchanged" and out["documents"][0]["changes"] == [], out["summary"])

# A .docx submission against the same form resubmitted as a workbook (openpyxl's, LibreOffice
# Calc's): field by field, nothing changed.
for book in ("samples/form-application-xlsx.xlsx", "samples/form-application-calc.xlsx"):
    code, out = diff_json("samples/form-application-docx.docx", book)
    check(f"a .docx against the same form as a workbook ({book}): unchanged (exit 0)",
          code == 0 and out["documents"][0]["status"] == "unchanged" and out["documents"][0]["changes"] == [],
          out["summary"])

# --- known edits ----------------------------------------------------------------------------
edited = copy.deepcopy(data)
P = edited["projects"]
old_goal = data["department"]["overall_goal"]
edited["department"]["overall_goal"] = old_goal.replace("全乡", "全镇")          # the department text edited
P[1]["total"] = P[1]["fiscal"] = "213.38"                                         # a budget changed
P[2]["goals"] = P[2]["goals"] + ["按时完成民兵整组"]                                 # a goal added
P[3]["indicators"][1][4] = "≥90%"                                                 # a value corrected
P[6]["code"] = "13073021XQFFCCIHB7NEW"                                            # a project's code changed
inserted = ["产出指标", "时效指标", "发放及时率", "按月足额发放", "=100%", "镇级确定"]
P[0]["indicators"].insert(2, inserted)                                            # a row inserted in the middle
added = copy.deepcopy(P[5])
added.update(code="13073021NEWPROJECT001", name="乡村振兴示范点建设", heading="乡村振兴示范点建设绩效目标表", number="9、")
removed = P.pop(4)                                                                # a project removed
P.append(added)                                                                   # and another added
new = write(edited, "edited.docx")


def place(seq, code, name, table, row=None):
    return {"project": {"seq": seq, "code": code, "name": name}, "table": table, "row": row}


def card(k, projects=None):  # the k-th project (0-based) of a version: card table 2k+1, rows in 2k+2
    p = (projects or data["projects"])[k]
    return k + 1, p["code"], p["name"]


pct = (Decimal(80) / Decimal("133.38") * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
document_place = {"project": None, "table": None, "row": None}
want = [
    ("department", "overall_goal", old_goal, edited["department"]["overall_goal"], document_place, document_place),
    ("indicator-added", None, None, " / ".join(inserted[:3]) + " | " + " | ".join(inserted[3:]),
     place(*card(0), 1), place(*card(0, P), 2, 4)),
    ("budget", "total", "133.38", "213.38", place(*card(1), 3), place(*card(1, P), 3)),
    ("budget", "fiscal", "133.38", "213.38", place(*card(1), 3), place(*card(1, P), 3)),
    ("goal-added", "4", None, "按时完成民兵整组", place(*card(2), 5), place(*card(2, P), 5)),
    ("indicator-changed", "value", "≥90百分比", "≥90%", place(*card(3), 8, 3), place(*card(3, P), 8, 3)),
    ("project-removed", None, removed["name"] + " | " + removed["total"] + "万元", None, place(*card(4), 9), None),
    ("project-recoded", "code", data["projects"][6]["code"], P[5]["code"], place(*card(6), 13), place(*card(5, P), 11)),
    ("project-added", None, None, added["name"] + " | " + added["total"] + "万元", None, place(*card(7, P), 15)),
]
code, out = diff_json(OLD, new)
got = [(c["kind"], c["field"], c["old"], c["new"], c["at"]["old"], c["at"]["new"]) for c in out["documents"][0]["changes"]]
check("exactly the changes made, in document order, each with its place in both versions", got == want,
      "\n" + "\n".join(f"  got  {g}\n  want {w}" for g, w in zip(got, want) if g != w) + f"\n  {len(got)} vs {len(want)}")
check("differences: exit 1", code == 1)
budget = [c for c in out["documents"][0]["changes"] if c["kind"] == "budget"]
check("a budget change: the exact difference and percentage, flagged above 50%",
      all(c["difference"] == "80" and c["percent"] == str(pct) and c["flagged"] for c in budget), budget)
dept = out["documents"][0]["changes"][0]
check("the department text as a word diff: 乡 removed, 镇 added, the rest kept",
      [s[1] for s in dept["segments"] if s[0] != "="] == ["乡", "镇"] and
      "".join(t for op, t in dept["segments"] if op != "+") == old_goal and
      "".join(t for op, t in dept["segments"] if op != "-") == edited["department"]["overall_goal"])
check("the summary counts them", out["summary"] == {"documents": 1, "changed": 1, "added": 0, "removed": 0, "unchanged": 0,
                                                     "unreadable": 0, "projects_added": 1, "projects_removed": 1,
                                                     "projects_changed": 5, "changes": 9, "flagged": 2}, out["summary"])
check("the reverse diff mirrors it", (lambda o: [c["kind"] for c in o["documents"][0]["changes"]].count("project-added") == 1 and
                                      [c["kind"] for c in o["documents"][0]["changes"]].count("indicator-removed") == 1 and
                                      len(o["documents"][0]["changes"]) == 9)(diff_json(new, OLD)[1]))

# --- options --------------------------------------------------------------------------------
code, out = diff_json(OLD, new, "--threshold", "70")
check("--threshold 70: nothing flagged", out["summary"]["flagged"] == 0 and out["threshold"] == "70")
check("--fail-on-change flagged: exit 1 with a flagged change", run("diff", OLD, new, "--fail-on-change", "flagged").returncode == 1)
check("... exit 0 when none is above the threshold",
      run("diff", OLD, new, "--fail-on-change", "flagged", "--threshold", "70").returncode == 0)
check("--fail-on-change alone: any change exits 1", run("diff", OLD, new, "--fail-on-change").returncode == 1)
check("a threshold that is not a number: exit 2", run("diff", OLD, new, "--threshold", "五十").returncode == 2)
spaced = copy.deepcopy(data)
spaced["projects"][0]["indicators"][0][3] = "按离任村干部 人数分配"
spaced_path = write(spaced, "spaced.docx")
code, out = diff_json(OLD, spaced_path)
check("a space added to a description is no change (whitespace alone)",
      code == 0 and out["documents"][0]["changes"] == [] and out["ignore_whitespace"] is True)
code, out = diff_json(OLD, spaced_path, "--exact")
check("... but is one with --exact", code == 1 and [c["field"] for c in out["documents"][0]["changes"]] == ["description"]
      and out["ignore_whitespace"] is False)
code, out = diff_json(OLD, spaced_path, "--ignore-whitespace")
check("... and none with --ignore-whitespace (the default, kept for scripts)", code == 0 and out["documents"][0]["changes"] == [])
check("--exact with --ignore-whitespace: exit 2", run("diff", OLD, spaced_path, "--exact", "--ignore-whitespace").returncode == 2)

# --- the other forms ------------------------------------------------------------------------
# Each family written by python-docx and by LibreOffice (samples/make_forms.py) diffs as equal;
# edits made with python-docx to the fields only the other forms have are each reported.
import docx  # noqa: E402

for family in ("form-2021-framework", "form-application", "form-department", "form-yuan-dates"):
    code, out = diff_json(f"samples/{family}-docx.docx", f"samples/{family}-lo.docx")
    check(f"{family}: python-docx's and LibreOffice's writing diff as equal", code == 0 and out["documents"][0]["changes"] == [],
          json.dumps(out["documents"][0]["changes"], ensure_ascii=False)[:400])


def edit_cells(src, name, edits):
    """Replaces, in every table cell, the text `old` by `new` for each (old, new) in edits."""
    d = docx.Document(src)
    done = set()
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                for old, new in edits:
                    if cell.text == old and (old, new) not in done:
                        for p in cell.paragraphs[1:]:
                            p._p.getparent().remove(p._p)
                        cell.paragraphs[0].text = new
                        done.add((old, new))
    check(f"{name}: every edit found its cell", done == set(edits), str(set(edits) - done))
    path = os.path.join(tmp, name)
    d.save(path)
    return path


def changes_of(old, new):
    code, out = diff_json(old, new)
    return code, {(c["kind"], c["field"], c["old"], c["new"]) for c in out["documents"][0]["changes"]}


app = edit_cells("samples/form-application-docx.docx", "application-edited.docx",
                 [("0912-1234567", "0912-7654321"), ("10", "12"), ("≥40处", "≥45处"), ("某县水利局", "某县水务局"),
                  ("1.全县农村集中供水率稳定在90%以上", "1.全县农村集中供水率稳定在95%以上"), ("新增", "新增受益")])
code, got = changes_of("samples/form-application-docx.docx", app)
check("application form: each edit of its own fields is a change, and nothing else", code == 1 and got == {
    ("card", "contact_phone", "0912-1234567", "0912-7654321"), ("card", "authority_name", "某县水利局", "某县水务局"),
    ("budget", "自有资金", "10", "12"), ("indicator-changed", "value", "≥40处", "≥45处"),
    ("indicator-changed", "note", "新增", "新增受益"),
    ("long-term-goal-removed", "1", "全县农村集中供水率稳定在90%以上", None),
    ("long-term-goal-added", "1", None, "全县农村集中供水率稳定在95%以上")}, str(got))
dept = edit_cells("samples/form-department-docx.docx", "department-edited.docx",
                  [("应保尽保", "全部保障"), ("月", "天"), ("负责全区某项行政管理和公共服务工作。", "负责全区行政管理工作。"),
                   ("问卷调查", "抽样问卷调查")])
code, got = changes_of("samples/form-department-docx.docx", dept)
check("department form: its fields and its own indicators are compared", code == 1 and got == {
    ("department", "duties", "负责全区某项行政管理和公共服务工作。", "负责全区行政管理工作。"),
    ("indicator-changed", "value", "应保尽保", "全部保障"), ("indicator-changed", "measure_unit", "月", "天"),
    ("indicator-changed", "explanation", "问卷调查", "抽样问卷调查")}, str(got))
r = run("diff", "samples/form-department-docx.docx", dept)
check("department form: the text report names the fields", "部门(单位)职责" in r.stdout.decode() and "度量单位" in r.stdout.decode(),
      r.stdout.decode())

# --- text -----------------------------------------------------------------------------------
r = run("diff", OLD, new)
text = r.stdout.decode()
check("text: grouped by project", "  项目2 13073021EOT8X7ZTVTKA0 村级组织运转经费(村干部工资)\n    ~ 预算数：133.38 → 213.38（+80，+59.98%） ! 超过 50%" in text, text)
check("text: the department's word diff", "全[-乡-]{+镇+}经济" in text)
check("text: a row inserted, one line", text.count("+ 指标 表2 第4行：产出指标 / 时效指标 / 发放及时率") == 1)
check("text: a summary line", text.rstrip().splitlines()[-1].startswith("共比较 1 份文件：变更 1") and "改动 9 处" in text)
check("text: no colour when not a terminal; colour when asked", "\033[" not in text and "\033[" in run("diff", OLD, new, "--color", "always").stdout.decode())
en = run("--lang", "en", "diff", OLD, new).stdout.decode()
check("--lang en: English", "~ total: 133.38 → 213.38 (+80, +59.98%) ! above 50%" in en and "1 document compared" in en, en)
check("same bytes twice", run("diff", OLD, new, "--format", "json").stdout == run("diff", OLD, new, "--format", "json").stdout)

# --- bad inputs -----------------------------------------------------------------------------
r = run("diff", "tests/fixtures/bad/notice.pdf", OLD)
check("an unreadable side: exit 2, named with its reason", r.returncode == 2 and "notice.pdf" in r.stdout.decode() + r.stderr.decode())
r = run("diff", os.path.join(tmp, "nothing-here.docx"), OLD)
check("a missing side: exit 2", r.returncode == 2 and "nothing-here.docx" in r.stdout.decode() + r.stderr.decode())

# --- folders: a county and the same county a year later -------------------------------------
def unit(d, k, code=None):
    d = copy.deepcopy(d)
    for p in d["projects"]:
        p["unit_code"], p["unit_name"] = code or f"8030{k:02d}", f"怀来县第{k}镇人民政府"
        p["code"] = p["code"][:-2] + f"{k:02d}"
    return d


before, after = os.path.join(tmp, "2021"), os.path.join(tmp, "2022")
for k in range(10):
    write(unit(data, k), f"2021/u{k:02d}.docx")
for k in list(range(8)) + [10, 11]:
    d = unit(data, k, "803099" if k == 6 else None)
    if k == 5:
        d["projects"][0]["total"] = d["projects"][0]["fiscal"] = "14.57"
    write(d, f"2022/{'u03-2022' if k == 3 else f'u{k:02d}'}.docx")
shutil.copy("tests/fixtures/bad/truncated.docx", os.path.join(after, "broken.docx"))
code, out = diff_json(before, after, "-j", "2")
got = [(d["status"], d["old"] and os.path.basename(d["old"]), d["new"] and os.path.basename(d["new"])) for d in out["documents"]]
want = [("unreadable", None, "broken.docx"), ("unchanged", "u00.docx", "u00.docx"), ("unchanged", "u01.docx", "u01.docx"),
        ("unchanged", "u02.docx", "u02.docx"), ("unchanged", "u03.docx", "u03-2022.docx"), ("unchanged", "u04.docx", "u04.docx"),
        ("changed", "u05.docx", "u05.docx"), ("changed", "u06.docx", "u06.docx"), ("unchanged", "u07.docx", "u07.docx"),
        ("added", None, "u10.docx"), ("added", None, "u11.docx"), ("removed", "u08.docx", None), ("removed", "u09.docx", None)]
check("folders: paired by unit code (a renamed file too), then by file name; added, removed, unreadable", got == want,
      "\n".join(map(str, got)))
check("folders: an unreadable file is reported and the rest compared: exit 2", code == 2 and "broken.docx" in out["documents"][0]["error"])
u05 = out["documents"][6]["changes"]
check("folders: the changed budget, and nothing else", [(c["kind"], c["field"], c["old"], c["new"]) for c in u05] ==
      [("budget", "total", "12.57", "14.57"), ("budget", "fiscal", "12.57", "14.57")], u05)
u06 = out["documents"][7]["changes"]
check("folders: a unit code changed, paired by file name", [(c["kind"], c["field"], c["old"], c["new"]) for c in u06] ==
      [("unit", "code", "803006", "803099")], u06)
check("folders: same bytes with -j 1 and -j 2", run("diff", before, after, "-j", "1", "--format", "json").stdout ==
      run("diff", before, after, "-j", "2", "--format", "json").stdout)
r = run("diff", before, after, "--format", "json", "-o", os.path.join(tmp, "county.json"))
check("folders: -o writes the report, the unreadable file named on stderr", r.returncode == 2 and "broken.docx" in r.stderr.decode()
      and json.load(open(os.path.join(tmp, "county.json")))["summary"]["documents"] == 13)

# --- the page -------------------------------------------------------------------------------
page = os.path.join(tmp, "diff.html")
run("diff", OLD, new, "--format", "html", "-o", page)
html = open(page, encoding="utf-8").read()
block = re.search(r'<script type="application/json" id="jx-diff">(.*?)</script>', html, re.S).group(1)
jsonschema.validate(json.loads(block), SCHEMA)
check("the page's data block is the diff JSON (schema-valid), with no '<', '>' or '&'", not re.search(r"[<>&]", block))
check("the page's data equals --format json's", json.loads(block)["documents"] == diff_json(OLD, new)[1]["documents"])
problems = browser.html_problems(page)
check("html-validate finds nothing in the page", not problems, problems)
county_page = os.path.join(tmp, "county.html")
run("diff", before, after, "--format", "html", "-o", county_page)
driver = browser.start()
try:
    check("the page is drawn", browser.open_page(driver, page, drawn="diff"))
    js = driver.execute_script
    rows = js("return [...document.querySelectorAll('tr.change')].map(r => [r.dataset.kind, r.dataset.field])")
    changes = diff_json(OLD, new)[1]["documents"][0]["changes"]
    check("each change is a row, in order", rows == [[c["kind"], c["field"] or ""] for c in changes], rows)
    check("the removed and added words are marked, old and new side by side",
          js("return document.querySelector('tr.k-department td.old del').textContent") == "乡" and
          js("return document.querySelector('tr.k-department td.new ins').textContent") == "镇")
    check("flagged budget changes stand out", js("return document.querySelectorAll('tr.flagged').length") == 2)
    check("the summary drawn = the JSON's", js("return document.querySelector('.kpi-value').textContent") == "1" and
          js("return document.querySelectorAll('.kpi-value')[2].textContent") == "9")
    browser.open_page(driver, county_page, drawn="diff")
    js("const s = document.getElementById('status-filter'); s.value = 'added'; s.dispatchEvent(new Event('change'))")
    check("filtered by status", js("return [...document.querySelectorAll('details.doc')].filter(d => !d.hidden).length") == 2)
    js("const s = document.getElementById('status-filter'); s.value = ''; s.dispatchEvent(new Event('change'))")
    js("const c = document.getElementById('flagged-only'); c.click()")
    check("filtered to flagged changes: none in this county (12.57 → 14.57 is 15.91%)",
          js("return [...document.querySelectorAll('details.doc')].filter(d => !d.hidden).length") == 0)
    check("the page made no request", js("return performance.getEntriesByType('resource').length") == 0)
    errors = browser.console_errors(driver)
    check("no error in the browser's console", not errors, str(errors[:3]))
finally:
    driver.quit()
    shutil.rmtree(tmp, ignore_errors=True)

finish()
