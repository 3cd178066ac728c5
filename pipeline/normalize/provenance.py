"""Where each value came from: the contract's top-level `provenance` map.

A JSON pointer of an extracted value ("/tasks/4/lead/0", "/document/issued_date",
"/recipients/3") maps to where its text stands in the file: ``{"page", "bbox"}``
in PDF points, or ``{"paragraph"}`` / ``{"table", "row", "cell"}`` in a DOCX; a
value split over two pages (a task cell cut by a page break) gets a list, one
entry per piece.

Task cells and data-table cells carry their places from extract through
`stitch` (a lead cell merged over three rows is one cell, so three tasks point
at it). Header fields, section headings and paragraphs, recipients and the
signature are found again in the skeleton's blocks by their text: the
structure step keeps them as strings, and their text is a piece of one
paragraph (or a run of paragraphs, for a title set on several lines).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from pipeline.ir import Block, Paragraph, Place, Table, union_places
from pipeline.model import Plan
from pipeline.normalize.header import passage_clause
from pipeline.structure.types import RawSection, RawTask, Skeleton
from pipeline.text import folded

_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")
# A value set on several paragraphs (a title on three lines) spans at most this many of them.
MAX_SPAN_PARAGRAPHS = 8
# Task fields whose text is a cell of the task's row, by their JSON name (the row's role names).
TASK_CELLS = ("number", "group", "content", "lead", "cooperating", "timeframe", "submit_to", "output", "note")


def match_key(text: str) -> str:
    """Text reduced to its letters and digits, folded: wraps, tabs, tone-mark spellings and
    punctuation do not stop a value from being found in the paragraph it came from."""
    return _NOT_LETTER_OR_DIGIT.sub("", folded(text))


@dataclass(frozen=True)
class Spot:
    """A paragraph of the document in reading order, with where it stands."""

    key: str
    places: tuple[Place, ...]


def spots_of(blocks: Iterable[Block]) -> list[Spot]:
    """Every paragraph outside the ruled tables (those carry their own places), in order.

    A paragraph in a DOCX layout cell has no place of its own: its cell's stands for it.
    """
    spots: list[Spot] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            spots.append(Spot(match_key(block.text), block.places))
        elif isinstance(block, Table) and not block.bordered:
            for row in block.rows:
                for cell in row.cells:
                    spots.extend(Spot(match_key(p.text), p.places or cell.places) for p in cell.paragraphs)
    return [s for s in spots if s.key and s.places]


# Spots a Locator may compare in all, per spot of the document. Values are looked for from where
# the last one was found, so most are found a few spots on; each value found nowhere costs a scan
# of the whole document (the real fixtures: at most 65 spots compared per spot). Thousands of
# values found nowhere would make that quadratic: the budget keeps it linear.
SEARCH_BUDGET_PER_SPOT = 256
# Once the budget is spent, a search looks this many spots on from the cursor only.
NEAR_SPOTS = 64


class Locator:
    """Finds a text's paragraph(s) among the spots; `used` keeps repeated texts apart."""

    def __init__(self, spots: list[Spot]) -> None:
        self.spots = spots
        self.used: set[int] = set()
        # Where the last claimed run ended: texts met in reading order are looked for from there.
        self.cursor = 0
        self.budget = SEARCH_BUDGET_PER_SPOT * len(spots)

    def _order(self, backwards: bool) -> Iterable[int]:
        """The spots a search looks at, in turn: all of them (from the cursor on, or from the end
        backwards) while the budget lasts, then NEAR_SPOTS from the cursor."""
        n = len(self.spots)
        if self.budget <= 0:
            return (k % n for k in range(self.cursor, self.cursor + min(n, NEAR_SPOTS)))
        if backwards:
            return range(n - 1, -1, -1)
        return (k % n for k in range(self.cursor, self.cursor + n))

    def find(self, text: str | None, backwards: bool = False, claim: bool = False) -> tuple[Place, ...]:
        """The places of the first (or last) unclaimed paragraph run holding `text`; () if none."""
        key = match_key(text or "")
        if not key:
            return ()
        for start in self._order(backwards):
            self.budget -= 1
            if start in self.used:
                continue
            end = self._run_end(start, key)
            if end is not None:
                if claim:
                    self.used.update(range(start, end + 1))
                    self.cursor = end
                elif not backwards:  # the next value in reading order is looked for from here on
                    self.cursor = start
                return union_places([p for s in self.spots[start:end + 1] for p in s.places])
        return ()

    def _run_end(self, start: int, key: str) -> int | None:
        """The last spot of the run from `start` whose joined text holds `key`; the key must
        lie in the first spot or begin in it, and need it (else a later start finds it: a
        paragraph ending in the words that open the next one does not take that one's value)."""
        first = self.spots[start].key
        if key in first:
            return start
        if not _begins_in(first, key):
            return None
        joined = first
        for end in range(start + 1, min(start + MAX_SPAN_PARAGRAPHS, len(self.spots))):
            if end in self.used:
                return None
            joined += self.spots[end].key
            if key in joined:
                return None if key in joined[len(first):] else end
            if len(joined) >= len(first) + len(key):
                return None
        return None


# A run's first paragraph must give at least this many characters (or all of its own) to the value.
MIN_RUN_OVERLAP = 8


def _begins_in(first: str, key: str) -> bool:
    """Whether `key` starts inside `first` and runs past its end."""
    shortest = min(len(first), MIN_RUN_OVERLAP)
    i = first.find(key[:shortest])
    while 0 <= i <= len(first) - shortest:
        if key.startswith(first[i:]):
            return True
        i = first.find(key[:shortest], i + 1)
    return False


def to_json(places: tuple[Place, ...]) -> dict:
    """One place as an object; a value in pieces (over a page break) as its first piece with
    every piece under "pieces", so that each entry stays one {page, bbox} object (contract 1.1)."""
    entries = [p.to_dict() for p in places]
    return entries[0] if len(entries) == 1 else {**entries[0], "pieces": entries}


def location_pieces(where: dict | None) -> list[dict]:
    """Every piece of a provenance entry: its "pieces", or the entry itself."""
    if not where:
        return []
    return list(where.get("pieces") or [where])


class _Map:
    """The provenance map being built, in document order."""

    def __init__(self) -> None:
        self.entries: dict[str, dict] = {}

    def put(self, pointer: str, places: tuple[Place, ...]) -> None:
        if places:
            self.entries[pointer] = to_json(places)


def build_provenance(skeleton: Skeleton, plan: Plan) -> dict[str, dict]:
    """The provenance map of a plan built from `skeleton` (empty when it has no blocks)."""
    out = _Map()
    locator = Locator(spots_of(skeleton.blocks))
    _header(skeleton, plan, locator, out)
    _sections(skeleton, plan, Locator(locator.spots), out)
    _tasks(skeleton.tasks, plan, Locator(locator.spots), out)
    _tables(skeleton, out)
    _closing(skeleton, plan, locator, out)
    return out.entries


def _header(skeleton: Skeleton, plan: Plan, locator: Locator, out: _Map) -> None:
    header, document = skeleton.header, plan.document
    lines = [locator.find(line) for line in header.issuer_lines]
    if document.parent_issuer is not None and lines:
        out.put("/document/parent_issuer", lines[0])
        lines = lines[1:]
    if document.issuer is not None:
        out.put("/document/issuer", union_places([p for places in lines for p in places]))
    number = locator.find(header.number_line)
    for name in ("code", "number", "symbol"):
        if getattr(document, name) is not None:
            out.put(f"/document/{name}", number)
    if document.subject is not None:  # the "V/v ..." lines under the number
        out.put("/document/subject", locator.find(" ".join(header.subject_lines)))
    place_date = locator.find(header.place_date_line or _passage_text(skeleton))
    for name in ("place", "issued_date"):
        if getattr(document, name) is not None:
            out.put(f"/document/{name}", place_date)
    if document.type_name is not None:
        out.put("/document/type_name", locator.find(header.type_line))
    if document.title is not None:
        out.put("/document/title", locator.find(header.title))


def _passage_text(skeleton: Skeleton) -> str | None:
    """Where a document printed without a date line is dated: its passage sentence (a law)."""
    found = passage_clause([b.text for b in skeleton.blocks if isinstance(b, Paragraph)])
    return found.group(0) if found else None


def _sections(skeleton: Skeleton, plan: Plan, locator: Locator, out: _Map) -> None:
    """Headings and paragraphs, found in reading order (a paragraph used once)."""
    offset = 0
    if skeleton.preamble and plan.sections and plan.sections[0].number is None and plan.sections[0].title is None:
        for j, text in enumerate(skeleton.preamble):
            out.put(f"/sections/0/paragraphs/{j}", locator.find(text, claim=True))
        offset = 1
    for i, section in enumerate(skeleton.sections):
        _section(section, f"/sections/{i + offset}", locator, out)


def _section(section: RawSection, pointer: str, locator: Locator, out: _Map) -> None:
    heading = " ".join(t for t in (section.number, section.title or (section.paragraphs[:1] or [""])[0]) if t)
    where = locator.find(heading, claim=section.title is not None)
    out.put(pointer, where)
    if section.title:
        out.put(f"{pointer}/title", where)
    for j, text in enumerate(section.paragraphs):
        out.put(f"{pointer}/paragraphs/{j}", locator.find(text, claim=True))
    for k, child in enumerate(section.children):
        _section(child, f"{pointer}/children/{k}", locator, out)


def _tasks(raw_tasks: list[RawTask], plan: Plan, locator: Locator, out: _Map) -> None:
    for i, (raw, task) in enumerate(zip(raw_tasks, plan.tasks)):
        pointer = f"/tasks/{i}"
        places = dict(raw.places) or _body_task_places(raw, locator)
        out.put(pointer, _row_place(places))
        for name in TASK_CELLS:
            value = getattr(task, name)
            if value in (None, [], "") or name not in places:
                continue
            out.put(f"{pointer}/{name}", places[name])
            if isinstance(value, list):
                for k in range(len(value)):
                    out.put(f"{pointer}/{name}/{k}", places[name])


def _row_place(places: dict[str, tuple[Place, ...]]) -> tuple[Place, ...]:
    """The task as a whole: its row's box per page (PDF), its number or content cell (DOCX)."""
    row = places.get("row", ())
    if row and row[0].page is not None:
        return row
    return places.get("number") or places.get("content") or row[:1]


def _body_task_places(raw: RawTask, locator: Locator) -> dict[str, tuple[Place, ...]]:
    """A task read from body text: each field is a piece of one of the body's paragraphs."""
    places = {role: locator.find(text) for role, text in raw.cells.items() if text}
    if raw.number:
        places["number"] = places.get("content", ())
    return {role: where for role, where in places.items() if where}


def _tables(skeleton: Skeleton, out: _Map) -> None:
    for i, table in enumerate(skeleton.data_tables):
        for r, row in enumerate(table.places):
            for c, cell in enumerate(row):
                if c < len(table.rows[r]) and table.rows[r][c]:
                    out.put(f"/tables/{i}/rows/{r}/{c}", union_places(cell))


def _closing(skeleton: Skeleton, plan: Plan, locator: Locator, out: _Map) -> None:
    """Recipients and signature lines, found from the end (a closing follows the body)."""
    closing = Locator(locator.spots)
    found = [closing.find(text, backwards=True) for text in reversed(skeleton.closing.recipients)]
    for i, places in enumerate(reversed(found)):
        if i < len(plan.recipients):
            out.put(f"/recipients/{i}", places)
    lines = [closing.find(line, backwards=True) for line in skeleton.closing.signature_lines]
    signer = plan.document.signer
    if signer is not None:
        out.put("/document/signer", union_places([p for places in lines for p in places]))
        if signer.name:
            out.put("/document/signer/name", closing.find(signer.name, backwards=True))
        for name in ("title", "authority"):
            line = _line_naming(skeleton.closing.signature_lines, getattr(signer, name))
            if line:
                out.put(f"/document/signer/{name}", closing.find(line, backwards=True))
    if plan.document.archive:
        out.put("/document/archive", closing.find(skeleton.closing.archive, backwards=True))


def _line_naming(lines: Iterable[str], value: str | None) -> str | None:
    """The signature line that prints a value (a title, an authority), else None."""
    key = match_key(value or "")
    return next((line for line in lines if key and key in match_key(line)), None) if key else None
