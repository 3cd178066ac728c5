"""A symbol read by OCR checked against the symbol grammar (pipeline.normalize.symbol_grammar)."""
from __future__ import annotations

import pytest

from pipeline.normalize.header import DocumentNumber
from pipeline.normalize.symbol_grammar import check_symbol, checked_number

UBND = "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"

SYMBOL_CASES = [
    # (symbol as read, type from the type line, issuer lines, symbol kept, warning codes)
    # "Qb" has the shape of "QĐ", and the issuer code "UBND" names the body of the header
    ("Qb-UBND", None, UBND, "QĐ-UBND", ["ocr_field_repaired"]),
    # the same reading under a Sở: nothing confirms "QĐ" (nor "QC"): left as read, warned
    ("Qb-UBND", None, "SỞ TƯ PHÁP", "Qb-UBND", ["ocr_field_unsure"]),
    # a doubled letter, the type line says QUYẾT ĐỊNH: its abbreviation is one edit away
    ("QĐĐ-SCT", "quyet_dinh", "SỞ CÔNG THƯƠNG", "QĐ-SCT", ["ocr_field_repaired"]),
    # a speck before the symbol, read as a fraction slash
    ("⁄KH-ĐKT", "ke_hoach", "ĐẢNG ỦY KHỐI", "KH-ĐKT", ["ocr_field_repaired"]),
    # well-formed symbols are left alone, whatever their shape
    ("QĐ-TTg", "quyet_dinh", None, "QĐ-TTg", []),
    ("KL/TW", None, None, "KL/TW", []),
    ("UBND-VX", None, UBND, "UBND-VX", []),  # a công văn: the issuer's code comes first
    ("SNV-VP", None, "SỞ NỘI VỤ", "SNV-VP", []),  # an office code no list holds
    (None, None, None, None, []),
]


@pytest.mark.parametrize("read, type_code, issuer, kept, codes", SYMBOL_CASES)
def test_check_symbol(read, type_code, issuer, kept, codes) -> None:
    symbol, warnings = check_symbol(read, type_code, issuer)
    assert (symbol, [w.code for w in warnings]) == (kept, codes)
    assert all(w.where == "/document/symbol" and read in w.message for w in warnings)


def test_mended_symbol_mends_the_code() -> None:
    number, _ = checked_number(DocumentNumber("45", "Qb-UBND", "45/Qb-UBND"), "quyet_dinh", UBND)
    assert number == DocumentNumber("45", "QĐ-UBND", "45/QĐ-UBND")
