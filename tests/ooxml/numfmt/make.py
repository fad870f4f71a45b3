#!/usr/bin/python3
"""Makes the number-format oracle: formats.xlsx (openpyxl) holds numbers under the formats that
budget forms use, and LibreOffice's CSV export of it (the cells as shown) is the expected text.
cases.tsv gives, for each cell, the stored <v> text as openpyxl wrote it, the format code and
what LibreOffice showed. Run: /usr/bin/python3 tests/ooxml/numfmt/make.py (needs soffice)."""
import csv, os, re, shutil, subprocess, sys, tempfile, zipfile
import datetime
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FORMATS = ["General", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.00%", "0.0", "#,##0.000",
           '"¥"#,##0.00', "0.00_ ", '#,##0.00;[Red]-#,##0.00', "0.00;-0.00;0", "#.00", "0.00元",
           "yyyy/m/d", "yyyy-mm-dd", 'yyyy"年"m"月"d"日"', 'yyyy"年"m"月"', 'm"月"d"日"', "yyyy-mm-dd hh:mm:ss",
           "h:mm", "hh:mm:ss", "h:mm AM/PM", "@"]
NUMBERS = [0, 1, -1, 12.57, 0.25, 125700, 1234567.891, 0.005, -0.005, 2.5, -2.5, 0.1 + 0.2, 99.995,
           1e-3, 45291, 45291.5, 45291.999999, 61, 1, 100, 33.333333333333336, 123456789012]
DATES_ONLY = {"yyyy/m/d", "yyyy-mm-dd", 'yyyy"年"m"月"d"日"', 'yyyy"年"m"月"', 'm"月"d"日"',
              "yyyy-mm-dd hh:mm:ss", "h:mm", "hh:mm:ss", "h:mm AM/PM"}


def main():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "formats"
    cases = []
    row = 1
    for f in FORMATS:
        for x in NUMBERS:
            if f in DATES_ONLY and (x < 1 or x > 2958465):
                continue
            c = ws.cell(row=row, column=1, value=x)
            c.number_format = f
            cases.append((row, f))
            row += 1
    xlsx = os.path.join(HERE, "formats.xlsx")
    wb.save(xlsx)
    # The <v> text of each row's cell, as written.
    sheet = zipfile.ZipFile(xlsx).read("xl/worksheets/sheet1.xml").decode()
    stored = {int(r): v for r, v in re.findall(r'<c r="A(\d+)"[^>]*><v>([^<]*)</v>', sheet)}
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
                        "--outdir", tmp, xlsx], check=True, capture_output=True)
        shown = [r[0] if r else "" for r in csv.reader(open(os.path.join(tmp, "formats.csv"), encoding="utf-8"))]
    with open(os.path.join(HERE, "cases.tsv"), "w", encoding="utf-8", newline="") as out:
        out.write("# stored\tformat\tshown by LibreOffice\n")
        for (r, f) in cases:
            out.write(f"{stored[r]}\t{f}\t{shown[r - 1]}\n")


if __name__ == "__main__":
    main()
