"""PDF → IR with pdfplumber: the file opened and guarded, each page read (`page`), pages
without a usable text layer handed to OCR (`ocr.pages`), running lines dropped and the pages
joined into blocks (`pages`). Tables stay per page; joining them across pages is structure's job.
"""
from __future__ import annotations

import logging
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psparser import PSEOF, PSException
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.data.messages import message
from pipeline.errors import ExtractError
from pipeline.extract.layout import Word
from pipeline.extract.pdf import guards as pdf_guards
from pipeline.extract.pdf import repair as pdf_repair
from pipeline.extract.pdf.annots import annotation_subtypes, pages_with_stamps, stamped_words
from pipeline.extract.pdf.page import read_page
from pipeline.extract.pdf.pages import PageContent, drop_running_lines, join_pages, page_blocks
from pipeline.ir import Extracted
from pipeline.extract.page_choice import language_warning, page_text
from pipeline.warnings import PlanWarning, listed

# ...above this on a page, warn that the page was read only in part.
PAGE_UNMAPPED_WARNING = 0.02
# More pages than this is not a plan; refuse rather than run for minutes.
MAX_PAGES = 2000


def _read_and_close(page: pdfplumber.page.Page, number: int, stamped: list[Word] | None) -> PageContent:
    """Read a page, then free pdfplumber's parsed objects: memory stays flat as pages grow."""
    pdf_guards.reading_page(number)
    try:
        content = read_page(page, number, stamped)
        if page.rotation and not pdf_repair.reads_left_to_right(page.chars):
            page.close()
            page = pdf_repair.unturned(page)
            content = read_page(page, number, stamped)
        return content
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
        return ExtractError(message("error.pdf_password"))
    if isinstance(cause, PDFEncryptionError):
        return ExtractError(message("error.pdf_encrypted"))
    # pdfminer's own words ("unsupported operand type(s) for %: 'PSLiteral' and 'int'") describe its
    # state, not the file: they go to the debug log (-v) only.
    logging.getLogger(__name__).debug("PDF refused: %s: %s", type(cause).__name__, " ".join(str(cause).split())[:200])
    if isinstance(cause, PSEOF):
        return ExtractError(message("error.pdf_truncated"))
    return ExtractError(message("error.corrupt_pdf"))


def _open(path: Path) -> pdfplumber.PDF:
    with path.open("rb") as fh:
        data_head = fh.read(1024)
    if not data_head:
        raise ExtractError(message("error.empty"))
    if b"%PDF-" not in data_head:
        raise ExtractError(message("error.pdf_no_header"))
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
    pdf_repair.install()
    pdf_guards.take_capped_maps(), pdf_repair.take_repaired()  # forget what an earlier file left
    with _open(path) as pdf:
        try:
            count = len(pdf.pages)
            if count > MAX_PAGES:
                raise ExtractError(message("error.too_many_pages", count=count, limit=MAX_PAGES))
            subtypes = {i + 1: annotation_subtypes(p.page_obj.attrs) for i, p in enumerate(pdf.pages)}
            stamps = stamped_words(path, pages_with_stamps(subtypes))
            pages = [_read_and_close(page, i + 1, stamps.get(i + 1)) for i, page in enumerate(pdf.pages)]
        except (PdfminerException, PSException) as exc:
            raise _pdf_error(exc) from None
    from pipeline.extract.ocr.pages import with_ocr  # OCR's own modules load only for pages that need them
    pages, ocr_warnings, unsure = with_ocr(path, pages, ocr)
    language = language_warning([page_text(p) for p in pages])
    ocr_warnings += (language,) if language else ()
    pages = drop_running_lines(pages)
    blocks = join_pages([page_blocks(p) for p in pages])
    return Extracted(blocks=tuple(blocks), pages=count,
                     warnings=(*page_warnings(pages), *capped_map_warnings(pdf_guards.take_capped_maps()),
                               *repaired_warnings(pdf_repair.take_repaired()), *ocr_warnings),
                     ocr_unsure=unsure)


def repaired_warnings(repaired: list[tuple[int, str]]) -> tuple[PlanWarning, ...]:
    """Pages whose /Rotate or boxes could not be read: read with pdfminer's defaults, one warning a page."""
    by_page: dict[int, list[str]] = {}
    for number, name in repaired:
        by_page.setdefault(number, []).append(f"/{name}")
    return tuple(PlanWarning("page_attribute_unreadable",
                             message("warning.page_attribute_unreadable", page=number, names=", ".join(names)),
                             "/source") for number, names in sorted(by_page.items()))


def capped_map_warnings(pages: list[int]) -> tuple[PlanWarning, ...]:
    """Fonts whose Unicode map defined more codes than a font has: read up to the cap (`pdf_guards`)."""
    if not pages:
        return ()
    return (PlanWarning("font_map_capped", message("warning.font_map_capped", cap=f"{pdf_guards.MAX_MAP_CODES:,}",
                                                   pages=listed(pages)), "/source"),)


def page_warnings(pages: list[PageContent]) -> tuple[PlanWarning, ...]:
    """Pages read only in part: scanned pages skipped, pages with unmapped glyphs. Never silent."""
    warnings = []
    empty = [p.number for p in pages if not p.char_count]
    if empty:
        warnings.append(PlanWarning("pages_without_text",
                         message("warning.pages_without_text", count=len(empty), total=len(pages), pages=listed(empty)),
                         "/source"))
    garbled = [p.number for p in pages if p.unmapped > PAGE_UNMAPPED_WARNING]
    if garbled:
        warnings.append(PlanWarning("text_partly_unreadable",
                         message("warning.text_partly_unreadable", count=len(garbled), pages=listed(garbled)), "/source"))
    return tuple(warnings)
