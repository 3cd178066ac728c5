"""What the structure step hands to normalisation: the document's parts as text.

Nothing here is normalised yet (agencies are cell text, dates are as printed);
`pipeline.normalize` turns these into the contract's values.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.ir import Block, Place
from pipeline.model import Signer
from pipeline.warnings import PlanWarning


@dataclass(frozen=True)
class RawHeader:
    """The header block: issuer cell, number line, place/date line, type and title."""

    issuer_lines: tuple[str, ...] = ()
    number_line: str | None = None
    place_date_line: str | None = None
    type_line: str | None = None
    title: str | None = None
    # "(Ban hành kèm theo Quyết định số ...)" under the title of an attached document.
    caption: str | None = None
    # The "V/v ..." subject under the number (a công văn's), as printed, over one or more lines.
    subject_lines: tuple[str, ...] = ()
    # A file that is an appendix alone ("PHỤ LỤC II" over its title and "(Kèm theo Quyết định số
    # ...)", no header of its own): the label; its title and caption are `title` and `caption`.
    part_label: str | None = None


@dataclass
class RawSection:
    number: str | None
    title: str | None
    level: int
    paragraphs: list[str] = field(default_factory=list)
    children: list["RawSection"] = field(default_factory=list)
    # PDF pages of the heading, and of each paragraph (aligned with `paragraphs`); () for DOCX.
    pages: tuple[int, ...] = ()
    paragraph_pages: list[tuple[int, ...]] = field(default_factory=list)

    def all_pages(self) -> tuple[int, ...]:
        """Every page the heading and its own paragraphs are printed on, ascending."""
        return tuple(sorted({p for pages in (self.pages, *self.paragraph_pages) for p in pages}))


@dataclass(frozen=True)
class RawTask:
    """One task row of a task table, its cells keyed by column role."""

    number: str | None
    group: str | None
    cells: dict[str, str]
    pages: tuple[int, ...] = ()
    table: int = 0
    # True for a task read from the body text (no task table): its text is also a paragraph.
    from_body: bool = False
    # Where each role's cell stands, and "row" for the whole row (provenance; empty for body tasks).
    places: dict[str, tuple[Place, ...]] = field(default_factory=dict)
    # How the document names the table the row is in ("Phụ lục II", "Bảng 2"); None for the body.
    place: str | None = None
    # The TT cell's text when it held digits that could not be read as a number ("12a").
    unread_number: str | None = None
    # The TT cell as read ("15", or "" for an empty one) when the run of its neighbours gave
    # the row another number (`task_numbers.repair_sequence`); None when it fits the run.
    printed_number: str | None = None


@dataclass(frozen=True)
class RawClosing:
    recipients: tuple[str, ...] = ()
    archive: str | None = None
    signature_lines: tuple[str, ...] = ()
    # The signer read from `signature_lines` (structure.signature holds every rule of it).
    signer: Signer | None = None


@dataclass
class Skeleton:
    header: RawHeader
    preamble: list[str] = field(default_factory=list)
    sections: list[RawSection] = field(default_factory=list)
    tasks: list[RawTask] = field(default_factory=list)
    closing: RawClosing = field(default_factory=RawClosing)
    data_tables: list["RawDataTable"] = field(default_factory=list)
    warnings: list[PlanWarning] = field(default_factory=list)
    # The blocks the skeleton was read from: normalize locates header, sections and closing in them.
    blocks: tuple[Block, ...] = ()
    # Captions after the closing ("(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/3/2026 ...)").
    captions: list[str] = field(default_factory=list)
    # Documents printed after this one in the same file (the plan a decision issues).
    attachments: list["RawAttachment"] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # footnote texts: cited documents are read from them
    ocr_unsure: tuple[tuple[int, str, float], ...] = ()  # words OCR was unsure of (`Extracted.ocr_unsure`)


@dataclass
class RawAttachment:
    """An attached document: its own skeleton and type code, the pages it runs over."""

    skeleton: Skeleton
    type_code: str | None
    pages: tuple[int, ...] = ()


@dataclass(frozen=True)
class RawDataTable:
    """A ruled table that is not a task table: its header and rows as text."""

    caption: str | None
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    pages: tuple[int, ...] = ()
    # Per row, per column: where the cell stands (provenance).
    places: tuple[tuple[tuple[Place, ...], ...], ...] = ()
    # Task text and a number or deadline column but no responsibility column (see stitch).
    task_like: bool = False
