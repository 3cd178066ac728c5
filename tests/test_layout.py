"""Tests for pipeline.extract.layout: positioned words -> lines, bands, paragraphs."""
from __future__ import annotations

import pytest

from pipeline.text import join_wrapped
from pipeline.extract.layout import (
    Band,
    Line,
    Word,
    band_to_table,
    find_bands,
    font_is_bold,
    font_is_italic,
    group_lines,
    lines_to_paragraphs,
    text_bounds,
)
from ir_builders import centred, justified, line, merge, words

# Text block of an A4 page with 30 mm / 15 mm margins (points).
LEFT, RIGHT = 85.0, 510.0
BOUNDS = (LEFT, RIGHT)


def _texts(items: list[Line | Band]) -> list[str | tuple[list[str], list[str]]]:
    """Lines as their text, bands as (left cell paragraphs, right cell paragraphs)."""
    out: list[str | tuple[list[str], list[str]]] = []
    for item in items:
        if isinstance(item, Band):
            table = band_to_table(item)
            left, right = table.rows[0].cells
            out.append(([p.text for p in left.paragraphs], [p.text for p in right.paragraphs]))
        else:
            out.append(item.text)
    return out


# --- group_lines --------------------------------------------------------------

# (words, expected line texts top to bottom)
GROUP_CASES = [
    # baseline jitter of half a point: one line, read left to right
    ([Word("Số:", 95, 110, 100.0, 113.0, 13), Word("196", 113, 132, 100.6, 113.6, 13),
      Word("/KH-UBND", 136, 190, 99.7, 112.7, 13)],
     ["Số: 196 /KH-UBND"]),
    # words given right to left: still sorted by x
    (list(reversed(words("Tăng cường sự lãnh đạo", 85, 200))), ["Tăng cường sự lãnh đạo"]),
    # two lines one line pitch apart stay two lines
    (words("dòng một", 85, 200) + words("dòng hai", 85, 215), ["dòng một", "dòng hai"]),
    # a smaller word (11 pt recipient) beside a 14 pt authority line, centres 2 pt apart: one line
    (words("Nơi nhận:", 85, 401, size=12) + words("KT. CHỦ TỊCH", 360, 400, size=14),
     ["Nơi nhận: KT. CHỦ TỊCH"]),
    # lines sorted top to bottom whatever the input order
    (words("dưới", 85, 300) + words("trên", 85, 100), ["trên", "dưới"]),
]


@pytest.mark.parametrize("given, expected", GROUP_CASES)
def test_group_lines(given: list[Word], expected: list[str]) -> None:
    assert [ln.text for ln in group_lines(given)] == expected


def test_line_bold_ignores_plain_punctuation() -> None:
    # a bold heading whose trailing colon is set in the regular font is still bold
    ln = Line(tuple(words("Nơi nhận", 85, 100, bold=True) + [Word(":", 131, 134, 100, 112, 12)]))
    assert ln.bold is True


@pytest.mark.parametrize("font, bold, italic", [
    ("ABCDEF+TimesNewRomanPS-BoldMT", True, False),  # subset prefix, PostScript bold
    ("TimesNewRomanPSMT", False, False),  # regular
    ("Times-BoldItalic", True, True),  # both
    ("Arial,Bold", True, False),  # Windows ",Bold" suffix
    ("ABCDEF+TimesNewRomanPS-ItalicMT", False, True),  # italic only
])
def test_font_flags(font: str, bold: bool, italic: bool) -> None:
    assert (font_is_bold(font), font_is_italic(font)) == (bold, italic)


# --- find_bands / band_to_table -------------------------------------------------


def _header_band_lines() -> list[Line]:
    """The Nghị định 30 header: issuer and "Số:" left, motto and date right."""
    return [
        merge(line("ỦY BAN NHÂN DÂN", 100, 60, size=13),
              line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 290, 60, size=13, bold=True)),
        merge(line("TỈNH QUẢNG NGÃI", 102, 75, size=13, bold=True),
              line("Độc lập - Tự do - Hạnh phúc", 320, 75, size=13, bold=True)),
        merge(line("Số: 196 /KH-UBND", 100, 100, size=13),
              line("Quảng Ngãi, ngày 02 tháng 10 năm 2024", 280, 100, size=13, italic=True)),
    ]


def test_header_band_is_one_borderless_two_column_table() -> None:
    pieces = find_bands(_header_band_lines(), BOUNDS)
    assert len(pieces) == 1 and isinstance(pieces[0], Band)
    table = band_to_table(pieces[0])
    assert (table.bordered, table.n_cols, len(table.rows)) == (False, 2, 1)
    left, right = table.rows[0].cells
    assert (left.col, right.col) == (0, 1)
    # issuer lines differ in weight (regular "ỦY BAN", bold "TỈNH"): two paragraphs
    assert [p.text for p in left.paragraphs] == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 196 /KH-UBND"]
    assert [p.text for p in right.paragraphs] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quảng Ngãi, ngày 02 tháng 10 năm 2024"]


def test_centred_title_after_band_is_not_absorbed() -> None:
    # "KẾ HOẠCH" 7 pt under the date line: close enough to join, but centred on the page
    lines = _header_band_lines() + [
        centred("KẾ HOẠCH", LEFT, RIGHT, 120, size=14, bold=True),
        centred("Triển khai thực hiện Kết luận số 69-KL/TW", LEFT, RIGHT, 137, size=14, bold=True),
    ]
    out = _texts(find_bands(lines, BOUNDS))
    assert out[1:] == ["KẾ HOẠCH", "Triển khai thực hiện Kết luận số 69-KL/TW"]
    assert isinstance(out[0], tuple) and out[0][1][-1] == "Quảng Ngãi, ngày 02 tháng 10 năm 2024"


def test_body_line_after_a_wide_gap_ends_the_band() -> None:
    # a left-aligned short line 3 line-heights below the band is body text, not the issuer column
    lines = _header_band_lines() + [line("Căn cứ Luật Tổ chức", LEFT, 160, size=13)]
    assert _texts(find_bands(lines, BOUNDS))[1:] == ["Căn cứ Luật Tổ chức"]


def _closing_lines(recipients_top: float) -> list[Line]:
    """Nơi nhận (left) beside the signature (right); the signer's name far below."""
    return [
        line("Nơi nhận:", LEFT, recipients_top, size=12, bold=True, italic=True),
        line("KT. CHỦ TỊCH", 360, 392, size=14, bold=True),
        merge(line("- Bộ Khoa học và Công nghệ;", LEFT, 404, size=11),
              line("PHÓ CHỦ TỊCH", 360, 406, size=14, bold=True)),
        line("- Lưu: VT, KGVX.thiên581", LEFT, 417, size=11),
        line("Trần Hoàng Tuấn", 360, 480, size=14, bold=True),
    ]


def test_recipients_head_set_above_the_authority_line_joins_the_band() -> None:
    # "Nơi nhận:" 6 pt higher than "KT. CHỦ TỊCH": its own line, pulled into the band above
    lines = group_lines([w for ln in _closing_lines(386) for w in ln.words])
    assert [ln.text for ln in lines][:2] == ["Nơi nhận:", "KT. CHỦ TỊCH"]
    assert _texts(find_bands(lines, BOUNDS)) == [(
        ["Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "- Lưu: VT, KGVX.thiên581"],
        ["KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Trần Hoàng Tuấn"],
    )]


def test_last_body_line_above_the_closing_band_stays_body() -> None:
    lines = [
        justified("Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị kịp thời báo cáo để xem xét,",
                  LEFT, RIGHT, 354, size=14),
        line("chỉ đạo./.", LEFT, 370, size=14),  # short last line, 8 pt above the closing (spacing-before)
    ] + _closing_lines(392)
    lines = group_lines([w for ln in lines for w in ln.words])
    out = _texts(find_bands(lines, BOUNDS))
    assert out[1] == "chỉ đạo./."
    assert out[2][0][0] == "Nơi nhận:"


# --- lines_to_paragraphs ---------------------------------------------------------


def _justified_body() -> list[Line]:
    """Two justified paragraphs with a 36 pt first-line indent, the first ending on a short line."""
    return [
        justified("Các sở, ban, ngành trong phạm vi quản lý được giao có trách nhiệm", LEFT + 36, RIGHT, 200, size=13),
        justified("thúc đẩy phát triển thị trường khoa học và công nghệ đồng bộ, hiệu", LEFT, RIGHT, 216, size=13),
        line("quả và hội nhập.", LEFT, 232, size=13),
        justified("Đề xuất chính sách ưu đãi cho sản phẩm đang trong thời kỳ thử nghiệm,", LEFT + 36, RIGHT, 248,
                  size=13),
        justified("sử dụng công nghệ mới trên địa bàn tỉnh và các địa phương lân cận", LEFT, RIGHT, 264, size=13),
        line("trong khu vực.", LEFT, 280, size=13),
    ]


# (lines, ragged, expected paragraph texts)
PARAGRAPH_CASES = [
    # justified text: first-line indent and short last line split it into paragraphs
    (_justified_body(), False, [
        "Các sở, ban, ngành trong phạm vi quản lý được giao có trách nhiệm thúc đẩy phát triển thị trường "
        "khoa học và công nghệ đồng bộ, hiệu quả và hội nhập.",
        "Đề xuất chính sách ưu đãi cho sản phẩm đang trong thời kỳ thử nghiệm, sử dụng công nghệ mới trên "
        "địa bàn tỉnh và các địa phương lân cận trong khu vực.",
    ]),
    # no first-line indent: the short last line alone ends the paragraph
    ([justified("Hằng năm, các sở lập dự toán kinh phí thực hiện, gửi Sở Tài chính thẩm", LEFT, RIGHT, 200, size=13),
      line("định.", LEFT, 216, size=13),
      justified("Giao Sở Khoa học và Công nghệ chủ trì triển khai thực hiện Kế hoạch này;", LEFT, RIGHT, 232, size=13),
      line("kịp thời tham mưu.", LEFT, 248, size=13)], False,
     ["Hằng năm, các sở lập dự toán kinh phí thực hiện, gửi Sở Tài chính thẩm định.",
      "Giao Sở Khoa học và Công nghệ chủ trì triển khai thực hiện Kế hoạch này; kịp thời tham mưu."]),
    # ragged cell text: short lines are wraps, never paragraph ends
    ([line("Sở Khoa học và", 300, 200, size=12), line("Công nghệ, Trường", 300, 214, size=12),
      line("Đại học Phạm Văn Đồng", 300, 228, size=12)], True,
     ["Sở Khoa học và Công nghệ, Trường Đại học Phạm Văn Đồng"]),
    # a change of weight splits even in ragged text
    ([line("Nơi nhận:", 85, 400, size=12, bold=True), line("Như trên", 85, 413, size=12)], True,
     ["Nơi nhận:", "Như trên"]),
    # upper-case type line then the mixed-case title, both bold and centred: two paragraphs
    ([centred("KẾ HOẠCH", LEFT, RIGHT, 140, size=14, bold=True),
      centred("Triển khai thực hiện Kết luận số 69-KL/TW", LEFT, RIGHT, 156, size=14, bold=True)], False,
     ["KẾ HOẠCH", "Triển khai thực hiện Kết luận số 69-KL/TW"]),
    # two centred bold title lines of the same case are one wrapped title
    ([centred("Triển khai thực hiện Kết luận số 69-KL/TW ngày 11/01/2024", LEFT, RIGHT, 156, size=14, bold=True),
      centred("của Bộ Chính trị", LEFT, RIGHT, 172, size=14, bold=True)], False,
     ["Triển khai thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị"]),
    # a bullet after a line ending in ";" starts a new recipient even in ragged text
    ([line("- Thường trực Tỉnh ủy;", 85, 400, size=11), line("- Thường trực HĐND tỉnh;", 85, 413, size=11)], True,
     ["- Thường trực Tỉnh ủy;", "- Thường trực HĐND tỉnh;"]),
    # a vertical gap larger than half a line opens a paragraph
    ([line("Phụ lục", 85, 100, size=12), line("Các nhiệm vụ", 85, 130, size=12)], True, ["Phụ lục", "Các nhiệm vụ"]),
    # the symbol wrapped after its hyphen is glued back
    ([line("Kết luận số 69-", 300, 200, size=12), line("KL/TW ngày 11/01/2024", 300, 214, size=12)], True,
     ["Kết luận số 69-KL/TW ngày 11/01/2024"]),
]


@pytest.mark.parametrize("lines, ragged, expected", PARAGRAPH_CASES)
def test_lines_to_paragraphs(lines: list[Line], ragged: bool, expected: list[str]) -> None:
    bounds = None if ragged else BOUNDS
    assert [p.text for p in lines_to_paragraphs(lines, ragged=ragged, bounds=bounds)] == expected


def test_paragraph_attributes() -> None:
    # bold and centring are read from the lines; indent is the first line's offset
    title = lines_to_paragraphs([centred("KẾ HOẠCH", LEFT, RIGHT, 140, size=14, bold=True)], bounds=BOUNDS)[0]
    assert (title.bold, title.italic, title.align, title.pages) == (True, False, "center", (1,))
    body = lines_to_paragraphs(_justified_body()[:3], bounds=BOUNDS)[0]
    assert (body.bold, body.align, body.indent) == (False, None, 36.0)


def test_empty_input() -> None:
    # nothing in, nothing out
    assert lines_to_paragraphs([]) == [] and find_bands([]) == [] and group_lines([]) == []


# --- text_bounds ------------------------------------------------------------------


def _page_of_text() -> list[Line]:
    return [
        centred("KẾ HOẠCH", LEFT, RIGHT, 140, size=14, bold=True),
        line("Căn cứ Luật Tổ chức chính quyền địa phương;", LEFT + 36, 180),
        justified("Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau", LEFT, RIGHT, 195),
        justified("các sở, ban, ngành và địa phương tổ chức thực hiện các nhiệm vụ được giao", LEFT, RIGHT, 210),
        line("theo kế hoạch này.", LEFT, 225),
    ]


def test_text_bounds_from_full_lines() -> None:
    # the right edge where justified lines end, the left where they start (not the indent)
    left, right = text_bounds(_page_of_text())
    assert (round(left), round(right)) == (LEFT, RIGHT)


@pytest.mark.parametrize("fragment", [
    line("TH", RIGHT + 20, 20),            # a stamp's fragment read in the top right corner
    line("Trang 2", RIGHT + 5, 800),       # a page number standing out into the margin
])
def test_text_bounds_ignore_a_short_fragment_in_the_margin(fragment: Line) -> None:
    # a line of one or two words does not move the right edge (scan 13: "TH" in the
    # corner made every centred line "off centre", so the type line joined a band)
    left, right = text_bounds([fragment] + _page_of_text())
    assert (round(left), round(right)) == (LEFT, RIGHT)


def test_text_bounds_of_short_lines_only() -> None:
    # a page of short lines (a signature page): those lines still give the edges
    lines = [line("Nơi nhận:", LEFT, 100), line("- Như trên;", LEFT, 115), line("Nguyễn Văn A", 350, 200)]
    assert text_bounds(lines)[1] == max(ln.x1 for ln in lines)
    assert text_bounds([]) is None


# --- join_wrapped -----------------------------------------------------------------

# (wrapped lines, joined text)
JOIN_CASES = [
    (["69-", "KL/TW"], "69-KL/TW"),  # symbol broken after its hyphen
    (["kinh tế -", "xã hội"], "kinh tế - xã hội"),  # spaced dash keeps its space
    (["giai đoạn 2026-", "2030"], "giai đoạn 2026-2030"),  # year range broken after the hyphen
    (["Sở Khoa học và", "Công nghệ"], "Sở Khoa học và Công nghệ"),  # plain wrap: one space
    (["-", "Bộ Tài chính"], "- Bộ Tài chính"),  # a lone bullet dash is not a glued hyphen
    (["một"], "một"),  # single line unchanged
    ([], ""),  # nothing
]


@pytest.mark.parametrize("texts, expected", JOIN_CASES)
def test_join_wrapped(texts: list[str], expected: str) -> None:
    assert join_wrapped(texts) == expected
