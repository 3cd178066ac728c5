"""The variant corpus: each document spec with its hand-written expected JSON fragment.

A fragment holds only what its variant is about: the task list (every field of
every task, or only the fields named), some `document` fields, warning codes
that must be present, and section labels with a phrase they must hold. Task
rows are written next to their expectation with `task(...)`: the cell texts
printed in the table and, where they differ (an abbreviation, a merged cell),
the value the contract wants. Nothing here comes from running the converter.

Agencies and provinces are deliberately not Quảng Ngãi's.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from variants.spec import Block, Column, GroupRow, HeaderCell, TaskRow, VariantDoc, VariantTable

FORMATS = ("docx", "pdf-reportlab", "pdf-libreoffice")
CANVAS = ("pdf-canvas",)
_AUTO = object()


@dataclass
class Expected:
    """What a converted variant must contain."""

    tasks: list[dict] | None = None  # None: tasks are not what this variant is about
    document: dict = field(default_factory=dict)  # subset of `document`; issuer/signer as sub-dicts
    warnings: frozenset[str] = frozenset()  # codes that must be among the warnings
    sections: tuple[tuple[str, str], ...] = ()  # (label, phrase): a section so numbered holds the phrase
    # (label, texts): a section so numbered has exactly these paragraphs, in order
    paragraphs: tuple[tuple[str, tuple[str, ...]], ...] = ()
    recipients: list[dict] | None = None  # the "Nơi nhận" entries in order: {"name", "note"} (subsets)
    # The documents attached after this one, in order, each with its own expectation (tasks,
    # document fields with `attached_to` ...); None: attachments are not what this variant is about.
    attachments: list["Expected"] | None = None


@dataclass
class Variant:
    """A spec, the feature it exercises, its expectation and the formats it is built in."""

    spec: VariantDoc
    feature: str
    expected: Expected
    formats: tuple[str, ...] = FORMATS

    @property
    def key(self) -> str:
        return self.spec.key


# --------------------------------------------------------------------------- helpers


def C(role: str, label: str, width: float = 1.0) -> Column:
    """A column: role, header label as printed, width share."""
    return Column(role, label, width)


def task(tt: str, content: str, *, lead: tuple[str, ...] = (), coop: tuple[str, ...] = (), time: str | None = None,
         output: str | None = None, submit: str | None = None, note: str | None = None, number=_AUTO,
         group=_AUTO, lead_text: str | None = None, coop_text: str | None = None, submit_text: str | None = None,
         rowspans: dict[str, int] | None = None, colspans: dict[str, int] | None = None,
         omit: tuple[str, ...] = ()) -> tuple[TaskRow, dict]:
    """A task row and its expected Task fields.

    Cells print ``lead``/``coop`` joined by ", " unless ``*_text`` gives the text as
    written; ``omit`` leaves roles out of the row (a cell covered by a merge above).
    ``number`` defaults to the int of a plain TT; ``group`` to the last group row.
    """
    cells = {"content": content, "lead": lead_text if lead_text is not None else ", ".join(lead),
             "cooperating": coop_text if coop_text is not None else ", ".join(coop),
             "timeframe": time or "", "output": output or "", "note": note or "",
             "submit_to": submit_text if submit_text is not None else (submit or "")}
    for role in omit:
        cells.pop(role)
    if number is _AUTO:
        number = int(tt.rstrip(".")) if tt.rstrip(".").isdigit() else (tt or None)
    expected = {"number": number, "content": content, "lead": list(lead), "cooperating": list(coop),
                "timeframe": time, "submit_to": submit, "output": output, "note": note}
    if group is not _AUTO:
        expected["group"] = group
    return TaskRow(tt, cells, rowspans or {}, colspans or {}), expected


def heading(tt: str, title: str) -> TaskRow:
    """A numbered row that only heads sub-rows (no agencies): a group, not a task."""
    return TaskRow(tt, {"content": title})


def table(columns: list[Column], items: list, **kw) -> tuple[VariantTable, list[dict]]:
    """A table from rows and (row, expected) pairs; tasks get the group of the last heading row."""
    rows, expected, group = [], [], None
    for item in items:
        if isinstance(item, GroupRow):
            rows.append(item)
            group = f"{item.label.rstrip('.')}. {item.title}"
        elif isinstance(item, TaskRow):  # a heading row written as a numbered row
            rows.append(item)
            group = f"{item.tt.rstrip('.')}. {item.cells['content']}"
        else:
            row, exp = item
            rows.append(row)
            expected.append({"group": group, **exp})
    return VariantTable(columns=columns, rows=rows, **kw), expected


def caption(number: str, issuer: str, date: str, label: str = "Phụ lục") -> list[str]:
    return [label, "DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH",
            f"(Kèm theo Kế hoạch số {number} ngày {date} của {issuer})"]


def plan(key: str, *, province: str = "NGHỆ AN", place: str = "Nghệ An", number: str = "58/KH-UBND",
         date: str = "ngày 15 tháng 01 năm 2025", title: list[str] | None = None, body: list[Block] | None = None,
         tables: list[VariantTable] = (), **kw) -> VariantDoc:
    """A provincial plan with a short ordinary body; keywords override any field."""
    fields = dict(
        key=key, issuer_lines=["ỦY BAN NHÂN DÂN", f"TỈNH {province}"], number_line=f"Số: {number}",
        date_line=f"{place}, {date}", type_line="KẾ HOẠCH",
        title_lines=title or ["Triển khai chương trình chuyển đổi số", f"tỉnh {place} năm 2025"],
        body=body or standard_body(place), signer_lines=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        signer_name="Nguyễn Văn Đệ", tables=list(tables))
    fields.update(kw)
    return VariantDoc(**fields)


def standard_body(place: str) -> list[Block]:
    return [
        Block(f"Thực hiện chỉ đạo của Chính phủ, Ủy ban nhân dân tỉnh {place} ban hành Kế hoạch thực hiện như sau:"),
        Block("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
        Block("Xác định rõ nhiệm vụ, thời hạn và trách nhiệm của các cơ quan, đơn vị trong tổ chức thực hiện."),
        Block("II. NHIỆM VỤ CỤ THỂ", bold=True),
        Block("Chi tiết các nhiệm vụ tại Phụ lục kèm theo Kế hoạch này."),
        Block("III. TỔ CHỨC THỰC HIỆN", bold=True),
        Block("Các cơ quan, đơn vị căn cứ nhiệm vụ được giao, chủ động triển khai thực hiện và báo cáo kết quả."),
    ]


STD_COLS = [C("number", "TT", 0.7), C("content", "Nội dung công việc", 3.5), C("lead", "Cơ quan chủ trì", 1.6),
            C("cooperating", "Cơ quan phối hợp", 1.8), C("timeframe", "Thời gian thực hiện", 1.5)]
LONG = ("bảo đảm đồng bộ với quy hoạch tỉnh, kế hoạch phát triển kinh tế - xã hội 5 năm và các chương trình mục "
        "tiêu quốc gia; huy động các nguồn lực xã hội, lồng ghép kinh phí từ các chương trình, dự án đang triển khai, "
        "tăng cường kiểm tra, giám sát, đánh giá định kỳ, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh trong quá "
        "trình tổ chức thực hiện ở cơ sở")


# --------------------------------------------------------------------------- table shapes


def group_roman() -> Variant:
    t, tasks = table(STD_COLS, [
        GroupRow("I", "NHIỆM VỤ DO SỞ Y TẾ CHỦ TRÌ"),
        task("1", "Xây dựng đề án phát triển mạng lưới y tế cơ sở", lead=("Sở Y tế",), coop=("Sở Tài chính", "Sở Nội vụ"),
             time="Quý II/2025"),
        task("2", "Triển khai hồ sơ sức khỏe điện tử cho người dân", lead=("Sở Y tế",),
             coop=("Sở Thông tin và Truyền thông",), time="Năm 2025"),
        GroupRow("II", "NHIỆM VỤ DO SỞ TÀI CHÍNH CHỦ TRÌ"),
        task("3", "Bố trí kinh phí thực hiện Kế hoạch", lead=("Sở Tài chính",), coop=("Sở Y tế",), time="Hằng năm"),
        task("4", "Hướng dẫn thanh quyết toán kinh phí chuyển đổi số", lead=("Sở Tài chính",), time="Thường xuyên"),
    ], caption=caption("58/KH-UBND", "UBND tỉnh Nghệ An", "15/01/2025"))
    return Variant(plan("group-roman", tables=[t]), "group rows (Roman, merged cell)", Expected(tasks=tasks))


def group_letters() -> Variant:
    cols = [C("number", "STT", 0.5), C("content", "Nhiệm vụ", 3.5), C("lead", "Đơn vị chủ trì", 1.6),
            C("cooperating", "Đơn vị phối hợp", 1.8), C("timeframe", "Tiến độ", 1.0), C("note", "Ghi chú", 1.0)]
    t, tasks = table(cols, [
        GroupRow("A.", "NHIỆM VỤ TRỌNG TÂM", whole_row=True),
        task("1", "Hoàn thiện cơ sở dữ liệu đất đai tỉnh", lead=("Sở Tài nguyên và Môi trường",),
             coop=("Sở Tư pháp",), time="Quý III/2025", note="Ưu tiên"),
        task("2", "Số hóa hồ sơ địa chính cấp huyện", lead=("Sở Tài nguyên và Môi trường",), time="Năm 2025"),
        GroupRow("B.", "NHIỆM VỤ THƯỜNG XUYÊN", whole_row=True),
        task("1", "Cập nhật biến động đất đai", lead=("Sở Tài nguyên và Môi trường",),
             coop=("Các sở, ban, ngành",), time="Thường xuyên"),
    ], caption=caption("17/KH-UBND", "UBND tỉnh Lâm Đồng", "03/02/2025"))
    doc = plan("group-letters", province="LÂM ĐỒNG", place="Lâm Đồng", number="17/KH-UBND",
               date="ngày 03 tháng 02 năm 2025", tables=[t])
    return Variant(doc, "group rows (A., B., whole-row merge)", Expected(tasks=tasks))


def sub_numbering() -> Variant:
    t, tasks = table(STD_COLS, [
        heading("1", "Nhóm nhiệm vụ về hoàn thiện thể chế"),
        task("1.1", "Rà soát quy định về thủ tục hành chính nội bộ", lead=("Sở Tư pháp",), coop=("Sở Nội vụ",),
             time="Quý I/2025", number="1.1"),
        task("1.2", "Ban hành quy chế phối hợp chia sẻ dữ liệu", lead=("Sở Thông tin và Truyền thông",),
             time="Quý II/2025", number="1.2"),
        heading("2", "Nhóm nhiệm vụ về hạ tầng số"),
        task("a)", "Nâng cấp trung tâm dữ liệu tỉnh", lead=("Sở Thông tin và Truyền thông",), coop=("Sở Tài chính",),
             time="Năm 2025", number="2.a"),
        task("b)", "Phủ sóng di động tại các thôn, bản vùng sâu", lead=("Sở Thông tin và Truyền thông",),
             time="Giai đoạn 2025-2026", number="2.b"),
    ], caption=caption("60/KH-UBND", "UBND tỉnh Nghệ An", "20/01/2025"))
    doc = plan("sub-numbering", number="60/KH-UBND", date="ngày 20 tháng 01 năm 2025", tables=[t])
    return Variant(doc, "sub-task numbering (1.1, a))", Expected(tasks=tasks))


def empty_tt() -> Variant:
    t, tasks = table(STD_COLS, [
        task("1", "Tuyên truyền về chuyển đổi số trên báo, đài địa phương", lead=("Sở Thông tin và Truyền thông",),
             time="Thường xuyên"),
        task("", "Tổ chức hội nghị quán triệt Kế hoạch đến cấp xã", lead=("Sở Nội vụ",), time="Quý I/2025"),
        task("", "Biên soạn tài liệu hướng dẫn kỹ năng số cho người dân", lead=("Sở Giáo dục và Đào tạo",),
             coop=("Sở Thông tin và Truyền thông",), time="Quý II/2025"),
        task("2", "Đánh giá mức độ chuyển đổi số của các cơ quan", lead=("Sở Thông tin và Truyền thông",),
             time="Hằng năm"),
    ], caption=caption("61/KH-UBND", "UBND tỉnh Nghệ An", "21/01/2025"))
    # Our convention (the contract wants every task addressable): a row printed without
    # TT takes the number before it with the next free letter.
    tasks[1]["number"], tasks[2]["number"] = "1.a", "1.b"
    doc = plan("empty-tt", number="61/KH-UBND", date="ngày 21 tháng 01 năm 2025", tables=[t])
    return Variant(doc, "rows with empty TT", Expected(tasks=tasks))


def vmerge_lead() -> Variant:
    edu = ("Sở Giáo dục và Đào tạo",)
    t, tasks = table(STD_COLS, [
        task("1", "Rà soát mạng lưới trường, lớp học mầm non", lead=edu, coop=("Sở Xây dựng",), time="Quý I/2025",
             rowspans={"lead": 3}),
        task("2", "Bổ sung thiết bị dạy học tối thiểu", lead=edu, coop=("Sở Tài chính",), time="Năm 2025",
             omit=("lead",)),
        task("3", "Bồi dưỡng giáo viên về kỹ năng số", lead=edu, coop=("Sở Nội vụ",), time="Hằng năm",
             omit=("lead",)),
        task("4", "Kiểm tra cơ sở vật chất trường học trước năm học mới", lead=("Sở Xây dựng",), time="Quý III/2025"),
    ], caption=caption("22/KH-UBND", "UBND tỉnh Đắk Lắk", "07/02/2025"))
    doc = plan("vmerge-lead", province="ĐẮK LẮK", place="Đắk Lắk", number="22/KH-UBND",
               date="ngày 07 tháng 02 năm 2025", tables=[t])
    return Variant(doc, "lead cell merged over 3 tasks", Expected(tasks=tasks))


def hmerge() -> Variant:
    cols = [C("number", "TT", 0.5), C("content", "Nhiệm vụ", 3.2), C("lead", "Chủ trì", 1.5),
            C("cooperating", "Phối hợp", 1.5), C("timeframe", "Thời gian", 1.0), C("note", "Ghi chú", 1.0)]
    t, tasks = table(cols, [
        task("1", "Xây dựng bản đồ số du lịch", lead=("Sở Văn hóa, Thể thao và Du lịch",),
             coop=("Sở Thông tin và Truyền thông",), time="Năm 2025", colspans={"timeframe": 2}, omit=("note",)),
        task("2", "Tổ chức tuần lễ văn hóa các dân tộc", lead=("Sở Văn hóa, Thể thao và Du lịch",),
             colspans={"lead": 2}, omit=("cooperating",), time="Quý IV/2025", note="Kinh phí xã hội hóa"),
        task("3", "Quảng bá điểm đến trên nền tảng số", lead=("Sở Văn hóa, Thể thao và Du lịch",),
             coop=("Sở Công Thương",), time="Thường xuyên"),
    ], caption=caption("23/KH-UBND", "UBND tỉnh Đắk Lắk", "10/02/2025"))
    doc = plan("hmerge", province="ĐẮK LẮK", place="Đắk Lắk", number="23/KH-UBND",
               date="ngày 10 tháng 02 năm 2025", tables=[t])
    return Variant(doc, "horizontally merged cells", Expected(tasks=tasks))


def columns_alt_names() -> Variant:
    cols = [C("number", "STT", 0.5), C("content", "Nhiệm vụ, giải pháp", 3.0), C("lead", "Chủ trì", 1.4),
            C("cooperating", "Phối hợp", 1.4), C("timeframe", "Thời gian hoàn thành", 1.1),
            C("output", "Kết quả/sản phẩm", 1.3), C("submit_to", "Cấp trình", 0.9)]
    t, tasks = table(cols, [
        task("1", "Xây dựng quy chế quản lý cụm công nghiệp", lead=("Sở Công Thương",), coop=("Sở Xây dựng",),
             time="Quý II/2025", output="Quyết định", submit="Ủy ban nhân dân tỉnh Lâm Đồng", submit_text="UBND tỉnh"),
        task("2", "Đề xuất chính sách hỗ trợ doanh nghiệp nhỏ và vừa", lead=("Sở Kế hoạch và Đầu tư",),
             coop=("Sở Tài chính",), time="Quý III/2025", output="Nghị quyết",
             submit="Hội đồng nhân dân tỉnh Lâm Đồng", submit_text="HĐND tỉnh"),
        task("3", "Báo cáo sơ kết thực hiện Kế hoạch", lead=("Sở Công Thương",), time="Tháng 12/2025",
             output="Báo cáo"),
    ], caption=caption("31/KH-UBND", "UBND tỉnh Lâm Đồng", "14/02/2025"))
    doc = plan("columns-alt-names", province="LÂM ĐỒNG", place="Lâm Đồng", number="31/KH-UBND",
               date="ngày 14 tháng 02 năm 2025", tables=[t])
    return Variant(doc, "other column names (+ Cấp trình, Sản phẩm)", Expected(tasks=tasks))


def columns_reordered() -> Variant:
    cols = [C("number", "TT", 0.5), C("lead", "Cơ quan chủ trì", 1.5), C("content", "Nội dung công việc", 3.0),
            C("output", "Hình thức văn bản", 1.2), C("submit_to", "Cấp trình", 1.0), C("timeframe", "Tiến độ", 1.0),
            C("cooperating", "Cơ quan phối hợp", 1.5), C("note", "Ghi chú", 0.9)]
    t, tasks = table(cols, [
        task("1", "Xây dựng kế hoạch bảo vệ môi trường lưu vực sông", lead=("Sở Tài nguyên và Môi trường",),
             output="Kế hoạch", submit="Ủy ban nhân dân tỉnh Nghệ An", submit_text="UBND tỉnh", time="Quý II/2025",
             coop=("Sở Nông nghiệp và Phát triển nông thôn",), note="Trọng tâm"),
        task("2", "Ban hành quy định thu gom chất thải rắn sinh hoạt", lead=("Sở Tài nguyên và Môi trường",),
             output="Quyết định", submit="Ủy ban nhân dân tỉnh Nghệ An", submit_text="UBND tỉnh", time="Quý IV/2025",
             coop=("Sở Xây dựng", "Sở Tài chính")),
    ], caption=caption("64/KH-UBND", "UBND tỉnh Nghệ An", "25/01/2025"))
    doc = plan("columns-reordered", number="64/KH-UBND", date="ngày 25 tháng 01 năm 2025", tables=[t])
    return Variant(doc, "columns in another order", Expected(tasks=tasks))


def columns_missing_extra() -> Variant:
    cols = [C("number", "STT", 0.5), C("content", "Nhiệm vụ", 3.2), C("other", "Kinh phí (triệu đồng)", 1.0),
            C("lead", "Đơn vị chủ trì", 1.6), C("timeframe", "Thời gian thực hiện", 1.5)]
    t, tasks = table(cols, [
        task("1", "Nâng cấp hệ thống cấp nước sinh hoạt nông thôn", lead=("Sở Nông nghiệp và Phát triển nông thôn",),
             time="Giai đoạn 2025-2027"),
        task("2", "Trồng rừng phòng hộ ven biển", lead=("Sở Nông nghiệp và Phát triển nông thôn",), time="Năm 2026"),
    ], caption=caption("65/KH-UBND", "UBND tỉnh Nghệ An", "27/01/2025"))
    t.rows[0].cells["other"], t.rows[1].cells["other"] = "1.500", "3.200"
    doc = plan("columns-missing-extra", number="65/KH-UBND", date="ngày 27 tháng 01 năm 2025", tables=[t])
    return Variant(doc, "missing / extra columns", Expected(tasks=tasks))


def header_two_lines() -> Variant:
    cols = [C("number", "TT", 0.5), C("content", "Nội dung", 3.0), C("lead", "Chủ trì", 1.5),
            C("cooperating", "Phối hợp", 1.5), C("timeframe", "Thời gian", 1.0), C("output", "Sản phẩm", 1.0)]
    header = [[HeaderCell("TT", rowspan=2), HeaderCell("Nội dung", rowspan=2),
               HeaderCell("Cơ quan thực hiện", colspan=2), HeaderCell("Thời gian", rowspan=2),
               HeaderCell("Sản phẩm", rowspan=2)],
              [HeaderCell("Chủ trì"), HeaderCell("Phối hợp")]]
    t, tasks = table(cols, [
        task("1", "Xây dựng chương trình khuyến công địa phương", lead=("Sở Công Thương",), coop=("Sở Tài chính",),
             time="Quý I/2025", output="Chương trình"),
        task("2", "Tổ chức hội chợ thương mại nông sản", lead=("Sở Công Thương",),
             coop=("Sở Nông nghiệp và Phát triển nông thôn",), time="Quý III/2025", output="Hội chợ"),
    ], header=header, caption=caption("40/KH-UBND", "UBND tỉnh Đắk Lắk", "20/02/2025"))
    doc = plan("header-two-lines", province="ĐẮK LẮK", place="Đắk Lắk", number="40/KH-UBND",
               date="ngày 20 tháng 02 năm 2025", tables=[t])
    return Variant(doc, "two-line header", Expected(tasks=tasks))


def _long_rows(n: int, lead: str, start: int = 1) -> list:
    topics = ["phát triển hạ tầng giao thông nông thôn", "nâng cao chất lượng nguồn nhân lực", "bảo vệ rừng đầu nguồn",
              "phát triển du lịch cộng đồng", "chuyển đổi cơ cấu cây trồng", "hỗ trợ hợp tác xã kiểu mới",
              "xây dựng nông thôn mới nâng cao", "phát triển thương mại điện tử", "cải cách hành chính"]
    times = ["Năm 2025", "Quý II/2025", "Thường xuyên", "Hằng năm", "Giai đoạn 2025-2030"]
    return [task(str(start + i), f"Tổ chức thực hiện nhiệm vụ {topics[i % len(topics)]}, {LONG}",
                 lead=(lead,), coop=("Sở Tài chính",), time=times[i % len(times)]) for i in range(n)]


def header_no_repeat() -> Variant:
    t, tasks = table(STD_COLS, _long_rows(9, "Sở Nông nghiệp và Phát triển nông thôn"), repeat_header=False,
                     page_break_before_rows=(4,), break_inside_rows=(6,), caption=caption("70/KH-UBND", "UBND tỉnh Nghệ An", "05/03/2025"))
    doc = plan("header-no-repeat", number="70/KH-UBND", date="ngày 05 tháng 03 năm 2025", tables=[t])
    return Variant(doc, "header not repeated on later pages", Expected(tasks=tasks))


def mid_page_split_rows() -> Variant:
    body = standard_body("Lâm Đồng")[:5]
    t, tasks = table(STD_COLS, _long_rows(7, "Sở Kế hoạch và Đầu tư") + [
        task("8", "Tổng hợp, đánh giá kết quả thực hiện " + " ".join([LONG] * 5), lead=("Sở Kế hoạch và Đầu tư",),
             coop=("Các sở, ban, ngành",), time="Tháng 12/2025")],
        new_page=False, landscape=False, break_inside_rows=(7,))
    doc = plan("mid-page-split-rows", province="LÂM ĐỒNG", place="Lâm Đồng", number="44/KH-UBND",
               date="ngày 9 tháng 3 năm 2025", body=body + standard_body("Lâm Đồng")[5:], body_tables_after=4,
               tables=[t])
    return Variant(doc, "table mid-page, rows broken across pages", Expected(tasks=tasks))


def two_appendices() -> Variant:
    t1, tasks1 = table(STD_COLS, [
        task("1", "Rà soát danh mục dịch vụ công trực tuyến toàn trình",
             lead=("Văn phòng Ủy ban nhân dân tỉnh Nghệ An",), lead_text="Văn phòng Ủy ban nhân dân tỉnh",
             coop=("Các sở, ban, ngành",), time="Quý I/2025"),
        task("2", "Tích hợp thanh toán trực tuyến phí, lệ phí", lead=("Sở Tài chính",), time="Quý II/2025"),
    ], caption=caption("71/KH-UBND", "UBND tỉnh Nghệ An", "10/03/2025", "PHỤ LỤC I"))
    t2, tasks2 = table(STD_COLS[:3] + [C("timeframe", "Thời gian hoàn thành", 1.2), C("output", "Sản phẩm", 1.2)], [
        task("1", "Xây dựng kho dữ liệu dùng chung của tỉnh", lead=("Sở Thông tin và Truyền thông",),
             time="Năm 2025", output="Kho dữ liệu"),
        task("2", "Kết nối cơ sở dữ liệu dân cư với hệ thống một cửa", lead=("Sở Thông tin và Truyền thông",),
             time="Quý III/2025", output="Hệ thống kết nối"),
    ], caption=caption("71/KH-UBND", "UBND tỉnh Nghệ An", "10/03/2025", "PHỤ LỤC II"))
    doc = plan("two-appendices", number="71/KH-UBND", date="ngày 10 tháng 03 năm 2025", tables=[t1, t2])
    return Variant(doc, "two appendix tables (Phụ lục I, II)", Expected(tasks=tasks1 + tasks2))


def no_table() -> Variant:
    """Tasks as numbered body items.

    The expectation (defined here, issue 4 point 2): each numbered item directly
    under a top-level section whose title starts with "NHIỆM VỤ" is a task when the
    item names a lead, by a "Cơ quan chủ trì:" line under it or by "Giao <agency>
    chủ trì" in its text. number = the item number; group = that section's heading
    ("II. NHIỆM VỤ VÀ GIẢI PHÁP"); content = the item's own sentence (without the
    assignment sentences); lead/cooperating from "chủ trì"/"phối hợp"; timeframe
    from "Thời gian thực hiện:"/"Thời gian:". Unnumbered paragraphs and items of
    other sections (purpose, organisation) are not tasks.
    """
    group = "II. NHIỆM VỤ VÀ GIẢI PHÁP"
    body = [
        Block("Thực hiện Nghị quyết của Chính phủ về y tế cơ sở, Sở Y tế xây dựng Kế hoạch như sau:"),
        Block("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
        Block("1. Nâng cao chất lượng khám, chữa bệnh tại tuyến xã."),
        Block("2. Bảo đảm sự phối hợp chặt chẽ giữa các cơ quan, đơn vị."),
        Block("II. NHIỆM VỤ VÀ GIẢI PHÁP", bold=True),
        Block("1. Rà soát, sắp xếp mạng lưới trạm y tế xã, phường, thị trấn."),
        Block("- Cơ quan chủ trì: Trung tâm Kiểm soát bệnh tật."),
        Block("- Cơ quan phối hợp: Phòng Tổ chức cán bộ, Phòng Kế hoạch - Tài chính."),
        Block("- Thời gian thực hiện: Quý II/2025."),
        Block("2. Đào tạo, bồi dưỡng chuyên môn cho nhân viên y tế thôn, bản."),
        Block("- Cơ quan chủ trì: Phòng Tổ chức cán bộ."),
        Block("- Thời gian thực hiện: Hằng năm."),
        Block("3. Kiểm tra, giám sát việc thực hiện các chỉ tiêu y tế cơ sở. Giao Thanh tra Sở chủ trì, phối hợp "
              "với Phòng Nghiệp vụ Y thực hiện. Thời gian: Quý IV/2025."),
        Block("III. TỔ CHỨC THỰC HIỆN", bold=True),
        Block("Các phòng, đơn vị thuộc Sở căn cứ Kế hoạch này triển khai thực hiện, báo cáo kết quả về Sở Y tế."),
    ]
    tasks = [
        {"number": 1, "group": group, "content": "Rà soát, sắp xếp mạng lưới trạm y tế xã, phường, thị trấn",
         "lead": ["Trung tâm Kiểm soát bệnh tật"],
         "cooperating": ["Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính"], "timeframe": "Quý II/2025"},
        {"number": 2, "group": group, "content": "Đào tạo, bồi dưỡng chuyên môn cho nhân viên y tế thôn, bản",
         "lead": ["Phòng Tổ chức cán bộ"], "cooperating": [], "timeframe": "Hằng năm"},
        {"number": 3, "group": group, "content": "Kiểm tra, giám sát việc thực hiện các chỉ tiêu y tế cơ sở",
         "lead": ["Thanh tra Sở"], "cooperating": ["Phòng Nghiệp vụ Y"], "timeframe": "Quý IV/2025"},
    ]
    doc = plan("no-table", number="12/KH-SYT", date="ngày 4 tháng 4 năm 2025",
               issuer_lines=["UBND TỈNH NGHỆ AN", "SỞ Y TẾ"], title=["Củng cố mạng lưới y tế cơ sở năm 2025"],
               body=body, signer_lines=["GIÁM ĐỐC"], signer_name="Dương Đình Chỉnh")
    return Variant(doc, "no table: numbered body items", Expected(tasks=tasks))


# --------------------------------------------------------------------------- documents and issuers


def _small_table(cap: list[str], lead: str = "Sở Y tế") -> tuple[VariantTable, list[dict]]:
    return table(STD_COLS, [
        task("1", "Xây dựng kế hoạch kiểm tra an toàn thực phẩm", lead=(lead,), coop=("Sở Công Thương",),
             time="Quý II/2025"),
        task("2", "Tổ chức tháng hành động vì an toàn thực phẩm", lead=(lead,), time="Tháng 4/2025"),
    ], caption=cap)


def department_plan() -> Variant:
    t, tasks = _small_table(caption("12/KH-SKHCN", "Sở Khoa học và Công nghệ tỉnh Đắk Lắk", "5/3/2025"),
                            lead="Phòng Quản lý khoa học")
    doc = plan("department-plan", number="12/KH-SKHCN", date="ngày 5 tháng 3 năm 2025",
               issuer_lines=["UBND TỈNH ĐẮK LẮK", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], place="Đắk Lắk",
               title=["Ứng dụng tiến bộ khoa học và công nghệ năm 2025"],
               signer_lines=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], signer_name="Lê Thị Hồng Vân", tables=[t])
    expected = Expected(tasks=tasks, document={
        "type": "ke_hoach", "code": "12/KH-SKHCN", "number": "12", "symbol": "KH-SKHCN",
        "issuer": {"name": "Sở Khoa học và Công nghệ"}, "place": "Đắk Lắk", "issued_date": "2025-03-05",
        "title": "Ứng dụng tiến bộ khoa học và công nghệ năm 2025",
        "signer": {"name": "Lê Thị Hồng Vân", "title": "Phó Giám đốc", "authority": "KT", "on_behalf_of": "Giám đốc"}})
    return Variant(doc, "department plan (UBND TỈNH / SỞ), KT. GIÁM ĐỐC", expected)


def ministry_plan() -> Variant:
    cols = [C("number", "TT", 0.5), C("content", "Nội dung công việc", 3.0), C("lead", "Đơn vị chủ trì", 1.6),
            C("cooperating", "Đơn vị phối hợp", 1.6), C("timeframe", "Thời gian hoàn thành", 1.2)]
    t, tasks = table(cols, [
        task("1", "Xây dựng Thông tư hướng dẫn quản lý ngân sách địa phương", lead=("Vụ Ngân sách nhà nước",),
             coop=("Vụ Pháp chế",), time="Quý III/2025"),
        task("2", "Hiện đại hóa hệ thống thông tin quản lý thuế", lead=("Cục Thuế",),
             coop=("Cục Tin học và Thống kê tài chính",), time="Năm 2025"),
    ], caption=caption("245/KH-BTC", "Bộ Tài chính", "08/01/2025"))
    doc = plan("ministry-plan", number="245/KH-BTC", place="Hà Nội", date="ngày 08 tháng 01 năm 2025",
               issuer_lines=["BỘ TÀI CHÍNH"], title=["Thực hiện Chương trình cải cách hành chính năm 2025"],
               signer_lines=["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"], signer_name="Nguyễn Đức Chi", tables=[t],
               body=[Block("Thực hiện Nghị quyết của Chính phủ về cải cách hành chính, Bộ Tài chính ban hành Kế hoạch "
                           "như sau:"),
                     Block("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
                     Block("Triển khai đồng bộ các nhiệm vụ cải cách hành chính trong ngành tài chính."),
                     Block("II. NHIỆM VỤ", bold=True), Block("Chi tiết tại Phụ lục kèm theo.")])
    expected = Expected(tasks=tasks, document={
        "type": "ke_hoach", "code": "245/KH-BTC", "number": "245", "symbol": "KH-BTC",
        "issuer": {"name": "Bộ Tài chính"}, "place": "Hà Nội", "issued_date": "2025-01-08",
        "title": "Thực hiện Chương trình cải cách hành chính năm 2025",
        "signer": {"name": "Nguyễn Đức Chi", "title": "Thứ trưởng", "authority": "KT", "on_behalf_of": "Bộ trưởng"}})
    return Variant(doc, "ministry plan (BỘ ...)", expected)


def decision_with_plan() -> Variant:
    t, tasks = table(STD_COLS, [
        task("1", "Kiện toàn Ban Chỉ huy phòng, chống thiên tai các cấp", lead=("Sở Nông nghiệp và Môi trường",),
             coop=("Sở Nội vụ",), time="Quý I/2025"),
        task("2", "Diễn tập ứng phó sạt lở đất tại các huyện miền núi", lead=("Bộ Chỉ huy Quân sự tỉnh",),
             coop=("Công an tỉnh",), time="Quý II/2025", lead_text="Bộ Chỉ huy Quân sự tỉnh"),
    ], caption=[])
    tasks[1] = {**tasks[1], "lead": ["Bộ Chỉ huy Quân sự tỉnh Lâm Đồng"], "cooperating": ["Công an tỉnh Lâm Đồng"]}
    attached = plan("decision-plan-attached", province="LÂM ĐỒNG", place="Lâm Đồng",
                    title=["Phòng, chống thiên tai tỉnh Lâm Đồng năm 2025",
                           "(Ban hành kèm theo Quyết định số 325/QĐ-UBND ngày 12/3/2025 của UBND tỉnh Lâm Đồng)"],
                    body=[Block("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
                          Block("Chủ động phòng ngừa, ứng phó kịp thời, giảm thiểu thiệt hại do thiên tai gây ra."),
                          Block("II. NHIỆM VỤ CỤ THỂ", bold=True)],
                    tables=[t], body_tables_after=2)
    body = [
        Block("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", bold=True, center=True),
        Block("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;"),
        Block("Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;"),
        Block("Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 45/TTr-SNNMT ngày 10 tháng 3 "
              "năm 2025."),
        Block("QUYẾT ĐỊNH:", bold=True, center=True),
        Block("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai tỉnh Lâm Đồng năm 2025."),
        Block("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký."),
        Block("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, Thủ trưởng các cơ quan, đơn vị có liên "
              "quan chịu trách nhiệm thi hành Quyết định này./."),
    ]
    doc = plan("decision-with-plan", province="LÂM ĐỒNG", place="Lâm Đồng", number="325/QĐ-UBND",
               date="ngày 12 tháng 3 năm 2025", type_line="QUYẾT ĐỊNH",
               title=["Ban hành Kế hoạch phòng, chống thiên tai tỉnh Lâm Đồng năm 2025"], body=body,
               signer_lines=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signer_name="Trần Hồng Thái", attachment=attached)
    # Issue 11: the decision at the top (no tasks of its own), the plan with its tasks attached.
    plan_expected = Expected(tasks=tasks, document={
        "type": "ke_hoach", "code": None, "issued_date": None, "signer": None,
        "title": "Phòng, chống thiên tai tỉnh Lâm Đồng năm 2025",
        "attached_to": {"code": "325/QĐ-UBND", "issued_date": "2025-03-12", "relation": "issued_with"}},
        sections=(("I", "Chủ động phòng ngừa"),))
    expected = Expected(tasks=[], document={
        "type": "quyet_dinh", "code": "325/QĐ-UBND", "number": "325", "symbol": "QĐ-UBND",
        "issuer": {"name": "Ủy ban nhân dân tỉnh Lâm Đồng"}, "place": "Lâm Đồng", "issued_date": "2025-03-12",
        "title": "Ban hành Kế hoạch phòng, chống thiên tai tỉnh Lâm Đồng năm 2025",
        "signer": {"name": "Trần Hồng Thái", "title": "Chủ tịch", "authority": "TM",
                   "on_behalf_of": "Ủy ban nhân dân", "layers": [{"authority": "TM", "of": "Ủy ban nhân dân"}]},
        "attached_to": None},
        sections=(("Điều 1", "Ban hành kèm theo Quyết định này"), ("Điều 2", "có hiệu lực thi hành")),
        attachments=[plan_expected])
    return Variant(doc, "Quyết định with Điều and the plan attached, TM.", expected)


def signature_q() -> Variant:
    t, _ = _small_table(caption("80/KH-UBND", "UBND tỉnh Lâm Đồng", "09/04/2025"))
    doc = plan("signature-q", province="LÂM ĐỒNG", place="Lâm Đồng", number="80/KH-UBND",
               date="ngày 09 tháng 04 năm 2025", signer_lines=["Q. CHỦ TỊCH"], signer_name="Hồ Văn Mười",
               tables=[t])
    expected = Expected(document={"code": "80/KH-UBND", "issued_date": "2025-04-09",
                                  "signer": {"name": "Hồ Văn Mười", "authority": "Q"}})
    return Variant(doc, "signature Q.; date with leading zeros", expected)


def signature_tl() -> Variant:
    t, _ = _small_table(caption("81/KH-UBND", "UBND tỉnh Đắk Lắk", "7/5/2025"))
    doc = plan("signature-tl", province="ĐẮK LẮK", place="Đắk Lắk", number="81/KH-UBND",
               date="ngày 7 tháng 5 năm 2025", signer_lines=["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"],
               signer_name="Nguyễn Thị Thu Hà", tables=[t])
    expected = Expected(document={"code": "81/KH-UBND", "issued_date": "2025-05-07", "place": "Đắk Lắk",
                                  "signer": {"name": "Nguyễn Thị Thu Hà", "title": "Chánh Văn phòng",
                                             "authority": "TL", "on_behalf_of": "Chủ tịch"}})
    return Variant(doc, "signature TL.; date without leading zeros", expected)


def draft_number() -> Variant:
    t, _ = _small_table(caption("     /KH-UBND", "UBND tỉnh Nghệ An", "   /6/2025"))
    doc = plan("draft-number", number="     /KH-UBND", date="ngày 16 tháng 6 năm 2025", tables=[t])
    expected = Expected(document={"code": None, "number": None, "symbol": "KH-UBND", "issued_date": "2025-06-16"},
                        warnings=frozenset({"blank_number"}))
    return Variant(doc, "draft: blank number", expected)


# --------------------------------------------------------------------------- PDF quirks (canvas)


def _quirk_plan(key: str, quirks: set[str], feature: str, number: str) -> Variant:
    """A Lâm Đồng plan whose appendix spans pages, drawn on a canvas with ``quirks``."""
    t, tasks = table(STD_COLS, [
        GroupRow("I", "NHIỆM VỤ VỀ ĐIỀU HÀNH SỐ"),
        task("1", "Triển khai hệ thống điều hành tác nghiệp liên thông bốn cấp",
             lead=("Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng",), lead_text="Văn phòng Ủy ban nhân dân tỉnh",
             coop=("Sở Thông tin và Truyền thông",), time="Quý II/2025"),
        task("2", "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực", lead=("Sở Nội vụ",),
             coop=("Các sở, ban, ngành",), time="Năm 2025"),
        GroupRow("II", "NHIỆM VỤ VỀ DỮ LIỆU"),
        *_long_rows(4, "Sở Thông tin và Truyền thông", start=3),
        task("7", "Đánh giá, xếp hạng mức độ sẵn sàng dữ liệu mở", lead=("Sở Thông tin và Truyền thông",),
             time="Hằng năm"),
    ], caption=caption(number, "UBND tỉnh Lâm Đồng", "18/3/2025"))
    doc = plan(key, province="LÂM ĐỒNG", place="Lâm Đồng", number=number, date="ngày 18 tháng 3 năm 2025",
               title=["Phát triển dữ liệu số và điều hành số", "tỉnh Lâm Đồng năm 2025"], tables=[t],
               quirks=frozenset(quirks))
    expected = Expected(tasks=tasks, document={
        "type": "ke_hoach", "code": number, "issuer": {"name": "Ủy ban nhân dân tỉnh Lâm Đồng"},
        "issued_date": "2025-03-18", "title": "Phát triển dữ liệu số và điều hành số tỉnh Lâm Đồng năm 2025",
        "signer": {"name": "Nguyễn Văn Đệ", "authority": "KT"}})
    return Variant(doc, feature, expected, formats=CANVAS)


def pdf_quirks() -> list[Variant]:
    return [
        _quirk_plan("pdf-running-marks", {"page_numbers", "running_header", "running_footer"},
                    "PDF: page numbers, running header/footer", "90/KH-UBND"),
        _quirk_plan("pdf-split-marks", {"split_marks"}, "PDF: tone marks apart from letters", "91/KH-UBND"),
        _quirk_plan("pdf-landscape", {"landscape_table"}, "PDF: landscape pages", "92/KH-UBND"),
        _quirk_plan("pdf-rotate90", {"rotate_table"}, "PDF: /Rotate 90 pages", "93/KH-UBND"),
        _quirk_plan("pdf-fake-bold", {"fake_bold"}, "PDF: fake bold (overprinted)", "94/KH-UBND"),
    ]


def variants() -> list[Variant]:
    """The whole corpus, in a stable order (office layouts from `catalog_office` last)."""
    from variants.catalog_attach import attach_variants  # issue 11: attachments, closings
    from variants.catalog_office import office_variants  # it builds on the helpers above
    from variants.catalog_tables import table_variants

    return [group_roman(), group_letters(), sub_numbering(), empty_tt(), vmerge_lead(), hmerge(),
            columns_alt_names(), columns_reordered(), columns_missing_extra(), header_two_lines(),
            header_no_repeat(), mid_page_split_rows(), two_appendices(), no_table(),
            department_plan(), ministry_plan(), decision_with_plan(), signature_q(), signature_tl(),
            draft_number(), *pdf_quirks(), *office_variants(), *attach_variants(), *table_variants()]


def cases() -> list[tuple[Variant, str]]:
    """Every (variant, format) pair the tests run."""
    return [(v, fmt) for v in variants() for fmt in v.formats]
