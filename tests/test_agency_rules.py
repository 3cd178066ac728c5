"""Issue 12's agency items one by one: head words with diacritics, ids and levels, warnings per
distinct name, offices resolved against the issuer, and a gazetteer passed in instead of the
package's. Each case is a real-looking cell; the labelled tables are in agency_cases.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import model
from pipeline.normalize import agencies as ag
from pipeline.normalize.agency_mentions import find_agencies
from pipeline.normalize.agency_rules import rules_for
from pipeline.normalize.gazetteer import Gazetteer, default_gazetteer
from pipeline.warnings import PlanWarning

TINY = Path(__file__).parent / "fixtures" / "gazetteer_tiny"


def _scope(*issuer_lines: str) -> ag.Scope:
    issuer, parent = ag.resolve_issuer(list(issuer_lines))
    return ag.Scope(ag.province_from_issuer(" ".join(issuer_lines)), issuer, parent)


@pytest.mark.parametrize("text, province", [
    ("Bảo đảm an toàn giao thông trong thời gian tổ chức lễ hội.", "Lào Cai"),  # "Bảo" is not "Báo"
    ("Bảo đảm kinh phí thực hiện theo quy định.", "Hà Nội"),  # nor in the capital
    ("Bảo vệ môi trường, bảo tồn di sản.", "Lâm Đồng"),  # "Bảo vệ"
    ("Số lượng đơn vị được kiểm tra trong năm là 20.", "Lâm Đồng"),  # "Số" is not "Sở"
])
def test_no_bogus_agency_from_a_word_that_folds_onto_a_head(text, province):
    assert find_agencies(text, province) == []


def test_a_real_press_body_in_running_text_is_still_found():
    found = find_agencies("Báo Lào Cai đăng tải thông tin về kế hoạch.", "Lào Cai")
    assert [a.name for a in found] == ["Báo Lào Cai"]


@pytest.mark.parametrize("cell", ["Bảo đảm an ninh trật tự", "Số lượng đơn vị kiểm tra"])
def test_a_phrase_that_folds_onto_a_head_names_no_known_body(cell):
    agencies, warnings = ag.parse_agency_cell(cell, "Lâm Đồng")
    assert [w.code for w in warnings] == ["agency_unrecognized"]  # text that names no body
    assert agencies[0].level is None


@pytest.mark.parametrize("text, expected_id, level", [
    ("Cục Địa chất và Khoáng sản Việt Nam", "cuc-dia-chat-va-khoang-san-viet-nam", "central"),  # listed
    ("Cục Khoáng sản và Năng lượng Việt Nam", "cuc-khoang-san-va-nang-luong-viet-nam", "central"),  # unlisted, "... Việt Nam"
    ("Viện Chiến lược phát triển quốc gia", "vien-chien-luoc-phat-trien-quoc-gia", "central"),  # unlisted, "... quốc gia"
    ("Cục Trồng trọt và Bảo vệ thực vật", "cuc-trong-trot-va-bao-ve-thuc-vat", "central"),  # a ministry unit
    ("Vụ Kế hoạch - Tài chính", "vu-ke-hoach-tai-chinh", "central"),  # unlisted ministry unit, no province named
    ("Chi cục Hải quan khu vực XIII", "chi-cuc-hai-quan-khu-vuc-xiii", "central"),  # regional office by number
])
def test_central_bodies_get_no_province_suffix_and_a_level(text, expected_id, level):
    agency, _ = ag.resolve_agency(text, "Lâm Đồng")
    assert (agency.id, agency.level) == (expected_id, level)


def test_units_inside_a_department_carry_its_id():
    snv = _scope("UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ")
    syt = _scope("UBND TỈNH LÂM ĐỒNG", "SỞ Y TẾ")
    a, _ = ag.resolve_agency("Văn phòng Sở", snv)
    b, _ = ag.resolve_agency("Văn phòng Sở", syt)
    assert (a.name, b.name) == ("Văn phòng Sở", "Văn phòng Sở")  # as written
    assert (a.id, b.id) == ("van-phong-so-noi-vu-lam-dong", "van-phong-so-y-te-lam-dong")
    unit_a, _ = ag.resolve_agency("Phòng Tổ chức cán bộ", snv)
    unit_b, _ = ag.resolve_agency("Phòng Tổ chức cán bộ", syt)
    assert unit_a.id == "phong-to-chuc-can-bo-so-noi-vu-lam-dong" and unit_b.id == "phong-to-chuc-can-bo-so-y-te-lam-dong"


def test_units_of_a_ministry_carry_its_id():
    btc, bnv = _scope("BỘ TÀI CHÍNH"), _scope("BỘ NỘI VỤ")
    assert ag.resolve_agency("Vụ Pháp chế", btc)[0].id == "vu-phap-che-bo-tai-chinh"
    assert ag.resolve_agency("Vụ Pháp chế", bnv)[0].id == "vu-phap-che-bo-noi-vu"


@pytest.mark.parametrize("province, name", [
    ("Lào Cai", "Ủy ban nhân dân các xã, phường"),  # no special zone
    ("Hà Nội", "Ủy ban nhân dân các xã, phường"),  # no special zone
    ("Quảng Ninh", "Ủy ban nhân dân các xã, phường, đặc khu"),  # Vân Đồn, Cô Tô
    ("An Giang", "Ủy ban nhân dân các xã, phường, đặc khu"),  # Phú Quốc, Kiên Hải, Thổ Châu
])
def test_commune_level_gains_dac_khu_only_where_there_is_one(province, name):
    agency, _ = ag.resolve_agency("UBND các xã, phường", province)
    assert (agency.name, agency.kind) == (name, "group")


def test_post_2025_tax_office_comes_out_whole():
    agency, warnings = ag.resolve_agency("Thuế tỉnh", "Lâm Đồng")
    assert (agency.name, agency.id, agency.level, warnings) == ("Thuế tỉnh Lâm Đồng", "thue-tinh-lam-dong", "province", [])


@pytest.mark.parametrize("issuer, text, name", [
    (("BỘ TÀI CHÍNH",), "Bộ trưởng", "Bộ trưởng Bộ Tài chính"),
    (("ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"), "Chủ tịch", "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng"),
    (("UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"), "Chủ tịch", "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng"),  # from the parent
    (("UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"), "Giám đốc Sở", "Giám đốc Sở Nội vụ"),
])
def test_bare_offices_resolve_against_the_issuer(issuer, text, name):
    agency, warnings = ag.resolve_agency(text, _scope(*issuer))
    assert (agency.name, warnings) == (name, [])
    # the same office written in full is the same agency (as "Chủ tịch UBND tỉnh" always was)
    if name.startswith("Chủ tịch"):
        assert agency.id == ag.resolve_agency("Chủ tịch UBND tỉnh", "Lâm Đồng")[0].id


def test_unknown_names_warn_once_with_count_and_places():
    cells = [("Trung tâm Khuyến công tỉnh", "tasks[2].lead"), ("Trung tâm Khuyến công tỉnh", "tasks[5].lead"),
             ("Trung tâm Khuyến công tỉnh; Sở Y tế", "tasks[9].cooperating"), ("Theo Điều 3", "tasks[1].lead"),
             ("Câu lạc bộ nghệ nhân trẻ", "tasks[3].cooperating")]
    raw: list[PlanWarning] = []
    for text, where in cells:
        raw += [PlanWarning(w.code, w.message, where) for w in ag.parse_agency_cell(text, "Quảng Ngãi")[1]]
    merged = ag.merge_unknown_warnings(raw)
    unknown = [w for w in merged if w.code == "agency_unknown"]
    assert len(unknown) == 2  # one per distinct name
    first = unknown[0]
    assert first.where == "tasks[2].lead" and "3 mentions" in first.message
    assert "tasks[5].lead" in first.message and "tasks[9].cooperating" in first.message
    assert [w.code for w in merged if w.code == "not_an_agency"] == ["not_an_agency"]  # others pass unchanged


@pytest.mark.parametrize("cell", [
    "Các sở, ban, ngành; UBND các xã, phường, đặc khu",  # collectives
    "Chủ tịch, các PCT UBND tỉnh",  # roles
    "Đồng chí Bí thư Tỉnh ủy",  # a role with an honorific
    "Thường trực Ban Bí thư",  # a central role
    "Chi cục Hải quan khu vực XIII; Ngân hàng nhà nước khu vực X",  # regional offices by rule
])
def test_no_warning_for_collectives_and_roles_the_gazetteer_knows(cell):
    assert ag.parse_agency_cell(cell, "Lâm Đồng")[1] == []


def test_named_by_pattern_vs_naming_no_body_are_told_apart():
    assert [w.code for w in ag.parse_agency_cell("Trung tâm Khuyến công tỉnh", "Quảng Ngãi")[1]] == ["agency_unknown"]
    assert [w.code for w in ag.parse_agency_cell("Số lượng đơn vị kiểm tra", "Quảng Ngãi")[1]] == ["agency_unrecognized"]


def test_a_gazetteer_passed_in_is_read_without_editing_the_package():
    tiny = Gazetteer(TINY)
    agencies, warnings = ag.parse_agency_cell("Sở KTS; Trung tâm Dữ liệu tỉnh", "Lâm Đồng", gazetteer=tiny)
    assert [(a.name, a.id) for a in agencies] == [
        ("Sở Kinh tế số", "so-kinh-te-so-lam-dong"), ("Trung tâm Dữ liệu tỉnh Lâm Đồng", "trung-tam-du-lieu-tinh-lam-dong")]
    assert warnings == []
    # the package's own data does not know them; the tiny data does not know the package's
    assert ag.parse_agency_cell("Sở KTS", "Lâm Đồng")[1] != []
    assert ag.parse_agency_cell("Sở Y tế", "Lâm Đồng", gazetteer=tiny)[1] != []
    assert [a.name for a in find_agencies("Sở Kinh tế số chủ trì.", "Lâm Đồng", gazetteer=tiny)] == ["Sở Kinh tế số"]


def test_one_line_lead_and_cooperating_labels_are_split():
    from pipeline.structure.body_tasks import labelled_fields
    fields = labelled_fields(["- Đơn vị chủ trì: Sở Văn hóa và Thể thao; Đơn vị phối hợp: Sở Du lịch, Công an thành phố."])
    assert fields == {"lead": "Sở Văn hóa và Thể thao", "cooperating": "Sở Du lịch, Công an thành phố"}
    lead, _ = ag.parse_agency_cell(fields["lead"], "Hà Nội")
    assert [a.name for a in lead] == ["Sở Văn hóa và Thể thao"]


def test_keys_are_remembered_per_gazetteer_not_across_data():
    """agency_key and head_key are cached on the gazetteer: asked in turn of the package's data and
    of a tiny one that knows another abbreviation, each answers from its own data."""
    package, tiny = Gazetteer(), Gazetteer(TINY)
    for _ in range(2):  # the second round answers from the caches
        assert tiny.agency_key("Sở KTS") == "so kinh te so"
        assert package.agency_key("Sở KTS") == "so kts"
        assert tiny.head_key("Sở KTS") == "sở kinh tế số"
        assert package.head_key("Sở KTS") == "sở kts"


# (agency key, readings of a trailing province): each word boundary is a candidate, the longest
# province name first; "tinh"/"thanh pho" before it must agree with the province's kind.
SUFFIX_CASES = [
    ("so tai chinh tinh lam dong", [("so tai chinh", "Lâm Đồng")]),
    ("so tai chinh thanh pho lam dong", []),  # Lâm Đồng is a tỉnh: no reading
    ("cong an thanh pho ha noi", [("cong an", "Hà Nội")]),
    ("so y te", []),
    ("uy ban nhan dan tinh", [("uy ban nhan dan", None)]),  # a bare "tỉnh"
]


@pytest.mark.parametrize("key, expected", SUFFIX_CASES)
def test_province_suffixes(key, expected):
    found = Gazetteer().province_suffixes(key)
    assert [(body, prov.name if prov else None) for body, prov in found] == expected


@pytest.mark.parametrize("head_text, association", [
    ("liên đoàn karate", True), ("hội nữ doanh nhân", True), ("hiệp hội du lịch", True),
    ("hội đồng thẩm định", False),  # a longer head: a council, no association
    ("ban chỉ đạo đề án 06", False), ("sở nội vụ", False),
])
def test_an_association_is_told_by_its_head(head_text: str, association: bool) -> None:
    assert rules_for(default_gazetteer()).is_association(head_text) is association
