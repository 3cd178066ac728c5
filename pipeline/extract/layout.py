"""Page layout from positioned words: lines, side-by-side bands, paragraphs.

Pure functions over `Word` values, so they are testable without a PDF. The PDF
extractor feeds them the words pdfplumber finds; the result is IR paragraphs
and borderless tables, the same shapes the DOCX extractor produces.

Coordinates are PDF points with ``top`` growing downwards (pdfplumber's).
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.data import load_yaml
from pipeline.ir import Cell, Paragraph, Place, Row, Table, union_places
from pipeline.text import is_upper, join_wrapped

# Words whose vertical centres are this close (as a fraction of the font size) share a line.
LINE_Y_TOLERANCE = 0.45
# A horizontal gap at least this wide (points) inside one line may start a side-by-side band.
BAND_START_GAP = 18.0
# The free strip between the two columns of a band must stay at least this wide.
BAND_MIN_GUTTER = 8.0
# A band ends at a vertical gap larger than this many line heights...
BAND_MAX_VGAP = 1.8
# Lines above a band's first split line join it only when this close (line heights).
BAND_MAX_VGAP_ABOVE = 1.0
# ...except before a right-hand line: the signer's name sits below the signature space.
BAND_MAX_VGAP_RIGHT = 9.0
# A line ending this close (points) to the right edge is a full line of a justified paragraph.
FULL_LINE_SLACK = 3.0
# A line of fewer words does not set the edges of the running text: a page number in the
# corner, or on a scan a stamp's fragment ("TH") that Tesseract reads in the margin.
MIN_EDGE_LINE_WORDS = 3
# A line centred on the page within this fraction of the text width is a title, not a column line.
PAGE_CENTRE_FRACTION = 0.04
# A line indented by more than this fraction of the font size starts a paragraph.
INDENT_FRACTION = 0.6
# A vertical gap above a line larger than this fraction of the font size starts a paragraph.
PARAGRAPH_GAP_FRACTION = 0.55
# A line ending this many font sizes short of the right edge ends its paragraph.
SHORT_LINE_FRACTION = 2.0

LIST_MARKER = re.compile(
    r"""^(?:
        [-+•–*]\s            # bullets: "- ", "+ ", "• "
      | [IVXLC]+\.\s         # Roman section numbers: "II. "
      | \d+(?:\.\d+)*\.?\s   # arabic numbers: "1. ", "1.2. ", "3 "
      | [a-zđ]\)\s           # letter items: "a) "
      | (?:ARTICLE_WORDS)\s\d+  # articles of a decision: "Điều 3" (data/document_parts.yaml)
    )""".replace("ARTICLE_WORDS", "|".join(re.escape(w) for w in load_yaml("document_parts.yaml")["article"])),
    re.X,
)
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|,b$", re.I)
_ITALIC_FONT = re.compile(r"italic|oblique|,i$|,bi$", re.I)


# Slots: a page's words and lines are made by the thousand (a fixed size, no __dict__ each).
@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    italic: bool = False
    page: int = 1


@dataclass(frozen=True, slots=True)
class Line:
    """Words on one line. Its measures are computed once, when the line is made: layout asks
    each of them many times per line (paragraph breaks compare every line with the one
    before), and the words never change. Slots keep the many lines of a long plan small."""

    words: tuple[Word, ...]
    x1: float = field(init=False, repr=False, compare=False)
    top: float = field(init=False, repr=False, compare=False)
    bottom: float = field(init=False, repr=False, compare=False)
    size: float = field(init=False, repr=False, compare=False)
    text: str = field(init=False, repr=False, compare=False)
    bold: bool = field(init=False, repr=False, compare=False)
    italic: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words, lettered = self.words, _lettered(self.words)
        for name, value in (("x1", max(w.x1 for w in words)), ("top", min(w.top for w in words)),
                            ("bottom", max(w.bottom for w in words)), ("size", statistics.median(w.size for w in words)),
                            ("text", " ".join(w.text for w in words)), ("bold", all(w.bold for w in lettered)),
                            ("italic", all(w.italic for w in lettered))):
            object.__setattr__(self, name, value)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def page(self) -> int:
        return self.words[0].page


def _lettered(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Words that carry letters: punctuation in a plain font must not unbold a heading."""
    lettered = tuple(w for w in words if any(ch.isalnum() for ch in w.text))
    return lettered or words


# Cached: a document names a handful of fonts, and every word asks of each of its letters'.
@lru_cache(maxsize=1024)
def font_is_bold(fontname: str) -> bool:
    return bool(_BOLD_FONT.search(fontname.split("+")[-1]))


@lru_cache(maxsize=1024)
def font_is_italic(fontname: str) -> bool:
    return bool(_ITALIC_FONT.search(fontname.split("+")[-1]))


def group_lines(words: list[Word]) -> list[Line]:
    """Cluster words into lines by vertical centre, each line sorted left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.top, 1), w.x0)):
        centre = (word.top + word.bottom) / 2
        for line in reversed(lines[-3:]):
            ref = line[0]
            if abs((ref.top + ref.bottom) / 2 - centre) <= LINE_Y_TOLERANCE * max(ref.size, word.size):
                line.append(word)
                break
        else:
            lines.append([word])
    built = [Line(tuple(sorted(ws, key=lambda w: w.x0))) for ws in lines]
    return sorted(built, key=lambda ln: (ln.top, ln.x0))


def _largest_gap(intervals: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The widest free strip between the given x-intervals, or None when they touch."""
    best: tuple[float, float] | None = None
    ordered = sorted(intervals)
    reach = ordered[0][1]
    for x0, x1 in ordered[1:]:
        if x0 > reach and (best is None or x0 - reach > best[1] - best[0]):
            best = (reach, x0)
        reach = max(reach, x1)
    return best


def _narrow_gutter(gutter: tuple[float, float], line: Line) -> tuple[float, float] | None:
    """The part of the gutter this line leaves free, or None when it crosses it."""
    lo, hi = gutter
    for word in line.words:
        if word.x1 <= lo or word.x0 >= hi:
            continue
        if word.x0 - lo >= hi - word.x1:
            hi = min(hi, word.x0)
        else:
            lo = max(lo, word.x1)
        if hi - lo < BAND_MIN_GUTTER:
            return None
    return (lo, hi)


def band_gap(line: Line) -> tuple[float, float] | None:
    gap = _largest_gap([(w.x0, w.x1) for w in line.words])
    if gap and gap[1] - gap[0] >= BAND_START_GAP:
        return gap
    return None


def text_bounds(lines: list[Line]) -> tuple[float, float] | None:
    """Left and right edges of the running text.

    The right edge is the widest end of a single-column line of a few words (the header's
    right column may reach further into the margin, and a short fragment in a corner is no
    text line). The left edge is where the full lines of paragraphs start: among those
    lines that run to the right edge, the leftmost start; a first-line indent is to its
    right, and a layout table set into the margin does not count.
    """
    if not lines:
        return None
    single = [ln for ln in lines if not band_gap(ln)] or lines
    single = [ln for ln in single if len(ln.words) >= MIN_EDGE_LINE_WORDS] or single
    right = max(ln.x1 for ln in single)
    full = [ln.x0 for ln in single if ln.x1 >= right - FULL_LINE_SLACK]
    if full:
        return (min(full), right)
    return (float(Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]), right)


def _side(line: Line, gutter: tuple[float, float]) -> str:
    mid = (gutter[0] + gutter[1]) / 2
    if line.x1 <= mid:
        return "left"
    if line.x0 >= mid:
        return "right"
    return "both"


@dataclass(frozen=True)
class Band:
    """Lines laid out in two side-by-side columns split by a vertical gutter."""

    lines: tuple[Line, ...]
    gutter: tuple[float, float]


def _centred_on_page(line: Line, bounds: tuple[float, float]) -> bool:
    left, right = bounds
    return abs((line.x0 + line.x1) / 2 - (left + right) / 2) < PAGE_CENTRE_FRACTION * (right - left)


def _joins_band(prev: Line, line: Line, gutter: tuple[float, float], bounds: tuple[float, float]) -> bool:
    pitch = max(prev.bottom - prev.top, 1.0)
    limit = BAND_MAX_VGAP_RIGHT if _side(line, gutter) == "right" else BAND_MAX_VGAP
    centred_title = band_gap(line) is None and _centred_on_page(line, bounds)
    return line.top - prev.bottom <= limit * pitch and not centred_title


def _joins_band_above(line: Line, first: Line, gutter: tuple[float, float], bounds: tuple[float, float]) -> bool:
    pitch = max(line.bottom - line.top, 1.0)
    return (
        first.top - line.bottom <= BAND_MAX_VGAP_ABOVE * pitch
        and _side(line, gutter) != "both"
        and not _centred_on_page(line, bounds)
    )


def _wraps_from(above: Line | Band, line: Line, gutter: tuple[float, float]) -> bool:
    """Whether `line` continues a full-width line just above it (a wrapped paragraph)."""
    if not isinstance(above, Line) or _side(above, gutter) != "both":
        return False
    return line.top - above.bottom <= BAND_MAX_VGAP_ABOVE * max(above.bottom - above.top, 1.0)


def find_bands(lines: list[Line], bounds: tuple[float, float] | None = None) -> list[Line | Band]:
    """Split a page's lines into single lines and two-column bands, in reading order.

    A band starts at a line with a wide internal gap (the two header cells, or
    "Nơi nhận" beside the signature) and runs down while each following line
    leaves a common vertical gutter free and stays close to the previous one.
    """
    if not lines:
        return []
    bounds = bounds or (min(ln.x0 for ln in lines), max(ln.x1 for ln in lines))
    out: list[Line | Band] = []
    i = 0
    while i < len(lines):
        gutter = band_gap(lines[i])
        if gutter is None:
            out.append(lines[i])
            i += 1
            continue
        members = [lines[i]]
        j = i + 1
        while j < len(lines):
            if not _joins_band(lines[j - 1], lines[j], gutter, bounds):
                break
            narrowed = _narrow_gutter(gutter, lines[j])
            if narrowed is None:
                break
            gutter, members = narrowed, members + [lines[j]]
            j += 1
        # Lines tightly above the band that keep to one side belong to it ("Nơi nhận:" set
        # a little higher than the authority line beside it).
        while out and isinstance(out[-1], Line) and _joins_band_above(out[-1], members[0], gutter, bounds):
            if len(out) > 1 and _wraps_from(out[-2], out[-1], gutter):
                break  # the last line of a body paragraph, not a column line
            members.insert(0, out.pop())
        out.append(Band(tuple(members), gutter))
        i = j
    return out


def split_band_line(line: Line, gutter: tuple[float, float]) -> tuple[Line | None, Line | None]:
    mid = (gutter[0] + gutter[1]) / 2
    left = tuple(w for w in line.words if (w.x0 + w.x1) / 2 < mid)
    right = tuple(w for w in line.words if (w.x0 + w.x1) / 2 >= mid)
    return (Line(left) if left else None, Line(right) if right else None)


def band_to_table(band: Band, ragged: bool = True) -> Table:
    """A two-column band as a one-row borderless table, like a DOCX layout table."""
    lefts: list[Line] = []
    rights: list[Line] = []
    for line in band.lines:
        left, right = split_band_line(line, band.gutter)
        if left:
            lefts.append(left)
        if right:
            rights.append(right)
    cells = (
        Cell(paragraphs=tuple(lines_to_paragraphs(lefts, ragged=ragged)), col=0, places=line_places(lefts)),
        Cell(paragraphs=tuple(lines_to_paragraphs(rights, ragged=ragged)), col=1, places=line_places(rights)),
    )
    pages = tuple(sorted({ln.page for ln in band.lines}))
    return Table(rows=(Row(cells=cells, pages=pages),), n_cols=2, bordered=False, pages=pages)


def line_places(lines: list[Line]) -> tuple[Place, ...]:
    """The lines' box on each page they stand on (provenance)."""
    return union_places([Place(page=ln.page, bbox=(ln.x0, ln.top, ln.x1, ln.bottom)) for ln in lines])


def _is_centered(line: Line, left: float, right: float) -> bool:
    slack_left, slack_right = line.x0 - left, right - line.x1
    return min(slack_left, slack_right) > 1.5 * line.size and abs(slack_left - slack_right) < max(2 * line.size, 0.1 * (right - left))


def _starts_paragraph(prev: Line, line: Line, left: float, right: float, ragged: bool) -> bool:
    """Whether `line` opens a new paragraph after `prev` (same text block)."""
    size = max(prev.size, line.size)
    if line.top - prev.bottom > PARAGRAPH_GAP_FRACTION * size:
        return True
    if prev.bold != line.bold or abs(prev.size - line.size) > 0.6:
        return True
    if is_upper(prev.text, 2) != is_upper(line.text, 2):
        return True
    if LIST_MARKER.match(line.text) and re.search(r"[.;:]$|\./\.$", prev.text):
        return True
    if ragged:
        return False
    if _is_centered(prev, left, right) or _is_centered(line, left, right):
        return _is_centered(prev, left, right) != _is_centered(line, left, right)
    if line.x0 - left > INDENT_FRACTION * size:
        return True
    return right - prev.x1 > SHORT_LINE_FRACTION * size


def _paragraph(lines: list[Line], left: float, right: float) -> Paragraph:
    text = join_wrapped([ln.text for ln in lines])
    centered = all(_is_centered(ln, left, right) for ln in lines)
    return Paragraph(
        text=text,
        bold=all(ln.bold for ln in lines),
        italic=all(ln.italic for ln in lines),
        align="center" if centered else None,
        pages=tuple(sorted({ln.page for ln in lines})),
        indent=round(lines[0].x0 - left, 1),
        places=line_places(lines),
    )


def lines_to_paragraphs(
    lines: list[Line], ragged: bool = False, bounds: tuple[float, float] | None = None
) -> list[Paragraph]:
    """Join wrapped lines into paragraphs.

    Args:
        lines: the lines of one text block, top to bottom.
        ragged: True for left-aligned text (table cells, layout cells), where a
            short line does not mean the paragraph ended.
        bounds: the block's left and right edges; by default the lines' extent.
    """
    if not lines:
        return []
    left, right = bounds or (min(ln.x0 for ln in lines), max(ln.x1 for ln in lines))
    groups: list[list[Line]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        if _starts_paragraph(prev, line, left, right, ragged):
            groups.append([line])
        else:
            groups[-1].append(line)
    return [_paragraph(g, left, right) for g in groups]
