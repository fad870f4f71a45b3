#!/usr/bin/python3
"""Makes the workbook reader's fixtures: openpyxl.xlsx written by openpyxl (no cached formula
values), and libreoffice.xlsx, the same workbook opened and saved again by LibreOffice (formulas
calculated, its own styles and shared strings); and bad-*.xlsx, LibreOffice.s workbook with its first
sheet's XML broken in one way each (rewritten with Python's zipfile). Run: /usr/bin/python3 tests/ooxml/workbook/make.py"""
import datetime, os, re, shutil, subprocess, tempfile, zipfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目1"
    ws["A1"] = "2024年项目支出绩效目标表"
    ws.merge_cells("A1:F1")
    ws["A2"] = "项目名称"
    ws["B2"] = "农村道路养护"
    ws.merge_cells("B2:F2")
    ws["A3"] = "预算数"
    ws["B3"] = 125700
    ws["B3"].number_format = "#,##0.00"
    ws["A4"] = "完成率"
    ws["B4"] = 0.95
    ws["B4"].number_format = "0.00%"
    ws["A5"] = "开始日期"
    ws["B5"] = datetime.date(2024, 3, 1)
    ws["B5"].number_format = 'yyyy"年"m"月"d"日"'
    ws["A6"] = "合计"
    ws["B6"] = "=B3*2"
    ws["B6"].number_format = "0.00"
    ws["A7"] = "数量"
    ws["B7"] = 12.5
    ws["A8"] = "备注"
    ws["B8"] = "跨两行两列"
    ws.merge_cells("B8:C9")
    ws["D9"] = "编码"
    ws["E9"] = "1307302128118SZ"
    hidden = wb.create_sheet("隐藏")
    hidden["A1"] = "内部"
    hidden.sheet_state = "hidden"
    source = os.path.join(HERE, "openpyxl.xlsx")
    wb.save(source)
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "libreoffice.xlsx")
        shutil.copy(source, os.path.join(tmp, "in.xlsx"))
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", os.path.join(tmp, "out"), os.path.join(tmp, "in.xlsx")],
                       check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "out", "in.xlsx"), os.path.join(HERE, "libreoffice.xlsx"))

    broken = {
        "bad-shared-string.xlsx": lambda x: x.replace('t="s"><v>0</v>', 't="s"><v>999</v>', 1),
        "bad-overlapping-merge.xlsx": lambda x: x.replace('<mergeCell ref="A1:F1"/>',
                                                          '<mergeCell ref="A1:F1"/><mergeCell ref="B1:B3"/>', 1),
        "bad-million-rows.xlsx": lambda x: x.replace("</sheetData>",
                                                     '<row r="1048576"><c r="A1048576" t="n"><v>1</v></c></row></sheetData>', 1),
        "bad-sparse.xlsx": lambda x: x.replace("</sheetData>", '<row r="99999"><c r="BL99999" t="n"><v>1</v></c></row></sheetData>', 1),
        "bad-wide.xlsx": lambda x: x.replace("</sheetData>", '<row r="20"><c r="XFD20" t="n"><v>1</v></c></row></sheetData>', 1),
    }
    for name, change in broken.items():
        with zipfile.ZipFile(os.path.join(HERE, "libreoffice.xlsx")) as src, zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as out:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    changed = change(data.decode())
                    assert changed != data.decode(), name
                    data = changed.encode()
                out.writestr(item, data)
    long_format()


def long_format():
    """odd-long-format.xlsx: 3,000 numbers in a format of 300 zeros (Excel takes 255 characters at
    most), which would pad each to 300 digits: not read, each number its stored value, the cells
    said in a few notices, not 3,000."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in range(1, 301):
        for c in range(1, 11):
            cell = ws.cell(row=r, column=c, value=r * 10 + c)
            cell.number_format = "0" * 300
    wb.save(os.path.join(HERE, "odd-long-format.xlsx"))


if __name__ == "__main__":
    main()
