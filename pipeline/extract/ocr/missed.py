"""A second look at the ink Tesseract's page layout skipped.

Tesseract's page segmentation drops small isolated text as noise: the "9." alone
in a table's TT column, a one-word cell ("Sở Y tế") far from its neighbours.
On a task table that is the worst loss, because a missing TT number merges two
tasks. So after the page is read, the ink no word box covers is grouped into
word-sized blobs (OpenCV: dilation and connected components); the blobs of text
height are copied one under the other onto a strip, and the strip is read by
Tesseract as a block of single lines, one call per page. Each word found goes
back to the place on the page its blob came from.
"""
from __future__ import annotations

from dataclasses import dataclass

# A blob this many times the page's text height, or more, is not a missed word
# (a stamp, a signature, a logo); under the low share it is a speck.
BLOB_HEIGHT = (0.5, 1.8)
# A blob narrower than this share of the text height is a speck or a stray stroke.
MIN_BLOB_WIDTH = 0.3
# Letters of one word are joined across gaps this wide (share of the text height).
LETTER_GAP = 0.5
# Ink of this share of a blob's box at least: noise forms thin, sparse clusters.
MIN_INK_DENSITY = 0.08
# White space around a word box that still counts as the word's (pixels).
BOX_MARGIN = 3
# At most this many blobs are read per page: a page of specks is not worth a minute.
MAX_BLOBS = 150
# Blank space around each blob on the strip (share of the text height).
STRIP_PADDING = 0.6
# The strip is scaled so its words are this tall (pixels): Tesseract reads a lone "9."
# or "11." right at this size and wrong at 300 dpi's 50 px (as "5;", "L1,").
STRIP_TEXT_HEIGHT = 20


@dataclass(frozen=True)
class Blob:
    """A group of ink no word covered, in page pixels."""

    left: int
    top: int
    width: int
    height: int


def uncovered(gray, covered: list[tuple[int, int, int, int]]):
    """The image with the boxes of the words already read painted white (a copy)."""
    out = gray.copy()
    for left, top, width, height in covered:
        out[max(0, top - BOX_MARGIN):top + height + BOX_MARGIN, max(0, left - BOX_MARGIN):left + width + BOX_MARGIN] = 255
    return out


def ink_level(gray) -> float:
    """The grey level between paper and ink on the whole page (Otsu's).

    Measured before the words are painted out: on what is left, mostly paper,
    Otsu's method would split the paper's own noise.
    """
    import cv2

    level, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return level


def find_blobs(rest, text_height: float, level: float = 128.0) -> list[Blob]:
    """Word-sized groups of ink (darker than `level`) in `rest`, the page without the words already read."""
    import cv2
    import numpy as np

    _, ink = cv2.threshold(rest, level, 255, cv2.THRESH_BINARY_INV)
    gap = max(1, round(LETTER_GAP * text_height))
    joined = cv2.dilate(ink, np.ones((max(1, gap // 3), gap), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    blobs = []
    for x, y, w, h, _area in stats[1:count]:
        if not (BLOB_HEIGHT[0] * text_height <= h <= BLOB_HEIGHT[1] * text_height):
            continue
        if w < MIN_BLOB_WIDTH * text_height:
            continue
        if float(ink[y:y + h, x:x + w].mean()) / 255 < MIN_INK_DENSITY:
            continue
        blobs.append(Blob(int(x), int(y), int(w), int(h)))
    return sorted(blobs, key=lambda b: (b.top, b.left))[:MAX_BLOBS]


@dataclass(frozen=True)
class Strip:
    """Blobs copied one under the other: the image, and where each blob's top-left went."""

    image: object
    offsets: list[tuple[int, int]]  # (x, y) of each blob on the strip, before scaling
    scale: float  # strip pixels per page pixel


def make_strip(sources, blobs: list[Blob], text_height: float) -> Strip:
    """The blobs copied one under the other, each from its own image (`sources`: one image for
    all, or one per blob), scaled to `STRIP_TEXT_HEIGHT` and thresholded."""
    import cv2
    import numpy as np

    if not isinstance(sources, list):
        sources = [sources] * len(blobs)

    pad = max(2, round(STRIP_PADDING * text_height))
    width = max(b.width for b in blobs) + 2 * pad
    height = sum(b.height + pad for b in blobs) + pad
    strip = np.full((height, width), 255, dtype=np.uint8)
    offsets, y = [], pad
    for b, image in zip(blobs, sources):
        strip[y:y + b.height, pad:pad + b.width] = image[b.top:b.top + b.height, b.left:b.left + b.width]
        offsets.append((pad, y))
        y += b.height + pad
    scale = min(1.0, STRIP_TEXT_HEIGHT / text_height)
    if scale < 1.0:
        strip = cv2.resize(strip, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    _, strip = cv2.threshold(strip, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)  # crisp edges read best
    return Strip(strip, offsets, scale)


def place_back(words: list, blobs: list[Blob], strip: Strip) -> list:
    """Strip words (TsvWord) moved to the page position of the blob they lie in.

    Each blob becomes its own line: a word's `line` key names the blob.
    """
    from pipeline.extract.ocr.tsv import TsvWord

    placed = []
    k = 1 / strip.scale
    for word in words:
        for index, (blob, (x, y)) in enumerate(zip(blobs, strip.offsets)):
            if y <= word.cy * k <= y + blob.height:
                placed.append(TsvWord(word.text, round(word.left * k) - x + blob.left, round(word.top * k) - y + blob.top,
                                      round(word.width * k), round(word.height * k), word.conf, (10_000 + index, 0, 0)))
                break
    return placed
