"""The intermediate representation shared by the PDF and DOCX extractors.

Everything downstream of `pipeline.extract` sees only these types: a flat list
of blocks in reading order, each either a paragraph or a table. A borderless
layout table (the two-column header, the "Nơi nhận" / signature block) is a
`Table` with ``bordered=False`` whichever format it came from: the PDF
extractor rebuilds side-by-side text columns into such a table.

The types have slots: a 300-page plan's IR holds tens of thousands of places,
paragraphs and cells at once, each a fixed size without a __dict__.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from pipeline.warnings import PlanWarning

Alignment = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a piece of text stands in its file (the contract's provenance entry).

    PDF: a page (1-based) and a box ``(x0, top, x1, bottom)`` in PDF points, top
    growing downwards (pdfplumber's coordinates). DOCX: the body paragraph's index,
    or a table cell as (table, row, cell): indexes count the body's w:p / w:tbl
    elements in file order (through content controls, empty paragraphs included),
    the table's w:tr and the row's w:tc, all from 0.
    """

    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    def to_dict(self) -> dict:
        """The contract's JSON form: {"page", "bbox"} or {"paragraph"} or {"table", "row", "cell"}."""
        if self.page is not None and self.bbox is not None:
            return {"page": self.page, "bbox": [round(v, 1) for v in self.bbox]}
        if self.paragraph is not None:
            return {"paragraph": self.paragraph}
        return {"table": self.table, "row": self.row, "cell": self.cell}


def union_places(places: "tuple[Place, ...] | list[Place]") -> tuple[Place, ...]:
    """Boxes on one page merged into their union, one Place per page (DOCX places kept, deduplicated)."""
    by_page: dict[int, tuple[float, float, float, float]] = {}
    others: list[Place] = []
    for place in places:
        if place.page is None or place.bbox is None:
            if place not in others:
                others.append(place)
            continue
        old = by_page.get(place.page)
        b = place.bbox
        by_page[place.page] = b if old is None else (min(old[0], b[0]), min(old[1], b[1]), max(old[2], b[2]), max(old[3], b[3]))
    return tuple(Place(page=p, bbox=b) for p, b in sorted(by_page.items())) + tuple(others)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of running text (line wraps already joined with spaces)."""

    text: str
    bold: bool = False
    italic: bool = False
    align: Alignment | None = None
    pages: tuple[int, ...] = ()
    # Left indent of the first line relative to the text block, in points; None when unknown.
    indent: float | None = None
    # Where it stands: one box per PDF page it covers, or its DOCX paragraph (empty inside
    # a DOCX table cell: the cell's places say where).
    places: tuple[Place, ...] = ()


@dataclass(frozen=True, slots=True)
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
    # The cell's ruled box per PDF page, or its DOCX (table, row, cell); a vertical merge
    # lists every piece it covers.
    places: tuple[Place, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs if p.text)


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    # True when the file marks the row as a header repeated on each page (w:tblHeader).
    repeat_header: bool = False
    pages: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an extractor returns: blocks in reading order plus page count."""

    blocks: tuple[Block, ...]
    pages: int | None
    warnings: tuple[PlanWarning, ...] = field(default=())
    # Footnote texts (DOCX), in note order: not body text, but they cite documents.
    notes: tuple[str, ...] = field(default=())
    # Words OCR read unsurely (`ocr.reader.UNSURE_WORD`): (page, text, confidence 0-100), for the
    # header fields that hold them to be warned (`normalize.ocr_fields`).
    ocr_unsure: tuple[tuple[int, str, float], ...] = field(default=())
