#!/usr/bin/python3
"""Makes a county of N performance-target documents for the benchmark, with python-docx.

Different units, 3 to 40 project cards each, varied layouts (一级指标 merged or repeated, plain or
spaced labels, goals in one paragraph or several). python-docx writes a set of distinct base
documents; the rest of the county are those with their unit and project codes rewritten in the
XML (Python's zipfile), which keeps generation fast while every document stays different.
Usage: /usr/bin/python3 bench/make_corpus.py N OUT_DIR [--seed 1]"""
import os
import random
import re
import sys
import zipfile

import docx

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples"))
from make_samples import parse_reference  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BASES = 40


def card(doc, p, unit, spaced):
    lab = (lambda s: " ".join(s)) if spaced else (lambda s: s)
    t = doc.add_table(rows=7, cols=7)
    c = t.cell
    c(0, 0).merge(c(0, 4)).text = unit
    c(0, 5).merge(c(0, 6)).text = "单位：万元"
    c(1, 0).text = lab("项目编码")
    c(1, 1).merge(c(1, 2)).text = p["code"]
    c(1, 3).text = lab("项目名称")
    c(1, 4).merge(c(1, 6)).text = p["name"]
    c(2, 0).merge(c(3, 0)).text = "预算规模及资金用途"
    for col, text in zip(range(1, 7), ["预算数", p["total"], "其中：财政资金", p["fiscal"], "其他资金", p["other"]]):
        c(2, col).text = text
    c(3, 1).merge(c(3, 6)).text = p["purpose"]
    c(4, 0).merge(c(5, 0)).text = "资金支出计划（%）"
    for r, values in ((4, p["periods"]), (5, p["percents"])):
        c(r, 1).text, c(r, 2).text = values[0], values[1]
        c(r, 3).merge(c(r, 4)).text = values[2]
        c(r, 5).merge(c(r, 6)).text = values[3]
    c(6, 0).text = lab("绩效目标")
    goals = c(6, 1).merge(c(6, 6))
    goals.text = p["goals"][0]
    for g in p["goals"][1:]:
        goals.add_paragraph(g)


def indicators(doc, rows, merged):
    t = doc.add_table(rows=1 + len(rows), cols=6)
    for k, h in enumerate(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]):
        t.cell(0, k).text = h
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            if k == 0 and merged and r > 0 and rows[r - 1][0] == text:
                continue
            t.cell(r + 1, k).text = text
    if merged:
        r = 0
        while r < len(rows):
            end = r
            while end + 1 < len(rows) and rows[end + 1][0] == rows[r][0]:
                end += 1
            if end > r:
                t.cell(r + 1, 0).merge(t.cell(end + 1, 0))
            r = end + 1


def base_document(path, data, rng, k):
    doc = docx.Document()
    unit = f"8{k:05d}怀来县第{k}镇人民政府"
    doc.add_heading("一、总体绩效目标", level=2)
    doc.add_paragraph(data["department"]["overall_goal"])
    cards = rng.randint(3, 40)
    merged, spaced = rng.random() < 0.7, rng.random() < 0.3
    for n in range(cards):
        p = dict(data["projects"][n % len(data["projects"])])
        p["code"] = f"130730{21}{k:03d}{n:02d}" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8))
        doc.add_heading(f"{n + 1}、{p['name']}绩效目标表", level=2)
        card(doc, p, unit, spaced)
        doc.add_paragraph("")
        indicators(doc, p["indicators"], merged)
    doc.save(path)


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    rng = random.Random(seed)
    data = parse_reference(os.path.join(HERE, "..", "samples", "src", "beixinbao-2021.txt"))
    os.makedirs(out, exist_ok=True)
    bases = os.path.join(out, ".bases")
    os.makedirs(bases, exist_ok=True)
    for k in range(min(BASES, n)):
        path = os.path.join(bases, f"{k:03d}.docx")
        if not os.path.exists(path):
            base_document(path, data, rng, k)
    for i in range(n):
        base = os.path.join(bases, f"{i % BASES:03d}.docx")
        target = os.path.join(out, f"乡镇{i // 50:02d}", f"单位{i:04d}.docx")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with zipfile.ZipFile(base) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                body = zin.read(item.filename)
                if item.filename == "word/document.xml":
                    xml = body.decode("utf-8")
                    xml = re.sub(r"8\d{5}怀来县第\d+镇", f"8{i:05d}怀来县第{i}镇", xml)
                    xml = re.sub(r"13073021\d{3}", f"13073021{i % 1000:03d}", xml)
                    body = xml.encode("utf-8")
                zout.writestr(item, body)
    print(f"wrote {n} documents in {out}")


if __name__ == "__main__":
    main()
