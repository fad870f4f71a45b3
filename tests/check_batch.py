#!/usr/bin/python3
"""County-wide batches: folders, parallel reading, ordered and byte-identical output, one
output per input, NDJSON, standard input, progress and the closing summary.
Usage: check_batch.py PATH/TO/jixiao   (run from the source root)"""
import glob
import json
import os
import shutil
import tempfile
import time

import jsonschema

from suite import JIXIAO, check, finish, run


schema = json.load(open("schemas/document.schema.json", encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema)
samples = sorted(glob.glob("samples/*.docx"))

with tempfile.TemporaryDirectory() as tmp:
    county = os.path.join(tmp, "怀来县")
    layout = {"北辛堡镇/2021年绩效目标.docx": samples[0], "土木镇/绩效目标.docx": samples[1],
              "土木镇/附件/补充.docx": samples[2], "存瑞镇/目标.DOCX": samples[3],
              "~$绩效目标.docx": None, ".隐藏.docx": samples[0], ".git/x.docx": samples[0], "说明.txt": None,
              "坏文件/损坏.docx": "tests/fixtures/bad/truncated.docx"}
    for rel, src in layout.items():
        path = os.path.join(county, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if src:
            shutil.copy(src, path)
        else:
            open(path, "wb").write(b"lock file or notes")
    expected = sorted(os.path.join(county, r) for r in ["北辛堡镇/2021年绩效目标.docx", "土木镇/绩效目标.docx",
                                                        "土木镇/附件/补充.docx", "存瑞镇/目标.DOCX"])

    one = run("convert", county, "--jobs", "1")
    many = run("convert", county, "--jobs", "8")
    check("a folder with a bad file: exit 2, the bad file reported", one.returncode == 2 and "损坏.docx" in one.stderr.decode(), one.stderr.decode()[:300])
    check("--jobs 1 and --jobs 8 give the same bytes", one.stdout == many.stdout and len(one.stdout) > 1000)
    batch = json.loads(one.stdout)
    paths = [d["source"]["path"] for d in batch["documents"]]
    check("folders searched recursively, sorted, lock/hidden/other files skipped", paths == expected, "\n".join(paths))
    check("every document of the batch is valid", all(validator.is_valid(d) for d in batch["documents"]))
    check("a batch is jixiao.batch/1", batch["schema"] == "jixiao.batch/1")

    nd = run("convert", county, "--to", "ndjson", "--jobs", "2")
    lines = nd.stdout.decode().splitlines()
    check("--to ndjson: one document per line", len(lines) == 4 and all(validator.is_valid(json.loads(l)) for l in lines))
    check("--to ndjson equals the batch's documents", [json.loads(l) for l in lines] == batch["documents"])

    for fmt in ("csv", "xlsx"):
        a, b = os.path.join(tmp, f"a.{fmt}"), os.path.join(tmp, f"b.{fmt}")
        run("convert", county, "--to", fmt, "-o", a, "--jobs", "1")
        run("convert", county, "--to", fmt, "-o", b, "--jobs", "8")
        check(f"--to {fmt}: the same bytes with 1 and 8 jobs", open(a, "rb").read() == open(b, "rb").read())
    c1 = run("check", county, "--format", "json", "--jobs", "1")
    c8 = run("check", county, "--format", "json", "--jobs", "8")
    check("check: the same report with 1 and 8 jobs", c1.stdout == c8.stdout and c1.returncode == 2)
    report = json.loads(c1.stdout)
    check("check over a folder: every file, the bad one with its reason",
          len(report["files"]) == 5 and sum(1 for f in report["files"] if f["error"]) == 1)
    codes = [f["rule"] for f in report["files"][0]["findings"] + report["files"][1]["findings"]]
    check("JX302 across the files of one run", "JX302" in [f["rule"] for fr in report["files"] for f in fr["findings"]])

    out_dir = os.path.join(tmp, "输出") + "/"
    r = run("convert", county, "-o", out_dir)
    made = sorted(os.path.relpath(p, out_dir) for p in glob.glob(out_dir + "**/*.json", recursive=True))
    check("-o DIR/ writes one output per input, mirroring the folders",
          made == sorted(["北辛堡镇/2021年绩效目标.json", "土木镇/绩效目标.json", "土木镇/附件/补充.json", "存瑞镇/目标.json"]), str(made))
    check("-o DIR/: each a valid document", all(validator.is_valid(json.load(open(os.path.join(out_dir, m)))) for m in made))
    # The folder written with a trailing slash, or through "..": the same mirrored names.
    for i, spelled in enumerate([county + "/", os.path.join(county, "..", os.path.basename(county))]):
        other_dir = os.path.join(tmp, f"输出{i}") + "/"
        run("convert", spelled, "-o", other_dir)
        again = sorted(os.path.relpath(p, other_dir) for p in glob.glob(other_dir + "**/*.json", recursive=True))
        check(f"-o DIR/ mirrors the same names for the folder spelled {spelled!r}", again == made, str(again))
    r = run("convert", county, "--to", "csv", "-o", os.path.join(tmp, "表格") + "/")
    check("-o DIR/ with --to csv", len(glob.glob(os.path.join(tmp, "表格", "**", "*.csv"), recursive=True)) == 4)

    r = run("convert", "-", stdin=open(samples[0], "rb").read())
    doc = json.loads(r.stdout)
    check("- reads standard input", r.returncode == 0 and doc["source"]["path"] == "-" and len(doc["projects"]) > 0)
    r = run("convert", "-", stdin=b"not a docx")
    check("- with garbage: exit 2 naming -", r.returncode == 2 and r.stderr.decode().startswith("-: "))

    r = run("convert", county, "--progress", "-o", os.path.join(tmp, "p.json"))
    err = r.stderr.decode()
    check("--progress: a progress line and a closing summary on stderr",
          "[5/5]" in err and "读取 5 个文件：转换 4 个，失败 1 个" in err and "损坏.docx" in err, err[-400:])
    r = run("--lang", "en", "convert", county, "--progress", "-o", os.path.join(tmp, "p.json"))
    check("--progress in English", "read 5 files: 4 converted, 1 failed" in r.stderr.decode())
    r = run("convert", county, "-o", os.path.join(tmp, "q.json"))
    check("no progress when stderr is not a terminal: one line per failure only", r.stderr.decode().count("\n") == 1)
    r = run("check", county, "--progress")
    check("check --progress", "[5/5]" in r.stderr.decode())

    # More documents than the readers may hold (8 per job), written to a pipe whose reader waits
    # before it reads: the readers wait for room, go on, and all end.
    many_dir = os.path.join(tmp, "六十个")
    os.makedirs(many_dir)
    for k in range(60):
        shutil.copy(samples[k % len(samples)], os.path.join(many_dir, f"{k:02d}.docx"))
    alone = run("convert", many_dir, "--to", "ndjson", "--jobs", "1").stdout
    import subprocess
    writer = subprocess.Popen([JIXIAO, "convert", many_dir, "--to", "ndjson", "--jobs", "2"], stdout=subprocess.PIPE)
    time.sleep(1.5)
    try:
        slow, _ = writer.communicate(timeout=60)
        ended = writer.returncode == 0
    except subprocess.TimeoutExpired:
        writer.kill()
        slow, ended = b"", False
    check("a slowly read pipe: every document, in order, and the batch ends",
          ended and slow == alone and len(alone.splitlines()) == 60)

    # --summary-in-folder (what the Windows drop-a-folder batch file runs): the folder's summary
    # workbook and review page, named by jixiao, written into the folder itself; run again, the
    # same (its own 汇总.xlsx is not read as a submission).
    import openpyxl
    dropped = os.path.join(tmp, "拖入的文件夹")
    os.makedirs(dropped)
    for k, src in enumerate(samples[:3]):
        shutil.copy(src, os.path.join(dropped, f"单位{k}.docx"))
    first = run("convert", dropped, "--summary-in-folder", "--jobs", "2")
    book = os.path.join(dropped, "汇总.xlsx")
    page = os.path.join(dropped, "审核.html")
    ok = first.returncode == 0 and os.path.exists(book) and os.path.exists(page)
    sheets = openpyxl.load_workbook(book).sheetnames if ok else []
    rows = openpyxl.load_workbook(book)["指标"].max_row if ok else 0
    check("--summary-in-folder: 汇总.xlsx (项目, 指标, 问题 by openpyxl) and 审核.html in the folder, said in one line",
          ok and sheets == ["项目", "指标", "问题"] and "jx-data" in open(page, encoding="utf-8").read()
          and "完成" in first.stderr.decode() and sorted(os.listdir(dropped)) ==
          sorted(["单位0.docx", "单位1.docx", "单位2.docx", "汇总.xlsx", "审核.html"]), first.stderr.decode()[-300:])
    again = run("convert", dropped, "--summary-in-folder", "--jobs", "2")
    check("--summary-in-folder again: its own summary is not read, the same rows",
          again.returncode == 0 and openpyxl.load_workbook(book)["指标"].max_row == rows, again.stderr.decode()[-300:])
    r = run("convert", dropped, "--summary-in-folder", "-o", os.path.join(tmp, "x.xlsx"))
    check("--summary-in-folder with -o: exit 2, nothing written", r.returncode == 2 and not os.path.exists(os.path.join(tmp, "x.xlsx")))
    r = run("convert", samples[0], "--summary-in-folder")
    check("--summary-in-folder with a file: exit 2, saying it needs a folder", r.returncode == 2 and "文件夹" in r.stderr.decode())
    r = run("convert", "", "--summary-in-folder")
    check("--summary-in-folder with nothing dropped: exit 2, saying what to do", r.returncode == 2 and "拖" in r.stderr.decode())

    r = run("convert", os.path.join(tmp, "空文件夹不存在"))
    check("a missing path: exit 2", r.returncode == 2)
    os.makedirs(os.path.join(tmp, "空"))
    r = run("convert", os.path.join(tmp, "空"))
    check("an empty folder: exit 2 saying it holds no .docx", r.returncode == 2 and ".docx" in r.stderr.decode())

finish()
