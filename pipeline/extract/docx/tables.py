"""DOCX tables -> IR: each w:tbl read into an ``ir.Table`` of cells placed on the grid.

Word stores a table row by row; a cell spans columns with w:gridSpan (or the legacy
w:hMerge) and rows with w:vMerge restart/continue markers, so the IR's one cell
with spans is rebuilt here (`merge_vertical`). The column count comes from
w:tblGrid and the rows' widths; ``bordered`` from cell, table and table-style
borders. A cell's content is read by the caller's block reader, so a nested table
contributes its cells' paragraphs in reading order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from docx.oxml.ns import qn
from lxml import etree

from pipeline import ir
from pipeline.extract.docx.styles import Styles, child, int_val, is_on, style_chain, val

# Elements whose children are read as if they stood in the parent (content controls, links, revisions);
# the body walk in `docx` looks through the same ones.
TRANSPARENT = {qn(t) for t in ("w:sdt", "w:sdtContent", "w:customXml", "w:smartTag", "w:hyperlink",
                               "w:ins", "w:moveTo", "w:fldSimple", "w:dir", "w:bdo")}
_BORDER_SIDES = ("top", "left", "bottom", "right", "start", "end", "insideH", "insideV")

# Reads the blocks (paragraphs, nested tables) of a body or a cell.
BlockReader = Callable[[etree._Element], Iterable[ir.Block]]


@dataclass
class _RawCell:
    """A w:tc while its table is being read: row_span and paragraphs grow as merges resolve."""

    tc: etree._Element
    col: int
    col_span: int
    vmerge: str | None  # "restart", "continue" or None
    paragraphs: list[ir.Paragraph]
    row_span: int = 1
    # Where the cell and the continuation cells merged into it stand (DOCX provenance).
    places: list[ir.Place] = field(default_factory=list)


def _children(container: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Direct children with ``tag``, looking through content controls (rows and cells can be wrapped)."""
    for node in container:
        if node.tag == qn(tag):
            yield node
        elif node.tag in TRANSPARENT:
            yield from _children(node, tag)


def _row_cells(tr: etree._Element, read_blocks: BlockReader, where: tuple[int, int] | None = None) -> list[_RawCell]:
    """A row's cells placed on the grid: w:gridBefore shifts the first one, w:gridSpan widens,
    and a legacy w:hMerge continuation widens the cell before it instead of being a cell.

    `where` is (table, row) of a body-level table: its cells get their DOCX places.
    """
    col = int_val(tr, "w:trPr", "w:gridBefore", default=0)
    cells: list[_RawCell] = []
    for index, tc in enumerate(_children(tr, "w:tc")):
        place = [ir.Place(table=where[0], row=where[1], cell=index)] if where else []
        span = max(1, int_val(tc, "w:tcPr", "w:gridSpan", default=1))
        hmerge = child(tc, "w:tcPr", "w:hMerge")
        if hmerge is not None and hmerge.get(qn("w:val")) != "restart" and cells:
            cells[-1].col_span += span
            cells[-1].paragraphs += _cell_paragraphs(tc, read_blocks)
            cells[-1].places += place
        else:
            vmerge = child(tc, "w:tcPr", "w:vMerge")
            state = None if vmerge is None else ("restart" if vmerge.get(qn("w:val")) == "restart" else "continue")
            cells.append(_RawCell(tc, col, span, state, _cell_paragraphs(tc, read_blocks), places=place))
        col += span
    return cells


def _cell_paragraphs(tc: etree._Element, read_blocks: BlockReader) -> list[ir.Paragraph]:
    """A cell's paragraphs; a nested table contributes its cells' paragraphs in reading order."""
    paragraphs: list[ir.Paragraph] = []
    for block in read_blocks(tc):
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
                above.places += cell.places
                still_open[cell.col] = above
                continue
            if cell.vmerge == "restart":
                still_open[cell.col] = cell
            kept.append(cell)
        open_merges = still_open
        merged_rows.append(kept)
    return merged_rows


def read_table(tbl: etree._Element, styles: Styles, read_blocks: BlockReader, table_index: int | None = None) -> ir.Table:
    """A w:tbl as an IR table, each merged cell once, positioned on the table grid.

    Args:
        tbl: The w:tbl element.
        styles: The package's styles, for table-style borders.
        read_blocks: Reads a cell's blocks, the same way the body is read.
        table_index: The table's index among the body's tables (None for a nested table):
            each cell's place.
    """
    trs = [tr for tr in _children(tbl, "w:tr") if child(tr, "w:trPr", "w:del") is None]  # not deleted rows
    raw_rows = [_row_cells(tr, read_blocks, None if table_index is None else (table_index, r))
                for r, tr in enumerate(trs)]
    widths = [(cells[-1].col + cells[-1].col_span if cells else 0)
              + int_val(tr, "w:trPr", "w:gridAfter", default=0) for tr, cells in zip(trs, raw_rows)]
    n_cols = max([len(list(_children(child(tbl, "w:tblGrid"), "w:gridCol")))
                  if child(tbl, "w:tblGrid") is not None else 0, *widths])
    merged = merge_vertical(raw_rows)
    rows = tuple(
        ir.Row(
            cells=tuple(ir.Cell(tuple(c.paragraphs), c.col, c.col_span, c.row_span, tuple(c.places)) for c in cells),
            repeat_header=_is_header_row(tr),
        )
        for tr, cells in zip(trs, merged)
    )
    return ir.Table(rows=rows, n_cols=n_cols, bordered=_is_bordered(tbl, merged, n_cols, styles))


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


def _table_borders(tbl: etree._Element, styles: Styles) -> dict[str, bool]:
    """Table-level border per side: w:tblBorders, else the table style chain's.

    A table style the package does not define (a file written by a tool that names
    "TableGrid" without shipping it) is assumed to draw a grid.
    """
    tbl_pr = child(tbl, "w:tblPr")
    style_id = val(tbl_pr, "w:tblStyle")
    if style_id and style_id not in styles.by_id:
        return {side: True for side in _BORDER_SIDES}
    sources = [child(tbl_pr, "w:tblBorders")]
    sources += [child(s, "w:tblPr", "w:tblBorders") for s in style_chain(style_id, "table", styles)]
    sides = {}
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        found = (_border_visible(borders, side) for borders in sources)
        sides[side] = next((v for v in found if v is not None), False)
    return sides


def _is_bordered(tbl: etree._Element, rows: list[list[_RawCell]], n_cols: int, styles: Styles) -> bool:
    """True when any cell edge draws a line (cell w:tcBorders overriding the table's borders).

    False means a layout table: the two-column letterhead, the signature block.
    """
    table_sides = _table_borders(tbl, styles)
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
