"""Tesseract's TSV output → layout words in PDF points.

Each TSV word has a pixel box and a confidence. The words become `layout.Word`
values in PDF points so the PDF extractor groups them into lines, bands and
paragraphs exactly like the words of a text layer. Two corrections make a scan
look like a typeset page to the layout rules: the page's remaining skew is
measured from Tesseract's own lines and undone, and each line gets one uniform
height (the page's typical text size), because ink boxes vary with accents and
descenders while the rules compare line sizes and gaps.
"""
from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, replace

from pipeline.extract.layout import Word

# Render resolution the pixel boxes are measured at, unless told.
DPI = 300.0
# Words Tesseract is less sure of than this (0-100) are mostly specks, stamps and signatures.
MIN_CONFIDENCE = 30.0
# A measured skew steeper than this (slope) is noise, not a tilted scan.
MAX_SKEW = 0.1
# A Tesseract line whose median word height is within this ratio of the page's takes the page's size.
SIZE_SNAP = (0.7, 1.4)
# A Tesseract line whose every word is this many times taller than the page's text is a
# handwritten mark, the big letters of a stamp or a logo, not text.
MARK_HEIGHT_RATIO = 1.8
# Ink height (accent top to descender) is a little less than the font size the layout rules expect.
INK_TO_FONT_SIZE = 1.2
# Words of these marks only are specks, underlines and scratches read as characters
# ("3. _" in a TT cell): no plan writes them as a word of their own.
_SPECKS = re.compile(r"[_~`'‘’\"“”|^¬°=]+")
# A number alone on its line (a TT cell, a list number) ends with a full stop; Tesseract
# often reads that small dot as a comma or a semicolon.
_LONE_NUMBER = re.compile(r"\d{1,3}[,;:]")
# Letters Tesseract's Vietnamese model confuses with look-alikes from other alphabets.
CONFUSABLES = str.maketrans({"Ð": "Đ", "ð": "đ"})


@dataclass(frozen=True)
class TsvWord:
    """One word of Tesseract's TSV output, in pixels; `line` identifies its Tesseract line."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    line: tuple[int, int, int]
    bold: bool = False  # judged from the strokes in the image (`ocr_image.bold_flags`)

    @property
    def cx(self) -> float:
        return self.left + self.width / 2

    @property
    def cy(self) -> float:
        return self.top + self.height / 2


def parse_tsv(tsv: str) -> list[TsvWord]:
    """The word rows of Tesseract TSV, without empty and low-confidence words, text in NFC."""
    out: list[TsvWord] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t", 11)
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = unicodedata.normalize("NFC", cols[11].strip().translate(CONFUSABLES))
        conf = float(cols[10])
        if not text or conf < MIN_CONFIDENCE or _SPECKS.fullmatch(text):
            continue
        block, par, line = int(cols[2]), int(cols[3]), int(cols[4])
        left, top, width, height = (int(c) for c in cols[6:10])
        out.append(TsvWord(text, left, top, width, height, conf, (block, par, line)))
    return out


def _lines(words: list[TsvWord]) -> dict[tuple[int, int, int], list[TsvWord]]:
    lines: dict[tuple[int, int, int], list[TsvWord]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    return lines


def _slope(line: list[TsvWord]) -> float | None:
    """Least-squares slope of word centres along one line (pixels down per pixel right)."""
    xs, ys = [w.cx for w in line], [w.cy for w in line]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mx) ** 2 for x in xs)
    if spread == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / spread


def estimate_skew(words: list[TsvWord]) -> float:
    """The page's tilt as a slope: the median over Tesseract lines of three words or more.

    Tesseract follows a tilted line, but its boxes stay in image axes: on a scan
    turned by one degree a line's words drift 7 points from end to end, enough to
    split it into several lines and to shift left margins down the page.
    """
    slopes = [s for ws in _lines(words).values() if len(ws) >= 3 and (s := _slope(ws)) is not None]
    if not slopes:
        return 0.0
    skew = statistics.median(slopes)
    return skew if abs(skew) <= MAX_SKEW else 0.0


def _typical_height(words: list[TsvWord]) -> float:
    return statistics.median(w.height for w in words)


def _is_noise(line: list[TsvWord], limit: float) -> bool:
    return all(w.height > limit for w in line) or not any(ch.isalnum() for w in line for ch in w.text)


def drop_noise(words: list[TsvWord]) -> list[TsvWord]:
    """Without the Tesseract lines that are not text: lines with no letter or digit
    (specks, rules, a stray "+"), and lines whose every word is far taller than the
    text (`MARK_HEIGHT_RATIO`).

    A clerk's initials in a corner would otherwise set the page's right edge,
    which the paragraph rules measure indents and centring against; a speck beside
    a centred title would make it look like the second column of a band.
    """
    if not words:
        return []
    limit = MARK_HEIGHT_RATIO * _typical_height(words)
    return [w for line in _lines(words).values() if not _is_noise(line, limit) for w in line]


def to_layout_words(words: list[TsvWord], page: int, dpi: float = DPI) -> list[Word]:
    """TSV words as layout Words in points, deskewed, each line with one height.

    A word keeps its own left and right edges (rotated back with the page); its
    top and bottom are its line's centre ± half the line's size, so line gaps
    and size comparisons behave as on a typeset page.
    """
    words = drop_noise(words)
    if not words:
        return []
    skew = estimate_skew(words)
    page_height = _typical_height(words)
    pt = 72.0 / dpi
    out: list[Word] = []
    for line in _lines(words).values():
        if len(line) == 1 and _LONE_NUMBER.fullmatch(line[0].text):
            line = [replace(line[0], text=line[0].text[:-1] + ".")]
        height = _typical_height(line)
        if SIZE_SNAP[0] <= height / page_height <= SIZE_SNAP[1]:
            height = page_height
        size = round(height * INK_TO_FONT_SIZE * pt * 2) / 2
        # Rotating by -skew: y' = y - skew * x, x' = x + skew * y (small angles).
        centre = statistics.median(w.cy - skew * w.cx for w in line) * pt
        for w in line:
            shift = skew * w.cy
            out.append(Word(
                text=w.text, x0=round((w.left + shift) * pt, 2), x1=round((w.left + w.width + shift) * pt, 2),
                top=round(centre - size / 2, 2), bottom=round(centre + size / 2, 2), size=size, page=page,
                bold=w.bold,
            ))
    return out


def tsv_to_words(tsv: str, page: int, dpi: float = DPI) -> list[Word]:
    """Tesseract TSV of one page → layout Words in PDF points."""
    return to_layout_words(parse_tsv(tsv), page, dpi)
