"""Tests for pipeline.structure.header (header lines, type line, title) and pipeline.normalize.header."""
from __future__ import annotations

import pytest

from pipeline.ir import Block
from pipeline.normalize.header import parse_number_line, parse_place_date, passage_date
from pipeline.structure.header import (
    HeaderLine, classify_header_lines, is_place_date_line, match_type_line, split_header,
)
from pipeline.structure.types import RawHeader
from ir_builders import grid, layout, para

MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
DATE = "Quảng Ngãi, ngày 02 tháng 10 năm 2024"


def _province_header(number: str = "Số: 196 /KH-UBND") -> Block:
    """The DOCX layout table of a provincial People's Committee."""
    return layout(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "-------", number], MOTTO + ["---------------", DATE])


# --- match_type_line --------------------------------------------------------------

# (line, (code, display name) or None)
TYPE_CASES = [
    ("KẾ HOẠCH", ("ke_hoach", "Kế hoạch")),  # plan
    ("QUYẾT ĐỊNH", ("quyet_dinh", "Quyết định")),  # decision
    ("CHỈ THỊ", ("chi_thi", "Chỉ thị")),  # directive
    ("NGHỊ QUYẾT", ("nghi_quyet", "Nghị quyết")),  # resolution
    ("THÔNG BÁO", ("thong_bao", "Thông báo")),  # notice
    ("BÁO CÁO", ("bao_cao", "Báo cáo")),  # report
    ("KẾ  HOẠCH", ("ke_hoach", "Kế hoạch")),  # double space
    ("ĐỀ ÁN", ("de_an", "Đề án")),  # a type of contract 1.2
    ("ĐIỀU LỆ", ("other", "Điều lệ")),  # a known type outside the contract's codes
    ("Kế hoạch", None),  # mixed case: a word in a sentence, not the type line
    ("KẾ HOẠCH:", None),  # with a colon: a heading, not the type line
    ("ỦY BAN NHÂN DÂN", None),  # issuer
    ("KẾ HOẠCH TRIỂN KHAI", None),  # type word followed by more words
]


@pytest.mark.parametrize("text, expected", TYPE_CASES)
def test_match_type_line(text: str, expected: tuple[str, str] | None) -> None:
    assert match_type_line(text) == expected


# --- classify_header_lines -------------------------------------------------------------

# (header lines, expected (issuer lines, number line, place/date line))
CLASSIFY_CASES = [
    # two columns: issuer left, motto and date right, rules dropped
    ([HeaderLine("ỦY BAN NHÂN DÂN", 0), HeaderLine("TỈNH QUẢNG NGÃI", 0), HeaderLine("-------", 0),
      HeaderLine("Số: 196 /KH-UBND", 0), HeaderLine(MOTTO[0], 1), HeaderLine(MOTTO[1], 1), HeaderLine(DATE, 1)],
     (("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"), "Số: 196 /KH-UBND", DATE)),
    # department under its province
    ([HeaderLine("UBND TỈNH QUẢNG NGÃI", 0), HeaderLine("SỞ KHOA HỌC VÀ CÔNG NGHỆ", 0),
      HeaderLine("Số: 12/KH-SKHCN", 0), HeaderLine(MOTTO[0], 1), HeaderLine(DATE, 1)],
     (("UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"), "Số: 12/KH-SKHCN", DATE)),
    # upper-case text after the number line is not issuer ("V/v" lines, stray headings)
    ([HeaderLine("ỦY BAN NHÂN DÂN TỈNH X", 0), HeaderLine("Số: 5/UBND-KT", 0), HeaderLine("V/V TRIỂN KHAI", 0)],
     (("ỦY BAN NHÂN DÂN TỈNH X",), "Số: 5/UBND-KT", None)),
    # Party motto dropped like the state one
    ([HeaderLine("TỈNH ỦY QUẢNG NGÃI", 0), HeaderLine("Số: 69-KL/TU", 0), HeaderLine("ĐẢNG CỘNG SẢN VIỆT NAM", 1)],
     (("TỈNH ỦY QUẢNG NGÃI",), "Số: 69-KL/TU", None)),
    # Party documents print "Số 69-KL/TU" without a colon
    pytest.param([HeaderLine("TỈNH ỦY QUẢNG NGÃI", 0), HeaderLine("Số 69-KL/TU", 0),
                  HeaderLine("ĐẢNG CỘNG SẢN VIỆT NAM", 1)],
                 (("TỈNH ỦY QUẢNG NGÃI",), "Số 69-KL/TU", None)),
    # nothing at all
    ([], ((), None, None)),
]


@pytest.mark.parametrize("lines, expected", CLASSIFY_CASES)
def test_classify_header_lines(lines: list[HeaderLine], expected: tuple) -> None:
    raw = classify_header_lines(lines)
    assert (raw.issuer_lines, raw.number_line, raw.place_date_line) == expected


# --- split_header -------------------------------------------------------------------------

TITLE = "Triển khai thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị"

# (blocks, expected raw header, type code, index of the first body block)
SPLIT_CASES = [
    # DOCX layout table, type line, one-paragraph title, a typed rule, then the body
    ([_province_header(), para("KẾ HOẠCH", bold=True, align="center"), para(TITLE, bold=True, align="center"),
      para("-----------"), para("Thực hiện Kết luận số 69-KL/TW, UBND tỉnh ban hành Kế hoạch:", align="justify")],
     RawHeader(("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"), "Số: 196 /KH-UBND", DATE, "Kế hoạch", TITLE), "ke_hoach", 4),
    # one-cell header: issuer and number in one paragraph (line breaks read as spaces), blank number
    ([layout(["ỦY BAN NHÂN DÂN TỈNH X Số: /KH-UBND"], MOTTO + ["X, ngày    tháng    năm 2024"]),
      para("KẾ HOẠCH", bold=True, align="center"), para("Về việc A", bold=True, align="center"), para("Căn cứ")],
     RawHeader(("ỦY BAN NHÂN DÂN TỈNH X",), "Số: /KH-UBND", "X, ngày    tháng    năm 2024", "Kế hoạch", "Về việc A"),
     "ke_hoach", 3),
    # the header as plain paragraphs, no table
    ([para("ỦY BAN NHÂN DÂN TỈNH X Số: 12/KH-UBND"), para(" ".join(MOTTO)), para("X, ngày 1 tháng 2 năm 2024"),
      para("KẾ HOẠCH", bold=True, align="center"), para("Về việc A", bold=True, align="center"), para("Căn cứ")],
     RawHeader(("ỦY BAN NHÂN DÂN TỈNH X",), "Số: 12/KH-UBND", "X, ngày 1 tháng 2 năm 2024", "Kế hoạch", "Về việc A"),
     "ke_hoach", 5),
    # department issuer "UBND TỈNH X / SỞ Y"
    ([layout(["UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 12/KH-SKHCN"], MOTTO + [DATE]),
      para("KẾ HOẠCH", bold=True, align="center"), para("Về việc A", bold=True, align="center"), para("Căn cứ")],
     RawHeader(("UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"), "Số: 12/KH-SKHCN", DATE, "Kế hoạch", "Về việc A"),
     "ke_hoach", 3),
    # title in two bold centred paragraphs: joined with a space
    ([_province_header(), para("KẾ HOẠCH", bold=True, align="center"),
      para("Triển khai thực hiện Kết luận số 69-KL/TW ngày 11/01/2024", bold=True, align="center"),
      para("của Bộ Chính trị", bold=True, align="center"), para("Thực hiện Kết luận.", align="justify")],
     RawHeader(("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"), "Số: 196 /KH-UBND", DATE, "Kế hoạch", TITLE), "ke_hoach", 4),
    # decision: the upper-case "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" line after the title opens the body
    ([_province_header("Số: 08/2024/QĐ-UBND"), para("QUYẾT ĐỊNH", bold=True, align="center"),
      para("Ban hành Kế hoạch thực hiện", bold=True, align="center"),
      para("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", bold=True, align="center"), para("Căn cứ Luật")],
     RawHeader(("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"), "Số: 08/2024/QĐ-UBND", DATE, "Quyết định",
               "Ban hành Kế hoạch thực hiện"), "quyet_dinh", 3),
    # directive
    ([_province_header("Số: 05/CT-UBND"), para("CHỈ THỊ", bold=True, align="center"),
      para("Về tăng cường công tác", bold=True, align="center"), para("Thời gian qua", align="justify")],
     RawHeader(("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"), "Số: 05/CT-UBND", DATE, "Chỉ thị", "Về tăng cường công tác"),
     "chi_thi", 3),
    # an upper-case title (older style) is still the title
    ([_province_header(), para("KẾ HOẠCH", bold=True, align="center"),
      para("TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 69-KL/TW", bold=True, align="center"), para("Căn cứ", align="justify")],
     RawHeader(("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"), "Số: 196 /KH-UBND", DATE, "Kế hoạch",
               "TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 69-KL/TW"), "ke_hoach", 3),
    # no type line (a letter): the header is the leading layout table, the body starts after it
    ([_province_header("Số: 3525/UBND-KGVX"), para("Kính gửi: Các sở, ban, ngành tỉnh")],
     RawHeader(("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"), "Số: 3525/UBND-KGVX", DATE), None, 1),
    # a ruled table right after the title ends it
    ([_province_header(), para("KẾ HOẠCH", bold=True, align="center"), para("Về A", bold=True, align="center"),
      grid([["TT", "Nội dung"]])],
     RawHeader(("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"), "Số: 196 /KH-UBND", DATE, "Kế hoạch", "Về A"), "ke_hoach", 3),
]


@pytest.mark.parametrize("blocks, header, code, body_start", SPLIT_CASES)
def test_split_header(blocks: list[Block], header: RawHeader, code: str | None, body_start: int) -> None:
    assert split_header(blocks) == (header, code, body_start)


def test_bold_first_heading_after_the_title_is_body() -> None:
    blocks = [_province_header(), para("KẾ HOẠCH", bold=True, align="center"),
              para("Triển khai thực hiện Kết luận", bold=True, align="center"),
              para("1. Mục đích, yêu cầu", bold=True, align="justify"), para("Xác định các nhiệm vụ.")]
    header, _, body_start = split_header(blocks)
    assert (header.title, body_start) == ("Triển khai thực hiện Kết luận", 3)


def test_roman_heading_after_an_upper_case_title_is_body() -> None:
    blocks = [_province_header(), para("KẾ HOẠCH", bold=True, align="center"),
              para("TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 69-KL/TW", bold=True, align="center"),
              para("I. MỤC ĐÍCH, YÊU CẦU", bold=True, align="justify"), para("Xác định các nhiệm vụ.")]
    header, _, body_start = split_header(blocks)
    assert (header.title, body_start) == ("TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 69-KL/TW", 3)


def test_number_and_date_in_one_tabbed_paragraph() -> None:
    blocks = [layout(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"], MOTTO),
              para(f"Số: 196/KH-UBND      {DATE}"),
              para("KẾ HOẠCH", bold=True, align="center"), para("Về A", bold=True, align="center"), para("Căn cứ")]
    header, _, _ = split_header(blocks)
    assert (header.number_line, header.place_date_line) == ("Số: 196/KH-UBND", DATE)


# --- pipeline.normalize.header: number line and place/date ------------------------------------

# (number line, (number, symbol, code), warning codes)
NUMBER_CASES = [
    ("Số: 196 /KH-UBND", ("196", "KH-UBND", "196/KH-UBND"), []),  # plan 196: space before the slash
    ("Số:173    /KH-UBND", ("173", "KH-UBND", "173/KH-UBND"), []),  # no space after the colon, run of spaces
    ("Số:      /KH-UBND", (None, "KH-UBND", None), ["blank_number"]),  # draft: number left blank
    ("Số: 08/2024/QĐ-UBND", ("08", "QĐ-UBND", "08/2024/QĐ-UBND"), []),  # year inside the code, zero kept
    ("Số:  /2024/QĐ-UBND", (None, "QĐ-UBND", None), ["blank_number"]),  # blank number with a year
    ("Số 69-KL/TW", ("69", "KL/TW", "69-KL/TW"), []),  # Party style: no colon, hyphen separator
    ("Số: 12/KH-SKHCN", ("12", "KH-SKHCN", "12/KH-SKHCN"), []),  # department symbol
    ("Số: 3525/UBND-KGVX", ("3525", "UBND-KGVX", "3525/UBND-KGVX"), []),  # official letter
    ("Số: 196 / KH - UBND", ("196", "KH-UBND", "196/KH-UBND"), []),  # spaces everywhere
    ("So: 12/KH-UBND", ("12", "KH-UBND", "12/KH-UBND"), []),  # typed without accents
    (None, (None, None, None), ["no_number"]),  # no number line at all
    ("Kế hoạch", (None, None, None), ["bad_number"]),  # not a number line
    pytest.param("SỐ: 12/KH-UBND", ("12", "KH-UBND", "12/KH-UBND"), []),
]


@pytest.mark.parametrize("line, expected, warnings", NUMBER_CASES)
def test_parse_number_line(line: str | None, expected: tuple, warnings: list[str]) -> None:
    number, found = parse_number_line(line)
    assert ((number.number, number.symbol, number.code), [w.code for w in found]) == (expected, warnings)


def test_blank_number_warning_names_the_field() -> None:
    # the warning says where and quotes the line with its spaces collapsed
    _, (warning,) = parse_number_line("Số:      /KH-UBND")
    assert (warning.code, warning.where, warning.message) == (
        "blank_number", "/document/number", "the number is blank ('Số: /KH-UBND'): a draft?")


# (place/date line, place, ISO date, warning codes)
DATE_CASES = [
    ("Quảng Ngãi, ngày 02 tháng 10 năm 2024", "Quảng Ngãi", "2024-10-02", []),  # plan 196
    ("Quảng Ngãi, ngày 2 tháng 9 năm 2024", "Quảng Ngãi", "2024-09-02", []),  # no leading zeros
    ("Hà Nội, ngày 29 tháng 02 năm 2024", "Hà Nội", "2024-02-29", []),  # leap day
    ("TP. Hồ Chí Minh, ngày 5 tháng 6 năm 2023", "TP. Hồ Chí Minh", "2023-06-05", []),  # dotted place name
    ("Buôn Ma Thuột, ngày 10  tháng 5  năm 2024", "Buôn Ma Thuột", "2024-05-10", []),  # double spaces
    ("Quảng Ngãi ngày 02 tháng 10 năm 2024", "Quảng Ngãi", "2024-10-02", []),  # comma missing
    ("Lâm Đồng, ngày 15 tháng $ 3 năm 2025", "Lâm Đồng", "2025-03-15", []),  # OCR's stray "$" from a speck
    ("Hà Nội, ngày| 02 tháng 10 năm 2024", "Hà Nội", "2024-10-02", []),  # a rule's end read as "|"
    ("Quảng Ngãi, Ngày 02 Tháng 10 Năm 2024", "Quảng Ngãi", "2024-10-02", []),  # capitalised words
    ("Quảng Ngãi, ngày 02/10/2024", "Quảng Ngãi", "2024-10-02", []),  # numeric date
    ("Quảng Ngãi, ngày    tháng 10 năm 2024", "Quảng Ngãi", None, ["blank_date"]),  # draft: blank day
    ("Quảng Ngãi, ngày   tháng   năm 2024", "Quảng Ngãi", None, ["blank_date"]),  # blank day and month
    ("Quảng Ngãi, ngày 31 tháng 02 năm 2024", "Quảng Ngãi", None, ["impossible_date"]),  # 31 February
    ("Quảng Ngãi, ngày 02 tháng 13 năm 2024", "Quảng Ngãi", None, ["impossible_date"]),  # month 13
    ("ngày 02 tháng 10 năm 2024", None, "2024-10-02", []),  # no place
    (None, None, None, ["no_date"]),  # no line
    ("Quảng Ngãi", None, None, ["bad_date"]),  # no date words
]


@pytest.mark.parametrize("line, place, date, warnings", DATE_CASES)
def test_parse_place_date(line: str | None, place: str | None, date: str | None, warnings: list[str]) -> None:
    got_place, got_date, found = parse_place_date(line)
    assert (got_place, got_date, [w.code for w in found]) == (place, date, warnings)


# (the texts of a document printed without a date line, the date its passage sentence gives)
PASSAGE_CASES = [
    (["Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 9 thông qua ngày "
      "24 tháng 6 năm 2025."], "2025-06-24"),
    (["Nghị quyết này đã được Hội đồng nhân dân tỉnh Lâm Đồng khóa X, Kỳ họp thứ 5 thông qua ngày 10/12/2024."],
     "2024-12-10"),
    (["Pháp lệnh này được Ủy ban Thường vụ Quốc hội thông qua ngày 5 tháng 3 năm 2022."], "2022-03-05"),
    # a quoted earlier law comes first; the document's own sentence is the last one
    (["Bộ luật này được Quốc hội thông qua ngày 20 tháng 6 năm 2017.", "Điều 3. Hiệu lực",
      "Luật này được Quốc hội thông qua ngày 01 tháng 7 năm 2024."], "2024-07-01"),
    (["Kế hoạch được thông qua ngày 12 tháng 3 năm 2025."], None),  # not a law's passage sentence
    (["Luật này được Quốc hội thông qua ngày 31 tháng 02 năm 2025."], None),  # impossible: never guessed
    ([], None),
]


@pytest.mark.parametrize("texts, expected", PASSAGE_CASES)
def test_passage_date(texts: list[str], expected: str | None) -> None:
    assert passage_date(texts) == expected


# (line, whether it is a place and date line)
PLACE_DATE_LINE_CASES = [
    ("Lâm Đồng, ngày 12 tháng 3 năm 2026", True),
    ("Hà Nội, ngày      tháng      năm 2025", True),  # a draft's blanks
    ("ngày 5 tháng 01 năm 2026", True),
    ("ĐẢNG CỘNG SẢN VIỆT NAM", False),
    ("1.2. Tên cơ quan ban hành văn bản", False),
]


@pytest.mark.parametrize("line, expected", PLACE_DATE_LINE_CASES)
def test_is_place_date_line(line: str, expected: bool) -> None:
    assert is_place_date_line(line) is expected
