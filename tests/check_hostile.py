#!/usr/bin/python3
"""Hostile and broken inputs, made here at test time: each must end in a clear error (or a
result) quickly and in little memory, never a crash, a hang or a huge allocation.
Usage: check_hostile.py PATH/TO/jixiao   (run from the source root)"""
import json
import os
import struct
import tempfile
import time
import zipfile

from suite import JIXIAO, check, finish

REF = "samples/beixinbao-2021.docx"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run_measured(*args, timeout=60):
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        out = os.open(os.path.join(TMP, "stdout"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        err = os.open(os.path.join(TMP, "stderr"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(out, 1)
        os.dup2(err, 2)
        os.dup2(devnull, 0)
        os.execv(JIXIAO, [JIXIAO, *args])
    status, usage = None, None
    while time.monotonic() - start < timeout:
        wpid, st, ru = os.wait4(pid, os.WNOHANG)
        if wpid:
            status, usage = st, ru
            break
        time.sleep(0.005)
    if status is None:
        os.kill(pid, 9)
        os.wait4(pid, 0)
        return None, b"", b"", timeout, 0
    code = os.waitstatus_to_exitcode(status)
    return (code, open(os.path.join(TMP, "stdout"), "rb").read(), open(os.path.join(TMP, "stderr"), "rb").read(),
            time.monotonic() - start, usage.ru_maxrss / 1024)


def docx_with(path, document_xml=None, extra=None, replace=None, base=REF,
              compression=zipfile.ZIP_DEFLATED, level=None):
    """A sample (the reference by default) with its document part or others replaced (python's
    zipfile writes it, deflated by default)."""
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w", compression, compresslevel=level) as zout:
        for item in zin.infolist():
            data = (replace or {}).get(item.filename, zin.read(item.filename))
            if item.filename == "word/document.xml" and document_xml is not None:
                if callable(document_xml):
                    document_xml(zout)
                    continue
                data = document_xml
            zout.writestr(item.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)


def patched_entry(src, dst, name, *, crc=None, size=None, comp_size=None, flip=None):
    """A copy of the zip `src` whose entry `name` says another CRC, size or compressed size (each
    given as a function of the value written; in its local header and in the central directory
    alike), or has one byte of its compressed data inverted at the fraction `flip` of its
    length: what a disk or a transfer does."""
    data = bytearray(open(src, "rb").read())
    eocd = data.rindex(b"PK\x05\x06")
    count, _, cd = struct.unpack_from("<HII", data, eocd + 10)
    for _ in range(count):
        assert data[cd:cd + 4] == b"PK\x01\x02"
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, cd + 28)
        local = struct.unpack_from("<I", data, cd + 42)[0]
        if data[cd + 46:cd + 46 + name_len].decode() == name:
            if flip is not None:
                start = local + 30 + sum(struct.unpack_from("<HH", data, local + 26))
                length = struct.unpack_from("<I", data, cd + 20)[0]
                data[start + int(length * flip)] ^= 0xFF
            for at, change in ((16, crc), (20, comp_size), (24, size)):
                if change is not None:  # the same fields sit 2 bytes earlier in the local header
                    value = change(struct.unpack_from("<I", data, cd + at)[0])
                    struct.pack_into("<I", data, cd + at, value)
                    struct.pack_into("<I", data, local + at - 2, value)
            open(dst, "wb").write(bytes(data))
            return
        cd += 46 + name_len + extra_len + comment_len
    raise KeyError(name)


def with_trailing_bytes(src, dst, name, extra):
    """A copy of the zip `src` whose entry `name` has `extra` bytes after its compressed data,
    counted in its compressed size (local header and central directory), every later offset
    moved to match."""
    data = bytearray(open(src, "rb").read())
    eocd = data.rindex(b"PK\x05\x06")
    count, _, cd = struct.unpack_from("<HII", data, eocd + 10)
    at = cd
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, at + 28)
        if data[at + 46:at + 46 + name_len].decode() == name:
            local = struct.unpack_from("<I", data, at + 42)[0]
            length = struct.unpack_from("<I", data, at + 20)[0]
            end = local + 30 + sum(struct.unpack_from("<HH", data, local + 26)) + length
            break
        at += 46 + name_len + extra_len + comment_len
    else:
        raise KeyError(name)
    data[end:end] = extra
    cd += len(extra)
    struct.pack_into("<I", data, eocd + len(extra) + 16, cd)
    at = cd
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, at + 28)
        local = struct.unpack_from("<I", data, at + 42)[0]
        if data[at + 46:at + 46 + name_len].decode() == name:
            struct.pack_into("<I", data, at + 20, length + len(extra))
            struct.pack_into("<I", data, local + 18, length + len(extra))
        elif local >= end:
            struct.pack_into("<I", data, at + 42, local + len(extra))
        at += 46 + name_len + extra_len + comment_len
    open(dst, "wb").write(bytes(data))


def expect_error(name, args, *, words=(), seconds=5.0, mib=200):
    code, out, err, took, rss = run_measured(*args)
    text = err.decode("utf-8", "replace")
    check(f"{name}: exit 2 with one line naming the file", code == 2 and text.count("\n") == 1 and text.startswith(args[1]), f"{code} {text[:300]}")
    check(f"{name}: says why", all(w in text for w in words), text[:300])
    check(f"{name}: nothing on stdout", out == b"")
    check(f"{name}: fast ({took:.2f} s < {seconds} s)", took < seconds)
    check(f"{name}: small ({rss:.0f} MiB < {mib} MiB)", rss < mib)


with tempfile.TemporaryDirectory() as TMP:
    # A zip bomb: 5 MB that inflates to 3 GiB.
    bomb = os.path.join(TMP, "bomb.docx")

    def bomb_part(zout):
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zout.open(info, "w", force_zip64=True) as f:
            f.write(f"<w:document {W}><w:body><w:p><w:r><w:t>".encode())
            chunk = b" " * (1 << 22)
            for _ in range(3 * 256):  # 3 GiB
                f.write(chunk)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")

    docx_with(bomb, bomb_part)
    size = os.path.getsize(bomb)
    check(f"the zip bomb is small on disk ({size >> 20} MiB)", size < 8 << 20)
    expect_error("zip bomb", ["convert", bomb], words=("压缩",), seconds=1.0, mib=100)
    code, out, err, took, rss = run_measured("convert", bomb, "--max-ratio", "100000", "--max-part-mib", "64")
    check("zip bomb with the ratio cap lifted: the size cap still stops it", code == 2 and "64 MiB" in err.decode(), err.decode()[:200])
    check(f"... fast ({took:.2f} s) and small ({rss:.0f} MiB)", took < 3 and rss < 250)

    # Billion laughs: entities are never expanded.
    laughs = os.path.join(TMP, "laughs.docx")
    dtd = '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{k} "{("&lol" + (str(k - 1) if k > 1 else "") + ";") * 10}">' for k in range(1, 10)) + "]>"
    docx_with(laughs, (dtd + f"<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>").encode())
    code, out, err, took, rss = run_measured("convert", laughs)
    check("billion laughs: refused as having no target table, not expanded", code == 2 and "绩效目标表" in err.decode(), err.decode()[:200])
    check(f"billion laughs: fast ({took:.2f} s) and small ({rss:.0f} MiB)", took < 2 and rss < 100)

    # 20,000 nested tables.
    nested = os.path.join(TMP, "nested.docx")
    depth = 20000
    body = "<w:tbl><w:tr><w:tc>" * depth + "<w:p><w:r><w:t>底</w:t></w:r></w:p>" + "<w:p/></w:tc></w:tr></w:tbl>" * depth
    docx_with(nested, f"<w:document {W}><w:body>{body}</w:body></w:document>".encode())
    code, out, err, took, rss = run_measured("convert", nested)
    check("20,000 nested tables: an error, no crash", code == 2 and err.decode().count("\n") == 1, f"{code} {err[:200]}")
    check(f"20,000 nested tables: fast ({took:.2f} s) and small ({rss:.0f} MiB)", took < 3 and rss < 150)
    code, out, err, took, rss = run_measured("check", nested, "--format", "json")
    warnings_ok = code == 1 and b"JX001" in out
    check("20,000 nested tables under check: JX001, no crash", warnings_ok, f"{code} {err[:200]}")

    # A gridSpan of 2^31 (and more) in the real card table.
    span = os.path.join(TMP, "span.docx")
    with zipfile.ZipFile(REF) as z:
        xml = z.read("word/document.xml").decode()
    first_tc = xml.index("<w:tcPr>")
    xml = xml[:first_tc] + '<w:tcPr><w:gridSpan w:val="2147483648"/>' + xml[first_tc + len("<w:tcPr>"):]
    second = xml.index("<w:tcPr>", xml.index("<w:tbl>", xml.index("</w:tbl>")))
    xml = xml[:second] + '<w:tcPr><w:gridSpan w:val="99999999999999999999"/>' + xml[second + len("<w:tcPr>"):]
    docx_with(span, xml.encode())
    code, out, err, took, rss = run_measured("convert", span)
    check("gridSpan of 2^31: read, clamped", code == 0 and len(json.loads(out)["projects"]) == 8, f"{code} {err[:200]}")
    check(f"gridSpan of 2^31: fast ({took:.2f} s) and small ({rss:.0f} MiB)", took < 2 and rss < 100)

    # 100,000 tiny entries.
    many = os.path.join(TMP, "many.docx")
    docx_with(many, extra={f"word/media/x{k}.bin": b"" for k in range(100000)})
    expect_error("100,000 entries", ["convert", many], words=("10000",), seconds=3.0, mib=150)

    # The styles part is read only when a paragraph's level depends on it. formula-cells.docx
    # (python-docx) has no such paragraph: broken styles change nothing. The reference
    # (LibreOffice) styles the paragraphs of its department sections: the same projects, and a
    # warning that the styles were ignored.
    strip = lambda o: {k: v for k, v in json.loads(o).items() if k != "source"} if o else {}
    for base, needed in (("samples/formula-cells.docx", False), (REF, True)):
        broken = os.path.join(TMP, "broken-styles-" + os.path.basename(base))
        docx_with(broken, base=base, replace={"word/styles.xml": b"<w:styles " + W.encode() + b"><w:style>"})
        code, out, err, took, rss = run_measured("convert", "--lang", "en", broken)
        code0, out0, err0, _, _ = run_measured("convert", "--lang", "en", base)
        got, want = strip(out), strip(out0)
        warned = [w["message"] for w in got.get("warnings", []) if "styles ignored" in w["message"]]
        check(f"broken styles in {base}: read, the same projects", code == 0 and code0 == 0 and
              got.get("projects") == want.get("projects"), f"{code} {err[:200]}")
        check(f"broken styles in {base}: {'a warning, as the levels were needed' if needed else 'never read, no warning'}",
              len(warned) == (1 if needed else 0) and len(got.get("warnings", [])) == len(want.get("warnings", [])) + len(warned),
              str(warned))

    # Damaged packages: the main part's deflated bytes, CRC and sizes as a disk or a transfer
    # damages them. Each is refused as damaged, never read as if it were whole.
    plain = os.path.join(TMP, "plain.docx")
    docx_with(plain)
    for label, change, words in (
            ("one byte of the deflated main part inverted", {"flip": 0.5}, ("损坏",)),
            ("one byte inverted near its end", {"flip": 0.97}, ("损坏",)),
            ("a CRC that does not match the main part", {"crc": lambda _: 0x12345678}, ("损坏", "CRC")),
            ("a main part's deflated bytes cut short in the directory", {"comp_size": lambda n: n // 2}, ("损坏",))):
        damaged = os.path.join(TMP, "damaged.docx")
        patched_entry(plain, damaged, "word/document.xml", **change)
        expect_error(label, ["convert", damaged], words=words)
    # A size field one byte off, with the CRC right: the content is whole, and read.
    code0, out0, _, _, _ = run_measured("convert", REF)
    for delta in (-1, 1):
        off = os.path.join(TMP, "size-off.docx")
        patched_entry(plain, off, "word/document.xml", size=lambda n: n + delta)
        code, out, err, took, rss = run_measured("convert", off)
        check(f"a declared size {delta:+d} byte, the CRC right: read, the same model",
              code == 0 and strip(out) == strip(out0) != {}, f"{code} {err[:200]}")
    # Bytes after the end of the deflate stream, inside the entry (its compressed size counts
    # them): zlib, libzip and Word ignore them, and so does jixiao; the CRC attests the content.
    trailing = os.path.join(TMP, "trailing.docx")
    with_trailing_bytes(plain, trailing, "word/document.xml", b"\x00garbage after the stream\xff")
    code, out, err, took, rss = run_measured("convert", trailing)
    check("bytes after the end of the main part's deflate stream: read, the same model",
          code == 0 and strip(out) == strip(out0) != {}, f"{code} {err[:200]}")
    # A main part stored rather than deflated is read by libzip's own path: the same model.
    stored = os.path.join(TMP, "stored.docx")
    docx_with(stored, compression=zipfile.ZIP_STORED)
    code, out, err, took, rss = run_measured("convert", stored)
    check("a stored (not deflated) main part: read, the same model", code == 0 and strip(out) == strip(out0) != {},
          f"{code} {err[:200]}")
    for level in (1, 9):
        squeezed = os.path.join(TMP, f"level{level}.docx")
        docx_with(squeezed, level=level)
        code, out, err, took, rss = run_measured("convert", squeezed)
        check(f"deflated at level {level}: read, the same model", code == 0 and strip(out) == strip(out0), f"{code} {err[:200]}")

    # A password-protected file (an OLE compound file with an EncryptedPackage stream).
    expect_error("password-protected", ["convert", "tests/fixtures/bad/password.docx"], words=("密码",))
    expect_error("a password-protected workbook", ["convert", "tests/fixtures/bad/password.xlsx"], words=("密码", "Excel"))

    # A file that disappears mid-batch: a name whose file is gone by the time it is read.
    gone = os.path.join(TMP, "gone.docx")
    os.symlink(os.path.join(TMP, "removed-meanwhile.docx"), gone)
    code, out, err, took, rss = run_measured("convert", REF, gone, "samples/spaced-labels.docx")
    docs = json.loads(out)["documents"] if out else []
    check("a file gone mid-batch: exit 2, reported, the others converted",
          code == 2 and gone in err.decode() and len(docs) == 2, f"{code} {err.decode()[:200]}")

    # Not regular files: a pipe would block, a device never end.
    fifo = os.path.join(TMP, "pipe.docx")
    os.mkfifo(fifo)
    code, out, err, took, rss = run_measured("convert", fifo, timeout=10)
    check("a named pipe is refused, not waited on", code == 2 and took < 2, f"{code} {took:.1f}")
    code, out, err, took, rss = run_measured("convert", "/dev/zero", timeout=10)
    check("/dev/zero is refused, not read", code == 2 and took < 2, f"{code} {took:.1f}")

    # Regression inputs found by the fuzzer live in tests/fixtures/fuzz/: none may crash.
    for f in sorted(os.listdir("tests/fixtures/fuzz")) if os.path.isdir("tests/fixtures/fuzz") else []:
        path = os.path.join("tests/fixtures/fuzz", f)
        code, out, err, took, rss = run_measured("check", path, "--format", "json", timeout=20)
        check(f"fuzz regression {f}: no crash ({code})", code in (0, 1, 2) and took < 10)

finish()
