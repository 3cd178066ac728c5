"""Places for the DOCX values that LibreOffice's PDF's plan does not hold, found in that PDF's text.

`docx_layout.map_places` gives each DOCX value the place of the same text in the plan the PDF
converts to. A text that plan reads as no value (a phiếu trình's body, one ruled table cell the
PDF's plan keeps as a table header) is looked for in the PDF's text runs themselves: its text,
cut in chunks, found in the runs' text in printed order; each printed line it covers is a piece.
Chunks, not the whole text: LibreOffice's justified lines come out in fragments ("ết", "Cá")
that pdfium may give out of order, and a chunk stepping over them is only one chunk lost.
"""
from __future__ import annotations

from itertools import accumulate

from pipeline.normalize.provenance import location_pieces, match_key
from pipeline.review.docx_layout import located_values, unlocated_values
from pipeline.review.dropped import Bbox, printed_lines
from pipeline.review.pages import PageImage

# Letters and digits per chunk of a value looked for in the text runs.
CHUNK_CHARS = 16
# A value shorter than this is not looked for in the runs: found in too many places.
MIN_TEXT_CHARS = 16
# A value takes the lines found only where this share of its chunks is found, in order.
MIN_FOUND_SHARE = 0.6
# A chunk is looked for at most this many letters after the end of the one before (times the
# value's length): the rest of the value is near, not on a later page.
MAX_SKIP_FACTOR = 2


def place_in_text(doc: dict, places: dict[str, dict], images: list[PageImage]) -> dict[str, dict]:
    """`places` with every value of `doc` whose text the pages print placed on the printed lines
    that hold it: a value with no place, looked for anywhere; a value with one, from there on
    (LibreOffice's PDF's plan may hold only its first part: a paragraph cut at a footnote mark),
    else anywhere (its place may be a short value its text opens with; it is kept: the pages
    may print its text twice)."""
    stream, owners, lines, line_keys = _stream(images)
    line_offsets = list(accumulate((len(k) for k in line_keys), initial=0))
    out = dict(places)
    whole_lines: dict[str, list[int]] = {}
    for n, key in enumerate(line_keys):
        whole_lines.setdefault(key, []).append(n)
    for pointer, key, _ in located_values(doc) + unlocated_values(doc):
        if len(key) < MIN_TEXT_CHARS:
            if pointer not in out and len(whole_lines.get(key, [])) == 1:  # a short one printed as a line of its own, once
                out[pointer] = {"page": lines[whole_lines[key][0]][0], "bbox": list(lines[whole_lines[key][0]][1])}
            continue
        known = location_pieces(out[pointer]) if pointer in out else []
        start = _line_start(known[0], lines, line_offsets) if known and "bbox" in known[0] else 0
        if start is None:
            continue
        hit = _found_lines(key, stream, owners, start, anywhere=not known)
        if known and not hit:  # not printed where it was placed (a short value of the PDF's plan its text opens with)
            hit = _found_lines(key, stream, owners)
        pieces = known + [{"page": lines[n][0], "bbox": list(lines[n][1])} for n in sorted(hit)
                          if not _inside(lines[n], known)]
        if len(pieces) > len(known):
            out[pointer] = pieces[0] if len(pieces) == 1 else dict(pieces[0], pieces=pieces)
    return out


def _line_start(piece: dict, lines: list[tuple[int, Bbox]], line_offsets: list[int]) -> int | None:
    """Where in the text stream the first printed line of a placed value starts."""
    top = piece["bbox"][1]
    first = next((n for n, (page, box) in enumerate(lines) if page == piece["page"] and box[3] > top + 1), None)
    return None if first is None else line_offsets[first]


def _inside(line: tuple[int, Bbox], pieces: list[dict]) -> bool:
    """Whether a printed line's middle lies in a piece already placed."""
    page, (x0, top, x1, bottom) = line
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    return any(p.get("page") == page and "bbox" in p and p["bbox"][0] - 1 <= cx <= p["bbox"][2] + 1
               and p["bbox"][1] - 1 <= cy <= p["bbox"][3] + 1 for p in pieces)


def _stream(images: list[PageImage]) -> tuple[str, list[int], list[tuple[int, Bbox]], list[str]]:
    """The pages' text as one string of letters and digits in printed order, the printed line
    (by index) each character comes from, each line's page and box, and each line's text."""
    text: list[str] = []
    owners: list[int] = []
    lines: list[tuple[int, Bbox]] = []
    for image in images:
        runs = list(image.runs)
        for line in printed_lines(runs):
            line.sort(key=lambda i: runs[i][0][0])
            key = match_key(" ".join(runs[i][1] for i in line))
            box = (min(runs[i][0][0] for i in line), min(runs[i][0][1] for i in line),
                   max(runs[i][0][2] for i in line), max(runs[i][0][3] for i in line))
            text.append(key)
            owners.extend([len(lines)] * len(key))
            lines.append((image.number, box))
    return "".join(text), owners, lines, text


def _found_lines(key: str, stream: str, owners: list[int], start: int = 0, anywhere: bool = True) -> set[int]:
    """The printed lines holding the chunks of `key` found in order from `start` (the first
    anywhere after it, or near it, each next one after the one before), or none where too few
    are found."""
    chunks = [key[i:i + CHUNK_CHARS] for i in range(0, len(key), CHUNK_CHARS)]
    chunks = [c for c in chunks if len(c) * 2 >= CHUNK_CHARS] or chunks
    hit: set[int] = set()
    found, cursor = 0, start
    limit = len(stream) if anywhere else min(len(stream), start + MAX_SKIP_FACTOR * len(key))
    for chunk in chunks:
        at = stream.find(chunk, cursor, limit)
        if at < 0:
            continue
        hit.update(owners[at:at + len(chunk)])
        found, cursor = found + 1, at + len(chunk)
        limit = min(len(stream), cursor + MAX_SKIP_FACTOR * len(key))
    return hit if found >= MIN_FOUND_SHARE * len(chunks) else set()
