"""Write a `VariantDoc` as a DOCX with python-docx, in the official layout (NĐ 30/2020).

The header is a borderless two-column table (issuer and number | motto and
date), the closing a borderless table (recipients | signature), task tables are
bordered with real merged cells (``w:vMerge``/``w:gridSpan`` via python-docx's
``merge``) and ``w:tblHeader`` on the header rows when the header repeats.
Appendix tables open a new (landscape) section. Metadata and zip dates are fixed
so the same spec gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from docx_builders import list_definition
from variants.spec import closing_rows, MOTTO, TaskRow, VariantDoc, VariantTable, recipient_lines, table_grid

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT = "Times New Roman"
FIXED_DATE = dt.datetime(2025, 1, 1, 8, 0, 0)
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
TT_NUM_ID = 90  # the w:numId of the automatic TT numbering ("1.", "2." ...) of `auto_number` tables


def _run(par, text: str, size: float, bold: bool = False, italic: bool = False) -> None:
    """A Times New Roman run (a "\t" in ``text`` becomes a w:tab)."""
    run = par.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _par(container, text: str = "", size: float = 14, bold: bool = False, italic: bool = False,
         align: str = "justify", first: bool = False, indent: float = 0.0, space_after: float = 3):
    """A paragraph with one run; ``first`` fills the paragraph a new cell already has."""
    par = container.paragraphs[0] if first else container.add_paragraph()
    par.alignment = ALIGN[align]
    par.paragraph_format.space_after = Pt(space_after)
    par.paragraph_format.space_before = Pt(0)
    if indent:
        par.paragraph_format.first_line_indent = Cm(indent)
    if text:
        _run(par, text, size, bold, italic)
    return par


def _tab_line(doc, left: tuple[str, bool, bool], right: tuple[str, bool, bool], size: float = 13) -> None:
    """One header line typed as "left<TAB>right", the right part centred on a tab stop.

    ``left``/``right`` are (text, bold, italic).
    """
    par = doc.add_paragraph()
    par.alignment = ALIGN["left"]
    par.paragraph_format.space_after = Pt(0)
    par.paragraph_format.tab_stops.add_tab_stop(Cm(11.25), WD_TAB_ALIGNMENT.CENTER)
    if left[0]:
        _run(par, left[0], size, left[1], left[2])
    _run(par, "\t", size)
    _run(par, right[0], size, right[1], right[2])


def _borders(table, val: str, horizontal_only: bool = False) -> None:
    """All borders ``none`` (layout tables) or ``single`` (task tables); ``horizontal_only``
    leaves out the left, right and inner vertical lines."""
    tbl_pr = table._tbl.tblPr
    el = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        side = OxmlElement(f"w:{edge}")
        side.set(qn("w:val"), "none" if horizontal_only and edge in ("left", "right", "insideV") else val)
        if val != "none":
            side.set(qn("w:sz"), "4")
            side.set(qn("w:color"), "000000")
        el.append(side)
    tbl_pr.append(el)


def _widths(table, widths_cm: list[float]) -> None:
    """Fixed column widths on the grid and on every cell."""
    table.autofit = False
    for col, w in zip(table.columns, widths_cm):
        col.width = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)


def _section(section, landscape: bool) -> None:
    """A4 with margins 2/2/3/2 cm, portrait or landscape."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = Cm(29.7), Cm(21.0)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)


def add_header(doc, spec: VariantDoc, with_number: bool = True) -> None:
    """Issuer lines, number | motto, place and date (a borderless table, or paragraphs)."""
    if spec.header_layout == "paragraphs":
        add_header_paragraphs(doc, spec, with_number)
        return
    if spec.header_layout == "tabs":
        add_header_tabs(doc, spec, with_number)
        return
    table = doc.add_table(rows=1, cols=2)
    _borders(table, "none")
    _widths(table, [6.5, 9.5])
    left, right = table.rows[0].cells
    for i, line in enumerate(spec.issuer_lines):
        _par(left, line, 13, bold=i == len(spec.issuer_lines) - 1, align="center", first=i == 0)
    _par(right, MOTTO[0], 12, bold=True, align="center", first=True)
    _par(right, MOTTO[1], 13, bold=True, align="center")
    if with_number:
        _par(left, spec.number_line, 13, align="center")
        _par(right, spec.date_line, 13, italic=True, align="center")


def add_header_paragraphs(doc, spec: VariantDoc, with_number: bool = True) -> None:
    """Issuer lines, "Số:", motto and date, each its own paragraph (no layout table)."""
    last = len(spec.issuer_lines) - 1
    for i, line in enumerate(spec.issuer_lines):
        _par(doc, line, 13, bold=i == last, align="left", space_after=0)
    if with_number:
        _par(doc, spec.number_line, 13, align="left")
    _par(doc, MOTTO[0], 13, bold=True, align="center", space_after=0)
    _par(doc, MOTTO[1], 13, bold=True, align="center")
    if with_number:
        _par(doc, spec.date_line, 13, italic=True, align="right")


def add_header_tabs(doc, spec: VariantDoc, with_number: bool = True) -> None:
    """Issuer and motto side by side, then number and date, on lines split by a tab."""
    last = len(spec.issuer_lines) - 1
    n = max(len(spec.issuer_lines), len(MOTTO))
    for i in range(n):
        left = (spec.issuer_lines[i], i == last, False) if i < len(spec.issuer_lines) else ("", False, False)
        right = (MOTTO[i], True, False) if i < len(MOTTO) else ("", False, False)
        _tab_line(doc, left, right)
    if with_number:
        _tab_line(doc, (spec.number_line, False, False), (spec.date_line, False, True))


def _ensure_tt_list(doc) -> None:
    """The decimal list ("1.", "2." ...) that `auto_number` TT cells refer to (added once)."""
    root = doc.part.numbering_part.element
    if any(n.get(qn("w:numId")) == str(TT_NUM_ID) for n in root.iter(qn("w:num"))):
        return
    xml = list_definition(TT_NUM_ID, [("decimal", "%1.")])
    for el in parse_xml(f'<w:numbering xmlns:w="{W_NS}">{xml}</w:numbering>'):
        if el.tag == qn("w:abstractNum"):  # abstract lists must come before every w:num
            first_num = root.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(el)
                continue
        root.append(el)


def _auto_number(par) -> None:
    """Put the paragraph in the TT list: Word draws the number, the text stays empty."""
    p_pr = par._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", str(TT_NUM_ID))):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        num_pr.append(el)
    p_pr.insert(0, num_pr)


def add_task_table(doc, table: VariantTable, text_width_cm: float) -> None:
    """A bordered task table with its merges; header rows repeat when the spec says so."""
    n_header, cells = table_grid(table)
    n_rows = n_header + len(table.rows)
    grid = doc.add_table(rows=n_rows, cols=len(table.columns))
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(grid, "single", horizontal_only=table.rules == "horizontal")
    if table.auto_number:
        _ensure_tt_list(doc)
    total = sum(c.width for c in table.columns)
    _widths(grid, [text_width_cm * c.width / total for c in table.columns])
    for cell in cells:
        target = grid.cell(cell.row, cell.col)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(grid.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
        align = "center" if cell.header or len(cell.text) < 12 else "justify"
        row = None if cell.header else table.rows[cell.row - n_header]
        if table.auto_number and cell.col == 0 and isinstance(row, TaskRow) and row.tt:
            _auto_number(_par(target, "", 12, align="center", first=True))
            continue
        _par(target, cell.text, 12, bold=cell.bold, align=align, first=True)
    if table.repeat_header:
        for row in grid.rows[:n_header]:
            el = OxmlElement("w:tblHeader")
            el.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(el)


def add_caption(doc, table: VariantTable) -> None:
    """The appendix label and title lines, centred and bold."""
    for line in table.caption:
        _par(doc, line, 13, bold=not line.startswith("("), italic=line.startswith("("), align="center")


def add_body(doc, spec: VariantDoc, text_width_cm: float) -> None:
    """Type, title, body blocks; a body table goes after block ``body_tables_after``."""
    _par(doc, spec.type_line, 14, bold=True, align="center")
    for line in spec.title_lines:
        _par(doc, line, 14, bold=True, align="center")
    block_style = spec.paragraph_style == "block"
    for i, block in enumerate(spec.body):
        align = "center" if block.center else "justify"
        _par(doc, block.text, 14, bold=block.bold, italic=block.italic, align=align,
             indent=0 if block.center or block_style else 1.0, space_after=8 if block_style else 3)
        if spec.body_tables_after == i:
            for table in spec.tables:
                add_caption(doc, table)
                add_task_table(doc, table, text_width_cm)


def add_closing(doc, spec: VariantDoc) -> None:
    """"Nơi nhận:" beside the signature block."""
    if spec.closing_layout == "rows":
        add_closing_rows(doc, spec)
        return
    table = doc.add_table(rows=1, cols=2)
    _borders(table, "none")
    _widths(table, [8.0, 8.0])
    left, right = table.rows[0].cells
    for i, line in enumerate(recipient_lines(spec)):
        _par(left, line, 12 if i == 0 else 11, bold=i == 0, italic=i == 0, align="left", first=i == 0)
    for i, line in enumerate(spec.signer_lines):
        _par(right, line, 14, bold=True, align="center", first=i == 0)
    for _ in range(3):
        _par(right, "", 14, align="center")
    _par(right, spec.signer_name, 14, bold=True, align="center")


def add_closing_rows(doc, spec: VariantDoc) -> None:
    """The closing as one borderless row per line, free to break across pages."""
    rows = closing_rows(spec)
    table = doc.add_table(rows=len(rows), cols=2)
    _borders(table, "none")
    _widths(table, [8.0, 8.0])
    for i, (left, right) in enumerate(rows):
        lcell, rcell = table.rows[i].cells
        _par(lcell, left, 12 if i == 0 else 11, bold=i == 0, italic=i == 0, align="left", first=True)
        _par(rcell, right, 14, bold=True, align="center", first=True)


def add_appendices(doc, spec: VariantDoc) -> None:
    """Each appendix table in a new section (landscape when the spec says so)."""
    for table in spec.tables:
        if table.new_page:
            _section(doc.add_section(WD_SECTION.NEW_PAGE), landscape=table.landscape)
        add_caption(doc, table)
        add_task_table(doc, table, 24.7 if table.landscape else 16.0)


def add_attachment(doc, spec: VariantDoc) -> None:
    """A document attached after the closing (a plan issued by a decision), on a new page."""
    _section(doc.add_section(WD_SECTION.NEW_PAGE), landscape=False)
    add_header(doc, spec, with_number=False)
    add_body(doc, spec, 16.0)
    if spec.body_tables_after is None:
        add_appendices(doc, spec)


def build_docx(spec: VariantDoc) -> bytes:
    """The whole variant as DOCX bytes (deterministic)."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _section(doc.sections[0], landscape=False)
    cp = doc.core_properties
    cp.author = cp.last_modified_by = "vnplan variants"
    cp.created = cp.modified = cp.last_printed = FIXED_DATE
    cp.revision = 1
    add_header(doc, spec)
    add_body(doc, spec, 16.0)
    add_closing(doc, spec)
    if spec.body_tables_after is None:
        add_appendices(doc, spec)
    if spec.attachment is not None:
        add_attachment(doc, spec.attachment)
    buf = io.BytesIO()
    doc.save(buf)
    return _restamp(buf.getvalue())


def _restamp(data: bytes) -> bytes:
    """Fixed zip member dates, so a spec always gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 8, 0, 0)), src.read(info.filename))
    return out.getvalue()


def write_docx(spec: VariantDoc, path: Path) -> Path:
    """Build and write; returns the path."""
    path.write_bytes(build_docx(spec))
    return path
