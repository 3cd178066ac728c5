"""Variants of issue 11: several documents in one file, and where a closing block ends.

Each expectation is written from the document as printed: the decision at the top,
the document it issues in `attachments` with `attached_to` from its caption; appendix
titles printed right under the signature are never the signer's; recipients running
over a page break are all there; a date line with a stamp over it keeps its place and
takes its date from the appendix caption, with a warning.
"""
from __future__ import annotations

from variants.catalog import LONG, STD_COLS, Expected, Variant, caption, plan, standard_body, table, task
from variants.spec import Block


def decision_with_charter() -> Variant:
    """A decision and the charter it issues, in Chương and Điều."""
    charter = plan(
        "decision-charter-attached", province="HÀ TĨNH", place="Hà Tĩnh", type_line="ĐIỀU LỆ",
        title=["Tổ chức và hoạt động của Quỹ Hỗ trợ nông dân tỉnh Hà Tĩnh",
               "(Ban hành kèm theo Quyết định số 118/QĐ-UBND ngày 20/01/2025 của UBND tỉnh Hà Tĩnh)"],
        body=[Block("Chương I", bold=True, center=True), Block("QUY ĐỊNH CHUNG", bold=True, center=True),
              Block("Điều 1. Tên gọi, trụ sở", bold=True),
              Block("Quỹ Hỗ trợ nông dân tỉnh Hà Tĩnh có trụ sở tại thành phố Hà Tĩnh."),
              Block("Điều 2. Mục đích hoạt động", bold=True),
              Block("Quỹ hỗ trợ nông dân phát triển sản xuất, kinh doanh và tạo việc làm."),
              Block("Chương II", bold=True, center=True), Block("TỔ CHỨC VÀ HOẠT ĐỘNG", bold=True, center=True),
              Block("Điều 3. Hội đồng quản lý Quỹ", bold=True),
              Block("Hội đồng quản lý Quỹ gồm Chủ tịch, các Phó Chủ tịch và các thành viên."),
              Block("Điều 4. Hiệu lực thi hành", bold=True),
              Block("Điều lệ này có hiệu lực kể từ ngày ký.")])
    body = [
        Block("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", bold=True, center=True),
        Block("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;"),
        Block("QUYẾT ĐỊNH:", bold=True, center=True),
        Block("Điều 1. Ban hành kèm theo Quyết định này Điều lệ tổ chức và hoạt động của Quỹ Hỗ trợ nông dân tỉnh."),
        Block("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký."),
    ]
    doc = plan("decision-charter", province="HÀ TĨNH", place="Hà Tĩnh", number="118/QĐ-UBND",
               date="ngày 20 tháng 01 năm 2025", type_line="QUYẾT ĐỊNH",
               title=["Ban hành Điều lệ tổ chức và hoạt động của Quỹ Hỗ trợ nông dân tỉnh Hà Tĩnh"], body=body,
               signer_lines=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signer_name="Lê Ngọc Châu",
               attachment=charter)
    charter_expected = Expected(document={
        "type_name": "Điều lệ", "code": None, "signer": None,
        "title": "Tổ chức và hoạt động của Quỹ Hỗ trợ nông dân tỉnh Hà Tĩnh",
        "attached_to": {"code": "118/QĐ-UBND", "issued_date": "2025-01-20", "relation": "issued_with"}},
        sections=(("Chương I", "QUY ĐỊNH CHUNG"), ("Chương II", "TỔ CHỨC VÀ HOẠT ĐỘNG"),
                  ("Điều 1", "Tên gọi, trụ sở"), ("Điều 3", "Hội đồng quản lý Quỹ"), ("Điều 4", "Hiệu lực thi hành")),
        tasks=[])
    expected = Expected(tasks=[], document={
        "type": "quyet_dinh", "code": "118/QĐ-UBND", "issued_date": "2025-01-20",
        "signer": {"name": "Lê Ngọc Châu", "title": "Phó Chủ tịch", "authority": "KT", "on_behalf_of": "Chủ tịch",
                   "layers": [{"authority": "TM", "of": "Ủy ban nhân dân"}, {"authority": "KT", "of": "Chủ tịch"}]}},
        sections=(("Điều 1", "Ban hành kèm theo Quyết định này Điều lệ"),), attachments=[charter_expected])
    return Variant(doc, "Quyết định with a charter (Chương, Điều) attached", expected)


def appendices_under_signature() -> Variant:
    """Two appendices printed right under the signature, on the same page (no page break)."""
    t1, tasks1 = table(STD_COLS, [
        task("1", "Rà soát hồ sơ đất đai tồn đọng", lead=("Sở Tài nguyên và Môi trường",), time="Quý I/2025"),
        task("2", "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", lead=("Sở Tài nguyên và Môi trường",),
             time="Năm 2025"),
    ], caption=caption("36/KH-UBND", "UBND tỉnh Quảng Trị", "06/02/2025", "PHỤ LỤC I"), new_page=False,
        landscape=False)
    t2, tasks2 = table(STD_COLS, [
        task("1", "Kiểm tra việc sử dụng đất của tổ chức", lead=("Thanh tra tỉnh Quảng Trị",), lead_text="Thanh tra tỉnh",
             time="Quý III/2025"),
    ], caption=caption("36/KH-UBND", "UBND tỉnh Quảng Trị", "06/02/2025", "PHỤ LỤC II"), new_page=False,
        landscape=False)
    doc = plan("appendices-under-signature", province="QUẢNG TRỊ", place="Quảng Trị", number="36/KH-UBND",
               date="ngày 06 tháng 02 năm 2025", body=standard_body("Quảng Trị")[:3], tables=[t1, t2],
               signer_lines=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signer_name="Hoàng Nam")
    expected = Expected(tasks=tasks1 + tasks2, attachments=[], document={
        "code": "36/KH-UBND", "signer": {"name": "Hoàng Nam", "title": "Phó Chủ tịch", "authority": "KT",
                                         "on_behalf_of": "Chủ tịch"}},
        recipients=[{"name": "Như trên"}])
    return Variant(doc, "appendices printed under the signature", expected)


RECIPIENTS = ["Bộ Tài chính", "Bộ Nội vụ", "Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh", "Chủ tịch, các PCT UBND tỉnh",
              "Ủy ban MTTQ Việt Nam tỉnh", "Các sở, ban, ngành tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
              "Báo Phú Yên", "Đài Phát thanh và Truyền hình tỉnh", "UBND các huyện, thị xã, thành phố",
              "Văn phòng UBND tỉnh", "Trung tâm Công báo - Tin học tỉnh", "Cổng thông tin điện tử tỉnh",
              "Các tổ chức chính trị - xã hội tỉnh"]


def recipients_over_page_break() -> Variant:
    """Sixteen recipients, the list running on to the next page (one table row per line)."""
    long_body = standard_body("Phú Yên") + [Block(f"{i}. Tổ chức thực hiện {LONG}.") for i in range(1, 4)]
    t, tasks = table(STD_COLS, [
        task("1", "Rà soát thủ tục hành chính nội bộ", lead=("Sở Nội vụ",), time="Quý II/2025"),
    ], caption=caption("77/KH-UBND", "UBND tỉnh Phú Yên", "12/5/2025"))
    recipients = [f"- {r};" for r in RECIPIENTS[:-1]] + [f"- {RECIPIENTS[-1]} (để b/c);", "- Lưu: VT, NC."]
    doc = plan("recipients-page-break", province="PHÚ YÊN", place="Phú Yên", number="77/KH-UBND",
               date="ngày 12 tháng 5 năm 2025", body=long_body, tables=[t], recipients=recipients,
               closing_layout="rows")
    want = [{"name": r, "note": None} for r in RECIPIENTS[:-1]] + [{"name": RECIPIENTS[-1], "note": "để b/c"}]
    expected = Expected(tasks=tasks, recipients=want, document={
        "archive": "Lưu: VT, NC", "signer": {"name": "Nguyễn Văn Đệ", "title": "Phó Chủ tịch", "authority": "KT"}})
    return Variant(doc, "recipients running over a page break", expected)


def stamped_date() -> Variant:
    """A stamp over the date line: "ngày15 tháng 54"; the appendix caption gives the date."""
    t, tasks = table(STD_COLS, [
        task("1", "Kiểm tra công tác cải cách hành chính tại các sở", lead=("Sở Nội vụ",), time="Quý II/2026"),
    ], caption=caption("1105/KH-UBND", "UBND tỉnh Gia Lai", "10/3/2026"))
    doc = plan("stamped-date", province="GIA LAI", place="Gia Lai", number="1105/KH-UBND",
               date="ngày15 tháng 54 năm 2026", tables=[t])
    expected = Expected(tasks=tasks, document={"place": "Gia Lai", "issued_date": "2026-03-10",
                                               "code": "1105/KH-UBND"},
                        warnings=frozenset({"date_from_caption"}))
    return Variant(doc, "stamped date over the date line", expected)


def attach_variants() -> list[Variant]:
    return [decision_with_charter(), appendices_under_signature(), recipients_over_page_break(), stamped_date()]
