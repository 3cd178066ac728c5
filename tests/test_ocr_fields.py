"""Header fields of an OCR'd document: each judged by its own words (pipeline.normalize.ocr_fields)."""
from __future__ import annotations

import pytest

from pipeline.normalize.ocr_fields import handwritten, unsure_field_warnings
from pipeline.model import Signer
from pipeline.normalize.header import parse_number_line, parse_place_date
from pipeline.structure.types import RawClosing, RawHeader, Skeleton
from pipeline.warnings import PlanWarning
from ir_builders import para

HEADER = RawHeader(issuer_lines=("ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"), number_line="Số: 45/QĐ-UBND",
                   place_date_line="Lâm Đồng, ngày 15 tháng 3 năm 2025", type_line="QUYẾT ĐỊNH",
                   title="Về việc thành lập Tổ công tác")


def _skeleton(unsure: tuple) -> Skeleton:
    blocks = (para("ỦY BAN NHÂN DÂN", pages=(1,)), para("Nơi nhận", pages=(3,)))
    signer = Signer("Nguyễn Văn A", "Chủ tịch", None, None)
    return Skeleton(HEADER, closing=RawClosing(signer=signer), blocks=blocks, ocr_unsure=unsure)


UNSURE_CASES = [
    # (words OCR was unsure of: page, text, confidence) -> (field, page) warned
    # a title word read at 62% on the header's page
    (((1, "thành", 62.0),), [("/document/title", "thành")]),
    # the same word on another page says nothing of the header
    (((2, "thành", 62.0),), []),
    # a word at 83%: above the field threshold
    (((1, "thành", 83.0),), []),
    # a number read at 87%: a handwritten number reads as printed digits, under 93% (archive 031)
    (((1, "45/QĐ-UBND", 87.0),), [("/document/code", "45/QĐ-UBND")]),
    # the number line (number and symbol: the code) and the date line, each warned on its own
    (((1, "45/QĐ-UBND", 50.0), (1, "15", 70.0)), [("/document/code", "45/QĐ-UBND"), ("/document/issued_date", "'15'")]),
]


@pytest.mark.parametrize("unsure, expected", UNSURE_CASES)
def test_unsure_field_warnings(unsure, expected) -> None:
    warnings = unsure_field_warnings(_skeleton(unsure))
    assert [w.code for w in warnings] == ["ocr_field_unsure"] * len(expected)
    assert [w.where for w in warnings] == [where for where, _ in expected]
    assert all(word in w.message and "page 1" in w.message for w, (_, word) in zip(warnings, expected))


def test_missing_title_and_signer_of_a_scan_are_warned() -> None:
    # the scanned decision 707: a "received" stamp splits the title, the seal covers the signer
    skeleton = _skeleton(())
    skeleton.closing = RawClosing()
    skeleton.header = RawHeader(number_line="Số: 707/QĐ-TTg", type_line="QUYẾT ĐỊNH")
    warnings = unsure_field_warnings(skeleton)
    assert [(w.where, "not found" in w.message) for w in warnings] == [
        ("/document/title", True), ("/document/signer", True)]
    assert "page 3" in warnings[1].message  # the signature's page: the last


def test_a_signer_name_cut_by_the_seal_is_warned() -> None:
    # the scanned decision 707: "Nguyễn" under the seal, "Văn Thắng" read surely
    skeleton = _skeleton(())
    skeleton.closing = RawClosing(signer=Signer("Văn Thắng", "Phó Thủ tướng", "KT", "Thủ tướng"))
    warnings = unsure_field_warnings(skeleton)
    assert [w.where for w in warnings] == ["/document/signer"] and "'Văn Thắng'" in warnings[0].message


def test_blank_number_and_day_of_a_scan_are_handwritten() -> None:
    # the scanned decision 707: number and day written by hand into the printed form
    _, number_warnings = parse_number_line("Số:      /QĐ-TTg")
    _, _, date_warnings = parse_place_date("Hà Nội, ngày      tháng 4 năm 2026")
    warnings = handwritten(number_warnings + date_warnings + [PlanWarning("no_closing", "x")], page=1)
    assert [(w.code, w.where) for w in warnings] == [
        ("handwritten_field", "/document/number"), ("handwritten_field", "/document/issued_date"), ("no_closing", None)]
    assert "page 1" in warnings[0].message
