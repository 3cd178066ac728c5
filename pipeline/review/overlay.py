"""The boxes the review page draws: every located value of the plan and of each attached
document, the agencies of a list, the text runs under no box (by kind), and where each
warning points.

A pointer of an attachment is written in full ("/attachments/0/tasks/3"), so the boxes of a
decision and of the plan it carries never mix. A value cut by a page break has one box per
piece; a warning flashes all of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.normalize.provenance import location_pieces, match_key
from pipeline.review.dropped import Run
from pipeline.text import folded

# Kinds drawn on the pages, in legend order, with their colour.
KIND_COLOURS = {
    "header": "#1f77b4", "heading": "#9467bd", "paragraph": "#bbbbbb", "task": "#2ca02c", "content": "#17becf",
    "lead": "#d62728", "cooperating": "#ff7f0e", "agency": "#a0522d", "timeframe": "#8c564b", "cell": "#7f7f7f",
    "table": "#bcbd22", "recipient": "#e377c2", "signature": "#000080", "footnote": "#6b6ecf", "table_header": "#6a9a1f",
    "label": "#4a7c8c", "running": "#9e9e9e", "mark": "#c7c7c7", "dropped": "#ff0000",
}
# Read but not kept, drawn faint: the contract names them and needs no warning for them.
QUIET_KINDS = ("table_header", "label", "running", "mark")
# Pointers whose box is the same line as another's (number and symbol are the code's line, the
# place the date's): linked to, not drawn twice.
_SAME_LINE = re.compile(r"^/document/(?:signer/.+|number|symbol|place)$")
_AGENCY = re.compile(r"^(?P<cell>/tasks/\d+/(?:lead|cooperating))/\d+$")
_ATTACHMENT = re.compile(r"^/attachments/\d+")
# A header field with no box of its own is looked for on its document's first page by the shape of its line.
HEADER_LINES = {
    "issued_date": re.compile(r"\bngay\b.*\bthang\b|\bnam \d{4}\b"),
    "place": re.compile(r"\bngay\b.*\bthang\b"),
    "code": re.compile(r"^so\s*[:.]"), "number": re.compile(r"^so\s*[:.]"), "symbol": re.compile(r"^so\s*[:.]"),
}


def documents(doc: dict) -> list[tuple[str, dict]]:
    """(pointer prefix, document): the plan, then each attached document."""
    return [("", doc)] + [(f"/attachments/{k}", a) for k, a in enumerate(doc.get("attachments") or [])]


def kind_of(pointer: str) -> str:
    """The kind of a value by its pointer inside its own document."""
    parts = pointer.strip("/").split("/")
    if parts[0] == "document":
        return "signature" if parts[1] in ("signer", "archive") else "header"
    if parts[0] == "sections":
        return "paragraph" if "paragraphs" in parts else "heading"
    if parts[0] == "tasks":
        if len(parts) == 2:
            return "task"
        if len(parts) == 4 and parts[2] in ("lead", "cooperating"):
            return "agency"
        return "heading" if parts[2] == "group" else parts[2] if parts[2] in KIND_COLOURS else "cell"
    if parts[0] == "recipients":
        return "recipient"
    if parts[0] == "footnotes":
        return "footnote"
    return "table"


@dataclass
class Box:
    id: str
    pointer: str
    kind: str
    page: int
    bbox: list[float]
    label: str = ""


@dataclass
class Overlay:
    """Every box to draw, and the boxes of each pointer (what links aim at: all its pieces)."""

    boxes: list[Box] = field(default_factory=list)
    pieces: dict[str, list[str]] = field(default_factory=dict)

    def add(self, pointer: str, kind: str, page: int, bbox: list[float], label: str = "", drawn: bool = True) -> None:
        """A box for `pointer`; one not drawn (the same line as another value's) links to the drawn
        box of the same place, else to nothing."""
        if drawn:
            box = Box(f"b{len(self.boxes)}", pointer, kind, page, list(bbox), label)
            self.boxes.append(box)
            ids = [box.id]
        else:
            ids = [b.id for b in self.boxes if b.page == page and b.bbox == list(bbox)][:1]
            if not ids:  # the line it shares is not drawn (yet): drawn for it
                self.add(pointer, kind, page, bbox, label)
                return
        if pointer:
            self.pieces.setdefault(pointer, []).extend(ids)

    @property
    def first(self) -> dict[str, str]:
        """Each pointer's first box (an agency without its own: its cell's)."""
        shown = {p: targets(p, self.pieces) for p in self.pieces}
        return {p: ids[0] for p, ids in shown.items() if ids}


Runs = dict[int, tuple]  # page -> ((bbox, text), ...)


def overlay(doc: dict, loose: list[Run], runs: Runs | None = None) -> Overlay:
    """The boxes of every value of the plan and its attachments, then the runs under no box."""
    out = Overlay()
    for base, sub in documents(doc):
        provenance = sub.get("provenance") or {}
        for pointer, where in provenance.items():
            for entry in location_pieces(where):
                if "bbox" in entry:
                    _add_value(out, sub, base, pointer, entry, provenance, runs or {})
    for run in loose:
        out.add("", run.kind, run.page, list(run.bbox), run.text)
    return out


def _add_value(out: Overlay, sub: dict, base: str, pointer: str, entry: dict, provenance: dict, runs: Runs) -> None:
    full = base + pointer
    agency = _AGENCY.match(pointer)
    if agency:  # its own box where the converter gave one, else its name's lines inside the cell
        own = _agency_box(sub, pointer, entry, provenance.get(agency["cell"]), runs)
        if own is None:
            out.pieces.setdefault(full, [])  # linked to its cell's boxes (see `targets`)
            return
        out.add(full, "agency", entry["page"], own)
        return
    out.add(full, kind_of(pointer), entry["page"], entry["bbox"], _label(sub, pointer), not _SAME_LINE.match(pointer))


def _agency_box(sub: dict, pointer: str, entry: dict, cell: dict | None, runs: Runs) -> list[float] | None:
    """An agency's own box: its provenance where it differs from its cell's, else the union of
    the cell's text lines that hold its name; None when its name cannot be told apart."""
    cell_boxes = [p["bbox"] for p in location_pieces(cell) if p.get("page") == entry["page"]]
    if entry["bbox"] not in cell_boxes:
        return entry["bbox"]
    parts = pointer.strip("/").split("/")
    agencies = sub["tasks"][int(parts[1])].get(parts[2]) or []
    if len(agencies) < 2 or int(parts[3]) >= len(agencies):
        return None  # one agency: its cell is its box
    name = match_key(agencies[int(parts[3])].get("name") or "")
    lines = [bbox for bbox, text in runs.get(entry["page"], ())
             if _within(bbox, entry["bbox"]) and _shares_words(match_key(text), name)]
    if not lines:
        return None
    return [min(b[0] for b in lines), min(b[1] for b in lines), max(b[2] for b in lines), max(b[3] for b in lines)]


# A line of a cell belongs to an agency's name when they share this many letters in a row.
MIN_SHARED_CHARS = 6


def _shares_words(line: str, name: str) -> bool:
    if not line or not name:
        return False
    if line in name or name in line:
        return len(min(line, name, key=len)) >= min(MIN_SHARED_CHARS, len(name))
    return False


def _within(inner, outer) -> bool:
    cx, cy = (inner[0] + inner[2]) / 2, (inner[1] + inner[3]) / 2
    return outer[0] - 1 <= cx <= outer[2] + 1 and outer[1] - 1 <= cy <= outer[3] + 1


def _label(doc: dict, pointer: str) -> str:
    parts = pointer.strip("/").split("/")
    if parts[0] == "tasks" and len(parts) == 2 and int(parts[1]) < len(doc["tasks"]):
        task = doc["tasks"][int(parts[1])]
        return str(task.get("key") or task["number"])
    return ""


def add_header_lines(out: Overlay, doc: dict, warned: list[str], runs: Runs) -> None:
    """A box for each header field a warning points at that has none: its line on the first page
    of its document, found by its shape ("ngày … tháng … năm", "Số: …")."""
    for pointer in warned:
        field_name = pointer.rsplit("/", 1)[-1]
        base = (_ATTACHMENT.match(pointer) or [""])[0]
        if pointer in out.pieces or field_name not in HEADER_LINES or not pointer.startswith(base + "/document/"):
            continue
        sub = dict(documents(doc))[base]
        first_page = (sub.get("pages") or [1])[0] if base else 1
        for bbox, text in runs.get(first_page, ()):
            if HEADER_LINES[field_name].search(folded(text)):
                out.add(pointer, "header", first_page, list(bbox))
                break


def pointer_of_where(where: str | None) -> str | None:
    """A warning's `where` as a JSON pointer: contract 1.1 pointers as they are, the older
    "tasks[8].lead" / "document.issued_date" forms rewritten; parts of the file have none."""
    if not where:
        return None
    if where.startswith("/"):
        return where
    m = re.match(r"^(tasks|recipients|tables)\[(\d+)\](?:\.(\w+))?", where)
    if m:
        return "/" + "/".join(p for p in m.groups() if p)
    if where.startswith("document."):
        return "/" + where.replace(".", "/")
    return {"header": "/document/title", "closing": "/document/signer"}.get(where)


def targets(pointer: str | None, pieces: dict[str, list[str]]) -> list[str]:
    """The boxes a pointer is shown by: its own pieces, else its cell's (an agency sharing it),
    else its children's ("/tasks/3" by its cells); a header field never borrows another field's box."""
    while pointer and not re.fullmatch(r"(/attachments/\d+)?(/document)?", pointer):
        if pieces.get(pointer):
            return pieces[pointer]
        children = [ids for key, ids in pieces.items() if key.startswith(pointer + "/") and ids]
        if children:
            return children[0]
        pointer = pointer.rsplit("/", 1)[0]
    return []


def warning_target(warning: dict, first: dict[str, str] | dict[str, list[str]], pages: list[int],
                   base: str = "") -> str:
    """The element a warning links to (ids separated by spaces: every piece of its value),
    else its page, else the first page."""
    pieces = {k: v if isinstance(v, list) else [v] for k, v in first.items()}
    pointer = pointer_of_where(warning.get("where"))
    ids = targets(base + pointer if pointer else None, pieces)
    if ids:
        return " ".join(ids)
    m = re.search(r"(?:trang|page)\s+(\d+)", f"{warning.get('label') or ''} {warning.get('message') or ''}", re.I)
    if m and int(m.group(1)) in pages:
        return f"page-{m.group(1)}"
    return f"page-{pages[0]}" if pages else "document"
