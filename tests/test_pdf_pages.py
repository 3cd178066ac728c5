"""Tests for pipeline.extract.pdf.pages (running lines, page blocks, paragraphs joined
across pages), on hand-built PageContent values."""
from __future__ import annotations

import pytest

from pipeline import ir
from pipeline.extract.layout import Line
from pipeline.extract.pdf.page import build_table  # a ruled table to lay out among the lines
from pipeline.extract.pdf.pages import PageContent, _continues, drop_running_lines, join_pages, page_blocks
from ir_builders import justified, line, merge, para, words

A4 = (595.0, 842.0)
LEFT, RIGHT = 85.0, 510.0


def _page(number: int, lines: list[Line], tables: tuple = ()) -> PageContent:
    return PageContent(number, A4[0], A4[1], tuple(lines), tables)


# --- drop_running_lines -------------------------------------------------------------


def _body(page: int) -> Line:
    return line(f"Nội dung trang {page} của kế hoạch", LEFT, 300, page=page)


def _texts(pages: list[PageContent]) -> list[list[str]]:
    return [[ln.text for ln in p.lines] for p in pages]


def test_running_header_on_three_pages_is_dropped() -> None:
    # the same header in the top strip of pages 2-4 (numbers differ only by digits): dropped everywhere
    pages = [_page(1, [_body(1)])] + [
        _page(n, [line(f"Kế hoạch số 196/KH-UBND - trang {n}", LEFT, 30, page=n), _body(n)]) for n in (2, 3, 4)
    ]
    assert _texts(drop_running_lines(pages)) == [[f"Nội dung trang {n} của kế hoạch"] for n in (1, 2, 3, 4)]


def test_margin_text_on_two_pages_only_is_kept() -> None:
    # twice is not "running": kept
    pages = [_page(n, ([line("Bản dự thảo", LEFT, 30, page=n)] if n < 3 else []) + [_body(n)]) for n in (1, 2, 3, 4)]
    assert _texts(drop_running_lines(pages))[:2] == [["Bản dự thảo", "Nội dung trang 1 của kế hoạch"],
                                                     ["Bản dự thảo", "Nội dung trang 2 của kế hoạch"]]


def test_short_documents_are_left_alone() -> None:
    # fewer than three pages: nothing can be called running
    pages = [_page(n, [line("Kế hoạch số 196/KH-UBND", LEFT, 30, page=n), _body(n)]) for n in (1, 2)]
    assert drop_running_lines(pages) == pages


def test_repeated_text_in_the_body_is_not_running() -> None:
    # the same text away from the margin strips on every page is content
    pages = [_page(n, [line("Thường xuyên", LEFT, 400, page=n)]) for n in (1, 2, 3, 4)]
    assert _texts(drop_running_lines(pages)) == [["Thường xuyên"]] * 4


def test_document_header_repeated_on_appendix_pages_stays_on_page_one() -> None:
    header = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    pages = [_page(n, ([line(header, LEFT, 57, page=n)] if n in (1, 3, 5) else []) + [_body(n)])
             for n in (1, 2, 3, 4, 5)]
    assert _texts(drop_running_lines(pages))[0] == [header, "Nội dung trang 1 của kế hoạch"]


def test_a_page_opening_a_letter_keeps_its_issuer_line() -> None:
    """Three letters of one ministry in one PDF (archive 016) print "BỘ TƯ PHÁP" at the same place on
    pages 1, 3 and 4: not a running header, the national motto beside it opens a document there."""
    def letter(n: int) -> list[Line]:
        return [line("BỘ TƯ PHÁP", LEFT, 53, page=n), line("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 53, page=n)]
    pages = [_page(n, (letter(n) if n != 2 else []) + [_body(n)]) for n in (1, 2, 3, 4)]
    assert [p[0] for p in _texts(drop_running_lines(pages))] == ["BỘ TƯ PHÁP", "Nội dung trang 2 của kế hoạch",
                                                                 "BỘ TƯ PHÁP", "BỘ TƯ PHÁP"]
    running = [_page(n, [line("Bộ Tư pháp - Công văn 3917", LEFT, 30, page=n), _body(n)]) for n in (1, 2, 3, 4)]
    assert _texts(drop_running_lines(running))[2] == ["Nội dung trang 3 của kế hoạch"]  # no motto: still running


# --- join_pages / _continues -----------------------------------------------------------

CUT = para("yêu cầu các sở xây dựng Kế hoạch tổ", pages=(1,), indent=36.0)

# (last block of page 1, first block of page 2, whether they are one paragraph)
CONTINUES_CASES = [
    (CUT, para("chức triển khai thực hiện phù hợp.", pages=(2,), indent=0.0), True),  # mid-sentence, lower case
    (para("báo cáo UBND tỉnh.", pages=(1,)), para("tổ chức thực hiện.", pages=(2,), indent=0.0), False),  # "." ended it
    (para("kịp thời tham mưu:", pages=(1,)), para("hằng năm báo cáo.", pages=(2,), indent=0.0), False),  # ":" ended it
    (CUT, para("Giao Sở Tài chính thẩm định.", pages=(2,), indent=0.0), False),  # capital: a new paragraph
    (CUT, para("a) Tổ chức hội nghị;", pages=(2,), indent=36.0), False),  # indented: a new item
    (CUT, para("chức triển khai.", pages=(3,), indent=0.0), False),  # not the next page
    (ir.Table(rows=(), n_cols=1, pages=(1,)), para("chức triển khai.", pages=(2,)), False),  # a table
]


@pytest.mark.parametrize("prev, nxt, expected", CONTINUES_CASES)
def test_continues(prev: ir.Block, nxt: ir.Paragraph, expected: bool) -> None:
    assert _continues(prev, nxt) is expected


def test_join_pages_merges_a_paragraph_cut_by_the_page_break() -> None:
    page1 = [para("3. Giao Sở Khoa học và Công nghệ chủ trì.", pages=(1,)), CUT]
    page2 = [para("chức triển khai thực hiện phù hợp.", pages=(2,), indent=0.0),
             para("2. Hằng năm, các sở lập dự toán.", pages=(2,), indent=36.0)]
    assert join_pages([page1, page2]) == [
        page1[0],
        para("yêu cầu các sở xây dựng Kế hoạch tổ chức triển khai thực hiện phù hợp.", pages=(1, 2), indent=36.0),
        page2[1],
    ]


def test_join_pages_keeps_separate_paragraphs() -> None:
    # previous page ends a sentence; the next starts with a capital: nothing merged
    page1 = [para("xem xét, chỉ đạo./.", pages=(1,))]
    page2 = [para("Trong quá trình thực hiện.", pages=(2,), indent=0.0)]
    assert join_pages([page1, page2]) == page1 + page2


def test_join_pages_glues_a_hyphen_cut_by_the_page_break() -> None:
    page1 = [para("gắn với phát triển kinh tế-", pages=(1,))]
    page2 = [para("xã hội của tỉnh.", pages=(2,), indent=0.0)]
    assert [b.text for b in join_pages([page1, page2])] == ["gắn với phát triển kinh tế-xã hội của tỉnh."]


def test_join_pages_does_not_merge_a_heading_into_the_next_item() -> None:
    page1 = [para("1. Mục đích", bold=True, pages=(1,), indent=0.0)]
    page2 = [para("a) Xác định các nhiệm vụ trọng tâm.", pages=(2,), indent=0.0)]
    assert join_pages([page1, page2]) == page1 + page2


# --- page_blocks -------------------------------------------------------------------------


def _body_lines(top: float) -> list[Line]:
    """One justified paragraph of three lines with a first-line indent."""
    return [
        justified("Các sở, ban, ngành trong phạm vi quản lý được giao có trách nhiệm", LEFT + 36, RIGHT, top, size=13),
        justified("thúc đẩy phát triển thị trường khoa học và công nghệ đồng bộ, hiệu", LEFT, RIGHT, top + 16, size=13),
        line("quả và hội nhập.", LEFT, top + 32, size=13),
    ]


BODY_TEXT = ("Các sở, ban, ngành trong phạm vi quản lý được giao có trách nhiệm thúc đẩy phát triển thị "
             "trường khoa học và công nghệ đồng bộ, hiệu quả và hội nhập.")


def test_page_blocks_orders_paragraphs_and_tables_and_marks_page_edges() -> None:
    table = build_table([(50, 400, 300, 420), (300, 400, 540, 420)], words("TT", 60, 404) + words("Nội dung", 310, 404), 1)
    page = _page(1, _body_lines(200), tables=(((50, 400, 540, 420), table),))
    blocks = page_blocks(page)
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table"]
    assert blocks[0].text == BODY_TEXT
    assert (blocks[1].starts_page, blocks[1].ends_page) == (False, True)


def test_page_blocks_table_at_the_top_starts_the_page() -> None:
    # a table above the text is the page's first block: a continuation candidate
    table = build_table([(50, 60, 300, 80), (300, 60, 540, 80)], words("1", 60, 64) + words("Việc", 310, 64), 2)
    blocks = page_blocks(_page(2, _body_lines(200), tables=(((50, 60, 540, 80), table),)))
    assert [type(b).__name__ for b in blocks] == ["Table", "Paragraph"]
    assert (blocks[0].starts_page, blocks[0].ends_page) == (True, False)


def test_page_blocks_closing_band_becomes_a_layout_table() -> None:
    closing = [
        merge(line("Nơi nhận:", LEFT, 420, size=12, bold=True, italic=True), line("KT. CHỦ TỊCH", 360, 420, size=14, bold=True)),
        merge(line("- Như trên;", LEFT, 434, size=11), line("PHÓ CHỦ TỊCH", 360, 435, size=14, bold=True)),
        line("- Lưu: VT, KGVX.", LEFT, 447, size=11),
        line("Trần Hoàng Tuấn", 360, 520, size=14, bold=True),
    ]
    blocks = page_blocks(_page(3, _body_lines(200) + closing))
    assert blocks[0].text == BODY_TEXT
    assert isinstance(blocks[1], ir.Table) and not blocks[1].bordered
    assert [[p.text for p in c.paragraphs] for c in blocks[1].rows[0].cells] == [
        ["Nơi nhận:", "- Như trên;", "- Lưu: VT, KGVX."], ["KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Trần Hoàng Tuấn"]]


def test_page_blocks_layout_table_left_of_the_margin_does_not_split_body_lines() -> None:
    closing = [
        merge(line("Nơi nhận:", LEFT - 14, 420, size=12, bold=True, italic=True),
              line("KT. CHỦ TỊCH", 360, 420, size=14, bold=True)),
        merge(line("- Như trên;", LEFT - 14, 434, size=11), line("PHÓ CHỦ TỊCH", 360, 435, size=14, bold=True)),
    ]
    blocks = page_blocks(_page(3, _body_lines(200) + _body_lines(260) + closing))
    assert [b.text for b in blocks[:2]] == [BODY_TEXT, BODY_TEXT]
