"""Tasks written in the body (pipeline/structure/body_tasks.py): who leads each item. A body
named in the text wins over the collective of its heading."""
from __future__ import annotations

import pytest

from pipeline.structure.body_tasks import tasks_from_sections
from pipeline.structure.types import RawSection


def leads(paragraphs: list[str], title: str = "Các sở, ban, ngành") -> list[tuple[str, str]]:
    section = RawSection(number="5", title=title, level=1, paragraphs=paragraphs)
    return [(t.cells["content"], t.cells.get("lead")) for t in tasks_from_sections([section])]


def test_items_under_an_agency_heading_are_led_by_it():
    assert leads(["- Chủ trì tổ chức hội nghị.", "- Phối hợp tuyên truyền."], "Sở Văn hóa và Thể thao") == [
        ("Chủ trì tổ chức hội nghị.", "Sở Văn hóa và Thể thao"), ("Phối hợp tuyên truyền.", "Sở Văn hóa và Thể thao")]


def test_a_label_line_names_the_lead_of_the_bullets_below_it():
    # "Các sở, ban, ngành" / "Sở Tài chính:" / "- Chủ trì ...": led by Sở Tài chính, not the collective
    got = leads(["Sở Tài chính:", "- Chủ trì bố trí kinh phí.", "Sở Y tế:", "- Bảo đảm y tế."])
    assert got == [("Chủ trì bố trí kinh phí.", "Sở Tài chính"), ("Bảo đảm y tế.", "Sở Y tế")]


@pytest.mark.parametrize("item, content, lead", [
    # a run-in body in the item
    ("- Sở Tài chính: chủ trì bố trí kinh phí", "chủ trì bố trí kinh phí", "Sở Tài chính"),
    # an assignment sentence in the item
    ("- Rà soát quy hoạch. Giao Sở Xây dựng chủ trì thực hiện.", "Rà soát quy hoạch", "Sở Xây dựng"),
    # neither: the heading's collective
    ("- Phối hợp triển khai kế hoạch.", "Phối hợp triển khai kế hoạch.", "Các sở, ban, ngành"),
])
def test_an_item_naming_its_own_lead(item, content, lead):
    assert leads([item]) == [(content, lead)]


def _implementation(*items: RawSection, title: str = "TỔ CHỨC THỰC HIỆN") -> list[tuple[str | None, str, str | None]]:
    section = RawSection(number="VII", title=title, level=1, children=list(items))
    return [(t.number, t.cells["content"], t.cells.get("lead")) for t in tasks_from_sections([section])]


def _item(number: str, text: str, children: list[RawSection] = ()) -> RawSection:
    return RawSection(number=number, title=None, level=2, paragraphs=[text], children=list(children))


@pytest.mark.parametrize("text, lead", [
    # the body, then what it does: the lead is the words before the first predicate
    ("Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các cơ quan báo chí tuyên truyền.",
     "Sở Văn hóa, Thể thao và Du lịch"),
    ("Báo và Đài Phát thanh, Truyền hình tỉnh tăng cường công tác tuyên truyền.",
     "Báo và Đài Phát thanh, Truyền hình tỉnh"),
    # after a lead-in ("Đề nghị", "Giao"), which is no part of the name
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh căn cứ chức năng, nhiệm vụ tham gia giám sát.",
     "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("Giao Công an tỉnh là cơ quan thường trực, có trách nhiệm theo dõi, đôn đốc.", "Công an tỉnh"),
    # no body first: an instruction to all, or a topic, is no task
    ("Căn cứ nội dung Kế hoạch này, các sở, ban, ngành xây dựng kế hoạch.", None),
    ("Kinh phí thực hiện từ nguồn ngân sách tỉnh.", None),
    # a head word alone before the predicate is no name ("Sở chủ trì ...")
    ("Sở chủ trì tổ chức hội nghị.", None),
])
def test_an_implementation_item_opening_with_a_body_is_its_task(text: str, lead: str | None) -> None:
    got = _implementation(_item("3", text))
    assert got == ([("3", text, lead)] if lead else [])


def test_implementation_items_are_tasks_only_in_an_assignment_section() -> None:
    item = _item("3", "Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức hội thi.")
    assert _implementation(item, title="MỤC ĐÍCH, YÊU CẦU") == []


def test_an_assignment_label_over_lettered_items_leads_them() -> None:
    """"2. Giao Sở Nội vụ (Cơ quan Thường trực Hội đồng Thi đua - Khen thưởng tỉnh):" / "a) ..." / "b) ..."."""
    letters = [RawSection(number=n, title=None, level=3, paragraphs=[p])
               for n, p in (("a", "Theo dõi, hướng dẫn các cơ quan."), ("b", "Tham mưu khen thưởng."))]
    got = _implementation(_item("2", "Giao Sở Nội vụ (Cơ quan Thường trực Hội đồng Thi đua - Khen thưởng tỉnh):",
                                letters))
    lead = "Sở Nội vụ (Cơ quan Thường trực Hội đồng Thi đua - Khen thưởng tỉnh)"
    assert got == [("2.1", "Theo dõi, hướng dẫn các cơ quan.", lead), ("2.2", "Tham mưu khen thưởng.", lead)]


@pytest.mark.parametrize("text, expected", [
    # the assigner before "giao", partners up to the action: lead, cooperating, content from the action on
    ("Chủ tịch UBND tỉnh giao Sở Nội vụ chủ trì phối hợp với các ngành có liên quan tổ chức kiểm tra tại các "
     "cơ quan. Kết thúc kiểm tra lập báo cáo.",
     ("tổ chức kiểm tra tại các cơ quan. Kết thúc kiểm tra lập báo cáo.", "Sở Nội vụ", "các ngành có liên quan")),
    # no partners: the action follows "chủ trì"
    ("Đồng chí Phó Chủ tịch giao Sở Tài chính chủ trì, tham mưu bố trí kinh phí.",
     ("tham mưu bố trí kinh phí.", "Sở Tài chính", None)),
    # the partners' end not found within a few words: they stay in the content, as printed
    ("Giao Ban Quản lý dự án chủ trì, phối hợp với Sở Xây dựng và các hộ dân có đất bị thu hồi trong phạm vi "
     "dự án để vận động người dân đồng thuận.",
     ("phối hợp với Sở Xây dựng và các hộ dân có đất bị thu hồi trong phạm vi dự án để vận động người dân đồng "
      "thuận.", "Ban Quản lý dự án", None)),
    # "giao" with no body after it is no assignment
    ("Các sở căn cứ nhiệm vụ được giao chủ trì triển khai.", None),
])
def test_an_item_assigned_inside_its_sentence(text: str, expected: tuple[str, str, str | None] | None) -> None:
    section = RawSection(number="IV", title="ĐOÀN KIỂM TRA", level=1, children=[_item("1", text)])
    got = [(t.cells["content"], t.cells["lead"], t.cells.get("cooperating")) for t in tasks_from_sections([section])]
    assert got == ([expected] if expected else [])


def test_an_assignment_reported_as_done_is_no_task() -> None:
    """A report tells what was assigned ("đã giao"): no task."""
    text = "Năm 2025, UBND tỉnh đã giao Sở Nội vụ chủ trì phối hợp với các sở tổ chức kiểm tra tại 20 cơ quan."
    assert tasks_from_sections([RawSection(number="II", title="KẾT QUẢ", level=1, children=[_item("1", text)])]) == []
