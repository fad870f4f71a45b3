#!/usr/bin/python3
"""The flat export (one row per indicator, the project's columns on each row), in the layouts the
budget systems and the offices write it, made here with openpyxl: project columns written on the
first row only, a name-only export with its columns in another order, a header repeated after a
page break, a project whose name repeats under a new code, blank rows inside a project and between
two.
Each is grouped into the projects it holds, in order, with every indicator in its project.
Usage: check_flat.py PATH/TO/jixiao   (run from the source root)"""
import json
import os
import tempfile

import jsonschema
import openpyxl

from suite import check, finish, run

SCHEMA = jsonschema.Draft202012Validator(json.load(open("schemas/document.schema.json", encoding="utf-8")))
REPORT = jsonschema.Draft202012Validator(json.load(open("schemas/report.schema.json", encoding="utf-8")))

PROJECTS = [
    ("3010010001", "农业技术推广", [["产出指标", "数量指标", "培训人数", "≥500", "人"],
                                    ["产出指标", "质量指标", "合格率", "≥95", "%"],
                                    ["效益指标", "社会效益指标", "农民增收", "明显", ""]]),
    ("3010010002", "公路养护", [["产出指标", "数量指标", "养护里程", "120", "公里"],
                                ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90", "%"]]),
    ("3010010003", "公路养护", [["产出指标", "时效指标", "完成时间", "2024年11月底前", ""]]),
]


def write(path, header, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "05-2"
    ws.append(["2024年部门项目支出绩效目标表"])
    ws.append(["单位：万元"])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)


def model_of(path):
    r = run("convert", path)
    check(f"{os.path.basename(path)}: exit 0", r.returncode == 0, r.stderr.decode()[-300:])
    m = json.loads(r.stdout) if r.returncode == 0 else {"projects": []}
    check(f"{os.path.basename(path)}: valid against document.schema.json", r.returncode != 0 or SCHEMA.is_valid(m))
    return m


def grouped(m):
    return [(p["code"], p["name"], [i["level3"] for i in p["indicators"]]) for p in m["projects"]]


WANT = [(c, n, [r[2] for r in rows]) for c, n, rows in PROJECTS]

with tempfile.TemporaryDirectory() as tmp:
    # 1. The project's columns on its first row only, blank below (not merged).
    header = ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标值", "计量单位"]
    rows = []
    for code, name, inds in PROJECTS:
        for k, r in enumerate(inds):
            rows.append(([code, name] if k == 0 else [None, None]) + r)
    path = os.path.join(tmp, "first-row-only.xlsx")
    write(path, header, rows)
    m = model_of(path)
    check("first row only: three projects, each with its own indicators, in order", grouped(m) == WANT, str(grouped(m)))
    check("first row only: the amount unit from the line above applies to every project",
          [p["amount_unit"] for p in m["projects"]] == ["万元"] * 3)
    check("first row only: each indicator's row counted in the table (header row 1)",
          [i["at"]["row"] for p in m["projects"] for i in p["indicators"]] == list(range(2, 8)))
    check("first row only: 指标值 and 计量单位 read as in a Word table",
          m["projects"][0]["indicators"][0]["value"] == {"text": "≥500", "op": ">=", "number": 500, "unit": "人", "grade": None},
          str(m["projects"][0]["indicators"][0]["value"]))

    # 2. Name only, the columns in another order; a project's name repeated on each row.
    header = ["三级指标", "指标值", "项目名称", "一级指标", "二级指标", "备注"]
    rows = [[r[2], r[3], name, r[0], r[1], ""] for _, name, inds in PROJECTS[:2] for r in inds]
    path = os.path.join(tmp, "name-only.xlsx")
    write(path, header, rows)
    m = model_of(path)
    check("name only, columns reordered: two projects grouped by name",
          grouped(m) == [(None, n, l) for _, n, l in WANT[:2]], str(grouped(m)))

    # 3. A header repeated after a page break; a project whose name repeats under a new code is a
    # new project.
    header = ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标值", "计量单位"]
    rows = []
    for k, (code, name, inds) in enumerate(PROJECTS):
        if k == 1:
            rows.append(header)
        rows += [[code, name] + r for r in inds]
    path = os.path.join(tmp, "repeated-header.xlsx")
    write(path, header, rows)
    m = model_of(path)
    check("a header repeated mid-table is skipped; the same name under a new code is a new project",
          grouped(m) == WANT, str(grouped(m)))

    # 4. Blank rows, which end a table on a sheet: one inside the first project (the rows below
    # it have no project columns: they go on with it), one between two projects. The rows after a
    # blank row are read under the header above.
    rows = []
    for code, name, inds in PROJECTS:
        for k, r in enumerate(inds):
            rows.append(([code, name] if k == 0 else [None, None]) + r)
            if (code, k) in (("3010010001", 1), ("3010010002", 1)):
                rows.append([None] * len(header))
    path = os.path.join(tmp, "blank-rows.xlsx")
    write(path, header, rows)
    m = model_of(path)
    check("blank rows: the rows after them go on with their project, or start the next",
          grouped(m) == WANT, str(grouped(m)))
    check("blank rows: the first project's indicators come from two tables",
          m["projects"] and m["projects"][0]["at"]["indicator_tables"] == [1, 2], str(m["projects"][:1] and m["projects"][0]["at"]))
    check("blank rows: no table skipped as not a form", not [w for w in m["warnings"] if "不是绩效目标表" in w["message"]],
          str(m["warnings"]))
    cells = [i["at"]["cell"] for p in m["projects"] for i in p["indicators"]]
    check("blank rows: each indicator's cell is on its own sheet row", cells == ["A4", "A5", "A7", "A8", "A9", "A11"], str(cells))

    # 5. check on a flat export: findings name the cell of the row; no field the export lacks
    # (预算数, the spending schedule) is asked for.
    r = run("check", path, "--format", "json")
    report = json.loads(r.stdout)
    rules = sorted({f["rule"] for f in report["files"][0]["findings"]})
    check("check: a valid report", REPORT.is_valid(report))
    check("check: nothing asked that a flat export has no column for (JX002)", "JX002" not in rules, str(rules))
    cells = [f["at"]["cell"] for f in report["files"][0]["findings"] if f.get("at") and "cell" in f["at"]]
    check("check: findings cite cells", cells, json.dumps(report)[:300])

    # 6. Not a flat export: an indicator table without project columns, under a card, is read as
    # before (the samples test that), and a header with 项目名称 but no indicator rows yields no project.
    path = os.path.join(tmp, "header-only.xlsx")
    write(path, header, [])
    r = run("convert", path)
    check("a flat header with no rows: no form in it, exit 2", r.returncode == 2 and "没有找到绩效目标表" in r.stderr.decode(),
          r.stderr.decode()[:200])

finish()
