"""OCR of PDF pages: render, level, find ruling lines, read with Tesseract, turn only if needed.

Pages are read in parallel, one Tesseract process per core, each with one thread;
each worker renders its own page with pypdfium2 (under a lock: pdfium is not
thread-safe), so no page waits for the others to be rendered, and only the pages
being read are in memory. Per page (`read_image`): levelled (`ocr_image`),
ruling lines found and erased (`ocr_tables`), read by the ``tesseract`` binary
with Vietnamese data (TSV: words, boxes, confidences; `ocr_tsv`) fed through a
pipe (no image file is written), then the segments Tesseract was unsure of and
the ink it skipped read again on one strip (`ocr_second`), and bold judged from
stroke width. Orientation detection runs only on a page whose first reading
looks like a turned page's (`looks_unread`). `pages.with_ocr` turns the result
into a page like any other.
"""
from __future__ import annotations

import functools
import os
import statistics
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.data.progress import page_done
from pipeline.errors import ExtractError
from pipeline.data.messages import message
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
# A first reading whose words average under this confidence (0-100), or with fewer words
# than MIN_UPRIGHT_WORDS, may be of a page fed sideways or upside down: only then is
# Tesseract's orientation detection asked (it costs as much as half a reading). An
# upright page of the scanned corpus averages 90-96; a turned one under 50 or no word.
TURNED_BELOW = 70.0
# Words read under this confidence (0-100) are handed on by page, for the header fields that
# hold them to be warned (`normalize.ocr_fields.FIELD_CONFIDENCE` decides; this only bounds the list).
UNSURE_WORD = 93.0
# Tones corrected from the neighbouring syllables (`ocr_correct`); off only to measure what it changes.
CORRECT_TONES = True
# The corrections named in the warning (the count names them all).
MAX_LISTED_CORRECTIONS = 30
MIN_UPRIGHT_WORDS = 5
# Render resolution. On the scanned corpus built at 300 dpi, pages rendered at 200 dpi read as
# well (task content 99.83% of characters and 99.22% of words, against 99.73% and 99.39% at 300;
# the same tasks, agencies and header fields) for 28% less CPU (Tesseract's page layout and the
# image steps scale with the pixels): docs/ocr.md.
DPI = 200.0
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
# Resolution of the quick look that finds blank pages before any OCR (dpi). At 24 dpi the thin
# print of a light scan (archive 023) blurs to grey: 0.02% of its pixels under INK_LEVEL, so it
# was taken for a blank page; at 48 dpi 1.1% (a typed page 6%, a blank one 0).
INK_CHECK_DPI = 48
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
    unsure: tuple[tuple[str, float], ...] = ()  # the words read under UNSURE_WORD, with their confidence
    corrections: tuple = ()  # `correct.Correction`s: the tones the neighbouring syllables corrected

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


class PageImages:
    """A PDF's pages rendered one at a time, in memory, as grey images (numpy arrays).

    The grey is the red channel: an office's seal is red, and in red light it
    vanishes into the paper while black print stays black, so the words under a
    seal are read as if it were not there. pdfium is not thread-safe: the workers
    that read pages in parallel take turns here, each for its own page.
    """

    def __init__(self, path: Path) -> None:
        import pypdfium2

        self._pdf = pypdfium2.PdfDocument(path)
        self._lock = threading.Lock()

    def render(self, number: int) -> tuple[object, float]:
        """Page `number` (1-based) as a grey image, and the resolution (dpi) it was rendered at."""
        import numpy
        import pypdfium2

        with self._lock:
            try:
                page = self._pdf[number - 1]
                width, height = page.get_size()
                dpi = min(DPI, MAX_RENDER_PIXELS * 72.0 / max(width, height, 1.0))
                bitmap = page.render(scale=dpi / 72.0, draw_annots=True, rev_byteorder=True)
                gray = numpy.ascontiguousarray(bitmap.to_numpy()[:, :, 0])  # RGB: channel 0 is red
                page.close()
            except pypdfium2.PdfiumError as exc:
                raise ExtractError(message("error.ocr_render", detail=exc)) from None
        return gray, dpi

    def close(self) -> None:
        self._pdf.close()


def has_ink(gray) -> bool:
    """Whether a page image holds anything to read (a blank page is not sent to Tesseract)."""
    return float((gray < INK_LEVEL).mean()) >= MIN_INK_SHARE


@dataclass(frozen=True)
class _Reading:
    """One page image levelled, its rules found and erased, and its first Tesseract reading."""

    cleaned: object
    rules: object
    found: list[TsvWord]


def _first_reading(gray, number: int, dpi: float) -> _Reading:
    from pipeline.extract.ocr.image import level
    from pipeline.extract.ocr.tables import erase_rules, find_rules

    gray = level(gray)
    rules = find_rules(gray, dpi)
    cleaned = erase_rules(gray, rules)
    return _Reading(cleaned, rules, parse_tsv(run_tesseract(cleaned, number)))


def looks_unread(found: list[TsvWord]) -> bool:
    """Whether a first reading looks like that of a turned page: few words, or words unsure on average."""
    return len(found) < MIN_UPRIGHT_WORDS or statistics.fmean(w.conf for w in found) < TURNED_BELOW


def _upright_reading(gray, number: int, dpi: float) -> _Reading:
    """The first reading, of the page as rendered, or of it turned when it read like a turned page
    and Tesseract's orientation detection says by how much (the surer reading of the two is kept)."""
    from pipeline.extract.ocr.image import orientation, turn

    reading = _first_reading(gray, number, dpi)
    if not looks_unread(reading.found):
        return reading
    degrees = orientation(_pgm(gray), TESSERACT, _ENV)
    if not degrees:
        return reading
    turned = _first_reading(turn(gray, degrees), number, dpi)
    return turned if _sureness(turned.found) > _sureness(reading.found) else reading


def _sureness(found: list[TsvWord]) -> float:
    return sum(w.conf for w in found)


def read_image(gray, number: int, dpi: float) -> OcrPage:
    """One page image made upright and level, its ruling lines found and erased, then read."""
    from pipeline.extract.ocr.correct import correct_words
    from pipeline.extract.ocr.second import read_again

    reading = _upright_reading(gray, number, dpi)
    height, width = (side * 72.0 / dpi for side in reading.cleaned.shape[:2])
    strip_reader = lambda strip: parse_tsv(_tesseract_tsv(strip, number, STRIP_SEGMENTATION))  # noqa: E731
    found = read_again(reading.cleaned, reading.found, strip_reader)
    found, corrections = correct_words(found) if CORRECT_TONES else (found, [])
    found = with_weight(reading.cleaned, found)
    return OcrPage(number, to_layout_words(found, number, dpi), reading.rules.edges,
                   tuple(w.conf for w in found), width, height,
                   tuple((w.text, w.conf) for w in found if w.conf < UNSURE_WORD), tuple(corrections))


def with_weight(gray, words: list[TsvWord]) -> list[TsvWord]:
    """The words with `bold` set from their stroke width: a scan has no font names."""
    from pipeline.extract.ocr.image import bold_flags, stroke_widths

    widths = stroke_widths(gray, [(w.left, w.top, w.width, w.height) for w in words])
    flags = bold_flags(widths, [sum(ch.isalnum() for ch in w.text) for w in words], [w.line for w in words])
    return [replace(w, bold=flag) for w, flag in zip(words, flags)]


def _pgm(gray) -> bytes:
    """The image as PGM bytes: no compression to pay for, and leptonica reads it from a pipe."""
    import cv2

    return cv2.imencode(".pgm", gray)[1].tobytes()


def run_tesseract(gray, number: int) -> str:
    """Tesseract's TSV for one image, with the fallback segmentation when the first finds no word."""
    tsv = _tesseract_tsv(gray, number, PAGE_SEGMENTATION)
    if not parse_tsv(tsv):
        tsv = _tesseract_tsv(gray, number, FALLBACK_SEGMENTATION)
    return tsv


def _tesseract_tsv(gray, number: int, segmentation: str) -> str:
    """One Tesseract run on an image handed through its standard input (one thread: see `_ENV`)."""
    command = [TESSERACT, "stdin", "stdout", "-l", LANGUAGE, "--psm", segmentation, "tsv"]
    try:
        done = subprocess.run(command, input=_pgm(gray), capture_output=True, timeout=PAGE_TIMEOUT, env=_ENV)
    except subprocess.TimeoutExpired:
        raise ExtractError(message("error.ocr_timeout", page=number, seconds=f"{PAGE_TIMEOUT:g}")) from None
    except OSError:
        raise ExtractError(tesseract_missing()) from None
    if done.returncode != 0:
        detail = (done.stderr.decode("utf-8", "replace").strip().splitlines() or [message("error.no_detail")])[-1][:80]
        raise ExtractError(message("error.ocr_failed", page=number, detail=detail))
    return done.stdout.decode("utf-8", "replace")


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


def _with_number(rendered: tuple[object, float], number: int) -> tuple[object, int, float]:
    return rendered[0], number, rendered[1]


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
    images = PageImages(path)
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            pages = []
            for page in pool.map(lambda n: read_image(*_with_number(images.render(n), n)), numbers):
                pages.append(page)
                page_done(len(pages), len(numbers))  # a long scan takes minutes: say how far it is
    finally:
        images.close()
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


def corrections_warning(result: OcrResult) -> PlanWarning | None:
    """The words whose tone the neighbouring syllables corrected, each with what OCR read."""
    made = [(n, c) for n, page in sorted(result.pages.items()) for c in page.corrections]
    if not made:
        return None
    shown = "; ".join(f"{c.read} -> {c.written} (p. {n})" for n, c in made[:MAX_LISTED_CORRECTIONS])
    return PlanWarning("ocr_words_corrected", message("warning.ocr_words_corrected", count=len(made),
                       listed=shown + (" ..." if len(made) > MAX_LISTED_CORRECTIONS else "")), "/source")


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
