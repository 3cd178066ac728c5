"""A DOCX's review page boxes the values LibreOffice's PDF's plan reads otherwise: a ruled table's
header cell holding a form's whole body (its plan reads headings and paragraphs), a value with
no DOCX place (paragraphs of an unruled table's cells), a paragraph that plan holds only the
first part of; found in the plan's values, else in the PDF's text itself.
"""
from __future__ import annotations

import pytest

from pipeline.normalize.provenance import location_pieces
from pipeline.review.docx_layout import map_places, unlocated_values
from pipeline.review.docx_text import place_in_text
from pipeline.review.inspect import review_file
from pipeline.review.pages import PageImage
from real_fixtures import ARCHIVE, real


def _box(top: float, page: int = 1, left: float = 40.0) -> dict:
    return {"page": page, "bbox": [left, top, left + 200.0, top + 12]}


BODY = ("I. NỘI DUNG TRÌNH/CHỈ ĐẠO 1. Văn bản/cơ quan, đơn vị: Tờ trình số 141 của Sở Tư pháp. "
        "2. Trích yếu: V/v cho phép hợp nhất Đoàn Luật sư tỉnh. + Quy chế làm việc của Tỉnh ủy + HĐND tỉnh")


def test_a_table_header_cell_holding_a_forms_body_takes_the_pieces_that_print_it() -> None:
    """062: the DOCX keeps the form's body as one header cell (no place); the PDF's plan reads it
    as headings and paragraphs, one of them ("V/v cho phép …") inside its heading's box only."""
    docx = {"tables": [{"header": [BODY, None], "rows": [["Chuyên viên", "Lãnh đạo"]]}],
            "provenance": {"/tables/0/rows/0/0": {"table": 2, "row": 1, "cell": 0}}}
    pdf = {"sections": [{"title": "NỘI DUNG TRÌNH/CHỈ ĐẠO", "paragraphs": [], "children": [
        {"number": "1", "paragraphs": [{"text": "Văn bản/cơ quan, đơn vị: Tờ trình số 141 của Sở Tư pháp."}]},
        {"title": "Trích yếu", "paragraphs": [{"text": "+ Quy chế làm việc của Tỉnh ủy"}, {"text": "+ HĐND tỉnh"}]}]}],
        "tables": [{"rows": [["Chuyên viên", "Lãnh đạo"]]}]}
    pdf["provenance"] = {"/sections/0/title": _box(100), "/sections/0/children/0/paragraphs/0": _box(120),
                         "/sections/0/children/1/title": _box(140), "/sections/0/children/1/paragraphs/0": _box(170),
                         "/sections/0/children/1/paragraphs/1": _box(170, left=300.0), "/tables/0/rows/0/0": _box(300, page=2)}
    assert [p for p, _, _ in unlocated_values(docx)] == ["/tables/0/header/0", "/tables/0/rows/0/1"]
    places = map_places(docx, pdf)
    assert location_pieces(places["/tables/0/header/0"]) == [_box(100), _box(120), _box(140), _box(170), _box(170, left=300.0)]
    assert places["/tables/0/rows/0/0"] == _box(300, page=2)


def _page(lines: list[tuple[float, str]]) -> PageImage:
    return PageImage(1, 595.0, 842.0, "", tuple(((40.0, top, 540.0, top + 12), text) for top, text in lines))


PARAGRAPH = ("Công tác cải cách hành chính được đẩy mạnh, trong đó chú trọng nhiệm vụ giải quyết hồ sơ, "
             "thủ tục hành chính cho tổ chức, cá nhân, chuyển đổi số")


def test_values_the_pdfs_plan_misses_are_found_in_its_text() -> None:
    """025: a paragraph LibreOffice's PDF's plan holds the first line of only (cut at a footnote
    mark) takes the lines that print the rest; a value with no place at all takes its lines; a
    short one ("Sở Tư pháp") is found in too many places to be looked for."""
    page = _page([(100, "Công tác cải cách hành chính được đẩy mạnh, trong đó chú"),
                  (114, "trọng nhiệm vụ giải quyết hồ sơ, thủ tục hành chính cho"),
                  (128, "tổ chức, cá nhân, chuyển đổi số"),
                  (200, "Kế hoạch số 11555/KH-UBND về tuyên truyền cải cách"),
                  (214, "hành chính năm 2025")])
    doc = {"sections": [{"paragraphs": [{"text": PARAGRAPH}, {"text": "Sở Tư pháp"},
                                        {"text": "Kế hoạch số 11555/KH-UBND về tuyên truyền cải cách hành chính năm 2025"}]}],
           "provenance": {"/sections/0/paragraphs/0": {"paragraph": 3}}}
    places = place_in_text(doc, {"/sections/0/paragraphs/0": _line(100)}, [page])
    assert location_pieces(places["/sections/0/paragraphs/0"]) == [_line(100), _line(114), _line(128)]
    assert location_pieces(places["/sections/0/paragraphs/2"]) == [_line(200), _line(214)]
    assert "/sections/0/paragraphs/1" not in places  # printed on no line of its own


def test_a_value_not_printed_where_it_was_placed_takes_the_lines_that_print_it() -> None:
    """025: a paragraph the alignment gave a short value its text opens with, elsewhere."""
    page = _page([(100, "Trong năm"), (300, "Trong năm 2025, Hội đồng nhân dân tỉnh đã ban hành"),
                  (314, "36 nghị quyết quy phạm pháp luật")])
    doc = {"sections": [{"paragraphs": [{"text": "Trong năm 2025, Hội đồng nhân dân tỉnh đã ban hành 36 nghị quyết "
                                                 "quy phạm pháp luật"}]}], "provenance": {}}
    places = place_in_text(doc, {"/sections/0/paragraphs/0": _line(100)}, [page])
    assert location_pieces(places["/sections/0/paragraphs/0"]) == [_line(100), _line(300), _line(314)]


def _line(top: float) -> dict:
    return {"page": 1, "bbox": [40.0, top, 540.0, top + 12]}


# Phiếu trình forms whose body the DOCX keeps as one table cell: 48-107 runs shown as dropped each
# before (7 Dec 2026), none after; one is allowed (a LibreOffice whose fonts break a line elsewhere).
FORMS = ["062_PT_pt130-12-vp-ttr141-doan-luat-su.docx", "063_PT_pt111-11-vp-cv2926-dieu-le-hoi.docx",
         "064_PT_pt-vp-cong-dien-2003-hoi-nghi-pcmt.docx", "068_PT_pt10-01-vp-bcdx03-xa-khong-ma-tuy.docx"]


@pytest.mark.parametrize("name", FORMS)
def test_a_forms_body_kept_as_one_table_cell_is_boxed(name: str) -> None:
    review = review_file(real(name, folder=ARCHIVE), ocr="never", dpi=20)
    if not review.pages:
        pytest.skip("no page images (LibreOffice absent)")
    assert review.dropped <= 1
