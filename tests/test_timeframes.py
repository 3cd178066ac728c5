"""Tests for pipeline.normalize.timeframes: timeframe cell text -> contract Timeframe."""
from __future__ import annotations

import pytest

from pipeline.normalize.plan_frame import plan_year
from pipeline.normalize.timeframes import load_words, parse_timeframe

# (cell text, (kind, start, end, date, event))
CASES = [
    # --- ongoing
    ("Thường xuyên", ("ongoing", None, None, None, None)),  # the commonest cell of plan 196
    ("Thường xuyên, liên tục", ("ongoing", None, None, None, None)),  # two ongoing words
    ("THƯỜNG XUYÊN", ("ongoing", None, None, None, None)),  # capitals
    ("Thuong xuyen", ("ongoing", None, None, None, None)),  # typed without accents
    ("<p>Thường xuyên</p>", ("ongoing", None, None, None, None)),  # leftover markup in the cell
    ("Hằng quý", ("ongoing", None, None, None, None)),  # quarterly: no own kind in the contract
    ("Thường xuyên, giai đoạn 2021-2025", ("ongoing", 2021, 2025, None, None)),  # range given
    # --- annual
    ("Hàng năm", ("annual", None, None, None, None)),  # spelling with à
    ("Hằng năm", ("annual", None, None, None, None)),  # spelling with ằ
    ("Định kỳ hằng năm", ("annual", None, None, None, None)),  # "định kỳ" alone is ongoing
    ("Định kỳ hàng năm", ("annual", None, None, None, None)),  # other spelling
    ("Hằng năm, giai đoạn 2026-2030", ("annual", 2026, 2030, None, None)),  # annual with a range
    ("Hằng năm, từ năm 2025", ("annual", 2025, None, None, None)),  # annual with a start
    ("Trước ngày 15/12 hằng năm", ("annual", None, None, None, None)),  # yearly deadline, no year
    ("Thường niên", ("annual", None, None, None, None)),  # synonym
    # --- year
    ("Năm 2025", ("year", 2025, 2025, None, None)),  # plain year
    ("Trong năm 2026", ("year", 2026, 2026, None, None)),  # "during"
    ("2025", ("year", 2025, 2025, None, None)),  # bare year
    ("Cuối năm 2025", ("year", 2025, 2025, None, None)),  # end of year
    ("6 tháng đầu năm 2025", ("year", 2025, 2025, None, None)),  # half year is not a month
    # --- from_year
    ("Năm 2025 và các năm tiếp theo", ("from_year", 2025, None, None, None)),  # plan 196 row 7
    ("Từ năm 2025", ("from_year", 2025, None, None, None)),  # "from"
    ("2025 và những năm tiếp theo", ("from_year", 2025, None, None, None)),  # no "Năm"
    ("Từ 2025 trở đi", ("from_year", 2025, None, None, None)),  # "onwards"
    ("Năm 2025, các năm tiếp theo", ("from_year", 2025, None, None, None)),  # comma, no "và"
    ("Bắt đầu từ tháng 6/2025", ("from_year", 2025, None, None, None)),  # start month
    ("Từ Quý II/2025", ("from_year", 2025, None, None, None)),  # start quarter
    # --- period
    ("giai đoạn 2026-2030", ("period", 2026, 2030, None, None)),  # hyphen
    ("2026 - 2030", ("period", 2026, 2030, None, None)),  # spaced hyphen
    ("Giai đoạn 2021 – 2025", ("period", 2021, 2025, None, None)),  # en dash
    ("2026-2030", ("period", 2026, 2030, None, None)),  # bare range
    ("Từ năm 2025 đến năm 2030", ("period", 2025, 2030, None, None)),  # words, not from_year
    ("Năm 2025 - 2026", ("period", 2025, 2026, None, None)),  # "Năm" then range
    ("Năm 2025, 2026", ("period", 2025, 2026, None, None)),  # two listed years
    ("Đến năm 2030", ("period", None, 2030, None, None)),  # open start
    ("Trước năm 2026", ("period", None, 2025, None, None)),  # before a year ends the year before
    ("2030 - 2026", ("period", 2026, 2030, None, None)),  # reversed: read as two listed years
    # --- quarter
    ("Quý III/2025", ("quarter", 2025, 2025, None, None)),  # roman numeral
    ("Quý 2/2026", ("quarter", 2026, 2026, None, None)),  # arabic numeral, not a month
    ("Quý II năm 2026", ("quarter", 2026, 2026, None, None)),  # "năm" instead of "/"
    ("Quý IV/2025 - Quý I/2026", ("quarter", 2025, 2026, None, None)),  # across a year
    ("Quý I, II/2026", ("quarter", 2026, 2026, None, None)),  # two quarters listed
    ("quý iv 2025", ("quarter", 2025, 2025, None, None)),  # lower case, space only
    ("Quý III, IV/2026, 2027", ("quarter", 2026, 2027, None, None)),  # issue 12: a year listed after runs to it
    ("Quý IV/2026 và năm 2027", ("quarter", 2026, 2027, None, None)),  # "và năm" before the listed year
    # --- month
    ("Tháng 12/2025", ("month", 2025, 2025, None, None)),  # slash
    ("tháng 5 năm 2026", ("month", 2026, 2026, None, None)),  # words
    ("Tháng 5-6/2026", ("month", 2026, 2026, None, None)),  # two months
    ("Trước tháng 6/2025", ("month", 2025, 2025, None, None)),  # deadline month
    ("12/2025", ("month", 2025, 2025, None, None)),  # bare month/year
    ("Tháng 9/2026, 2027", ("month", 2026, 2027, None, None)),  # a second year listed after the month
    # --- date
    ("Trước ngày 30/6/2025", ("date", 2025, 2025, "2025-06-30", None)),  # deadline
    ("Trước 31/12/2025", ("date", 2025, 2025, "2025-12-31", None)),  # without "ngày"
    ("ngày 15/3/2026", ("date", 2026, 2026, "2026-03-15", None)),  # a day
    ("Trước ngày 15 tháng 3 năm 2026", ("date", 2026, 2026, "2026-03-15", None)),  # in words
    ("Chậm nhất 30-6-2025", ("date", 2025, 2025, "2025-06-30", None)),  # hyphens
    ("Trước 01.02.2026", ("date", 2026, 2026, "2026-02-01", None)),  # dots
    ("Trước ngày 31/2/2025", ("date", 2025, 2025, None, None)),  # impossible: no ISO date
    # --- after_event
    ("Sau khi các Bộ ban hành", ("after_event", None, None, None, "các Bộ ban hành")),  # plan 196
    (
        "Sau khi Chính phủ ban hành Kế hoạch",
        ("after_event", None, None, None, "Chính phủ ban hành Kế hoạch"),
    ),  # the event keeps its capitals
    ("Ngay sau khi có hướng dẫn", ("after_event", None, None, None, "có hướng dẫn")),  # "ngay"
    (
        "Trong vòng 30 ngày sau khi Quyết định có hiệu lực",
        ("after_event", None, None, None, "Quyết định có hiệu lực"),
    ),  # not at the start, no year: still an event
    ("Sau khi được phê duyệt.", ("after_event", None, None, None, "được phê duyệt")),  # trailing dot
    (
        "Sau khi Bộ ban hành hướng dẫn, năm 2025",
        ("after_event", None, None, None, "Bộ ban hành hướng dẫn, năm 2025"),
    ),  # the event comes first, so the year is part of it
    ("Năm 2025, sau khi Bộ ban hành", ("year", 2025, 2025, None, None)),  # year first: a year
    # --- by_agreement
    ("Theo kế hoạch thống nhất của hai bên", ("by_agreement", None, None, None, None)),  # plan 196
    ("Theo thỏa thuận", ("by_agreement", None, None, None, None)),  # modern tone
    ("Theo thoả thuận", ("by_agreement", None, None, None, None)),  # old tone
    ("Do hai bên thống nhất", ("by_agreement", None, None, None, None)),  # other wording
    # --- other
    ("Theo Kế hoạch tổ chức Cuộc thi và đề nghị của tỉnh", ("other", None, None, None, None)),  # 196
    ("Theo yêu cầu", ("other", None, None, None, None)),  # on request
    ("Khi có yêu cầu", ("other", None, None, None, None)),  # when requested
    (
        "Theo Quyết định 709/QĐ-TTg ngày 23/7/2024",
        ("other", None, None, None, None),
    ),  # the date is the cited decision's, not a deadline
    ("Trong vòng 30 ngày", ("other", None, None, None, None)),  # relative, no anchor
    ("Tùy tình hình thực tế", ("other", None, None, None, None)),  # depends
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_timeframe(text: str, expected: tuple) -> None:
    timeframe, _ = parse_timeframe(text)
    assert timeframe is not None
    got = (timeframe.kind, timeframe.start, timeframe.end, timeframe.date, timeframe.event)
    assert got == expected


# (cell text, plan year, (kind, start, end, date, inferred)): cells naming no year take the plan's year.
INFERRED_CASES = [
    ("Quý III", 2026, ("quarter", 2026, 2026, None, True)),  # issue 12: a quarter with no year
    ("Trong quý I", 2025, ("quarter", 2025, 2025, None, True)),  # "trong" before it
    ("Quý 2", 2026, ("quarter", 2026, 2026, None, True)),  # arabic quarter number
    ("tháng 9", 2026, ("month", 2026, 2026, None, True)),  # issue 12: a month with no year
    ("Trong tháng 10", 2026, ("month", 2026, 2026, None, True)),  # "trong" before it
    ("Trước ngày 30/6", 2026, ("date", 2026, 2026, "2026-06-30", True)),  # a day and month
    ("Từ 20 giờ 15 phút - 20 giờ 45 phút ngày 23 tháng 1", 2026,
     ("date", 2026, 2026, "2026-01-23", True)),  # plan 05's broadcast slots: clock times are no years
    ("Quý III/2025", 2026, ("quarter", 2025, 2025, None, False)),  # a printed year wins: not inferred
    ("Quý III, IV/2026, 2027", 2025, ("quarter", 2026, 2027, None, False)),  # printed years, the plan's ignored
    ("Quý III", None, ("quarter", None, None, None, False)),  # no plan year known: a quarter of no year
    ("Trước ngày 15/12 hằng năm", 2026, ("annual", None, None, None, False)),  # recurring: no deadline year
    ("Thường xuyên", 2026, ("ongoing", None, None, None, False)),  # ongoing stays open
    ("6 tháng đầu năm", 2026, ("other", None, None, None, False)),  # a span, not "tháng 6"
    ("Trong vòng 30 ngày", 2026, ("other", None, None, None, False)),  # relative: no anchor
]


@pytest.mark.parametrize(("text", "year", "expected"), INFERRED_CASES)
def test_timeframe_in_the_plans_year(text: str, year: int | None, expected: tuple) -> None:
    timeframe, _ = parse_timeframe(text, plan_year=year)
    assert timeframe is not None
    assert (timeframe.kind, timeframe.start, timeframe.end, timeframe.date, timeframe.inferred) == expected


# (issued date, date line, title, plan year): the frame a yearless timeframe takes.
PLAN_YEAR_CASES = [
    ("2025-12-24", "Lâm Đồng, ngày 24 tháng 12 năm 2025", "Kế hoạch cải cách hành chính năm 2026",
     2026),  # the title's year: a plan for 2026 issued in December 2025
    ("2026-04-28", "Hà Nội, ngày 28 tháng 4 năm 2026", "Tổ chức Festival Thăng Long - Hà Nội", 2026),  # issued
    (None, "Lâm Đồng, ngày    tháng    năm 2026", "Kiểm tra công tác cải cách hành chính", 2026),  # a draft's date line
    (None, None, "Chuyển đổi số giai đoạn 2026-2030", 2026),  # only a period: its first year
    ("2025-10-02", "Quảng Ngãi, ngày 02 tháng 10 năm 2025", "Phòng, chống ma túy đến năm 2030",
     2025),  # "đến năm 2030" ends a period, it is not the plan's year
    ("2025-10-02", None, "Chương trình đến hết năm 2030", 2025),  # "đến hết năm" ends a period too
    (None, None, None, None),  # nothing known
]


@pytest.mark.parametrize(("issued", "line", "title", "year"), PLAN_YEAR_CASES)
def test_plan_year(issued: str | None, line: str | None, title: str | None, year: int | None) -> None:
    assert plan_year(issued, line, title) == year


def test_case_table_is_large_enough() -> None:
    assert len(CASES) >= 50


def test_every_contract_kind_is_covered() -> None:
    kinds = {expected[0] for _, expected in CASES}
    assert kinds == {
        "ongoing", "annual", "year", "from_year", "period", "quarter", "month",
        "date", "after_event", "by_agreement", "other",
    }


@pytest.mark.parametrize("text", ["", "   ", "<p></p>", "\u200b"])
def test_empty_cell_is_none(text: str) -> None:
    # An empty cell is no timeframe at all, and no warning.
    assert parse_timeframe(text) == (None, [])


# (cell text, expected warning codes)
WARNING_CASES = [
    ("Trước ngày 31/2/2025", ["timeframe_invalid_date"]),  # February 31st
    ("Trước 31/4/2025", ["timeframe_invalid_date"]),  # April has 30 days
    ("Tháng 13/2025", ["timeframe_invalid_date"]),  # no 13th month
    ("Trong vòng 30 ngày", ["timeframe_unrecognized"]),  # numbers no rule understood
    ("Trước ngày 29/2/2024", []),  # leap day: valid
    ("Thường xuyên", []),  # fine
    ("Theo Quyết định 709/QĐ-TTg ngày 23/7/2024", []),  # "Theo ...": other on purpose
]


@pytest.mark.parametrize(("text", "codes"), WARNING_CASES)
def test_warnings(text: str, codes: list[str]) -> None:
    _, warnings = parse_timeframe(text, where="/tasks/0/timeframe", label="Phụ lục, nhiệm vụ II.5")
    assert [w.code for w in warnings] == codes
    assert all(w.where == "/tasks/0/timeframe" and w.label == "Phụ lục, nhiệm vụ II.5" and w.message for w in warnings)


def test_invalid_date_message_quotes_the_original_text() -> None:
    _, warnings = parse_timeframe("Trước ngày 31/2/2025")
    assert "31/2/2025" in warnings[0].message


# (raw cell, expected Timeframe.text)
TEXT_CASES = [
    ("<p>Thường xuyên</p>", "Thường xuyên"),  # markup stripped
    ("Năm 2025 và các\nnăm tiếp theo", "Năm 2025 và các năm tiếp theo"),  # line wrap joined
    ("Theo thoả thuận", "Theo thỏa thuận"),  # modern tone placement
    ("  Quý III/2025 ", "Quý III/2025"),  # trimmed
]


@pytest.mark.parametrize(("text", "expected"), TEXT_CASES)
def test_timeframe_text_is_normalized(text: str, expected: str) -> None:
    timeframe, _ = parse_timeframe(text)
    assert timeframe is not None and timeframe.text == expected


def test_vocabulary_has_every_role() -> None:
    # The YAML file is edited by hand: a renamed key must fail here, not at run time.
    assert set(load_words()) >= {
        "after_event", "by_agreement", "annual", "ongoing", "from_year_after",
        "from_year_before", "period_joiners", "until_year", "before_year",
        "month_word", "quarter_word", "other_prefixes",
    }
