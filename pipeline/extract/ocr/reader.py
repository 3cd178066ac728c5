"""OCR of PDF pages: render, make upright and level, find ruling lines, read with Tesseract.

Pages are rendered with pypdfium2 (one after the other: pdfium is not
thread-safe) and read in parallel, one Tesseract process per core, each with
one thread. Per page (`read_image`): turned upright and levelled (`ocr_image`),
ruling lines found and erased (`ocr_tables`), read by the ``tesseract`` binary
with Vietnamese data (TSV: words, boxes, confidences; `ocr_tsv`), then the
segments Tesseract was unsure of and the ink it skipped read again on a strip
(`ocr_missed`), and bold judged from stroke width. `pdf.with_ocr` turns the
result into a page like any other.
"""
from __future__ import annotations

import functools
import os
import statistics
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.i18n import message
from pipeline.errors import ExtractError
from pipeline.tempfiles import temp_folder
from pipeline.extract.ocr.tsv import (  # noqa: F401  (re-exported: the OCR API in one place)
    TsvWord,
    _lines,
    _typical_height,
    drop_noise,
    estimate_skew,
    parse_tsv,
    to_layout_words,
    tsv_to_words,
)
from pipeline.extract.layout import Word
from pipeline.extract.page_choice import REQUESTED, reason_text
from pipeline.warnings import PlanWarning, listed

TESSERACT = "tesseract"
LANGUAGE = "vie"
# Page segmentation 3: fully automatic, the layout of a typical letter page...
PAGE_SEGMENTATION = "3"
# ...and 11 (sparse text) when that finds nothing: Tesseract 5 calls some ruled table pages
# at 300 dpi an "Empty page!!" under 3, yet reads them cell by cell under 11.
FALLBACK_SEGMENTATION = "11"
# Segmentation 6 (one uniform block of text) for the strip of missed words, one per line.
STRIP_SEGMENTATION = "6"
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
# Render resolution: Tesseract reads body text best at about 300 dpi.
DPI = 300.0
# ...but never a bitmap longer than this (pixels): a poster-sized page would eat memory.
MAX_RENDER_PIXELS = 7000
# One page that takes longer than this (seconds) is a pathological image.
PAGE_TIMEOUT = 120.0
# A page whose words average under this confidence (0-100) is named in a warning.
LOW_PAGE_CONFIDENCE = 75.0
# A rendered pixel darker than this (0-255) is ink...
INK_LEVEL = 128
# ...and a page with less than this share of ink pixels is blank.
MIN_INK_SHARE = 0.0005
# Resolution of the quick look that finds blank pages before any OCR (dpi).
INK_CHECK_DPI = 24
# One thread per Tesseract process: pages run in parallel instead, which is four
# times faster than Tesseract's own OpenMP threads on a small machine.
_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}

INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie"


def tesseract_missing() -> str:
    """Why OCR cannot run here, with the command that installs it."""
    return message("error.tesseract_missing", install=INSTALL)


@dataclass(frozen=True)
class OcrPage:
    """One page read from its image: words and ruling lines in PDF points of the
    upright page (`width` x `height`), and the confidence of each word kept."""

    number: int
    words: list[Word]
    rules: list[dict]
    confidences: tuple[float, ...]
    width: float
    height: float

    @property
    def confidence(self) -> float:
        return statistics.fmean(self.confidences) if self.confidences else 0.0


@dataclass(frozen=True)
class OcrResult:
    """The pages read by OCR, by page number."""

    pages: dict[int, OcrPage]

    @property
    def confidence(self) -> float:
        """The mean confidence over every word kept on every page."""
        every = [c for page in self.pages.values() for c in page.confidences]
        return statistics.fmean(every) if every else 0.0


@functools.cache
def tesseract_ready() -> bool:
    """Whether the tesseract binary runs and lists the Vietnamese language data."""
    try:
        done = subprocess.run([TESSERACT, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and LANGUAGE in done.stdout.split()


def render_pages(path: Path, numbers: list[int], folder: Path) -> dict[int, tuple[Path, float]]:
    """Render pages (1-based) to grey PNGs; page number → (image, dpi used).

    The grey is the red channel: an office's seal is red, and in red light it
    vanishes into the paper while black print stays black, so the words under a
    seal are read as if it were not there.

    pdfium is not thread-safe, so pages are rendered here, one after the other,
    and read in parallel afterwards.
    """
    import pypdfium2

    images: dict[int, tuple[Path, float]] = {}
    pdf = pypdfium2.PdfDocument(path)
    try:
        for number in numbers:
            page = pdf[number - 1]
            width, height = page.get_size()
            dpi = min(DPI, MAX_RENDER_PIXELS * 72.0 / max(width, height, 1.0))
            image = folder / f"page-{number:04d}.png"
            page.render(scale=dpi / 72.0, draw_annots=True).to_pil().convert("RGB").getchannel("R").save(image)
            page.close()
            images[number] = (image, dpi)
    except pypdfium2.PdfiumError:
        raise ExtractError(message("error.ocr_render")) from None
    finally:
        pdf.close()
    return images


def has_ink(gray) -> bool:
    """Whether a page image holds anything to read (a blank page is not sent to Tesseract)."""
    return float((gray < INK_LEVEL).mean()) >= MIN_INK_SHARE


def read_image(image: Path, number: int, dpi: float) -> OcrPage:
    """One page image made upright and level, its ruling lines found and erased, then read."""
    import cv2

    from pipeline.extract.ocr.image import level, orientation, turn
    from pipeline.extract.ocr.tables import erase_rules, find_rules

    gray = cv2.imread(str(image), cv2.IMREAD_GRAYSCALE)
    gray = level(turn(gray, orientation(image, TESSERACT, _ENV)))
    height, width = (side * 72.0 / dpi for side in gray.shape[:2])
    rules = find_rules(gray, dpi)
    cleaned = erase_rules(gray, rules)
    cv2.imwrite(str(image), cleaned)
    found = reread_unsure(cleaned, parse_tsv(run_tesseract(image, number)), image, number)
    found += read_missed(cleaned, found, image, number)
    found = with_weight(cleaned, found)
    return OcrPage(number, to_layout_words(found, number, dpi), rules.edges,
                   tuple(w.conf for w in found), width, height)


def with_weight(gray, words: list[TsvWord]) -> list[TsvWord]:
    """The words with `bold` set from their stroke width: a scan has no font names."""
    from pipeline.extract.ocr.image import bold_flags, stroke_widths

    widths = stroke_widths(gray, [(w.left, w.top, w.width, w.height) for w in words])
    flags = bold_flags(widths, [sum(ch.isalnum() for ch in w.text) for w in words], [w.line for w in words])
    return [replace(w, bold=flag) for w, flag in zip(words, flags)]


def _read_strip(gray, boxes: list, text_height: float, image: Path, number: int, name: str) -> list[TsvWord]:
    """Tesseract on the boxes copied one under the other (`ocr_missed`), words placed back."""
    import cv2

    from pipeline.extract.ocr.missed import make_strip, place_back

    strip = make_strip(gray, boxes, text_height)
    path = image.with_name(f"{image.stem}-{name}.png")
    cv2.imwrite(str(path), strip.image)
    return place_back(parse_tsv(_tesseract_tsv(path, number, STRIP_SEGMENTATION)), boxes, strip)


def _segments(found: list[TsvWord], gap: float) -> list[list[TsvWord]]:
    """Tesseract's lines cut where words stand far apart: the two columns of a header or of
    "Nơi nhận" beside the signature share a Tesseract line but not a segment."""
    segments = []
    for words in _lines(found).values():
        words = sorted(words, key=lambda w: w.left)
        segments.append([words[0]])
        for prev, word in zip(words, words[1:]):
            if word.left - (prev.left + prev.width) > gap:
                segments.append([])
            segments[-1].append(word)
    return segments


def reread_unsure(gray, found: list[TsvWord], image: Path, number: int) -> list[TsvWord]:
    """Line segments with a word Tesseract was unsure of, read again on their own.

    In the page's layout a name under a seal is read worse than alone ("Tuân" at 69%
    on the page, "Tuấn" at 96% on its own). Each such segment is cut out, read on a
    strip, and its new words replace the old when surer on average.
    """
    from pipeline.extract.ocr.missed import Blob

    if not found:
        return found
    text_height = _typical_height(found)
    segments = _segments(found, SEGMENT_GAP * text_height)
    unsure = [i for i, ws in enumerate(segments) if min(w.conf for w in ws) < REREAD_BELOW][:MAX_REREAD_LINES]
    if not unsure:
        return found
    pad = round(REREAD_PADDING * text_height)
    boxes = []
    for i in unsure:
        ws = segments[i]
        left, top = max(0, min(w.left for w in ws) - pad), max(0, min(w.top for w in ws) - pad)
        right = min(gray.shape[1], max(w.left + w.width for w in ws) + pad)
        bottom = min(gray.shape[0], max(w.top + w.height for w in ws) + pad)
        boxes.append(Blob(left, top, right - left, bottom - top))
    again: dict[int, list[TsvWord]] = {}
    for word in _read_strip(gray, boxes, text_height, image, number, "unsure"):
        again.setdefault(word.line[0] - 10_000, []).append(word)
    for index, i in enumerate(unsure):
        old, read = segments[i], again.get(index, [])
        new = _within_segment(read, old)
        # Judged on the whole second reading, words from the white cut around the segment
        # included: how surely Tesseract read the strip, as before those words were dropped.
        before = statistics.fmean(w.conf for w in old)
        after = statistics.fmean(w.conf for w in read) if read else 0.0
        if new and after >= max(before, REREAD_ACCEPT) and _keeps_sure_words(new, old):
            segments[i] = [replace(w, line=old[0].line) for w in new]
        elif max(before, after) < UNREAD_NOISE_BELOW:
            segments[i] = []  # unsure on the page and alone: a seal's or a scribble's ink, not text
    return [w for ws in segments for w in ws]


def _within_segment(new: list[TsvWord], old: list[TsvWord]) -> list[TsvWord]:
    """The words of a second reading whose middle lies within the box of the first reading's
    words: the white cut around a segment may hold the tops or tails of the next line's
    letters ("sành" from the "hành" under a type line) or the end of a word in the next
    table cell, read as words that have no place in this segment."""
    top, bottom = min(w.top for w in old), max(w.top + w.height for w in old)
    left, right = min(w.left for w in old), max(w.left + w.width for w in old)
    return [w for w in new if top <= w.top + w.height / 2 <= bottom and left <= w.cx <= right]


def _keeps_sure_words(new: list[TsvWord], old: list[TsvWord]) -> bool:
    """Whether the second reading still has a word over each word the first read surely:
    a reading surer on average may have lost part of the line ("2026 - 2030, chuẩn bị cho"
    read again as "2026 cho")."""
    return all(any(n.left < o.left + o.width and o.left < n.left + n.width for n in new)
               for o in old if o.conf >= REREAD_BELOW)


def read_missed(gray, found: list[TsvWord], image: Path, number: int) -> list[TsvWord]:
    """The words in ink the page layout skipped (see `ocr_missed`), read from one strip."""
    from pipeline.extract.ocr.missed import find_blobs, ink_level, uncovered

    if not found:
        return []
    text_height = _typical_height(found)
    rest = uncovered(gray, [(w.left, w.top, w.width, w.height) for w in found])
    blobs = find_blobs(rest, text_height, ink_level(gray))
    if not blobs:
        return []
    return _read_strip(rest, blobs, text_height, image, number, "missed")


def run_tesseract(image: Path, number: int) -> str:
    """Tesseract's TSV for one image, with the fallback segmentation when the first finds no word."""
    tsv = _tesseract_tsv(image, number, PAGE_SEGMENTATION)
    if not parse_tsv(tsv):
        tsv = _tesseract_tsv(image, number, FALLBACK_SEGMENTATION)
    return tsv


def _tesseract_tsv(image: Path, number: int, segmentation: str) -> str:
    """One Tesseract run (one thread: see `_ENV`)."""
    command = [TESSERACT, str(image), "stdout", "-l", LANGUAGE, "--psm", segmentation, "tsv"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=PAGE_TIMEOUT, env=_ENV)
    except subprocess.TimeoutExpired:
        raise ExtractError(message("error.ocr_timeout", page=number, seconds=f"{PAGE_TIMEOUT:g}")) from None
    except OSError:
        raise ExtractError(tesseract_missing()) from None
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or [message("error.no_detail")])[-1][:80]
        raise ExtractError(message("error.ocr_failed", page=number, detail=detail))
    return done.stdout


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def inked_pages(path: Path, numbers: list[int]) -> list[int]:
    """The pages with anything on them, from a coarse rendering (blank pages are not OCR'd)."""
    import numpy
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    try:
        return [n for n in numbers
                if has_ink(numpy.asarray(pdf[n - 1].render(scale=INK_CHECK_DPI / 72.0, grayscale=True).to_pil().convert("L")))]
    except pypdfium2.PdfiumError:
        raise ExtractError(message("error.ocr_render")) from None
    finally:
        pdf.close()


def ocr_pages(path: Path, numbers: list[int], jobs: int | None = None) -> OcrResult:
    """OCR the given pages of a PDF that have ink, `jobs` pages at a time (default: one per core).

    Raises ExtractError when Tesseract is missing, or a page fails or times out.
    """
    if not tesseract_ready():
        raise ExtractError(tesseract_missing())
    # No page count is refused: a long scan is read, within the per-file CPU, memory and
    # wall-time limits (pipeline.limits) that bound every conversion.
    numbers = inked_pages(path, numbers)
    if not numbers:
        return OcrResult({})
    workers = max(1, min(jobs or _workers(), len(numbers)))
    with temp_folder("ocr") as folder:  # named for this process: swept if it is killed (pipeline.tempfiles)
        images = render_pages(path, numbers, folder)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            pages = list(pool.map(lambda n: read_image(images[n][0], n, images[n][1]), numbers))
    return OcrResult({p.number: p for p in pages})


def ocr_warning(result: OcrResult, reasons: dict[int, str]) -> PlanWarning:
    """The warning that says which pages were read by OCR, why, and how surely."""
    read = [n for n, page in sorted(result.pages.items()) if page.words]
    why: dict[str, list[int]] = {}
    for number in read:
        why.setdefault(reason_text(reasons.get(number, REQUESTED)), []).append(number)
    by_reason = "; ".join(f"{reason}: {listed(pages)}" for reason, pages in why.items())
    return PlanWarning("ocr_used", message("warning.ocr_used", pages=len(read), reasons=by_reason,
                                           confidence=f"{result.confidence:.0f}"), "/source")


def low_confidence_warning(result: OcrResult) -> PlanWarning | None:
    """Pages whose words Tesseract was unsure of on the whole: each to be checked by eye."""
    low = [(n, p.confidence) for n, p in sorted(result.pages.items()) if p.words and p.confidence < LOW_PAGE_CONFIDENCE]
    if not low:
        return None
    return PlanWarning("ocr_low_confidence", message(
        "warning.ocr_low_confidence", pages=", ".join(f"{n} ({c:.0f}%)" for n, c in low[:20]),
        threshold=f"{LOW_PAGE_CONFIDENCE:.0f}"), "/source")


def ocr_unavailable_warning(wanted: dict[int, str], missing: str | None = None) -> PlanWarning:
    """Pages that needed OCR, read from their text layer (or skipped) because OCR cannot run
    here (`missing`: Tesseract, or the [ocr] extra, is not installed)."""
    reasons = ", ".join(sorted({reason_text(r) for r in wanted.values()}))
    return PlanWarning("ocr_unavailable", message("warning.ocr_unavailable", count=len(wanted), pages=listed(sorted(wanted)),
                                                  reasons=reasons, missing=missing or tesseract_missing()), "/source")
