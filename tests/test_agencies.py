"""Agency splitting and resolution (pipeline.normalize.agencies): the labelled table and unit cases."""
from __future__ import annotations

import csv
from collections import Counter

import pytest

from pipeline.normalize import agencies as ag
from pipeline.data import DATA_DIR as DATA
from agency_cases import CASES, KNOWN_MISSES  # tests/ is on sys.path (pytest rootdir import)
from metrics import score_table

THRESHOLD = 0.98
MIN_CELLS = 300  # issue 12: the table holds at least this many labelled cells


def scope_of(where) -> ag.Scope:
    """A case's context: a province name, None (a central plan) or an issuer's header lines."""
    if isinstance(where, tuple):
        issuer, parent = ag.resolve_issuer(list(where))
        return ag.Scope(ag.province_from_issuer(" ".join(where)), issuer, parent)
    return ag.Scope(where)


def predict(case) -> list[tuple[str, str]]:
    text, where = case
    return [(a.name, a.kind) for a in ag.parse_agency_cell(text, scope_of(where))[0]]


def table_score():
    return score_table([((text, where), want) for text, where, want in CASES], predict)


def test_table_has_enough_cases():
    assert len(CASES) >= MIN_CELLS


def test_table_precision_recall():
    score = table_score()
    print("\n" + score.summary("agency_cases"))
    assert score.precision >= THRESHOLD and score.recall >= THRESHOLD, score.report("agency_cases")


def _param(index: int, case):
    text, where, want = case
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[text])] if text in KNOWN_MISSES else []
    return pytest.param(text, where, want, id=f"cell{index}", marks=marks)


@pytest.mark.parametrize("text, where, want", [_param(i, c) for i, c in enumerate(CASES)])
def test_cell(text, where, want):
    """Each labelled cell on its own: a wrong split, name or kind fails here."""
    assert Counter(predict((text, where))) == Counter(want)


@pytest.mark.parametrize("text", ["Sở khoa học và Công nghệ", "Sở Khoa học và Công nghệ", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "SKHCN", "Sở KH&CN"])
def test_same_id_whatever_the_spelling(text):
    agency, warnings = ag.resolve_agency(text, "Quảng Ngãi")
    assert (agency.id, agency.name, agency.text, warnings) == (
        "so-khoa-hoc-va-cong-nghe-quang-ngai", "Sở Khoa học và Công nghệ", text, [])


def test_abbreviated_name_expands():
    agency, _ = ag.resolve_agency("BQL KKT Dung Quất và các KCN Quảng Ngãi", "Quảng Ngãi")
    assert agency.name == "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi"
    assert agency.text == "BQL KKT Dung Quất và các KCN Quảng Ngãi"


@pytest.mark.parametrize("text, province, successor_id, successor_name, date, basis", [
    # department merged into Sở Tài chính (Nghị định 45/2025/NĐ-CP)
    ("Sở Kế hoạch và Đầu tư", "Quảng Ngãi", "so-tai-chinh-quang-ngai", "Sở Tài chính", "2025-03-01", "45/2025/NĐ-CP"),
    # two departments became Sở Nông nghiệp và Môi trường
    ("Sở Tài nguyên và Môi trường", "Lâm Đồng", "so-nong-nghiep-va-moi-truong-lam-dong", "Sở Nông nghiệp và Môi trường", "2025-03-01", "45/2025/NĐ-CP"),
    ("Sở Thông tin và Truyền thông", "Quảng Ngãi", "so-khoa-hoc-va-cong-nghe-quang-ngai", "Sở Khoa học và Công nghệ", "2025-03-01", "45/2025/NĐ-CP"),
    ("Sở Giao thông vận tải", "Quảng Ngãi", "so-xay-dung-quang-ngai", "Sở Xây dựng", "2025-03-01", "45/2025/NĐ-CP"),
    ("Sở LĐTB&XH", "Quảng Ngãi", "so-noi-vu-quang-ngai", "Sở Nội vụ", "2025-03-01", "45/2025/NĐ-CP"),
    # ministries (Nghị quyết 176/2025/QH15)
    ("Bộ Kế hoạch và Đầu tư", None, "bo-tai-chinh", "Bộ Tài chính", "2025-03-01", "176/2025/QH15"),
    ("Bộ Thông tin và Truyền thông", None, "bo-khoa-hoc-va-cong-nghe", "Bộ Khoa học và Công nghệ", "2025-03-01", "176/2025/QH15"),
    ("Bộ Giao thông vận tải", None, "bo-xay-dung", "Bộ Xây dựng", "2025-03-01", "176/2025/QH15"),
    ("Bộ Nông nghiệp và Phát triển nông thôn", None, "bo-nong-nghiep-va-moi-truong", "Bộ Nông nghiệp và Môi trường", "2025-03-01", "176/2025/QH15"),
    ("Bộ Lao động - Thương binh và Xã hội", None, "bo-noi-vu", "Bộ Nội vụ", "2025-03-01", "176/2025/QH15"),
    ("Ủy ban Dân tộc", None, "bo-dan-toc-va-ton-giao", "Bộ Dân tộc và Tôn giáo", "2025-03-01", "176/2025/QH15"),
    # province merged on 1 July 2025 (Nghị quyết 202/2025/QH15)
    ("UBND tỉnh Kon Tum", None, "uy-ban-nhan-dan-tinh-quang-ngai", "Ủy ban nhân dân tỉnh Quảng Ngãi", "2025-07-01", "202/2025/QH15"),
    ("Sở Y tế", "Đắk Nông", "so-y-te-lam-dong", "Sở Y tế", "2025-07-01", "202/2025/QH15"),
    ("Sở Tư pháp tỉnh Bình Thuận", "Quảng Ngãi", "so-tu-phap-lam-dong", "Sở Tư pháp", "2025-07-01", "202/2025/QH15"),
])
def test_successor(text, province, successor_id, successor_name, date, basis):
    successor = ag.resolve_agency(text, province)[0].successor
    assert (successor.id, successor.name, successor.date) == (successor_id, successor_name, date)
    assert basis in successor.basis


@pytest.mark.parametrize("text, province", [
    ("Sở Khoa học và Công nghệ", "Quảng Ngãi"),  # current department
    ("Ủy ban nhân dân tỉnh Quảng Ngãi", "Quảng Ngãi"),  # the province absorbed Kon Tum, kept its name
    ("Bộ Tài chính", None),  # current ministry
])
def test_no_successor(text, province):
    assert ag.resolve_agency(text, province)[0].successor is None


@pytest.mark.parametrize("text", [
    "Các sở, ban, ngành", "các sở, ban ngành", "Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố",
    "các cơ quan, đơn vị có liên quan", "Các cơ quan, tổ chức có liên quan", "các đơn vị, địa phương",
    "UBND các xã, phường, đặc khu", "Các sở, ban, ngành, địa phương", "Các tổ chức chính trị - xã hội tỉnh",
    "Thủ trưởng các sở, ban ngành, đơn vị", "Các doanh nghiệp, tổ chức, cá nhân có liên quan",
])
def test_collective_never_split(text):
    assert ag.split_agency_list(text) == [text]
    agencies, _ = ag.parse_agency_cell(text, "Quảng Ngãi")
    assert [a.kind for a in agencies] == ["group"]


@pytest.mark.parametrize("a, b", [
    ("Các sở, ban, ngành", "các sở ban ngành"),  # punctuation and case
    ("UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thị xã, thành phố"),  # abbreviation
    ("các cơ quan, đơn vị có liên quan", "Các cơ quan đơn vị có liên quan"),  # missing comma
])
def test_collective_ids_match(a, b):
    assert ag.resolve_agency(a, None)[0].id == ag.resolve_agency(b, None)[0].id


@pytest.mark.parametrize("text, expected", [
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),  # comma inside a gazetteer name
    ("Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi", ["Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi"]),  # "và các" inside
    ("các Trường: Đại học Phạm Văn Đồng; Cao đẳng Y tế Đặng Thùy Trâm",
     ["Trường Đại học Phạm Văn Đồng", "Trường Cao đẳng Y tế Đặng Thùy Trâm"]),  # distributive prefix
    ("Bộ Khoa học và Công nghệ (báo cáo).", ["Bộ Khoa học và Công nghệ"]),  # note and dot stripped
    ("Cơ sở giáo dục đại học, mời các chuyên gia.", ["Cơ sở giáo dục đại học", "mời các chuyên gia"]),  # experts kept apart
])
def test_split_agency_list(text, expected):
    assert ag.split_agency_list(text) == expected


@pytest.mark.parametrize("text, province, expected_id, warning", [
    ("Trung tâm Khuyến công tỉnh", "Quảng Ngãi", "trung-tam-khuyen-cong-quang-ngai", "agency_unknown"),  # head word, not listed
    ("Công ty TNHH Một thành viên Xổ số kiến thiết", "Quảng Ngãi", "cong-ty-tnhh-mot-thanh-vien-xo-so-kien-thiet-quang-ngai", "agency_unknown"),
    ("Theo phân công tại Quyết định số 1441/QĐ-UBND", "Lâm Đồng", None, "agency_unrecognized"),  # not a body at all
])
def test_unlisted_bodies_warn(text, province, expected_id, warning):
    agency, warnings = ag.resolve_agency(text, province)
    assert agency.kind == "agency" and [w.code for w in warnings] == [warning]
    if expected_id:
        assert agency.id == expected_id


def test_local_government_by_rule():
    agency, warnings = ag.resolve_agency("UBND xã Bát Tràng", "Hà Nội")
    assert (agency.name, agency.id, agency.level, warnings) == (
        "Ủy ban nhân dân xã Bát Tràng", "uy-ban-nhan-dan-xa-bat-trang-ha-noi", None, [])
    assert ag.resolve_agency("UBND huyện Bình Sơn", "Quảng Ngãi")[0].level == "district"


@pytest.mark.parametrize("text, expected", [
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Quảng Ngãi"),  # plain
    ("UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ", "Lâm Đồng"),  # two-level issuer
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Hà Nội"),  # city
    ("ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU", "Bà Rịa - Vũng Tàu"),  # hyphenated name across lines
    ("UBND TP HỒ CHÍ MINH", "Hồ Chí Minh"),  # "TP"
    ("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", "Thừa Thiên Huế"),  # longest name wins over "Huế"
    ("TỈNH ỦY KON TUM", "Kon Tum"),  # party committee, merged province
    ("CÔNG AN TỈNH LONG AN", "Long An"),  # "AN" of "CÔNG AN" is not a province
    ("BỘ KHOA HỌC VÀ CÔNG NGHỆ", None),  # central
    ("THỦ TƯỚNG CHÍNH PHỦ", None),  # central
])
def test_province_from_issuer(text, expected):
    assert ag.province_from_issuer(text) == expected


@pytest.mark.parametrize("lines, issuer, parent", [
    (["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"], ("uy-ban-nhan-dan-tinh-quang-ngai", "Ủy ban nhân dân tỉnh Quảng Ngãi"), None),
    (["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"], ("so-noi-vu-lam-dong", "Sở Nội vụ"), ("uy-ban-nhan-dan-tinh-lam-dong", "Ủy ban nhân dân tỉnh Lâm Đồng")),
    (["UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ"], ("so-noi-vu-lam-dong", "Sở Nội vụ"), ("uy-ban-nhan-dan-tinh-lam-dong", "Ủy ban nhân dân tỉnh Lâm Đồng")),
    (["BỘ KHOA HỌC VÀ CÔNG NGHỆ"], ("bo-khoa-hoc-va-cong-nghe", "Bộ Khoa học và Công nghệ"), None),
    (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"], ("uy-ban-nhan-dan-thanh-pho-ha-noi", "Ủy ban nhân dân thành phố Hà Nội"), None),
    (["THỦ TƯỚNG CHÍNH PHỦ"], ("thu-tuong-chinh-phu", "Thủ tướng Chính phủ"), None),
    (["TỈNH ỦY QUẢNG NGÃI", "BAN TUYÊN GIÁO"], ("ban-tuyen-giao-tinh-uy-quang-ngai", "Ban Tuyên giáo Tỉnh ủy Quảng Ngãi"), ("tinh-uy-quang-ngai", "Tỉnh ủy Quảng Ngãi")),
    (["UBND TỈNH QUẢNG NGÃI", "BAN QUẢN LÝ KKT DUNG QUẤT", "VÀ CÁC KCN QUẢNG NGÃI"],
     ("ban-quan-ly-khu-kinh-te-dung-quat-va-cac-khu-cong-nghiep-quang-ngai", "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi"),
     ("uy-ban-nhan-dan-tinh-quang-ngai", "Ủy ban nhân dân tỉnh Quảng Ngãi")),
    (["UBND TỈNH ĐẮK NÔNG", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"], ("so-ke-hoach-va-dau-tu-dak-nong", "Sở Kế hoạch và Đầu tư"), ("uy-ban-nhan-dan-tinh-dak-nong", "Ủy ban nhân dân tỉnh Đắk Nông")),
    (["BỘ TÀI CHÍNH", "CỤC THUẾ"], ("cuc-thue", "Cục Thuế"), ("bo-tai-chinh", "Bộ Tài chính")),  # unit of a ministry, not the provincial template
    (["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"], ("uy-ban-nhan-dan-huyen-binh-son", "Ủy ban nhân dân huyện Bình Sơn"), None),  # capitals recased
    # the Party's two-line header: the unit as the Party names it (Hướng dẫn 36-HD/VPTW)
    (["BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG"], ("van-phong-trung-uong-dang", "Văn phòng Trung ương Đảng"),
     ("ban-chap-hanh-trung-uong-dang", "Ban Chấp hành Trung ương Đảng")),
    (["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC"], ("ban-to-chuc-trung-uong", "Ban Tổ chức Trung ương"),
     ("ban-chap-hanh-trung-uong-dang", "Ban Chấp hành Trung ương Đảng")),
    # an unlisted association takes the province its parent line names; a body of the parent does not
    (["UBND TỈNH ĐẮK NÔNG", "LIÊN ĐOÀN KARATE"], ("lien-doan-karate-tinh-dak-nong", "Liên đoàn Karate tỉnh Đắk Nông"),
     ("uy-ban-nhan-dan-tinh-dak-nong", "Ủy ban nhân dân tỉnh Đắk Nông")),
    (["UBND TỈNH LÂM ĐỒNG", "HIỆP HỘI DU LỊCH"], ("hiep-hoi-du-lich-tinh-lam-dong", "Hiệp hội Du lịch tỉnh Lâm Đồng"),
     ("uy-ban-nhan-dan-tinh-lam-dong", "Ủy ban nhân dân tỉnh Lâm Đồng")),
    (["UBND TỈNH LÂM ĐỒNG", "HỘI LUẬT GIA TỈNH LÂM ĐỒNG"], ("hoi-luat-gia-tinh-lam-dong", "Hội Luật gia tỉnh Lâm Đồng"),
     ("uy-ban-nhan-dan-tinh-lam-dong", "Ủy ban nhân dân tỉnh Lâm Đồng")),  # names its place already
    (["UBND TỈNH LÂM ĐỒNG", "HỘI ĐỒNG THẨM ĐỊNH,", "ĐÁNH GIÁ CHỈ SỐ CCHC"],
     ("hoi-dong-tham-dinh-danh-gia-chi-so-cai-cach-hanh-chinh-lam-dong",
      "Hội đồng thẩm định, đánh giá Chỉ số cải cách hành chính"), ("uy-ban-nhan-dan-tinh-lam-dong", "Ủy ban nhân dân tỉnh Lâm Đồng")),
])
def test_resolve_issuer(lines, issuer, parent):
    got, got_parent = ag.resolve_issuer(lines)
    assert (got.id, got.name) == issuer
    assert (got_parent and (got_parent.id, got_parent.name)) == parent


def _rows(name):
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_provinces_before_and_after_2025():
    rows = _rows("provinces.csv")
    active = [r for r in rows if r["status"] == "active"]
    before = [r for r in rows if r["name"] != "Huế"]  # Huế became a city on 1 Jan 2025
    assert (len(active), len(before)) == (34, 63)
    names = {r["name"] for r in active}
    assert all(r["successor"] in names for r in rows if r["status"] == "merged")


def test_gazetteer_rows_are_consistent():
    rows = _rows("agencies.csv")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert all(r["successor_id"] in ids for r in rows if r["successor_id"])
    assert all(r["basis"] for r in rows if r["successor_id"])
    assert all(r["level"] in ("central", "province", "district") for r in rows)


def test_abbreviations_on_token_boundaries():
    assert ag.expand_abbreviations("UBND tỉnh, KH&CN") == "Ủy ban nhân dân tỉnh, Khoa học và Công nghệ"
    assert ag.expand_abbreviations("SỞ KẾ HOẠCH VÀ ĐẦU TƯ") == "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"  # no "TƯ" -> "Trung ương"
    assert ag.expand_abbreviations("CTCP") == "CTCP"  # "CT" only as a whole token


@pytest.mark.parametrize("cell", [
    "Theo phân công tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh",  # a pointer, no body
    "Như Điều 3",  # recipients: the addressees of another article
])
def test_pointers_name_no_agency(cell):
    agencies, warnings = ag.parse_agency_cell(cell, "Lâm Đồng")
    assert agencies == [] and [w.code for w in warnings] == ["not_an_agency"]


def test_abbreviations_inside_document_codes_are_left_alone():
    # "QĐ-UBND" is a symbol, not "QĐ-Ủy ban nhân dân"
    assert ag.expand_abbreviations("Quyết định 1441/QĐ-UBND của UBND tỉnh") == (
        "Quyết định 1441/QĐ-UBND của Ủy ban nhân dân tỉnh")


@pytest.mark.parametrize("cell, expected", [
    # a generic noun phrase names no single body: a collective
    ("Cơ quan thuế", [("Cơ quan thuế", "group")]),
    # a bare plural shares what follows the comma
    ("Các cơ quan, đơn vị trực tiếp sử dụng ngân sách nhà nước",
     [("Các cơ quan, đơn vị trực tiếp sử dụng ngân sách nhà nước", "group")]),
    # a distributive prefix over ward names, then another body after "và"
    ("UBND các phường: Ba Đình, Hoàn Kiếm và UBND xã Bát Tràng",
     [("Ủy ban nhân dân phường Ba Đình", "agency"), ("Ủy ban nhân dân phường Hoàn Kiếm", "agency"),
      ("Ủy ban nhân dân xã Bát Tràng", "agency")]),
])
def test_collectives_and_distributive_prefixes(cell, expected):
    agencies, _ = ag.parse_agency_cell(cell, "Hà Nội")
    assert [(a.name, a.kind) for a in agencies] == expected
