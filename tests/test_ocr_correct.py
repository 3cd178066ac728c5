"""OCR words corrected from their neighbours (pipeline.extract.ocr.correct, lexicon)."""
from __future__ import annotations

import pytest

from pipeline.extract.ocr import reader
from pipeline.extract.ocr.correct import correct_line, tone_variants
from pipeline.extract.ocr.lexicon import syllable_pairs
from pipeline.extract.ocr.reader import OcrPage, OcrResult, corrections_warning
from pipeline.extract.ocr.tsv import TsvWord


def _line(text: str, conf: float = 90.0) -> list[TsvWord]:
    return [TsvWord(word, 100 * i, 0, 90, 40, conf, (1, 1, 1)) for i, word in enumerate(text.split())]


LINE_CASES = [
    # (line as read, line after correction)
    # the misreads on the scanned decision 707: the tone that forms no word with its neighbour
    ("Đầy mạnh công tác", "Đẩy mạnh công tác"),
    ("cấp thấm quyền", "cấp thẩm quyền"),
    ("đấy mạnh phòng", "đẩy mạnh phòng"),
    # capitals and punctuation are kept around the corrected letters
    ("(ĐẦY MẠNH,", "(ĐẨY MẠNH,"),
    # a right reading is left alone, even where a variant is a word too ("đầy đủ")
    ("đầy đủ hồ sơ", "đầy đủ hồ sơ"),
    ("Kế hoạch thực hiện", "Kế hoạch thực hiện"),
    # no neighbour forms a word with any variant: nothing to go by, left as read
    ("mạnh", "mạnh"),
    # numbers and codes are not syllables
    ("Số 196/KH-UBND", "Số 196/KH-UBND"),
    # names are left alone: "nguyên văn" is a word, "Nguyễn Văn" a name (the scanned corpus's signer)
    ("Ông Nguyễn Văn Đệ", "Ông Nguyễn Văn Đệ"),
    ("Trần Hoàng Tuấn", "Trần Hoàng Tuấn"),
    # a common word standing alone is never changed ("và" beside "chạm" is not "va chạm")
    ("và chạm", "và chạm"),
]


@pytest.mark.parametrize("read, written", LINE_CASES)
def test_correct_line(read: str, written: str) -> None:
    words, changes = correct_line(_line(read))
    assert " ".join(w.text for w in words) == written
    assert [c.read for c in changes] == [a for a, b in zip(read.split(), written.split()) if a != b]


def test_a_surely_read_word_is_kept() -> None:
    words, changes = correct_line(_line("Đầy mạnh công tác", conf=96.0))
    assert words[0].text == "Đầy" and changes == []


def test_tone_variants_keep_the_letters() -> None:
    assert tone_variants("đầy") == ["đây", "đấy", "đẫy", "đẩy", "đậy"]
    assert tone_variants("ban") == []  # no tone: its place would be a guess


def test_lexicon_holds_the_projects_own_words() -> None:
    # from pipeline/data (the motto), whether or not underthesea is installed
    assert ("hạnh", "phúc") in syllable_pairs() and ("ủy", "ban") in syllable_pairs()


def test_corrections_are_warned_with_the_reading() -> None:
    from pipeline.extract.ocr.correct import Correction

    page = OcrPage(3, [], [], (), 595, 842, corrections=(Correction("Đầy", "Đẩy"),))
    warning = corrections_warning(OcrResult({3: page}))
    assert warning.code == "ocr_words_corrected" and "Đầy -> Đẩy (p. 3)" in warning.message
    assert corrections_warning(OcrResult({3: OcrPage(3, [], [], (), 595, 842)})) is None
    assert reader.CORRECT_TONES
