#!/usr/bin/python3
"""The normalized .docx (--to docx) and --fix: round trips field by field, real clients
(LibreOffice to PDF, pandoc, pdftoppm), the XML's element order, determinism, safety.
Usage: check_docx.py PATH/TO/jixiao   (run from the source root)"""
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zipfile

from suite import check, finish, run, diff

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SAMPLES = sorted(glob.glob("samples/*.docx"))


def model(path, *extra):
    m = json.loads(run("convert", path, *extra).stdout)
    m.pop("source")
    return m


OTHER_FORM_KEYS = ("authority", "implementer", "attribute", "category", "period", "contact", "long_term_goals")


def without_places(m):
    """The model without where things stood: the canonical layout joins a table split by a page
    break into one, so table and row numbers may differ; everything else may not. A card of the
    reference form is written with the form's own labels (预算数, 其中：财政资金, 其他资金), so
    its money lines' labels as written are left out; their amounts and texts are not."""
    m = json.loads(json.dumps(m))
    for p in m["projects"]:
        p.pop("at")
        for i in p["indicators"]:
            i.pop("at")
        if all(p[k] is None for k in OTHER_FORM_KEYS) and len(p["budget"]["items"]) <= 3:
            for item in p["budget"]["items"]:
                item.pop("label")
    return m


# Element order inside property blocks, as the WordprocessingML schema's sequences give it.
ORDER = {
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
             "textDirection", "tcFitText", "vAlign", "hideMark"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
              "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"],
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
            "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
            "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"],
    "sectPr": ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
               "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
               "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"],
    "style": ["name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
              "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr",
              "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"],
}


def order_problems(xml_bytes):
    problems = []
    for el in ET.fromstring(xml_bytes).iter():
        local = el.tag.replace(W, "")
        if local in ORDER:
            seq = [c.tag.replace(W, "") for c in el]
            known = [c for c in seq if c in ORDER[local]]
            idx = [ORDER[local].index(c) for c in known]
            if idx != sorted(idx) or len(known) != len(seq):
                problems.append(f"{local}: {seq}")
    return problems


with tempfile.TemporaryDirectory() as tmp:
    outs = []
    for s in SAMPLES:
        name = os.path.basename(s)[:-5]
        out = os.path.join(tmp, name + "-normalized.docx")
        r = run("convert", s, "--to", "docx", "-o", out)
        check(f"{name}: --to docx writes the file", r.returncode == 0 and os.path.exists(out), r.stderr.decode())
        outs.append(out)
        d = diff(without_places(model(out)), without_places(model(s)))
        check(f"{name}: reading the normalized output gives the same model, field by field", not d, "; ".join(d[:5]))
        if name == "beixinbao-2021":
            check(f"{name}: in the reference layout, the same tables and rows too", model(out) == model(s))
        again = os.path.join(tmp, name + "-again.docx")
        run("convert", s, "--to", "docx", "-o", again)
        check(f"{name}: the same bytes twice", open(out, "rb").read() == open(again, "rb").read())
        with zipfile.ZipFile(out) as z:
            names = z.namelist()
            check(f"{name}: a minimal package", names == ["[Content_Types].xml", "_rels/.rels", "word/document.xml",
                                                          "word/_rels/document.xml.rels", "word/styles.xml",
                                                          "word/settings.xml", "docProps/core.xml"], str(names))
            problems = order_problems(z.read("word/document.xml")) + order_problems(z.read("word/styles.xml"))
            check(f"{name}: property elements in the schema's order", not problems, "; ".join(problems[:3]))
            doc = ET.fromstring(z.read("word/document.xml"))
            styles = ET.fromstring(z.read("word/styles.xml"))
        projects = model(s)["projects"]
        headings = [p for p in doc.iter(W + "p") if p.find(f"{W}pPr/{W}pStyle") is not None
                    and p.find(f"{W}pPr/{W}pStyle").get(W + "val") == "Heading2"]
        check(f"{name}: a real heading per project", len(headings) >= sum(1 for p in projects if p["heading"]))
        rows = list(doc.iter(W + "tr"))
        check(f"{name}: rows are not split across pages", all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows))
        header_rows = [t for t in doc.iter(W + "tbl")
                       if t.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None]  # tables with a repeated header
        # One indicator table per project and term (the application form has a long-term and an
        # annual table), and one for the department's own indicators.
        tables = sum(max(1, len({i["term"] for i in p["indicators"]})) for p in projects)
        tables += 1 if (model(s).get("department") or {}).get("indicators") else 0
        check(f"{name}: the indicator tables' header rows repeat", len(header_rows) == tables,
              f"{len(header_rows)} header rows, {tables} tables")
        size = doc.find(f"{W}body/{W}sectPr/{W}pgSz")
        check(f"{name}: A4 portrait", size is not None and size.get(W + "w") == "11906" and size.get(W + "h") == "16838")
    fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    check("宋体 is the East Asian font", fonts is not None and fonts.get(W + "eastAsia") == "宋体")
    outline = {s.get(W + "styleId"): s.find(f"{W}pPr/{W}outlineLvl").get(W + "val")
               for s in styles.iter(W + "style") if s.find(f"{W}pPr/{W}outlineLvl") is not None}
    check("heading styles carry outline levels (a table of contents works)", outline == {"Heading1": "0", "Heading2": "1"}, str(outline))

    # --fix: the fixable findings are gone, nothing else changed.
    ref = SAMPLES[0] if "beixinbao" in SAMPLES[0] else "samples/beixinbao-2021.docx"
    before = json.loads(run("check", ref, "--format", "json").stdout)["files"][0]["findings"]
    fixed = os.path.join(tmp, "fixed.docx")
    r = run("convert", ref, "--fix", "--to", "docx", "-o", fixed)
    after = json.loads(run("check", fixed, "--format", "json").stdout)["files"][0]["findings"]
    fixable_before = [f for f in before if f["fixable"]]
    check("check says which findings --fix resolves", len(fixable_before) > 10 and {f["rule"] for f in fixable_before} == {"JX209", "JX401", "JX403"})
    check("--fix resolves every fixable finding", not [f for f in after if f["fixable"]], str([f["rule"] for f in after if f["fixable"]][:5]))
    check("--fix leaves the other findings", sorted((f["rule"], (f["project"] or {}).get("seq")) for f in after)
          == sorted((f["rule"], (f["project"] or {}).get("seq")) for f in before if not f["fixable"]))
    m_fixed, m_orig = model(fixed), model(ref)
    d = diff(m_fixed, model(ref, "--fix"))
    check("--fix: the fixed .docx reads back as the fixed model", not d, "; ".join(d[:5]))
    p8 = m_fixed["projects"][7]
    check("--fix: 百分比 -> %, double space and U+3000 gone, headings renumbered",
          p8["indicators"][1]["value"]["text"] == "≥90%" and p8["name"] == "办案及业务经费 北辛堡镇"
          and p8["indicators"][1]["description"] == "不超年初预算" and p8["heading"]["number"] == "8、")
    check("--fix: amounts and codes untouched", [p["budget"] for p in m_fixed["projects"]] == [p["budget"] for p in m_orig["projects"]]
          and [p["code"] for p in m_fixed["projects"]] == [p["code"] for p in m_orig["projects"]])
    plain = model(ref, "--fix")
    check("--fix applies to json too", plain["projects"][1]["indicators"][0]["value"]["unit"] == "%")
    check("nothing changes without --fix", model(ref)["projects"][1]["indicators"][0]["value"]["unit"] == "百分比")

    # Safety
    copy = os.path.join(tmp, "输入.docx")
    shutil.copy(ref, copy)
    r = run("convert", copy, "--to", "docx", "-o", copy)
    check("never overwrites an input", r.returncode == 2 and open(copy, "rb").read() == open(ref, "rb").read())
    r = run("convert", SAMPLES[0], SAMPLES[1], "--to", "docx", "-o", os.path.join(tmp, "x.docx"))
    check("several inputs need -o DIR/", r.returncode == 2 and not os.path.exists(os.path.join(tmp, "x.docx")))
    r = run("convert", SAMPLES[0], SAMPLES[1], "--to", "docx", "-o", os.path.join(tmp, "规范") + "/")
    check("-o DIR/ writes one .docx per input", len(glob.glob(os.path.join(tmp, "规范", "*.docx"))) == 2)

    # Real clients
    pdf_dir = os.path.join(tmp, "pdf")
    r = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/lo",
                        "--convert-to", "pdf", "--outdir", pdf_dir, *outs], capture_output=True, timeout=300)
    pdfs = glob.glob(os.path.join(pdf_dir, "*.pdf"))
    check("LibreOffice converts every normalized output to PDF", r.returncode == 0 and len(pdfs) == len(outs),
          f"{len(pdfs)} of {len(outs)}")
    for out in outs:
        p = subprocess.run(["pandoc", "-f", "docx", "-t", "html", out], capture_output=True)
        m = model(out)
        # A text of the document, as the model read it: the first card's code or name, or the department's name.
        text = m["projects"][0]["code"] or m["projects"][0]["name"] if m["projects"] else m["department"]["name"]
        check(f"pandoc reads {os.path.basename(out)}", p.returncode == 0 and text in p.stdout.decode(), p.stderr.decode()[:200])
    first = [p for p in pdfs if "beixinbao" in p][0]
    subprocess.run(["pdftoppm", "-f", "2", "-l", "2", "-r", "50", "-gray", first, os.path.join(tmp, "page")], check=True)
    page = glob.glob(os.path.join(tmp, "page*.pgm"))[0]
    data = open(page, "rb").read()
    # A PGM header is four whitespace-separated fields (P5, width, height, maxval) and one
    # whitespace byte; how they are spread over lines is the writer's choice.
    header = re.match(rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(header.group(2)), int(header.group(3))
    pixels = data[header.end():]
    check("the rendered page has width x height pixels", len(pixels) == width * height, f"{len(pixels)}")
    dark = sum(1 for b in pixels if b < 128)
    check(f"a rendered page is not blank ({dark} dark pixels of {len(pixels)})", dark > len(pixels) // 200)

finish()
