"""Every word accounted for and a document's appendix kept with it (issue 21, points 1 and 3).

Documents are described as IR blocks (tests/ir_builders.py): a plan whose appendix follows its
signature, a file holding two công văn, a cell naming several people; and the audit that names
what reached no part of the contract (`content_dropped`).
"""
from __future__ import annotations

import pytest

from ir_builders import grid, layout, para
from pipeline.ir import Extracted
from pipeline.model import Person, Source
from pipeline.normalize.agencies import parse_agency_cell
from pipeline.normalize.dropped import dropped_content
from pipeline.normalize.persons import read_persons
from pipeline.normalize.plan import build_plan
from pipeline.output.serialize import plan_to_dict
from pipeline.output.validate import validation_errors
from pipeline.structure.document import build_skeleton

HEADER = layout(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/KH-UBND"],
                ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 5 tháng 1 năm 2026"])
CLOSING = layout(["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT, NC."], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc"])
TASKS = grid([["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian"],
              ["1", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Quý I/2026"],
              ["2", "Kiểm tra công tác cải cách hành chính", "Sở Tư pháp", "Quý II/2026"]])


def plan_of(*blocks) -> dict:
    extracted = Extracted(blocks=tuple(blocks), pages=None)
    skeleton, type_code = build_skeleton(extracted)
    plan = build_plan(skeleton, type_code, Source("x.docx", "docx", "0" * 64, None))
    plan.warnings += dropped_content(list(blocks), plan)
    doc = plan_to_dict(plan)
    assert validation_errors(doc) == []
    return doc


def texts(doc: dict) -> str:
    def walk(sections):
        for s in sections:
            yield s.get("title") or ""
            yield from (p["text"] for p in s["paragraphs"])
            yield from walk(s["children"])
    return " | ".join(walk(doc["sections"]))


def test_appendix_after_the_signature_stays_with_its_plan() -> None:
    """A plan's own task table printed after the signature became an attachment of type other,
    and the plan had 0 tasks (4 of 6 plans of an archive); its appendix text was lost."""
    doc = plan_of(HEADER, para("KẾ HOẠCH", bold=True, align="center"), para("Cải cách hành chính năm 2026"),
                  para("I. MỤC ĐÍCH, YÊU CẦU", bold=True), para("Nâng cao hiệu quả cải cách hành chính."),
                  CLOSING,
                  para("Phụ lục I"), para("PHÂN CÔNG NHIỆM VỤ"), para("(Kèm theo Kế hoạch số 12/KH-UBND ngày 5/1/2026)"),
                  TASKS,
                  para("Phụ lục II"), para("ĐỀ CƯƠNG BÁO CÁO"), para("I. CÔNG TÁC CHỈ ĐẠO", bold=True),
                  para("Việc ban hành kế hoạch cải cách hành chính của cơ quan."))
    assert doc["attachments"] == []
    assert [t["content"] for t in doc["tasks"]] == ["Rà soát thủ tục hành chính", "Kiểm tra công tác cải cách hành chính"]
    assert [s["title"] for s in doc["sections"][-2:]] == ["Phụ lục I PHÂN CÔNG NHIỆM VỤ", "Phụ lục II ĐỀ CƯƠNG BÁO CÁO"]
    assert "Việc ban hành kế hoạch cải cách hành chính của cơ quan." in texts(doc)
    assert not [w for w in doc["warnings"] if w["code"] == "content_dropped"]


def test_task_table_after_the_signature_with_only_a_caption_is_the_plans() -> None:
    """"PHÂN CÔNG NHIỆM VỤ / (Kèm theo Kế hoạch số ...)" after a plan's signature, with no Phụ lục
    label: the plan's own task table (it was an attachment of type other, the plan had 0 tasks)."""
    doc = plan_of(HEADER, para("KẾ HOẠCH", bold=True, align="center"), para("Cải cách hành chính năm 2026"),
                  para("I. MỤC ĐÍCH", bold=True), para("Nâng cao hiệu quả."), CLOSING,
                  para("PHÂN CÔNG NHIỆM VỤ"), para("(Kèm theo Kế hoạch số 12/KH-UBND ngày 5/1/2026 của UBND tỉnh)"), TASKS)
    assert doc["attachments"] == [] and len(doc["tasks"]) == 2


def test_a_regulation_issued_with_a_decision_is_an_attachment() -> None:
    """"(Ban hành kèm theo Quyết định ...)" starts a new document: the attachment contract 1.1 describes."""
    doc = plan_of(HEADER, para("QUYẾT ĐỊNH", bold=True, align="center"), para("Ban hành Quy chế làm việc"),
                  para("Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc."), CLOSING,
                  para("QUY CHẾ LÀM VIỆC"), para("(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 5/1/2026)"),
                  para("Điều 1. Phạm vi điều chỉnh"), para("Quy chế này quy định việc làm việc của Tổ."))
    assert len(doc["attachments"]) == 1


def test_a_new_header_block_starts_a_new_document() -> None:
    """Two công văn in one file (no type line): the second was read as text of the first, or lost."""
    second = layout(["BỘ TƯ PHÁP", "Số: /BTP-BTTP"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
    doc = plan_of(HEADER, para("Kính gửi: Sở Nội vụ"), para("Đề nghị Sở Nội vụ rà soát các hội."), CLOSING,
                  second, para("Kính gửi: Liên đoàn Luật sư Việt Nam"), para("Đề nghị hướng dẫn các Đoàn Luật sư."), CLOSING)
    [attached] = doc["attachments"]
    assert "Đề nghị hướng dẫn các Đoàn Luật sư." in texts(attached)
    assert attached["document"]["signer"]["name"] == "Nguyễn Ngọc Phúc"


def test_text_placed_nowhere_is_named() -> None:
    """A line the header reader cannot place (an unknown header line here) reaches no field: a
    content_dropped warning names its place and first words."""
    odd = layout(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/KH-UBND", "Tài liệu phục vụ cuộc họp giao ban tháng"],
                 ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
    doc = plan_of(odd, para("KẾ HOẠCH", bold=True, align="center"), para("Cải cách hành chính"),
                  para("I. MỤC ĐÍCH", bold=True), para("Nâng cao hiệu quả."), CLOSING)
    dropped = [w for w in doc["warnings"] if w["code"] == "content_dropped"]
    assert len(dropped) == 1 and "Tài liệu phục vụ cuộc họp giao ban" in dropped[0]["message"]
    assert dropped[0]["where"] == "/sections" and dropped[0]["label"]


# --- persons ---------------------------------------------------------------------------------

# (cell text, the persons it names as (name, title)); None: no person, an agency or a place.
PERSON_CASES = [
    ("Ông Đỗ Mạnh Cường - Phó Trưởng phòng", [("Đỗ Mạnh Cường", "Phó Trưởng phòng")]),  # title after a dash
    ("Ông/Bà Trần Văn Nam", [("Trần Văn Nam", "Ông/Bà")]),  # the form of address is the title printed
    ("Đỗ Mạnh Cường Vũ Việt Linh Nguyễn Thị Loan",  # three names run together: one entry each
     [("Đỗ Mạnh Cường", None), ("Vũ Việt Linh", None), ("Nguyễn Thị Loan", None)]),
    ("Đồng chí Nguyễn Ngọc Phúc - Phó Chủ tịch UBND tỉnh", [("Nguyễn Ngọc Phúc", "Phó Chủ tịch UBND tỉnh")]),
    ("Nguyễn Văn An, Phó Giám đốc Sở", [("Nguyễn Văn An", "Phó Giám đốc Sở")]),  # title after a comma
    ("Lê Văn Hoàng Long", [("Lê Văn Hoàng Long", None)]),  # four syllables, "Hoàng" a surname too
    ("Lâm Đồng", None),  # two capitalised syllables starting with a surname: a province
    ("Hồ Chí Minh", None),  # a city's name
    ("Sở Tư pháp", None),  # a body
    ("Đại diện Sở Nội vụ", None),  # a body's representative: the body
    ("UBND tỉnh", None),
]


@pytest.mark.parametrize(("text", "expected"), PERSON_CASES)
def test_read_persons(text: str, expected) -> None:
    found = read_persons(text)
    assert (None if found is None else [(p.name, p.title) for p in found]) == expected


def test_a_cell_of_names_gives_one_person_each_never_an_agency() -> None:
    """A cell naming three people became one lead "Đỗ Mạnh Cường Vũ Việt Linh Nguyễn Thị Loan"."""
    found, warnings = parse_agency_cell("Đỗ Mạnh Cường\nVũ Việt Linh\nNguyễn Thị Loan", "Lâm Đồng")
    assert [(type(p), p.kind, p.name) for p in found] == [
        (Person, "person", "Đỗ Mạnh Cường"), (Person, "person", "Vũ Việt Linh"), (Person, "person", "Nguyễn Thị Loan")]
    assert warnings == []


def test_an_agency_keeps_its_printed_note() -> None:
    """"Đại diện Sở Nội vụ (chiếu video clip và cung cấp thông tin)": the note was nowhere."""
    [agency], _ = parse_agency_cell("Đại diện Sở Nội vụ (chiếu video clip và cung cấp thông tin)", "Lâm Đồng")
    assert agency.text == "Đại diện Sở Nội vụ (chiếu video clip và cung cấp thông tin)"
