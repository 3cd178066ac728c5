"""Mutation kinds an independent fuzzer found the first set lacked (issue 25): files that stay
well-formed where the reader checks first (a valid xref, a valid zip) and are hostile inside.

PDF:
- pdf_garbage_stream: a stream replaced by random bytes, deflated, with its /Length right and the
  xref rebuilt, so the reader trusts it and inflates garbage;
- pdf_huge_numbers: /Count, /Length, /Size or a /MediaBox number made huge;
- pdf_deep_nesting: an array or dictionary nested thousands deep inside a dictionary;
- pdf_cyclic_tree: /Kids pointing back at the page tree, /Parent at a page itself;
- pdf_tounicode: a font given a ToUnicode map whose ranges span huge code spaces.
DOCX:
- docx_two_parts: a second word/document.xml (garbage, empty or a copy), or a `../` part name;
- docx_empty_numbered: thousands of numbered empty paragraphs in mid-body;
- docx_huge_table: a formatted table of thousands of rows appended to the body.
Every kind is a pure function of (data, rng), like the first set's.
"""
from __future__ import annotations

import io
import random
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable

_OBJ_START = re.compile(rb"(?m)^\s*(\d+) (\d+) obj\b")
_ROOT = re.compile(rb"/Root\s+(\d+ \d+ R)")
_FONT_DICT = re.compile(rb"/Type\s*/Font\b")
_BODY_END = re.compile(rb"<w:sectPr\b")
_HUGE = [b"2147483647", b"4294967296", b"99999999999999999999", b"-2147483648", b"1e300"]


def with_xref(data: bytes) -> bytes:
    """`data` with a fresh classic xref table and trailer at its end, pointing at every object
    as it now stands (the last definition of a number wins), so a reader trusts the file."""
    offsets: dict[int, int] = {}
    for match in _OBJ_START.finditer(data):
        offsets[int(match.group(1))] = match.start(1)
    root = _ROOT.search(data)
    if not offsets or root is None:
        return data
    size = max(offsets) + 1
    rows = [b"0000000000 65535 f \n"]
    rows += [b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n" for n in range(1, size)]
    body = data if data.endswith(b"\n") else data + b"\n"
    xref = len(body)
    return (body + b"xref\n0 %d\n" % size + b"".join(rows) +
            b"trailer\n<< /Size %d /Root %s >>\nstartxref\n%d\n%%%%EOF\n" % (size, root.group(1), xref))


def _append_object(data: bytes, body: bytes) -> tuple[bytes, int]:
    """`data` with a new object holding `body`, and its number."""
    numbers = [int(m.group(1)) for m in _OBJ_START.finditer(data)]
    number = max(numbers, default=0) + 1
    return data.rstrip(b"\n") + b"\n%d 0 obj\n" % number + body + b"\nendobj\n", number


def pdf_garbage_stream(data: bytes, rng: random.Random) -> bytes:
    streams = list(re.finditer(rb"/Length\s+(\d+)(?:\s+0\s+R)?([^>]*>>\s*stream\r?\n)(.*?)\r?\nendstream", data, re.S))
    if not streams:
        return data
    match = rng.choice(streams)
    garbage = zlib.compress(rng.randbytes(rng.choice([16, 1000, 100_000])), 9)
    head = b"/Length %d" % len(garbage) + match.group(2)
    return with_xref(data[:match.start()] + head + garbage + b"\nendstream" + data[match.end():])


def pdf_huge_numbers(data: bytes, rng: random.Random) -> bytes:
    key = rng.choice([b"Count", b"Length", b"Size", b"MediaBox", b"Rotate", b"W"])
    spots = list(re.finditer(rb"/" + key + rb"\s*\[?\s*(-?\d+(?:\.\d+)?)", data))
    if not spots:
        return data
    match = rng.choice(spots)
    mutated = data[:match.start(1)] + rng.choice(_HUGE) + data[match.end(1):]
    return with_xref(mutated) if rng.random() < 0.5 else mutated


def pdf_deep_nesting(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([500, 5_000, 50_000])
    opening, closing = (b"[", b"]") if rng.random() < 0.5 else (b"<< /A ", b" >>")
    nested = b"/Nested " + opening * depth + b"1" + closing * depth + b" "
    dicts = [m.end() for m in re.finditer(rb"\d+ 0 obj\s*<<", data)]
    if not dicts:
        return data
    at = rng.choice(dicts)
    return with_xref(data[:at] + b" " + nested + data[at:])


def pdf_cyclic_tree(data: bytes, rng: random.Random) -> bytes:
    pages = re.search(rb"(\d+) 0 obj\s*<<(?:(?!endobj).)*?/Type\s*/Pages", data, re.S)
    kids = re.search(rb"/Kids\s*\[\s*(\d+ 0 R)", data)
    if pages is None or kids is None:
        return data
    if rng.random() < 0.5:  # the tree's first kid is the tree itself
        mutated = data[:kids.start(1)] + pages.group(1) + b" 0 R" + data[kids.end(1):]
    else:  # a page is its own parent
        page = re.search(rb"(\d+) 0 obj\s*<<(?:(?!endobj).)*?/Parent\s+(\d+ 0 R)", data, re.S)
        if page is None:
            return data
        mutated = data[:page.start(2)] + page.group(1) + b" 0 R" + data[page.end(2):]
    return with_xref(mutated)


def tounicode_map(rng: random.Random) -> bytes:
    """A ToUnicode CMap whose ranges span huge code spaces (or many of them)."""
    ranges = rng.choice([
        [(b"<00000000>", b"<FFFFFFFF>")],
        [(b"<0000>", b"<FFFF>")] * 64,
        [(b"<%08X>" % (i << 20), b"<%08X>" % ((i << 20) + 0xFFFFF)) for i in range(32)],
    ])
    lines = b" ".join(b"%s %s <0041>" % pair for pair in ranges)
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> "
            b"endcodespacerange %d beginbfrange %s endbfrange endcmap end end" % (len(ranges), lines))


def pdf_tounicode(data: bytes, rng: random.Random) -> bytes:
    fonts = list(_FONT_DICT.finditer(data))
    if not fonts:
        return data
    cmap = tounicode_map(rng)
    data, number = _append_object(data, b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    at = rng.choice(fonts).end()
    return with_xref(data[:at] + b" /ToUnicode %d 0 R" % number + data[at:])


# ---- DOCX -------------------------------------------------------------------------------

def _rewrite(data: bytes, change: Callable[[zipfile.ZipFile, zipfile.ZipFile], None]) -> bytes:
    """The package with its members passed through `change(archive, writer)`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        change(archive, out)
    return buffer.getvalue()


def docx_two_parts(data: bytes, rng: random.Random) -> bytes:
    action = rng.randrange(3)

    def change(archive: zipfile.ZipFile, out: zipfile.ZipFile) -> None:
        main = archive.read("word/document.xml")
        extra = rng.choice([b"", b"<w:document/>", main[: len(main) // 2], main])
        if action == 0:
            out.writestr("word/document.xml", extra)
        for info in archive.infolist():
            out.writestr(info, archive.read(info.filename))
        if action == 1:
            out.writestr("word/document.xml", extra)
        elif action == 2:
            out.writestr(rng.choice(["../evil.xml", "word/../../evil.xml", "/etc/evil.xml", "word/media/../../x"]), main)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile's "Duplicate name"
        return _rewrite(data, change)


def _into_body(data: bytes, fragment_at: Callable[[bytes], bytes], numbering: bytes = b"") -> bytes:
    """The package with word/document.xml changed by `fragment_at(xml) -> xml`, and `numbering`
    (w:abstractNum and w:num elements) added to word/numbering.xml when it has one."""
    def change(archive: zipfile.ZipFile, out: zipfile.ZipFile) -> None:
        for info in archive.infolist():
            content = archive.read(info.filename)
            if info.filename == "word/document.xml":
                content = fragment_at(content)
            elif info.filename == "word/numbering.xml" and numbering:
                content = content.replace(b"</w:numbering>", numbering + b"</w:numbering>")
            out.writestr(info, content)
    return _rewrite(data, change)


# A decimal list "1.", "2.", ... of its own, so the empty items are numbered whatever the seed's lists are.
_DECIMAL_LIST = (b'<w:abstractNum w:abstractNumId="990"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                 b'<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="990"><w:abstractNumId w:val="990"/></w:num>')


def docx_empty_numbered(data: bytes, rng: random.Random) -> bytes:
    count = rng.choice([1_000, 4_000, 10_000])
    empty = (b'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr></w:pPr></w:p>'
             % rng.choice([990, 990, 1, 9999]))  # a decimal list mostly; the seed's first; none

    def insert(xml: bytes) -> bytes:
        tables = [(m.start(), m.end()) for m in re.finditer(rb"<w:tbl>.*?</w:tbl>", xml, re.S)]
        ends = [m.end() for m in re.finditer(rb"</w:p>", xml) if not any(a < m.end() < b for a, b in tables)]
        if not ends:  # body paragraphs only: in a table cell they are the cell's text, not sections
            return xml
        at = ends[len(ends) // 2]
        return xml[:at] + empty * count + xml[at:]
    return _into_body(data, insert, numbering=_DECIMAL_LIST)


def docx_huge_table(data: bytes, rng: random.Random) -> bytes:
    rows = rng.choice([300, 1_000, 3_000])  # larger ones: tests/test_scaling.py, bench/bench_scaling.py
    cell = (b'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:shd w:fill="EEEEEE"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/>'
            b'</w:pPr><w:r><w:rPr><w:b/><w:sz w:val="24"/></w:rPr><w:t>S\xe1\xbb\x9f T\xc3\xa0i ch\xc3\xadnh %d</w:t></w:r></w:p></w:tc>')
    body = b"".join(b"<w:tr>" + b"".join(cell % (r * 4 + c) for c in range(4)) + b"</w:tr>" for r in range(rows))
    table = (b'<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>'
             b"<w:tblGrid>" + b'<w:gridCol w:w="2000"/>' * 4 + b"</w:tblGrid>" + body + b"</w:tbl>")

    def append(xml: bytes) -> bytes:
        ends = list(_BODY_END.finditer(xml))  # the body's own sectPr is its last (paragraphs hold others)
        return xml if not ends else xml[:ends[-1].start()] + table + xml[ends[-1].start():]
    return _into_body(data, append)


PDF_MUTATORS = {"pdf_garbage_stream": pdf_garbage_stream, "pdf_huge_numbers": pdf_huge_numbers,
                "pdf_deep_nesting": pdf_deep_nesting, "pdf_cyclic_tree": pdf_cyclic_tree, "pdf_tounicode": pdf_tounicode}
DOCX_MUTATORS = {"docx_two_parts": docx_two_parts, "docx_empty_numbered": docx_empty_numbered,
                 "docx_huge_table": docx_huge_table}
