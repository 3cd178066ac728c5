"""DOCX -> IR: body paragraphs and tables in the order the file holds them.

We walk the WordprocessingML body ourselves (w:p, w:tbl, and the w:sdt /
w:customXml wrappers real documents put around them) instead of python-docx's
high-level objects: those skip content controls and repeat a merged cell once
per grid position, while the IR wants each cell once with its spans. python-docx
is used only to open the package and find the main, styles and numbering parts
(of a .docm or .dotx too, which ``docx.Document`` refuses).
Headers, footers, footnotes and text boxes are not body text and are left out.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import docx.opc.exceptions
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.package import Package
from docx.oxml.ns import qn
from lxml import etree

from pipeline import ir
from pipeline.extract.docx_numbering import Numbering
from pipeline.extract.docx_styles import (
    Styles, child, int_val, is_on, load_styles, paragraph_property, run_flag, style_chain, val,
)
from pipeline.extract.errors import ExtractError
from pipeline.normalize.text import clean_whitespace

# A zip bomb guard: the largest uncompressed size we accept for the main part and for the package.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIN_PART = "word/document.xml"
TWIPS_PER_POINT = 20

# Elements whose children are read as if they stood in the parent (content controls, links, revisions).
_TRANSPARENT = {qn(t) for t in ("w:sdt", "w:sdtContent", "w:customXml", "w:smartTag", "w:hyperlink",
                                "w:ins", "w:moveTo", "w:fldSimple", "w:dir", "w:bdo")}
_JC_TO_ALIGN: dict[str, ir.Alignment] = {
    "left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
    "both": "justify", "distribute": "justify", "thaiDistribute": "justify",
    "lowKashida": "justify", "mediumKashida": "justify", "highKashida": "justify",
}
# Run children that stand for characters: tabs and line breaks read as spaces.
_RUN_MARKS = {qn("w:tab"): " ", qn("w:ptab"): " ", qn("w:br"): " ", qn("w:cr"): " ",
              qn("w:noBreakHyphen"): "-"}
_BORDER_SIDES = ("top", "left", "bottom", "right", "start", "end", "insideH", "insideV")


@dataclass
class _Context:
    """What paragraph and table conversion need from the package besides the body."""

    styles: Styles
    numbering: Numbering
    warnings: list[tuple[str, str, str]] = field(default_factory=list)


def extract_docx(path: Path) -> ir.Extracted:
    """Read a DOCX file into the IR.

    Args:
        path: The .docx file.

    Returns:
        Body paragraphs and tables in file order; ``pages`` is None (a DOCX has no fixed pages).

    Raises:
        ExtractError: The file is empty, not a DOCX, encrypted, corrupt or suspiciously large.
    """
    check_package(path)
    try:
        main = Package.open(str(path)).main_document_part
        body = child(_part_root(main), "w:body")
        if body is None:
            raise ExtractError("corrupt DOCX: the document has no body")
        ctx = _Context(load_styles(_related_root(main, RT.STYLES)), Numbering(_related_root(main, RT.NUMBERING)))
        blocks = tuple(_body_blocks(body, ctx))
    except ExtractError:
        raise
    except etree.LxmlError as exc:
        raise ExtractError(f"corrupt DOCX: invalid XML ({exc})") from exc
    except (KeyError, ValueError, zipfile.BadZipFile, docx.opc.exceptions.PackageNotFoundError) as exc:
        raise ExtractError(f"corrupt DOCX: {exc}") from exc
    _warn_about_skipped_content(body, ctx)
    return ir.Extracted(blocks=blocks, pages=None, warnings=tuple(ctx.warnings))


# --- package checks ---------------------------------------------------------------------------


def check_package(path: Path) -> None:
    """Refuse files python-docx would choke on or that could exhaust memory, with a clear reason.

    Raises:
        ExtractError: Why the file cannot be read.
    """
    with path.open("rb") as fh:
        head = fh.read(8)
    if not head:
        raise ExtractError("file is empty")
    if head == OLE2_MAGIC:
        raise ExtractError("encrypted DOCX or legacy .doc (OLE2) file")
    if head.startswith(b"%PDF"):
        raise ExtractError("not a DOCX file (looks like a PDF)")
    if not zipfile.is_zipfile(path):
        # A zip's first bytes with no readable directory: a DOCX cut short (a broken download).
        raise ExtractError("corrupt or truncated DOCX (damaged zip archive)" if head.startswith(b"PK")
                           else "not a DOCX file (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive)
    except zipfile.BadZipFile as exc:
        raise ExtractError(f"corrupt DOCX: damaged zip archive ({exc})") from exc


def _check_archive(archive: zipfile.ZipFile) -> None:
    """Size limits first (from the zip directory, before inflating anything), then DTDs."""
    infos = {info.filename: info for info in archive.infolist()}
    if MAIN_PART not in infos:
        raise ExtractError(f"corrupt DOCX: missing {MAIN_PART}")
    total = sum(info.file_size for info in infos.values())
    if infos[MAIN_PART].file_size > MAX_UNCOMPRESSED_BYTES or total > MAX_UNCOMPRESSED_BYTES:
        raise ExtractError(f"DOCX too large when decompressed ({total // 2**20} MB; "
                           f"limit {MAX_UNCOMPRESSED_BYTES // 2**20} MB)")
    if infos[MAIN_PART].flag_bits & 0x1:
        raise ExtractError("encrypted or password-protected")
    for name in infos:
        if name.endswith((".xml", ".rels")) and _declares_dtd(archive.read(name)):
            raise ExtractError(f"unsafe DOCX: {name} declares a DOCTYPE or entities")


def _declares_dtd(xml: bytes) -> bool:
    """Whether an XML part carries a DTD: Word never writes one, so it can only be an entity attack."""
    if xml.startswith((b"\xff\xfe", b"\xfe\xff")):
        xml = xml.decode("utf-16", errors="ignore").encode("utf-8")
    return b"<!DOCTYPE" in xml or b"<!ENTITY" in xml


def _part_root(part: Part) -> etree._Element:
    """A part's XML root. Parts python-docx has no class for (the main part of a .docm or
    .dotx, which it refuses to open as a document) are parsed from their bytes."""
    return part.element if isinstance(part, XmlPart) else parse_xml(part.blob)


def _related_root(main: Part, reltype: str) -> etree._Element | None:
    """The root element of a part the main document links to, or None when it has none."""
    try:
        return _part_root(main.part_related_by(reltype))
    except KeyError:
        return None


# --- paragraphs -------------------------------------------------------------------------------


def _body_blocks(container: etree._Element, ctx: _Context) -> Iterator[ir.Block]:
    """Paragraphs and tables of a body (or cell) in order, looking through content controls."""
    for node in container:
        if node.tag == qn("w:p"):
            paragraph = _paragraph(node, ctx)
            if paragraph is not None:
                yield paragraph
        elif node.tag == qn("w:tbl"):
            yield _table(node, ctx)
        elif node.tag in _TRANSPARENT:
            yield from _body_blocks(node, ctx)


def _runs(container: etree._Element) -> Iterator[etree._Element]:
    """The w:r elements a reader sees: inside links, fields, content controls and insertions,
    but not inside deletions (w:del, w:moveFrom), which the transparent set leaves out."""
    for node in container:
        if node.tag == qn("w:r"):
            yield node
        elif node.tag in _TRANSPARENT:
            yield from _runs(node)


def _run_text(r: etree._Element) -> str:
    """A run's visible text: tabs and line breaks become spaces, field codes are left out."""
    parts = []
    for node in r:
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:sym"):
            parts.append(_symbol_char(node.get(qn("w:char"), "")))
        else:
            parts.append(_RUN_MARKS.get(node.tag, ""))
    return "".join(parts)


def _symbol_char(code: str) -> str:
    """A w:sym character; Symbol/Wingdings glyphs live at U+F0xx, which we show as a bullet."""
    try:
        char = chr(int(code, 16))
    except ValueError:
        return ""
    return "•" if 0xF000 <= ord(char) <= 0xF0FF else char


def _run_piece(r: etree._Element, para_style: str | None, ctx: _Context) -> tuple[str, bool, bool] | None:
    """A run's displayed text with its resolved bold and italic; None for hidden or empty runs.

    All-caps formatting is applied to the text, since a PDF of the file shows capitals.
    """
    def flag(tag: str) -> bool:
        return run_flag(r, tag, ctx.styles, para_style)

    text = _run_text(r)
    if not text or flag("w:vanish"):
        return None
    if flag("w:caps") or flag("w:smallCaps"):
        text = text.upper()
    return text, flag("w:b"), flag("w:i")


def _paragraph(p: etree._Element, ctx: _Context) -> ir.Paragraph | None:
    """One w:p as an IR paragraph; None when it holds no visible text.

    Bold and italic mean all of the inked text is: a heading with one bold word in
    running text is not a bold paragraph.
    """
    style = val(p, "w:pPr", "w:pStyle")
    pieces = [piece for r in _runs(p) if (piece := _run_piece(r, style, ctx))]
    label = ctx.numbering.label(p, ctx.styles)  # before the emptiness test: Word numbers empty items too
    body = clean_whitespace("".join(text for text, _, _ in pieces))
    if not body:
        return None
    inked = [piece for piece in pieces if piece[0].strip()]
    return ir.Paragraph(
        text=f"{label} {body}" if label else body,
        bold=all(bold for _, bold, _ in inked),
        italic=all(italic for _, _, italic in inked),
        align=_JC_TO_ALIGN.get(val(paragraph_property(p, ("w:jc",), ctx.styles))),
        indent=_first_line_indent(paragraph_property(p, ("w:ind",), ctx.styles)),
    )


def _first_line_indent(ind: etree._Element | None) -> float | None:
    """w:ind firstLine (positive) or hanging (negative), twips -> points; None when unset."""
    if ind is None:
        return None
    for attr, sign in (("w:firstLine", 1), ("w:hanging", -1)):
        value = ind.get(qn(attr))
        if value is not None:
            try:
                return sign * float(value) / TWIPS_PER_POINT
            except ValueError:
                return None
    return None


# --- tables -----------------------------------------------------------------------------------


@dataclass
class _RawCell:
    """A w:tc while its table is being read: row_span and paragraphs grow as merges resolve."""

    tc: etree._Element
    col: int
    col_span: int
    vmerge: str | None  # "restart", "continue" or None
    paragraphs: list[ir.Paragraph]
    row_span: int = 1


def _children(container: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Direct children with ``tag``, looking through content controls (rows and cells can be wrapped)."""
    for node in container:
        if node.tag == qn(tag):
            yield node
        elif node.tag in _TRANSPARENT:
            yield from _children(node, tag)


def _row_cells(tr: etree._Element, ctx: _Context) -> list[_RawCell]:
    """A row's cells placed on the grid: w:gridBefore shifts the first one, w:gridSpan widens,
    and a legacy w:hMerge continuation widens the cell before it instead of being a cell."""
    col = int_val(tr, "w:trPr", "w:gridBefore", default=0)
    cells: list[_RawCell] = []
    for tc in _children(tr, "w:tc"):
        span = max(1, int_val(tc, "w:tcPr", "w:gridSpan", default=1))
        hmerge = child(tc, "w:tcPr", "w:hMerge")
        if hmerge is not None and hmerge.get(qn("w:val")) != "restart" and cells:
            cells[-1].col_span += span
            cells[-1].paragraphs += _cell_paragraphs(tc, ctx)
        else:
            vmerge = child(tc, "w:tcPr", "w:vMerge")
            state = None if vmerge is None else ("restart" if vmerge.get(qn("w:val")) == "restart" else "continue")
            cells.append(_RawCell(tc, col, span, state, _cell_paragraphs(tc, ctx)))
        col += span
    return cells


def _cell_paragraphs(tc: etree._Element, ctx: _Context) -> list[ir.Paragraph]:
    """A cell's paragraphs; a nested table contributes its cells' paragraphs in reading order."""
    paragraphs: list[ir.Paragraph] = []
    for block in _body_blocks(tc, ctx):
        if isinstance(block, ir.Table):
            paragraphs += [p for row in block.rows for cell in row.cells for p in cell.paragraphs]
        else:
            paragraphs.append(block)
    return paragraphs


def merge_vertical(rows: list[list[_RawCell]]) -> list[list[_RawCell]]:
    """Fold w:vMerge continuation cells into the restart cell above them.

    The restart cell's ``row_span`` counts the rows it covers; text Word hides in a
    continuation cell is appended rather than lost. A continuation with nothing to
    continue (a hand-edited file) stays an ordinary cell.
    """
    open_merges: dict[int, _RawCell] = {}
    merged_rows = []
    for cells in rows:
        kept, still_open = [], {}
        for cell in cells:
            above = open_merges.get(cell.col)
            if cell.vmerge == "continue" and above is not None and above.col_span == cell.col_span:
                above.row_span += 1
                above.paragraphs += cell.paragraphs
                still_open[cell.col] = above
                continue
            if cell.vmerge == "restart":
                still_open[cell.col] = cell
            kept.append(cell)
        open_merges = still_open
        merged_rows.append(kept)
    return merged_rows


def _table(tbl: etree._Element, ctx: _Context) -> ir.Table:
    """A w:tbl as an IR table, each merged cell once, positioned on the table grid."""
    trs = [tr for tr in _children(tbl, "w:tr") if child(tr, "w:trPr", "w:del") is None]  # not deleted rows
    raw_rows = [_row_cells(tr, ctx) for tr in trs]
    widths = [(cells[-1].col + cells[-1].col_span if cells else 0)
              + int_val(tr, "w:trPr", "w:gridAfter", default=0) for tr, cells in zip(trs, raw_rows)]
    n_cols = max([len(list(_children(child(tbl, "w:tblGrid"), "w:gridCol")))
                  if child(tbl, "w:tblGrid") is not None else 0, *widths])
    merged = merge_vertical(raw_rows)
    rows = tuple(
        ir.Row(
            cells=tuple(ir.Cell(tuple(c.paragraphs), c.col, c.col_span, c.row_span) for c in cells),
            repeat_header=_is_header_row(tr),
        )
        for tr, cells in zip(trs, merged)
    )
    return ir.Table(rows=rows, n_cols=n_cols, bordered=_is_bordered(tbl, merged, n_cols, ctx))


def _is_header_row(tr: etree._Element) -> bool:
    flag = child(tr, "w:trPr", "w:tblHeader")
    return flag is not None and is_on(flag.get(qn("w:val")))


def _border_visible(borders: etree._Element | None, side: str) -> bool | None:
    """Whether a border element draws a line on ``side``; None when it does not say.

    ``left``/``right`` fall back to their bidi-aware names ``start``/``end``. A white
    line is how some authors hide borders, so it counts as none.
    """
    if borders is None:
        return None
    aliases = {"left": ("left", "start"), "right": ("right", "end")}.get(side, (side,))
    for name in aliases:
        line = borders.find(qn(f"w:{name}"))
        if line is not None:
            kind = (line.get(qn("w:val")) or "nil").lower()
            return kind not in ("nil", "none") and (line.get(qn("w:color")) or "").upper() != "FFFFFF"
    return None


def _table_borders(tbl: etree._Element, ctx: _Context) -> dict[str, bool]:
    """Table-level border per side: w:tblBorders, else the table style chain's.

    A table style the package does not define (a file written by a tool that names
    "TableGrid" without shipping it) is assumed to draw a grid.
    """
    tbl_pr = child(tbl, "w:tblPr")
    style_id = val(tbl_pr, "w:tblStyle")
    if style_id and style_id not in ctx.styles.by_id:
        return {side: True for side in _BORDER_SIDES}
    sources = [child(tbl_pr, "w:tblBorders")]
    sources += [child(s, "w:tblPr", "w:tblBorders") for s in style_chain(style_id, "table", ctx.styles)]
    sides = {}
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        found = (_border_visible(borders, side) for borders in sources)
        sides[side] = next((v for v in found if v is not None), False)
    return sides


def _is_bordered(tbl: etree._Element, rows: list[list[_RawCell]], n_cols: int, ctx: _Context) -> bool:
    """True when any cell edge draws a line (cell w:tcBorders overriding the table's borders).

    False means a layout table: the two-column letterhead, the signature block.
    """
    table_sides = _table_borders(tbl, ctx)
    for r_index, cells in enumerate(rows):
        for cell in cells:
            edges = {
                "top": "top" if r_index == 0 else "insideH",
                "bottom": "bottom" if r_index + cell.row_span >= len(rows) else "insideH",
                "left": "left" if cell.col == 0 else "insideV",
                "right": "right" if cell.col + cell.col_span >= n_cols else "insideV",
            }
            own = child(cell.tc, "w:tcPr", "w:tcBorders")
            for edge, table_side in edges.items():
                visible = _border_visible(own, edge)
                if visible if visible is not None else table_sides[table_side]:
                    return True
    return False


# --- warnings ---------------------------------------------------------------------------------


def _warn_about_skipped_content(body: etree._Element, ctx: _Context) -> None:
    """Say when the body holds text we leave out or revisions we resolved on the author's behalf."""
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    boxes = [box for box in body.iter(qn("w:txbxContent"))
             if not any(a.tag == fallback for a in box.iterancestors())
             and clean_whitespace("".join(box.itertext()))]
    if boxes:
        ctx.warnings.append(("docx_text_box_skipped",
                             f"{len(boxes)} text box(es) with text not extracted", "body"))
    if next(body.iter(qn("w:del"), qn("w:ins"), qn("w:moveFrom")), None) is not None:
        ctx.warnings.append(("docx_tracked_changes",
                             "unaccepted tracked changes: deleted text dropped, inserted text kept", "body"))
