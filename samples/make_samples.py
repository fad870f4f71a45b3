#!/usr/bin/python3
"""Regenerates samples/*.docx and samples/expected/*.json.

The source is samples/src/beixinbao-2021.txt, the text of a real document (see its README).
Every .docx is written by a program other than jixiao: LibreOffice (from HTML committed in
samples/src/), pandoc (from Markdown committed there) and python-docx. The expected JSON is
derived here from the text, independently of jixiao's reader: it is the oracle the tests
compare jixiao's output with, field by field.

Run from anywhere: /usr/bin/python3 samples/make_samples.py [--expected-only] [NAME...]
Needs: libreoffice-writer-nogui, pandoc, python3-docx (Debian packages).
"""
import copy
import decimal
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
WRITE_DOCX = "--expected-only" not in sys.argv  # off: refresh expected/*.json, keep the .docx
SRC = os.path.join(HERE, "src")
EXPECTED = os.path.join(HERE, "expected")

# ---------------------------------------------------------------------------------------------
# The reference text -> data


def parse_reference(path):
    lines = [re.sub(r"^\[bookmark: [^\]]*\]", "", l.rstrip("\n")) for l in open(path, encoding="utf-8")]
    dept = {}
    sections = {"一、总体绩效目标": "overall_goal", "二、分项绩效目标": "sub_goals", "三、工作保障措施": "safeguards"}
    current = None
    heading_re = re.compile(r"^(\d+[、.])(.*绩效目标表)$")
    first_heading = next(i for i, l in enumerate(lines) if heading_re.match(l))
    for line in lines[:first_heading]:
        if line.strip() in sections:
            current = sections[line.strip()]
            continue
        if line.strip() in ("第二部分", "预算项目绩效目标"):
            current = None
        if current and line.strip():
            dept[current] = dept[current] + "\n" + line if current in dept else line
    projects = []
    i = first_heading
    while i < len(lines):
        m = heading_re.match(lines[i])
        j = i + 1
        while j < len(lines) and not heading_re.match(lines[j]):
            j += 1
        rows, cur = [], None
        for line in lines[i + 1:j]:
            if line.startswith("\t"):
                cur = cur if cur is not None else []
                cur.append([line[1:]])
            elif line == "":
                if cur is not None:
                    rows.append(cur)
                cur = None
            elif cur is not None:
                cur[-1].append(line)
        if cur is not None:
            rows.append(cur)
        card, ind = rows[:7], rows[7:]
        unit = card[0][0][0]
        code_m = re.match(r"^(\d{6})(.*)$", unit)
        level1 = None
        indicators = []
        for r in ind[1:]:
            cells = ["\n".join(c) for c in r]
            if cells[0]:
                level1 = cells[0]
            indicators.append([level1] + cells[1:])
        projects.append({
            "number": m.group(1), "heading": m.group(2),
            "unit_code": code_m.group(1), "unit_name": code_m.group(2),
            "amount_unit": card[0][1][0].split("：")[1],
            "code": card[1][1][0], "name": card[1][3][0],
            "total": card[2][2][0], "fiscal": card[2][4][0], "other": card[2][6][0],
            "purpose": "\n".join(card[3][1]),
            "periods": [c[0] for c in card[4][1:]],
            "percents": [c[0] for c in card[5][1:]],
            "goals": card[6][1],
            "indicators": indicators,
        })
        i = j
    return {"department": dept, "projects": projects}


# ---------------------------------------------------------------------------------------------
# Data -> the model jixiao must yield (independent of jixiao's code)

OPS = {"≥": ">=", "≤": "<=", ">": ">", "<": "<", "=": "="}


def num(text):
    return decimal.Decimal(text).normalize()


def value_model(text):
    m = re.match(r"^(≥|≤|>|<|=)?(\d+(?:\.\d+)?)(.*)$", text)
    if not m:
        return {"text": text, "op": None, "number": None, "unit": None, "grade": None}
    rest = m.group(3)
    grade = rest if rest in ("优", "良", "中", "差") else None
    return {"text": text, "op": OPS.get(m.group(1)), "number": num(m.group(2)),
            "unit": None if grade or not rest else rest, "grade": grade}


def expected_model(data, layout):
    projects = []
    for k, (p, lay) in enumerate(zip(data["projects"], layout)):
        text = p.get("written", {})
        projects.append({
            "seq": k + 1,
            "heading": {"number": p["number"], "text": p["heading"]},
            "unit": {"code": p["unit_code"], "name": p["unit_name"]},
            "amount_unit": p["amount_unit"],
            "code": p["code"], "name": p["name"],
            "budget": {"total": num(p["total"]), "fiscal": num(p["fiscal"]), "other": num(p["other"]),
                       "written": {k: text.get(k, p[k]) for k in ("total", "fiscal", "other")}},
            "purpose": p["purpose"],
            "schedule": [{"period": per, "percent": num(pct.rstrip("%")),
                          "text": text.get("percents", p["percents"])[n]}
                         for n, (per, pct) in enumerate(zip(p["periods"], p["percents"]))],
            "goals": [re.sub(r"^\d+[.、]", "", g) for g in p["goals"]],
            "goal_numbers": [int(re.match(r"^(\d+)", g).group(1)) for g in p["goals"]],
            "indicators": [{
                "level1": r[0], "level2": r[1], "level3": r[2], "description": r[3],
                "value": value_model(r[4]), "basis": r[5],
                "at": {"table": at[0], "row": at[1]}} for r, at in zip(p["indicators"], lay["rows"])],
            "at": {"table": lay["card"], "indicator_tables": lay["indicator_tables"]},
        })
    dept = data["department"]
    return {
        "schema": "jixiao.document/1",
        "year": None,
        "department": {k: dept.get(k) for k in ("overall_goal", "sub_goals", "safeguards")},
        "projects": projects,
        "warnings": [],
    }


def write_expected(name, model):
    os.makedirs(EXPECTED, exist_ok=True)

    def encode(o):
        if isinstance(o, decimal.Decimal):
            return "\0NUM:" + format(o, "f") + "\0"
        raise TypeError(o)

    text = json.dumps(model, ensure_ascii=False, indent=2, default=encode)
    text = re.sub(r'"\\u0000NUM:([-0-9.]+)\\u0000"', r"\1", text)
    with open(os.path.join(EXPECTED, name + ".json"), "w", encoding="utf-8") as f:
        f.write(text + "\n")


def standard_layout(data, first_table=1):
    """Card then indicator table per project, header on row 1 and indicators from row 2."""
    layout, t = [], first_table
    for p in data["projects"]:
        layout.append({"card": t, "indicator_tables": [t + 1],
                       "rows": [(t + 1, r + 2) for r in range(len(p["indicators"]))]})
        t += 2
    return layout


# ---------------------------------------------------------------------------------------------
# HTML for LibreOffice

def esc(s):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # HTML collapses runs of spaces; the real document has them, so they are written as &#32;.
    return re.sub(r" {2,}", lambda m: "&#32;" * len(m.group()), s)


def md_text(s):
    """Markdown collapses runs of spaces too: such text goes in as a raw OpenXML run."""
    if "  " not in s:
        return s
    xml = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'`<w:r><w:t xml:space="preserve">{xml}</w:t></w:r>`{{=openxml}}'


def td(paragraphs, colspan=1, rowspan=1):
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs) or "<p></p>"
    return f"<td{attrs}>{body}</td>"


LABELS = {"code": "项目编码", "name": "项目名称", "group": "预算规模及资金用途", "total": "预算数",
          "fiscal": "其中：财政资金", "other": "其他资金", "schedule": "资金支出计划（%）", "goals": "绩效目标",
          "header": ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]}


def card_html(p, labels, fmt):
    w = p.get("written", {})
    rows = [
        [td(f"{p['unit_code']}{p['unit_name']}", 5), td(w.get("unit_line", "单位：" + p["amount_unit"]), 2)],
        [td(labels["code"]), td(p["code"], 2), td(labels["name"]), td(p["name"], 3)],
        [td(labels["group"], 1, 2), td(labels["total"]), td(fmt(p, "total")), td(labels["fiscal"]),
         td(fmt(p, "fiscal")), td(labels["other"]), td(fmt(p, "other"))],
        [td(p["purpose"].split("\n"), 6)],
        [td(labels["schedule"], 1, 2)] + [td(x, s) for x, s in zip(p["periods"], [1, 1, 2, 2])],
        [td(x, s) for x, s in zip(w.get("percents", p["percents"]), [1, 1, 2, 2])],
        [td(labels["goals"]), td(p["goals"], 6)],
    ]
    return "<table border=\"1\" cellspacing=\"0\">" + "".join("<tr>" + "".join(r) + "</tr>" for r in rows) + "</table>"


def indicator_html(rows, labels, merge_level1, with_header=True):
    out = []
    if with_header:
        out.append("<tr>" + "".join(td(h) for h in labels["header"]) + "</tr>")
    k = 0
    while k < len(rows):
        span = 1
        if merge_level1:
            while k + span < len(rows) and rows[k + span][0] == rows[k][0]:
                span += 1
        for n in range(span):
            r = rows[k + n]
            first = [td(r[0], 1, span)] if n == 0 else []
            out.append("<tr>" + "".join(first + [td(c) for c in r[1:]]) + "</tr>")
        k += span
    return "<table border=\"1\" cellspacing=\"0\">" + "".join(out) + "</table>"


def html_document(data, labels=LABELS, fmt=lambda p, k: p[k], merge_level1=True, split=None):
    split = split or {}
    dept = data["department"]
    parts = ["<html><head><meta charset=\"utf-8\"><title>绩效目标</title></head><body>",
             "<h1>第一部分</h1><h1>部门整体绩效目标</h1>",
             "<h2>一、总体绩效目标</h2>", f"<p>{esc(dept['overall_goal'])}</p>",
             "<h2>二、分项绩效目标</h2>", f"<p>{esc(dept['sub_goals'])}</p>",
             "<h2>三、工作保障措施</h2>", f"<p>{esc(dept['safeguards'])}</p>",
             "<h1>第二部分</h1><h1>预算项目绩效目标</h1>"]
    for k, p in enumerate(data["projects"]):
        parts.append(f"<h2>{esc(p['number'] + p['heading'])}</h2>")
        parts.append(card_html(p, labels, fmt))
        parts.append("<p>&#160;</p>")
        rows = p["indicators"]
        if k in split:
            cut, header_again = split[k]
            parts.append(indicator_html(rows[:cut], labels, merge_level1))
            parts.append('<p style="page-break-before: always">&#160;</p>')
            parts.append(indicator_html(rows[cut:], labels, merge_level1, with_header=header_again))
        else:
            parts.append(indicator_html(rows, labels, merge_level1))
    parts.append("</body></html>")
    return "\n".join(parts)


def libreoffice(source, out_docx, filter_name="MS Word 2007 XML", infilter="HTML (StarWriter)"):
    if not WRITE_DOCX:
        return
    with tempfile.TemporaryDirectory() as tmp:
        ext = os.path.splitext(out_docx)[1].lstrip(".")
        cmd = ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile"]
        if infilter:
            cmd.append(f"--infilter={infilter}")
        cmd += ["--convert-to", f"{ext}:{filter_name}", "--outdir", tmp, source]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        produced = os.path.join(tmp, os.path.splitext(os.path.basename(source))[0] + "." + ext)
        shutil.move(produced, out_docx)


def write_text(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------------------------------------
# The samples

FULLWIDTH = str.maketrans("0123456789.%,", "０１２３４５６７８９．％，")


def sample_reference(data):
    src = os.path.join(SRC, "beixinbao-2021.html")
    write_text(src, html_document(data))
    libreoffice(src, os.path.join(HERE, "beixinbao-2021.docx"))
    write_expected("beixinbao-2021", expected_model(data, standard_layout(data)))


def sample_level1_repeated(data):
    src = os.path.join(SRC, "level1-repeated.html")
    write_text(src, html_document(data, merge_level1=False))
    libreoffice(src, os.path.join(HERE, "level1-repeated.docx"))
    write_expected("level1-repeated", expected_model(data, standard_layout(data)))


def sample_spaced_labels(data):
    labels = dict(LABELS, code="项 目 编 号", name="项目 名称", total="预算金额", fiscal="其中： 财政 资金",
                  other="其他资金：", schedule="资金支出计划 ( % )", goals="年度绩效目标",
                  header=["一级指标", "二级 指标", "三级指标", "指标内容", "指 标 值", "确定依据"])
    src = os.path.join(SRC, "spaced-labels.html")
    write_text(src, html_document(data, labels=labels))
    libreoffice(src, os.path.join(HERE, "spaced-labels.docx"))
    write_expected("spaced-labels", expected_model(data, standard_layout(data)))


def sample_fullwidth_amounts(data):
    """Amounts in 元 with thousands separators, typed in full-width digits; percentages too."""
    data = copy.deepcopy(data)
    for p in data["projects"]:
        for k in ("total", "fiscal", "other"):
            yuan = decimal.Decimal(p[k]) * 10000
            p[k] = format(yuan, "f")
            p.setdefault("written", {})[k] = "{:,.2f}".format(yuan).translate(FULLWIDTH)
        p["amount_unit"] = "元"
        p["written"]["unit_line"] = "单位：元"
        p["written"]["percents"] = [x.translate(FULLWIDTH) for x in p["percents"]]
    src = os.path.join(SRC, "fullwidth-amounts.html")
    write_text(src, html_document(data, fmt=lambda p, k: p["written"][k]))
    libreoffice(src, os.path.join(HERE, "fullwidth-amounts.docx"))
    write_expected("fullwidth-amounts", expected_model(data, standard_layout(data)))


def sample_split_table(data):
    """Indicator tables broken by a page break: project 2 repeats its header, project 5 does not."""
    split = {1: (3, True), 4: (4, False)}
    layout, t = [], 1
    for k, p in enumerate(data["projects"]):
        n = len(p["indicators"])
        if k in split:
            cut, header_again = split[k]
            second_first_row = 2 if header_again else 1
            rows = [(t + 1, r + 2) for r in range(cut)] + \
                   [(t + 2, r - cut + second_first_row) for r in range(cut, n)]
            layout.append({"card": t, "indicator_tables": [t + 1, t + 2], "rows": rows})
            t += 3
        else:
            layout.append({"card": t, "indicator_tables": [t + 1], "rows": [(t + 1, r + 2) for r in range(n)]})
            t += 2
    src = os.path.join(SRC, "split-table.html")
    write_text(src, html_document(data, split=split))
    libreoffice(src, os.path.join(HERE, "split-table.docx"))
    write_expected("split-table", expected_model(data, layout))


def md_row(cells, width):
    cells = list(cells) + [""] * (width - len(cells))
    return "| " + " | ".join(md_text(c).replace("|", "\\|") for c in cells) + " |"


def sample_goals_one_paragraph(data):
    """pandoc from Markdown: no merged cells at all, goals typed in one paragraph."""
    dept = data["department"]
    md = ["# 第一部分", "", "# 部门整体绩效目标", "", "## 一、总体绩效目标", "", dept["overall_goal"], "",
          "## 二、分项绩效目标", "", dept["sub_goals"], "", "## 三、工作保障措施", "", dept["safeguards"], "",
          "# 第二部分", "", "# 预算项目绩效目标", ""]
    for p in data["projects"]:
        md += [f"## {md_text(p['number'] + p['heading'])}", ""]
        w = 7
        md.append(md_row([p["unit_code"] + p["unit_name"], "单位：" + p["amount_unit"]], w))
        md.append("|" + "---|" * w)
        md.append(md_row(["项目编码", p["code"], "项目名称", p["name"]], w))
        md.append(md_row(["预算规模及资金用途", "预算数", p["total"], "其中：财政资金", p["fiscal"], "其他资金", p["other"]], w))
        md.append(md_row(["", p["purpose"]], w))
        md.append(md_row(["资金支出计划（%）"] + p["periods"], w))
        md.append(md_row([""] + p["percents"], w))
        md.append(md_row(["绩效目标", "".join(p["goals"])], w))
        md += ["", "&nbsp;", ""]
        md.append(md_row(LABELS["header"], 6))
        md.append("|" + "---|" * 6)
        previous = None
        for r in p["indicators"]:
            md.append(md_row(["" if r[0] == previous else r[0]] + r[1:], 6))
            previous = r[0]
        md.append("")
    src = os.path.join(SRC, "goals-one-paragraph.md")
    write_text(src, "\n".join(md) + "\n")
    if WRITE_DOCX:
        subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o",
                    os.path.join(HERE, "goals-one-paragraph.docx"), src], check=True)
    write_expected("goals-one-paragraph", expected_model(data, standard_layout(data)))


def sample_word_features(data):
    """python-docx, then the XML that Word writes: split runs, rsids, proofErr, bookmarks,
    content controls at block, row, cell and run level, smartTag, hyperlink, fldSimple, a
    complex field, tracked insertions and deletions, a deleted row, mc:AlternateContent."""
    from word_features import build
    data = copy.deepcopy(data)
    data["projects"] = data["projects"][:2]
    if WRITE_DOCX:
        build(data, os.path.join(HERE, "word-features.docx"))
    write_expected("word-features", expected_model(data, standard_layout(data)))


def sample_formula_cells(data):
    """Cells beginning with =, +, - and @ (python-docx): the CSV-injection test's input."""
    from word_features import build_formula_cells
    p = copy.deepcopy(data["projects"][0])
    p.update({"name": "=HYPERLINK(\"http://example.invalid\",\"点击\")", "purpose": "+86 用于村级组织运转",
              "unit_code": "", "periods": p["periods"][:3], "percents": p["percents"][:3],
              "goals": ["1.@所有村干部按时领取补贴", "2.-确保村级稳定"]})
    p["indicators"] = [["产出指标", "数量指标", "=1+1", "-按人数分配", "≥90%", "@镇级确定"],
                       ["效益指标", "社会效益指标", "稳定", "\t确保稳定", "100%", "+年度计划"],
                       ["满意度指标", "服务对象满意度指标", "满意度", "离任村干部满意", "≥95%", "调查"]]
    one = {"department": {}, "projects": [p]}
    if WRITE_DOCX:
        build_formula_cells(one, os.path.join(HERE, "formula-cells.docx"))
    model = expected_model(one, [{"card": 1, "indicator_tables": [2], "rows": [(2, 2), (2, 3), (2, 4)]}])
    project = model["projects"][0]
    project["unit"] = {"code": "", "name": p["unit_name"]}
    project["amount_unit"] = None
    project["heading"] = {"number": p["number"], "text": p["heading"]}
    write_expected("formula-cells", model)


def sample_legacy(data):
    """The reference in the formats LibreOffice converts back to .docx for jixiao (samples/legacy/):
    Word 97-2003 .doc, OpenDocument .odt and RTF, each written by LibreOffice from the committed
    HTML, and the .doc again as WPS Writer names it (.wps, the same container). Their expected
    model is the reference's, wherever the converter keeps the structure."""
    out = os.path.join(HERE, "legacy")
    os.makedirs(out, exist_ok=True)
    src = os.path.join(SRC, "beixinbao-2021.html")
    for ext, filter_name in (("doc", "MS Word 97"), ("odt", "writer8"), ("rtf", "Rich Text Format")):
        libreoffice(src, os.path.join(out, f"beixinbao-2021.{ext}"), filter_name)
    if WRITE_DOCX:
        shutil.copy(os.path.join(out, "beixinbao-2021.doc"), os.path.join(out, "beixinbao-2021.wps"))


def main():
    data = parse_reference(os.path.join(SRC, "beixinbao-2021.txt"))
    total = sum(decimal.Decimal(p["total"]) for p in data["projects"])
    assert total == decimal.Decimal("326.46"), total  # what the reference README states
    sys.path.insert(0, HERE)
    only = set(a for a in sys.argv[1:] if not a.startswith("--"))
    for name, fn in [("beixinbao-2021", sample_reference), ("level1-repeated", sample_level1_repeated),
                     ("spaced-labels", sample_spaced_labels), ("fullwidth-amounts", sample_fullwidth_amounts),
                     ("split-table", sample_split_table), ("goals-one-paragraph", sample_goals_one_paragraph),
                     ("word-features", sample_word_features), ("formula-cells", sample_formula_cells),
                     ("legacy", sample_legacy)]:
        if not only or name in only:
            fn(data)
            print("wrote", name)


if __name__ == "__main__":
    main()
