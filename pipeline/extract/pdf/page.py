"""One PDF page → `PageContent`: words from the characters, tables from the ruling lines
(or from row rules and the white space between columns), the rest grouped into lines.

An OCR page comes through here too (`ocr.tables.ImagePage` stands in for pdfplumber's page),
so a scan's tables, bands and lines are read as a text layer's are.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right

import pdfplumber
from pdfplumber.utils import extract_words

from pipeline.extract.layout import Word, font_is_bold, font_is_italic, group_lines, lines_to_paragraphs
from pipeline.extract.pdf.chars import attach_marks, drop_covered_blanks, drop_overprinted, unmapped_share
from pipeline.extract.pdf.objects import install_page_objects
from pipeline.extract.pdf.pages import PageContent, is_margin_noise
from pipeline.extract.pdf.rules import column_separators, rule_regions
from pipeline.ir import Cell, Place, Row, Table

# pdfplumber word settings: a small x tolerance keeps a syllable's letters
# together without gluing neighbouring syllables (Vietnamese words are short
# and separated by ordinary spaces).
# Font attributes are read from each word's characters afterwards rather than with
# pdfplumber's extra_attrs, which would split "(Công" where the bracket is upright
# and the word italic.
WORD_SETTINGS = {"x_tolerance": 1.5, "y_tolerance": 3, "keep_blank_chars": False, "return_chars": True}
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3, "intersection_tolerance": 3}


def _to_word(raw: dict, page: int) -> Word:
    chars = [c for c in raw.get("chars", ()) if c["text"].isalnum()] or raw.get("chars", ())
    fonts = {c.get("fontname", "") for c in chars}  # a word's letters share one or two fonts
    sizes = sorted([c.get("size", 12.0) for c in chars]) or [12.0]
    return Word(
        text=unicodedata.normalize("NFC", raw["text"]),
        x0=raw["x0"], x1=raw["x1"], top=raw["top"], bottom=raw["bottom"],
        size=round(sizes[len(sizes) // 2], 1),
        bold=bool(fonts) and all(map(font_is_bold, fonts)),
        italic=bool(fonts) and all(map(font_is_italic, fonts)),
        page=page,
    )


def _inside(word: Word, bbox: tuple[float, float, float, float]) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _grid(values: list[float], tolerance: float = 2.0) -> list[float]:
    """Distinct coordinates of cell edges, merged within a tolerance."""
    grid: list[float] = []
    for v in sorted(values):
        if not grid or v - grid[-1] > tolerance:
            grid.append(v)
    return grid


def _index(grid: list[float], value: float) -> int:
    """Position of the grid line nearest `value` (the grid is sorted: two neighbours to compare)."""
    i = bisect_left(grid, value)
    return min((j for j in (i - 1, i) if 0 <= j < len(grid)), key=lambda j: abs(grid[j] - value))


def build_table(cell_boxes: list[tuple[float, float, float, float]], words: list[Word], page: int) -> Table:
    """Turn pdfplumber cell boxes into an IR table with grid positions and spans."""
    xs = _grid([b[0] for b in cell_boxes] + [b[2] for b in cell_boxes])
    ys = _grid([b[1] for b in cell_boxes] + [b[3] for b in cell_boxes])
    by_middle = WordsByMiddle(words)
    rows: dict[int, list[Cell]] = {}
    for box in cell_boxes:
        c0, c1 = _index(xs, box[0]), _index(xs, box[2])
        r0, r1 = _index(ys, box[1]), _index(ys, box[3])
        paragraphs = lines_to_paragraphs(group_lines(by_middle.inside(box)), ragged=True)
        cell = Cell(paragraphs=tuple(paragraphs), col=c0, col_span=max(c1 - c0, 1), row_span=max(r1 - r0, 1),
                    places=(Place(page=page, bbox=tuple(box)),))
        rows.setdefault(r0, []).append(cell)
    ir_rows = tuple(
        Row(cells=tuple(sorted(cells, key=lambda c: c.col)), pages=(page,)) for _, cells in sorted(rows.items())
    )
    return Table(rows=ir_rows, n_cols=max(len(xs) - 1, 1), bordered=True, pages=(page,))


class WordsByMiddle:
    """Words sorted by the height of their middle: the words inside a box in O(log n + k).

    A table of r rows and c columns on a page of n words would otherwise cost
    r * c * n tests of `_inside`.
    """

    def __init__(self, words: list[Word]) -> None:
        self._words = sorted(words, key=lambda w: (w.top + w.bottom) / 2)
        self._middles = [(w.top + w.bottom) / 2 for w in self._words]
        self._centres = [(w.x0 + w.x1) / 2 for w in self._words]

    def inside(self, bbox: tuple[float, float, float, float]) -> list[Word]:
        """The words whose centre lies in `bbox` (in no particular order: group_lines sorts them).

        The slice holds the words whose middle is within the box's height; of them, those whose
        centre is within its width (`_inside`, with the centres computed once).
        """
        lo, hi = bisect_left(self._middles, bbox[1]), bisect_right(self._middles, bbox[3])
        x0, x1 = bbox[0], bbox[2]
        return [w for w, cx in zip(self._words[lo:hi], self._centres[lo:hi]) if x0 <= cx <= x1]


def is_grid_of_values(table: Table) -> bool:
    """Whether ruled lines frame a real table, not a framed text box or a decoration.

    A real table has a row with two filled cells side by side; text that only
    runs through boxes drawn around it (one filled cell per row) is read as text.
    """
    return any(sum(1 for c in row.cells if c.text.strip()) >= 2 for row in table.rows)


def read_page(page: pdfplumber.page.Page, number: int, stamped: list[Word] | None = None) -> PageContent:
    install_page_objects(page)
    chars = drop_covered_blanks(attach_marks(drop_overprinted(page.chars)))
    words = [_to_word(w, number) for w in extract_words(chars, **WORD_SETTINGS)] + list(stamped or ())
    tables = []
    for found in page.find_tables(TABLE_SETTINGS) or _row_ruled_tables(page, words):
        boxes = [c for c in found.cells if c is not None]
        if len(boxes) < 2:
            continue
        inside = [w for w in words if _inside(w, found.bbox)]
        table = build_table(boxes, inside, number)
        if is_grid_of_values(table):
            tables.append((found.bbox, table))
    outside = [w for w in words if not any(_inside(w, bbox) for bbox, _ in tables)]
    lines = [ln for ln in group_lines(outside) if not is_margin_noise(ln, page.height)]
    return PageContent(number, page.width, page.height, tuple(lines), tuple(tables), len(chars), unmapped_share(page.chars))


def _row_ruled_tables(page: pdfplumber.page.Page, words: list[Word]) -> list:
    """Tables drawn with row rules only (no vertical lines), columns read from the white space."""
    boxes = [(w.x0, w.top, w.x1, w.bottom) for w in words]
    found = []
    for region in rule_regions(page.edges, page.width):
        verticals = column_separators(region, boxes)
        if len(verticals) >= 3:  # two columns at least
            settings = {**TABLE_SETTINGS, "vertical_strategy": "explicit", "explicit_vertical_lines": verticals}
            found.extend(page.crop((region.x0 - 1, region.top - 1, region.x1 + 1, region.bottom + 1)).find_tables(settings))
    return found
