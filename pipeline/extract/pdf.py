"""PDF → IR with pdfplumber.

Per page: words (with font name and size) from the characters, tables from
ruling lines, running headers/footers and page numbers dropped, the words
outside tables grouped into lines (see `layout`); `pdf_pages` turns the pages into
blocks. Tables stay per page; joining them across pages is structure's job.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pdfplumber
from pdfplumber.utils import extract_words
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.errors import ExtractError
from pipeline.extract.ocr_tables import ImagePage
from pipeline.extract.page_choice import (
    MIN_RUNS_TO_JUDGE,
    MIN_VIETNAMESE_SHARE,
    NO_TEXT,
    PageText,
    document_share,
    pages_to_ocr,
)
from pipeline.extract.pdf_objects import install_page_objects
from pipeline.extract.pdf_rules import column_separators, rule_regions
from pipeline.extract.pdf_chars import attach_marks, drop_overprinted, unmapped_share
from pipeline.extract import pdf_guards
from pipeline.extract.pdf_annots import annotation_subtypes, pages_with_stamps, stamped_words
from pipeline.extract.layout import (
    Word,
    font_is_bold,
    font_is_italic,
    group_lines,
    lines_to_paragraphs,
)
from pipeline.extract.pdf_pages import PageContent, drop_running_lines, is_margin_noise, join_pages, page_blocks
from pipeline.ir import Cell, Extracted, Place, Row, Table
from pipeline.warnings import PlanWarning, listed

if TYPE_CHECKING:
    from pipeline.extract.ocr import OcrPage

# pdfplumber word settings: a small x tolerance keeps a syllable's letters
# together without gluing neighbouring syllables (Vietnamese words are short
# and separated by ordinary spaces).
# Font attributes are read from each word's characters afterwards rather than with
# pdfplumber's extra_attrs, which would split "(Công" where the bracket is upright
# and the word italic.
WORD_SETTINGS = {"x_tolerance": 1.5, "y_tolerance": 3, "keep_blank_chars": False, "return_chars": True}
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3, "intersection_tolerance": 3}
# Above this share of unmapped glyphs the text layer is noise: refuse the file...
MAX_UNMAPPED_SHARE = 0.3
# ...above this on a page, warn that the page was read only in part.
PAGE_UNMAPPED_WARNING = 0.02
# More pages than this is not a plan; refuse rather than run for minutes.
MAX_PAGES = 2000




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
    chars = attach_marks(drop_overprinted(page.chars))
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


def _read_and_close(page: pdfplumber.page.Page, number: int, stamped: list[Word] | None) -> PageContent:
    """Read a page, then free pdfplumber's parsed objects: memory stays flat as pages grow."""
    try:
        return read_page(page, number, stamped)
    finally:
        page.close()


def _pdf_error(exc: Exception) -> Exception:
    """The user-facing reason for an error pdfminer raised; pdfplumber wraps those in
    PdfminerException, so the real one (wrong password, cut-off file, a limit) is its argument."""
    wrapped = isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException)
    cause = exc.args[0] if wrapped else exc
    if isinstance(cause, ExtractError):  # a limit of pdf_guards, raised inside pdfminer
        return cause
    if isinstance(cause, MemoryError):  # unwrapped, so the memory limit is named as such
        return cause
    if isinstance(cause, PDFPasswordIncorrect):
        return ExtractError("encrypted PDF (password required)")
    if isinstance(cause, PDFEncryptionError):
        return ExtractError(f"encrypted PDF ({type(cause).__name__})")
    detail = " ".join(str(cause).split())[:80]
    return ExtractError(f"corrupt or truncated PDF ({type(cause).__name__}{': ' + detail if detail else ''})")


def _open(path: Path) -> pdfplumber.PDF:
    with path.open("rb") as fh:
        data_head = fh.read(1024)
    if not data_head:
        raise ExtractError("file is empty")
    if b"%PDF-" not in data_head:
        raise ExtractError("not a PDF file (no %PDF header)")
    try:
        return pdfplumber.open(path)
    except (PdfminerException, PSException, ValueError, KeyError, TypeError) as exc:
        raise _pdf_error(exc) from None


def extract_pdf(path: Path, ocr: str = "auto") -> Extracted:
    """Read a PDF into the IR. Raises ExtractError for files that cannot be read.

    `ocr` ("auto", "never", "always"; see `page_choice`) says which pages are
    read from their page image by Tesseract instead of their text layer.
    """
    pdf_guards.install()
    with _open(path) as pdf:
        try:
            count = len(pdf.pages)
            if count > MAX_PAGES:
                raise ExtractError(f"too many pages ({count} > {MAX_PAGES})")
            subtypes = {i + 1: annotation_subtypes(p.page_obj.attrs) for i, p in enumerate(pdf.pages)}
            stamps = stamped_words(path, pages_with_stamps(subtypes))
            pages = [_read_and_close(page, i + 1, stamps.get(i + 1)) for i, page in enumerate(pdf.pages)]
        except (PdfminerException, PSException) as exc:
            raise _pdf_error(exc) from None
    pages, ocr_warnings = with_ocr(path, pages, ocr)
    pages = drop_running_lines(pages)
    blocks = join_pages([page_blocks(p) for p in pages])
    return Extracted(blocks=tuple(blocks), pages=count, warnings=page_warnings(pages) + ocr_warnings)


# ---- OCR: the one place the PDF extractor hands pages to `ocr` (see `page_choice`, `ocr_tables`)

def _page_text(page: PageContent) -> PageText:
    cells = [c.text for _, table in page.tables for row in table.rows for c in row.cells]
    return PageText(page.number, page.char_count, page.unmapped, "\n".join([ln.text for ln in page.lines] + cells))


def refuse_unreadable(texts: list[PageText], advice: str) -> None:
    """The one-line refusals of a file whose text layer cannot be read at all (no OCR to help)."""
    chars = sum(p.char_count for p in texts)
    if not chars:
        raise ExtractError(f"no text layer (scanned or image-only PDF){advice}")
    unreadable = sum(p.unmapped * p.char_count for p in texts) / chars
    if unreadable > MAX_UNMAPPED_SHARE:
        raise ExtractError(f"text layer unreadable: {unreadable:.0%} of the glyphs have no Unicode mapping "
                           f"(fonts embedded without one){advice}")
    share, runs = document_share(texts)
    if runs >= MIN_RUNS_TO_JUDGE and share < MIN_VIETNAMESE_SHARE:
        raise ExtractError(f"text layer is not Vietnamese text: {share:.0%} of its words are Vietnamese "
                           f"syllables (fonts embedded with a wrong Unicode map){advice}")


def ocr_page(page: PageContent, read: OcrPage) -> PageContent:
    """A page rebuilt from its image: OCR words and the ruling lines found in the bitmap go
    through `read_page`, so tables, bands and lines come out as from a text layer."""
    content = read_page(ImagePage(read.rules, read.width, read.height), page.number, read.words)
    return replace(content, char_count=sum(len(w.text) for w in read.words), unmapped=0.0)


def with_ocr(path: Path, pages: list[PageContent], mode: str) -> tuple[list[PageContent], tuple[PlanWarning, ...]]:
    """Pages whose text layer cannot be used replaced by their OCR (`mode`: auto, never, always),
    with the `ocr_used` warning; one-line refusals when nothing readable is left."""
    texts = [_page_text(p) for p in pages]
    wanted = pages_to_ocr(texts, mode)
    usable = [t for t in texts if t.number not in wanted]
    if not wanted:
        refuse_unreadable(texts, "; --ocr auto reads it by OCR" if mode == "never" else "")
        return pages, ()
    from pipeline.extract import ocr  # the OCR stack (runner, thread pool) only for a file that needs it
    if not ocr.tesseract_ready():
        if mode == "always" or not sum(t.char_count for t in usable):
            reason = next(iter(wanted.values()))
            raise ExtractError(f"{reason} (scanned or image-only PDF): {ocr.MISSING}" if reason == NO_TEXT
                               else f"{reason}: {ocr.MISSING}")
        return pages, (ocr.ocr_unavailable_warning(wanted),)
    result = ocr.ocr_pages(path, sorted(wanted))
    read = {n: page for n, page in result.pages.items() if page.words}
    if not read and not sum(t.char_count for t in usable):
        raise ExtractError("no text layer (scanned or image-only PDF), and OCR found no text on its pages "
                           "(blank or unreadable scan)")
    pages = [ocr_page(p, read[p.number]) if p.number in read else p for p in pages]
    warnings = (ocr.ocr_warning(result, wanted),) if read else ()
    low = ocr.low_confidence_warning(result)
    return pages, warnings + ((low,) if low else ())


def page_warnings(pages: list[PageContent]) -> tuple[PlanWarning, ...]:
    """Pages read only in part: scanned pages skipped, pages with unmapped glyphs. Never silent."""
    warnings = []
    empty = [p.number for p in pages if not p.char_count]
    if empty:
        warnings.append(PlanWarning("pages_without_text",
                         f"{len(empty)} of {len(pages)} pages have no text layer (scanned?): {listed(empty)}", "/source"))
    garbled = [p.number for p in pages if p.unmapped > PAGE_UNMAPPED_WARNING]
    if garbled:
        warnings.append(PlanWarning("text_partly_unreadable",
                         f"glyphs without a Unicode mapping on {len(garbled)} page(s): {listed(garbled)}", "/source"))
    return tuple(warnings)
