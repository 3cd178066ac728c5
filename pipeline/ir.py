"""The intermediate representation shared by the PDF and DOCX extractors.

Everything downstream of `pipeline.extract` sees only these types: a flat list
of blocks in reading order, each either a paragraph or a table. A borderless
layout table (the two-column header, the "Nơi nhận" / signature block) is a
`Table` with ``bordered=False`` whichever format it came from: the PDF
extractor rebuilds side-by-side text columns into such a table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from pipeline.warnings import PlanWarning

Alignment = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of running text (line wraps already joined with spaces)."""

    text: str
    bold: bool = False
    italic: bool = False
    align: Alignment | None = None
    pages: tuple[int, ...] = ()
    # Left indent of the first line relative to the text block, in points; None when unknown.
    indent: float | None = None


@dataclass(frozen=True)
class Cell:
    """A table cell: its paragraphs and how many grid columns/rows it spans.

    A cell covered by a vertical merge from above is not repeated: the row
    simply has fewer cells and the covering cell carries ``row_span > 1``.
    ``col`` is the cell's first grid column, so consumers never need to
    recompute positions from spans.
    """

    paragraphs: tuple[Paragraph, ...]
    col: int
    col_span: int = 1
    row_span: int = 1

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs if p.text)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    # True when the file marks the row as a header repeated on each page (w:tblHeader).
    repeat_header: bool = False
    pages: tuple[int, ...] = ()


@dataclass(frozen=True)
class Table:
    """A table as the file holds it. PDF tables are per page; stitching is structure's job."""

    rows: tuple[Row, ...]
    n_cols: int
    bordered: bool = True
    pages: tuple[int, ...] = ()
    # Whether the table sits at the top of its page (a PDF continuation candidate).
    starts_page: bool = False
    # Whether the table runs down to the bottom of its page.
    ends_page: bool = False


Block = Union[Paragraph, Table]


@dataclass(frozen=True)
class Extracted:
    """What an extractor returns: blocks in reading order plus page count."""

    blocks: tuple[Block, ...]
    pages: int | None
    warnings: tuple[PlanWarning, ...] = field(default=())
    # Footnote texts (DOCX), in note order: not body text, but they cite documents.
    notes: tuple[str, ...] = field(default=())
