"""Issue 11 on the real documents (../shared/fixtures/real): fixture 12 is Decision 779/QĐ-UBND of
Bình Thuận with the charter of the provincial study-promotion fund attached (8 Chương, 28 Điều,
counted from its pages 2-13); no real document has appendix text in a signer field."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.conversion import convert
from test_variants import appendix_text_in_signer
from real_fixtures import REAL, real, real_files

# Scanned documents (no text layer) are read by the OCR tests, not here.
TEXT_FIXTURES = sorted(p.name for p in real_files("*") if p.suffix in (".pdf", ".docx") and "scanned" not in p.name)
FIXTURE_12 = "12_QD-779-QD-UBND_BinhThuan_2022-03-23_DieuLe-QuyKhuyenHoc_signed.pdf"


@cache
def converted(name: str) -> dict:
    return convert(real(name))


def test_fixture_12_decision_stays_at_the_top() -> None:
    doc = converted(FIXTURE_12)
    assert doc["document"]["code"] == "779/QĐ-UBND"
    assert [s["number"] for s in doc["sections"] if s["number"]] == ["Điều 1", "Điều 2", "Điều 3"]
    assert doc["document"]["signer"]["name"] == "Nguyễn Minh"


def test_fixture_12_charter_is_attached() -> None:
    [charter] = converted(FIXTURE_12)["attachments"]
    assert charter["document"]["type_name"] == "Điều lệ"
    # the caption: "(Kèm theo Quyết định số 779 /QĐ-UBND ngày 23 / 3 /2022 ...)"; the decision
    # "công nhận" (recognises) the charter: neither issued nor approved, so "other"
    assert charter["document"]["attached_to"] == {"code": "779/QĐ-UBND", "issued_date": "2022-03-23",
                                                  "relation": "other"}
    assert charter["pages"] == [2, 13]


def test_fixture_12_charter_has_its_chuong_and_dieu() -> None:
    [charter] = converted(FIXTURE_12)["attachments"]
    chapters = [s for s in charter["sections"] if (s["number"] or "").startswith("Chương")]
    assert [s["number"] for s in chapters] == [f"Chương {r}" for r in
                                               ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")]
    articles = [c["number"] for s in chapters for c in s["children"] if c["number"].startswith("Điều")]
    assert articles == [f"Điều {i}" for i in range(1, 29)]


@pytest.mark.parametrize("name", TEXT_FIXTURES)
def test_no_appendix_text_in_any_signer_field(name: str) -> None:
    assert appendix_text_in_signer(converted(name)) == []
