#!/usr/bin/python3
"""`jixiao check` as a user and as CI meet it: exit codes, configuration, the four report
formats read back by independent tools (python3-jsonschema, Microsoft's SARIF multitool,
xml.etree), and docs/rules.md kept in step with the registry.
Usage: check_reports.py PATH/TO/jixiao   (run from the source root)"""
import json
import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET

import jsonschema

from suite import check, finish, run

REF = "samples/beixinbao-2021.docx"
SARIF_TOOL = os.environ.get("JIXIAO_SARIF_MULTITOOL", ".tools/node_modules/.bin/sarif-multitool")
SARIF_SCHEMA = ".tools/node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json"


def schema(name):
    return json.load(open(f"schemas/{name}", encoding="utf-8"))


# --- exit codes and selection -------------------------------------------------------------
r = run("check", REF)
text = r.stdout.decode()
check("the reference has an error finding: exit 1", r.returncode == 1, str(r.returncode))
check("text: one line per finding and a summary", text.count("\n") > 10 and text.splitlines()[-1].startswith("共检查 1 个文件"))
check("text: compiler-style lines", "samples/beixinbao-2021.docx: 项目3 13073021ET50GDHF2ZCLF 表6 第7行: error[JX205] indicator-duplicate:" in text)
check("text: no colour when not a terminal", "\033[" not in text)
check("--color always colours", "\033[" in run("check", REF, "--color", "always").stdout.decode())
check("--ignore the only error: exit 0", run("check", REF, "--ignore", "JX205").returncode == 0)
check("--select JX101: exit 0, nothing but the summary",
      (lambda r: r.returncode == 0 and r.stdout.decode().count("\n") == 1)(run("check", REF, "--select", "JX101")))
check("--select with something not a rule: exit 2", run("check", REF, "--select", "XY1").returncode == 2)
check("--ignore with a prefix of no rule: exit 2", run("check", REF, "--ignore", "JX9").returncode == 2)
check("--fail-on info with an info rule: exit 1", run("check", REF, "--select", "JX209", "--fail-on", "info").returncode == 1)
check("--fail-on warning counts warnings", run("check", REF, "--select", "JX208", "--fail-on", "warning").returncode == 1)
check("--select JX208 alone stays under the default error threshold", run("check", REF, "--select", "JX208").returncode == 0)
check("same bytes twice", run("check", REF, "--format", "json").stdout == run("check", REF, "--format", "json").stdout)
en = run("--lang", "en", "check", REF).stdout.decode()
check("--lang en: English messages, same ids", "error[JX205] indicator-duplicate: identical to row 6" in en and en.splitlines()[-1].startswith("1 file checked"))

r = run("check", "tests/fixtures/bad/notice.pdf", REF)
check("an unreadable input: exit 2", r.returncode == 2)
check("... and the other input is still checked", "error[JX205]" in r.stdout.decode())
check("... and the unreadable one is reported", "notice.pdf: 无法读取" in r.stdout.decode())
r = run("check", "tests/fixtures/bad/no-target-table.docx")
check("a document without target tables: JX001", "error[JX001] no-target-tables" in r.stdout.decode() and r.returncode == 1)

r = run("check", REF, "samples/level1-repeated.docx", "--select", "JX302")
check("JX302 across documents of one run", r.returncode == 1 and r.stdout.decode().count("JX302") == 8, r.stdout.decode()[:300])

# A workbook's findings name the sheet and the cell, as openpyxl finds them.
BOOK = "samples/form-application-calc.xlsx"
r = run("check", BOOK, "--format", "json")
report = json.loads(r.stdout)
errors = [e.message for e in jsonschema.Draft202012Validator(schema("report.schema.json")).iter_errors(report)]
check("a workbook's report: valid against report.schema.json", not errors, "; ".join(errors[:3]))
placed = [f for f in report["files"][0]["findings"] if f["at"]]
check("a workbook's findings with a place name its sheet and cell",
      placed and all("sheet" in f["at"] and "cell" in f["at"] for f in placed), json.dumps(placed[:2], ensure_ascii=False))
import openpyxl  # noqa: E402
sheets = {ws.title: ws for ws in openpyxl.load_workbook(BOOK).worksheets}
quoted = [f for f in placed if f["rule"] == "JX207"]
check("a JX207 finding's cell holds the value its message quotes (openpyxl)",
      quoted and all(str(sheets[f["at"]["sheet"]][f["at"]["cell"]].value) in f["message"] for f in quoted),
      json.dumps(quoted[:2], ensure_ascii=False))
check("text: a workbook's finding names the sheet and the cell",
      f'{BOOK}: 项目1 表2 第3行 第8列 工作表“Sheet1”H16: warning[JX207]' in run("check", BOOK).stdout.decode())

# --- configuration ------------------------------------------------------------------------
with tempfile.TemporaryDirectory() as tmp:
    sub = os.path.join(tmp, "乡镇", "北辛堡")
    os.makedirs(sub)
    shutil.copy(REF, os.path.join(sub, "草稿.docx"))
    with open(os.path.join(tmp, ".jixiao.json"), "w", encoding="utf-8") as f:
        json.dump({"rules": {"JX205": "warning"}}, f)
    r = run("check", os.path.join(sub, "草稿.docx"))
    check(".jixiao.json in a parent folder is found and applied", r.returncode == 0 and "warning[JX205]" in r.stdout.decode(), r.stdout.decode()[-200:])
    with open(os.path.join(tmp, ".jixiao.json"), "w", encoding="utf-8") as f:
        json.dump({"rules": {"JX205": "loud"}}, f)
    r = run("check", os.path.join(sub, "草稿.docx"))
    check("a bad configuration: exit 2 naming the file and the key",
          r.returncode == 2 and "rules.JX205" in r.stderr.decode() and ".jixiao.json" in r.stderr.decode(), r.stderr.decode())
    explicit = os.path.join(tmp, "strict.json")
    with open(explicit, "w", encoding="utf-8") as f:
        json.dump({"fail_on": "info", "select": ["JX4"]}, f)
    r = run("check", "--config", explicit, REF)
    check("--config: the given file, fail_on from it", r.returncode == 1 and "JX209" not in r.stdout.decode())
    # The rules' own options: JX219's words set aside, JX220's least, JX221's total.
    for rule, fixture, options, said in (
            ("JX219", "tests/rules/JX219/fires.docx", {"common": ["防火", "宣传", "森林"]}, "开展森林防火宣传"),
            ("JX220", "tests/rules/JX220/fires.docx", {"min": 2}, "年度三级指标只有 2 个"),
            ("JX221", "tests/rules/JX221/fires.docx", {"total": 95}, "权重合计 95")):
        path = os.path.join(tmp, f"{rule}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"rules": {rule: options}}, f, ensure_ascii=False)
        before = run("check", "--select", rule, fixture).stdout.decode()
        after = run("check", "--select", rule, "--config", path, fixture).stdout.decode()
        check(f"{rule} {options}: fires by default, not with the option", said in before and said not in after,
              before + after)

    validator = jsonschema.Draft202012Validator(schema("config.schema.json"))
    cases = [{"profile": "2015"}, {"profile": "2016"}, {"year": 2021}, {"year": "2021"}, {"fail_on": "warning"},
             {"fail_on": "fatal"}, {"select": ["JX1", "JX205"]}, {"ignore": "JX1"}, {"rules": {"JX101": "off"}},
             {"rules": {"JX999": "off"}}, {"rules": {"JX101": {"severity": "info"}}},
             {"rules": {"JX101": {"pattern": "x"}}}, {"rules": {"JX301": {"pattern": "^[0-9]{21}$"}}},
             {"rules": {"JX219": {"common": ["宣传"]}}}, {"rules": {"JX219": {"common": "宣传"}}},
             {"rules": {"JX220": {"min": 2}}}, {"rules": {"JX220": {"min": 0}}}, {"rules": {"JX220": {"min": "3"}}},
             {"rules": {"JX221": {"total": 10}}}, {"rules": {"JX221": {"total": "100"}}}, {"rules": {"JX221": {"min": 3}}},
             {"unknown": 1}, {"$schema": "schemas/config.schema.json", "profile": "auto"}]
    for k, case in enumerate(cases):
        path = os.path.join(tmp, f"c{k}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(case, f)
        schema_ok = validator.is_valid(case)
        jixiao_ok = run("check", "--config", path, "--select", "JX001", REF).returncode != 2
        check(f"config {json.dumps(case, ensure_ascii=False)}: jixiao and the schema agree ({schema_ok})", schema_ok == jixiao_ok)

ids = [l.split()[0] for l in run("rules").stdout.decode().splitlines()]
check("config schema lists every rule id", schema("config.schema.json")["properties"]["rules"]["propertyNames"]["enum"] == ids)

# --- JSON ---------------------------------------------------------------------------------
r = run("check", REF, "tests/fixtures/bad/empty.docx", "--format", "json")
report = json.loads(r.stdout)
errors = [e.message for e in jsonschema.Draft202012Validator(schema("report.schema.json")).iter_errors(report)]
check("json: valid against report.schema.json", not errors, "; ".join(errors[:3]))
found = report["files"][0]["findings"]
s = report["summary"]
check("json: the summary adds up", s["files"] == 2 and s["unreadable"] == 1 and
      s["error"] + s["warning"] + s["info"] == len(found) and s["error"] == sum(f["severity"] == "error" for f in found))
check("json: the unreadable file has its reason", report["files"][1]["error"] and not report["files"][1]["findings"])
order = [((f["project"] or {}).get("seq", 0), (f["at"] or {}).get("table", 0), (f["at"] or {}).get("row") or 0, f["rule"]) for f in found]
check("json: findings sorted by position, then rule", order == sorted(order))
check("json: fixable is said", any(f["fixable"] for f in found if f["rule"] == "JX209"))

# --- SARIF --------------------------------------------------------------------------------
with tempfile.TemporaryDirectory() as tmp:
    sarif = os.path.join(tmp, "report.sarif")
    r = run("check", REF, "tests/fixtures/bad/notice.pdf", "--format", "sarif", "-o", sarif)
    check("sarif: written with -o, exit 2 for the unreadable input", r.returncode == 2 and os.path.getsize(sarif) > 0)
    log = json.load(open(sarif, encoding="utf-8"))
    check("sarif: each rule with its help", len(log["runs"][0]["tool"]["driver"]["rules"]) == len(ids) and
          all(rule["help"]["text"] for rule in log["runs"][0]["tool"]["driver"]["rules"]))
    check("sarif: results carry a logical location", all(res["locations"][0].get("logicalLocations") or res["ruleId"] == "JX305"
                                                         for res in log["runs"][0]["results"]))
    if os.path.exists(SARIF_SCHEMA):
        errs = [e.message for e in jsonschema.Draft7Validator(json.load(open(SARIF_SCHEMA))).iter_errors(log)]
        check("sarif: valid against the SARIF 2.1.0 schema the multitool ships", not errs, "; ".join(errs[:3]))
    tool_ok = os.path.exists(SARIF_TOOL)
    check("sarif: the SARIF multitool is installed (scripts/setup.sh)", tool_ok, SARIF_TOOL)
    if tool_ok:
        out = os.path.join(tmp, "validation.sarif")
        env = dict(os.environ, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1")
        v = subprocess.run([SARIF_TOOL, "validate", sarif, "-o", out], capture_output=True, env=env)
        check("sarif-multitool validate ran", v.returncode == 0 and os.path.exists(out), v.stdout.decode()[-500:] + v.stderr.decode()[-500:])
        if os.path.exists(out):
            results = json.load(open(out, encoding="utf-8"))["runs"][0].get("results", [])
            bad = [x for x in results if x.get("level", "warning") == "error"]
            check("sarif-multitool validate: no errors", not bad, json.dumps(bad[:2], ensure_ascii=False)[:600])

# --- JUnit --------------------------------------------------------------------------------
r = run("check", REF, "--format", "junit")
root = ET.fromstring(r.stdout)
suite = root.find("testsuite")
cases = suite.findall("testcase")
check("junit: one testcase per project card, and one for the document", len(cases) == 9, str(len(cases)))
fails = root.findall(".//failure")
check("junit: a failure per finding at or above the threshold", len(fails) == 1 and fails[0].get("type") == "JX205")
r = run("check", REF, "--format", "junit", "--fail-on", "warning")
check("junit: --fail-on warning counts the warnings", len(ET.fromstring(r.stdout).findall(".//failure")) == sum(int(s.get("failures")) for s in ET.fromstring(r.stdout).findall("testsuite")) > 1)

# --- rules and their documentation --------------------------------------------------------
check("jixiao rules lists every rule", len(ids) >= 27 and ids == sorted(ids))
r = run("rules", "JX101")
check("jixiao rules JX101 explains it", r.returncode == 0 and "错误示例" in r.stdout.decode() and "正确示例" in r.stdout.decode())
check("jixiao rules JX999: exit 2", run("rules", "JX999").returncode == 2)
check("docs/rules.md is what `jixiao rules --markdown` prints (regenerate it when this fails)",
      open("docs/rules.md", encoding="utf-8").read() == run("rules", "--markdown").stdout.decode())

finish()
