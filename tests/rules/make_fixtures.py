#!/usr/bin/python3
"""Writes each rule's fixture documents with LibreOffice: tests/rules/JXnnn/fires.docx and
near-miss.docx, from tests/rules/JXnnn/case.json, and tests/rules/clean.docx, the clean document
every case starts from.

A case changes the clean document's data (the same data the samples are made of, see
samples/make_samples.py) with a list of edits, each [op, path, value?]:
  ["set", "projects/0/fiscal", "10.24"]          replace a value (a path of keys and indices)
  ["delete", "projects/0/indicators/4"]          remove a list item or a key
  ["append", "projects/0/indicators", [...]]     add to a list
  ["copy", "projects/0", "projects/-"]           copy a value to a path ("-": the end of a list)
The data is written as HTML and converted by LibreOffice's Writer, as the samples are; the .docx
files are committed, so that the tests need no LibreOffice.

A case may name another form family ("family": "framework", "application", "department" or
"yuan-dates", samples/make_forms.py), whose sample data the edits then change (paths from that
family's data: "0/rows/2/4" for FRAMEWORK_PROJECTS), and another writer ("writer":
"python-docx"). "expect" lists messages, or objects {"message", "project", "table", "row"} that
also pin where the finding is. Run after editing a case.json:
    /usr/bin/python3 tests/rules/make_fixtures.py [JX101 ...]"""
import copy
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "samples"))
import make_forms  # noqa: E402
from make_samples import html_document  # noqa: E402
from word_features import build as python_docx_reference  # noqa: E402

ROWS = [
    ["产出指标", "数量指标", "完成数", "完成专项工作的数量", "≥95%", "年度工作计划"],
    ["产出指标", "质量指标", "合格率", "工作验收合格", "≥95%", "年度工作计划"],
    ["产出指标", "时效指标", "及时率", "按时完成", "≥95%", "年度工作计划"],
    ["效益指标", "社会效益指标", "社会稳定", "维护社会稳定", "≥95%", "年度工作计划"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "群众满意", "≥95%", "年度工作计划"],
]


def project(number, code, name):
    return {"number": f"{number}、", "heading": f"{name}绩效目标表", "unit_code": "803004",
            "unit_name": "怀来县北辛堡镇人民政府", "amount_unit": "万元", "code": code, "name": name,
            "total": "10.5", "fiscal": "10.25", "other": "0.25", "purpose": f"用于{name}",
            "periods": ["3月底", "6月底", "10月底", "12月底"],
            "percents": ["25.00%", "50.00%", "75.00%", "100.00%"],
            "goals": ["1.按时完成专项工作", "2.维护社会稳定"], "indicators": copy.deepcopy(ROWS)}


CLEAN = {"department": {"overall_goal": "完成县级下达的各项目标任务，大力发展全镇经济。",
                        "sub_goals": "加强基层组织建设，提升服务水平。",
                        "safeguards": "严格执行上级政策，保障本年度全镇工作顺利完成。"},
         "projects": [project(1, "13073021EOT8X7ZTVTKA0", "专项经费"),
                      project(2, "13073021QSG9Q0W39DNK9", "办公经费")]}


def walk(data, path):
    """The container that holds the path's last step, and that step."""
    keys = path.split("/")
    for k in keys[:-1]:
        data = data[int(k)] if isinstance(data, list) else data[k]
    last = keys[-1]
    if isinstance(data, list) and last != "-":
        last = int(last)
    return data, last


def edited(edits, data=None):
    data = copy.deepcopy(CLEAN if data is None else data)
    for op, path, *rest in edits:
        holder, key = walk(data, path)
        if op == "set":
            holder[key] = rest[0]
        elif op == "delete":
            del holder[key]
        elif op == "append":
            holder[key].append(rest[0])
        elif op == "copy":
            source_holder, source_key = walk(data, path)
            value = copy.deepcopy(source_holder[source_key])
            target_holder, target_key = walk(data, rest[0])
            if target_key == "-":
                target_holder.append(value)
            else:
                target_holder[target_key] = value
        else:
            raise SystemExit(f"{path}: unknown edit {op}")
    return data


def convert(htmls, outdir):
    """One LibreOffice run for all the HTML files; returns the .docx path of each."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
               "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", outdir]
        subprocess.run(cmd + htmls, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    wanted = set(sys.argv[1:])
    jobs = [("clean", CLEAN, os.path.join(HERE, "clean.docx"))] if not wanted else []
    for case_path in sorted(glob.glob(os.path.join(HERE, "JX*", "case.json"))):
        rule = os.path.basename(os.path.dirname(case_path))
        if wanted and rule not in wanted:
            continue
        with open(case_path, encoding="utf-8") as f:
            case = json.load(f)
        family, writer = case.get("family", "reference"), case.get("writer", "libreoffice")
        for kind in ("fires", "near-miss"):
            target = os.path.join(os.path.dirname(case_path), kind + ".docx")
            if family == "reference":
                data = edited(case[kind])
                if writer == "python-docx":
                    python_docx_reference(data, target)
                else:
                    jobs.append((f"{rule}-{kind}", html_document(data), target))
            else:
                blocks = make_forms.family_blocks(family, lambda d, e=case[kind]: edited(e, d))
                if writer == "python-docx":
                    make_forms.python_docx(blocks, target)
                else:
                    jobs.append((f"{rule}-{kind}", make_forms.html(blocks), target))
    with tempfile.TemporaryDirectory() as tmp:
        htmls = []
        for name, page, _ in jobs:
            htmls.append(os.path.join(tmp, name + ".html"))
            with open(htmls[-1], "w", encoding="utf-8") as f:
                f.write(page)
        out = os.path.join(tmp, "out")
        if htmls:
            convert(htmls, out)
        for name, _, target in jobs:
            shutil.move(os.path.join(out, name + ".docx"), target)
    print(f"wrote documents for {len(jobs)} LibreOffice jobs and the python-docx cases")


if __name__ == "__main__":
    main()
