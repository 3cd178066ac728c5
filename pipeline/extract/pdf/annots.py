"""Text drawn by annotations: numbers and dates stamped by the signing software.

Signed Vietnamese documents often get their number and day stamped into the
template by the e-signature tool ("Số:173    /KH-UBND", "ngày 28 tháng 4"):
the digits live in the appearance stream of a signature widget, which
pdfminer (and so pdfplumber) never reads. pdfium renders appearance streams:
we flatten the annotations of a page and keep the characters that flattening
added, as words at their place on the page.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from pdfminer.pdftypes import resolve1

from pipeline.extract.layout import Word

if TYPE_CHECKING:
    import pypdfium2 as pdfium

# Annotation subtypes whose appearance is part of what a reader sees on the page.
_STAMPED_SUBTYPES = {"Widget", "FreeText", "Stamp"}
# Characters within this distance (points) of a pre-flattening character are the same character.
_SAME_CHAR = 1.0
# A larger gap (in character heights) between two stamped characters separates words.
_WORD_GAP = 0.6

Box = tuple[str, float, float, float, float]  # text, left, bottom, right, top (pdfium coordinates)


def annotation_subtypes(page_attrs: dict) -> set[str]:
    """Subtypes of a page's annotations, resolved one level only.

    pdfplumber's `page.annots` resolves annotation dictionaries in full, which
    recurses without end on signed files (a signature value points back to its
    page); the subtype is all we need.
    """
    subtypes: set[str] = set()
    try:
        for ref in resolve1(page_attrs.get("Annots")) or []:
            annot = resolve1(ref)
            if isinstance(annot, dict):
                subtype = resolve1(annot.get("Subtype"))
                subtypes.add(getattr(subtype, "name", str(subtype)))
    except (TypeError, ValueError, RecursionError):  # a damaged annotation list draws nothing we can read
        return set()
    return subtypes


def pages_with_stamps(subtypes_by_page: dict[int, set[str]]) -> list[int]:
    """Page numbers (1-based) whose annotations may draw text."""
    return sorted(number for number, subtypes in subtypes_by_page.items() if subtypes & _STAMPED_SUBTYPES)


def _char_boxes(page: pdfium.PdfPage) -> list[Box]:
    textpage = page.get_textpage()
    try:
        boxes = []
        for i in range(textpage.count_chars()):
            text = textpage.get_text_range(i, 1)
            if text.strip():
                left, bottom, right, top = textpage.get_charbox(i)
                boxes.append((text, left, bottom, right, top))
        return boxes
    finally:
        textpage.close()


def _same_place(a: Box, b: Box) -> bool:
    """The same character at the same place (within _SAME_CHAR points)."""
    return a[0] == b[0] and abs(a[1] - b[1]) < _SAME_CHAR and abs(a[2] - b[2]) < _SAME_CHAR


class CharIndex:
    """Characters by text and by the _SAME_CHAR-wide cell their corner falls in.

    A box is compared only with the boxes of its own and neighbouring cells, so
    finding the characters flattening added is linear in the characters of the
    page, not quadratic (a page of 60,000 characters took minutes).
    """

    def __init__(self, boxes: list[Box]) -> None:
        self.cells: dict[tuple[str, int, int], list[Box]] = {}
        for box in boxes:
            self.cells.setdefault(self._key(box), []).append(box)

    @staticmethod
    def _key(box: Box) -> tuple[str, int, int]:
        return box[0], math.floor(box[1] / _SAME_CHAR), math.floor(box[2] / _SAME_CHAR)

    def holds(self, box: Box) -> bool:
        text, col, row = self._key(box)
        return any(
            _same_place(box, other)
            for dx in (-1, 0, 1) for dy in (-1, 0, 1)
            for other in self.cells.get((text, col + dx, row + dy), ())
        )


def new_boxes(before: list[Box], after: list[Box]) -> list[Box]:
    """The boxes of `after` that were not already at their place in `before`."""
    index = CharIndex(before)
    return [box for box in after if not index.holds(box)]


def _rows(boxes: list[Box]) -> list[list[Box]]:
    """Boxes in lines, top line first, each left to right.

    A box joins the line above when their tops are within half its height: tops of
    one line differ by a fraction of a point (a "1" is shorter than a "3"), so
    rounding them would split a line wherever its tops straddle a rounding boundary.
    """
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: -b[4]):
        if rows and abs(rows[-1][0][4] - box[4]) <= max(box[4] - box[2], 1.0) / 2:
            rows[-1].append(box)
        else:
            rows.append([box])
    return [sorted(row, key=lambda b: b[1]) for row in rows]


def _to_words(boxes: list[Box], height: float, page: int) -> list[Word]:
    """Group stamped characters into words, converting to top-down coordinates."""
    words: list[Word] = []
    for row in _rows(boxes):
        current: list[Box] = []
        for box in row:
            size = max(box[4] - box[2], 1.0)
            if current and box[1] - current[-1][3] > _WORD_GAP * size:
                words.append(_word(current, height, page))
                current = []
            current.append(box)
        words.append(_word(current, height, page))
    return words


def _word(boxes: list[tuple[str, float, float, float, float]], height: float, page: int) -> Word:
    top = max(b[4] for b in boxes)
    bottom = min(b[2] for b in boxes)
    # A digit's box is about 0.7 of the font size; the size only steers line grouping.
    return Word(
        text="".join(b[0] for b in boxes), x0=boxes[0][1], x1=boxes[-1][3],
        top=height - top, bottom=height - bottom, size=round((top - bottom) / 0.7, 1), page=page,
    )


def stamped_words(path: Path, page_numbers: list[int]) -> dict[int, list[Word]]:
    """Words that annotations draw on the given pages (1-based), by page."""
    if not page_numbers:
        return {}
    # pdfium (its library is 8 MB) is loaded only for a file whose annotations may draw text.
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    found: dict[int, list[Word]] = {}
    document = pdfium.PdfDocument(str(path))
    try:
        for number in page_numbers:
            page = document[number - 1]
            before = _char_boxes(page)
            height = page.get_height()
            pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
            page.close()
            page = document[number - 1]
            added = new_boxes(before, _char_boxes(page))
            page.close()
            if added:
                found[number] = _to_words(added, height, number)
    finally:
        document.close()
    return found
