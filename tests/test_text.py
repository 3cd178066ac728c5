"""Tests for pipeline.text: tone placement, markup, whitespace, slugs."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from pipeline.text import (
    clean_whitespace,
    fold_aligned,
    fold_diacritics,
    is_vietnamese_syllable,
    modernize_tones,
    normalize_text,
    slugify,
    strip_markup,
    vietnamese_share,
    whole_words,
)

SEED = Path(__file__).resolve().parents[1] / "samples" / "seed" / "plan-196-KH-UBND.txt"

# (input, expected modernize_tones output)
TONE_CASES = [
    # --- oa / oe / uy without final consonant: the mark moves to the first vowel
    ("hoá", "hóa"),  # the commonest old-style spelling in plans
    ("hoà", "hòa"),  # grave
    ("hoả", "hỏa"),  # hook above
    ("hoạ", "họa"),  # dot below
    ("hoã", "hõa"),  # tilde (rare, but the rule is the same)
    ("khoá XIII", "khóa XIII"),  # Party congress term; roman numeral untouched
    ("Hoà Bình", "Hòa Bình"),  # capitalised place name
    ("Thuỷ", "Thủy"),  # person/place name
    ("Uỷ ban", "Ủy ban"),  # uy with no onset, capital U
    ("uỷ quyền", "ủy quyền"),  # lower-case uy
    ("tuỳ", "tùy"),  # grave on uy
    ("luỹ kế", "lũy kế"),  # tilde on uy
    ("huỷ bỏ", "hủy bỏ"),  # hook on uy
    ("thuý", "thúy"),  # acute on uy
    ("khoẻ", "khỏe"),  # oe
    ("xoè", "xòe"),  # oe with grave
    ("loè loẹt", "lòe loẹt"),  # "loè" moves; "loẹt" has a final t, so e keeps it
    ("toà án", "tòa án"),  # oa, next word already fine
    ("oà", "òa"),  # bare oa
    ("Oà", "Òa"),  # bare oa, capital
    # --- upper case
    ("HOÁ", "HÓA"),  # all caps: mark moves, case kept per letter
    ("CÔNG NGHIỆP HOÁ", "CÔNG NGHIỆP HÓA"),  # heading in capitals
    ("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),  # issuer line
    ("THUỶ LỢI", "THỦY LỢI"),  # caps uy
    ("HoÁ", "HóA"),  # mixed case inside a word: case follows the position
    # --- already modern: unchanged
    ("hóa", "hóa"),  # modern already
    ("Ủy ban", "Ủy ban"),  # modern already
    ("quý", "quý"),  # qu is the onset, y is the nucleus
    ("Quý III/2025", "Quý III/2025"),  # quarter label
    ("quả", "quả"),  # qu + a
    ("quyết định", "quyết định"),  # uyê takes the mark on ê
    ("của", "của"),  # ua: mark on u
    ("mùa", "mùa"),  # ua, grave
    ("giá", "giá"),  # gi is the onset
    ("giữa", "giữa"),  # gi + ưa
    ("gìn giữ", "gìn giữ"),  # gi without another vowel: i is the nucleus
    ("giường", "giường"),  # gi + ươ + ng
    ("người", "người"),  # ươi: mark on ơ
    ("thuở", "thuở"),  # uơ: the horned vowel takes it
    ("khuỷu", "khuỷu"),  # uyu: the middle vowel
    ("ngoài", "ngoài"),  # oai: the middle vowel
    ("hoàng", "hoàng"),  # oa + final consonant: last vowel
    ("toán", "toán"),  # oa + n
    ("huỳnh", "huỳnh"),  # uy + nh
    ("khuyến", "khuyến"),  # uyê + n
    ("thuế", "thuế"),  # uê: ê takes it
    ("tuyệt", "tuyệt"),  # uyê + t
    ("khoảng", "khoảng"),  # oa + ng
    ("Đảng", "Đảng"),  # đ onset
    ("nghiệp", "nghiệp"),  # ngh onset, iê + p
    ("yêu", "yêu"),  # yê + u, no onset
    ("ý kiến", "ý kiến"),  # single y
    # --- old style elsewhere in the syllable: fixed too
    ("ngòai", "ngoài"),  # oai with the mark on o -> a
    ("qủa", "quả"),  # mark on the u of qu -> a
    ("mưá", "mứa"),  # ưa: ư takes it
    ("thủơ", "thuở"),  # uơ: mark on u -> ơ
    # --- not Vietnamese syllables: left alone
    ("café", "café"),  # French loanword: "ae" is no Vietnamese nucleus
    ("José", "José"),  # j is no Vietnamese onset
    ("KH&CN", "KH&CN"),  # abbreviation, no tone
    ("VietGap, Global Gap", "VietGap, Global Gap"),  # English, no tone
    ("STEM", "STEM"),  # English
    ("aín", "aín"),  # "ai" + final consonant is no syllable
    # --- sentences and mixtures
    ("công nghiệp hoá, hiện đại hoá", "công nghiệp hóa, hiện đại hóa"),  # the seed's phrase
    ("Hội nghị Trung ương lần thứ sáu khoá XIII", "Hội nghị Trung ương lần thứ sáu khóa XIII"),  # seed
    ("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"),  # agency name unchanged
    ("Cao đẳng Y tế Đặng Thuỳ Trâm", "Cao đẳng Y tế Đặng Thùy Trâm"),  # name inside a list
    ("709/QĐ-TTg ngày 23/7/2024", "709/QĐ-TTg ngày 23/7/2024"),  # codes and digits untouched
    ("hoá2025", "hóa2025"),  # letter run stops at the digit
    ("", ""),  # empty
    ("ho\u0061\u0301", "hóa"),  # NFD input: composed and fixed
]


@pytest.mark.parametrize(("text", "expected"), TONE_CASES)
def test_modernize_tones(text: str, expected: str) -> None:
    assert modernize_tones(text) == expected


def test_case_table_is_large_enough() -> None:
    assert len(TONE_CASES) >= 60


# (input, expected strip_markup(...) then clean_whitespace(...))
MARKUP_CASES = [
    ("<p>Thường xuyên</p>", "Thường xuyên"),  # paragraph tags around a cell
    ("giải quyết</p> <p>Tăng cường", "giải quyết Tăng cường"),  # two paragraphs in a cell
    ("giải quyết</p><p>Tăng cường", "giải quyết Tăng cường"),  # no space between: still split
    ("(<i>Công nghiệp năng lượng</i>)", "(Công nghiệp năng lượng)"),  # italics vanish
    ("**Điều 1.** Ban hành", "Điều 1. Ban hành"),  # Markdown bold
    ('<p class="x">a</p>', "a"),  # attributes
    ("a<br/>b", "a b"),  # line break tag
    ("a < b > c", "a < b > c"),  # not a tag
    ("<b>UBND</b> tỉnh", "UBND tỉnh"),  # bold tag
]


@pytest.mark.parametrize(("text", "expected"), MARKUP_CASES)
def test_strip_markup(text: str, expected: str) -> None:
    assert clean_whitespace(strip_markup(text)) == expected


# (input, expected normalize_text output)
NORMALIZE_CASES = [
    ("  Uỷ   ban\nnhân\tdân ", "Ủy ban nhân dân"),  # whitespace and tone together
    ("Sở\u00a0Nội\u00a0vụ", "Sở Nội vụ"),  # NBSP
    ("Kế\u200b hoạch\ufeff", "Kế hoạch"),  # zero-width space and BOM
    ("công\u00adnghệ", "côngnghệ"),  # soft hyphen is invisible: dropped
    ("<p>công nghiệp hoá</p>", "công nghiệp hóa"),  # markup, tone, whitespace
    ("Sở\u202fTài chính", "Sở Tài chính"),  # narrow NBSP
    ("", ""),  # empty stays empty
]


@pytest.mark.parametrize(("text", "expected"), NORMALIZE_CASES)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


def test_slugify_ignores_tone_convention() -> None:
    # Agency ids must not depend on which tone convention the document used.
    assert slugify("Uỷ ban nhân dân") == slugify("Ủy ban nhân dân") == "uy-ban-nhan-dan"


@pytest.mark.skipif(not SEED.exists(), reason="seed text not available")
def test_seed_text_properties() -> None:
    """Over a whole real plan: idempotent, NFC, and only tone marks move."""
    text = SEED.read_text(encoding="utf-8")
    once = modernize_tones(text)
    assert modernize_tones(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert fold_diacritics(once) == fold_diacritics(unicodedata.normalize("NFC", text))
    assert len(once) == len(unicodedata.normalize("NFC", text))
    assert "hoá" not in once and "khoá" not in once
    normalized = normalize_text(text)
    assert normalize_text(normalized) == normalized
    assert "<p>" not in normalized and "<i>" not in normalized


@pytest.mark.skipif(not SEED.exists(), reason="seed text not available")
def test_seed_words_agree_with_underthesea() -> None:
    """Cross-check word by word against underthesea's own tone normaliser."""
    text_normalize = pytest.importorskip("underthesea").text_normalize
    words = set(re.findall(r"[^\W\d_]+", SEED.read_text(encoding="utf-8")))
    disagreements = [w for w in words if modernize_tones(w) != text_normalize(w)]
    assert disagreements == []


# (input, expected clean_whitespace output): control characters from a text layer or a
# DOCX run never reach the JSON (issue 15, finding 9: escape codes printed raw by diff).
CONTROL_CASES = [
    ("Kế hoạch\x1b]0;owned\x07 số 1", "Kế hoạch]0;owned số 1"),  # OSC window title: ESC and BEL dropped
    ("\x1b[2J\x1b[HỦy ban", "[2J[HỦy ban"),  # clear screen, cursor home: ESC dropped, the rest is inert text
    ("a\x9b31mb", "a31mb"),  # C1 CSI (one character) dropped
    ("Sở\x00 Tài\x7f chính", "Sở Tài chính"),  # NUL and DEL dropped
    ("abc\u202edef\u202c", "abcdef"),  # a right-to-left override cannot reorder what a reader sees
    ("a\x0bb\x0cc\x1cd", "a b c d"),  # vertical tab, form feed, file separator are spaces
    ("Kế\thoạch\nnăm", "Kế hoạch năm"),  # ordinary whitespace as before
]


@pytest.mark.parametrize(("text", "expected"), CONTROL_CASES)
def test_control_characters_dropped(text: str, expected: str) -> None:
    assert clean_whitespace(text) == expected


# (input, expected fold_aligned output): one output character per input character, so a
# match on the folded copy cuts the original at the same place.
FOLD_ALIGNED_CASES = [
    ("Kế hoạch", "ke hoach"),  # tone and hat marks dropped, capitals lowered
    ("ĐẢNG ỦY", "dang uy"),  # đ and capitals
    ("Quý IV/2025", "quy iv/2025"),  # digits and punctuation unchanged
    ("e\u0301", "e\u0301"),  # a lone combining mark folds to nothing: kept as it is
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), FOLD_ALIGNED_CASES)
def test_fold_aligned(text: str, expected: str) -> None:
    assert fold_aligned(text) == expected
    assert fold_aligned(text) == expected  # asked again: the per-character cache answers alike


def test_cached_syllable_test_agrees_with_the_rule() -> None:
    """is_vietnamese_syllable is cached per letter run; the cache must answer as the rule does,
    whatever was asked before (a run asked in capitals, then in lower case)."""
    words = ["Kế", "KẾ", "kế", "hoạch", "HOẠCH", "UBND", "Ubnd", "hoáá", "WKҁQJ", "gì", "GÌN"]
    for word in words + words[::-1]:
        assert is_vietnamese_syllable(word) is is_vietnamese_syllable.__wrapped__(word)
    assert vietnamese_share("Kế hoạch UBND " * 3) == (pytest.approx(2 / 3), 9)


def test_whole_words_match_whole_phrases_longest_first() -> None:
    pattern = whole_words(["phối hợp", "phối hợp với", "chỉ đạo"])
    assert pattern.search("Sở Y tế phối hợp với Sở Tài chính").group() == "phối hợp với"
    assert pattern.search("Ban Chỉ đạo tỉnh") is None  # case as written
    assert pattern.search("chỉ đạoxyz") is None  # a whole word only
