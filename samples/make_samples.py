"""Make the sample documents of Plan 196/KH-UBND from the seed text.

The seed (``samples/seed/plan-196-KH-UBND.txt``) is the text of the real plan as
it came out of a PDF: paragraphs separated by blank lines, appendix table rows as
tab-separated lines, page breaks visible as repeated table headers and as rows
that start with a tab (the rest of the row above). This script rebuilds the plan
in the official layout of Vietnamese administrative documents (Nghị định
30/2020/NĐ-CP) as a DOCX, converts it to PDF with LibreOffice and checks the PDF
with pdfplumber, so the converter has a realistic pair of inputs to work on.

It is a sample maker, not product code: it may know the layout of this plan.

Run from the repository root::

    .venv/bin/python samples/make_samples.py            # build + verify
    .venv/bin/python samples/make_samples.py --no-pdf   # DOCX only
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = ROOT / "samples" / "seed" / "plan-196-KH-UBND.txt"
STEM = "plan-196-KH-UBND"
DOCX_PATH = HERE / f"{STEM}.docx"
PDF_PATH = HERE / f"{STEM}.pdf"

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12.5
NOI_NHAN_PT = 11
FIXED_DATE = dt.datetime(2024, 10, 2, 8, 0, 0)
ZIP_DATE = (2024, 10, 2, 8, 0, 0)
AUTHOR = "vnplan samples"

# Appendix column widths (cm); landscape A4 text width is 29.7 - 3 - 2 = 24.7 cm.
APPENDIX_WIDTHS = (1.2, 9.1, 4.0, 4.6, 2.7, 1.7, 1.4)
APPENDIX_ALIGN = ("center", "justify", "left", "left", "center", "center", "left")


# --------------------------------------------------------------------------- seed


@dataclass
class Run:
    """A piece of cell text with its emphasis (the seed marks italics with <i>)."""

    text: str
    italic: bool = False


@dataclass
class Cell:
    """One table cell: a list of paragraphs, each a list of runs."""

    paragraphs: list[list[Run]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Plain text, paragraphs joined by a space (for comparisons)."""
        return " ".join("".join(r.text for r in p) for p in self.paragraphs).strip()


@dataclass
class Plan:
    """Everything the sample needs, read from the seed."""

    number_line: str  # "Số: 196 /KH-UBND"
    date_line: str  # "Quảng Ngãi, ngày 02 tháng 10 năm 2024"
    doc_type: str  # "KẾ HOẠCH"
    title: str
    body: list[str]  # paragraphs between the title and "Nơi nhận:"
    noi_nhan_label: str
    recipients: list[str]
    signer_lines: list[str]  # "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    signer_name: str
    issuer: list[str]  # "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"
    motto: list[str]  # national name + motto
    appendix_label: str  # "Phụ lục"
    appendix_caption: list[str]
    header: list[str]  # the 7 column titles
    rows: list[list[Cell]]


def parse_cell(raw: str) -> Cell:
    """Split a seed cell into paragraphs (<p>) of runs (<i> = italic)."""
    cell = Cell()
    current: list[Run] | None = None
    italic = False
    for token in re.split(r"(</?[pi]>)", raw):
        if token == "<p>":
            current = []
            cell.paragraphs.append(current)
        elif token == "</p>":
            current = None
        elif token in ("<i>", "</i>"):
            italic = token == "<i>"
        elif token:
            if current is None:
                if not token.strip():
                    continue  # whitespace between paragraphs
                current = []
                cell.paragraphs.append(current)
            current.append(Run(token, italic))
    for para in cell.paragraphs:  # trim the paragraph edges, keep inner spaces
        if para:
            para[0].text = para[0].text.lstrip()
            para[-1].text = para[-1].text.rstrip()
    cell.paragraphs = [p for p in cell.paragraphs if "".join(r.text for r in p)]
    return cell


def merge_cell(into: Cell, more: Cell) -> None:
    """Append a continuation cell: its first paragraph goes on the last one, after a space."""
    if not more.paragraphs:
        return
    if not into.paragraphs:
        into.paragraphs = more.paragraphs
        return
    last = into.paragraphs[-1]
    first, *rest = more.paragraphs
    last.append(Run(" ", first[0].italic if first else False))
    last.extend(first)
    into.paragraphs.extend(rest)


def parse_table(lines: list[str]) -> tuple[list[str], list[list[Cell]]]:
    """Read the tab-separated appendix rows, dropping repeated headers and stitching breaks."""
    header: list[str] = []
    rows: list[list[Cell]] = []
    for line in lines:
        if "\t" not in line:
            continue
        fields = line.split("\t")
        if fields[0] == "TT":
            header = header or [f.strip() for f in fields]
            continue
        cells = [parse_cell(f) for f in fields]
        cells += [Cell() for _ in range(7 - len(cells))]
        if fields[0].strip() == "" and rows:  # the rest of the row above
            for into, more in zip(rows[-1], cells):
                merge_cell(into, more)
        else:
            rows.append(cells[:7])
    return header, rows


def paragraphs_of(lines: list[str]) -> list[str]:
    """Group blank-line separated lines into paragraphs and join page-break splits.

    A paragraph that starts with a lower-case letter is the tail of the one above
    (the seed shows a page break there).
    """
    paras: list[str] = []
    for block in "\n".join(lines).split("\n\n"):
        text = " ".join(s.strip() for s in block.splitlines() if s.strip())
        if not text:
            continue
        if paras and text[0].islower():
            paras[-1] = f"{paras[-1]} {text}"
        else:
            paras.append(text)
    return paras


def read_plan(path: Path = SEED) -> Plan:
    """Read the seed text into a Plan."""
    lines = path.read_text(encoding="utf-8").split("\n")
    idx = {name: i for i, line in enumerate(lines) for name in [line.strip()] if name}

    def at(prefix: str) -> int:
        return next(i for i, line in enumerate(lines) if line.strip().startswith(prefix))

    number_i = at("Số:")
    date_i = at("Quảng Ngãi, ngày")
    type_i = idx["KẾ HOẠCH"]
    title_i = next(i for i in range(type_i + 1, len(lines)) if lines[i].strip())
    noi_nhan_i = idx["Nơi nhận:"]
    sign_i = at("**")
    issuer_i = idx["ỦY BAN NHÂN DÂN"]
    appendix_i = idx["Phụ lục"]
    table_i = next(i for i, line in enumerate(lines) if line.startswith("TT\t"))

    recipients = [s.strip() for s in lines[noi_nhan_i + 1 : sign_i] if s.strip()]
    sign_block = "\n".join(lines[sign_i:issuer_i]).strip()
    signer, name = sign_block.split("**")[1], sign_block.split("**")[2]
    head_block = [s.strip() for s in lines[issuer_i:appendix_i] if s.strip()]
    caption = [s.strip() for s in lines[appendix_i + 1 : table_i] if s.strip()]
    header, rows = parse_table(lines[table_i:])
    return Plan(
        number_line=lines[number_i].strip(),
        date_line=lines[date_i].strip(),
        doc_type=lines[type_i].strip(),
        title=lines[title_i].strip(),
        body=paragraphs_of(lines[title_i + 1 : noi_nhan_i]),
        noi_nhan_label=lines[noi_nhan_i].strip(),
        recipients=recipients,
        signer_lines=[s.strip() for s in signer.splitlines() if s.strip()],
        signer_name=name.strip(),
        issuer=head_block[:2],
        motto=head_block[2:4],
        appendix_label=lines[appendix_i].strip(),
        appendix_caption=caption,
        header=header,
        rows=rows,
    )


# --------------------------------------------------------------------------- docx helpers


def set_run_font(run, size: float | None = None, bold=None, italic=None) -> None:
    """Times New Roman for every script slot, so Vietnamese never falls back."""
    run.font.name = FONT
    rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(slot), FONT)
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    if italic is not None:
        run.font.italic = italic


def fmt(par, align="justify", indent=0.0, before=0.0, after=6.0, line=1.0, keep=False) -> None:
    """Paragraph format in one call (alignment, first-line indent cm, spacing pt)."""
    pf = par.paragraph_format
    pf.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    pf.first_line_indent = Cm(indent) if indent else None
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    pf.line_spacing = line
    if keep:
        pf.keep_with_next = True


def add_par(container, text="", size=BODY_PT, bold=False, italic=False, **kw):
    """Add a paragraph with one run of text (``container`` is a document or a cell)."""
    par = container.add_paragraph()
    fmt(par, **kw)
    if text:
        set_run_font(par.add_run(text), size, bold, italic)
    else:  # an empty paragraph still gets the size, for its height
        rpr = par._p.get_or_add_pPr()
        end = OxmlElement("w:rPr")
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(int(size * 2)))
        end.append(sz)
        rpr.append(end)
    return par


def first_par(cell, text="", size=BODY_PT, bold=False, italic=False, **kw):
    """Fill the paragraph a new cell already has, instead of adding a second one."""
    par = cell.paragraphs[0]
    fmt(par, **kw)
    if text:
        set_run_font(par.add_run(text), size, bold, italic)
    return par


def add_top_border(par) -> None:
    """A thin single rule along the paragraph's top edge (w:pBdr/w:top): the short lines of the layout."""
    ppr = par._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(k), v)
    bdr.append(top)
    ppr.insert(0, bdr)


def rule_par(cell, width_cm: float, cell_cm: float):
    """A short centred rule under the issuer or the motto (a paragraph top border)."""
    par = cell.add_paragraph()
    fmt(par, align="center", after=0)
    side = Cm((cell_cm - width_cm) / 2)
    par.paragraph_format.left_indent = side
    par.paragraph_format.right_indent = side
    add_top_border(par)
    ppr = par._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "8")
    rpr.append(sz)
    ppr.append(rpr)
    return par


def set_borders(table, val: str) -> None:
    """Table borders all ``none`` (layout tables) or all ``single`` (the appendix)."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), val)
        if val != "none":
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def set_widths(table, widths_cm) -> None:
    """Fixed column widths (grid and every cell), so Word and LibreOffice agree."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for col, w in zip(table.columns, widths_cm):
        col.width = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)


def mark_header_row(row) -> None:
    """w:tblHeader on the row: repeat it at the top of every page."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def keep_row_whole(row) -> None:
    """w:cantSplit: the recipients and the signature stay on one page together."""
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def layout_table(doc, widths_cm):
    """A borderless 1-row table used to place blocks side by side."""
    table = doc.add_table(rows=1, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_borders(table, "none")
    set_widths(table, widths_cm)
    return table


def setup_section(section, landscape: bool) -> None:
    """A4 with the margins of Nghị định 30/2020/NĐ-CP (top/bottom 2, left 3, right 2 cm)."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = Cm(29.7), Cm(21.0)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.header_distance = section.footer_distance = Cm(1)


def setup_styles(doc) -> None:
    """Normal style: Times New Roman 14, Vietnamese language tag."""
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(slot), FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    rpr.append(lang)


def set_core_properties(doc, plan: Plan) -> None:
    """Fixed metadata so regenerating gives the same file."""
    cp = doc.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE
    cp.revision = 1
    cp.title = f"{plan.doc_type} {plan.number_line}"
    cp.subject = ""  # core properties cap at 255 chars; the title is longer
    cp.comments = "Sample made by samples/make_samples.py from the seed text."
    cp.keywords = ""
    cp.category = ""


# --------------------------------------------------------------------------- document parts


def add_first_header(doc, plan: Plan) -> None:
    """Issuer | national name, motto; number | place and date (two borderless columns)."""
    left_w, right_w = 5.9, 10.1
    table = layout_table(doc, (left_w, right_w))
    left, right = table.rows[0].cells
    first_par(left, plan.issuer[0], 13, align="center", after=0)
    add_par(left, plan.issuer[1], 13, bold=True, align="center", after=0)
    rule_par(left, 2.2, left_w)
    add_par(left, plan.number_line, 13, align="center", before=2, after=0)
    first_par(right, plan.motto[0], 12, bold=True, align="center", after=0)
    add_par(right, plan.motto[1], 14, bold=True, align="center", after=0)
    rule_par(right, 5.6, right_w)
    add_par(right, plan.date_line, 14, italic=True, align="center", before=2, after=0)


def is_heading(text: str) -> bool:
    """Roman-numbered sections and short numbered titles (no final punctuation) are bold."""
    if re.match(r"^[IVX]+\.\s", text):
        return True
    return bool(re.match(r"^\d+\.\s", text)) and not re.search(r"[.;:,)]$", text)


def add_body(doc, plan: Plan) -> None:
    """Type, title, then the body paragraphs with headings in bold."""
    add_par(doc, plan.doc_type, 14, bold=True, align="center", before=18, after=0)
    add_par(doc, plan.title, 14, bold=True, align="center", after=0)
    rule = doc.add_paragraph()
    fmt(rule, align="center", before=4, after=12)
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Cm(6.5)
    add_top_border(rule)
    for text in plan.body:
        heading = is_heading(text)
        add_par(doc, text, BODY_PT, bold=heading, indent=1.27, after=6, line=1.1, keep=heading)


def add_closing(doc, plan: Plan) -> None:
    """Recipients (left, small) beside the signature block (right)."""
    add_par(doc, "", 6, after=0)
    table = layout_table(doc, (8.0, 8.0))
    keep_row_whole(table.rows[0])
    left, right = table.rows[0].cells
    first_par(left, plan.noi_nhan_label, 12, bold=True, italic=True, align="left", after=0)
    for line in plan.recipients:
        add_par(left, line, NOI_NHAN_PT, align="left", after=0)
    first_par(right, plan.signer_lines[0], 14, bold=True, align="center", after=0)
    for line in plan.signer_lines[1:]:
        add_par(right, line, 14, bold=True, align="center", after=0)
    for _ in range(4):
        add_par(right, "", 14, align="center", after=0)
    add_par(right, plan.signer_name, 14, bold=True, align="center", after=0)


def add_appendix(doc, plan: Plan) -> None:
    """New landscape section: header again, caption, then the 7-column task table."""
    setup_section(doc.add_section(WD_SECTION.NEW_PAGE), landscape=True)
    table = layout_table(doc, (9.0, 15.7))
    left, right = table.rows[0].cells
    first_par(left, plan.issuer[0], 13, align="center", after=0)
    add_par(left, plan.issuer[1], 13, bold=True, align="center", after=0)
    rule_par(left, 2.2, 9.0)
    first_par(right, plan.motto[0], 13, bold=True, align="center", after=0)
    add_par(right, plan.motto[1], 14, bold=True, align="center", after=0)
    rule_par(right, 5.6, 15.7)

    add_par(doc, plan.appendix_label, 14, bold=True, align="center", before=12, after=0)
    for line in plan.appendix_caption:
        italic = line.startswith("(")
        add_par(doc, line, 14, bold=not italic, italic=italic, align="center", after=0)
    add_par(doc, "", 8, after=0)

    grid = doc.add_table(rows=1 + len(plan.rows), cols=7)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_borders(grid, "single")
    set_widths(grid, APPENDIX_WIDTHS)
    mark_header_row(grid.rows[0])
    for cell, text in zip(grid.rows[0].cells, plan.header):
        first_par(cell, text, TABLE_PT, bold=True, align="center", after=0)
    for row, cells in zip(grid.rows[1:], plan.rows):
        for cell, seed_cell, align in zip(row.cells, cells, APPENDIX_ALIGN):
            fill_cell(cell, seed_cell, align)


def fill_cell(cell, seed_cell: Cell, align: str) -> None:
    """Write a seed cell: one DOCX paragraph per seed paragraph, italic runs kept."""
    for n, runs in enumerate(seed_cell.paragraphs or [[]]):
        par = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        fmt(par, align=align, after=2 if n < len(seed_cell.paragraphs) - 1 else 0)
        for run in runs:
            set_run_font(par.add_run(run.text), TABLE_PT, False, run.italic)


def build_docx(plan: Plan) -> bytes:
    """The whole document as DOCX bytes."""
    doc = Document()
    setup_styles(doc)
    setup_section(doc.sections[0], landscape=False)
    set_core_properties(doc, plan)
    add_first_header(doc, plan)
    add_body(doc, plan)
    add_closing(doc, plan)
    add_appendix(doc, plan)
    buf = io.BytesIO()
    doc.save(buf)
    return restamp_zip(buf.getvalue())


def restamp_zip(data: bytes) -> bytes:
    """Rewrite the zip with fixed member dates (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- pdf


def convert_to_pdf(docx: Path, outdir: Path) -> Path:
    """LibreOffice headless conversion, in a private profile (safe to run in parallel)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: apt-get install -y libreoffice-writer-nogui fonts-liberation")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    pdf = outdir / (docx.stem + ".pdf")
    stabilise_pdf(pdf, hashlib.md5(docx.read_bytes()).hexdigest())
    return pdf


def stabilise_pdf(pdf: Path, seed_hex: str) -> None:
    """Replace the conversion time and the random file ID by fixed values of the same length.

    Same-length byte replacement keeps the cross-reference offsets valid.
    """
    data = pdf.read_bytes()
    stamp = FIXED_DATE.strftime("D:%Y%m%d%H%M%S")

    def fix_date(m: re.Match) -> bytes:
        old = m.group(2)
        new = (stamp.encode() + old[len(stamp) :]) if len(old) >= len(stamp) else old
        return m.group(1) + new + b")"

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()([^)]*)\)", fix_date, data)

    def fix_id(m: re.Match) -> bytes:
        n = len(m.group(1))
        fixed = (seed_hex * 4)[:n].upper().encode()
        return b"<" + fixed + b">"

    data = re.sub(  # LibreOffice's checksum covers the conversion time
        rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)",
        lambda m: m.group(1) + (seed_hex * 4)[: len(m.group(2))].upper().encode(),
        data,
    )
    data = re.sub(
        rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]",
        lambda m: re.sub(rb"<([0-9A-Fa-f]+)>", fix_id, m.group(0)),
        data,
    )
    pdf.write_bytes(data)


# --------------------------------------------------------------------------- verify


def squash(text: str | None) -> str:
    """Text with all whitespace removed, NFC (wrapping and hyphen breaks aside)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text or ""))


def verify(pdf_path: Path, plan: Plan) -> bool:
    """Print a short report on the PDF; return True when every check passes."""
    import pdfplumber

    ok = True
    header_key = squash(plan.header[0] + plan.header[1])
    with pdfplumber.open(pdf_path) as pdf:
        pages = pdf.pages
        print(f"pages: {len(pages)}")
        appendix = [p for p in pages if p.width > p.height]
        print(f"portrait pages: {len(pages) - len(appendix)}, landscape (appendix) pages: {len(appendix)}")
        found_rows: list[list[str]] = []
        breaks: list[str] = []
        last_tt = ""
        for page in appendix:
            tables = page.find_tables()
            grid = max(tables, key=lambda t: len(t.rows)).extract() if tables else []
            has_header = bool(grid) and squash("".join(c or "" for c in grid[0][:2])) == header_key
            print(
                f"  page {page.page_number}: landscape={page.width > page.height} "
                f"tables={len(tables)} header_first={has_header} rows={len(grid)}"
            )
            ok &= has_header
            for n, row in enumerate(grid[1:] if has_header else grid):
                row = [(c or "") for c in row] + [""] * (7 - len(row))
                if not row[0].strip() and n == 0 and found_rows:
                    breaks.append(last_tt)
                    for i, text in enumerate(row[:7]):
                        if text.strip():
                            found_rows[-1][i] = f"{found_rows[-1][i]} {text}".strip()
                    continue
                found_rows.append(row[:7])
                last_tt = row[0].strip()
        print(f"rows broken across pages ({len(breaks)}): task rows {', '.join(breaks)}")
        ok &= len(breaks) >= 2

        exact = squashed = 0
        missing: list[str] = []
        by_tt = {r[0].strip(): r for r in found_rows}
        all_text = squash(" ".join(p.extract_text() or "" for p in appendix))
        for seed_row in plan.rows:
            got = by_tt.get(seed_row[0].text)
            for col, seed_cell in enumerate(seed_row):
                want = seed_cell.text
                if not want:
                    continue
                cell_got = got[col] if got else ""
                if " ".join(cell_got.split()) == " ".join(want.split()):
                    exact += 1
                if squash(cell_got) == squash(want):
                    squashed += 1
                elif squash(want) not in all_text:
                    missing.append(f"row {seed_row[0].text} col {col + 1}")
                else:
                    missing.append(f"row {seed_row[0].text} col {col + 1} (in page text, not in cell)")
        total = sum(1 for r in plan.rows for c in r if c.text)
        print(f"task rows in table: {len(found_rows)} of {len(plan.rows)}")
        print(
            f"seed cells equal to PDF cells: {squashed}/{total} ignoring whitespace, "
            f"{exact}/{total} with whitespace collapsed"
        )
        if missing:
            print("  not matched:", "; ".join(missing))
        ok &= squashed == total and len(found_rows) == len(plan.rows)

        body_text = squash(" ".join(p.extract_text() or "" for p in pages if p.width < p.height))
        body_missing = [t[:40] for t in plan.body + plan.recipients if squash(t) not in body_text]
        print(f"body paragraphs + recipients found: {len(plan.body) + len(plan.recipients) - len(body_missing)}"
              f"/{len(plan.body) + len(plan.recipients)}")
        ok &= not body_missing

        seed_vocab = set(SEED.read_text(encoding="utf-8").replace("<", " <").replace(">", "> ").split())
        seed_vocab |= {w.strip(".,;:()\"'") for w in seed_vocab}
        words = [w["text"] for p in pages for w in p.extract_words()]
        odd = [w for w in words if unicodedata.normalize("NFC", w) not in seed_vocab
               and w.strip(".,;:()") not in seed_vocab]
        probes = ("Nghị", "quyết", "thủy", "Thùy", "Quảng", "Ngãi", "nghiệp", "Đồng")
        present = {p: p in words for p in probes}
        print(f"words extracted: {len(words)}, not a seed token: {len(odd)} {sorted(set(odd))[:15]}")
        print(f"whole-syllable probes: {present}")
        ok &= all(present[p] for p in ("Nghị", "quyết", "Quảng", "Ngãi"))
    print("VERIFY:", "OK" if ok else "FAILED")
    return ok


def render_png(pdf_path: Path, pages: list[int], outdir: Path) -> list[Path]:
    """Render pages at 60 dpi with pdftoppm, for a look."""
    outs = []
    for n in pages:
        prefix = outdir / f"{STEM}-p{n}"
        subprocess.run(
            ["pdftoppm", "-r", "60", "-f", str(n), "-l", str(n), "-png", "-singlefile",
             str(pdf_path), str(prefix)],
            check=True,
        )
        outs.append(prefix.with_suffix(".png"))
    return outs


def main(argv: list[str] | None = None) -> int:
    """Build the DOCX, convert it to PDF, verify."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-pdf", action="store_true", help="write the DOCX only")
    ap.add_argument("--no-verify", action="store_true", help="skip the pdfplumber checks")
    ap.add_argument("--png", metavar="DIR", help="also render page 1 and the first appendix page here")
    args = ap.parse_args(argv)

    plan = read_plan()
    print(f"seed: {len(plan.body)} body paragraphs, {len(plan.recipients)} recipients, "
          f"{len(plan.rows)} task rows")
    DOCX_PATH.write_bytes(build_docx(plan))
    print(f"wrote {DOCX_PATH.relative_to(ROOT)}")
    if args.no_pdf:
        return 0
    pdf = convert_to_pdf(DOCX_PATH, HERE)
    print(f"wrote {pdf.relative_to(ROOT)}")
    if args.png:
        import pdfplumber

        with pdfplumber.open(pdf) as doc:
            first_land = next(p.page_number for p in doc.pages if p.width > p.height)
        for png in render_png(pdf, [1, first_land, first_land + 1], Path(args.png)):
            print(f"rendered {png}")
    if args.no_verify:
        return 0
    return 0 if verify(pdf, plan) else 1


if __name__ == "__main__":
    sys.exit(main())
