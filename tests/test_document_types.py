"""Document types by what a document prints (issue 21, point 2): the type line, the abbreviation
in the symbol, a công văn's "V/v" subject; the number lines of laws, Party and form documents;
issuers of two and three levels. Small inputs, one row per case, a comment per row.
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from ir_builders import layout, para
from pipeline.ir import Block
from pipeline.normalize.agencies import resolve_issuer
from pipeline.normalize.header import parse_number_line, parse_subject, read_document_type
from pipeline.structure.doc_types import CONTRACT_TYPES, DocumentType, type_from_symbol, type_named
from pipeline.structure.header import HeaderLine, classify_header_lines, is_number_line, split_header

MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
DATE = "Lâm Đồng, ngày 15 tháng 11 năm 2025"
SCHEMA = Path(__file__).resolve().parents[1] / "pipeline" / "schemas" / "plan.schema.json"


def test_contract_types_are_the_schemas() -> None:
    """The codes a type may take are the schema's enum (less "other"), so they cannot drift apart."""
    enum = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["DocumentMeta"]["properties"]["type"]["enum"]
    assert CONTRACT_TYPES == set(enum) - {"other"}


# --- the type line ------------------------------------------------------------------------

# (type line as printed, (code, name) or None)
TYPE_LINES = [
    ("QUY CHẾ", ("quy_che", "Quy chế")),  # Phụ lục III no. 4
    ("QUY ĐỊNH", ("quy_dinh", "Quy định")),  # no. 5
    ("THÔNG CÁO", ("thong_cao", "Thông cáo")),  # no. 6
    ("HƯỚNG DẪN", ("huong_dan", "Hướng dẫn")),  # no. 8
    ("CHƯƠNG TRÌNH", ("chuong_trinh", "Chương trình")),  # no. 9
    ("PHƯƠNG ÁN", ("phuong_an", "Phương án")),  # no. 11
    ("ĐỀ ÁN", ("de_an", "Đề án")),  # no. 12
    ("DỰ ÁN", ("du_an", "Dự án")),  # no. 13
    ("BIÊN BẢN", ("bien_ban", "Biên bản")),  # no. 15
    ("HỢP ĐỒNG", ("hop_dong", "Hợp đồng")),  # no. 17
    ("CÔNG ĐIỆN", ("cong_dien", "Công điện")),  # no. 19
    ("BẢN GHI NHỚ", ("ban_ghi_nho", "Bản ghi nhớ")),  # no. 20
    ("BẢN THỎA THUẬN", ("ban_thoa_thuan", "Bản thỏa thuận")),  # no. 21
    ("BẢN THOẢ THUẬN", ("ban_thoa_thuan", "Bản thỏa thuận")),  # old tone placement reads alike
    ("GIẤY ỦY QUYỀN", ("giay_uy_quyen", "Giấy ủy quyền")),  # no. 22
    ("GIẤY MỜI", ("giay_moi", "Giấy mời")),  # no. 23
    ("GIẤY GIỚI THIỆU", ("giay_gioi_thieu", "Giấy giới thiệu")),  # no. 24
    ("GIẤY NGHỈ PHÉP", ("giay_nghi_phep", "Giấy nghỉ phép")),  # no. 25
    ("PHIẾU GỬI", ("phieu_gui", "Phiếu gửi")),  # no. 26
    ("PHIẾU CHUYỂN", ("phieu_chuyen", "Phiếu chuyển")),  # no. 27
    ("PHIẾU BÁO", ("phieu_bao", "Phiếu báo")),  # no. 28
    ("THƯ CÔNG", ("thu_cong", "Thư công")),  # no. 29
    ("PHIẾU TRÌNH", ("phieu_trinh", "Phiếu trình")),  # an office's internal form (archive 062)
    ("NGHỊ ĐỊNH THƯ", ("nghi_dinh_thu", "Nghị định thư")),  # a protocol is not a decree
    ("NGHỊ ĐỊNH", ("nghi_dinh", "Nghị định")),  # the decree itself
    ("THÔNG TƯ LIÊN TỊCH", ("thong_tu_lien_tich", "Thông tư liên tịch")),  # joint circular, longest name wins
    ("PHÁP LỆNH", ("phap_lenh", "Pháp lệnh")),  # ordinance
    ("LUẬT", ("luat", "Luật")),  # law
    ("THÔNG TRI", ("other", "Thông tri")),  # a Party type outside the contract's codes
    ("CÔNG VĂN", None),  # a công văn never prints its type name
    ("VĂN BẢN", None),  # nor is "văn bản" a type line
]


@pytest.mark.parametrize("line, expected", TYPE_LINES)
def test_type_line(line: str, expected: tuple[str, str] | None) -> None:
    found = type_named(line)
    assert ((found.code, found.name) if found else None) == expected


# --- the symbol ---------------------------------------------------------------------------

# (symbol as parsed, Party form, (code, name) or None)
SYMBOLS = [
    ("KH-UBND", False, ("ke_hoach", "Kế hoạch")),  # state: the abbreviation before the hyphen
    ("QyĐ-UBND", False, ("quy_dinh", "Quy định")),  # Nghị định 30's "QyĐ"
    ("TTr-CAT(PC04)", False, ("to_trinh", "Tờ trình")),  # a unit in brackets after the issuer
    ("TTLT-BTC-BNV", False, ("thong_tu_lien_tich", "Thông tư liên tịch")),  # joint circular
    ("TT-BTC", False, ("thong_tu", "Thông tư")),  # "TT" in a state symbol is a Thông tư
    ("PT-NC", False, ("phieu_trinh", "Phiếu trình")),  # the office's phiếu trình
    ("GM-UBND", False, ("giay_moi", "Giấy mời")),  # invitation
    ("CĐ-UBND", False, ("cong_dien", "Công điện")),  # telegram
    ("SNV-TCBC", False, None),  # a công văn's symbol names only the issuer
    ("UBND-NC", False, None),  # idem
    ("QH15", False, None),  # a law's symbol: the legislature and its term
    ("KL/TW", True, ("ket_luan", "Kết luận")),  # Party: the abbreviation before the slash
    ("HD/VPTW", True, ("huong_dan", "Hướng dẫn")),  # Hướng dẫn 36-HD/VPTW itself
    ("CV/BTCTU", True, ("cong_van", "Công văn")),  # a Party công văn names its type ("357-CV/BTCTU")
    ("TT/TW", True, ("other", "Thông tri")),  # "TT" in a Party symbol is a Thông tri
    ("QĐi/TW", True, ("quy_dinh", "Quy định")),  # the Party's "QĐi"
    (None, False, None),  # no symbol at all
]


@pytest.mark.parametrize("symbol, party, expected", SYMBOLS)
def test_type_from_symbol(symbol: str | None, party: bool, expected: tuple[str, str] | None) -> None:
    found = type_from_symbol(symbol, party)
    assert ((found.code, found.name) if found else None) == expected


# --- the rule: type line, then a subject, then the symbol ----------------------------------

PLAN = DocumentType("ke_hoach", "Kế hoạch")

# (type line read, number line, subject, (code, name, source))
RULES = [
    (PLAN, "Số: 12/KH-UBND", None, ("ke_hoach", "Kế hoạch", "type_line")),  # the type line
    (PLAN, "Số: 12/QĐ-UBND", None, ("ke_hoach", "Kế hoạch", "type_line")),  # wins over the symbol
    (None, "Số: 2926/SNV-TCBC", "báo cáo, xin ý kiến", ("cong_van", "Công văn", "subject")),  # a công văn
    (None, "Số: 12/CT-TTHT", "giải đáp chính sách thuế", ("cong_van", "Công văn", "subject")),  # a Cục Thuế letter, not a Chỉ thị
    (None, "Số: 409/TTr-CAT(PC04)", None, ("to_trinh", "Tờ trình", "symbol")),  # type line unread: the symbol
    (None, "Số 69-KL/TW", None, ("ket_luan", "Kết luận", "symbol")),  # Party symbol
    (None, "Số: 130-12/PT-NC", None, ("phieu_trinh", "Phiếu trình", "symbol")),  # a form's symbol
    (None, "Số: 2926/SNV-TCBC", None, ("other", None, "none")),  # no type line, abbreviation or subject
    (None, None, None, ("other", None, "none")),  # nothing printed
]


@pytest.mark.parametrize("type_line, number_line, subject, expected", RULES)
def test_read_document_type(type_line, number_line, subject, expected) -> None:
    number, _ = parse_number_line(number_line)
    found = read_document_type(type_line, number, subject)
    assert (found.code, found.name, found.source) == expected


# --- number lines -------------------------------------------------------------------------

# (number line as printed, (number, symbol, code))
NUMBERS = [
    ("Luật số: 69/2025/QH15", ("69", "QH15", "69/2025/QH15")),  # a law names its type before "số"
    ("Pháp lệnh số: 02/2022/UBTVQH15", ("02", "UBTVQH15", "02/2022/UBTVQH15")),  # an ordinance
    ("Bộ luật số: 45/2019/QH14", ("45", "QH14", "45/2019/QH14")),  # a code
    ("Số: 66.18/2026/NQ-CP", ("66.18", "NQ-CP", "66.18/2026/NQ-CP")),  # a dotted number stays whole
    ("Số: 03/2016/TTLT-BTC-BNV", ("03", "TTLT-BTC-BNV", "03/2016/TTLT-BTC-BNV")),  # joint circular
    ("Số: 409 /TTr-CAT(PC04)", ("409", "TTr-CAT(PC04)", "409/TTr-CAT(PC04)")),  # kept as printed
    ("Số: 02-02/26/PT-NC", ("02-02", "PT-NC", "02-02/26/PT-NC")),  # day-month number, two-digit year
    ("Số:10-01/26/PT-NC", ("10-01", "PT-NC", "10-01/26/PT-NC")),  # no space after the colon
    ("Số: 130-12/PT-NC", ("130-12", "PT-NC", "130-12/PT-NC")),  # number-month, no year
    ("Số 36-HD/VPTW", ("36", "HD/VPTW", "36-HD/VPTW")),  # Party: hyphen, then type and issuer
    ("Số: 597/HC-QLHCV/vcấpGiấyphép", ("597", "HC-QLHC", "597/HC-QLHC")),  # the V/v glued on is cut off
    ("Số: 963 /SNV-CCHC&VTLT V/v lấy ý kiến", ("963", "SNV-CCHC&VTLT", "963/SNV-CCHC&VTLT")),  # V/v after a space
    (unicodedata.normalize("NFD", "Số: 12/TB-UBND"), ("12", "TB-UBND", "12/TB-UBND")),  # "Số" decomposed
    ("Số: …/TTr-SNV", (None, "TTr-SNV", None)),  # a draft's blank written as an ellipsis
]


@pytest.mark.parametrize("line, expected", NUMBERS)
def test_number_line(line: str, expected: tuple) -> None:
    number, _ = parse_number_line(line)
    assert (number.number, number.symbol, number.code) == expected


# (header line, whether it is the number line)
NUMBER_LINE_KINDS = [
    ("Luật số: 69/2025/QH15", True),  # a law
    ("Nghị quyết số: 104/2023/QH15", True),  # a resolution of the Quốc hội
    (unicodedata.normalize("NFD", "Số: 12/TB-UBND"), True),  # "ô" + U+0301 (archive 052)
    ("Số 69-KL/TU", True),  # Party, no colon
    ("Hôm nay số: 5", False),  # words before "số" that name no type
    ("Kế hoạch số 90/KH-UBND", False),  # a running header (or a citation): no colon after "số"
    ("Số: 2775/SNV-CCHC&amp;VTLT; 10/11/2025; 10:59:46;", False),  # an e-office receipt stamp (archive 060)
]


@pytest.mark.parametrize("line, expected", NUMBER_LINE_KINDS)
def test_is_number_line(line: str, expected: bool) -> None:
    assert is_number_line(line) is expected


# --- the subject --------------------------------------------------------------------------

# (header lines, subject lines kept, subject)
SUBJECTS = [
    # under the number in the issuer's column, wrapped over two lines (archive 015)
    ([HeaderLine("SỞ NỘI VỤ", 0), HeaderLine("Số: 2926/SNV-TCBC", 0),
      HeaderLine("V/v báo cáo, xin ý kiến cho phép", 0), HeaderLine("sử dụng Điều lệ hội đã phê duyệt", 0),
      HeaderLine(MOTTO[0], 1), HeaderLine(DATE, 1)],
     ("V/v báo cáo, xin ý kiến cho phép", "sử dụng Điều lệ hội đã phê duyệt"),
     "báo cáo, xin ý kiến cho phép sử dụng Điều lệ hội đã phê duyệt"),
    # "Kính gửi" under the subject in the same cell ends it (archive 013)
    ([HeaderLine("Số: /UBND-NC", 0), HeaderLine("V/v tập trung thực hiện", 0), HeaderLine("Kính gửi:", 0)],
     ("V/v tập trung thực hiện",), "tập trung thực hiện"),
    # "V/v:" with a colon, "Về việc" written out
    ([HeaderLine("Số: 5/UBND-KT", 0), HeaderLine("V/v: triển khai", 0)], ("V/v: triển khai",), "triển khai"),
    ([HeaderLine("Số: 5/UBND-KT", 0), HeaderLine("Về việc triển khai", 0)], ("Về việc triển khai",), "triển khai"),
    # a subject in the right-hand column is not the number's (a date column never holds one)
    ([HeaderLine("Số: 5/UBND-KT", 0), HeaderLine("V/v triển khai", 1)], (), None),
    # no number line: a "V/v" line alone is not a subject
    ([HeaderLine("ỦY BAN NHÂN DÂN", 0), HeaderLine("V/v triển khai", 0)], (), None),
]


@pytest.mark.parametrize("lines, kept, subject", SUBJECTS)
def test_subject(lines: list[HeaderLine], kept: tuple[str, ...], subject: str | None) -> None:
    raw = classify_header_lines(lines)
    assert (raw.subject_lines, parse_subject(raw.subject_lines)) == (kept, subject)


def test_subject_glued_to_the_number_is_split_off() -> None:
    # "Số: 963 /SNV-CCHC&VTLT V/v lấy ý kiến ..." in one cell line (archive 020's PDF band)
    blocks = [layout(["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "Số: 963 /SNV-CCHC&VTLT V/v lấy ý kiến góp ý"],
                     MOTTO + [DATE]), para("Căn cứ Quyết định số 378/QĐ-UBND ngày 11/7/2025 của UBND tỉnh về việc thành lập Ban")]
    raw, _, _ = split_header(blocks)
    assert (raw.number_line, raw.subject_lines) == ("Số: 963 /SNV-CCHC&VTLT", ("V/v lấy ý kiến góp ý",))


# --- the type line stands in the header, not in an appendix ---------------------------------

LETTER_HEAD = layout(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/UBND-NC", "V/v ý kiến"], MOTTO + [DATE])
BODY = ("Theo đề nghị của Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tại Công văn số 227/MTTQ-BTT "
        "ngày 25/9/2025 về việc công nhận chức danh lãnh đạo các hội")

# (blocks, type code read from a type line, or None)
TYPE_PLACES = [
    # a short công văn: "Kính gửi", a paragraph, then an appendix headed "KẾ HOẠCH" within the first blocks
    ([LETTER_HEAD, para("Kính gửi: Sở Nội vụ", align="center"), para(BODY), para("KẾ HOẠCH", bold=True, align="center")],
     None),
    # the same without "Kính gửi": body text ends the header
    ([LETTER_HEAD, para(BODY), para("BÁO CÁO", bold=True, align="center")], None),
    # a plan: its type line right under the header
    ([LETTER_HEAD, para("KẾ HOẠCH", bold=True, align="center"), para("Về việc A", bold=True, align="center"), para(BODY)],
     "ke_hoach"),
    # a signature stamp paragraph before the header table does not hide the type line (archive 049)
    ([para("Cơ quan phát hành: VĂN PHÒNG CHÍNH PHỦ"), LETTER_HEAD, para("QUYẾT ĐỊNH", bold=True, align="center"),
      para("Thành lập Ban", bold=True, align="center")], "quyet_dinh"),
]


@pytest.mark.parametrize("blocks, expected", TYPE_PLACES)
def test_type_line_place(blocks: list[Block], expected: str | None) -> None:
    _, code, _ = split_header(blocks)
    assert code == expected


def test_tờ_trình_title_stops_at_kính_gửi() -> None:
    # a Tờ trình prints "Kính gửi: ..." centred under its title (Nghị định 30, ô 9b)
    blocks = [LETTER_HEAD, para("TỜ TRÌNH", bold=True, align="center"),
              para("Về việc công bố Chỉ số", bold=True, align="center"),
              para("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh", align="center"), para(BODY)]
    raw, code, body_start = split_header(blocks)
    assert (code, raw.title, body_start) == ("to_trinh", "Về việc công bố Chỉ số", 3)


# --- issuers of two and three levels ---------------------------------------------------------

# (issuer lines, (issuer name, parent name))
ISSUERS = [
    (["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"], ("Sở Nội vụ", "Ủy ban nhân dân tỉnh Lâm Đồng")),  # department
    (["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "PHÒNG TỔ CHỨC BIÊN CHẾ"],
     ("Phòng Tổ chức biên chế", "Sở Nội vụ")),  # three levels: the parent is the level above
    (["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], ("Ủy ban nhân dân tỉnh Lâm Đồng", None)),  # one body on two lines
    (["UBND TỈNH LÂM ĐỒNG", "VĂN PHÒNG"], ("Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng", "Ủy ban nhân dân tỉnh Lâm Đồng")),
    (["BỘ CÔNG AN", "CÔNG AN TỈNH LÂM ĐỒNG"], ("Công an tỉnh Lâm Đồng", "Bộ Công an")),  # names its province
    (["BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG"], ("Văn phòng Trung ương Đảng", "Ban Chấp hành Trung ương Đảng")),  # Party
    # a name wrapped over two lines under its parent: one body, not three (archive 028)
    (["UBND TỈNH LÂM ĐỒNG", "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ,", "CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06"],
     ("Ban Chỉ đạo phát triển khoa học, công nghệ, chuyển đổi số và Đề án 06", "Ủy ban nhân dân tỉnh Lâm Đồng")),
]


@pytest.mark.parametrize("lines, expected", ISSUERS)
def test_issuer_levels(lines: list[str], expected: tuple[str, str | None]) -> None:
    issuer, parent = resolve_issuer(lines)
    assert (issuer.name, parent.name if parent else None) == expected


# --- a whole công văn, through normalisation ------------------------------------------------


def test_a_công_văn_converts_with_its_type_subject_and_no_type_line_warning() -> None:
    """No type line is no fault in a công văn: no `no_type_line` warning; type and subject are read."""
    from pipeline.ir import Extracted
    from pipeline.model import Source
    from pipeline.normalize.plan import build_plan
    from pipeline.structure.document import build_skeleton

    head = layout(["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "Số: 2926/SNV-TCBC", "V/v báo cáo, xin ý kiến cho phép",
                   "sử dụng Điều lệ hội đã phê duyệt"], MOTTO + [DATE])
    skeleton, code = build_skeleton(Extracted(blocks=(head, para("Kính gửi: Ủy ban nhân dân tỉnh"), para(BODY)), pages=None))
    plan = build_plan(skeleton, code, Source(filename="cv.docx", format="docx", sha256="0" * 64, pages=None))
    d = plan.document
    assert (d.type, d.type_name, d.type_source, d.subject, d.code, d.issuer.name, d.parent_issuer.name) == (
        "cong_van", "Công văn", "subject", "báo cáo, xin ý kiến cho phép sử dụng Điều lệ hội đã phê duyệt",
        "2926/SNV-TCBC", "Sở Nội vụ", "Ủy ban nhân dân tỉnh Lâm Đồng")
    assert "no_type_line" not in [w.code for w in plan.warnings]
