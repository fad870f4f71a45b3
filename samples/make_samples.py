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
    # A date or deadline is no number: "2022年12月底前", "6月底".
    if re.match(r"^\d{4}年", text) or re.match(r"^\d{1,2}月[底末份前0-9]", text):
        return {"text": text, "op": None, "number": None, "unit": None, "grade": None}
    m = re.match(r"^(≥|≤|>|<|=)?(\d+(?:\.\d+)?)(.*)$", text)
    if not m:
        return {"text": text, "op": None, "number": None, "unit": None, "grade": None}
    rest = m.group(3)
    grade = rest if rest in ("优", "良", "中", "差") else None
    return {"text": text, "op": OPS.get(m.group(1)), "number": num(m.group(2)),
            "unit": None if grade or not rest else rest, "grade": grade}


# The keys of the other forms' fields, null in the samples of this form.
NEW_INDICATOR_KEYS = {"term": None, "nature": None, "measure_unit": None, "weight": None, "explanation": None,
                      "scoring": None, "note": None}
NEW_CARD_KEYS = {"authority": None, "implementer": None, "attribute": None, "category": None, "period": None,
                 "contact": None, "long_term_goals": None}


def expected_model(data, layout, labels=None):
    labels = labels or LABELS
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
                       "written": {k: text.get(k, p[k]) for k in ("total", "fiscal", "other")},
                       "items": [{"label": labels[k], "amount": num(p[k]), "text": text.get(k, p[k])}
                                 for k in ("total", "fiscal", "other")],
                       "project_total": None},
            "purpose": p["purpose"],
            "schedule": [{"period": per, "percent": num(pct.rstrip("%")),
                          "text": text.get("percents", p["percents"])[n]}
                         for n, (per, pct) in enumerate(zip(p["periods"], p["percents"]))],
            "goals": [re.sub(r"^\d+[.、]", "", g) for g in p["goals"]],
            "goal_numbers": [int(re.match(r"^(\d+)", g).group(1)) for g in p["goals"]],
            "indicators": [{
                "level1": r[0], "level2": r[1], "level3": r[2], "description": r[3],
                "value": value_model(r[4]), "basis": r[5],
                "at": {"table": at[0], "row": at[1]}, **NEW_INDICATOR_KEYS} for r, at in zip(p["indicators"], lay["rows"])],
            **NEW_CARD_KEYS,
            "at": {"table": lay["card"], "indicator_tables": lay["indicator_tables"]},
        })
    dept = data["department"]
    return {
        "schema": "jixiao.document/1",
        "year": None,
        "department": dict({k: dept.get(k) for k in ("overall_goal", "sub_goals", "safeguards")},
                           name=None, duties=None, indicators=[]),
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


def html_document(data, labels=LABELS, fmt=lambda p, k: p[k], merge_level1=True, split=None,
                  paragraphs_per_line=False):
    split = split or {}
    dept = data["department"]
    para = (lambda t: "".join(f"<p>{esc(x)}</p>" for x in t.split("\n"))) if paragraphs_per_line else \
        (lambda t: f"<p>{esc(t)}</p>")
    parts = ["<html><head><meta charset=\"utf-8\"><title>绩效目标</title></head><body>",
             "<h1>第一部分</h1><h1>部门整体绩效目标</h1>",
             "<h2>一、总体绩效目标</h2>", para(dept['overall_goal']),
             "<h2>二、分项绩效目标</h2>", para(dept['sub_goals']),
             "<h2>三、工作保障措施</h2>", para(dept['safeguards']),
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
    write_expected("spaced-labels", expected_model(data, standard_layout(data), labels))


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


# Another bureau, another year: what the reference happens not to contain.
BUREAU_UNIT = ("815001", "怀来县农业农村局")
BUREAU_TOPICS = ["村务公开工作经费", "农田水利设施维护", "高标准农田建设", "动物防疫补助", "农村人居环境整治",
                 "农机购置补贴工作经费", "耕地地力保护", "农产品质量安全监测", "秸秆综合利用", "农村集体产权改革",
                 "乡村振兴示范村建设", "种子质量检测", "农业技术推广", "畜禽粪污资源化利用", "渔业资源养护",
                 "农村公路养护", "农民专业合作社扶持", "设施农业提升", "果树病虫害防治", "农村饮水安全",
                 "土壤污染防治", "农业保险保费补贴", "家庭农场培育", "农业执法经费"]
# 2021 framework rows: (一级, 二级, 三级, 描述, 值, 依据); some descriptions blank, some values
# qualitative or a date.
BUREAU_ROWS = [
    ("产出指标", "数量指标", "覆盖村数", "覆盖全县行政村", "≥120个", "年度工作计划"),
    ("产出指标", "数量指标", "培训人次", "", "≥800人次", "年度工作计划"),
    ("产出指标", "质量指标", "验收合格率", "项目验收合格", "=100%", "行业标准"),
    ("产出指标", "质量指标", "服务规范程度", "", "逐步提高", "历史标准"),
    ("产出指标", "时效指标", "完成时间", "按期完成", "2022年12月底前", "计划标准"),
    ("成本指标", "经济成本指标", "项目总成本", "控制在预算内", "≤125700元", "预算标准"),
    ("成本指标", "社会成本指标", "对群众生产生活的影响", "", "无", "其他"),
    ("成本指标", "生态环境成本指标", "环境影响", "不造成环境污染", "无", "行业标准"),
    ("效益指标", "经济效益指标", "带动农民增收", "带动增收", "逐步提高", "历史标准"),
    ("效益指标", "社会效益指标", "群众知晓率", "", "≥90%", "计划标准"),
    ("效益指标", "生态效益指标", "耕地质量等级", "耕地质量提升", "≥0.5等", "行业标准"),
    ("效益指标", "可持续影响指标", "长效管护机制", "建立长效机制", "长期", "其他"),
    ("满意度指标", "服务对象满意度指标", "农户满意度", "农户满意", "≥95%", "满意度调查"),
    ("满意度指标", "服务对象满意度指标", "村委会满意度", "", "≥90%", "满意度调查"),
]


def bureau_data():
    """24 cards of another bureau's 2022 document, from a fixed recipe (no randomness)."""
    projects = []
    for k, topic in enumerate(BUREAU_TOPICS):
        yuan = decimal.Decimal(125700 + 37100 * k) + decimal.Decimal(k % 3) * decimal.Decimal("0.5")
        other = decimal.Decimal(10000 * (k % 4))
        fiscal = yuan - other
        wan = (yuan / 10000).quantize(decimal.Decimal("0.1"))
        n_rows = 10 + k % 5  # 10 to 14 rows
        rows = [list(r) for r in BUREAU_ROWS[:n_rows]]
        # The categories in order, each complete enough: drop rows from the middle, not the end.
        if n_rows < len(BUREAU_ROWS):
            rows = [list(r) for r in BUREAU_ROWS[:n_rows - 3]] + [list(r) for r in BUREAU_ROWS[-3:]]
        projects.append({
            "number": f"{k + 1}.", "heading": f"2022年{topic}{wan}万绩效目标表",
            "unit_code": BUREAU_UNIT[0], "unit_name": BUREAU_UNIT[1], "amount_unit": "元",
            "code": f"13073022{k:03d}NYNC{k:02d}ABCDEF"[:21], "name": f"2022年{topic}",
            "total": format(yuan, "f"), "fiscal": format(fiscal, "f"), "other": format(other, "f"),
            "written": {"total": "{:,.2f}".format(yuan), "fiscal": "{:,.2f}".format(fiscal),
                        "other": "{:,.2f}".format(other), "unit_line": "单位：元"},
            "purpose": f"用于{topic}的人员培训、物资购置和检查验收。",
            "periods": ["3月底", "6月底", "9月底", "12月底"],
            "percents": ["30%", "60%", "80%", "100%"],
            "goals": [f"1.完成{topic}年度任务。", "2.提高服务质量和群众满意度。", "3.建立长效管理机制。"],
            "indicators": rows,
        })
    dept = {
        "overall_goal": "（一）围绕乡村振兴战略，巩固拓展脱贫攻坚成果。\n（二）保障粮食安全和重要农产品有效供给。",
        "sub_goals": "（一）完成高标准农田建设任务。\n（二）动物疫病防控不发生区域性重大疫情。\n（三）农村人居环境持续改善。",
        "safeguards": "（一）加强组织领导，落实责任分工。\n（二）加强资金监管，确保专款专用。",
    }
    return {"department": dept, "projects": projects}


def sample_bureau_2022(_):
    """Another bureau's 2022 document (LibreOffice from HTML): card headings that begin with the
    year, 24 cards, 10-14 indicator rows each in the 2021 framework, blank descriptions,
    qualitative and date values, amounts in 元 with thousands separators, whole percentages,
    schedules at 3/6/9/12月底, （一）-numbered department paragraphs, a title stating the year."""
    data = bureau_data()
    html = html_document(data, fmt=lambda p, k: p["written"][k], paragraphs_per_line=True)
    titled = html.replace("<h1>第一部分</h1>", "<h1>怀来县农业农村局2022年度部门预算绩效目标</h1><h1>第一部分</h1>", 1)
    # With its title, the year is 2022; without one (bureau-2022-untitled), no title states a
    # year, and the first card keeps its heading "1.2022年…绩效目标表".
    for name, text, year in (("bureau-2022", titled, 2022), ("bureau-2022-untitled", html, None)):
        src = os.path.join(SRC, name + ".html")
        write_text(src, text)
        libreoffice(src, os.path.join(HERE, name + ".docx"))
        model = expected_model(data, standard_layout(data))
        model["year"] = year
        write_expected(name, model)


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
                     ("legacy", sample_legacy), ("bureau-2022", sample_bureau_2022)]:
        if not only or name in only:
            fn(data)
            print("wrote", name)


if __name__ == "__main__":
    main()
