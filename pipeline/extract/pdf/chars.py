"""Character-level repairs before words are built: what PDF producers get wrong.

- characters drawn twice on top of each other (fake bold) are dropped;
- blank characters drawn over a letter (the padding spaces of a run beside, reaching into
  the signature column) are dropped: they would split the word ("T M.HỘI", "N gọc");
- tone marks drawn as glyphs of their own, beside or over their letter, are put
  back on the letter ("ĐIỀ U" -> "ĐIỀU");
- glyphs without a Unicode mapping (pdfminer's "(cid:12)") are counted, so a
  file whose text layer cannot be read is refused instead of turned into noise.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter

# Two identical characters closer than this (points) are one character drawn twice.
OVERPRINT_TOLERANCE = 1.0
# Spacing forms of marks some producers draw instead of combining ones.
SPACING_MARKS = {"\u02cb": "\u0300", "\u0060": "\u0300", "\u02ca": "\u0301", "\u00b4": "\u0301", "\u02dc": "\u0303"}
# How far (in font sizes) a detached mark may sit from its letter.
MARK_REACH = 0.6
# How far apart (points) the tops of a blank and a letter may be and still share a line
# (pdfplumber's y tolerance for words, `page.WORD_SETTINGS`).
LINE_REACH = 3
# A blank's centre this far (points) inside a letter's box is over the letter, not beside it.
INSIDE_MARGIN = 0.5
# pdfminer writes a glyph it cannot map to Unicode as "(cid:NN)".
_UNMAPPED = re.compile(r"\(cid:\d+\)")


def drop_overprinted(chars: list[dict], tolerance: float = OVERPRINT_TOLERANCE) -> list[dict]:
    """Remove characters drawn again on top of themselves (fake bold), keeping the first.

    pdfplumber's own dedupe_chars sorts by list index and is quadratic; this
    buckets positions on a grid, so it stays linear on dense pages. The grid rows
    kept are held per text and column (text -> column -> rows): a character costs
    three integer look-ups, not nine tuples built and hashed.
    """
    kept_at: dict[str, dict[int, set[int]]] = {}
    kept = []
    for char in chars:
        text = char["text"]
        gx, gy = round(char["x0"] / tolerance), round(char["top"] / tolerance)
        columns = kept_at.get(text)
        if columns is None:
            kept_at[text] = {gx: {gy}}
        elif _seen_near(columns, gx, gy):
            continue
        elif gx in columns:
            columns[gx].add(gy)
        else:
            columns[gx] = {gy}
        kept.append(char)
    return kept


def _seen_near(columns: dict[int, set[int]], gx: int, gy: int) -> bool:
    """Whether one text's kept grid cells (column -> rows) include one of the nine around (gx, gy)."""
    for x in (gx - 1, gx, gx + 1):
        rows = columns.get(x)
        if rows and (gy in rows or gy - 1 in rows or gy + 1 in rows):
            return True
    return False


def drop_covered_blanks(chars: list[dict]) -> list[dict]:
    """Remove blank characters whose centre lies inside a letter of the same line.

    A space between words sits in the gap the letters leave; one drawn over a letter is
    another run's padding (a line of the left column padded with spaces up to the right
    one, a signature's text layer) and shows nothing. Left in, it ends the word it falls
    into. Letters are bucketed by their rounded top, each bucket sorted by x0, so a blank
    costs a few look-ups.
    """
    if all(c["text"].strip() for c in chars):
        return chars
    rows: dict[int, list[tuple[float, float]]] = {}
    for c in chars:
        if c["text"].strip():
            rows.setdefault(round(c["top"]), []).append((c["x0"], c["x1"]))
    for row in rows.values():
        row.sort()
    starts = {key: [x0 for x0, _ in row] for key, row in rows.items()}
    ends = {key: [x1 for _, x1 in row] for key, row in rows.items()}
    return [c for c in chars if c["text"].strip() or not _over_a_letter(c, starts, ends)]


def _over_a_letter(blank: dict, starts: dict[int, list[float]], ends: dict[int, list[float]]) -> bool:
    centre = (blank["x0"] + blank["x1"]) / 2
    top = round(blank["top"])
    for key in range(top - LINE_REACH, top + LINE_REACH + 1):
        row = starts.get(key)
        if not row:
            continue
        i = bisect_right(row, centre - INSIDE_MARGIN)  # letters starting left of the centre
        # the last two of them: letters of one line barely overlap, so no earlier one reaches further
        if any(ends[key][j] - INSIDE_MARGIN > centre for j in range(max(0, i - 2), i)):
            return True
    return False


def _mark_of(text: str) -> str | None:
    """The combining form of a lone tone/vowel mark character, else None."""
    if len(text) != 1:
        return None
    if unicodedata.combining(text):
        return text
    return SPACING_MARKS.get(text)


def _base_for(mark: dict, chars: list[dict]) -> dict | None:
    """The letter a detached mark belongs to: the one under it, else the nearest to its left."""
    centre_x = (mark["x0"] + mark["x1"]) / 2
    centre_y = (mark["top"] + mark["bottom"]) / 2
    reach = MARK_REACH * mark.get("size", 10.0)
    same_line = [c for c in chars if abs((c["top"] + c["bottom"]) / 2 - centre_y) < reach and c["text"].isalpha()]
    # Strictly inside a letter; a mark on the boundary follows the letter before it,
    # as a combining mark follows its base in the text.
    under = [c for c in same_line if c["x0"] + 0.5 < centre_x < c["x1"] - 0.5]
    if under:
        return min(under, key=lambda c: abs((c["x0"] + c["x1"]) / 2 - centre_x))
    left = [c for c in same_line if c["x1"] <= centre_x and centre_x - c["x1"] <= reach]
    return max(left, key=lambda c: c["x1"]) if left else None


def attach_marks(chars: list[dict]) -> list[dict]:
    """Put tone marks drawn as separate glyphs back on their letters ("ĐIỀ U" -> "ĐIỀU").

    Some producers draw a syllable's tone mark as its own glyph, beside or over
    the letter; text extraction then splits the word at the mark. The mark is
    merged into its letter (NFC), and the letter's box widened to cover it so
    no gap is left where the mark stood.
    """
    if not any(map(_mark_of, {c["text"] for c in chars})):  # each distinct text asked once
        return chars
    letters = [dict(c) for c in chars if not _mark_of(c["text"])]
    for mark in (c for c in chars if _mark_of(c["text"])):
        base = _base_for(mark, letters)
        if base is not None:
            base["text"] = unicodedata.normalize("NFC", base["text"] + _mark_of(mark["text"]))
            base["x1"] = max(base["x1"], mark["x1"])
    return letters


def unmapped_share(chars: list[dict]) -> float:
    """The share of a page's characters that are glyphs without a Unicode mapping."""
    if not chars:
        return 0.0
    counts = Counter(c["text"] for c in chars)  # a page has thousands of characters, a few dozen texts
    return sum(n for text, n in counts.items() if _UNMAPPED.fullmatch(text) or "\ufffd" in text) / len(chars)
