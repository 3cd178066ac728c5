"""Text drawn by annotations: numbers and dates stamped by the signing software.

Signed Vietnamese documents often get their number and day stamped into the
template by the e-signature tool ("Số:173    /KH-UBND", "ngày 28 tháng 4"):
the digits live in the appearance stream of a signature widget, which
pdfminer (and so pdfplumber) never reads. pdfium renders appearance streams:
we flatten the annotations of a page and keep the characters that flattening
added, as words at their place on the page.
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pdfminer.pdftypes import resolve1

from pipeline.extract.layout import Word

# Annotation subtypes whose appearance is part of what a reader sees on the page.
_STAMPED_SUBTYPES = {"Widget", "FreeText", "Stamp"}
# Characters within this distance (points) of a pre-flattening character are the same character.
_SAME_CHAR = 1.0
# A larger gap (in character heights) between two stamped characters separates words.
_WORD_GAP = 0.6


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


def _char_boxes(page: pdfium.PdfPage) -> list[tuple[str, float, float, float, float]]:
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


def _is_new(box: tuple[str, float, float, float, float], before: list[tuple[str, float, float, float, float]]) -> bool:
    return not any(
        b[0] == box[0] and abs(b[1] - box[1]) < _SAME_CHAR and abs(b[2] - box[2]) < _SAME_CHAR for b in before
    )


def _to_words(boxes: list[tuple[str, float, float, float, float]], height: float, page: int) -> list[Word]:
    """Group stamped characters into words, converting to top-down coordinates."""
    words: list[Word] = []
    current: list[tuple[str, float, float, float, float]] = []
    for box in sorted(boxes, key=lambda b: (round(height - b[4]), b[1])):
        size = max(box[4] - box[2], 1.0)
        if current and (abs(current[-1][4] - box[4]) > size / 2 or box[1] - current[-1][3] > _WORD_GAP * size):
            words.append(_word(current, height, page))
            current = []
        current.append(box)
    if current:
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
            added = [box for box in _char_boxes(page) if _is_new(box, before)]
            page.close()
            if added:
                found[number] = _to_words(added, height, number)
    finally:
        document.close()
    return found
