"""What the structure step hands to normalisation: the document's parts as text.

Nothing here is normalised yet (agencies are cell text, dates are as printed);
`pipeline.normalize` turns these into the contract's values.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.warnings import PlanWarning


@dataclass(frozen=True)
class RawHeader:
    """The header block: issuer cell, number line, place/date line, type and title."""

    issuer_lines: tuple[str, ...] = ()
    number_line: str | None = None
    place_date_line: str | None = None
    type_line: str | None = None
    title: str | None = None


@dataclass
class RawSection:
    number: str | None
    title: str | None
    level: int
    paragraphs: list[str] = field(default_factory=list)
    children: list["RawSection"] = field(default_factory=list)


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


@dataclass(frozen=True)
class RawClosing:
    recipients: tuple[str, ...] = ()
    archive: str | None = None
    signature_lines: tuple[str, ...] = ()


@dataclass
class Skeleton:
    header: RawHeader
    preamble: list[str] = field(default_factory=list)
    sections: list[RawSection] = field(default_factory=list)
    tasks: list[RawTask] = field(default_factory=list)
    closing: RawClosing = field(default_factory=RawClosing)
    data_tables: list["RawDataTable"] = field(default_factory=list)
    warnings: list[PlanWarning] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # footnote texts: cited documents are read from them


@dataclass(frozen=True)
class RawDataTable:
    """A ruled table that is not a task table: its header and rows as text."""

    caption: str | None
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    pages: tuple[int, ...] = ()
