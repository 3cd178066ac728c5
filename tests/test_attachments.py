"""Issue 11 on small IR inputs: where one document ends and the next begins, the closing
read by layout across a page break, layered signatures, each header field on its own."""
from __future__ import annotations

import pytest

from pipeline.ir import Extracted
from pipeline.model import AttachedTo, DocumentMeta, SignerLayer, Source
from pipeline.normalize.attachments import attached_to, date_from_captions
from pipeline.normalize.header import parse_place_date
from pipeline.normalize.plan import build_plan
from pipeline.structure.closing import read_closing
from pipeline.structure.document import build_skeleton, split_documents
from pipeline.structure.header import HeaderLine, classify_header_lines
from pipeline.structure.signature import parse_signature

from ir_builders import grid, layout, para

MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
DECISION_HEADER = layout(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 325/QĐ-UBND"],
                         [*MOTTO, "Lâm Đồng, ngày 12 tháng 3 năm 2025"])
DECISION_CLOSING = layout(["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."],
                          ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Hồng Thái"])
DECISION = [
    DECISION_HEADER,
    para("QUYẾT ĐỊNH", bold=True, align="center"),
    para("Ban hành Kế hoạch phòng, chống thiên tai năm 2025", bold=True, align="center"),
    para("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2025."),
    para("Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
    DECISION_CLOSING,
]
CAPTION = "(Ban hành kèm theo Quyết định số 325/QĐ-UBND ngày 12/3/2025 của UBND tỉnh Lâm Đồng)"
TASKS = grid([["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
              ["1", "Kiện toàn Ban Chỉ huy phòng, chống thiên tai", "Sở Nội vụ", "", "Quý I/2025"],
              ["2", "Diễn tập ứng phó sạt lở đất", "Công an tỉnh", "", "Quý II/2025"]])
PLAN_BODY = [
    para("KẾ HOẠCH", bold=True, align="center"),
    para("Phòng, chống thiên tai năm 2025", bold=True, align="center"),
    para(CAPTION, italic=True, align="center"),
    para("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
    para("Chủ động phòng ngừa, ứng phó kịp thời với thiên tai."),
    para("II. NHIỆM VỤ CỤ THỂ", bold=True),
    TASKS,
]
PLAN_HEADER = layout(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], MOTTO)


# --- document boundaries ----------------------------------------------------------------------

# (blocks after the decision's closing, how many documents the file holds)
BOUNDARY_CASES = [
    # the attached plan with its own header table (issuer and motto, no number)
    pytest.param([PLAN_HEADER, *PLAN_BODY], 2, id="header-table"),
    # the attached plan starting at its type line
    pytest.param(PLAN_BODY, 2, id="type-line"),
    # a charter whose title is run on after its type word ("ĐIỀU LỆ QUỸ ...")
    pytest.param([para("ĐIỀU LỆ QUỸ KHUYẾN HỌC TỈNH", bold=True, align="center"), para(CAPTION, align="center"),
                  para("Chương I", bold=True, align="center"), para("Điều 1. Tên gọi")], 2, id="type-run-on"),
    # an upper-case title over a "(Ban hành kèm theo ...)" caption, no type word known
    pytest.param([para("NỘI QUY CƠ QUAN HÀNH CHÍNH", bold=True, align="center"), para(CAPTION, align="center"),
                  para("Điều 1. Phạm vi")], 2, id="title-and-caption"),
    # an appendix of the decision itself: "PHỤ LỤC" before its caption and table
    pytest.param([para("PHỤ LỤC I", bold=True, align="center"), para("DANH MỤC NHIỆM VỤ", bold=True, align="center"),
                  para(CAPTION, align="center"), TASKS], 1, id="phu-luc"),
    # a list printed without a Phụ lục label is still a part of the document above
    pytest.param([para("DANH MỤC DỰ ÁN ƯU TIÊN", bold=True, align="center"), para(CAPTION, align="center"), TASKS],
                 1, id="danh-muc"),
    # nothing after the closing
    pytest.param([], 1, id="nothing"),
    # a công văn whose issuer and first motto line a PDF dropped as a running header: the motto's
    # second line, then its number and date
    pytest.param([para(MOTTO[1]), para("Số: 15/UBND-VP"), para("Lâm Đồng, ngày 2 tháng 4 năm 2025"),
                  para("Kính gửi: Sở Nội vụ")], 2, id="motto-line-number-date"),
    pytest.param([para(MOTTO[1]), para("Lâm Đồng, ngày 2 tháng 4 năm 2025"), para("Kính gửi: Sở Nội vụ")],
                 2, id="motto-line-date"),
    # the motto quoted in running text, with no number or date under it, is no header
    pytest.param([para("Ví dụ:"), para("ĐẢNG CỘNG SẢN VIỆT NAM"), para("1.2. Tên cơ quan ban hành văn bản")],
                 1, id="motto-quoted"),
]


@pytest.mark.parametrize("after, n_documents", BOUNDARY_CASES)
def test_split_documents(after: list, n_documents: int) -> None:
    assert len(split_documents(DECISION + after)) == n_documents


def test_a_motto_quoted_in_the_body_leaves_the_closing_to_its_document() -> None:
    """Hướng dẫn 36-HD/VPTW shows the Party's motto as an example ("Ví dụ:" / "ĐẢNG CỘNG SẢN VIỆT
    NAM") in its body: the guide runs on to its own closing, which is read."""
    body = [para("HƯỚNG DẪN", bold=True, align="center"), para("Thể thức văn bản của Đảng", bold=True, align="center"),
            para("1.1. Tiêu đề"), para("Ví dụ:"), para("ĐẢNG CỘNG SẢN VIỆT NAM"), para("1.2. Tên cơ quan ban hành")]
    closing = layout(["Nơi nhận:", "- Các tỉnh uỷ,", "- Lưu Văn phòng Trung ương Đảng."],
                     ["K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Bùi Văn Thạch"])
    [part] = split_documents([DECISION_HEADER, *body, closing])
    assert part.closing is not None and part.closing.closing.signer.name == "Bùi Văn Thạch"


def _convert(blocks: list) -> object:
    skeleton, code = build_skeleton(Extracted(blocks=tuple(blocks), pages=None))
    return build_plan(skeleton, code, Source("x.docx", "docx", "0" * 64, None))


def test_decision_with_attached_plan() -> None:
    plan = _convert(DECISION + [PLAN_HEADER, *PLAN_BODY])
    assert plan.document.type == "quyet_dinh" and plan.document.code == "325/QĐ-UBND"
    assert plan.tasks == []
    [attachment] = plan.attachments
    attached = attachment.plan
    assert attached.document.type == "ke_hoach"
    assert attached.document.title == "Phòng, chống thiên tai năm 2025"  # the caption is not the title
    assert attached.document.attached_to == AttachedTo("325/QĐ-UBND", "2025-03-12", "issued_with")
    assert [t.content for t in attached.tasks] == ["Kiện toàn Ban Chỉ huy phòng, chống thiên tai",
                                                  "Diễn tập ứng phó sạt lở đất"]
    assert [t.lead[0].name for t in attached.tasks] == ["Sở Nội vụ", "Công an tỉnh Lâm Đồng"]  # the decision's province
    assert attachment.pages is None  # DOCX
    # an attached plan prints no number, date or closing: that is no cause for a warning
    assert not {w.code for w in attached.warnings} & {"no_number", "no_date", "no_closing"}


def test_plan_appendix_stays_with_the_plan() -> None:
    plan = _convert(DECISION + [para("PHỤ LỤC", bold=True, align="center"), TASKS])
    assert plan.attachments == [] and len(plan.tasks) == 2


META = DocumentMeta("quyet_dinh", "Quyết định", "type_line", None, "325/QĐ-UBND", "325", "QĐ-UBND", None, "Lâm Đồng", "2025-03-12",
                    "Về việc phê duyệt Kế hoạch phòng, chống thiên tai", None, None)

# (caption under the attached document's title, what it is attached to)
ATTACHED_TO_CASES = [
    # the caption says everything
    (CAPTION, AttachedTo("325/QĐ-UBND", "2025-03-12", "issued_with")),
    # "phê duyệt" in the caption
    ("(Phê duyệt kèm theo Quyết định số 40/QĐ-UBND ngày 5/1/2025)", AttachedTo("40/QĐ-UBND", "2025-01-05", "approved_by")),
    # a bare "kèm theo": the decision's title says "phê duyệt"
    ("(Kèm theo Quyết định số 325/QĐ-UBND ngày 12 tháng 3 năm 2025)", AttachedTo("325/QĐ-UBND", "2025-03-12", "approved_by")),
    # a draft's blank number and date: the decision's own
    ("(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày   /  /2025)", AttachedTo("325/QĐ-UBND", "2025-03-12", "issued_with")),
    # no caption at all
    (None, AttachedTo("325/QĐ-UBND", "2025-03-12", "approved_by")),
]


@pytest.mark.parametrize("caption, expected", ATTACHED_TO_CASES)
def test_attached_to(caption: str | None, expected: AttachedTo) -> None:
    assert attached_to(caption, META) == expected


def test_relation_other_when_nothing_says_issued_or_approved() -> None:
    meta = DocumentMeta(**{**META.__dict__, "title": "Về việc công nhận Điều lệ Quỹ Khuyến học"})
    assert attached_to("(Kèm theo Quyết định số 779 /QĐ-UBND ngày 23 / 3 /2022)", meta) == AttachedTo(
        "779/QĐ-UBND", "2022-03-23", "other")


# --- the closing by layout ----------------------------------------------------------------------

SIGNATURE = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn An"]


def test_recipients_run_on_after_a_page_break() -> None:
    blocks = [layout(["Nơi nhận:", "- Bộ Tài chính;", "- Thường trực Tỉnh ủy;"], SIGNATURE),
              para("- Sở Nội vụ;", pages=(3,)), para("- Các sở, ban, ngành tỉnh;", pages=(3,)), para("- Lưu: VT, KGVX.")]
    read = read_closing(blocks, 0)
    assert read.end == 4
    assert read.closing.recipients == ("Bộ Tài chính", "Thường trực Tỉnh ủy", "Sở Nội vụ", "Các sở, ban, ngành tỉnh")
    assert read.closing.archive == "Lưu: VT, KGVX."


def test_signer_name_on_the_next_page_beside_the_last_recipients() -> None:
    blocks = [layout(["Nơi nhận:", "- Bộ Tài chính;"], SIGNATURE[:2]),
              layout(["- Sở Nội vụ;", "- Lưu: VT."], SIGNATURE[2:]),
              para("PHỤ LỤC", bold=True)]
    read = read_closing(blocks, 0)
    assert read.end == 2
    assert read.closing.recipients == ("Bộ Tài chính", "Sở Nội vụ")
    assert read.closing.signer.name == "Trần Văn An" and read.closing.signer.title == "Phó Chủ tịch"


def test_side_note_stays_with_its_recipient_across_the_break() -> None:
    blocks = [layout(["Nơi nhận:", "- Bộ Tài chính"], SIGNATURE), para("(để b/c);"), para("- Lưu: VT.")]
    assert read_closing(blocks, 0).closing.recipients == ("Bộ Tài chính (để b/c)",)


def test_appendix_title_below_the_name_is_not_the_signers() -> None:
    band = layout(["Nơi nhận:", "- Như trên;", "- Lưu: VT."],
                  [*SIGNATURE, "PHỤ LỤC I", "DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH"])
    read = read_closing([band], 0)
    assert read.closing.signer.name == "Trần Văn An"
    assert read.closing.signature_lines == tuple(SIGNATURE)
    assert [p.text for p in read.leftover] == ["PHỤ LỤC I", "DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH"]


def test_unsigned_draft_does_not_take_the_appendix_for_its_signer() -> None:
    blocks = [layout(["Nơi nhận:", "- Như trên;", "- Lưu: VT."], ["CHỦ TỊCH"]),
              para("PHỤ LỤC", bold=True), para("DANH MỤC NHIỆM VỤ", bold=True)]
    read = read_closing(blocks, 0)
    assert read.end == 1 and read.closing.signer.name is None and read.closing.signer.title == "Chủ tịch"


def test_a_line_after_the_archive_line_is_kept_with_a_warning() -> None:
    band = layout(["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "Tài liệu gửi kèm theo đường bưu điện"], SIGNATURE)
    read = read_closing([band], 0)
    assert read.closing.recipients == ("Như trên",)
    assert [p.text for p in read.leftover] == ["Tài liệu gửi kèm theo đường bưu điện"]
    [warning] = read.warnings
    assert warning.code == "recipient_unplaced" and "Tài liệu gửi kèm" in warning.message


def test_the_closing_stops_at_the_next_documents_type_line() -> None:
    """A ministry decision whose plan follows at once: plan bullets are not recipients."""
    blocks = [layout(["Nơi nhận:", "- Như Điều 3;"], ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]),
              para("KẾ HOẠCH", bold=True, align="center"), para("- Rà soát văn bản;")]
    read = read_closing(blocks, 0)
    assert read.end == 1 and read.closing.recipients == ("Như Điều 3",)


# --- layered signatures -------------------------------------------------------------------------

# (signature lines, (authority, on behalf of, title, layers as (authority, of)))
LAYER_CASES = [
    # the committee, then the chairman's deputy: the signer's own line is the innermost
    (("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn An"),
     ("KT", "Chủ tịch", "Phó Chủ tịch", [("TM", "Ủy ban nhân dân"), ("KT", "Chủ tịch")])),
    # "T/M." spelt with a slash; the head of an inspection team
    (("T/M. ĐOÀN KIỂM TRA", "TRƯỞNG ĐOÀN", "Lê Thị Bình"),
     ("TM", "Đoàn kiểm tra", "Trưởng đoàn", [("TM", "Đoàn kiểm tra")])),
    # by order of the chairman, the deputy chief of office signing for the chief
    (("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Võ Văn Cường"),
     ("KT", "Chánh Văn phòng", "Phó Chánh Văn phòng", [("TL", "Chủ tịch"), ("KT", "Chánh Văn phòng")])),
    # both layers run together in one PDF line
    (("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn An"),
     ("KT", "Chủ tịch", "Phó Chủ tịch", [("TM", "Ủy ban nhân dân"), ("KT", "Chủ tịch")])),
    # one layer
    (("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Thị Bình"), ("KT", "Giám đốc", "Phó Giám đốc", [("KT", "Giám đốc")])),
    # no authority: no layers
    (("GIÁM ĐỐC", "Lê Thị Bình"), (None, None, "Giám đốc", [])),
]


@pytest.mark.parametrize("lines, expected", LAYER_CASES)
def test_layered_signature(lines: tuple[str, ...], expected: tuple) -> None:
    signer = parse_signature(lines)
    authority, behalf, title, layers = expected
    assert (signer.authority, signer.on_behalf_of, signer.title) == (authority, behalf, title)
    assert signer.layers == [SignerLayer(a, of) for a, of in layers]


# --- each header field on its own ---------------------------------------------------------------

# (date line as printed, (place, issued date, warning codes))
PLACE_DATE_CASES = [
    # a stamp over the day: "ngày15 tháng 54": the place stays, the date is refused
    ("Hà Nội, ngày15 tháng 54 năm 2026", ("Hà Nội", None, ["impossible_date"])),
    # a stamp that leaves no digit readable: the place still stays
    ("Hà Nội, ngày 1Ễ tháng 4 năm 2026", ("Hà Nội", None, ["bad_date"])),
    # the ordinary line
    ("Hà Nội, ngày 10 tháng 3 năm 2026", ("Hà Nội", "2026-03-10", [])),
]


@pytest.mark.parametrize("line, expected", PLACE_DATE_CASES)
def test_place_survives_a_garbled_date(line: str, expected: tuple) -> None:
    place, issued, warnings = parse_place_date(line)
    assert (place, issued, [w.code for w in warnings]) == expected


def test_garbled_date_line_is_still_the_date_line() -> None:
    """"ngày15" (no space: the day stamped over the line) must not make the line unrecognisable."""
    lines = [HeaderLine("ĐOÀN KIỂM TRA", 0), HeaderLine("Số: 1105/KH-ĐKT", 0),
             HeaderLine("Hà Nội, ngày15 tháng 54 năm 2026", 1)]
    assert classify_header_lines(lines).place_date_line == "Hà Nội, ngày15 tháng 54 năm 2026"


def test_date_typed_after_the_motto_is_kept() -> None:
    lines = [HeaderLine("ỦY BAN NHÂN DÂN TỈNH X", 0), HeaderLine("Số: 12/KH-UBND", 0),
             HeaderLine("Độc lập - Tự do - Hạnh phúc Lâm Đồng, ngày 3 tháng 2 năm 2025", 1)]
    assert classify_header_lines(lines).place_date_line == "Lâm Đồng, ngày 3 tháng 2 năm 2025"


# (appendix captions, own code, type name, (date, warning codes))
CAPTION_DATE_CASES = [
    # the appendix names this document: its date stands in, with a warning
    (["(Kèm theo Kế hoạch số 1105/KH-ĐKT ngày 10/3/2026)"], "1105/KH-ĐKT", "Kế hoạch",
     ("2026-03-10", ["date_from_caption"])),
    # a caption naming another document gives nothing
    (["(Kèm theo Kế hoạch số 99/KH-UBND ngày 1/1/2026)"], "1105/KH-ĐKT", "Kế hoạch", (None, [])),
    # the number unreadable too: the caption of the same type of document
    (["(Kèm theo Kế hoạch số 1105/KH-ĐKT ngày 10/3/2026)"], None, "Kế hoạch", ("2026-03-10", ["date_from_caption"])),
    # a caption with a blank date gives nothing
    (["(Kèm theo Kế hoạch số 1105/KH-ĐKT ngày   /3/2026)"], "1105/KH-ĐKT", "Kế hoạch", (None, [])),
]


@pytest.mark.parametrize("captions, code, type_name, expected", CAPTION_DATE_CASES)
def test_date_from_captions(captions: list[str], code: str | None, type_name: str, expected: tuple) -> None:
    issued, warnings = date_from_captions(captions, code, type_name)
    assert (issued, [w.code for w in warnings]) == expected


def test_garbled_header_date_taken_from_the_appendix_caption() -> None:
    header = layout(["ĐOÀN KIỂM TRA", "Số: 1105/KH-ĐKT"], [*MOTTO, "Hà Nội, ngày15 tháng 54 năm 2026"])
    blocks = [header, para("KẾ HOẠCH", bold=True, align="center"), para("Kiểm tra năm 2026", bold=True, align="center"),
              para("I. MỤC ĐÍCH", bold=True), para("Kiểm tra việc thực hiện."),
              layout(["Nơi nhận:", "- Như trên;", "- Lưu: VT."], ["T/M. ĐOÀN KIỂM TRA", "TRƯỞNG ĐOÀN", "Lê Thị Bình"]),
              para("PHỤ LỤC", bold=True, align="center"),
              para("(Kèm theo Kế hoạch số 1105/KH-ĐKT ngày 10/3/2026)", italic=True, align="center"), TASKS]
    plan = _convert(blocks)
    assert (plan.document.place, plan.document.issued_date) == ("Hà Nội", "2026-03-10")
    [warning] = [w for w in plan.warnings if w.code == "date_from_caption"]
    assert "1105/KH-ĐKT ngày 10/3/2026" in warning.message
    assert plan.document.signer.layers == [SignerLayer("TM", "Đoàn kiểm tra")]


# --- the diff compares attachments like plans -----------------------------------------------------


def test_diff_compares_the_attached_plans_tasks() -> None:
    from pipeline.diff.plans import diff_plans
    from pipeline.diff.render import diff_to_dict
    from pipeline.output.serialize import plan_to_dict

    old = plan_to_dict(_convert(DECISION + [PLAN_HEADER, *PLAN_BODY]))
    edited = grid([["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
                   ["1", "Kiện toàn Ban Chỉ huy phòng, chống thiên tai", "Sở Nội vụ", "", "Quý I/2025"],
                   ["2", "Diễn tập ứng phó sạt lở đất", "Sở Xây dựng", "", "Quý II/2025"]])
    new = plan_to_dict(_convert(DECISION + [PLAN_HEADER, *PLAN_BODY[:-1], edited]))
    assert diff_plans(old, old).is_empty()
    [pair] = diff_to_dict(diff_plans(old, new))["attachments"]
    assert (pair["old_type"], pair["new_type"]) == ("Kế hoạch", "Kế hoạch")
    [changed] = pair["diff"]["tasks"]["changed"]
    assert changed["old_number"] == 2 and set(changed["fields"]) == {"lead"}


def test_diff_text_names_the_attachment() -> None:
    from pipeline.diff.plans import diff_plans
    from pipeline.diff.render import render_text
    from pipeline.output.serialize import plan_to_dict

    with_plan = plan_to_dict(_convert(DECISION + [PLAN_HEADER, *PLAN_BODY]))
    without = plan_to_dict(_convert(DECISION))
    from pipeline.diff.html import render_html
    from pipeline.i18n import message

    head = message("diff.attachment", n=1, kind="Kế hoạch")
    assert f"{head}: {message('diff.removed')}" in render_text(diff_plans(with_plan, without))
    assert f"{head}: {message('diff.added')}" in render_text(diff_plans(without, with_plan))
    assert 'id="attachment-0"' in render_html(diff_plans(with_plan, without))  # the HTML report names it too


def test_heading_run_on_after_the_caption_opens_the_body() -> None:
    """A PDF producer may put the caption's last line and "Chương I" in one paragraph."""
    charter = [para("ĐIỀU LỆ", bold=True, align="center"), para("Quỹ Hỗ trợ nông dân", bold=True, align="center"),
               para("(Ban hành kèm theo Quyết định số 118/QĐ-UBND ngày 20/01/2025 của", bold=True),
               para("UBND tỉnh Hà Tĩnh) Chương I", bold=True, align="center"),
               para("QUY ĐỊNH CHUNG", bold=True, align="center"), para("Điều 1. Tên gọi", bold=True)]
    attached = _convert(DECISION + charter).attachments[0].plan
    assert attached.document.attached_to.code == "118/QĐ-UBND"
    assert [s.number for s in attached.sections] == ["Chương I"]
    assert attached.document.title == "Quỹ Hỗ trợ nông dân"


def test_two_documents_attached_the_second_after_a_header_table() -> None:
    """A decision issuing a plan and a regulation: the plan prints no closing; the regulation's
    header table (motto, then its type line) ends it."""
    regulation = [PLAN_HEADER, para("QUY CHẾ", bold=True, align="center"),
                  para("Phối hợp phòng, chống thiên tai", bold=True, align="center"),
                  para(CAPTION, italic=True, align="center"), para("Điều 1. Phạm vi điều chỉnh", bold=True),
                  para("Quy chế này quy định việc phối hợp giữa các cơ quan.")]
    plan = _convert(DECISION + [PLAN_HEADER, *PLAN_BODY] + regulation)
    assert [(a.plan.document.type_name, len(a.plan.tasks)) for a in plan.attachments] == [
        ("Kế hoạch", 2), ("Quy chế", 0)]
    assert [s.number for s in plan.attachments[1].plan.sections] == ["Điều 1"]


def test_an_appendix_repeating_the_header_table_is_no_new_document() -> None:
    """Plan 196's appendix prints the header table again, then "Phụ lục"."""
    plan = _convert(DECISION + [PLAN_HEADER, *PLAN_BODY, PLAN_HEADER, para("Phụ lục", bold=True, align="center"),
                                para("(Kèm theo Kế hoạch số 12/KH-UBND ngày 1/2/2025)", align="center"), TASKS])
    assert len(plan.attachments) == 1 and len(plan.attachments[0].plan.tasks) == 4


def test_signer_name_alone_in_a_layout_table_on_the_next_page() -> None:
    blocks = [layout(["Nơi nhận:", "- Bộ Tài chính;", "- Lưu: VT."], SIGNATURE[:2]), layout([""], SIGNATURE[2:]),
              para("PHỤ LỤC", bold=True)]
    read = read_closing(blocks, 0)
    assert read.end == 2 and read.closing.signer.name == "Trần Văn An"


def test_place_and_date_above_the_authority_is_not_the_name() -> None:
    """Some offices print the place and date above the signature: the name is the line that reads as one."""
    signer = parse_signature(("Hà Nội, ngày 5 tháng 3 năm 2025", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Đức Chi"))
    assert (signer.name, signer.title, signer.authority) == ("Nguyễn Đức Chi", "Thứ trưởng", "KT")


def test_body_text_after_an_unsigned_closing_is_not_its_signature() -> None:
    blocks = [layout(["Nơi nhận:", "- Như trên;", "- Lưu: VT."], ["CHỦ TỊCH"]),
              para("Các cơ quan, đơn vị căn cứ nội dung trên để thực hiện.")]
    read = read_closing(blocks, 0)
    assert read.end == 1 and read.closing.signer.name is None


# --- a file that is an appendix alone ---------------------------------------------------------

APPENDIX_TABLE = grid([["STT", "Chỉ tiêu", "Kết quả"], ["1", "Số thủ tục công bố", "120"]])


def test_an_appendix_printed_alone_is_named_by_its_label_and_caption() -> None:
    plan = _convert([para("PHỤ LỤC II"), para("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"), para("NĂM 2025"),
                     para("(Kèm theo Quyết định số 45/QĐ-UBND ngày 10/01/2026 của UBND tỉnh)"), APPENDIX_TABLE])
    doc = plan.document
    assert (doc.type, doc.type_name, doc.title) == ("other", "Phụ lục II", "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025")
    assert doc.attached_to is not None and (doc.attached_to.code, doc.attached_to.issued_date) == (
        "45/QĐ-UBND", "2026-01-10")
    codes = [w.code for w in plan.warnings]
    assert "appendix_alone" in codes  # said once, instead of the missing number, date, type line and closing
    assert not set(codes) & {"no_number", "no_date", "no_type_line", "no_closing"}
    assert "PHỤ LỤC II" in [p.text for s in plan.sections for p in s.paragraphs]  # the lines stay as printed


def test_an_appendix_alone_naming_no_document() -> None:
    plan = _convert([para("Phụ lục I"), para("KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHÍ"), para("I. ĐỐI VỚI CẤP SỞ"),
                     APPENDIX_TABLE])
    assert (plan.document.type_name, plan.document.title, plan.document.attached_to) == (
        "Phụ lục I", "KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHÍ", None)  # the numbered heading is the body's
    assert [w.code for w in plan.warnings if w.code == "appendix_alone"] == ["appendix_alone"]


def test_a_document_opening_with_a_part_label_under_its_header_is_no_appendix_alone() -> None:
    """A header (issuer, number) above it: the label is the document's own part, as printed."""
    plan = _convert([layout(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/BC-UBND"],
                            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Lâm Đồng, ngày 10 tháng 01 năm 2026"]),
                     para("PHỤ LỤC"), para("SỐ LIỆU"), para("(Kèm theo Báo cáo này)"), APPENDIX_TABLE])
    assert plan.document.type_name != "Phụ lục" and "appendix_alone" not in [w.code for w in plan.warnings]
