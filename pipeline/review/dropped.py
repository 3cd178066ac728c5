"""The text of the pages that no value of the output came from, told apart from what the
contract reads on purpose without keeping it.

A text run under no provenance box is one of:

- ``running``: a running header or footer, a page number (in the top or bottom margin,
  printed on several pages or made of digits only);
- ``table_header``: the header cells of a task table (the lines stacked just above the first
  task row of a page, within the table's width), on its first page and where it is repeated;
- ``label``: the national motto and the labels the contract reads as the start of a part
  ("Nơi nhận:", "Phụ lục", a caption "(Kèm theo Kế hoạch số …)"), from the vocabularies in
  `data/`;
- ``mark``: a line without a letter or a digit (the star under a Party issuer, a rule of
  dashes): no word of the document is in it;
- ``dropped``: anything else, the text the converter really left out.

A run is read when a box covers enough of it, not only its centre: a glyph drawn apart
from its word ("K" of "KẾ HOẠCH") overlaps the word's box.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from pipeline.data import load_csv, load_lines
from pipeline.normalize.provenance import match_key
from pipeline.text import folded

# A run is read when boxes (grown by BOX_SLACK_PT) cover this share of its area.
COVERED_SHARE = 0.3
BOX_SLACK_PT = 1.5
# Running headers, footers and page numbers start within this distance of the page's top or bottom.
MARGIN_PT = 72.0
# Runs of one printed line (a motto cut at its dashes, a caption cut at each stamped digit) are
# judged together: on the same line and at most this far apart.
WORD_GAP_PT = 24.0
# A task table's header cells stand at most this far above its first row on a page, their lines
# at most HEADER_LINE_GAP_PT apart (a caption above the table stands further off).
HEADER_BAND_PT = 70.0
HEADER_LINE_GAP_PT = 6.0
# A caption tying an appendix or an attachment to its document ("(Kèm theo Kế hoạch số ...)").
_CAPTION = re.compile(r"^\(?\s*(ban hanh )?kem theo\b")
_PAGE_NUMBER = re.compile(r"^[\s\-–—.]*(trang\s*)?\d{1,4}([\s/]*\d{1,4})?[\s\-–—.]*$")

Bbox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Run:
    """A text run of a page under no box, with what it is (`running`, `table_header`, `label`, `mark`, `dropped`)."""

    page: int
    bbox: Bbox
    text: str
    kind: str


@cache
def _label_words() -> tuple[str, ...]:
    """Folded openings of the lines the contract reads as labels: motto, closing heads, appendix labels."""
    words = [folded(line) for line in load_lines("national_motto.txt")]
    words += [folded(row["word"]) for row in load_csv("closing_heads.csv") if row["part"] == "recipients"]
    words += [folded(line.split("#")[0].strip()) for line in load_lines("document_parts.txt")]
    return tuple(match_key(w) for w in words if match_key(w))


def is_label(text: str) -> bool:
    """Whether a printed line is the motto, a label the contract reads, or an appendix caption
    (compared on letters and digits: a motto printed in pieces, with its dashes apart, still is)."""
    line = folded(text).strip()
    key = match_key(line)
    return bool(_CAPTION.match(line)) or any(key.startswith(w) or _same_letters(key, w) for w in _label_words())


# pdfium gives the text of some PDFs (LibreOffice's, a bold drawn twice) with the accented letters
# out of order ("C NG HÒA … Ộ Ộ"): a line holding a label's letters, and not many more, is that label.
MAX_EXTRA_LETTERS = 1.2


def _same_letters(key: str, word: str) -> bool:
    if len(word) < MIN_LABEL_LETTERS or len(key) > len(word) * (1 + MAX_EXTRA_LETTERS):
        return False
    return not Counter(word) - Counter(key)


# Shorter labels ("Mẫu", "Biểu") are matched only at the start of a line, in order.
MIN_LABEL_LETTERS = 6


def _covered_share(run: Bbox, boxes: list[list[float]]) -> float:
    x0, top, x1, bottom = run
    area = max(x1 - x0, 0.1) * max(bottom - top, 0.1)
    best = 0.0
    for b in boxes:
        w = min(x1, b[2] + BOX_SLACK_PT) - max(x0, b[0] - BOX_SLACK_PT)
        h = min(bottom, b[3] + BOX_SLACK_PT) - max(top, b[1] - BOX_SLACK_PT)
        if w > 0 and h > 0:
            best = max(best, w * h / area)
    return best


def is_read(run: Bbox, boxes: list[list[float]]) -> bool:
    """Whether a run's text went into the output: a box holds its centre or covers enough of it."""
    cx, cy = (run[0] + run[2]) / 2, (run[1] + run[3]) / 2
    inside = any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in boxes)
    return inside or _covered_share(run, boxes) >= COVERED_SHARE


def header_zone(runs: list[Bbox], rows: list[list[float]]) -> list[int]:
    """The runs (by index) within the table's width and HEADER_BAND_PT above its first row on a page."""
    if not rows:
        return []
    first_top = min(r[1] for r in rows)
    left, right = min(r[0] for r in rows), max(r[2] for r in rows)
    return [i for i, b in enumerate(runs)
            if left - 2 <= (b[0] + b[2]) / 2 <= right + 2 and first_top - HEADER_BAND_PT <= b[3] <= first_top + 2]


def header_band(runs: list[Bbox], rows: list[list[float]]) -> set[int]:
    """Which runs (by index) are the header cells of the task table on a page: within the table's
    width, stacked without a gap from its first row upwards (a caption above stands apart)."""
    above = sorted(header_zone(runs, rows), key=lambda i: -runs[i][3])
    band, top = set(), min((r[1] for r in rows), default=0.0)
    for i in above:
        if runs[i][3] < top - HEADER_LINE_GAP_PT:
            break
        band.add(i)
        top = min(top, runs[i][1])
    return band


def _in_margin(run: Bbox, height: float) -> bool:
    return run[1] <= MARGIN_PT or run[3] >= height - MARGIN_PT


def printed_lines(runs: list[tuple[Bbox, str]]) -> list[list[int]]:
    """The runs (by index) grouped into printed lines: those whose middles fall within one band
    of height, then cut where the gap between neighbours is wider than WORD_GAP_PT."""
    bands: list[tuple[float, float, list[int]]] = []
    for i in sorted(range(len(runs)), key=lambda i: (runs[i][0][1] + runs[i][0][3]) / 2):
        (_, top, _, bottom), _ = runs[i]
        middle = (top + bottom) / 2
        if bands and bands[-1][0] - 1 <= middle <= bands[-1][1] + 1:
            band_top, band_bottom, members = bands[-1]
            bands[-1] = (band_top, max(band_bottom, bottom) if bottom - top > 3 else band_bottom, members + [i])
        else:
            bands.append((top, bottom, [i]))
    lines: list[list[int]] = []
    for _, _, members in bands:
        members.sort(key=lambda i: runs[i][0][0])
        lines.append([members[0]])
        for i in members[1:]:
            if runs[i][0][0] - max(runs[j][0][2] for j in lines[-1]) > WORD_GAP_PT:
                lines.append([])
            lines[-1].append(i)
    return lines


def _line_kinds(page: "PageText", unread: list[tuple[Bbox, str]], pages_of: dict[str, set[int]]) -> list[str]:
    """The kind of each unread run, judged on its whole printed line; a caption opened by "(" and
    not closed on its line carries on to the lines that close it."""
    kinds = [""] * len(unread)
    open_caption = False
    for line in printed_lines(unread):
        text = " ".join(unread[i][1] for i in sorted(line, key=lambda i: unread[i][0][0]))
        box = (min(unread[i][0][0] for i in line), min(unread[i][0][1] for i in line),
               max(unread[i][0][2] for i in line), max(unread[i][0][3] for i in line))
        kind = "label" if open_caption else _kind(page, box, text, pages_of)
        open_caption = kind == "label" and text.count("(") > text.count(")") or (open_caption and ")" not in text)
        for i in line:
            kinds[i] = kind
    return kinds


@dataclass(frozen=True)
class PageText:
    """What `classify_runs` needs of a page: its number, height and text runs."""

    number: int
    height: float
    runs: tuple[tuple[Bbox, str], ...]


def classify_runs(pages: list[PageText], boxes: dict[int, list[list[float]]],
                  task_rows: dict[int, list[list[float]]]) -> list[Run]:
    """Every run of the pages under no box, each with its kind.

    Args:
        boxes: per page, the boxes of every value of the output.
        task_rows: per page, the boxes of the task rows (where the table's header band is).
    """
    unread_by_page = []
    pages_of: dict[str, set[int]] = defaultdict(set)
    for page in pages:
        page_boxes = boxes.get(page.number, [])
        unread = _drawn_once([(bbox, text) for bbox, text in page.runs if not is_read(bbox, page_boxes)])
        unread_by_page.append((page, unread))
        for line in printed_lines(unread):
            text = " ".join(unread[i][1] for i in sorted(line, key=lambda i: unread[i][0][0]))
            if _in_margin(unread[line[0]][0], page.height):
                pages_of[match_key(text)].add(page.number)
    zones = [(page, unread, header_zone([bbox for bbox, _ in unread], task_rows.get(page.number, [])))
             for page, unread in unread_by_page]
    zone_pages: dict[str, set[int]] = defaultdict(set)
    for page, unread, zone in zones:
        for i in zone:
            zone_pages[match_key(unread[i][1])].add(page.number)
    found = []
    for page, unread, zone in zones:
        band = header_band([bbox for bbox, _ in unread], task_rows.get(page.number, []))
        band |= {i for i in zone if len(zone_pages[match_key(unread[i][1])]) > 1}  # a header repeated on later pages
        kinds = _line_kinds(page, unread, pages_of)
        found += [Run(page.number, bbox, text, "table_header" if i in band else kinds[i])
                  for i, (bbox, text) in enumerate(unread)]
    return found


# A run lying this much inside a wider one is the same text drawn twice (a bold made by printing
# a line twice, slightly shifted, as LibreOffice does): it is counted once.
SAME_TEXT_SHARE = 0.7


def _drawn_once(runs: list[tuple[Bbox, str]]) -> list[tuple[Bbox, str]]:
    """The runs without those drawn again over a wider run of the same line."""
    kept: list[tuple[Bbox, str]] = []
    for bbox, text in sorted(runs, key=lambda r: -(r[0][2] - r[0][0])):
        if _covered_share(bbox, [list(b) for b, _ in kept]) < SAME_TEXT_SHARE:
            kept.append((bbox, text))
    return sorted(kept, key=lambda r: (r[0][1], r[0][0]))


def _kind(page: PageText, bbox: Bbox, text: str, pages_of: dict[str, set[int]]) -> str:
    if _in_margin(bbox, page.height) and (_PAGE_NUMBER.match(text) or len(pages_of[match_key(text)]) > 1):
        return "running"
    if is_label(text):
        return "label"
    if not match_key(text):
        return "mark"
    return "dropped"
