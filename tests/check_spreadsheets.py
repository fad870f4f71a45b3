#!/usr/bin/python3
"""CSV and XLSX read back by programs this project did not write: python3-openpyxl, Python's
csv module and LibreOffice Calc. Same rows, same numbers (as numbers), same text as the model.
Usage: check_spreadsheets.py PATH/TO/jixiao   (run from the source root)"""
import csv
import decimal
import glob
import io
import json
import os
import subprocess
import tempfile

import openpyxl

from suite import check, finish, run

SAMPLES = ["samples/beixinbao-2021.docx", "samples/fullwidth-amounts.docx", "samples/formula-cells.docx"]


def model(path):
    return json.loads(run("convert", path).stdout, parse_float=decimal.Decimal)


def safe(text):
    return "'" + text if text and text[0] in "=+-@\t\r" else text


def dec(v):
    return None if v is None else decimal.Decimal(str(v))


docs = [model(p) for p in SAMPLES]
indicators = [(d["source"]["path"], p, i) for d in docs for p in d["projects"] for i in p["indicators"]]
projects = [(d["source"]["path"], p) for d in docs for p in d["projects"]]

with tempfile.TemporaryDirectory() as tmp:
    # --- XLSX through openpyxl ------------------------------------------------------------
    out = os.path.join(tmp, "汇总.xlsx")
    r = run("convert", *SAMPLES, "--to", "xlsx", "-o", out, "--with-findings")
    check("xlsx: exit 0", r.returncode == 0, r.stderr.decode())
    wb = openpyxl.load_workbook(out)
    check("xlsx: sheets 项目, 指标, 问题", wb.sheetnames == ["项目", "指标", "问题"], str(wb.sheetnames))
    ws = wb["指标"]
    header = [c.value for c in ws[1]]
    check("xlsx: indicator headers", header[:6] == ["来源文件", "单位编码", "单位名称", "项目序号", "项目编码", "项目名称"]
          and header[6:] == ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "比较符", "数值", "计量单位", "等级", "指标值确定依据"], str(header))
    check("xlsx: bold header", all(c.font.bold for c in ws[1]))
    check("xlsx: header row frozen", ws.freeze_panes == "A2", str(ws.freeze_panes))
    check("xlsx: autofilter over the table", ws.auto_filter.ref == f"A1:P{len(indicators) + 1}", str(ws.auto_filter.ref))
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    check("xlsx: one row per indicator", len(rows) == len(indicators), f"{len(rows)} vs {len(indicators)}")
    same = True
    for row, (src, p, i) in zip(rows, indicators):
        want = [src, (p["unit"] or {}).get("code") or None, (p["unit"] or {}).get("name"), p["seq"], p["code"], p["name"],
                i["level1"], i["level2"], i["level3"], i["description"], i["value"]["text"], i["value"]["op"],
                i["value"]["number"], i["value"]["unit"], i["value"]["grade"], i["basis"]]
        got = list(row)
        got[12] = dec(got[12])
        want = [None if w == "" else w for w in want]
        if got != want:
            same = False
            print("   ", got, "\n   ", want)
            break
    check("xlsx: every indicator cell equals the model (text exactly, numbers as numbers)", same)
    numeric = [c for c in ws["M"][1:] if c.value is not None]
    check("xlsx: 数值 cells are numeric", numeric and all(c.data_type == "n" for c in numeric))
    ws = wb["项目"]
    header = [c.value for c in ws[1]]
    check("xlsx: project headers, periods as written", header[6:11] == ["金额单位", "预算数", "财政资金", "其他资金", "资金用途"]
          and header[11:15] == ["3月底", "6月底", "10月底", "12月底"] and header[-2:] == ["绩效目标", "指标数"], str(header))
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    check("xlsx: one row per project", len(rows) == len(projects))
    ok = all(dec(row[7]) == p["budget"]["total"] and dec(row[8]) == p["budget"]["fiscal"] and dec(row[9]) == p["budget"]["other"]
             and row[5] == p["name"] and row[-1] == len(p["indicators"]) and row[-2] == "\n".join(p["goals"])
             for row, (src, p) in zip(rows, projects))
    check("xlsx: amounts, names, goals, counts equal the model", ok)
    cell = ws["H2"]
    check("xlsx: amounts are numbers formatted 0.00", cell.data_type == "n" and cell.number_format == "0.00", f"{cell.data_type} {cell.number_format}")
    total = sum(dec(r[7]) for r in rows if r[0] == SAMPLES[0])
    check("xlsx: the reference's budgets add up to 326.46", total == decimal.Decimal("326.46"), str(total))
    check("xlsx: a long text column wraps", ws["K2"].alignment.wrap_text)
    check("xlsx: widths fit the content", 10 < ws.column_dimensions["F"].width <= 52, str(ws.column_dimensions["F"].width))
    formula = [r for r in rows if r[0] == SAMPLES[2]][0]
    check("xlsx: a name beginning with = is a text cell, exactly as written",
          formula[5] == docs[2]["projects"][0]["name"] and ws.cell(row=rows.index(formula) + 2, column=6).data_type == "s")
    check("xlsx: 问题 holds the findings", wb["问题"].max_row > 10 and [c.value for c in wb["问题"][1]][:4] == ["来源文件", "规则", "名称", "级别"])
    again = os.path.join(tmp, "again.xlsx")
    run("convert", *SAMPLES, "--to", "xlsx", "-o", again, "--with-findings")
    check("xlsx: same bytes for the same input", open(out, "rb").read() == open(again, "rb").read())
    back = run("convert", out)
    check("xlsx: jixiao's own export read back is refused (exit 2), saying what it is",
          back.returncode == 2 and "jixiao 导出的汇总表" in back.stderr.decode() and out in back.stderr.decode(),
          back.stderr.decode(errors="replace") + f" (exit {back.returncode})")
    en = os.path.join(tmp, "en.xlsx")
    run("convert", SAMPLES[0], "--to", "xlsx", "-o", en, "--headers", "en")
    check("xlsx: --headers en uses the JSON key names",
          [c.value for c in openpyxl.load_workbook(en)["指标"][1]][6:9] == ["level1", "level2", "level3"])

    # --- XLSX through LibreOffice Calc ------------------------------------------------------
    lo = os.path.join(tmp, "lo")
    os.makedirs(lo)
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", lo, out],
                   capture_output=True, timeout=180)
    produced = glob.glob(os.path.join(lo, "*.csv"))
    check("LibreOffice converts the XLSX to CSV", len(produced) == 1, str(produced))
    if produced:
        lo_rows = list(csv.reader(open(produced[0], encoding="utf-8", newline="")))
        check("LibreOffice: the first sheet is 项目 with every project", len(lo_rows) == len(projects) + 1 and lo_rows[0][4] == "项目编码")
        check("LibreOffice: the same codes, names and amounts",
              all(row[4] == (p["code"] or "") and row[5] == (p["name"] or "") and decimal.Decimal(row[7]) == p["budget"]["total"]
                  for row, (src, p) in zip(lo_rows[1:], projects)))

    # --- CSV through Python's csv module ----------------------------------------------------
    r = run("convert", *SAMPLES, "--to", "csv")
    data = r.stdout
    check("csv: UTF-8 with a BOM by default", data.startswith(b"\xef\xbb\xbf"))
    check("csv: CRLF line ends", data.count(b"\r\n") == len(indicators) + 1)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    check("csv: indicator table by default, one row per indicator", len(rows) == len(indicators) + 1 and rows[0][6] == "一级指标")
    ok = True
    for row, (src, p, i) in zip(rows[1:], indicators):
        want = [src, (p["unit"] or {}).get("code", ""), (p["unit"] or {}).get("name", ""), str(p["seq"]), p["code"], p["name"],
                i["level1"], i["level2"], i["level3"], i["description"], i["value"]["text"], i["value"]["op"] or "",
                i["value"]["number"], i["value"]["unit"] or "", i["value"]["grade"] or "", i["basis"]]
        want = [safe(w) if isinstance(w, str) and k != 3 else w for k, w in enumerate(want)]
        got = list(row)
        got[12] = decimal.Decimal(got[12]) if got[12] else None
        if got != want:
            ok = False
            print("   ", got, "\n   ", want)
            break
    check("csv: every cell equals the model; formula-like text prefixed with '", ok)
    check("csv: the injection cells are neutralised", any(r[8] == "'=1+1" for r in rows) and any(r[15] == "'@镇级确定" for r in rows)
          and any(r[9] == "'\t确保稳定" for r in rows) and any(r[15] == "'+年度计划" for r in rows))
    r = run("convert", SAMPLES[0], "--to", "csv", "--table", "projects", "--encoding", "utf-8")
    check("csv: --encoding utf-8 has no BOM", not r.stdout.startswith(b"\xef\xbb\xbf"))
    prow = list(csv.reader(io.StringIO(r.stdout.decode("utf-8"), newline="")))
    check("csv: --table projects", prow[0][4] == "项目编码" and len(prow) == 9 and prow[2][7] == "133.38")
    r = run("convert", SAMPLES[0], "--to", "csv", "--encoding", "gb18030")
    check("csv: --encoding gb18030 decodes as GB18030", r.stdout.decode("gb18030").startswith("来源文件,"))
    r = run("convert", SAMPLES[0], "--to", "csv", "--headers", "en")
    check("csv: --headers en", r.stdout.decode("utf-8-sig").startswith("source,unit_code,unit_name,seq,code,name,level1"))

    # --- the other forms' columns --------------------------------------------------------
    # Their fields under their display names; money lines by the labels they were written with;
    # 项目负责人 and 联系电话 only with --with-contacts. The reference form's tables keep their
    # columns (checked above).
    FORMS = ["samples/form-application-lo.docx", "samples/form-department-docx.docx", "samples/form-yuan-dates-lo.docx"]
    fdocs = [model(p) for p in FORMS]

    def table(*args):
        r = run("convert", *FORMS, "--to", "csv", *args)
        check(f"forms csv {' '.join(args)}: exit 0", r.returncode == 0, r.stderr.decode())
        rows = list(csv.reader(io.StringIO(r.stdout.decode("utf-8-sig"), newline="")))
        return [dict(zip(rows[0], row)) for row in rows[1:]], rows[0]

    prows, head = table("--table", "projects")
    check("forms csv: the card columns by display name",
          all(h in head for h in ("主管部门", "主管部门编码", "实施单位", "项目属性", "项目起止时间", "计划开始日期", "计划完成日期",
                                  "项目类别", "长期目标", "项目资金总额", "自有资金", "上年结转资金")), head)
    check("forms csv: no contact columns by default", "项目负责人" not in head and "联系电话" not in head
          and not any("0912-1234567" in v for r in prows for v in r.values()))
    cards = [(d["source"]["path"], p) for d in fdocs for p in d["projects"]]
    check("forms csv: one row per card", len(prows) == len(cards), f"{len(prows)} vs {len(cards)}")
    ok = True
    for row, (path, p) in zip(prows, cards):
        want = {"主管部门": (p["authority"] or {}).get("name") or "", "实施单位": p["implementer"] or "",
                "项目属性": p["attribute"] or "", "项目起止时间": (p["period"] or {}).get("text") or "",
                "计划完成日期": (p["period"] or {}).get("end") or "", "长期目标": "\n".join(p["long_term_goals"] or [])}
        for item in p["budget"]["items"]:
            if item["label"] in head:
                want[item["label"]] = str(item["amount"]) if item["amount"] is not None else ""
        bad = {k: (row.get(k), v) for k, v in want.items() if row.get(k) != v}
        if bad:
            ok = False
            print("   ", path, p["seq"], bad)
    check("forms csv: every card's fields and money lines equal the model", ok)
    crows, chead = table("--table", "projects", "--with-contacts")
    check("forms csv --with-contacts: 项目负责人 and 联系电话 as in the model",
          [(r["项目负责人"], r["联系电话"]) for r in crows] ==
          [((p["contact"] or {}).get("person") or "", (p["contact"] or {}).get("phone") or "") for _, p in cards]
          and ("张三", "0912-1234567") in [(r["项目负责人"], r["联系电话"]) for r in crows])
    irows, ihead = table()
    check("forms csv: the indicator columns by display name",
          all(h in ihead for h in ("指标性质", "度量单位", "指标解释", "评(扣)分标准", "备注", "指标期限")), ihead)
    dept = fdocs[1]["department"]["indicators"]
    drows = [r for r in irows if r["来源文件"] == FORMS[1]]
    check("forms csv: the department's own rows, with their columns",
          [(r["三级指标"], r["指标值"], r["度量单位"], r["指标解释"], r["评(扣)分标准"]) for r in drows] ==
          [(i["level3"], i["value"]["text"], i["measure_unit"] or "", i["explanation"] or "", i["scoring"] or "") for i in dept]
          and len(drows) == 5, str(drows[:2]))
    xout = os.path.join(tmp, "forms.xlsx")
    r = run("convert", *FORMS, "--to", "xlsx", "-o", xout)
    wb = openpyxl.load_workbook(xout)
    sheet = wb["项目"]
    xhead = [c.value for c in sheet[1]]
    check("forms xlsx (openpyxl): the card columns, no contacts", "实施单位" in xhead and "联系电话" not in xhead, xhead)
    col = xhead.index("上年结转资金")
    amounts = [row[col].value for row in sheet.iter_rows(min_row=2)]
    check("forms xlsx: 上年结转资金 a number where the card has it", 200000 in amounts, amounts)
    r = run("convert", *FORMS, "--to", "xlsx", "--with-contacts", "-o", xout)
    xhead = [c.value for c in openpyxl.load_workbook(xout)["项目"][1]]
    check("forms xlsx --with-contacts: the contact columns", "项目负责人" in xhead and "联系电话" in xhead, xhead)

    # --- safety ---------------------------------------------------------------------------
    target = os.path.join(tmp, "失败.xlsx")
    r = run("convert", "tests/fixtures/bad/empty.docx", "--to", "xlsx", "-o", target)
    check("a failed run leaves no file under the final name", r.returncode == 2 and not os.path.exists(target))
    check("no temporary files left beside outputs", not [f for f in os.listdir(tmp) if "jixiao-tmp" in f])

finish()
