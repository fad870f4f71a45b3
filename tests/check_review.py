#!/usr/bin/python3
"""`jixiao check --format html`, the review page, opened in Debian's headless Chromium (Selenium
and chromedriver): what it draws is compared with the JSON report and the converted model,
every finding is looked for on its row, sorting and filters are clicked, the page is printed to
PDF and read back with poppler, a hostile document's markup must show as text and run nothing;
the page is checked by html-validate and its data block by python3-jsonschema.
Usage: check_review.py PATH/TO/jixiao   (run from the source root)"""
import collections
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
from decimal import Decimal

import docx
import jsonschema

import browser
from suite import check, finish, run

SAMPLES = sorted(glob.glob("samples/*.docx"))
BAD = "tests/fixtures/bad/notice.pdf"
PWNED = "window.__jx_pwned"


def data_block(html):
    m = re.search(r'<script type="application/json" id="jx-data">(.*?)</script>', html, re.S)
    return m and m.group(1)


def unit_blocks(html):
    return [(int(i), text) for i, text in re.findall(r'<script type="application/json" id="jx-u(\d+)">(.*?)</script>', html, re.S)]


def hostile(path):
    """The reference document, rewritten by python-docx with markup in its texts and its name."""
    d = docx.Document("samples/beixinbao-2021.docx")

    def put(paragraphs, text):
        p = paragraphs[0]
        for r in p.runs[1:]:
            r._r.getparent().remove(r._r)
        p.runs[0].text = text

    put([d.paragraphs[3]], "<script>window.__jx_pwned='goal'</script>完成目标 & &amp; &lt;b&gt;")
    put([d.paragraphs[10]], "1、<svg onload=\"window.__jx_pwned='heading'\">绩效目标表")
    t = d.tables[0]
    put(t.rows[0].cells[0].paragraphs, "803004怀来县<b>北辛堡</b>镇</script><script>window.__jx_pwned='unit'</script>")
    put(t.rows[1].cells[4].paragraphs, "<img src=x onerror=\"window.__jx_pwned='name'\">项目")
    put(t.rows[3].cells[1].paragraphs, "</script><!--<script>window.__jx_pwned='purpose'</script>-->")
    for table in d.tables[1:3]:
        for row in table.rows:
            for cell in row.cells:
                if cell.text == "按离任村干部人数分配":
                    put(cell.paragraphs, "<iframe src=\"javascript:window.__jx_pwned='row'\"></iframe>")
    d.save(path)


def money(text):
    return Decimal(text.replace(",", ""))


tmp = tempfile.mkdtemp(prefix="jixiao-review-")
evil = os.path.join(tmp, "恶意<img src=x onerror=window.__jx_pwned=9>.docx")
hostile(evil)
inputs = SAMPLES + [BAD, evil]
page = os.path.join(tmp, "审核.html")

# --- the page file ------------------------------------------------------------------------
r = run("check", *inputs, "--format", "html", "-o", page)
check("an unreadable input among them: exit 2, the page still written", r.returncode == 2 and os.path.getsize(page) > 0,
      r.stderr.decode()[:300])
html = open(page, encoding="utf-8").read()
report = json.loads(run("check", *inputs, "--format", "json").stdout)
model = {d["source"]["path"]: d for d in json.loads(run("convert", *SAMPLES, evil).stdout)["documents"]}
block = data_block(html)
data = json.loads(block)
review_schema = json.load(open("schemas/review.schema.json", encoding="utf-8"))
document_schema = json.load(open("schemas/document.schema.json", encoding="utf-8"))
store = {s["$id"]: s for s in (review_schema, document_schema)}
jsonschema.Draft202012Validator(review_schema, resolver=jsonschema.RefResolver.from_schema(review_schema, store=store)).validate(data)
blocks = unit_blocks(html)
details = [json.loads(text) for _, text in blocks]
# A unit's block, by the review schema's unit_detail (whose cards are the model's, document.schema.json).
detail_schema = {"$id": review_schema["$id"], "$ref": "#/$defs/unit_detail", "$defs": review_schema["$defs"]}
detail_validator = jsonschema.Draft202012Validator(
    detail_schema, resolver=jsonschema.RefResolver.from_schema(detail_schema, store=store))
for d in details:
    detail_validator.validate(d)
check("the data blocks are valid against schemas/review.schema.json", True)
check("one unit block per unit, in order", [i for i, _ in blocks] == list(range(len(data["units"]))))
check("the data blocks hold no '<', '>' or '&' (nothing in them can close the script)",
      not any(re.search(r"[<>&]", text) for text in [block] + [t for _, t in blocks]))
check("one unit per input, in the report's order", [u["path"] for u in data["units"]] == [f["path"] for f in report["files"]])
check("the hostile texts are in the data, intact", any("<script>window.__jx_pwned='goal'</script>" in ((d.get("department") or {}).get("overall_goal") or "")
                                                        for d in details))
csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
check("a Content-Security-Policy that forbids every request", csp and "default-src 'none'" in csp.group(1)
      and "'unsafe-inline'" not in csp.group(1) and "connect-src" not in csp.group(1))
check("no address of anything outside the page", not re.search(r'(src|href)="(https?:)?//', html))
check("same bytes twice, and with -j 1 and -j 2", run("check", *inputs, "--format", "html", "-j", "1").stdout ==
      run("check", *inputs, "--format", "html", "-j", "2").stdout == open(page, "rb").read())
problems = browser.html_problems(page)
check("html-validate finds nothing", not problems, problems)
r = run("--lang", "en", "check", SAMPLES[0], "--format", "html")
en = json.loads(data_block(r.stdout.decode()))
en_report = json.loads(run("--lang", "en", "check", SAMPLES[0], "--format", "json").stdout)
check("--lang en: an English page, its messages those of the English report",
      '<html lang="en">' in r.stdout.decode() and en["lang"] == "en" and
      [f[2] for f in json.loads(unit_blocks(r.stdout.decode())[0][1])["findings"]] == [f["message"] for f in en_report["files"][0]["findings"]])

# What the page must show, counted here from the JSON report and the converted model.
counts = collections.Counter(f["severity"] for x in report["files"] for f in x["findings"])
by_rule = collections.Counter(f["rule"] for x in report["files"] for f in x["findings"])
total = {"total": Decimal(0), "fiscal": Decimal(0), "other": Decimal(0)}
cards = 0
for doc in model.values():
    for p in doc["projects"]:
        cards += 1
        scale = {"万元": Decimal(1), "元": Decimal("0.0001")}.get(p["amount_unit"])
        if scale is None or p["budget"]["total"] is None:
            continue
        for k in total:
            if p["budget"][k] is not None:
                total[k] += Decimal(str(p["budget"][k])) * scale

driver = browser.start()
try:
    # --- the overview ---------------------------------------------------------------------
    check("the overview is drawn", browser.open_page(driver, page))
    js = driver.execute_script
    kpi = js("return [...document.querySelectorAll('.kpi-value')].map(e => e.textContent)")
    check("units drawn = files in the report", kpi[0] == str(len(report["files"])), kpi)
    check("cards drawn = cards in the model", kpi[1] == str(cards), f"{kpi[1]} vs {cards}")
    check("total 预算数 drawn = the exact sum in 万元", money(kpi[2]) == total["total"], f"{kpi[2]} vs {total['total']}")
    sub = js("return Object.fromEntries([...document.querySelectorAll('.kpi-sub [data-k]')].map(e => [e.dataset.k, e.textContent]))")
    check("财政资金 and 其他资金 drawn = their exact sums",
          money(sub["fiscal"].split()[-1]) == total["fiscal"] and money(sub["other"].split()[-1]) == total["other"], sub)
    check("findings by severity drawn = the report's",
          all(sub[k].split()[-1] == str(counts[k]) for k in ("error", "warning", "info")), f"{sub} vs {counts}")
    bars = js("""return [...document.querySelectorAll('figure')][0].querySelectorAll('g.bar')""")
    drawn_rules = js("""return [...[...document.querySelectorAll('figure')][0].querySelectorAll('g.bar')]
                        .map(g => [g.querySelector('.label').textContent.split(' ')[0], g.querySelector('.value').textContent])""")
    check("findings by rule drawn = the report's, the most frequent first",
          dict((a, int(b)) for a, b in drawn_rules) == dict(by_rule) and
          [int(b) for _, b in drawn_rules] == sorted(by_rule.values(), reverse=True), drawn_rules)
    check("each rule's bar names its slug and title", all(
        len(t) > len(i) + 4 for i, t in js("""return [...[...document.querySelectorAll('figure')][0].querySelectorAll('.label')]
        .map(l => [l.textContent.split(' ')[0], l.textContent])""")))
    status = dict(js("""return [...[...document.querySelectorAll('figure')][1].querySelectorAll('g.bar')]
                        .map(g => [g.getAttribute('class'), g.querySelector('.value').textContent])"""))
    want = collections.Counter("unreadable" if f["error"] else "errors" if any(x["severity"] == "error" for x in f["findings"])
                               else "warnings" if any(x["severity"] == "warning" for x in f["findings"]) else "clean"
                               for f in report["files"])
    check("units by status drawn = counted from the report",
          all(status[f"bar st-{k}"] == str(want[k]) for k in ("clean", "warnings", "errors", "unreadable")), f"{status} vs {want}")
    largest = js("""return [...[...document.querySelectorAll('figure')][2].querySelectorAll('.value')].map(e => e.textContent)""")
    # The 20 largest at most (the samples and the unreadable file are more than that).
    check("the largest budgets, largest first", len(largest) == min(20, len(SAMPLES) + 1) and
          [money(x) for x in largest] == sorted((money(x) for x in largest), reverse=True), largest)
    check("the unreadable file and its reason in the overview",
          js("return document.querySelector('.unreadable-list').textContent").count("notice.pdf") == 1)

    # --- the table of units ---------------------------------------------------------------
    def column(key):
        return js(f"""return [...document.querySelectorAll('#units-table tbody tr')].filter(r => !r.hidden)
                      .map(r => r.querySelector('[data-k="{key}"]').textContent)""")

    check("one row per file", len(column("file")) == len(inputs))

    def click_sort(key):
        js(f"""document.querySelector('#units-table th[data-k="{key}"] button').click()""")

    click_sort("budget")
    got = [money(x) for x in column("budget") if x]
    check("sorted by 预算数, ascending (exact decimals)", got == sorted(got) and column("budget")[0] == "", column("budget"))
    click_sort("budget")
    got = [money(x) for x in column("budget") if x]
    check("... and descending on a second click", got == sorted(got, reverse=True))
    for key in ("error", "warning", "cards"):
        click_sort(key)
        got = [int(x) for x in column(key)]
        check(f"sorted by {key}", got == sorted(got))
    click_sort("name")
    check("sorted by name changes the order", column("file") != [f["path"] for f in report["files"]])
    js("const f = document.getElementById('unit-filter'); f.value = 'bureau'; f.dispatchEvent(new Event('input'))")
    check("filtered by text: only the matching files", sorted(column("file")) == sorted(p for p in inputs if "bureau" in p),
          column("file"))
    js("const f = document.getElementById('unit-filter'); f.value = ''; f.dispatchEvent(new Event('input'))")
    js("const s = document.getElementById('status-filter'); s.value = 'unreadable'; s.dispatchEvent(new Event('change'))")
    check("filtered by status: the unreadable file alone, with its reason",
          column("file") == [BAD] and "无法读取" in js("return document.querySelector('#units-table tbody tr:not([hidden]) .reason').textContent"))
    js("const s = document.getElementById('status-filter'); s.value = 'warnings'; s.dispatchEvent(new Event('change'))")
    check("filtered by status: warnings only", sorted(column("file")) == sorted(f["path"] for f in report["files"]
                                                                         if not f["error"] and want and
                                                                         not any(x["severity"] == "error" for x in f["findings"])
                                                                         and any(x["severity"] == "warning" for x in f["findings"])))
    check("a unit's row leads to its section", js("return document.querySelector('#units-table tbody tr a').getAttribute('href')").startswith("#u"))
    check("nothing of the hostile document ran on the overview", js(f"return {PWNED}") is None)

    # --- each unit's section: every finding on its row ------------------------------------
    misplaced, missing = [], []
    for i, f in enumerate(report["files"]):
        if not browser.go(driver, f"#u{i}", "unit"):
            missing.append(f"unit {i} not drawn")
            continue
        doc = model.get(f["path"])
        if f["error"]:
            check("an unreadable file's section gives its reason", f["error"] in js("return document.querySelector('.unit .reason').textContent"))
            continue
        rows = {(ind["at"]["table"], ind["at"]["row"]) for p in doc["projects"] + [doc["department"]] for ind in p["indicators"]}
        placed = js("""return [...document.querySelectorAll('.unit .finding')].map(e => {
              const tr = e.closest('tr[data-row]'), card = e.closest('.card');
              return [e.id, e.dataset.rule, e.querySelector('.msg').textContent,
                      tr ? [+tr.dataset.table, +tr.dataset.row] : null, card ? +card.dataset.seq : 0,
                      !!e.closest('.doc-findings')]; })""")
        if len(placed) != len(f["findings"]):
            missing.append(f"{f['path']}: {len(placed)} drawn, {len(f['findings'])} found")
        by_id = {p[0]: p for p in placed}
        for k, x in enumerate(f["findings"]):
            p = by_id.get(f"u{i}-f{k}")
            if not p or p[1] != x["rule"] or p[2] != x["message"]:
                missing.append(f"{f['path']} finding {k}")
                continue
            at = x["at"] and (x["at"]["table"], x["at"]["row"])
            if at in rows:
                ok = p[3] == list(at)
            elif x["project"]:
                ok = p[3] is None and p[4] == x["project"]["seq"]
            else:
                ok = p[5]
            if not ok:
                misplaced.append(f"{f['path']} {x['rule']} {at}: {p[3:]}")
    check("every finding is drawn once, with its rule and message", not missing, "; ".join(missing[:5]))
    check("every finding is on its row (else above its card, else above the unit)", not misplaced, "; ".join(misplaced[:5]))
    check("nothing of the hostile document ran in its section", js(f"return {PWNED}") is None)
    i = [f["path"] for f in report["files"]].index(evil)
    browser.go(driver, f"#u{i}", "unit")
    shown = js("return document.querySelector('.unit').textContent")
    check("the hostile markup shows as text", all(s in shown for s in (
        "<script>window.__jx_pwned='goal'</script>", "<img src=x onerror=\"window.__jx_pwned='name'\">项目",
        "</script><!--<script>window.__jx_pwned='purpose'</script>-->", "<iframe src=\"javascript:window.__jx_pwned='row'\"></iframe>",
        "<svg onload=\"window.__jx_pwned='heading'\">")), shown[:400])
    check("... and makes no element", js("return document.querySelectorAll('img, iframe, script:not([type=\"application/json\"]), b, .unit svg:not(.steps)').length") == 1,
          js("return [...document.querySelectorAll('img, iframe, script, b')].map(e => e.outerHTML.slice(0, 80))"))
    check("... and runs nothing", js(f"return {PWNED}") is None)
    drawn = os.path.join(tmp, "drawn.html")
    with open(drawn, "w", encoding="utf-8") as out:
        out.write("<!DOCTYPE html>\n" + js("return document.documentElement.outerHTML"))
    problems = browser.html_problems(drawn)
    check("the drawn unit section is valid HTML too (html-validate)", not problems, problems)
    check("the page made no request", js("return performance.getEntriesByType('resource').length") == 0)

    r = run("check", SAMPLES[0], "--select", "JX101", "--format", "html", "-o", os.path.join(tmp, "clean.html"))
    browser.open_page(driver, os.path.join(tmp, "clean.html"), "#u0", "unit")
    check("a unit with no findings says so", "未发现问题" in js("return document.querySelector('.unit .clean').textContent"))

    # --- the other forms: their fields shown, contacts only when asked for ------------------
    forms = [f"samples/form-{n}-lo.docx" for n in ("application", "department", "yuan-dates")]
    for contacts in (False, True):
        out = os.path.join(tmp, f"forms-{contacts}.html")
        r = run("check", *forms, "--format", "html", "-o", out, *(["--with-contacts"] if contacts else []))
        check(f"other forms (--with-contacts {contacts}): the page is written", r.returncode in (0, 1), r.stderr.decode())
        raw = open(out, encoding="utf-8").read()
        check(f"... the phone number is in the page's data only with --with-contacts ({contacts})",
              ("0912-1234567" in raw) == contacts and ("张三" in raw) == contacts)
        browser.open_page(driver, out, "#u0", "unit")
        shown = js("return document.querySelector('.unit').textContent")
        check(f"... the card shows 主管部门, 实施单位, 项目属性, 起止时间, money lines and long-term goals ({contacts})",
              all(x in shown for x in ("某县水利局", "某县农村供水管理站", "延续项目", "2023年1月1日-2023年12月31日",
                                       "自有资金", "全县农村集中供水率稳定在90%以上")), shown[:600])
        check(f"... and the contact only when asked for ({contacts})", ("0912-1234567" in shown) == contacts)
        heads = js("return [...document.querySelectorAll('.unit table.indicators')][0].querySelectorAll('th').length")
        check("... the indicator table has the form's extra columns (指标期限, 备注)",
              "长期绩效指标" in shown and "备注" in js("return document.querySelector('.unit table.indicators thead').textContent"), heads)
        browser.go(driver, "#u1", "unit")
        shown = js("return document.querySelector('.unit').textContent")
        check("... a department table: its name, duties and own indicators with their columns",
              all(x in shown for x in ("某区某局", "负责全区某项行政管理和公共服务工作。", "业务工作支出安排金额", "未达指标值酌情扣分"))
              and js("return document.querySelectorAll('.unit table.indicators tbody tr').length") == 5, shown[:600])
        check("... its row's finding beside the row", js("return document.querySelector('.unit table.indicators tr.has-warning') !== null"))
    errors = browser.console_errors(driver)
    check("the other forms' pages: no error in the browser's console", not errors, str(errors[:3]))

    # --- workbooks: each finding at a cell names the sheet and the cell ----------------------
    books = ["samples/form-department-calc.xlsx", "samples/form-application-xlsx.xlsx"]
    out = os.path.join(tmp, "books.html")
    run("check", *books, "--format", "html", "-o", out)
    book_report = json.loads(run("check", *books, "--format", "json").stdout)
    wrong, cells = [], 0
    for i, f in enumerate(book_report["files"]):
        browser.open_page(driver, out, f"#u{i}", "unit")
        for k, x in enumerate(f["findings"]):
            place = js(f"const e = document.getElementById('u{i}-f{k}'); return e && e.querySelector('.place') ? e.querySelector('.place').textContent : ''")
            if x["at"] and "cell" in x["at"]:
                cells += 1
                if f'工作表“{x["at"]["sheet"]}”{x["at"]["cell"]}' not in place:
                    wrong.append(f'{f["path"]} {x["rule"]} {x["at"]}: {place!r}')
    check(f"workbooks: each of the {cells} findings at a cell shows 工作表“sheet”cell, as the JSON report", cells > 0 and not wrong,
          "; ".join(wrong[:3]))

    # --- the findings list ----------------------------------------------------------------
    browser.open_page(driver, page, "#findings", "findings")
    shown_n = lambda: js("return document.querySelectorAll('#findings-list > li').length")
    everything = sum(by_rule.values())
    js("document.getElementById('more').click()")
    check("the findings list holds them all", shown_n() == min(everything, 1000)
          and js("return document.getElementById('findings-shown').textContent").endswith(str(everything)))
    rule = by_rule.most_common()[1][0]
    js(f"const s = document.getElementById('rule-filter'); s.value = '{rule}'; s.dispatchEvent(new Event('change'))")
    got = js("return [...document.querySelectorAll('#findings-list > li')].map(l => l.dataset.rule)")
    check(f"filtered by rule {rule}: exactly its findings", len(got) == min(by_rule[rule], 500) and set(got) == {rule})
    js("const s = document.getElementById('rule-filter'); s.value = ''; s.dispatchEvent(new Event('change'))")
    js("const s = document.getElementById('severity-filter'); s.value = 'error'; s.dispatchEvent(new Event('change'))")
    got = js("return [...document.querySelectorAll('#findings-list > li')].map(l => l.dataset.severity)")
    check("filtered by severity: exactly the errors", len(got) == counts["error"] and set(got) == {"error"})
    link = js("return document.querySelector('#findings-list > li .unit-link').getAttribute('href')")
    browser.go(driver, link, "unit")
    check("a finding leads to its row, marked", js("return document.querySelector('.target') !== null && document.querySelector('.target').id") == link[1:])
    browser.open_page(driver, page, "#findings?rule=JX205", "findings")
    check("a rule's bar leads to its findings", js("return document.getElementById('rule-filter').value") == "JX205")

    # --- printing: one unit per page start --------------------------------------------------
    browser.open_page(driver, page, "#all", "all")
    headings = js("return [...document.querySelectorAll('.unit > h2')].map(h => h.textContent)")
    pdf = os.path.join(tmp, "all.pdf")
    browser.print_pdf(driver, pdf)
    pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout.split("\f")
    firsts = [next((l.strip() for l in p.splitlines() if l.strip()), "") for p in pages]
    starts = [x for x in firsts if x in headings]
    check("printed: each unit starts a page, in order", starts == headings, f"{starts} vs {headings}")
    check("printed: findings beside their rows", any("JX208" in p and "≥90优" in p for p in pages))
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    check("printed on A4 (as pdfinfo names the page size)", re.search(r"^Page size:.*\(A4\)$", info, re.M), info)
    errors = browser.console_errors(driver)
    check("no error in the browser's console", not errors, str(errors[:3]))
finally:
    driver.quit()
    shutil.rmtree(tmp, ignore_errors=True)

finish()
