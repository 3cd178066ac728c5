"""Bodies the gazetteer does not list (pipeline/normalize/agency_unlisted.py): how a name typed in
capitals is recased, and when an association takes its province. Small made-up names, one rule
per row."""
from __future__ import annotations

import pytest

from pipeline import model
from pipeline.normalize.agency_rules import Scope
from pipeline.normalize.agency_unlisted import recase, with_province
from pipeline.normalize.gazetteer import default_gazetteer
from pipeline.text import slugify

SCOPE = Scope("Lâm Đồng")


def _recased(printed: str) -> str:
    """What resolve_agency gives recase: the text with abbreviations expanded, and the text as printed."""
    return recase(default_gazetteer().expand_abbreviations(printed), SCOPE, printed)


@pytest.mark.parametrize("printed, expected", [
    # the word after the head is capitalised: a field or function names the body
    ("SỞ NỘI VỤ TỈNH X", "Sở Nội vụ tỉnh X"),
    ("LIÊN ĐOÀN KARATE", "Liên đoàn Karate"),
    ("BAN CHỈ ĐẠO CÔNG TÁC DÂN VẬN", "Ban Chỉ đạo công tác dân vận"),
    # ... but not after a head whose bodies are named by their task
    ("HỘI ĐỒNG THẨM ĐỊNH HỒ SƠ", "Hội đồng thẩm định hồ sơ"),
    ("TỔ CÔNG TÁC LIÊN NGÀNH", "Tổ công tác liên ngành"),
    ("HỘI ĐỒNG NHÂN DÂN XÃ A", "Hội đồng nhân dân xã A"),  # a longer head, a local council
    # an abbreviation is expanded with the table's case; an acronym left unexpanded keeps its capitals
    ("TỔ GIÚP VIỆC CCHC", "Tổ giúp việc cải cách hành chính"),
    ("BAN CHỈ ĐẠO CNTT", "Ban Chỉ đạo CNTT"),  # no vowel: an acronym
    ("TRUNG TÂM HỖ TRỢ PCI", "Trung tâm Hỗ trợ PCI"),  # short, no diacritic, no Vietnamese syllable
    ("HỘI ĐỒNG XÉT DUYỆT TỈNH ĐẮK NÔNG", "Hội đồng xét duyệt tỉnh Đắk Nông"),  # "ĐẮK" bears a diacritic: no acronym
    # proper names keep their capitals; a noun before a number is a proper name
    ("HỘI ĐỒNG ĐÁNH GIÁ CHỈ SỐ CCHC", "Hội đồng đánh giá Chỉ số cải cách hành chính"),
    ("BAN CHỈ ĐẠO ĐỀ ÁN 06", "Ban Chỉ đạo Đề án 06"),
    ("BAN CHỈ ĐẠO THỰC HIỆN CHƯƠNG TRÌNH SỐ 135", "Ban Chỉ đạo thực hiện Chương trình số 135"),
    ("BAN CHỈ ĐẠO ĐỀ ÁN PHÁT TRIỂN", "Ban Chỉ đạo đề án phát triển"),  # no number: a common noun
    ("HỘI LUẬT GIA VIỆT NAM", "Hội Luật gia Việt Nam"),
])
def test_a_name_typed_in_capitals_is_recased(printed: str, expected: str) -> None:
    assert _recased(printed) == expected


def test_a_name_typed_in_mixed_case_keeps_its_case() -> None:
    """The author chose its capitals: only the first letter is raised."""
    assert _recased("hội đồng Thẩm định chỉ số CCHC") == "Hội đồng Thẩm định chỉ số cải cách hành chính"


def _agency(name: str, level: str | None = "province") -> model.Agency:
    return model.Agency(id="x", name=name, kind="agency", text=name.upper(), level=level)


@pytest.mark.parametrize("name, expected", [
    ("Liên đoàn Karate", "Liên đoàn Karate tỉnh Lâm Đồng"),
    ("Hội Nữ doanh nhân", "Hội Nữ doanh nhân tỉnh Lâm Đồng"),
    ("Câu lạc bộ Hưu trí", "Câu lạc bộ Hưu trí tỉnh Lâm Đồng"),
    ("Hội Luật gia thành phố Đà Lạt", "Hội Luật gia thành phố Đà Lạt"),  # names its own place
    ("Hội đồng thẩm định", "Hội đồng thẩm định"),  # a body of the parent, not an association
    ("Ban Chỉ đạo Đề án 06", "Ban Chỉ đạo Đề án 06"),
])
def test_an_association_takes_the_province(name: str, expected: str) -> None:
    got = with_province(_agency(name), SCOPE)
    assert (got.name, got.id) == (expected, "x" if expected == name else slugify(expected))


def test_no_province_no_place() -> None:
    assert with_province(_agency("Liên đoàn Karate"), Scope(None)).name == "Liên đoàn Karate"
