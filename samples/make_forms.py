#!/usr/bin/python3
"""Samples of the other provinces' forms and of the 2021 framework, each written by two independent
writers — python-docx, and LibreOffice's Writer from HTML — with the model jixiao must yield,
written here from the same data without jixiao's code (samples/expected/<name>.json).

Families (see ../shared/reference/forms.md):
  form-2021-framework   indicator-property form: 主管部门, 实施单位, 项目资金（万元）over
                        年度资金总额 / 其中：财政拨款 / 其他资金, 年度绩效目标; columns 指标性质,
                        度量单位, 权重, 指标解释; 成本指标 as a first level; units in brackets
  form-department       department-level target table: *部门(单位)职责, *年度总体绩效目标, columns
                        指标值类型, *指标值, 计量单位, *指标解释, *评(扣)分标准, 备注; no cards
  form-application      application form with long-term and annual targets: 项目属性 with ticked
                        boxes, 主管部门编码, 项目负责人, 联系电话, 项目起止时间, 项目资金申请（万元）
                        over six money lines, 长期目标 and 年度目标, 长期/年度绩效指标 tables with
                        指标内容 and 备注
  form-yuan-dates       a form in 元 with dates: 项目性质, 项目类别, 计划开始/完成日期, 项目资金（元）
                        with thousands separators, 项目资金总额 beside the year's figures,
                        项目总目标 and 年度总体目标
Each is written as <name>-docx.docx (python-docx) and <name>-lo.docx (LibreOffice from
samples/src/<name>.html); both must yield the same model, apart from where the tables stand.
The same forms as spreadsheets: <name>-xlsx.xlsx (openpyxl, one sheet) and, for the families whose
amounts LibreOffice's HTML import keeps as written, <name>-calc.xlsx (LibreOffice Calc from the
same HTML); they yield the same model too.

Usage: /usr/bin/python3 samples/make_forms.py [--expected-only]"""
import copy
import decimal
import os
import re
import shutil
import sys

import docx
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_samples import esc, libreoffice, num, write_expected, write_text  # noqa: E402

SRC = os.path.join(HERE, "src")
WRITE_DOCX = "--expected-only" not in sys.argv

# ---------------------------------------------------------------------------------------------
# A document as blocks: ("title", text), ("heading", text), ("para", text), ("table", rows); a row
# is a list of cells, each (text, colspan, rowspan) or text; a cell covered by a rowspan from above
# is not listed.


def cell(c):
    return (c, 1, 1) if isinstance(c, str) else (c[0], c[1] if len(c) > 1 else 1, c[2] if len(c) > 2 else 1)


def grid(rows):
    """Each row's cells with the grid column each starts at; the table's width."""
    taken, placed, width = {}, [], 0
    for r, row in enumerate(rows):
        col, out = 0, []
        for c in row:
            text, cs, rs = cell(c)
            while (r, col) in taken:
                col += 1
            out.append((col, text, cs, rs))
            for dr in range(rs):
                for dc in range(cs):
                    taken[(r + dr, col + dc)] = True
            col += cs
            width = max(width, col)
        placed.append(out)
    return placed, width


def html(blocks):
    parts = ['<html><head><meta charset="utf-8"><title>绩效目标</title></head><body>']
    for kind, body in blocks:
        if kind == "title":
            parts.append(f"<h1>{esc(body)}</h1>")
        elif kind == "heading":
            parts.append(f"<h2>{esc(body)}</h2>")
        elif kind == "para":
            parts.append(f"<p>{esc(body)}</p>")
        else:
            rows = []
            for row in body:
                tds = []
                for c in row:
                    text, cs, rs = cell(c)
                    attrs = (f' colspan="{cs}"' if cs > 1 else "") + (f' rowspan="{rs}"' if rs > 1 else "")
                    paras = "".join(f"<p>{esc(x)}</p>" for x in text.split("\n")) or "<p></p>"
                    tds.append(f"<td{attrs}>{paras}</td>")
                rows.append("<tr>" + "".join(tds) + "</tr>")
            parts.append('<table border="1" cellspacing="0">' + "".join(rows) + "</table><p>&#160;</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def python_docx(blocks, path):
    doc = docx.Document()
    for kind, body in blocks:
        if kind == "title":
            doc.add_heading(body, level=1)
        elif kind == "heading":
            doc.add_heading(body, level=2)
        elif kind == "para":
            doc.add_paragraph(body)
        else:
            placed, width = grid(body)
            t = doc.add_table(rows=len(body), cols=width)
            t.style = "Table Grid"
            for r, row in enumerate(placed):
                for col, text, cs, rs in row:
                    target = t.cell(r, col)
                    if cs > 1 or rs > 1:
                        target = target.merge(t.cell(r + rs - 1, col + cs - 1))
                    lines = text.split("\n")
                    target.text = lines[0]
                    for line in lines[1:]:
                        target.add_paragraph(line)
            doc.add_paragraph("")
    doc.save(path)


def openpyxl_sheet(blocks, path):
    """The document laid on one sheet as an office lays a form in Excel: a title or a paragraph
    on a row of its own, each table's grid with its merged cells, a blank row after a table."""
    wb = openpyxl.Workbook()
    ws = wb.active
    r = 1
    for kind, body in blocks:
        if kind != "table":
            ws.cell(row=r, column=1, value=body)
            r += 1
            continue
        placed, _ = grid(body)
        for i, row in enumerate(placed):
            for col, text, cs, rs in row:
                ws.cell(row=r + i, column=col + 1, value=text or None)
                if cs > 1 or rs > 1:
                    ws.merge_cells(start_row=r + i, start_column=col + 1, end_row=r + i + rs - 1, end_column=col + cs)
        r += len(placed) + 1
    wb.save(path)


# LibreOffice Calc's HTML import reads "150.00" or "1,250,000.00" as a number and shows it
# plainly: only the families whose amounts are written plainly give the same model from it.
CALC_SAME = {"form-department", "form-application"}


def write_sheets(name, blocks):
    """<name>-xlsx.xlsx (openpyxl) and, where it shows the same text, <name>-calc.xlsx
    (LibreOffice Calc from samples/src/<name>.html): spreadsheets of the same form."""
    openpyxl_sheet(blocks, os.path.join(HERE, name + "-xlsx.xlsx"))
    if name in CALC_SAME:
        libreoffice(os.path.join(SRC, name + ".html"), os.path.join(HERE, name + "-calc.xlsx"),
                    "Calc MS Excel 2007 XML", "HTML (StarCalc)")
        write_legacy_sheets(name)


def write_legacy_sheets(name):
    """samples/legacy-sheets/<name>-calc.xls, .et and .ods: the same form saved by LibreOffice Calc
    as Excel 97-2003 and OpenDocument, which jixiao reads through LibreOffice. The .et is the .xls
    under WPS 表格's name (WPS saves .et in the same BIFF8 compound file; no WPS runs here)."""
    out = os.path.join(HERE, "legacy-sheets")
    os.makedirs(out, exist_ok=True)
    src = os.path.join(SRC, name + ".html")
    libreoffice(src, os.path.join(out, name + "-calc.xls"), "MS Excel 97", "HTML (StarCalc)")
    libreoffice(src, os.path.join(out, name + "-calc.ods"), "calc8", "HTML (StarCalc)")
    if WRITE_DOCX:
        shutil.copyfile(os.path.join(out, name + "-calc.xls"), os.path.join(out, name + "-calc.et"))


def write_both(name, blocks, model):
    if WRITE_DOCX:
        python_docx(blocks, os.path.join(HERE, name + "-docx.docx"))
        src = os.path.join(SRC, name + ".html")
        write_text(src, html(blocks))
        libreoffice(src, os.path.join(HERE, name + "-lo.docx"))
        write_sheets(name, blocks)
    write_expected(name, model)


# ---------------------------------------------------------------------------------------------
# The model's pieces, as jixiao must write them

OPS = {"≥": ">=", "≤": "<=", "=": "=", ">": ">", "<": "<"}
NULL_CARD = {"authority": None, "implementer": None, "attribute": None, "category": None, "period": None,
             "contact": None, "long_term_goals": None}


def value(text, nature=None, unit_column=None, name=""):
    """指标值 read: a number with its comparison (from the text, else from 指标性质) and its unit
    (from the text, else the unit column, else brackets after the name)."""
    v = {"text": text, "op": None, "number": None, "unit": None, "grade": None}
    m = re.match(r"^(≥|≤|>|<|=)?(\d+(?:\.\d+)?)(.*)$", text)
    if m and not re.match(r"^\d{4}年", text) and not re.match(r"^\d{1,2}月[底末份前0-9]", text):
        v["op"], v["number"], v["unit"] = OPS.get(m.group(1)), num(m.group(2)), m.group(3) or None
    if v["op"] is None and nature in OPS:
        v["op"] = OPS[nature]
    if v["unit"] is None:
        if unit_column:
            v["unit"] = unit_column
        else:
            b = re.search(r"[(（]([^()（）\d*]{1,6})[)）]$", name)
            v["unit"] = b.group(1) if b else None
    return v


def document(year, projects, **department):
    """A document's expected model: its cards, and its department part (null where not given)."""
    dept = {"overall_goal": None, "sub_goals": None, "safeguards": None, "name": None, "duties": None, "indicators": []}
    dept.update(department)
    return {"schema": "jixiao.document/1", "year": year, "department": dept, "projects": projects, "warnings": []}


def indicator(at, level1, level2, level3, val, **extra):
    row = {"level1": level1, "level2": level2, "level3": level3, "description": "", "value": val, "basis": "",
           "at": {"table": at[0], "row": at[1]}, "term": None, "nature": None, "measure_unit": None, "weight": None,
           "explanation": None, "scoring": None, "note": None}
    row.update(extra)
    return row


def goals_of(lines):
    return [re.sub(r"^\d+[.、]", "", g) for g in lines], [int(re.match(r"^(\d+)", g).group(1)) for g in lines]


# ---------------------------------------------------------------------------------------------
# 1. The indicator-property form of the 2021 framework

FRAMEWORK_PROJECTS = [
    {"name": "高素质农民培育项目", "authority": "某县农业农村局", "implementer": "某县农业技术推广中心",
     "total": "150.00", "fiscal": "120.00", "other": "30.00",
     "goals": ["1.培训高素质农民500人", "2.提升农民生产经营能力"],
     "rows": [["成本指标", "经济成本指标", "人均培训成本(元)", "≤", "3000", "元", "10", "按实际培训人数核算"],
              ["产出指标", "数量指标", "培训参加人数(人)", "≥", "500", "人", "20", "以培训签到表为准"],
              ["产出指标", "质量指标", "培训合格率", "≥", "95", "%", "20", "考核合格人数/参训人数"],
              ["产出指标", "时效指标", "培训完成时间", "定性", "2023年10月底前", "", "10", "培训结束日期"],
              ["效益指标", "社会效益指标", "农民生产技能", "定性", "明显提升", "", "20", "抽查评估"],
              ["满意度指标", "服务对象满意度指标", "受训学员满意度(%)", "≥", "90", "", "20", "问卷调查"]]},
    {"name": "农村公路养护项目", "authority": "某县交通运输局", "implementer": "某县公路养护中心",
     "total": "80.5", "fiscal": "80.5", "other": "0",
     "goals": ["1.完成县乡道日常养护120公里"],
     "rows": [["成本指标", "经济成本指标", "每公里养护成本", "≤", "0.67", "万元", "15", "预算数/养护里程"],
              ["产出指标", "数量指标", "养护里程", "=", "120", "公里", "25", "养护台账"],
              ["产出指标", "质量指标", "路况优良率", "≥", "85%", "", "20", "路况检测"],
              ["效益指标", "社会效益指标", "群众出行条件", "定性", "持续改善", "", "20", ""],
              ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥", "90", "%", "20", "问卷调查"]]},
]
FRAMEWORK_HEADER = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标解释"]


def framework():
    blocks = [("title", "2023年度项目支出绩效目标")]
    projects, table = [], 0
    for k, p in enumerate(FRAMEWORK_PROJECTS):
        heading = f"{k + 1}、{p['name']}绩效目标表"
        blocks.append(("heading", heading))
        card = [["项目名称", (p["name"], 5)],
                ["主管部门", (p["authority"], 2), "实施单位", (p["implementer"], 2)],
                [("项目资金（万元）", 1, 2), "年度资金总额", ("其中：财政拨款", 2), ("其他资金", 2)],
                [p["total"], (p["fiscal"], 2), (p["other"], 2)],
                ["年度绩效目标", ("\n".join(p["goals"]), 5)]]
        rows = [FRAMEWORK_HEADER]
        for n, r in enumerate(p["rows"]):
            first = n == 0 or p["rows"][n - 1][0] != r[0]
            span = 1
            while first and n + span < len(p["rows"]) and p["rows"][n + span][0] == r[0]:
                span += 1
            rows.append(([(r[0], 1, span)] if first else []) + r[1:])
        blocks += [("table", card), ("table", rows)]
        table += 2
        goals, numbers = goals_of(p["goals"])
        items = [{"label": l, "amount": num(p[k2]), "text": p[k2]}
                 for l, k2 in (("年度资金总额", "total"), ("其中：财政拨款", "fiscal"), ("其他资金", "other"))]
        project = {
            "seq": k + 1, "heading": {"number": f"{k + 1}、", "text": f"{p['name']}绩效目标表"}, "unit": None,
            "amount_unit": "万元", "code": None, "name": p["name"],
            "budget": {"total": num(p["total"]), "fiscal": num(p["fiscal"]), "other": num(p["other"]),
                       "written": {"total": p["total"], "fiscal": p["fiscal"], "other": p["other"]},
                       "items": items, "project_total": None},
            "purpose": None, "schedule": [], "goals": goals, "goal_numbers": numbers,
            "indicators": [indicator((table, n + 2), r[0], r[1], r[2], value(r[4], r[3], r[5], r[2]),
                                     nature=r[3], measure_unit=r[5], weight={"number": num(r[6]), "text": r[6]},
                                     explanation=r[7]) for n, r in enumerate(p["rows"])]}
        project.update(NULL_CARD)
        project.update(authority={"code": None, "name": p["authority"]}, implementer=p["implementer"],
                       at={"table": table - 1, "indicator_tables": [table]})
        projects.append(project)
    return blocks, document(2023, projects)


# ---------------------------------------------------------------------------------------------
# 3. The department-level target table (整体绩效目标表)

DEPARTMENT = {
    "name": "某区某局", "duties": "负责全区某项行政管理和公共服务工作。",
    "goal": "1.保障机关正常运转\n2.完成年度重点工作任务",
    "rows": [["产出指标", "数量指标", "业务工作支出安排金额", "定量", "28.8万元", "%", "按年度预算安排", "未达指标值酌情扣分", ""],
             ["产出指标", "时效指标", "工作安排时间", "定量", "按月安排", "月", "按月安排工作", "未达指标值酌情扣分", ""],
             ["成本指标", "社会成本指标", "社会成本指标", "定量", "100", "%", "无负面社会影响", "未达指标值酌情扣分", ""],
             ["效益指标", "社会效益指标", "保证单位正常运转", "定性", "应保尽保", "%", "保障运转", "未达指标值酌情扣分", "重点指标"],
             ["满意度指标", "服务对象满意度指标", "服务对象满意度", "定量", "≥90", "%", "问卷调查", "未达指标值酌情扣分", ""]],
}
DEPARTMENT_HEADER = ["一级指标", "二级指标", "三级指标", "指标值类型", "*指标值", "计量单位", "*指标解释",
                     "*评(扣)分标准", "备注"]


def department():
    d = DEPARTMENT
    table = [["部门(单位)名称", (d["name"], 8)],
             ["*部门(单位)职责", (d["duties"], 8)],
             ["*年度总体绩效目标", (d["goal"], 8)],
             DEPARTMENT_HEADER] + [list(r) for r in d["rows"]]
    blocks = [("title", "2023年度部门整体绩效目标表"), ("table", table)]
    rows = [indicator((1, n + 5), r[0], r[1], r[2], value(r[4], r[3], r[5], r[2]), nature=r[3], measure_unit=r[5],
                      explanation=r[6], scoring=r[7], note=r[8]) for n, r in enumerate(d["rows"])]
    return blocks, document(2023, [], overall_goal=d["goal"], name=d["name"], duties=d["duties"], indicators=rows)


# ---------------------------------------------------------------------------------------------
# 2. The application form with long-term and annual targets (项目绩效目标申报表)

APPLICATIONS = [
    {"name": "农村饮水安全巩固提升工程", "attribute": "新增项目□ 延续项目√", "chosen": "延续项目",
     "authority": "某县水利局", "authority_code": "315001", "implementer": "某县农村供水管理站",
     "person": "张三", "phone": "0912-1234567", "period": "2023年1月1日-2023年12月31日",
     "start": "2023-01-01", "end": "2023-12-31",
     "money": [("资金总额", "50"), ("财政拨款", "40"), ("自有资金", "10"), ("事业收入", "0"), ("经营性收入", "0"), ("其他", "0")],
     "long": ["1.全县农村集中供水率稳定在90%以上"], "annual": ["1.新建改造供水工程12处", "2.受益人口1.2万人"],
     "long_rows": [["产出指标", "数量指标", "供水工程处数", "≥40处", ""],
                   ["效益指标", "环境效益指标", "水源地保护", "持续改善", "长期"],
                   ["满意度指标", "社会公众或服务对象满意度指标", "受益群众满意度", "≥90%", ""]],
     "annual_rows": [["产出指标", "数量指标", "新建改造工程", "12处", ""],
                     ["产出指标", "质量指标", "工程验收合格率", "100%", ""],
                     ["产出指标", "时效指标", "完工时间", "2023年11月底前", ""],
                     ["效益指标", "社会效益指标", "受益人口", "≥1.2万人", "新增"],
                     ["满意度指标", "社会公众或服务对象满意度指标", "受益群众满意度", "≥90%", ""]]},
    {"name": "基层农技推广体系建设", "attribute": "☑新增项目 □延续项目", "chosen": "新增项目",
     "authority": "某县农业农村局", "authority_code": "305001", "implementer": "某县农技中心",
     "person": "李四", "phone": "13800000000", "period": "2023.01-2023.12", "start": "2023-01", "end": "2023-12",
     "money": [("资金总额", "20.5"), ("财政拨款", "20.5"), ("自有资金", "0"), ("事业收入", "0"), ("经营性收入", "0"), ("其他", "0")],
     "long": ["1.建成覆盖全县的农技推广网络"], "annual": ["1.培训农技人员100人次"],
     "long_rows": [["效益指标", "可持续影响指标", "农技服务覆盖率", "≥95%", ""]],
     "annual_rows": [["产出指标", "数量指标", "培训人次", "100人次", ""],
                     ["满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", ""]]},
]
APPLICATION_HEADER = ["一级指标", "二级指标", "指标内容", "指标值", "备注"]


def indicator_table(header, rows):
    out = [header]
    for n, r in enumerate(rows):
        first = n == 0 or rows[n - 1][0] != r[0]
        span = 1
        while first and n + span < len(rows) and rows[n + span][0] == r[0]:
            span += 1
        out.append(([(r[0], 1, span)] if first else []) + r[1:])
    return out


def application():
    blocks, projects, table = [], [], 0
    for k, a in enumerate(APPLICATIONS):
        blocks.append(("title", "项目绩效目标申报表（2023年度）"))
        card = [["项目名称", (a["name"], 6)],
                ["项目属性", (a["attribute"], 6)],
                ["主管部门", (a["authority"], 3), "主管部门编码", (a["authority_code"], 2)],
                ["项目实施单位", (a["implementer"], 6)],
                ["项目负责人", (a["person"], 3), "联系电话", (a["phone"], 2)],
                ["项目起止时间", (a["period"], 6)],
                [("项目资金申请（万元）", 1, 2)] + [label for label, _ in a["money"]],
                [amount for _, amount in a["money"]],
                [("项目绩效目标", 1, 2), ("长期目标", 3), ("年度目标", 3)],
                [("\n".join(a["long"]), 3), ("\n".join(a["annual"]), 3)]]
        blocks += [("table", card),
                   ("para", "长期绩效指标"), ("table", indicator_table(APPLICATION_HEADER, a["long_rows"])),
                   ("para", "年度绩效指标"), ("table", indicator_table(APPLICATION_HEADER, a["annual_rows"]))]
        table += 3
        goals, numbers = goals_of(a["annual"])
        rows = [indicator((table - 1, n + 2), r[0], r[1], r[2], value(r[3], name=r[2]), term="long_term", note=r[4])
                for n, r in enumerate(a["long_rows"])]
        rows += [indicator((table, n + 2), r[0], r[1], r[2], value(r[3], name=r[2]), term="annual", note=r[4])
                 for n, r in enumerate(a["annual_rows"])]
        total, fiscal = a["money"][0][1], a["money"][1][1]
        project = {
            "seq": k + 1, "heading": None, "unit": None, "amount_unit": "万元", "code": None, "name": a["name"],
            "budget": {"total": num(total), "fiscal": num(fiscal), "other": None,
                       "written": {"total": total, "fiscal": fiscal, "other": None},
                       "items": [{"label": l, "amount": num(m), "text": m} for l, m in a["money"]],
                       "project_total": None},
            "purpose": None, "schedule": [], "goals": goals, "goal_numbers": numbers, "indicators": rows}
        project.update(NULL_CARD)
        project.update(authority={"code": a["authority_code"], "name": a["authority"]}, implementer=a["implementer"],
                       attribute=a["chosen"], period={"text": a["period"], "start": a["start"], "end": a["end"]},
                       contact={"person": a["person"], "phone": a["phone"]},
                       long_term_goals=goals_of(a["long"])[0],
                       at={"table": table - 2, "indicator_tables": [table - 1, table]})
        projects.append(project)
    return blocks, document(2023, projects)


# ---------------------------------------------------------------------------------------------
# 4. A form in 元 with dates (财政项目支出绩效目标申报表)

YUAN = {"name": "社区养老服务补贴", "nature": "经常性项目", "category": "特定目标类", "authority": "某区民政局",
        "implementer": "某区养老服务指导中心", "start": "2026-01-01", "end": "2026年12月31日",
        "money": [("项目资金总额", "3,600,000.00"), ("其中：财政资金", "3,600,000.00"), ("年度资金申请总额", "1,250,000.00"),
                  ("其中：当年财政拨款", "1,000,000.00"), ("上年结转资金", "200,000.00"), ("其他资金", "50,000.00")],
        "total_goal": ["1.三年内建成15分钟养老服务圈"], "annual_goal": ["1.为1200名老人提供居家养老服务"],
        "rows": [["产出指标", "数量指标", "服务老人人数", "≥", "1200", "人"],
                 ["产出指标", "质量指标", "服务合格率", "≥", "98", "%"],
                 ["成本指标", "经济成本指标", "人均服务成本", "≤", "1041.67", "元"],
                 ["满意度指标", "服务对象满意度指标", "老人满意度", "≥", "90", "%"]]}
YUAN_HEADER = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"]


def yuan_dates():
    y = YUAN
    plain = lambda s: decimal.Decimal(s.replace(",", "")).normalize()
    card = [["项目名称", (y["name"], 6)],
            ["项目性质", (y["nature"], 2), "项目类别", (y["category"], 3)],
            ["主管部门", (y["authority"], 2), "实施单位", (y["implementer"], 3)],
            ["计划开始日期", (y["start"], 2), "计划完成日期", (y["end"], 3)],
            [("项目资金（元）", 1, 2)] + [label for label, _ in y["money"]],
            [amount for _, amount in y["money"]],
            [("项目绩效目标", 1, 2), ("项目总目标", 3), ("年度总体目标", 3)],
            [("\n".join(y["total_goal"]), 3), ("\n".join(y["annual_goal"]), 3)]]
    blocks = [("title", "财政项目支出绩效目标申报表（2026年度）"), ("table", card),
              ("table", indicator_table(YUAN_HEADER, y["rows"]))]
    money = dict(y["money"])
    goals, numbers = goals_of(y["annual_goal"])
    project = {
        "seq": 1, "heading": None, "unit": None, "amount_unit": "元", "code": None, "name": y["name"],
        "budget": {"total": plain(money["年度资金申请总额"]), "fiscal": plain(money["其中：当年财政拨款"]),
                   "other": plain(money["其他资金"]),
                   "written": {"total": money["年度资金申请总额"], "fiscal": money["其中：当年财政拨款"],
                               "other": money["其他资金"]},
                   "items": [{"label": l, "amount": plain(m), "text": m} for l, m in y["money"]],
                   "project_total": plain(money["项目资金总额"])},
        "purpose": None, "schedule": [], "goals": goals, "goal_numbers": numbers,
        "indicators": [indicator((2, n + 2), r[0], r[1], r[2], value(r[4], r[3], r[5], r[2]), nature=r[3],
                                 measure_unit=r[5]) for n, r in enumerate(y["rows"])]}
    project.update(NULL_CARD)
    project.update(authority={"code": None, "name": y["authority"]}, implementer=y["implementer"],
                   attribute=y["nature"], category=y["category"],
                   period={"text": f"{y['start']} 至 {y['end']}", "start": "2026-01-01", "end": "2026-12-31"},
                   long_term_goals=goals_of(y["total_goal"])[0], at={"table": 1, "indicator_tables": [2]})
    return blocks, document(2026, [project])


# ---------------------------------------------------------------------------------------------
# A mixed document: the department-level table, then the 2021 framework's cards.

def shifted(project, by):
    """A project as it reads when `by` tables come before it."""
    p = copy.deepcopy(project)
    p["at"] = {"table": p["at"]["table"] + by, "indicator_tables": [t + by for t in p["at"]["indicator_tables"]]}
    for i in p["indicators"]:
        i["at"]["table"] += by
    return p


def mixed(dept, cards):
    (dept_blocks, dept_model), (card_blocks, card_model) = dept, cards
    blocks = dept_blocks + [b for b in card_blocks if b[0] != "title"]
    model = dict(dept_model, projects=[shifted(p, 1) for p in card_model["projects"]])
    write_both("form-mixed", blocks, model)


def main():
    cards = framework()
    write_both("form-2021-framework", *cards)
    dept = department()
    write_both("form-department", *dept)
    mixed(dept, cards)
    write_both("form-application", *application())
    write_both("form-yuan-dates", *yuan_dates())
    flat_export()


# ---------------------------------------------------------------------------------------------
# 6. The flat export of a budget-management system: a department's projects on one sheet, one row
# per indicator, under a title row and a unit row. openpyxl writes the project's columns merged
# down each project (form-flat-xlsx.xlsx); LibreOffice Calc converts a Flat ODS with them repeated
# on every row and 权重 as numbers (src/form-flat.fods -> form-flat-calc.xlsx).

FLAT_UNIT = ("301001", "某县农业农村局")
FLAT_CODES = ["301001230000000000101", "301001230000000000102"]
FLAT_HEADER = ["单位编码", "单位名称", "项目编码", "项目名称", "年度绩效目标", "一级指标", "二级指标", "三级指标",
               "指标性质", "指标值", "度量单位", "权重", "指标解释", "备注"]


def flat_rows():
    """(project, its rows as the sheet shows them) for each project of the export."""
    out = []
    for p, code in zip(FRAMEWORK_PROJECTS, FLAT_CODES):
        rows = [[FLAT_UNIT[0], FLAT_UNIT[1], code, p["name"], "\n".join(p["goals"])] + r + [""] for r in p["rows"]]
        out.append((p, code, rows))
    return out


def flat_openpyxl(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "部门项目支出绩效目标05-2"
    ws.cell(row=1, column=1, value="部门项目支出绩效目标表")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(FLAT_HEADER))
    ws.cell(row=2, column=1, value="单位：万元")
    for c, text in enumerate(FLAT_HEADER):
        ws.cell(row=3, column=c + 1, value=text)
    r = 4
    for _, _, rows in flat_rows():
        for i, row in enumerate(rows):
            for c, text in enumerate(row):
                if c < 5 and i > 0:
                    continue  # merged down from the project's first row
                ws.cell(row=r + i, column=c + 1, value=text or None)
        for c in range(5):
            ws.merge_cells(start_row=r, start_column=c + 1, end_row=r + len(rows) - 1, end_column=c + 1)
        r += len(rows)
    wb.save(path)


def flat_fods(path):
    """A Flat ODS of the export: strings as strings, 权重 as a float (shown as written)."""
    def cell(text, c):
        if c == 11 and re.fullmatch(r"\d+", text):
            return f'<table:table-cell office:value-type="float" office:value="{text}"><text:p>{text}</text:p></table:table-cell>'
        if not text:
            return "<table:table-cell/>"
        lines = "".join(f"<text:p>{esc(line)}</text:p>" for line in text.split("\n"))
        return f'<table:table-cell office:value-type="string">{lines}</table:table-cell>'

    def row(cells):
        return "<table:table-row>" + "".join(cell(t, c) for c, t in enumerate(cells)) + "</table:table-row>"

    body = [row(["部门项目支出绩效目标表"]), row(["单位：万元"]), row(FLAT_HEADER)]
    body += [row(r) for _, _, rows in flat_rows() for r in rows]
    write_text(path, '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="部门项目支出绩效目标05-2">
<table:table-column table:number-columns-repeated="14"/>
''' + "\n".join(body) + """
</table:table></office:spreadsheet></office:body></office:document>
""")


def flat_export():
    if WRITE_DOCX:
        flat_openpyxl(os.path.join(HERE, "form-flat-xlsx.xlsx"))
        src = os.path.join(SRC, "form-flat.fods")
        flat_fods(src)
        libreoffice(src, os.path.join(HERE, "form-flat-calc.xlsx"), "Calc MS Excel 2007 XML", None)
    projects, row = [], 2
    for k, (p, code, rows) in enumerate(flat_rows()):
        goals, numbers = goals_of(p["goals"])
        project = {
            "seq": k + 1, "heading": None, "unit": {"code": FLAT_UNIT[0], "name": FLAT_UNIT[1]},
            "amount_unit": "万元", "code": code, "name": p["name"],
            "budget": {"total": None, "fiscal": None, "other": None,
                       "written": {"total": None, "fiscal": None, "other": None}, "items": [], "project_total": None},
            "purpose": None, "schedule": [], "goals": goals, "goal_numbers": numbers,
            "indicators": [indicator((1, row + n), r[0], r[1], r[2], value(r[4], r[3], r[5], r[2]),
                                     nature=r[3], measure_unit=r[5], weight={"number": num(r[6]), "text": r[6]},
                                     explanation=r[7], note="") for n, r in enumerate(p["rows"])]}
        project.update(NULL_CARD)
        project.update(at={"table": 1, "indicator_tables": [1]})
        projects.append(project)
        row += len(rows)
    write_expected("form-flat", document(None, projects))


# Each family's data (a module global the builder reads) and its builder: what
# tests/rules/make_fixtures.py edits and writes.
FAMILIES = {"framework": ("FRAMEWORK_PROJECTS", framework), "department": ("DEPARTMENT", department),
            "application": ("APPLICATIONS", application), "yuan-dates": ("YUAN", yuan_dates)}


def family_blocks(family, edit):
    """The blocks of a family's sample with its data changed by `edit` (a function of a copy)."""
    name, builder = FAMILIES[family]
    saved = globals()[name]
    globals()[name] = edit(copy.deepcopy(saved))
    try:
        return builder()[0]
    finally:
        globals()[name] = saved


if __name__ == "__main__":
    main()
