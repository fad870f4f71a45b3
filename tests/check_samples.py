#!/usr/bin/python3
"""Every sample's JSON validates against schemas/ (python3-jsonschema, an independent validator)
and equals, field by field, the model samples/make_samples.py derived from the reference text.
Usage: check_samples.py PATH/TO/jixiao   (run from the source root)"""
import decimal
import glob
import hashlib
import json
import os
import subprocess

import jsonschema
import openpyxl

from suite import JIXIAO, check, finish, diff


def load(text):
    return json.loads(text, parse_float=decimal.Decimal)


schemas = {}
for f in glob.glob("schemas/*.schema.json"):
    s = json.load(open(f, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(s)
    schemas[os.path.basename(f)] = s
doc_validator = jsonschema.Draft202012Validator(schemas["document.schema.json"])
resolver = jsonschema.RefResolver.from_schema(
    schemas["batch.schema.json"], store={s["$id"]: s for s in schemas.values()})
batch_validator = jsonschema.Draft202012Validator(schemas["batch.schema.json"], resolver=resolver)

expected_files = sorted(glob.glob("samples/expected/*.json"))
check("there are samples with expected models", len(expected_files) >= 7, str(len(expected_files)))
inputs = []
# A sample is samples/<name>.docx, or (the other forms, samples/make_forms.py) the same document
# written by two writers, samples/<name>-docx.docx (python-docx) and <name>-lo.docx (LibreOffice):
# each must give the expected model.
cases = []
for exp in expected_files:
    name = os.path.basename(exp)[:-5]
    if os.path.exists(f"samples/{name}.docx"):
        cases.append((name, f"samples/{name}.docx", exp))
    else:
        writers = [f"samples/{name}-{w}.docx" for w in ("docx", "lo")]
        # The flat export exists only as a workbook: openpyxl's and LibreOffice Calc's.
        sheet_only = name == "form-flat"
        if not sheet_only:
            check(f"{name}: written by python-docx and by LibreOffice", all(os.path.exists(w) for w in writers))
        else:
            check(f"{name}: as workbooks by openpyxl and by LibreOffice Calc",
                  all(os.path.exists(f"samples/{name}-{w}.xlsx") for w in ("xlsx", "calc")))
        cases += [(os.path.basename(w)[:-5], w, exp) for w in writers if os.path.exists(w)]
        # The same form as a spreadsheet: openpyxl's one sheet, and LibreOffice Calc's where made.
        sheets = [f"samples/{name}-{w}.xlsx" for w in ("xlsx", "calc")]
        check(f"{name}: as a workbook written by openpyxl", os.path.exists(sheets[0]))
        cases += [(os.path.basename(w)[:-5], w, exp) for w in sheets if os.path.exists(w)]
check("the other forms have samples", sum(1 for n, _, _ in cases if n.startswith("form-")) >= 4)
check("workbooks by LibreOffice Calc among them", sum(1 for n, _, _ in cases if n.endswith("-calc")) >= 2)
for name, docx, exp in cases:
    inputs.append(docx)
    runs = [subprocess.run([JIXIAO, "convert", docx], capture_output=True) for _ in range(2)]
    r = runs[0]
    check(f"{name}: exit 0", r.returncode == 0, r.stderr.decode(errors="replace"))
    check(f"{name}: nothing on stderr", r.stderr == b"", r.stderr.decode(errors="replace"))
    check(f"{name}: same bytes on a second run", runs[0].stdout == runs[1].stdout)
    got = load(r.stdout.decode("utf-8"))
    errors = [e.message for e in doc_validator.iter_errors(json.loads(r.stdout))]
    check(f"{name}: valid against document.schema.json", not errors, "; ".join(errors[:3]))
    source = got.pop("source")
    check(f"{name}: source path", source["path"] == docx, source["path"])
    check(f"{name}: source sha256", source["sha256"] == hashlib.sha256(open(docx, "rb").read()).hexdigest())
    if docx.endswith(".xlsx"):
        # A workbook's locations name the sheet and cell too: each row's cell, read back with
        # openpyxl, is on the row that holds the indicator; then they are set aside to compare.
        ws_rows = {ws.title: ws for ws in openpyxl.load_workbook(docx).worksheets}
        rows = [i for p in got["projects"] for i in p["indicators"]] + got["department"]["indicators"]
        located = [i for i in rows if "sheet" in i["at"] and "cell" in i["at"]]
        check(f"{name}: every indicator's at names its sheet and cell", rows and len(located) == len(rows))
        wrong = []
        for i in located:
            ws = ws_rows[i["at"]["sheet"]]
            row = ws[i["at"]["cell"]].row
            texts = [str(c.value) for c in ws[row] if c.value is not None]
            if i["level3"] and i["level3"] not in texts:
                wrong.append(f'{i["at"]["cell"]}: {i["level3"]} not in {texts}')
        check(f"{name}: each indicator's cell is on its row of the sheet (openpyxl)", not wrong, "; ".join(wrong[:3]))
        if name.startswith("form-flat"):
            # The flat export: each row's 项目编码 column holds its project's code (merged down or
            # repeated), read back with openpyxl through the merged ranges.
            strays = []
            for p in got["projects"]:
                for i in p["indicators"]:
                    ws = ws_rows[i["at"]["sheet"]]
                    row = ws[i["at"]["cell"]].row
                    code = next((ws.cell(m.min_row, m.min_col).value for m in ws.merged_cells.ranges
                                 if m.min_col == 3 and m.min_row <= row <= m.max_row), ws.cell(row, 3).value)
                    if code != p["code"]:
                        strays.append(f'{i["at"]["cell"]}: {code} under {p["code"]}')
            check(f"{name}: each indicator's row carries its project's code (openpyxl)", not strays, "; ".join(strays[:3]))
        for i in rows:
            i["at"].pop("sheet", None), i["at"].pop("cell", None)
        for w in got["warnings"]:
            if w["at"]:
                w["at"].pop("sheet", None), w["at"].pop("cell", None)
    d = diff(got, load(open(exp, encoding="utf-8").read()))
    check(f"{name}: equals the expected model field by field", not d, "\n      ".join([""] + d[:20]))
    en = subprocess.run([JIXIAO, "--lang", "en", "convert", docx], capture_output=True)
    check(f"{name}: --lang en gives valid JSON too",
          en.returncode == 0 and not list(doc_validator.iter_errors(json.loads(en.stdout))))

batch = subprocess.run([JIXIAO, "convert"] + inputs, capture_output=True)
check("batch: exit 0", batch.returncode == 0, batch.stderr.decode(errors="replace"))
b = json.loads(batch.stdout)
errors = [e.message for e in batch_validator.iter_errors(b)]
check("batch: valid against batch.schema.json", not errors, "; ".join(errors[:3]))
check("batch: one document per input, in input order",
      [d["source"]["path"] for d in b["documents"]] == inputs)

finish()
