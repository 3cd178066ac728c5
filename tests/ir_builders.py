"""Tiny builders of IR values (paragraphs, cells, tables) and positioned words for tests.

Structure tests describe documents as blocks rather than files: a task table is
a list of rows of cell texts, a header band is a few words at given coordinates.
Widths are computed from the text (half the font size per character), which is
all the layout code looks at.
"""
from __future__ import annotations

from pipeline import ir
from pipeline.extract.layout import Line, Word

CHAR_WIDTH = 0.5  # glyph width as a fraction of the font size
SPACE_WIDTH = 0.25  # inter-word space as a fraction of the font size


# --- IR blocks ----------------------------------------------------------------


def para(text: str, *, bold: bool = False, italic: bool = False, align: ir.Alignment | None = None,
         pages: tuple[int, ...] = (), indent: float | None = None) -> ir.Paragraph:
    """An ir.Paragraph with keyword-only formatting."""
    return ir.Paragraph(text=text, bold=bold, italic=italic, align=align, pages=pages, indent=indent)


def cell(text: str | ir.Paragraph | tuple[ir.Paragraph, ...], col: int, col_span: int = 1,
         row_span: int = 1) -> ir.Cell:
    """A cell; a string becomes one paragraph per line ("\\n"), "" an empty cell."""
    if isinstance(text, ir.Paragraph):
        paragraphs: tuple[ir.Paragraph, ...] = (text,)
    elif isinstance(text, tuple):
        paragraphs = text
    else:
        paragraphs = tuple(ir.Paragraph(t) for t in text.split("\n") if t) if text else ()
    return ir.Cell(paragraphs=paragraphs, col=col, col_span=col_span, row_span=row_span)


def row(*cells: ir.Cell, repeat_header: bool = False, pages: tuple[int, ...] = ()) -> ir.Row:
    return ir.Row(cells=tuple(cells), repeat_header=repeat_header, pages=pages)


def grid(rows: list[list[str]], *, page: int | None = None, bordered: bool = True, starts_page: bool = False,
         ends_page: bool = False) -> ir.Table:
    """A table with one cell per column per row, no spans: the common ruled task table."""
    pages = (page,) if page is not None else ()
    n_cols = max(len(r) for r in rows)
    built = tuple(row(*(cell(t, c) for c, t in enumerate(r)), pages=pages) for r in rows)
    return ir.Table(rows=built, n_cols=n_cols, bordered=bordered, pages=pages, starts_page=starts_page,
                    ends_page=ends_page)


def table(rows: list[ir.Row], n_cols: int, *, page: int | None = None, bordered: bool = True,
          starts_page: bool = False, ends_page: bool = False) -> ir.Table:
    """A table from hand-built rows (spans and merges)."""
    pages = (page,) if page is not None else ()
    return ir.Table(rows=tuple(rows), n_cols=n_cols, bordered=bordered, pages=pages, starts_page=starts_page,
                    ends_page=ends_page)


def layout(*columns: list[str | ir.Paragraph]) -> ir.Table:
    """A borderless one-row layout table: each argument is one column's paragraphs."""
    cells = []
    for c, texts in enumerate(columns):
        paragraphs = tuple(t if isinstance(t, ir.Paragraph) else ir.Paragraph(t) for t in texts)
        cells.append(ir.Cell(paragraphs=paragraphs, col=c))
    return ir.Table(rows=(ir.Row(cells=tuple(cells)),), n_cols=len(columns), bordered=False)


# --- Positioned words -----------------------------------------------------------


def text_width(text: str, size: float = 12.0) -> float:
    return len(text) * CHAR_WIDTH * size


def words(text: str, x0: float, top: float, *, size: float = 12.0, bold: bool = False, italic: bool = False,
          page: int = 1) -> list[Word]:
    """The words of ``text`` laid out left to right from x0 on one baseline."""
    out: list[Word] = []
    x = x0
    for token in text.split():
        x1 = x + text_width(token, size)
        out.append(Word(token, x, x1, top, top + size, size, bold=bold, italic=italic, page=page))
        x = x1 + SPACE_WIDTH * size
    return out


def line(text: str, x0: float, top: float, **kwargs) -> Line:
    """One Line of words (see `words`)."""
    return Line(tuple(words(text, x0, top, **kwargs)))


def right_aligned(text: str, right: float, top: float, **kwargs) -> Line:
    """A line whose last word ends at ``right``."""
    n = len(text.split())
    size = kwargs.get("size", 12.0)
    width = text_width(text.replace(" ", ""), size) + SPACE_WIDTH * size * (n - 1)
    return line(text, right - width, top, **kwargs)


def centred(text: str, left: float, right: float, top: float, **kwargs) -> Line:
    """A line centred between ``left`` and ``right``."""
    n = len(text.split())
    size = kwargs.get("size", 12.0)
    width = text_width(text.replace(" ", ""), size) + SPACE_WIDTH * size * (n - 1)
    return line(text, (left + right - width) / 2, top, **kwargs)


def merge(*lines: Line) -> Line:
    """Several Lines (e.g. a left and a right column piece) as one line, words sorted by x."""
    return Line(tuple(sorted((w for ln in lines for w in ln.words), key=lambda w: w.x0)))


def justified(text: str, left: float, right: float, top: float, *, size: float = 12.0, bold: bool = False,
              italic: bool = False, page: int = 1) -> Line:
    """A full line of justified text: words spread so the last one ends at ``right``."""
    tokens = text.split()
    widths = [text_width(t, size) for t in tokens]
    gap = (right - left - sum(widths)) / max(len(tokens) - 1, 1)
    out: list[Word] = []
    x = left
    for token, width in zip(tokens, widths):
        out.append(Word(token, x, x + width, top, top + size, size, bold=bold, italic=italic, page=page))
        x += width + gap
    return Line(tuple(out))
