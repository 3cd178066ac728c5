"""Pages of a PDF whose text layer cannot be used, replaced by their OCR: the one place the
PDF reader hands pages to the OCR room (`page_choice` says which pages, `reader` reads them,
`pdf.page.read_page` lays the words and the rules found in the image out as a text layer's)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.data.messages import message
from pipeline.errors import ExtractError
from pipeline.data.extras import missing_line, missing_modules
from pipeline.extract.ocr.tables import ImagePage
from pipeline.extract.page_choice import NO_TEXT, page_text, pages_to_ocr, reason_text, refuse_unreadable
from pipeline.extract.pdf.page import read_page
from pipeline.extract.pdf.pages import PageContent
from pipeline.warnings import PlanWarning

if TYPE_CHECKING:
    from pipeline.extract.ocr.reader import OcrPage


def ocr_page(page: PageContent, read: OcrPage) -> PageContent:
    """A page rebuilt from its image: OCR words and the ruling lines found in the bitmap go
    through `read_page`, so tables, bands and lines come out as from a text layer."""
    content = read_page(ImagePage(read.rules, read.width, read.height), page.number, read.words)
    return replace(content, char_count=sum(len(w.text) for w in read.words), unmapped=0.0)


def ocr_missing(ocr) -> str:  # noqa: ANN001 (the reader module, imported by the caller only when needed)
    """Why OCR cannot run here ("" when it can): the [ocr] extra's libraries first (the
    install's own part), then the Tesseract program with Vietnamese data."""
    if missing_modules("ocr"):
        return missing_line("OCR", "ocr")
    return "" if ocr.tesseract_ready() else ocr.tesseract_missing()


Unsure = tuple[tuple[int, str, float], ...]


def with_ocr(path: Path, pages: list[PageContent], mode: str) -> tuple[list[PageContent], tuple[PlanWarning, ...], Unsure]:
    """Pages whose text layer cannot be used replaced by their OCR (`mode`: auto, never, always),
    with the `ocr_used` warning and the words OCR was unsure of (page, text, confidence);
    one-line refusals when nothing readable is left."""
    texts = [page_text(p) for p in pages]
    wanted = pages_to_ocr(texts, mode)
    usable = [t for t in texts if t.number not in wanted]
    if not wanted:
        refuse_unreadable(texts, message("error.advice_ocr") if mode == "never" else "")
        return pages, (), ()
    from pipeline.extract.ocr import reader as ocr  # the OCR stack (runner, thread pool) only for a file that needs it
    missing = ocr_missing(ocr)
    if missing:
        if mode == "always" or not sum(t.char_count for t in usable):
            reason = next(iter(wanted.values()))
            raise ExtractError(message("error.no_text_layer" if reason == NO_TEXT else "error.needs_ocr",
                                       reason=reason_text(reason)) + ": " + missing)
        return pages, (ocr.ocr_unavailable_warning(wanted, missing),), ()
    result = ocr.ocr_pages(path, sorted(wanted))
    read = {n: page for n, page in result.pages.items() if page.words}
    if not read and not sum(t.char_count for t in usable):
        raise ExtractError(message("error.ocr_found_nothing"))
    pages = [ocr_page(p, read[p.number]) if p.number in read else p for p in pages]
    warnings = (ocr.ocr_warning(result, wanted),) if read else ()
    low = tuple(w for w in (ocr.low_confidence_warning(result), ocr.corrections_warning(result)) if w)
    unsure = tuple((n, text, conf) for n, page in sorted(read.items()) for text, conf in page.unsure)
    return pages, warnings + low, unsure
