"""Which pages of a PDF are read from their text layer and which by OCR.

`--ocr auto` (the default) reads a page by OCR when its text layer cannot be
trusted: there is none (a scan), too many of its glyphs have no Unicode
mapping, or its text is not Vietnamese. The last is measured as the share of
letter runs that are well-formed Vietnamese syllables (`text.vietnamese_share`).
On the text layers we have (figures per page, `pdfplumber` text):

| document | pages | lowest page share | median |
|---|---|---|---|
| samples/plan-196-KH-UBND.pdf | 12 | 0.80 (the task table: "UBND", "KH&ĐT") | 0.96 |
| real 10 (Hà Nội plan 173, Word PDF) | 11 | 0.89 | 0.98 |
| real 12 (Bình Thuận QĐ 779, signed) | 13 | 0.95 | 0.99 |
| a plan whose ToUnicode map is shifted (tests/scanned/mojibake.py) | 2 | 0.02 | 0.03 |
| "6Ӣ CÔNG 7+ѬѪ1*" (a real broken signed plan's line) | | 0.33 | |

so a page under `MIN_VIETNAMESE_SHARE` is not Vietnamese text, with a wide
margin on both sides. `--ocr never` keeps every text layer (and refuses a file
that has no readable one); `--ocr always` OCRs every page.

A text layer in another Latin-script language (an English translation) scores low too, but it
is no mojibake: its letter runs are that language's words. A page whose letter runs hold at
least `MIN_FUNCTION_WORD_SHARE` of one language's function words (data/other_languages.csv,
words that are no Vietnamese syllable) is read as it is, with a warning naming the language.
Running English text holds about 0.2 of them; the garbled OCR layers of the archive (021, 057:
"Uy ban nh6n ddn tinh nh4n duoc C6ng vin") and a shifted Unicode map hold almost none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.data import load_csv
from pipeline.data.messages import message
from pipeline.errors import ExtractError
from pipeline.extract.pdf.pages import PageContent
from pipeline.text import is_vietnamese_syllable, vietnamese_share
from pipeline.warnings import PlanWarning, listed

MODES = ("auto", "never", "always")
# Under this share of Vietnamese syllables a page's text layer is mojibake (see the table above).
MIN_VIETNAMESE_SHARE = 0.5
# Fewer letter runs than this say too little to judge (a page of figures, a signature page).
MIN_RUNS_TO_JUDGE = 20
# Over this share of glyphs without a Unicode mapping the page is read by OCR.
MAX_UNMAPPED_SHARE = 0.1

# A text layer not Vietnamese with at least this share of one language's function words is that
# language, not mojibake (see the module's docstring).
MIN_FUNCTION_WORD_SHARE = 0.08
_LETTER_RUN = re.compile(r"[^\W\d_]+")

# Over this share of glyphs without a Unicode mapping in the whole file (no OCR to help) it is refused.
MAX_UNREADABLE_SHARE = 0.3

NO_TEXT = "no text layer"
UNMAPPED = "glyphs without a Unicode mapping"
NOT_VIETNAMESE = "text layer is not Vietnamese"
THIN = "text layer is only a stamp on a scan"
# A page of a scanned file (another of its pages has no text layer) whose text layer holds fewer
# characters than this is a scan under a stamp's line ("SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; 25/12/2025;
# 09:27:28", 58 characters, on the first page of archive scans 009 and 031), not a typed page:
# a typed page holds 1,000-3,000 characters, a signature page 200 or more.
THIN_TEXT_CHARS = 150
REQUESTED = "OCR requested"
# Each reason above as a person reads it: a message key.
_REASON_KEYS = {NO_TEXT: "ocr.reason.no_text", UNMAPPED: "ocr.reason.unmapped",
                NOT_VIETNAMESE: "ocr.reason.not_vietnamese", REQUESTED: "ocr.reason.requested", THIN: "ocr.reason.thin"}


def reason_text(reason: str) -> str:
    """Why a page was read by OCR, in the run's language."""
    key = _REASON_KEYS.get(reason)
    return message(key) if key else reason


@dataclass(frozen=True)
class PageText:
    """What the choice reads of a page's text layer."""

    number: int
    char_count: int
    unmapped: float
    text: str


@cache
def _function_words() -> dict[str, frozenset[str]]:
    """Language name -> its function words that are no Vietnamese syllable (data/other_languages.csv)."""
    return {row["language"]: frozenset(w for w in row["words"].split() if not is_vietnamese_syllable(w))
            for row in load_csv("other_languages.csv")}


def other_language(text: str) -> str | None:
    """The Latin-script language a non-Vietnamese text is written in ("English"), or None
    (mojibake, garbled OCR, or too little text to say)."""
    runs = [r.lower() for r in _LETTER_RUN.findall(text)]
    if len(runs) < MIN_RUNS_TO_JUDGE:
        return None
    share, language = max((sum(r in words for r in runs) / len(runs), name)
                          for name, words in _function_words().items())
    return language if share >= MIN_FUNCTION_WORD_SHARE else None


def _not_vietnamese(text: str) -> bool:
    """Too few Vietnamese syllables for Vietnamese text, and the words of no other language."""
    share, runs = vietnamese_share(text)
    return runs >= MIN_RUNS_TO_JUDGE and share < MIN_VIETNAMESE_SHARE and other_language(text) is None


def text_layer_problem(page: PageText) -> str | None:
    """Why the page's text layer cannot be used (`NO_TEXT`, `UNMAPPED`, `NOT_VIETNAMESE`), or None."""
    if not page.char_count:
        return NO_TEXT
    if page.unmapped > MAX_UNMAPPED_SHARE:
        return UNMAPPED
    if _not_vietnamese(page.text):
        return NOT_VIETNAMESE
    return None


def language_warning(texts: list[PageText]) -> PlanWarning | None:
    """The pages read as they are though their text is in another language, named."""
    found: dict[str, list[int]] = {}
    for page in texts:
        share, runs = vietnamese_share(page.text)
        language = other_language(page.text) if runs >= MIN_RUNS_TO_JUDGE and share < MIN_VIETNAMESE_SHARE else None
        if language:
            found.setdefault(language, []).append(page.number)
    if not found:
        return None
    named = "; ".join(message("warning.language_pages", language=language, pages=listed(pages))
                      for language, pages in found.items())
    return PlanWarning("text_other_language", message("warning.text_other_language", named=named), "/source")


def pages_to_ocr(pages: list[PageText], mode: str) -> dict[int, str]:
    """Page number → why it is read by OCR, for the mode."""
    if mode == "never":
        return {}
    if mode == "always":
        return {p.number: REQUESTED for p in pages}
    problems = {p.number: text_layer_problem(p) for p in pages}
    if NO_TEXT in problems.values():  # a scanned file: a page with a stamp's line only is a scan too
        problems.update({p.number: THIN for p in pages if not problems[p.number] and p.char_count < THIN_TEXT_CHARS})
    return {n: why for n, why in problems.items() if why}


def document_share(pages: list[PageText]) -> tuple[float, int]:
    """The Vietnamese share over the whole text layer and its number of letter runs."""
    return vietnamese_share("\n".join(p.text for p in pages))


def page_text(page: PageContent) -> PageText:
    """What the choice reads of a page: its lines and its table cells."""
    cells = [c.text for _, table in page.tables for row in table.rows for c in row.cells]
    return PageText(page.number, page.char_count, page.unmapped, "\n".join([ln.text for ln in page.lines] + cells))


def refuse_unreadable(texts: list[PageText], advice: str) -> None:
    """The one-line refusals of a file whose text layer cannot be read at all (no OCR to help)."""
    chars = sum(p.char_count for p in texts)
    if not chars:
        raise ExtractError(message("error.no_text_layer") + advice)
    unreadable = sum(p.unmapped * p.char_count for p in texts) / chars
    if unreadable > MAX_UNREADABLE_SHARE:
        raise ExtractError(message("error.unmapped", share=f"{unreadable:.0%}") + advice)
    share, _ = document_share(texts)
    if _not_vietnamese("\n".join(p.text for p in texts)):
        raise ExtractError(message("error.not_vietnamese", share=f"{share:.0%}") + advice)
