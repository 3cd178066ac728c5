"""Second readings: what the page's first Tesseract pass could not place, read again on one strip.

Two kinds of ink get a second look, both on one strip (`ocr_missed.make_strip`) read
by one Tesseract call per page:

- line segments with a word Tesseract was unsure of (a name under a seal reads
  worse in the page's layout than alone: "Tuân" at 69% on the page, "Tuấn" at 96%
  on its own); the new reading replaces the old when surer (`_accepted`);
- ink no word covered (`ocr_missed`): a lone "9." in a TT cell that the page
  segmentation dropped as noise.

The Tesseract call is passed in (`read_strip`): this module holds only the rules.
"""
from __future__ import annotations

import statistics
from dataclasses import replace
from typing import Callable

from pipeline.extract.ocr.missed import Blob, find_blobs, ink_level, make_strip, place_back, uncovered
from pipeline.extract.ocr.tsv import TsvWord, _lines, _typical_height

# A line segment (words closer than SEGMENT_GAP text heights) with a word read less
# surely than REREAD_BELOW (0-100) is read again on its own, at most MAX_REREAD_LINES a
# page, cut out with REREAD_PADDING text heights of white around it; the new reading
# replaces the first when its words average REREAD_ACCEPT, and the segment is dropped
# as noise when both readings average under UNREAD_NOISE_BELOW.
SEGMENT_GAP = 1.5
REREAD_BELOW = 85.0
MAX_REREAD_LINES = 60
REREAD_PADDING = 0.3
REREAD_ACCEPT = 80.0
UNREAD_NOISE_BELOW = 60.0
# Strip words are keyed by the box they lie in, from this line number on (`missed.place_back`).
_STRIP_LINE = 10_000

StripReader = Callable[[object], list[TsvWord]]  # a strip image -> its words, in strip pixels


def segments(found: list[TsvWord], gap: float) -> list[list[TsvWord]]:
    """Tesseract's lines cut where words stand far apart: the two columns of a header or of
    "Nơi nhận" beside the signature share a Tesseract line but not a segment."""
    out = []
    for words in _lines(found).values():
        words = sorted(words, key=lambda w: w.left)
        out.append([words[0]])
        for prev, word in zip(words, words[1:]):
            if word.left - (prev.left + prev.width) > gap:
                out.append([])
            out[-1].append(word)
    return out


def _segment_box(words: list[TsvWord], pad: int, shape: tuple[int, ...]) -> Blob:
    left, top = max(0, min(w.left for w in words) - pad), max(0, min(w.top for w in words) - pad)
    right = min(shape[1], max(w.left + w.width for w in words) + pad)
    bottom = min(shape[0], max(w.top + w.height for w in words) + pad)
    return Blob(left, top, right - left, bottom - top)


def read_again(gray, found: list[TsvWord], read_strip: StripReader) -> list[TsvWord]:
    """The page's words with unsure segments replaced by their second reading (or dropped as
    noise) and the words of the ink no word covered added: one strip, one Tesseract call."""
    if not found:
        return found
    text_height = _typical_height(found)
    parts = segments(found, SEGMENT_GAP * text_height)
    unsure = [i for i, ws in enumerate(parts) if min(w.conf for w in ws) < REREAD_BELOW][:MAX_REREAD_LINES]
    pad = round(REREAD_PADDING * text_height)
    boxes = [_segment_box(parts[i], pad, gray.shape) for i in unsure]
    rest = uncovered(gray, [(w.left, w.top, w.width, w.height) for w in found])
    blobs = find_blobs(rest, text_height, ink_level(gray))
    if not boxes and not blobs:
        return found
    # The unsure segments are cut from the page, the missed blobs from the page without its read words.
    sources = [gray] * len(boxes) + [rest] * len(blobs)
    strip = make_strip(sources, boxes + blobs, text_height)
    by_box: dict[int, list[TsvWord]] = {}
    for word in place_back(read_strip(strip.image), boxes + blobs, strip):
        by_box.setdefault(word.line[0] - _STRIP_LINE, []).append(word)
    for index, i in enumerate(unsure):
        parts[i] = _judged(parts[i], by_box.get(index, []))
    missed = [w for index in range(len(boxes), len(boxes) + len(blobs)) for w in by_box.get(index, [])]
    return [w for ws in parts for w in ws] + missed


def _judged(old: list[TsvWord], read: list[TsvWord]) -> list[TsvWord]:
    """One unsure segment after its second reading: the new words, the old, or nothing (noise)."""
    new = within_segment(read, old)
    # Judged on the whole second reading, words from the white cut around the segment
    # included: how surely Tesseract read the strip, as before those words were dropped.
    before = statistics.fmean(w.conf for w in old)
    after = statistics.fmean(w.conf for w in read) if read else 0.0
    if new and after >= max(before, REREAD_ACCEPT) and keeps_sure_words(new, old):
        return [replace(w, line=old[0].line) for w in new]
    if max(before, after) < UNREAD_NOISE_BELOW:
        return []  # unsure on the page and alone: a seal's or a scribble's ink, not text
    return old


def within_segment(new: list[TsvWord], old: list[TsvWord]) -> list[TsvWord]:
    """The words of a second reading whose middle lies within the box of the first reading's
    words: the white cut around a segment may hold the tops or tails of the next line's
    letters ("sành" from the "hành" under a type line) or the end of a word in the next
    table cell, read as words that have no place in this segment."""
    top, bottom = min(w.top for w in old), max(w.top + w.height for w in old)
    left, right = min(w.left for w in old), max(w.left + w.width for w in old)
    return [w for w in new if top <= w.top + w.height / 2 <= bottom and left <= w.cx <= right]


def keeps_sure_words(new: list[TsvWord], old: list[TsvWord]) -> bool:
    """Whether the second reading still has a word over each word the first read surely:
    a reading surer on average may have lost part of the line ("2026 - 2030, chuẩn bị cho"
    read again as "2026 cho")."""
    return all(any(n.left < o.left + o.width and o.left < n.left + n.width for n in new)
               for o in old if o.conf >= REREAD_BELOW)
