"""Boxes for a DOCX's values, from the PDF LibreOffice lays out of it.

A DOCX has no pages, so its review page shows the PDF LibreOffice makes of it. That PDF
converts to a plan of its own, which may differ from the DOCX's (two more task rows, a table
read as an attachment): its pointers cannot be used as the DOCX's. Each value of the DOCX's
plan (and of its attachments) is matched to a value of the PDF's plan with the same text,
aligning the two lists in reading order (`difflib`), and takes that value's place.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from pipeline.normalize.provenance import location_pieces, match_key
from pipeline.review.overlay import documents


def resolve(doc: dict, pointer: str) -> Any:
    """The value at a JSON pointer of `doc`; None where there is none."""
    value: Any = doc
    for part in pointer.strip("/").split("/"):
        try:
            value = value[int(part)] if isinstance(value, list) else value[part]
        except (KeyError, IndexError, ValueError, TypeError):
            return None
    return value


def value_text(value: Any) -> str:
    """The printed text a value came from: an agency's or signer's name, a timeframe's text,
    a task's content, a section's title."""
    if isinstance(value, dict):
        for key in ("text", "name", "content", "title", "number"):
            if value.get(key):
                return value_text(value[key])
        return ""
    if isinstance(value, list):
        return " ".join(value_text(v) for v in value)
    return "" if value is None else str(value)


def located_values(doc: dict) -> list[tuple[str, str, dict]]:
    """(full pointer, text key, provenance entry) of every located value of the plan and its attachments."""
    out = []
    for base, sub in documents(doc):
        for pointer, entry in (sub.get("provenance") or {}).items():
            out.append((base + pointer, match_key(value_text(resolve(sub, pointer))), entry))
    return out


def map_places(doc: dict, layout_doc: dict) -> dict[str, dict]:
    """For each located value of `doc` (full pointer), the place of the same text in `layout_doc`.

    The two lists are aligned in reading order; where they differ (a DOCX paragraph that
    LibreOffice's PDF reads as two, a table cell read as lines), each value is looked for in the
    stretch of the other list between the same aligned neighbours, then anywhere by its text.
    """
    ours, theirs = located_values(doc), located_values(layout_doc)
    keys_a, keys_b = [k for _, k, _ in ours], [k for _, k, _ in theirs]
    mapped: dict[str, dict] = {}
    used: set[int] = set()
    after = printed_after(theirs)
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(a0, a1), range(b0, b1)):
                mapped[ours[i][0]] = theirs[j][2]
                used.add(j)
        else:
            _map_stretch(ours[a0:a1], theirs, range(b0, b1), after, mapped, used)
    _map_anywhere(ours, theirs, after, mapped, used)
    _map_unlocated(doc, ours, theirs, mapped, used)
    for pointer, _, _ in ours:  # a value not found on the pages (a DOCX's automatic number) is shown by its parent's box
        parent = pointer.rsplit("/", 1)[0]
        while pointer not in mapped and parent.count("/") > 1:
            if parent in mapped:
                mapped[pointer] = mapped[parent]
            parent = parent.rsplit("/", 1)[0]
    return mapped


def _same_text(key: str, theirs_key: str) -> bool:
    """Whether a value of the PDF's plan prints the DOCX value, all of it or its opening (the rest
    in the values after it), or holds it whole (a DOCX value the PDF's plan reads with others)."""
    if not key or not theirs_key:
        return False
    return key.startswith(theirs_key) or key in theirs_key


def _map_stretch(ours: list[tuple[str, str, dict]], theirs: list[tuple[str, str, dict]], stretch: range,
                 after: dict[int, list[int]], mapped: dict[str, dict], used: set[int]) -> None:
    """The values of a stretch the alignment could not pair, each matched in order to the values
    of the other list's stretch that print its text."""
    cursor = stretch.start
    for pointer, key, _ in ours:
        j = next((j for j in range(cursor, stretch.stop) if _same_text(key, theirs[j][1])), None)
        if j is None:
            continue
        mapped[pointer] = _with_continuation(key, j, theirs, after)
        used.add(j)
        cursor = j if key in theirs[j][1] and len(key) < len(theirs[j][1]) else j + 1


def _map_anywhere(ours: list[tuple[str, str, dict]], theirs: list[tuple[str, str, dict]],
                  after: dict[int, list[int]], mapped: dict[str, dict], used: set[int]) -> None:
    """The rest: the same text anywhere (once more if need be), else a text holding it or held by
    it, long ones first: a short one ("ĐẠI HỘI") is held by many, and is only a last resort (a
    header line LibreOffice's PDF reads as a table, "Số: /BC-UBND", holds the DOCX's symbol)."""
    by_key: dict[str, list[int]] = {}
    for j, (_, key, _) in enumerate(theirs):
        by_key.setdefault(key, []).append(j)
    for pointer, key, _ in ours:
        same = by_key.get(key, [])
        if pointer not in mapped and key and same:
            j = next((j for j in same if j not in used), same[0])
            mapped[pointer] = _with_continuation(key, j, theirs, after)
            used.add(j)
    for shortest in (MIN_HELD_CHARS, 1):
        for pointer, key, _ in ours:
            if pointer in mapped or not key:
                continue
            j = next((j for j, (_, k, _) in enumerate(theirs) if k and j not in used
                      and min(len(k), len(key)) >= shortest and (key in k or k in key)), None)
            if j is not None:
                mapped[pointer] = _with_continuation(key, j, theirs, after)
                used.add(j)


# A text found inside another anywhere in the document is first looked for among those of this
# many letters and digits or more.
MIN_HELD_CHARS = 24


def _with_continuation(key: str, j: int, theirs: list[tuple[str, str, dict]], after: dict[int, list[int]]) -> dict:
    """The place of value j, and of the values printed after it whose text carries on the DOCX
    value's (one DOCX paragraph read as a title and the paragraph of its second line, or as two
    paragraphs the PDF's plan files under two sections), as pieces."""
    start = key.find(theirs[j][1])
    if start < 0:
        return theirs[j][2]
    pieces, end = list(location_pieces(theirs[j][2])), start + len(theirs[j][1])
    for n in after.get(j, []):
        if end >= len(key):
            break
        k, entry = theirs[n][1], theirs[n][2]
        if k and key.startswith(k, end):  # a value printed between (a cell beside it) is passed over
            pieces += location_pieces(entry)
            end += len(k)
    return theirs[j][2] if len(pieces) == len(location_pieces(theirs[j][2])) else dict(pieces[0], pieces=pieces)


# A DOCX value is looked for in at most this many values of LibreOffice's PDF printed after its start.
MAX_CONTINUATIONS = 12


def printed_after(theirs: list[tuple[str, str, dict]]) -> dict[int, list[int]]:
    """For each value of the PDF's plan, the MAX_CONTINUATIONS values printed after it (`printed_order`)."""
    order, rank = printed_order(theirs)
    return {j: order[r + 1:r + 1 + MAX_CONTINUATIONS] for j, r in rank.items()}


def printed_order(theirs: list[tuple[str, str, dict]]) -> tuple[list[int], dict[int, int]]:
    """The values of the PDF's plan in the order they are printed, by where their first boxes
    stand (page, top, left), and each one's rank in it: the plan's own order follows its
    sections, and a paragraph cut in two by the PDF's reading may have its pieces under two
    sections. A value with the same text and place as another (a section and its title) is
    counted once."""
    def position(j: int) -> tuple[float, float, float]:
        first = (location_pieces(theirs[j][2]) or [{}])[0]
        bbox = first.get("bbox") or [0.0, 0.0]
        return (first.get("page") or 0, bbox[1], bbox[0])

    order: list[int] = []
    rank: dict[int, int] = {}
    seen: dict[tuple[str, str], int] = {}
    for j in sorted(range(len(theirs)), key=position):
        same = (theirs[j][1], repr(theirs[j][2]))
        if same not in seen:
            seen[same] = len(order)
            order.append(j)
        rank[j] = seen[same]
    return order, rank


def with_places(doc: dict, places: dict[str, dict]) -> dict:
    """`doc` with each document's provenance replaced by the mapped places."""
    shown = dict(doc)
    shown["provenance"] = {p: e for p, e in places.items() if not p.startswith("/attachments/")}
    shown["attachments"] = []
    for base, sub in documents(doc)[1:]:
        prefix = base + "/"
        own = {p[len(base):]: e for p, e in places.items() if p.startswith(prefix)}
        shown["attachments"].append(dict(sub, provenance=own))
    return shown


def text_pointers(sub: dict) -> list[str]:
    """The pointers of a document's printed texts a reader looks for on the page: section titles
    and paragraphs (at any depth), tasks, tables' header and body cells, and footnotes."""
    out: list[str] = []

    def walk(sections: list, base: str) -> None:
        for i, section in enumerate(sections or []):
            here = f"{base}/{i}"
            out.extend([f"{here}/title"] if section.get("title") else [])
            out.extend(f"{here}/paragraphs/{j}" for j in range(len(section.get("paragraphs") or [])))
            walk(section.get("children") or [], f"{here}/children")

    walk(sub.get("sections") or [], "/sections")
    out.extend(f"/tasks/{i}" for i in range(len(sub.get("tasks") or [])))
    for t, table in enumerate(sub.get("tables") or []):
        out.extend(f"/tables/{t}/header/{c}" for c in range(len(table.get("header") or [])))
        out.extend(f"/tables/{t}/rows/{r}/{c}" for r, row in enumerate(table.get("rows") or []) for c in range(len(row)))
    out.extend(f"/footnotes/{i}" for i in range(len(sub.get("footnotes") or [])))  # printed at the page's foot
    return out


def unlocated_values(doc: dict) -> list[tuple[str, str, dict]]:
    """(full pointer, text key, {}) of the printed texts of the plan and its attachments that carry
    no DOCX place: a table's header cells (a form's whole body may be one), the paragraphs read
    from an unruled table's cells."""
    out = []
    for base, sub in documents(doc):
        located = sub.get("provenance") or {}
        for pointer in text_pointers(sub):
            key = match_key(value_text(resolve(sub, pointer))) if pointer not in located else ""
            if key:
                out.append((base + pointer, key, {}))
    return out


# Letters and digits of a DOCX value that may stand between the pieces LibreOffice's PDF reads of
# it (a list number "4.1.", a bullet's letter) or before the first: the PDF's plan keeps them apart.
MAX_PIECE_GAP = 8
# A piece shorter than this ("1", "2.1") is passed over: found anywhere in a long text.
MIN_PIECE_CHARS = 4
# A piece this long, printed once in the value, is taken further on: the text between is in the
# PDF's plan's boxes but not in its values (a heading's second line kept in the heading's box).
MIN_FAR_PIECE_CHARS = 12
# A value is given the pieces found only where they print this share of its letters and digits.
MIN_CHAINED_SHARE = 0.5


def _map_unlocated(doc: dict, ours: list[tuple[str, str, dict]], theirs: list[tuple[str, str, dict]],
                   mapped: dict[str, dict], used: set[int]) -> None:
    """The values still without a place, and those with no DOCX place at all: each takes the values
    of the PDF's plan with the same text, else those that print its text one after the other from
    its start (a table cell LibreOffice's PDF reads as headings and paragraphs), else the value
    holding it."""
    order, rank = printed_order(theirs)
    by_key: dict[str, list[int]] = {}
    for j, (_, key, _) in enumerate(theirs):
        by_key.setdefault(key, []).append(j)
    for pointer, key, _ in [v for v in ours if v[0] not in mapped] + unlocated_values(doc):
        if pointer in mapped or not key:
            continue
        same = by_key.get(key, [])
        if same:
            j = next((j for j in same if j not in used), same[0])
            mapped[pointer] = theirs[j][2]
            used.add(j)
            continue
        place = _chained(key, theirs, order, rank) or _holding(key, theirs, used)
        if place:
            mapped[pointer] = place


def _chained(key: str, theirs: list[tuple[str, str, dict]], order: list[int], rank: dict[int, int]) -> dict | None:
    """The pieces of the values printed one after the other that spell `key` from its start
    (at most MAX_PIECE_GAP letters unread between two, or a long piece further on), or None
    where they print too little of it."""
    starts = [j for j in order if len(theirs[j][1]) >= MIN_PIECE_CHARS and 0 <= key.find(theirs[j][1]) <= MAX_PIECE_GAP]
    if not starts:
        return None
    j = starts[0]
    pieces, end, found, misses = list(location_pieces(theirs[j][2])), key.find(theirs[j][1]) + len(theirs[j][1]), len(theirs[j][1]), 0
    for n in order[rank[j] + 1:]:
        k = theirs[n][1]
        if end >= len(key) or misses > MAX_CONTINUATIONS:
            break
        if len(k) < MIN_PIECE_CHARS:
            continue
        at = key.find(k, end)
        if at >= 0 and (at - end <= MAX_PIECE_GAP or len(k) >= MIN_FAR_PIECE_CHARS and key.count(k) == 1):
            pieces += location_pieces(theirs[n][2])
            end, found, misses = at + len(k), found + len(k), 0
        else:
            misses += 1
    if found < MIN_CHAINED_SHARE * len(key):
        return None
    return pieces[0] if len(pieces) == 1 else dict(pieces[0], pieces=pieces)


def _holding(key: str, theirs: list[tuple[str, str, dict]], used: set[int]) -> dict | None:
    """The place of the shortest value of the PDF's plan that holds `key` (an unruled table's
    cells the PDF's plan reads as one paragraph), its unused ones first."""
    if len(key) < MIN_PIECE_CHARS:
        return None
    holding = sorted((j for j, (_, k, _) in enumerate(theirs) if key in k), key=lambda j: (j in used, len(theirs[j][1])))
    return theirs[holding[0]][2] if holding else None
