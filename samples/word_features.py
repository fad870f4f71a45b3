"""word-features.docx: python-docx writes the document, then the XML is given what Word really
writes into such files, so that the reader meets each of those constructs in one real package.
Used by make_samples.py."""
import copy

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def run(text, rsid="00A1B2C3"):
    r = OxmlElement("w:r")
    r.set(qn("w:rsidR"), rsid)
    t = OxmlElement("w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    r.append(t)
    return r


def wrap(tag, children, **attrs):
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(k), v)
    for c in children:
        el.append(c)
    return el


def sdt(children, alias):
    pr = wrap("w:sdtPr", [wrap("w:alias", [], **{"w:val": alias})])
    return wrap("w:sdt", [pr, wrap("w:sdtContent", children)])


def clear(paragraph):
    for child in list(paragraph._p):
        if child.tag != qn("w:pPr"):
            paragraph._p.remove(child)


def split_runs(paragraph, text, size=2):
    """Runs split mid-word with differing rsids and proofing marks between them."""
    clear(paragraph)
    p = paragraph._p
    for k in range(0, len(text), size):
        p.append(run(text[k:k + size], rsid="00%06X" % (k * 7919 % 0xFFFFFF)))
        if k == 0:
            p.append(wrap("w:proofErr", [], **{"w:type": "spellStart"}))
    p.append(wrap("w:proofErr", [], **{"w:type": "spellEnd"}))


def set_cell(cell, paragraphs):
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    cell.paragraphs[0].text = paragraphs[0]
    for extra in paragraphs[1:]:
        cell.add_paragraph(extra)


def heading_with_alternate_content(doc, number, text):
    h = doc.add_heading("", level=2)
    p = h._p
    p.append(wrap("w:bookmarkStart", [], **{"w:id": "0", "w:name": "_Toc69473125"}))
    p.append(run(number))
    body, tail = text[:-5], text[-5:]
    p.append(run(body))
    # Word writes both branches with the same text; a reader must take one, never both.
    alt = p.makeelement("{%s}AlternateContent" % MC, nsmap={"mc": MC})
    choice = p.makeelement("{%s}Choice" % MC)
    choice.set("Requires", "w14")
    choice.append(run(tail))
    fallback = p.makeelement("{%s}Fallback" % MC)
    fallback.append(run(tail))
    alt.append(choice)
    alt.append(fallback)
    p.append(alt)
    p.append(wrap("w:bookmarkEnd", [], **{"w:id": "0"}))


def card(doc, p, first):
    t = doc.add_table(rows=7, cols=7)
    t.style = "Table Grid"
    c = t.cell
    c(0, 0).merge(c(0, 4)); c(0, 5).merge(c(0, 6))
    c(1, 1).merge(c(1, 2)); c(1, 4).merge(c(1, 6))
    c(2, 0).merge(c(3, 0)); c(3, 1).merge(c(3, 6))
    c(4, 0).merge(c(5, 0))
    for r in (4, 5):
        c(r, 3).merge(c(r, 4)); c(r, 5).merge(c(r, 6))
    c(6, 1).merge(c(6, 6))
    set_cell(c(0, 0), p["unit_code"] + p["unit_name"])
    # 单位：万元 with the unit as the result of a simple field
    para = c(0, 5).paragraphs[0]
    clear(para)
    para._p.append(run("单位："))
    para._p.append(wrap("w:fldSimple", [run(p["amount_unit"])], **{"w:instr": " DOCPROPERTY Unit "}))
    set_cell(c(1, 0), "项目编码")
    # the code inside a run-level content control, split mid-word
    para = c(1, 1).paragraphs[0]
    split_runs(para, p["code"], size=5)
    runs = [el for el in para._p if el.tag in (qn("w:r"), qn("w:proofErr"))]
    for el in runs:
        para._p.remove(el)
    para._p.append(sdt(runs, "项目编码"))
    set_cell(c(1, 3), "项目名称")
    # the name inside a hyperlink and a smart tag, with a tracked insertion and deletion
    para = c(1, 4).paragraphs[0]
    clear(para)
    name = p["name"]
    para._p.append(wrap("w:hyperlink", [run(name[:2])], **{"w:anchor": "name"}))
    deleted = wrap("w:delText", [])
    deleted.text = "旧名称"
    para._p.append(wrap("w:del", [wrap("w:r", [deleted])], **{"w:id": "1", "w:author": "审核人", "w:date": "2021-04-01T00:00:00Z"}))
    para._p.append(wrap("w:ins", [run(name[2:4])], **{"w:id": "2", "w:author": "审核人", "w:date": "2021-04-01T00:00:00Z"}))
    para._p.append(wrap("w:smartTag", [run(name[4:])], **{"w:uri": "urn:schemas-microsoft-com:office:smarttags", "w:element": "place"}))
    set_cell(c(2, 0), "预算规模及资金用途")
    set_cell(c(2, 1), "预算数")
    # the total as the result of a complex field: the instruction must not be read
    para = c(2, 2).paragraphs[0]
    clear(para)
    instruction = wrap("w:instrText", [])
    instruction.text = " = 99.99 \\# \"0.00\" "
    for el in (wrap("w:r", [wrap("w:fldChar", [], **{"w:fldCharType": "begin"})]),
               wrap("w:r", [instruction]),
               wrap("w:r", [wrap("w:fldChar", [], **{"w:fldCharType": "separate"})]),
               run(p["total"]),
               wrap("w:r", [wrap("w:fldChar", [], **{"w:fldCharType": "end"})])):
        para._p.append(el)
    set_cell(c(2, 3), "其中：财政资金")
    set_cell(c(2, 4), p["fiscal"])
    set_cell(c(2, 5), "其他资金")
    set_cell(c(2, 6), p["other"])
    split_runs(c(3, 1).paragraphs[0], p["purpose"], size=3)
    set_cell(c(4, 0), "资金支出计划（%）")
    for col, period, pct in zip((1, 2, 3, 5), p["periods"], p["percents"]):
        set_cell(c(4, col), period)
        set_cell(c(5, col), pct)
    set_cell(c(6, 0), "绩效目标")
    set_cell(c(6, 1), p["goals"])
    # a cell-level content control around the 项目名称 label cell
    tc = c(1, 3)._tc
    holder = tc.getparent()
    idx = holder.index(tc)
    holder.remove(tc)
    holder.insert(idx, sdt([tc], "标签"))
    return t


def indicators(doc, rows, first_project):
    t = doc.add_table(rows=1 + len(rows), cols=6)
    t.style = "Table Grid"
    for k, h in enumerate(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]):
        set_cell(t.cell(0, k), h)
    k = 0
    while k < len(rows):
        span = 1
        while k + span < len(rows) and rows[k + span][0] == rows[k][0]:
            span += 1
        if span > 1:
            t.cell(1 + k, 0).merge(t.cell(k + span, 0))
        set_cell(t.cell(1 + k, 0), rows[k][0])
        for n in range(span):
            for col in range(1, 6):
                set_cell(t.cell(1 + k + n, col), rows[k + n][col])
        k += span
    trs = t._tbl.findall(qn("w:tr"))
    # a row deleted with tracked changes: it must not be read
    dead = copy.deepcopy(trs[2])
    trpr = dead.find(qn("w:trPr"))
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        dead.insert(0, trpr)
    trpr.append(wrap("w:del", [], **{"w:id": "9", "w:author": "审核人", "w:date": "2021-04-01T00:00:00Z"}))
    for tt in dead.iter(qn("w:t")):
        tt.text = "已删除的行"
    trs[2].addnext(dead)
    # a row-level content control around the last row
    last = trs[-1]
    parent = last.getparent()
    idx = parent.index(last)
    parent.remove(last)
    parent.insert(idx, sdt([last], "最后一行"))
    return t


def build(data, out_path):
    doc = docx.Document()
    dept = data["department"]
    doc.add_heading("第一部分", level=1)
    doc.add_heading("部门整体绩效目标", level=1)
    doc.add_heading("一、总体绩效目标", level=2)
    para = doc.add_paragraph()
    split_runs(para, dept["overall_goal"], size=7)
    # a block-level content control around a whole paragraph
    body = para._p.getparent()
    idx = body.index(para._p)
    body.remove(para._p)
    body.insert(idx, sdt([para._p], "总体绩效目标"))
    doc.add_heading("二、分项绩效目标", level=2)
    doc.add_paragraph(dept["sub_goals"])
    doc.add_heading("三、工作保障措施", level=2)
    doc.add_paragraph(dept["safeguards"])
    doc.add_heading("第二部分", level=1)
    doc.add_heading("预算项目绩效目标", level=1)
    for k, p in enumerate(data["projects"]):
        heading_with_alternate_content(doc, p["number"], p["heading"])
        card(doc, p, k == 0)
        doc.add_paragraph("\u00a0")
        indicators(doc, p["indicators"], k == 0)
    doc.save(out_path)


def build_formula_cells(data, out_path):
    """A plain python-docx document whose cells begin with =, +, - and @: what a spreadsheet
    would evaluate if written naively. No merged cells at all."""
    doc = docx.Document()
    for k, p in enumerate(data["projects"]):
        doc.add_heading(p["number"] + p["heading"], level=2)
        rows = [["单位名称", p["unit_name"], "", ""],
                ["项目编码", p["code"], "项目名称", p["name"]],
                ["预算数", p["total"], "其中：财政资金", p["fiscal"]],
                ["其他资金", p["other"], "资金用途", p["purpose"]],
                ["资金支出计划（%）"] + p["periods"][:3], [""] + p["percents"][:3],
                ["绩效目标", "\n".join(p["goals"]), "", ""]]
        t = doc.add_table(rows=len(rows), cols=4)
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                lines = text.split("\n")
                t.cell(r, c).paragraphs[0].text = lines[0]
                for extra in lines[1:]:
                    t.cell(r, c).add_paragraph(extra)
        doc.add_paragraph("")
        ind = doc.add_table(rows=1 + len(p["indicators"]), cols=6)
        for c, h in enumerate(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]):
            ind.cell(0, c).paragraphs[0].text = h
        for r, row in enumerate(p["indicators"]):
            for c, text in enumerate(row):
                ind.cell(r + 1, c).paragraphs[0].text = text
    doc.save(out_path)
