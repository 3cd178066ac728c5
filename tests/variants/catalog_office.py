"""Variants modelled on layouts real offices produce that the first corpus did not cover.

Each expectation is written by hand from the spec, as in `catalog`. Conventions
this module fixes (the contract leaves them open):

- Three-level task tables ("A. NHIỆM VỤ TRỌNG TÂM", then "I. CẢI CÁCH THỂ CHẾ",
  then numbered tasks): ``group`` is the *innermost* heading row the task sits
  under, as printed ("I. CẢI CÁCH THỂ CHẾ"), not the outer letter heading and not
  the two joined: the contract says "the heading row", one row. A heading at an
  outer level closes the inner ones, so a task right under "B. ..." has group
  "B. ...", never the "II. ..." of the block before.
- Layered signatures ("TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN
  PHÒNG"): ``authority`` and ``on_behalf_of`` come from the *first* line (whose
  authority the document is issued under: TL., the Chairman), ``title`` from the
  last (the person who signs: Phó Chánh Văn phòng).
- Recipients with sub-items ("- Các cơ quan, đơn vị:" then "+ Sở Nội vụ (để t/h);"):
  each "+" item is a recipient of its own; the "- ...:" line that only introduces
  them is not (like a group row of a task table). A note in parentheses is kept as
  written ("để b/c"), without the parentheses.
- A table whose only agency column is "Đơn vị thực hiện" puts that cell in ``lead``
  (cooperating empty); a "Kết quả" column is the ``output``.

Agencies and provinces are not Quảng Ngãi's.
"""
from __future__ import annotations

from variants.catalog import CANVAS, FORMATS, STD_COLS, C, Expected, Variant, caption, plan, table, task
from variants.spec import Block, GroupRow

ALL = FORMATS + CANVAS


def _expected_header(code: str, issuer: str, place: str, date: str, title: str) -> dict:
    number, symbol = code.split("/", 1)
    return {"type": "ke_hoach", "type_name": "Kế hoạch", "code": code, "number": number, "symbol": symbol,
            "issuer": {"name": issuer}, "place": place, "issued_date": date, "title": title}


# --------------------------------------------------------------------------- table shapes


def horizontal_rules() -> Variant:
    """Rows ruled by horizontal lines only, as some Word templates print them."""
    t, tasks = table(STD_COLS, [
        task("1", "Rà soát, cập nhật quy hoạch mạng lưới chợ nông thôn", lead=("Sở Công Thương",),
             coop=("Sở Xây dựng", "Sở Tài chính"), time="Quý II/2025"),
        task("2", "Hỗ trợ hộ kinh doanh tham gia sàn thương mại điện tử", lead=("Sở Công Thương",),
             coop=("Sở Thông tin và Truyền thông",), time="Năm 2025"),
        task("3", "Kiểm tra chất lượng hàng hóa lưu thông trên thị trường", lead=("Sở Khoa học và Công nghệ",),
             coop=("Công an tỉnh Thanh Hóa",), coop_text="Công an tỉnh Thanh Hóa", time="Thường xuyên"),
        task("4", "Tổng kết, đánh giá kết quả thực hiện Kế hoạch", lead=("Sở Công Thương",), time="Tháng 12/2025"),
    ], rules="horizontal", caption=caption("115/KH-UBND", "UBND tỉnh Thanh Hóa", "06/05/2025"))
    doc = plan("horizontal-rules", province="THANH HÓA", place="Thanh Hóa", number="115/KH-UBND",
               date="ngày 06 tháng 5 năm 2025", tables=[t])
    return Variant(doc, "task table ruled with horizontal lines only", Expected(tasks=tasks), formats=ALL)


def groups_three_levels() -> Variant:
    """"A." / "I." / numbered rows; group = the innermost heading (see the module docstring)."""
    t, tasks = table(STD_COLS, [
        GroupRow("A.", "NHIỆM VỤ TRỌNG TÂM", whole_row=True),
        GroupRow("I", "CẢI CÁCH THỂ CHẾ"),
        task("1", "Rà soát văn bản quy phạm pháp luật do tỉnh ban hành", lead=("Sở Tư pháp",),
             coop=("Sở Nội vụ",), time="Quý II/2025"),
        task("2", "Xây dựng quy chế phối hợp kiểm tra văn bản", lead=("Sở Tư pháp",), time="Quý III/2025"),
        GroupRow("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        task("3", "Công bố danh mục thủ tục hành chính được chuẩn hóa",
             lead=("Văn phòng Ủy ban nhân dân tỉnh Hà Tĩnh",), lead_text="Văn phòng Ủy ban nhân dân tỉnh", coop=("Sở Tư pháp",), time="Quý I/2025"),
        task("4", "Cắt giảm thời gian giải quyết thủ tục đất đai", lead=("Sở Tài nguyên và Môi trường",),
             time="Năm 2025"),
        GroupRow("B.", "NHIỆM VỤ THƯỜNG XUYÊN", whole_row=True),
        task("5", "Kiểm tra công tác cải cách hành chính tại các cơ quan", lead=("Sở Nội vụ",),
             coop=("Sở Tư pháp",), time="Hằng năm"),
        task("6", "Tuyên truyền về cải cách hành chính", lead=("Sở Thông tin và Truyền thông",), time="Thường xuyên"),
    ], caption=caption("88/KH-UBND", "UBND tỉnh Hà Tĩnh", "14/04/2025"))
    doc = plan("groups-three-levels", province="HÀ TĨNH", place="Hà Tĩnh", number="88/KH-UBND",
               date="ngày 14 tháng 4 năm 2025", title=["Cải cách hành chính tỉnh Hà Tĩnh năm 2025"], tables=[t])
    return Variant(doc, "three-level groups (A. / I. / tasks)", Expected(tasks=tasks))


def columns_thuc_hien() -> Variant:
    """STT | Tên nhiệm vụ | Đơn vị thực hiện | Thời hạn hoàn thành | Kết quả: no cooperating column."""
    cols = [C("number", "STT", 0.5), C("content", "Tên nhiệm vụ", 3.2), C("lead", "Đơn vị thực hiện", 1.7),
            C("timeframe", "Thời hạn hoàn thành", 1.3), C("output", "Kết quả", 1.3)]
    t, tasks = table(cols, [
        task("1", "Xây dựng cơ sở dữ liệu về người có công với cách mạng",
             lead=("Sở Lao động - Thương binh và Xã hội",),
             time="Quý III/2025", output="Cơ sở dữ liệu"),
        task("2", "Ban hành quy định mức hỗ trợ người cao tuổi", lead=("Sở Tài chính",), time="Tháng 6/2025",
             output="Nghị quyết"),
        task("3", "Tổ chức đối thoại chính sách với người lao động", lead=("Liên đoàn Lao động tỉnh Bình Định",),
             lead_text="Liên đoàn Lao động tỉnh", time="Quý IV/2025", output="Báo cáo"),
    ], caption=caption("140/KH-UBND", "UBND tỉnh Bình Định", "02/06/2025"))
    doc = plan("columns-thuc-hien", province="BÌNH ĐỊNH", place="Bình Định", number="140/KH-UBND",
               date="ngày 02 tháng 6 năm 2025", title=["Thực hiện chính sách an sinh xã hội năm 2025"], tables=[t])
    return Variant(doc, "columns Đơn vị thực hiện / Kết quả", Expected(tasks=tasks))


def auto_number_tt() -> Variant:
    """TT cells numbered by Word's list numbering (w:numPr), empty as text; DOCX and its PDF."""
    cols = [C("number", "TT", 0.6), *STD_COLS[1:]]
    t, tasks = table(cols, [
        GroupRow("I", "NHIỆM VỤ VỀ GIÁO DỤC"),
        task("1.", "Sắp xếp mạng lưới trường học vùng đồng bào dân tộc thiểu số", lead=("Sở Giáo dục và Đào tạo",),
             coop=("Sở Nội vụ",), time="Năm 2025"),
        task("2.", "Tăng cường dạy tiếng Việt cho trẻ mầm non", lead=("Sở Giáo dục và Đào tạo",), time="Hằng năm"),
        GroupRow("II", "NHIỆM VỤ VỀ Y TẾ"),
        task("3.", "Nâng cao năng lực trạm y tế xã vùng khó khăn", lead=("Sở Y tế",), coop=("Sở Tài chính",),
             time="Giai đoạn 2025-2027"),
        task("4.", "Cấp thẻ bảo hiểm y tế cho người dân tộc thiểu số", lead=("Bảo hiểm xã hội tỉnh Thanh Hóa",),
             lead_text="Bảo hiểm xã hội tỉnh", time="Quý I/2025"),
    ], auto_number=True, caption=caption("97/KH-UBND", "UBND tỉnh Thanh Hóa", "24/04/2025"))
    doc = plan("auto-number-tt", province="THANH HÓA", place="Thanh Hóa", number="97/KH-UBND",
               date="ngày 24 tháng 4 năm 2025", title=["Phát triển giáo dục, y tế vùng đồng bào dân tộc thiểu số"],
               tables=[t])
    return Variant(doc, "TT column by automatic list numbering", Expected(tasks=tasks),
                   formats=("docx", "pdf-libreoffice"))


def body_table_between_sections() -> Variant:
    """A task table inside section II (no appendix, no caption), more numbered sections after it."""
    report = "Định kỳ hằng quý, các cơ quan báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường để tổng hợp."
    intro = "Các nhiệm vụ cụ thể của các cơ quan, đơn vị như sau:"
    body = [
        Block("Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới, Ủy ban nhân dân tỉnh Bình Định ban "
              "hành Kế hoạch như sau:"),
        Block("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
        Block("Huy động mọi nguồn lực để hoàn thành các tiêu chí nông thôn mới nâng cao."),
        Block("II. NHIỆM VỤ VÀ GIẢI PHÁP", bold=True),
        Block("1. Nhiệm vụ chung", bold=True),
        Block("Tiếp tục nâng cao nhận thức của người dân về xây dựng nông thôn mới."),
        Block("2. Nhiệm vụ cụ thể", bold=True),
        Block(intro),
        Block("3. Chế độ báo cáo", bold=True),
        Block(report),
        Block("III. TỔ CHỨC THỰC HIỆN", bold=True),
        Block("1. Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch."),
        Block("2. Ủy ban nhân dân các huyện, thị xã, thành phố triển khai Kế hoạch trên địa bàn."),
    ]
    t, tasks = table(STD_COLS, [
        task("1", "Hoàn thiện hạ tầng giao thông nội đồng", lead=("Sở Giao thông vận tải",),
             coop=("Sở Nông nghiệp và Môi trường",), time="Năm 2025"),
        task("2", "Phát triển sản phẩm OCOP gắn với du lịch nông thôn", lead=("Sở Nông nghiệp và Môi trường",),
             coop=("Sở Văn hóa và Thể thao",), time="Giai đoạn 2025-2026"),
        task("3", "Đào tạo nghề cho lao động nông thôn", lead=("Sở Nội vụ",), time="Hằng năm"),
    ], new_page=False, landscape=False)
    doc = plan("body-table-between-sections", province="BÌNH ĐỊNH", place="Bình Định", number="121/KH-UBND",
               date="ngày 19 tháng 5 năm 2025", title=["Xây dựng nông thôn mới tỉnh Bình Định năm 2025"],
               body=body, body_tables_after=7, tables=[t])
    # The items of "III. TỔ CHỨC THỰC HIỆN" open with the body that does each: they are tasks too.
    assigned = [{"number": 1, "content": "Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch", "lead": ["Sở Tài chính"],
                 "cooperating": [], "timeframe": None, "submit_to": None, "output": None, "note": None},
                {"number": 2, "content": "Ủy ban nhân dân các huyện, thị xã, thành phố triển khai Kế hoạch trên địa bàn",
                 "lead": ["Ủy ban nhân dân các huyện, thị xã, thành phố"], "cooperating": [], "timeframe": None,
                 "submit_to": None, "output": None, "note": None}]
    expected = Expected(tasks=tasks + assigned, sections=(("III", "TỔ CHỨC THỰC HIỆN"), ("1", "Sở Tài chính tham mưu")),
                        paragraphs=(("2", (intro,)), ("3", (report,))))
    return Variant(doc, "task table in the body between sections", expected, formats=ALL)


# --------------------------------------------------------------------------- headers and issuers


def _header_variant(key: str, layout: str, province: str, place: str, code: str, date: str, iso: str,
                    feature: str, formats: tuple[str, ...]) -> Variant:
    t, _ = table(STD_COLS, [
        task("1", "Kiểm tra an toàn phòng cháy tại các chợ, trung tâm thương mại", lead=("Công an tỉnh",),
             coop=("Sở Công Thương",), time="Quý II/2025"),
    ], caption=caption(code, f"UBND tỉnh {place}", iso))
    title = f"Phòng cháy, chữa cháy tỉnh {place} năm 2025"
    doc = plan(key, province=province, place=place, number=code, date=date, header_layout=layout,
               title=[title], tables=[t])
    y, m, d = iso.split("/")[::-1]
    expected = Expected(document=_expected_header(code, f"Ủy ban nhân dân tỉnh {place}", place, f"{y}-{m}-{d}", title))
    return Variant(doc, feature, expected, formats=formats)


def header_paragraphs() -> Variant:
    """Issuer lines, "Số:", motto, date: each a paragraph, no layout table."""
    return _header_variant("header-paragraphs", "paragraphs", "HÀ TĨNH", "Hà Tĩnh", "102/KH-UBND",
                           "ngày 21 tháng 4 năm 2025", "21/04/2025", "header typed as paragraphs", ALL)


def header_tabs() -> Variant:
    """Issuer | motto and "Số: ..." | date on shared lines separated by a tab."""
    return _header_variant("header-tabs", "tabs", "BÌNH ĐỊNH", "Bình Định", "133/KH-UBND",
                           "ngày 27 tháng 5 năm 2025", "27/05/2025", "header lines split by tabs", ALL)


def agency_under_ministry() -> Variant:
    """A department of a ministry: "BỘ Y TẾ / CỤC QUẢN LÝ KHÁM, CHỮA BỆNH" (parent, then issuer)."""
    cols = [C("number", "TT", 0.5), C("content", "Nội dung", 3.0), C("lead", "Đơn vị chủ trì", 1.6),
            C("cooperating", "Đơn vị phối hợp", 1.6), C("timeframe", "Thời gian", 1.1)]
    t, tasks = table(cols, [
        task("1", "Xây dựng bộ tiêu chí chất lượng bệnh viện phiên bản mới", lead=("Phòng Quản lý chất lượng",),
             coop=("Phòng Nghiệp vụ",), time="Quý III/2025"),
        task("2", "Kiểm tra việc triển khai bệnh án điện tử tại các bệnh viện", lead=("Phòng Nghiệp vụ",),
             coop=("Phòng Kế hoạch - Tài chính",), time="Năm 2025"),
    ], caption=caption("125/KH-KCB", "Cục Quản lý Khám, chữa bệnh", "11/03/2025"))
    title = "Nâng cao chất lượng khám bệnh, chữa bệnh năm 2025"
    doc = plan("agency-under-ministry", number="125/KH-KCB", place="Hà Nội", date="ngày 11 tháng 3 năm 2025",
               issuer_lines=["BỘ Y TẾ", "CỤC QUẢN LÝ KHÁM, CHỮA BỆNH"], title=[title],
               signer_lines=["KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"], signer_name="Hà Anh Đức", tables=[t],
               body=[Block("Thực hiện chỉ đạo của Bộ trưởng Bộ Y tế, Cục Quản lý Khám, chữa bệnh ban hành Kế hoạch "
                           "như sau:"),
                     Block("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
                     Block("Nâng cao chất lượng dịch vụ khám bệnh, chữa bệnh và sự hài lòng của người bệnh."),
                     Block("II. NHIỆM VỤ", bold=True), Block("Chi tiết tại Phụ lục kèm theo.")])
    document = _expected_header("125/KH-KCB", "Cục Quản lý Khám, chữa bệnh", "Hà Nội", "2025-03-11", title)
    document["signer"] = {"name": "Hà Anh Đức", "title": "Phó Cục trưởng", "authority": "KT",
                          "on_behalf_of": "Cục trưởng"}
    return Variant(doc, "agency under a ministry (BỘ / CỤC)", Expected(tasks=tasks, document=document))


# --------------------------------------------------------------------------- closing and body text


def signature_tl_kt() -> Variant:
    """TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG; recipients with "+" sub-items and notes."""
    t, _ = table(STD_COLS, [
        task("1", "Tổ chức hội nghị tập huấn nghiệp vụ văn thư, lưu trữ", lead=("Sở Nội vụ",), time="Quý III/2025"),
    ], caption=caption("150/KH-UBND", "UBND tỉnh Hà Tĩnh", "16/06/2025"))
    recipients = ["- Bộ Nội vụ (để b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh (để b/c);", "- Chủ tịch, các PCT UBND tỉnh;",
                  "- Các cơ quan, đơn vị:", "+ Sở Nội vụ (để t/h);", "+ Sở Tài chính (để t/h);",
                  "+ Sở Khoa học và Công nghệ (để t/h);", "- UBND các huyện, thị xã, thành phố (để t/h);",
                  "- Lưu: VT, NC."]
    doc = plan("signature-tl-kt", province="HÀ TĨNH", place="Hà Tĩnh", number="150/KH-UBND",
               date="ngày 16 tháng 6 năm 2025", title=["Công tác văn thư, lưu trữ năm 2025"],
               signer_lines=["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"],
               signer_name="Lê Văn Hòa", recipients=recipients, tables=[t])
    expected = Expected(
        document={"code": "150/KH-UBND", "archive": "Lưu: VT, NC",
                  # contract 1.1: authority and on_behalf_of are the signer's own (innermost) line,
                  # every line is in layers
                  "signer": {"name": "Lê Văn Hòa", "title": "Phó Chánh Văn phòng", "authority": "KT",
                             "on_behalf_of": "Chánh Văn phòng",
                             "layers": [{"authority": "TL", "of": "Chủ tịch"},
                                        {"authority": "KT", "of": "Chánh Văn phòng"}]}},
        recipients=[{"name": "Bộ Nội vụ", "note": "để b/c"},
                    {"name": "TT Tỉnh ủy, TT HĐND tỉnh", "note": "để b/c"},
                    {"name": "Chủ tịch, các PCT UBND tỉnh", "note": None},
                    {"name": "Sở Nội vụ", "note": "để t/h"},
                    {"name": "Sở Tài chính", "note": "để t/h"},
                    {"name": "Sở Khoa học và Công nghệ", "note": "để t/h"},
                    {"name": "UBND các huyện, thị xã, thành phố", "note": "để t/h"}])
    return Variant(doc, "signature TL./KT. layered; recipients with + items", expected, formats=ALL)


def block_paragraphs_times() -> Variant:
    """Times-metric PDF, justified block paragraphs (no first-line indent, space between)."""
    a = ("Nâng cao hiệu lực, hiệu quả quản lý nhà nước về tài nguyên nước trên địa bàn tỉnh, bảo đảm khai thác, "
         "sử dụng tiết kiệm, hiệu quả và bền vững nguồn nước phục vụ sản xuất và đời sống của Nhân dân.")
    b = ("Chủ động phòng, chống và khắc phục hậu quả tác hại do nước gây ra, từng bước phục hồi các nguồn nước bị "
         "ô nhiễm, suy thoái, cạn kiệt tại các lưu vực sông nội tỉnh.")
    c = ("Các nhiệm vụ phải được triển khai đồng bộ, có trọng tâm, trọng điểm, gắn trách nhiệm của người đứng đầu "
         "cơ quan, đơn vị với kết quả thực hiện.")
    d = ("Thường xuyên kiểm tra, đôn đốc, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh trong quá trình tổ chức "
         "thực hiện Kế hoạch ở các cấp, các ngành.")
    e = ("Sở Nông nghiệp và Môi trường chủ động theo dõi, đôn đốc việc thực hiện Kế hoạch, tổng hợp báo cáo Ủy ban "
         "nhân dân tỉnh trước ngày 15 tháng 12 hằng năm.")
    f = ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về Sở Nông "
         "nghiệp và Môi trường để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét.")
    body = [
        Block("Thực hiện Luật Tài nguyên nước năm 2023, Ủy ban nhân dân tỉnh Thanh Hóa ban hành Kế hoạch như sau:"),
        Block("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
        Block("1. Mục đích", bold=True), Block(a), Block(b),
        Block("2. Yêu cầu", bold=True), Block(c), Block(d),
        Block("II. NHIỆM VỤ CỤ THỂ", bold=True),
        Block("Chi tiết các nhiệm vụ tại Phụ lục kèm theo Kế hoạch này."),
        Block("III. TỔ CHỨC THỰC HIỆN", bold=True), Block(e), Block(f),
    ]
    t, _ = table(STD_COLS, [
        task("1", "Lập danh mục nguồn nước nội tỉnh", lead=("Sở Nông nghiệp và Môi trường",), time="Năm 2025"),
    ], caption=caption("160/KH-UBND", "UBND tỉnh Thanh Hóa", "23/06/2025"))
    doc = plan("block-paragraphs-times", province="THANH HÓA", place="Thanh Hóa", number="160/KH-UBND",
               date="ngày 23 tháng 6 năm 2025", title=["Bảo vệ tài nguyên nước tỉnh Thanh Hóa năm 2025"],
               body=body, tables=[t], font="times", paragraph_style="block")
    expected = Expected(paragraphs=(("1", (a, b)), ("2", (c, d)), ("III", (e, f))))
    return Variant(doc, "block paragraphs, Times metrics, no indent", expected, formats=ALL)


def law_without_recipients() -> Variant:
    """A law: "Luật số:", no place and date line (the sitting that passed it dates it), chapters
    named on the line under "Chương I", articles, and a signature printed with no "Nơi nhận"."""
    body = [
        Block("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", italic=True),
        Block("Quốc hội ban hành Luật Lưu trữ điện tử.", italic=True),
        Block("Chương I", bold=True, center=True),
        Block("NHỮNG QUY ĐỊNH CHUNG", bold=True, center=True),
        Block("Điều 1. Phạm vi điều chỉnh", bold=True),
        Block("Luật này quy định về lưu trữ tài liệu điện tử của cơ quan, tổ chức và cá nhân."),
        Block("Điều 2. Đối tượng áp dụng", bold=True),
        Block("Luật này áp dụng đối với cơ quan nhà nước, tổ chức chính trị - xã hội và cá nhân có liên quan."),
        Block("Chương II", bold=True, center=True),
        Block("ĐIỀU KHOẢN THI HÀNH", bold=True, center=True),
        Block("Điều 3. Hiệu lực thi hành", bold=True),
        Block("Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026."),
        Block("Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 9 thông qua "
              "ngày 24 tháng 6 năm 2025.", italic=True),
    ]
    doc = plan("law-no-recipients", issuer_lines=["QUỐC HỘI"], number_line="Luật số: 45/2025/QH15", date_line="",
               type_line="LUẬT", title=["LƯU TRỮ ĐIỆN TỬ"], body=body, recipients=None,
               signer_lines=["CHỦ TỊCH QUỐC HỘI"], signer_name="Lê Minh Hòa")
    expected = Expected(document={
        "type": "luat", "type_name": "Luật", "code": "45/2025/QH15", "number": "45", "symbol": "QH15",
        "issuer": {"name": "Quốc hội"}, "place": None, "issued_date": "2025-06-24",
        "signer": {"name": "Lê Minh Hòa", "title": "Chủ tịch Quốc hội", "authority": None}},
        sections=(("Chương I", "NHỮNG QUY ĐỊNH CHUNG"), ("Chương II", "ĐIỀU KHOẢN THI HÀNH"),
                  ("Điều 3", "hiệu lực thi hành từ ngày 01 tháng 7 năm 2026")),
        recipients=[])
    return Variant(doc, "a law: no date line, no recipients, chapters named below their label", expected)


def office_variants() -> list[Variant]:
    """This module's variants, in a stable order."""
    return [horizontal_rules(), groups_three_levels(), columns_thuc_hien(), auto_number_tt(),
            body_table_between_sections(), header_paragraphs(), header_tabs(), agency_under_ministry(),
            signature_tl_kt(), block_paragraphs_times(), law_without_recipients()]
