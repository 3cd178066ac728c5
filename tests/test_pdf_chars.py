"""Tests for pipeline.extract.pdf.chars and the page warnings of pipeline.extract.pdf."""
from __future__ import annotations

import pytest
from pdfplumber.utils import extract_words

from pipeline.errors import ExtractError
from pipeline.extract.pdf.page import WORD_SETTINGS
from pipeline.extract.pdf.reader import extract_pdf, page_warnings
from pipeline.extract.pdf.pages import PageContent
from pipeline.extract.pdf.chars import attach_marks, drop_covered_blanks, drop_overprinted, unmapped_share
from pipeline.warnings import PlanWarning


def char(text: str, x0: float, width: float = 6.0, top: float = 100.0, size: float = 12.0) -> dict:
    """A pdfplumber-like character dict."""
    return {"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + size, "doctop": top,
            "size": size, "upright": True, "height": size, "width": width, "fontname": "Times"}


def chars_of(text: str, x0: float = 50.0, width: float = 6.0) -> list[dict]:
    return [char(ch, x0 + i * width, width) for i, ch in enumerate(text) if ch != " "]


def words_of(chars: list[dict]) -> list[str]:
    return [w["text"] for w in extract_words(chars, **WORD_SETTINGS)]


# --- drop_covered_blanks ---------------------------------------------------------------

def spaced(text: str, x0: float = 50.0, width: float = 6.0, top: float = 100.0) -> list[dict]:
    """Every character of `text` side by side, blanks included (a real space between words)."""
    return [char(ch, x0 + i * width, width, top=top) for i, ch in enumerate(text)]


# (where a padding blank of another run is drawn, in points from the line's start, and its top;
# the words read): a blank over a letter of its line is dropped, one in a gap or on another line kept.
COVERED_BLANK_CASES = [
    ((3.5, 101.8), ["TM.HỘI"]),  # over the 'T' of "TM.HỘI", drawn 1.8 pt higher (001's signature)
    ((9.4, 102.7), ["TM.HỘI"]),  # over 'M', its centre just inside the letter
    ((-6.0, 100.0), ["TM.HỘI"]),  # before the word: nothing to split
    ((3.5, 110.0), ["TM.HỘI"]),  # a line below: no letter of its line under it, and it splits nothing
]


@pytest.mark.parametrize(("at", "words"), COVERED_BLANK_CASES)
def test_a_blank_drawn_over_a_letter_is_no_word_gap(at: tuple[float, float], words: list[str]) -> None:
    line = spaced("TM.HỘI")
    blank = char(" ", 50.0 + at[0], 3.5, top=at[1])
    kept = drop_covered_blanks(sorted([*line, blank], key=lambda c: c["x0"]))
    assert words_of(kept) == words
    assert (blank in kept) == (at[1] == 110.0 or at[0] < 0)


def test_a_space_between_words_stays() -> None:
    chars = spaced("Nguyễn Ngọc")
    assert drop_covered_blanks(chars) == chars and words_of(chars) == ["Nguyễn", "Ngọc"]


def test_a_blank_whose_centre_is_in_the_gap_stays_even_when_it_touches_a_letter() -> None:
    # kerning lets a space overlap the letter before it a little: its centre is still in the gap
    chars = spaced("An") + [char(" ", 61.0, 4.0)] + spaced("Bình", x0=65.0)
    assert words_of(drop_covered_blanks(chars)) == ["An", "Bình"]


def test_without_blanks_the_characters_are_handed_back() -> None:
    chars = chars_of("Phúc")
    assert drop_covered_blanks(chars) is chars


# --- drop_overprinted ------------------------------------------------------------------

def test_fake_bold_duplicates_are_dropped() -> None:
    # each letter drawn twice, 0.3 pt apart: the PDF producer's fake bold
    once = chars_of("HỌP")
    twice = [c for pair in zip(once, [dict(c, x0=c["x0"] + 0.3, x1=c["x1"] + 0.3) for c in once]) for c in pair]
    assert words_of(drop_overprinted(twice)) == ["HỌP"]


def test_repeated_letters_side_by_side_are_kept() -> None:
    # "oo" in a word: same letter, but a whole character width apart
    assert words_of(drop_overprinted(chars_of("Soo"))) == ["Soo"]


# (the second character's offset from the first in points (x, top), same letter?, dropped?): the
# nine grid cells around a kept character, read through its column and the two beside it.
OVERPRINT_CASES = [
    ((0.0, 0.0), True, True),  # the same cell
    ((0.9, 0.9), True, True),  # the next cell diagonally
    ((-0.9, 0.6), True, True),  # the cell to the left, one down
    ((0.2, -1.0), True, True),  # one row up
    ((2.2, 0.0), True, False),  # two columns away: a letter of its own
    ((0.0, 2.4), True, False),  # two rows away (a line below)
    ((0.3, 0.3), False, False),  # another letter on top: both kept
]


@pytest.mark.parametrize(("offset", "same", "dropped"), OVERPRINT_CASES)
def test_overprint_neighbourhood(offset: tuple[float, float], same: bool, dropped: bool) -> None:
    first = char("A", 50.0, top=100.0)
    second = char("A" if same else "B", 50.0 + offset[0], top=100.0 + offset[1])
    assert drop_overprinted([first, second]) == ([first] if dropped else [first, second])


# --- attach_marks -------------------------------------------------------------------------

def test_combining_mark_after_its_letter_is_reattached() -> None:
    # "Ủy" drawn as U, a zero-width hook above 1.6 pt later, then y: extraction gave "U ̉y"
    chars = [char("U", 50.0, 9.7), char("\u0309", 61.3, 0.0), char("y", 61.3, 6.0)]
    assert words_of(attach_marks(chars)) == ["Ủy"]


def test_mark_drawn_over_a_letter_goes_to_that_letter() -> None:
    # the grave accent sits inside the box of "E" (a Word-made PDF placing it over the letter)
    chars = [char("Đ", 40.0), char("I", 46.0), char("Ê", 52.0), char("\u0300", 54.0, 2.0), char("U", 58.0)]
    assert words_of(attach_marks(chars)) == ["ĐIỀU"]


def test_spacing_accent_becomes_a_combining_one() -> None:
    # U+00B4 (acute, spacing form) after "a" -> "á"
    chars = [char("c", 40.0), char("a", 46.0), char("\u00b4", 52.5, 0.0), char("c", 52.5)]
    assert words_of(attach_marks(chars)) == ["các"]


def test_mark_on_another_line_is_not_attached() -> None:
    # a lone mark a line below has no letter within reach: it is dropped, the word stays whole
    chars = [char("a", 40.0), char("\u0301", 41.0, 0.0, top=140.0)]
    assert words_of(attach_marks(chars)) == ["a"]


def test_text_without_marks_is_returned_as_is() -> None:
    chars = chars_of("Sở")
    assert attach_marks(chars) is chars


# --- unmapped glyphs -----------------------------------------------------------------------

def test_unmapped_share_counts_cid_glyphs() -> None:
    chars = chars_of("Kế") + [char("(cid:12)", 80.0), char("(cid:7)", 86.0)]
    assert unmapped_share(chars) == pytest.approx(0.5)
    assert unmapped_share([]) == 0.0


def test_unmapped_share_counts_each_character_not_each_text() -> None:
    # the share is counted by distinct texts: a glyph repeated is counted as often as it stands
    chars = chars_of("aaa") + [char("(cid:3)", 80.0)] * 3 + [char("\ufffd", 90.0), char("x\ufffd", 96.0)]
    assert unmapped_share(chars) == pytest.approx(5 / 8)


def _page(number: int, char_count: int, unmapped: float = 0.0) -> PageContent:
    return PageContent(number, 595.0, 842.0, (), (), char_count, unmapped)


def test_page_warnings_name_scanned_and_garbled_pages() -> None:
    pages = [_page(1, 900), _page(2, 0), _page(3, 800, unmapped=0.1), _page(4, 0)]
    assert page_warnings(pages) == (
        PlanWarning("pages_without_text", "2 of 4 pages have no text layer (scanned?): 2, 4", "/source"),
        PlanWarning("text_partly_unreadable", "glyphs without a Unicode mapping on 1 page(s): 3", "/source"),
    )


def test_clean_pages_give_no_warning() -> None:
    assert page_warnings([_page(1, 900), _page(2, 850)]) == ()


def test_a_text_layer_of_unmapped_glyphs_is_refused(tmp_path, monkeypatch) -> None:
    """A PDF whose glyphs all lack a Unicode mapping is refused, not turned into noise."""
    reportlab = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "garbled.pdf"
    canvas = reportlab.Canvas(str(path))
    canvas.drawString(72, 720, "KE HOACH TRIEN KHAI")
    canvas.save()
    # Stand in for a font without ToUnicode: every character pdfminer reads is "(cid:N)".
    import pipeline.extract.pdf.page as pdf_module

    monkeypatch.setattr(pdf_module, "unmapped_share", lambda chars: 1.0 if chars else 0.0)
    with pytest.raises(ExtractError, match="text layer unreadable: 100% of the glyphs"):
        extract_pdf(path, ocr="never")  # with the default, auto, such a page is read by OCR (test_ocr.py)
