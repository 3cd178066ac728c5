"""Typed values of the output contract (docs/contract.md, version 1).

Field order here is the key order in the JSON: `output.serialize` turns these
into dicts with `dataclasses.asdict`, so converting a file twice gives the same
bytes. The values a plan holds one or more of per task or paragraph (a 300-page
plan: thousands) have slots, a fixed size without a __dict__.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.text import contract_id
from pipeline.warnings import PlanWarning

SCHEMA_VERSION = "1.2"
# The contract's dotted task number: digits, then one or more ".part" (lower-case letters or digits).
_TASK_NUMBER = re.compile(r"^\d+(?:\.[0-9a-zđ]+)+$")
_NUMBER_PARTS = re.compile(r"\d+|[a-zđ]+")
# The base of a number printed with no digits first ("b.1"), as rows numbered before any row are.
NO_BASE = "0"


def contract_task_number(number: int | str | None) -> int | str:
    """A task number the contract accepts, whatever the table printed: an integer from 1, or a
    dotted string that starts with digits ("1.2", "3.a"). "b.1" becomes "0.b.1", "12a" "12.a";
    the printed text stays in the task's key and content."""
    if isinstance(number, int):
        return number if number >= 1 else f"{NO_BASE}.{abs(number)}"
    text = (number or "").strip()
    if _TASK_NUMBER.match(text):
        return text
    parts = _NUMBER_PARTS.findall(text.lower())
    if len(parts) == 1 and parts[0].isdigit() and int(parts[0]) >= 1:
        return int(parts[0])
    if not parts or not parts[0].isdigit():
        parts = [NO_BASE, *parts]
    return ".".join(parts if len(parts) > 1 else [*parts, NO_BASE])


def _fill_entry(entry: "Agency | Person | Successor") -> None:
    """Every agency-like entry leaves its builder with a valid id and a name (and text) to show."""
    entry.id = contract_id(entry.id, entry.name or getattr(entry, "text", ""))
    entry.name = entry.name or getattr(entry, "text", "") or entry.id
    if hasattr(entry, "text") and not entry.text:
        entry.text = entry.name


@dataclass
class Successor:
    """Who holds an agency's duties after a merger or renaming."""

    id: str
    name: str
    date: str | None = None
    basis: str | None = None

    def __post_init__(self) -> None:
        _fill_entry(self)


@dataclass(slots=True)
class Agency:
    id: str
    name: str
    kind: str  # "agency" | "group"
    text: str
    level: str | None = None  # "central" | "province" | "district" | None
    successor: Successor | None = None

    def __post_init__(self) -> None:
        _fill_entry(self)


@dataclass(slots=True)
class Person:
    """Contract 1.2: a named person in a list of responsibles ("Ông Đỗ Mạnh Cường, Phó Trưởng
    phòng"), one entry per person, standing where an `Agency` stands (same keys, and `title`)."""

    id: str
    name: str
    text: str
    title: str | None = None
    kind: str = "person"
    level: str | None = None
    successor: Successor | None = None

    def __post_init__(self) -> None:
        _fill_entry(self)


@dataclass(slots=True)
class Timeframe:
    text: str
    kind: str
    start: int | None = None
    end: int | None = None
    date: str | None = None
    event: str | None = None
    # True when a year was not printed but taken from the plan's frame ("Quý III" in a 2026 plan).
    inferred: bool = False


@dataclass(slots=True)
class Task:
    number: int | str
    # Unique within the document, stable across conversions: "5", "II.5", "B2:5" (contract 1.1).
    key: str
    group: str | None
    content: str
    lead: list[Agency] = field(default_factory=list)
    cooperating: list[Agency] = field(default_factory=list)
    timeframe: Timeframe | None = None
    submit_to: Agency | None = None
    output: str | None = None
    note: str | None = None
    references: list[str] = field(default_factory=list)
    pages: list[int] | None = None

    def __post_init__(self) -> None:
        self.number = contract_task_number(self.number)


@dataclass
class DataTable:
    """A ruled table that is not a task table (a schedule, a list of units), kept as text."""

    caption: str | None
    header: list[str | None]
    rows: list[list[str | None]]
    pages: list[int] | None = None


@dataclass(slots=True)
class TextParagraph:
    text: str
    references: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)


@dataclass
class Section:
    number: str | None
    title: str | None
    paragraphs: list[TextParagraph] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)


@dataclass
class Recipient:
    name: str
    note: str | None = None
    # The first body the line names; `agencies` lists all ("CT, PCT UBND tỉnh" names two offices).
    agency: Agency | None = None
    agencies: list[Agency] = field(default_factory=list)


@dataclass
class Issuer:
    name: str | None = None


@dataclass
class Reference:
    id: str
    type: str
    type_name: str
    number: str | None
    symbol: str | None
    code: str | None
    year: int | None
    issued_date: str | None
    issuer: Issuer | None
    mentions: int
    aliases: list[str] = field(default_factory=list)


@dataclass
class SignerLayer:
    """One authority line of a signature: "KT. CHỦ TỊCH" is KT of "Chủ tịch"."""

    authority: str
    of: str | None


@dataclass
class Signer:
    name: str | None
    title: str | None
    # The signer's own (innermost) authority line; `layers` lists every line, outermost first.
    authority: str | None
    on_behalf_of: str | None
    layers: list[SignerLayer] = field(default_factory=list)
    # A rank or degree printed before the name ("Thiếu tướng", "PGS.TS."): no part of the name.
    rank: str | None = None
    # Other posts the signer holds, printed after the title ("Giám đốc Sở Nội vụ" under the
    # "Chủ tịch" of a council).
    other_titles: list[str] = field(default_factory=list)


@dataclass
class AttachedTo:
    """The document an attachment belongs to: its code, date and how it is tied to it."""

    code: str | None
    issued_date: str | None
    relation: str  # "issued_with" | "approved_by" | "other"


@dataclass
class DocumentMeta:
    type: str
    type_name: str | None
    # Contract 1.2: how the type was found ("type_line", "symbol", "subject", "none").
    type_source: str
    # Contract 1.2: the "V/v ..." subject of a công văn, without "V/v".
    subject: str | None
    code: str | None
    number: str | None
    symbol: str | None
    issuer: Agency | None
    place: str | None
    issued_date: str | None
    title: str | None
    signer: Signer | None
    archive: str | None
    # The drafter's initials and copy count typed after the archive line ("thiên581").
    drafter_mark: str | None = None
    # The body the issuer belongs to, from a two-line issuer ("UBND TỈNH X / SỞ Y").
    parent_issuer: Agency | None = None
    # In an attachment: the document it is printed with (the decision that issues it); else None.
    attached_to: AttachedTo | None = None


@dataclass
class Source:
    filename: str
    format: str
    sha256: str
    pages: int | None


@dataclass
class Plan:
    source: Source
    document: DocumentMeta
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    tables: list[DataTable] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    warnings: list[PlanWarning] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION
    # JSON pointer of an extracted value -> where it stands in the file (contract 1.1; see
    # normalize.provenance): {"page", "bbox"}, {"paragraph"}, {"table", "row", "cell"}; a value in
    # pieces (a cell cut by a page break) is its first piece with all of them under "pieces".
    provenance: dict[str, dict] = field(default_factory=dict)
    # Documents printed in the same file after this one (the plan a decision issues).
    attachments: list[Attachment] = field(default_factory=list)
    # A DOCX's footnotes, in order, each with what it cites (a PDF prints them in its page text).
    footnotes: list[TextParagraph] = field(default_factory=list)


@dataclass
class Attachment:
    """A document printed after the main one: its own Plan (source as the file's) and its pages."""

    plan: Plan
    pages: list[int] | None = None
