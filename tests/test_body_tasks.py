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
