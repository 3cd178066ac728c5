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
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from variants.spec import MOTTO, VariantDoc, VariantTable, table_grid

FONT = "Times New Roman"
FIXED_DATE = dt.datetime(2025, 1, 1, 8, 0, 0)
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
         "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _par(container, text: str = "", size: float = 14, bold: bool = False, italic: bool = False,
         align: str = "justify", first: bool = False, indent: float = 0.0):
    """A paragraph with one run; ``first`` fills the paragraph a new cell already has."""
    par = container.paragraphs[0] if first else container.add_paragraph()
    par.alignment = ALIGN[align]
    par.paragraph_format.space_after = Pt(3)
    par.paragraph_format.space_before = Pt(0)
    if indent:
        par.paragraph_format.first_line_indent = Cm(indent)
    if text:
        run = par.add_run(text)
        run.font.name = FONT
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return par


def _borders(table, val: str) -> None:
    """All borders ``none`` (layout tables) or ``single`` (task tables)."""
    tbl_pr = table._tbl.tblPr
    el = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        side = OxmlElement(f"w:{edge}")
        side.set(qn("w:val"), val)
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
    """Issuer lines, number | motto, place and date (a borderless table)."""
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


def add_task_table(doc, table: VariantTable, text_width_cm: float) -> None:
    """A bordered task table with its merges; header rows repeat when the spec says so."""
    n_header, cells = table_grid(table)
    n_rows = n_header + len(table.rows)
    grid = doc.add_table(rows=n_rows, cols=len(table.columns))
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(grid, "single")
    total = sum(c.width for c in table.columns)
    _widths(grid, [text_width_cm * c.width / total for c in table.columns])
    for cell in cells:
        target = grid.cell(cell.row, cell.col)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(grid.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
        align = "center" if cell.header or len(cell.text) < 12 else "justify"
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
    for i, block in enumerate(spec.body):
        align = "center" if block.center else "justify"
        _par(doc, block.text, 14, bold=block.bold, italic=block.italic, align=align,
             indent=0 if block.center else 1.0)
        if spec.body_tables_after == i:
            for table in spec.tables:
                add_caption(doc, table)
                add_task_table(doc, table, text_width_cm)


def add_closing(doc, spec: VariantDoc) -> None:
    """"Nơi nhận:" beside the signature block."""
    table = doc.add_table(rows=1, cols=2)
    _borders(table, "none")
    _widths(table, [8.0, 8.0])
    left, right = table.rows[0].cells
    _par(left, "Nơi nhận:", 12, bold=True, italic=True, align="left", first=True)
    for line in spec.recipients:
        _par(left, line, 11, align="left")
    for i, line in enumerate(spec.signer_lines):
        _par(right, line, 14, bold=True, align="center", first=i == 0)
    for _ in range(3):
        _par(right, "", 14, align="center")
    _par(right, spec.signer_name, 14, bold=True, align="center")


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
