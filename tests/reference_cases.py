"""Labelled citation strings: text -> the citations `find_citations` must report.

Each expected citation is `ref(type, id, date, issuer, provision=..., alias=...)`,
compared with (type, key, issued_date, issuer_name, provision, defined_alias) of a
found Citation. The issuer is the one written after "của" (normalised), else the
one the symbol or type names unambiguously, else None. An empty list is a
negative case: nothing there may be reported.
"""
from __future__ import annotations

Expected = tuple[str, str, "str | None", "str | None", "str | None", "str | None"]


def ref(type_: str, id_: str, date: str | None = None, issuer: str | None = None, *,
        provision: str | None = None, alias: str | None = None) -> Expected:
    """One expected citation."""
    return (type_, id_, date, issuer, provision, alias)


BCT = "Bộ Chính trị"
BCH = "Ban Chấp hành Trung ương Đảng"
TTG = "Thủ tướng Chính phủ"
CP = "Chính phủ"
QH = "Quốc hội"
UB = "Ủy ban nhân dân"
UBT = "Ủy ban nhân dân tỉnh"
CTUBT = "Chủ tịch Ủy ban nhân dân tỉnh"

SEED_CASES: list[tuple[str, list[Expected]]] = [
    # Party conclusion, slash date, issuer stops at "về"
    ("Triển khai thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị và Quyết định số 709/QĐ-TTg ngày 23/7/2024 của Thủ tướng Chính phủ ban hành Kế hoạch",
     [ref("ket_luan", "69-KL/TW", "2024-01-11", BCT), ref("quyet_dinh", "709/QĐ-TTg", "2024-07-23", TTG)]),
    # comma before "ngày"; the term "khóa XI" is dropped from the issuer
    ("tiếp tục thực hiện Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng khóa XI về phát triển khoa học",
     [ref("nghi_quyet", "20-NQ/TW", "2012-11-01", BCH)]),
    # the same without the comma, ended by ";"
    ("Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng khóa XI; Quyết định số 709/QĐ-TTg ngày 23/7/2024 của Thủ tướng Chính phủ.",
     [ref("nghi_quyet", "20-NQ/TW", "2012-11-01", BCH), ref("quyet_dinh", "709/QĐ-TTg", "2024-07-23", TTG)]),
    # the seed's alias definition names the conclusion itself, not the resolution before it;
    # the code written inside the definition is one more citation
    ("Thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng khóa XI về phát triển khoa học và công nghệ (sau đây viết tắt là Kết luận số 69-KL/TW), Quyết định số 709/QĐ-TTg ngày 23/7/2024",
     [ref("ket_luan", "69-KL/TW", "2024-01-11", BCT, alias="Kết luận số 69-KL/TW"),
      ref("nghi_quyet", "20-NQ/TW", "2012-11-01", BCH), ref("ket_luan", "69-KL/TW"),
      ref("quyet_dinh", "709/QĐ-TTg", "2024-07-23", TTG)]),
    # second alias definition, after a nested Kết luận citation
    ("Quyết định số 709/QĐ-TTg ngày 23/7/2024 của Thủ tướng Chính phủ ban hành Kế hoạch thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị về tiếp tục thực hiện (sau đây viết tắt là Quyết định số 709/QĐ-TTg), và",
     [ref("quyet_dinh", "709/QĐ-TTg", "2024-07-23", TTG, alias="Quyết định số 709/QĐ-TTg"),
      ref("ket_luan", "69-KL/TW", "2024-01-11", BCT), ref("quyet_dinh", "709/QĐ-TTg", None, TTG)]),
    # công văn: issuer written before it ("của X tại"), three-part symbol
    ("trên cơ sở đề nghị của Sở Khoa học và Công nghệ tại Công văn số 2070/SKH-CN-HCTH ngày 27/9/2024, UBND tỉnh ban hành Kế hoạch",
     [ref("cong_van", "2070/SKH-CN-HCTH", "2024-09-27", "Sở Khoa học và Công nghệ")]),
    # old tone placement "khoá XIII"; plenum as issuer
    ("gắn với Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Hội nghị Trung ương lần thứ sáu khoá XIII về tiếp tục đẩy mạnh công nghiệp hoá",
     [ref("nghi_quyet", "29-NQ/TW", "2022-11-17", "Hội nghị Trung ương lần thứ sáu")]),
    # the eighth plenum
    ("Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Hội nghị Trung ương lần thứ tám khoá XIII về tiếp tục xây dựng",
     [ref("nghi_quyet", "45-NQ/TW", "2023-11-24", "Hội nghị Trung ương lần thứ tám")]),
    # "Chủ tịch UBND tỉnh" expanded; issuer stops at "phê duyệt"
    ("Quyết định số 476/QĐ-UBND ngày 31/3/2021 của Chủ tịch UBND tỉnh phê duyệt Kế hoạch phát triển khoa học",
     [ref("quyet_dinh", "476/QĐ-UBND", "2021-03-31", CTUBT)]),
    # issuer stops at "sửa đổi"; a later citation of the same document
    ("Quyết định số 981/QĐ-UBND ngày 26/6/2023 của Chủ tịch UBND tỉnh sửa đổi, bổ sung một số nội dung ban hành kèm theo Quyết định số 476/QĐ-UBND ngày 31/3/2021 của Chủ tịch UBND tỉnh.",
     [ref("quyet_dinh", "981/QĐ-UBND", "2023-06-26", CTUBT), ref("quyet_dinh", "476/QĐ-UBND", "2021-03-31", CTUBT)]),
    # no "số" after the type word
    ("phối hợp với Sở Khoa học và Công nghệ thực hiện Chỉ thị 25/CT-TTg ngày 05/10/2023 của Thủ tướng Chính phủ về phát triển thị trường",
     [ref("chi_thi", "25/CT-TTg", "2023-10-05", TTG)]),
    # in parentheses, no "số", province written out, ")" ends the issuer
    ("(Quyết định 1420/QĐ-UBND ngày 22/9/2020 của UBND tỉnh Quảng Ngãi)",
     [ref("quyet_dinh", "1420/QĐ-UBND", "2020-09-22", "Ủy ban nhân dân tỉnh Quảng Ngãi")]),
    # "(Khóa XX)" in parentheses after the issuer
    ("Tiếp tục triển khai có hiệu quả Nghị quyết số 08-NQ/TU ngày 20/5/2022 của Ban Thường vụ Tỉnh ủy (Khóa XX) về xây dựng Hệ sinh thái",
     [ref("nghi_quyet", "08-NQ/TU", "2022-05-20", "Ban Thường vụ Tỉnh ủy")]),
    # issuer stops at "ban hành"
    ("Quyết định số 827/QĐ-UBND ngày 27/6/2022 của Chủ tịch UBND tỉnh ban hành Kế hoạch xây dựng hệ sinh thái",
     [ref("quyet_dinh", "827/QĐ-UBND", "2022-06-27", CTUBT)]),
    # Ban Bí thư directive, then the same directive without date or issuer (TW says nothing)
    ("Xây dựng Kế hoạch thực hiện Chỉ thị số 38-CT/TW ngày 30/7/2024 của Ban Bí thư Trung ương Đảng về đẩy mạnh công tác tiêu chuẩn, sau khi Chính phủ ban hành Kế hoạch thực hiện Chỉ thị số 38-CT/TW",
     [ref("chi_thi", "38-CT/TW", "2024-07-30", "Ban Bí thư Trung ương Đảng"), ref("chi_thi", "38-CT/TW")]),
    # provincial plenum ended by ", khóa XX"; HĐND expanded
    ("Nghị quyết số 04-NQ/TU ngày 18/10/2021 của Hội nghị Tỉnh ủy lần thứ 5, khóa XX; Nghị quyết số 93/NQ-HĐND ngày 08/12/2021 của HĐND tỉnh về đẩy mạnh CCHC",
     [ref("nghi_quyet", "04-NQ/TU", "2021-10-18", "Hội nghị Tỉnh ủy lần thứ 5"),
      ref("nghi_quyet", "93/NQ-HĐND", "2021-12-08", "Hội đồng nhân dân tỉnh")]),
    # year inside the number
    ("Tiếp tục triển khai thực hiện Nghị định số 140/2017/NĐ-CP ngày 05/12/2017 của Chính phủ về chính sách thu hút",
     [ref("nghi_dinh", "140/2017/NĐ-CP", "2017-12-05", CP)]),
    # law cited by name only; the name stops at "và các"
    ("theo khả năng cân đối ngân sách, Luật Ngân sách nhà nước và các quy định hiện hành",
     [ref("luat", "luat-ngan-sach-nha-nuoc", None, QH)]),
    # the appendix caption: stray space inside the number (the own code is excluded later)
    ("(Kèm theo Kế hoạch số 196 /KH-UBND ngày 02/10/2024 của UBND tỉnh)",
     [ref("ke_hoach", "196/KH-UBND", "2024-10-02", UBT)]),
    # two bare citations; the issuer of the second comes from its symbol
    ("Kế hoạch của UBND tỉnh về thực hiện Kết luận số 69-KL/TW và Quyết định số 709/QĐ-TTg",
     [ref("ket_luan", "69-KL/TW"), ref("quyet_dinh", "709/QĐ-TTg", None, TTG)]),
    # a second mention with another issuer wording
    ("trong Quyết định số 476/QĐ-UBND ngày 31/3/2021 của UBND tỉnh ban hành Kế hoạch phát triển",
     [ref("quyet_dinh", "476/QĐ-UBND", "2021-03-31", UBT)]),
    # the appendix title split over lines
    ("Các nhiệm vụ trên khai thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị\nvề tiếp tục thực hiện Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng khóa XI;\nQuyết định số 709/QĐ-TTg ngày 23/7/2024 của Thủ tướng Chính phủ",
     [ref("ket_luan", "69-KL/TW", "2024-01-11", BCT), ref("nghi_quyet", "20-NQ/TW", "2012-11-01", BCH),
      ref("quyet_dinh", "709/QĐ-TTg", "2024-07-23", TTG)]),
    # "Kế hoạch này" after a citation is not one
    ("Quyết định số 709/QĐ-TTg ngày 23/7/2024 của Thủ tướng Chính phủ và Kế hoạch này, yêu cầu Thủ trưởng các sở",
     [ref("quyet_dinh", "709/QĐ-TTg", "2024-07-23", TTG)]),
    # the issuer stops at "nhằm"
    ("Quyết định số 709/QĐ-TTg ngày 23/7/2024 của Thủ tướng Chính phủ nhằm tạo sự thống nhất trong nhận thức",
     [ref("quyet_dinh", "709/QĐ-TTg", "2024-07-23", TTG)]),
]

STATE_CASES: list[tuple[str, list[Expected]]] = [
    # Politburo resolution of 2024
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ",
     [ref("nghi_quyet", "57-NQ/TW", "2024-12-22", BCT)]),
    # Prime Minister's decision approving a strategy
    ("Quyết định số 569/QĐ-TTg ngày 11/5/2022 của Thủ tướng Chính phủ ban hành Chiến lược phát triển khoa học",
     [ref("quyet_dinh", "569/QĐ-TTg", "2022-05-11", TTG)]),
    # ministry circular with year in the number
    ("Thông tư số 05/2022/TT-BKHCN ngày 31/5/2022 của Bộ Khoa học và Công nghệ hướng dẫn",
     [ref("thong_tu", "05/2022/TT-BKHCN", "2022-05-31", "Bộ Khoa học và Công nghệ")]),
    # ministry circular, issuer only in the symbol
    ("Thông tư số 05/2022/TT-BKHCN", [ref("thong_tu", "05/2022/TT-BKHCN", None, "Bộ Khoa học và Công nghệ")]),
    # joint circular: "và" between two ministries stays inside the issuer
    ("Thông tư liên tịch số 55/2015/TTLT-BTC-BKHCN ngày 22/4/2015 của Bộ Tài chính và Bộ Khoa học và Công nghệ hướng dẫn định mức",
     [ref("thong_tu_lien_tich", "55/2015/TTLT-BTC-BKHCN", "2015-04-22", "Bộ Tài chính và Bộ Khoa học và Công nghệ")]),
    # joint circular alone: two issuers in the symbol, none inferred
    ("theo Thông tư liên tịch số 55/2015/TTLT-BTC-BKHCN", [ref("thong_tu_lien_tich", "55/2015/TTLT-BTC-BKHCN")]),
    # decree, issuer stops at "quy định"
    ("Nghị định số 08/2014/NĐ-CP ngày 27/01/2014 của Chính phủ quy định chi tiết và hướng dẫn thi hành",
     [ref("nghi_dinh", "08/2014/NĐ-CP", "2014-01-27", CP)]),
    # decree without "số": every Nghị định comes from the Chính phủ
    ("Nghị định 70/2018/NĐ-CP", [ref("nghi_dinh", "70/2018/NĐ-CP", None, CP)]),
    # Government resolution
    ("Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ về nhiệm vụ, giải pháp chủ yếu",
     [ref("nghi_quyet", "01/NQ-CP", "2024-01-05", CP)]),
    # Government resolution without "số", issuer from CP
    ("Nghị quyết 35/NQ-CP", [ref("nghi_quyet", "35/NQ-CP", None, CP)]),
    # National Assembly resolution: QH15 carries the legislature's term
    ("Nghị quyết số 43/2022/QH15 ngày 11/01/2022 của Quốc hội về chính sách tài khóa",
     [ref("nghi_quyet", "43/2022/QH15", "2022-01-11", QH)]),
    # the issuer stops at an uncommon verb ("thí điểm")
    ("Nghị quyết số 98/2023/QH15 ngày 24/6/2023 của Quốc hội thí điểm cơ chế", [ref("nghi_quyet", "98/2023/QH15", "2023-06-24", QH)]),
    # the same symbol shape without an issuer phrase
    ("Nghị quyết số 30/2021/QH15", [ref("nghi_quyet", "30/2021/QH15", None, QH)]),
    # Prime Minister's dispatch
    ("Công điện số 1234/CĐ-TTg ngày 05/12/2023 về tăng cường",
     [ref("cong_dien", "1234/CĐ-TTg", "2023-12-05", TTG)]),
    # Prime Minister's directive
    ("Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ", [ref("chi_thi", "15/CT-TTg", "2020-03-27", TTG)]),
    # ministry decision: a công văn-style symbol with a department code after the ministry
    ("Quyết định số 1234/QĐ-BNN-TCTL ngày 01/4/2019",
     [ref("quyet_dinh", "1234/QĐ-BNN-TCTL", "2019-04-01", "Bộ Nông nghiệp và Phát triển nông thôn")]),
    # ministry decision, issuer from the symbol
    ("Quyết định số 2222/QĐ-BKHCN", [ref("quyet_dinh", "2222/QĐ-BKHCN", None, "Bộ Khoa học và Công nghệ")]),
    # minister as issuer
    ("Thông tư số 01/2024/TT-BTC ngày 10/01/2024 của Bộ trưởng Bộ Tài chính quy định",
     [ref("thong_tu", "01/2024/TT-BTC", "2024-01-10", "Bộ trưởng Bộ Tài chính")]),
    # education ministry symbol with Đ
    ("Thông tư số 15/2023/TT-BGDĐT", [ref("thong_tu", "15/2023/TT-BGDĐT", None, "Bộ Giáo dục và Đào tạo")]),
    # labour ministry: " - " inside the issuer name
    ("Thông tư số 10/2023/TT-BLĐTBXH ngày 20/11/2023 của Bộ Lao động - Thương binh và Xã hội hướng dẫn",
     [ref("thong_tu", "10/2023/TT-BLĐTBXH", "2023-11-20", "Bộ Lao động - Thương binh và Xã hội")]),
    # culture ministry: a comma inside the issuer name
    ("Quyết định số 88/QĐ-BVHTTDL ngày 09/01/2024 của Bộ Văn hóa, Thể thao và Du lịch về việc",
     [ref("quyet_dinh", "88/QĐ-BVHTTDL", "2024-01-09", "Bộ Văn hóa, Thể thao và Du lịch")]),
    # order of the President promulgating a law; issuer stops at "công bố"
    ("Lệnh số 05/2023/L-CTN ngày 01/7/2023 của Chủ tịch nước công bố Luật",
     [ref("lenh", "05/2023/L-CTN", "2023-07-01", "Chủ tịch nước")]),
    # provincial decision of another province, Ủy ban written out
    ("Quyết định số 1234/QĐ-UBND ngày 05/6/2024 của Ủy ban nhân dân Thành phố Hồ Chí Minh",
     [ref("quyet_dinh", "1234/QĐ-UBND", "2024-06-05", "Ủy ban nhân dân Thành phố Hồ Chí Minh")]),
    # city decision with year in number, issuer stops at "quy định"
    ("Quyết định số 45/2024/QĐ-UBND ngày 10/10/2024 của UBND thành phố Đà Nẵng quy định",
     [ref("quyet_dinh", "45/2024/QĐ-UBND", "2024-10-10", "Ủy ban nhân dân thành phố Đà Nẵng")]),
    # HĐND resolution of another province
    ("Nghị quyết số 15/2023/NQ-HĐND ngày 07/7/2023 của HĐND tỉnh Quảng Nam",
     [ref("nghi_quyet", "15/2023/NQ-HĐND", "2023-07-07", "Hội đồng nhân dân tỉnh Quảng Nam")]),
    # HĐND with term and session after it
    ("Nghị quyết số 01/2024/NQ-HĐND ngày 15/3/2024 của Hội đồng nhân dân tỉnh Quảng Ngãi khóa XIII, kỳ họp thứ 20",
     [ref("nghi_quyet", "01/2024/NQ-HĐND", "2024-03-15", "Hội đồng nhân dân tỉnh Quảng Ngãi")]),
    # district people's committee
    ("Quyết định số 99/QĐ-UBND ngày 1/2/2024 của UBND huyện Bình Sơn về việc",
     [ref("quyet_dinh", "99/QĐ-UBND", "2024-02-01", "Ủy ban nhân dân huyện Bình Sơn")]),
    # "CT UBND" abbreviation of Chủ tịch
    ("Quyết định số 1235/QĐ-UBND ngày 05/6/2024 của CT UBND tỉnh", [ref("quyet_dinh", "1235/QĐ-UBND", "2024-06-05", CTUBT)]),
    # old spelling "Uỷ ban"
    ("Quyết định số 1236/QĐ-UBND ngày 05/6/2024 của Uỷ ban nhân dân tỉnh Bình Định",
     [ref("quyet_dinh", "1236/QĐ-UBND", "2024-06-05", "Ủy ban nhân dân tỉnh Bình Định")]),
    # provincial department decision
    ("Quyết định số 100/QĐ-SKHCN", [ref("quyet_dinh", "100/QĐ-SKHCN", None, "Sở Khoa học và Công nghệ")]),
    # department công văn with issuer written
    ("Công văn số 77/SNV-CCVC ngày 15/01/2024 của Sở Nội vụ", [ref("cong_van", "77/SNV-CCVC", "2024-01-15", "Sở Nội vụ")]),
    # department công văn, issuer from the symbol
    ("Công văn số 77/SNV-CCVC", [ref("cong_van", "77/SNV-CCVC", None, "Sở Nội vụ")]),
    # provincial công văn: issuer written, unit code after UBND
    ("Công văn số 456/UBND-KT ngày 03/4/2024 của UBND tỉnh", [ref("cong_van", "456/UBND-KT", "2024-04-03", UBT)]),
    # "Văn bản" with a công văn symbol is a Công văn
    ("Văn bản số 456/UBND-KGVX ngày 3/4/2024", [ref("cong_van", "456/UBND-KGVX", "2024-04-03", UB)]),
    # lower-case "văn bản" of a ministry
    ("theo văn bản số 1234/BKHCN-KHTC", [ref("cong_van", "1234/BKHCN-KHTC", None, "Bộ Khoa học và Công nghệ")]),
    # "Văn bản" with a decision symbol is a Quyết định
    ("Văn bản số 709/QĐ-TTg", [ref("quyet_dinh", "709/QĐ-TTg", None, TTG)]),
    # report
    ("Báo cáo số 200/BC-UBND ngày 12/11/2024", [ref("bao_cao", "200/BC-UBND", "2024-11-12", UB)]),
    # submission, issuer written before with "tại"
    ("Xét đề nghị của Sở Tài chính tại Tờ trình số 321/TTr-STC ngày 10/10/2024",
     [ref("to_trinh", "321/TTr-STC", "2024-10-10", "Sở Tài chính")]),
    # issuer written before with a title
    ("theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 55/TTr-SNV ngày 1/3/2024",
     [ref("to_trinh", "55/TTr-SNV", "2024-03-01", "Giám đốc Sở Nội vụ")]),
    # provincial submission
    ("Tờ trình số 150/TTr-UBND ngày 10/11/2024 của UBND tỉnh", [ref("to_trinh", "150/TTr-UBND", "2024-11-10", UBT)]),
    # provincial notice
    ("Thông báo số 45/TB-UBND ngày 20/02/2024 của UBND tỉnh", [ref("thong_bao", "45/TB-UBND", "2024-02-20", UBT)]),
    # provincial project
    ("Đề án số 06/ĐA-UBND ngày 12/3/2024 của UBND tỉnh", [ref("de_an", "06/ĐA-UBND", "2024-03-12", UBT)]),
    # provincial plan of another province
    ("Kế hoạch số 08/KH-UBND ngày 10/01/2025 của UBND tỉnh Bình Định", [ref("ke_hoach", "08/KH-UBND", "2025-01-10", "Ủy ban nhân dân tỉnh Bình Định")]),
    # plan number keeps its leading zero; issuer from UBND
    ("Kế hoạch số 08/KH-UBND", [ref("ke_hoach", "08/KH-UBND", None, UB)]),
    # quy chế
    ("Quy chế số 12/QC-UBND ngày 01/02/2023", [ref("quy_che", "12/QC-UBND", "2023-02-01", UB)]),
    # state bank circular
    ("Thông tư số 39/2016/TT-NHNN ngày 30/12/2016 của Ngân hàng Nhà nước Việt Nam quy định",
     [ref("thong_tu", "39/2016/TT-NHNN", "2016-12-30", "Ngân hàng Nhà nước Việt Nam")]),
    # hyphen date
    ("Quyết định số 123/QĐ-UBND ngày 15-8-2023", [ref("quyet_dinh", "123/QĐ-UBND", "2023-08-15", UB)]),
    # dotted date
    ("Quyết định số 124/QĐ-UBND ngày 15.8.2023", [ref("quyet_dinh", "124/QĐ-UBND", "2023-08-15", UB)]),
    # date in words
    ("Quyết định số 125/QĐ-UBND ngày 15 tháng 8 năm 2023 của UBND tỉnh Bình Định",
     [ref("quyet_dinh", "125/QĐ-UBND", "2023-08-15", "Ủy ban nhân dân tỉnh Bình Định")]),
    # date in words, single-digit day and month
    ("Nghị định số 30/2020/NĐ-CP ngày 5 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
     [ref("nghi_dinh", "30/2020/NĐ-CP", "2020-03-05", CP)]),
    # impossible date kept, not invented
    ("Quyết định số 12/QĐ-UBND ngày 31/02/2024 của UBND tỉnh", [ref("quyet_dinh", "12/QĐ-UBND", None, UBT)]),
    # impossible month
    ("Quyết định số 13/QĐ-UBND ngày 12/13/2024", [ref("quyet_dinh", "13/QĐ-UBND", None, UB)]),
    # 29 February of a leap year is fine
    ("Quyết định số 14/QĐ-UBND ngày 29/02/2024", [ref("quyet_dinh", "14/QĐ-UBND", "2024-02-29", UB)]),
    # "số:" with a colon
    ("Quyết định số: 1237/QĐ-UBND", [ref("quyet_dinh", "1237/QĐ-UBND", None, UB)]),
    # upper-case heading
    ("QUYẾT ĐỊNH SỐ 1238/QĐ-UBND", [ref("quyet_dinh", "1238/QĐ-UBND", None, UB)]),
    # lower-case type word in running text
    ("căn cứ quyết định số 1239/QĐ-UBND ngày 1/6/2024", [ref("quyet_dinh", "1239/QĐ-UBND", "2024-06-01", UB)]),
    # quoted citation
    ("“Quyết định số 709/QĐ-TTg”", [ref("quyet_dinh", "709/QĐ-TTg", None, TTG)]),
    # period right after the symbol
    ("Thực hiện Quyết định số 709/QĐ-TTg.", [ref("quyet_dinh", "709/QĐ-TTg", None, TTG)]),
    # comma before and after "ngày"
    ("Quyết định số 709/QĐ-TTg, ngày 23/7/2024, của Thủ tướng Chính phủ", [ref("quyet_dinh", "709/QĐ-TTg", "2024-07-23", TTG)]),
    # issuer written before the date
    ("Quyết định số 709/QĐ-TTg của Thủ tướng Chính phủ ngày 23/7/2024", [ref("quyet_dinh", "709/QĐ-TTg", "2024-07-23", TTG)]),
    # "- Về việc" after a symbol is no symbol segment
    ("Quyết định số 1240/QĐ-UBND - Về việc ban hành", [ref("quyet_dinh", "1240/QĐ-UBND", None, UB)]),
    # no space after "số"
    ("Quyết định số1241/QĐ-UBND", [ref("quyet_dinh", "1241/QĐ-UBND", None, UB)]),
    # spaces around the slash
    ("Kế hoạch số 45 / KH-UBND ngày 3/3/2023", [ref("ke_hoach", "45/KH-UBND", "2023-03-03", UB)]),
    # two decisions separated by ";"
    ("Quyết định số 1131/QĐ-TTg ngày 12/10/2025 của Thủ tướng Chính phủ; Quyết định số 1132/QĐ-TTg",
     [ref("quyet_dinh", "1131/QĐ-TTg", "2025-10-12", TTG), ref("quyet_dinh", "1132/QĐ-TTg", None, TTG)]),
    # one type word, two numbers joined by "và số", one issuer for both
    ("Quyết định số 476/QĐ-UBND ngày 31/3/2021 và số 981/QĐ-UBND ngày 26/6/2023 của Chủ tịch UBND tỉnh",
     [ref("quyet_dinh", "476/QĐ-UBND", "2021-03-31", CTUBT), ref("quyet_dinh", "981/QĐ-UBND", "2023-06-26", CTUBT)]),
    # one type word, two Party numbers joined by ","
    ("các Nghị quyết số 29-NQ/TW, 45-NQ/TW của Ban Chấp hành Trung ương",
     [ref("nghi_quyet", "29-NQ/TW", None, "Ban Chấp hành Trung ương"), ref("nghi_quyet", "45-NQ/TW", None, "Ban Chấp hành Trung ương")]),
    # two circulars joined by "và"
    ("Thông tư số 01/2024/TT-BTC và 02/2024/TT-BTC của Bộ Tài chính",
     [ref("thong_tu", "01/2024/TT-BTC", None, "Bộ Tài chính"), ref("thong_tu", "02/2024/TT-BTC", None, "Bộ Tài chính")]),
    # a continuation whose symbol names another type
    ("Quyết định số 709/QĐ-TTg và 25/CT-TTg", [ref("quyet_dinh", "709/QĐ-TTg", None, TTG), ref("chi_thi", "25/CT-TTg", None, TTG)]),
    # a line break between "số" and the number
    ("Nghị quyết số\n20-NQ/TW ngày 01/11/2012 của Ban Chấp hành\nTrung ương Đảng", [ref("nghi_quyet", "20-NQ/TW", "2012-11-01", BCH)]),
    # a line break inside the date phrase
    ("Kết luận số 69-KL/TW ngày\n11/01/2024 của Bộ Chính trị", [ref("ket_luan", "69-KL/TW", "2024-01-11", BCT)]),
    # a line break after the type word
    ("Quyết định\nsố 709/QĐ-TTg", [ref("quyet_dinh", "709/QĐ-TTg", None, TTG)]),
    # a blank line ends the issuer phrase
    ("Quyết định số 1242/QĐ-UBND ngày 2/2/2024 của UBND tỉnh\n\nSở Tài chính", [ref("quyet_dinh", "1242/QĐ-UBND", "2024-02-02", UBT)]),
    # issuer followed by "và" + a lower-case word
    ("Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ và các văn bản hướng dẫn", [ref("nghi_dinh", "60/2021/NĐ-CP", "2021-06-21", CP)]),
    # issuer followed by "và" + another citation
    ("Nghị quyết số 36-NQ/TW ngày 01/7/2014 của Bộ Chính trị và Chỉ thị số 05-CT/TU",
     [ref("nghi_quyet", "36-NQ/TW", "2014-07-01", BCT), ref("chi_thi", "05-CT/TU", None, "Tỉnh ủy")]),
    # issuer with a term in parentheses
    ("Nghị quyết số 36-NQ/TW ngày 01/7/2014 của Bộ Chính trị (khóa XI) về đẩy mạnh", [ref("nghi_quyet", "36-NQ/TW", "2014-07-01", BCT)]),
    # an issuer written before with "tại" but a verb in between is not taken
    ("của Sở Tài chính đã trình tại Tờ trình số 322/TTr-STC", [ref("to_trinh", "322/TTr-STC", None, "Sở Tài chính")]),
    # old tone placement in the issuer ("hoá")
    ("Quyết định số 89/QĐ-SVHTTDL ngày 2/1/2024 của Sở Văn hoá, Thể thao và Du lịch",
     [ref("quyet_dinh", "89/QĐ-SVHTTDL", "2024-01-02", "Sở Văn hóa, Thể thao và Du lịch")]),
    # Sở KH&CN abbreviated in the issuer phrase
    ("Công văn số 15/SKHCN-QLKH ngày 8/1/2024 của Sở KH&CN", [ref("cong_van", "15/SKHCN-QLKH", "2024-01-08", "Sở Khoa học và Công nghệ")]),
    # UBND tỉnh of a named province, followed by a full stop
    ("theo Quyết định số 1243/QĐ-UBND ngày 1/1/2024 của UBND tỉnh Quảng Ngãi.", [ref("quyet_dinh", "1243/QĐ-UBND", "2024-01-01", "Ủy ban nhân dân tỉnh Quảng Ngãi")]),
    # Ministry of Home Affairs circular
    ("Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ", [ref("thong_tu", "01/2011/TT-BNV", "2011-01-19", "Bộ Nội vụ")]),
    # Ministry of Finance circular without issuer
    ("Thông tư số 71/2018/TT-BTC", [ref("thong_tu", "71/2018/TT-BTC", None, "Bộ Tài chính")]),
    # Ministry of Information and Communications decision
    ("Quyết định số 411/QĐ-TTg ngày 31/3/2022; Quyết định số 505/QĐ-BTTTT",
     [ref("quyet_dinh", "411/QĐ-TTg", "2022-03-31", TTG), ref("quyet_dinh", "505/QĐ-BTTTT", None, "Bộ Thông tin và Truyền thông")]),
    # decision of the Central Organising Commission
    ("Hướng dẫn số 12-HD/BTCTW ngày 4/6/2024", [ref("huong_dan", "12-HD/BTCTW", "2024-06-04", "Ban Tổ chức Trung ương")]),
    # minister-level agency: Government Inspectorate
    ("Thông tư số 02/2021/TT-TTCP", [ref("thong_tu", "02/2021/TT-TTCP", None, "Thanh tra Chính phủ")]),
    # unknown issuer code: no issuer inferred
    ("Quyết định số 77/QĐ-XYZ", [ref("quyet_dinh", "77/QĐ-XYZ")]),
    # provision: Điều only, with "của"
    ("theo Điều 5 của Nghị định số 60/2021/NĐ-CP", [ref("nghi_dinh", "60/2021/NĐ-CP", None, CP, provision="Điều 5")]),
    # provision: khoản and Điều
    ("quy định tại khoản 2 Điều 5 của Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ",
     [ref("nghi_dinh", "60/2021/NĐ-CP", "2021-06-21", CP, provision="khoản 2 Điều 5")]),
    # provision: điểm, khoản and Điều
    ("theo điểm a khoản 2 Điều 5 của Nghị định số 60/2021/NĐ-CP", [ref("nghi_dinh", "60/2021/NĐ-CP", None, CP, provision="điểm a khoản 2 Điều 5")]),
    # provision without "của"
    ("theo quy định tại khoản 3 Điều 7 Thông tư số 02/2023/TT-BKHCN",
     [ref("thong_tu", "02/2023/TT-BKHCN", None, "Bộ Khoa học và Công nghệ", provision="khoản 3 Điều 7")]),
    # provision: an appendix
    ("theo mẫu tại Phụ lục I Thông tư số 01/2021/TT-BNV", [ref("thong_tu", "01/2021/TT-BNV", None, "Bộ Nội vụ", provision="Phụ lục I")]),
    # provision: a law's article
    ("theo Điều 8 Luật Ngân sách nhà nước", [ref("luat", "luat-ngan-sach-nha-nuoc", None, QH, provision="Điều 8")]),
    # provision: a chapter
    ("Chương II Luật Khoa học và Công nghệ", [ref("luat", "luat-khoa-hoc-va-cong-nghe", None, QH, provision="Chương II")]),
    # điểm with a closing parenthesis ("điểm b)")
    ("điểm b) khoản 1 Điều 3 Nghị định số 70/2018/NĐ-CP", [ref("nghi_dinh", "70/2018/NĐ-CP", None, CP, provision="điểm b) khoản 1 Điều 3")]),
]

PARTY_CASES: list[tuple[str, list[Expected]]] = [
    # provincial party standing committee directive
    ("Chỉ thị số 05-CT/TU ngày 20/3/2021 của Ban Thường vụ Tỉnh ủy", [ref("chi_thi", "05-CT/TU", "2021-03-20", "Ban Thường vụ Tỉnh ủy")]),
    # TU names the Tỉnh ủy when nothing is written
    ("Nghị quyết số 10-NQ/TU", [ref("nghi_quyet", "10-NQ/TU", None, "Tỉnh ủy")]),
    # district party committee
    ("Nghị quyết số 03-NQ/HU ngày 5/5/2021", [ref("nghi_quyet", "03-NQ/HU", "2021-05-05", "Huyện ủy")]),
    # TW alone names no issuer: Kết luận may come from the Bộ Chính trị or the Ban Bí thư
    ("Kết luận số 14-KL/TW", [ref("ket_luan", "14-KL/TW")]),
    # TW alone: a Nghị quyết may come from the Ban Chấp hành or the Bộ Chính trị
    ("Nghị quyết số 18-NQ/TW ngày 25/10/2017", [ref("nghi_quyet", "18-NQ/TW", "2017-10-25")]),
    # Ban Bí thư directive
    ("Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về tổ chức đại hội", [ref("chi_thi", "35-CT/TW", "2024-06-14", BCT)]),
    # conclusion notice of the provincial standing committee
    ("Thông báo kết luận số 123-TB/TU ngày 5/6/2024 của Ban Thường vụ Tỉnh ủy", [ref("thong_bao", "123-TB/TU", "2024-06-05", "Ban Thường vụ Tỉnh ủy")]),
    # guidance of the Central Propaganda Commission
    ("Hướng dẫn số 12-HD/BTGTW ngày 1/7/2024 của Ban Tuyên giáo Trung ương", [ref("huong_dan", "12-HD/BTGTW", "2024-07-01", "Ban Tuyên giáo Trung ương")]),
    # the same guidance, issuer from the symbol
    ("Hướng dẫn số 13-HD/BTGTW", [ref("huong_dan", "13-HD/BTGTW", None, "Ban Tuyên giáo Trung ương")]),
    # Party regulation (QĐi)
    ("Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương", [ref("quy_dinh", "08-QĐi/TW", "2018-10-25", "Ban Chấp hành Trung ương")]),
    # provincial party programme
    ("Chương trình số 15-CTr/TU ngày 10/5/2021 của Tỉnh ủy", [ref("chuong_trinh", "15-CTr/TU", "2021-05-10", "Tỉnh ủy")]),
    # provincial party plan
    ("Kế hoạch số 33-KH/TU ngày 25/8/2021 của Tỉnh ủy về thực hiện", [ref("ke_hoach", "33-KH/TU", "2021-08-25", "Tỉnh ủy")]),
    # plenum written the other way round
    ("Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII",
     [ref("nghi_quyet", "29-NQ/TW", "2022-11-17", "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng")]),
    # "BCH TW" abbreviated
    ("Nghị quyết số 19-NQ/TW ngày 16/6/2022 của BCH TW Đảng khóa XIII", [ref("nghi_quyet", "19-NQ/TW", "2022-06-16", "Ban Chấp hành Trung ương Đảng")]),
    # "Trung ương" spelled TƯ in the symbol
    ("Nghị quyết số 20-NQ/TƯ ngày 01/11/2012", [ref("nghi_quyet", "20-NQ/TƯ", "2012-11-01")]),
    # spaces around the Party dash
    ("Nghị quyết số 20 - NQ/TW", [ref("nghi_quyet", "20-NQ/TW")]),
    # trailing comma after the symbol
    ("Nghị quyết số 20-NQ/TW, Kết luận số 69-KL/TW", [ref("nghi_quyet", "20-NQ/TW"), ref("ket_luan", "69-KL/TW")]),
    # Party committee of a bloc
    ("Nghị quyết số 01-NQ/ĐUK ngày 2/2/2021", [ref("nghi_quyet", "01-NQ/ĐUK", "2021-02-02")]),
    # Central Inspection Commission
    ("Quy định số 22-QĐi/UBKTTW", [ref("quy_dinh", "22-QĐi/UBKTTW", None, "Ủy ban Kiểm tra Trung ương")]),
    # Central Party Office
    ("Công văn số 99-CV/VPTW", [ref("cong_van", "99-CV/VPTW", None, "Văn phòng Trung ương Đảng")]),
]

LAW_CASES: list[tuple[str, list[Expected]]] = [
    # law by name with the year of its adoption
    ("Luật Tổ chức chính quyền địa phương năm 2015", [ref("luat", "luat-to-chuc-chinh-quyen-dia-phuong", None, QH)]),
    # "và" + a capitalised word stays in the name
    ("Luật Khoa học và Công nghệ năm 2013", [ref("luat", "luat-khoa-hoc-va-cong-nghe", None, QH)]),
    # code of law by name
    ("Bộ luật Lao động năm 2019", [ref("bo_luat", "bo-luat-lao-dong", None, QH)]),
    # code of law with a capital L
    ("Bộ Luật Dân sự", [ref("bo_luat", "bo-luat-dan-su", None, QH)]),
    # numbered law
    ("Luật số 29/2013/QH13 ngày 18/6/2013", [ref("luat", "29/2013/QH13", "2013-06-18", QH)]),
    # law by name and number: the number is the id
    ("Luật Ngân sách nhà nước số 83/2015/QH13 ngày 25/6/2015", [ref("luat", "83/2015/QH13", "2015-06-25", QH)]),
    # two laws joined by "và"
    ("Luật Ngân sách nhà nước và Luật Đầu tư công", [ref("luat", "luat-ngan-sach-nha-nuoc", None, QH), ref("luat", "luat-dau-tu-cong", None, QH)]),
    # comma inside the name ("Phòng, chống")
    ("Luật Phòng, chống tham nhũng năm 2018", [ref("luat", "luat-phong-chong-tham-nhung", None, QH)]),
    # comma inside the name ("Thi đua, khen thưởng")
    ("theo Luật Thi đua, khen thưởng", [ref("luat", "luat-thi-dua-khen-thuong", None, QH)]),
    # lower-case "quy phạm" is part of a name; "quy định" would end it
    ("Luật Ban hành văn bản quy phạm pháp luật năm 2015", [ref("luat", "luat-ban-hanh-van-ban-quy-pham-phap-luat", None, QH)]),
    # an amending law is one law, titled up to its end; the amended law inside is not cited apart
    ("Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch", [ref("luat", "luat-sua-doi-bo-sung-mot-so-dieu-cua-luat-quy-hoach", None, QH)]),
    # an amending law of two laws with its date, in a preamble
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
     [ref("luat", "luat-sua-doi-bo-sung-mot-so-dieu-cua-luat-to-chuc-chinh-phu-va-luat-to-chuc-chinh-quyen-dia-phuong", "2019-11-22", QH)]),
    # a law by name with its date of adoption
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", [ref("luat", "luat-to-chuc-chinh-quyen-dia-phuong", "2015-06-19", QH)]),
    # a law by name with a slash date
    ("Luật Khoa học và Công nghệ ngày 18/6/2013", [ref("luat", "luat-khoa-hoc-va-cong-nghe", "2013-06-18", QH)]),
    # "có công với cách mạng" belongs to the ordinance's name
    ("Pháp lệnh Ưu đãi người có công với cách mạng năm 2020", [ref("phap_lenh", "phap-lenh-uu-dai-nguoi-co-cong-voi-cach-mang", None, "Ủy ban Thường vụ Quốc hội")]),
    # name ends at "quy định"
    ("Luật Đất đai quy định", [ref("luat", "luat-dat-dai", None, QH)]),
    # name ends at "có"
    ("Luật Đầu tư có hiệu lực", [ref("luat", "luat-dau-tu", None, QH)]),
    # name ends at a comma
    ("Luật Doanh nghiệp, Luật Đầu tư", [ref("luat", "luat-doanh-nghiep", None, QH), ref("luat", "luat-dau-tu", None, QH)]),
    # ordinance by name
    ("Pháp lệnh Chi phí tố tụng năm 2024", [ref("phap_lenh", "phap-lenh-chi-phi-to-tung", None, "Ủy ban Thường vụ Quốc hội")]),
    # constitution by year
    ("phù hợp với Hiến pháp năm 2013", [ref("hien_phap", "hien-phap", None, QH)]),
    # old tone placement in a law's name does not change its id
    ("Luật Hoá chất", [ref("luat", "luat-hoa-chat", None, QH)]),
    # law in upper case in a heading
    ("LUẬT NGÂN SÁCH NHÀ NƯỚC", [ref("luat", "luat-ngan-sach-nha-nuoc", None, QH)]),
    # name ends at a full stop
    ("theo Luật Ngân sách nhà nước.", [ref("luat", "luat-ngan-sach-nha-nuoc", None, QH)]),
    # the law's name after "Điều 8 của"
    ("khoản 1 Điều 8 của Luật Đầu tư công", [ref("luat", "luat-dau-tu-cong", None, QH, provision="khoản 1 Điều 8")]),
]

ALIAS_CASES: list[tuple[str, list[Expected]]] = [
    # "gọi tắt là" + type and bare number
    ("Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng (sau đây gọi tắt là Nghị quyết 20)",
     [ref("nghi_quyet", "20-NQ/TW", "2012-11-01", BCH, alias="Nghị quyết 20")]),
    # "gọi là"
    ("Quyết định số 709/QĐ-TTg ngày 23/7/2024 của Thủ tướng Chính phủ (sau đây gọi là Quyết định 709)",
     [ref("quyet_dinh", "709/QĐ-TTg", "2024-07-23", TTG, alias="Quyết định 709")]),
    # quoted alias
    ("Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị (sau đây viết tắt là “Kết luận 69”)",
     [ref("ket_luan", "69-KL/TW", "2024-01-11", BCT, alias="Kết luận 69")]),
    # alias of a law cited by name: the alias marks the law (the merge maps "luat-ngan-sach" to it)
    ("Luật Ngân sách nhà nước năm 2015 (sau đây gọi tắt là Luật Ngân sách)",
     [ref("luat", "luat-ngan-sach-nha-nuoc", None, QH, alias="Luật Ngân sách"), ref("luat", "luat-ngan-sach", None, QH)]),
    # alias picks the citation of its type and number, not the nearest
    ("Nghị quyết số 20-NQ/TW và Kết luận số 69-KL/TW của Bộ Chính trị (sau đây gọi tắt là Nghị quyết 20)",
     [ref("nghi_quyet", "20-NQ/TW", alias="Nghị quyết 20"), ref("ket_luan", "69-KL/TW", None, BCT)]),
    # abbreviation without a type word: the nearest citation before
    ("Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị (sau đây viết tắt là KL 69)",
     [ref("ket_luan", "69-KL/TW", "2024-01-11", BCT, alias="KL 69")]),
    # bare type word alias
    ("Đề án số 06/ĐA-UBND ngày 12/3/2024 của UBND tỉnh (sau đây gọi tắt là Đề án)",
     [ref("de_an", "06/ĐA-UBND", "2024-03-12", UBT, alias="Đề án")]),
    # an alias definition with nothing before it is ignored
    ("(sau đây gọi tắt là Nghị quyết 20)", []),
]

NEGATIVE_CASES: list[tuple[str, list[Expected]]] = [
    # the document speaking of itself
    ("Giao Sở Khoa học và Công nghệ chủ trì triển khai thực hiện Kế hoạch này", []),
    # a decision of some authority, no number
    ("tham mưu Quyết định của cấp có thẩm quyền", []),
    # phone number
    ("Số điện thoại: 0255.3822.123", []),
    # a fax number with slashes
    ("Fax: 0255/3822/456", []),
    # a bare date
    ("ngày 23/7/2024", []),
    # a draft's blank number
    ("Quyết định số      /QĐ-UBND", []),
    # a draft's blank plan number
    ("Kế hoạch số /KH-UBND ngày    tháng 10 năm 2024", []),
    # a lawyer, not a law
    ("Luật sư Nguyễn Văn A", []),
    # the law in general
    ("tuân thủ pháp luật về khoa học", []),
    # "Luật này"
    ("Luật này có hiệu lực thi hành", []),
    # a resolution by name only is not a reference
    ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX", []),
    # a plan by name only
    ("Kế hoạch phát triển khoa học, công nghệ và đổi mới sáng tạo tỉnh Quảng Ngãi giai đoạn 2021 – 2025", []),
    # programme number without a symbol
    ("Chương trình 135", []),
    # a year after the type word
    ("Quyết định 2025", []),
    # a fraction after the type word
    ("Chương trình 2/3 số xã", []),
    # a five-year plan
    ("Kế hoạch 5 năm 2021-2025", []),
    # a year range with a slash
    ("giai đoạn 2021/2025", []),
    # a ratio of counts
    ("Tổng số 1.200/1.500 hồ sơ", []),
    # a guidance in general
    ("Thông tư hướng dẫn của Bộ", []),
    # a new decree in general
    ("Nghị định mới của Chính phủ", []),
    # a document type heading
    ("Văn bản quy phạm pháp luật", []),
    # the Constitution without a year
    ("Hiến pháp và pháp luật", []),
    # an article of this plan
    ("Điều 5 của Kế hoạch này", []),
    # a provision alone
    ("khoản 2 Điều 3", []),
    # type words alone
    ("Bộ luật", []),
    # symbol fragment without number
    ("QĐ-UBND", []),
    # tax code
    ("Mã số thuế 4300123456", []),
    # decisions in general
    ("các Quyết định của UBND tỉnh", []),
    # a Central plenum resolution named by number only
    ("Nghị quyết Trung ương 4 khóa XII", []),
    # a conclusion in general
    ("Kết luận của Bộ Chính trị", []),
    # a hotline number
    ("Thông báo số điện thoại đường dây nóng 1900.1234", []),
    # a project known by a number only
    ("Đề án 06", []),
    # a regulation with an incomplete number
    ("Quy định 2/2024", []),
    # a circular number without symbol
    ("Thông tư 10", []),
    # time of a meeting
    ("Họp lúc 14/30 ngày 5/6", []),
    # an address with a slash
    ("Số 52/3 Hùng Vương, thành phố Quảng Ngãi", []),
    # a report in general
    ("báo cáo UBND tỉnh kết quả triển khai thực hiện Kế hoạch (thông qua Sở Khoa học và Công nghệ)", []),
    # a letter in general
    ("Công văn đề nghị của các sở", []),
    # timeframe cell text
    ("Sau khi các Bộ ban hành", []),
    # a strategy by name is not a reference
    ("Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030", []),
    # a lower-case law word
    ("hệ thống luật Ngân sách", []),
    # "Luật" followed by a lower-case word
    ("Luật pháp quốc tế", []),
    # ministry abbreviation list, no citation
    ("VPUB: CVP, PCVP, KTTH, NC, HCQT;", []),
    # archive line
    ("Lưu: VT, KGVX.", []),
]

# Shapes met in the real documents of tests/fixtures/real (text as their extractors give it).
REAL_CASES: list[tuple[str, list[Expected]]] = [
    # PDF line wrap right after the symbol's dash (Hà Nội plan 173)
    ("kinh phí đã giao tại Quyết định số 5969/QĐ-\nUBND ngày 28/11/2025 của UBND Thành phố; nguồn thu",
     [ref("quyet_dinh", "5969/QĐ-UBND", "2025-11-28", "Ủy ban nhân dân Thành phố")]),
    # PDF line wrap inside the type word "Nghị quyết"
    ("Chương trình hành động số 08-CTr/TU ngày 17/3/2026 của Thành uỷ Hà Nội thực hiện Nghị\nquyết số 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị về phát triển văn hoá",
     [ref("chuong_trinh", "08-CTr/TU", "2026-03-17", "Thành ủy Hà Nội"), ref("nghi_quyet", "80-NQ/TW", "2026-01-07", BCT)]),
    # an upper-case heading ending in "LUẬT" before an article is no law
    ("KHEN THƯỞNG VÀ KỶ LUẬT\nĐiều 23. Việc hợp nhất, sáp nhập", []),
    # a code of law written in lower case
    ("thực hiện theo quy định của Bộ luật dân sự, Điều lệ Quỹ và quy định pháp luật", [ref("bo_luat", "bo-luat-dan-su", None, QH)]),
    # an abbreviation defined for words of a title, not for the resolution cited before it
    ("Tiếp tục thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về ban hành Chương trình tổng thể, UBND tỉnh ban hành Kế hoạch tuyên truyền Cải cách hành chính (sau đây viết tắt là CCHC) năm 2026",
     [ref("nghi_quyet", "76/NQ-CP", "2021-07-15", CP)]),
    # two công văn, each after "X tại", the second joined by "và" (Bình Thuận decision 779)
    # issue 12: the second issuer is written after "và" before "tại" (it was taken from the symbol)
    ("Theo đề nghị của Hội Khuyến học tỉnh Bình Thuận tại Công văn số\n06/KHBT ngày 21 tháng 01 năm 2022 và Giám đốc Sở Nội vụ tại Công văn số\n437/SNV-TCCC ngày 03 tháng 3 năm 2022.",
     [ref("cong_van", "06/KHBT", "2022-01-21", "Hội Khuyến học tỉnh Bình Thuận"), ref("cong_van", "437/SNV-TCCC", "2022-03-03", "Giám đốc Sở Nội vụ")]),
    # the decision's own number with a stray space, in its preamble
    ("Quyết định số 779 /QĐ-UBND ngày 23/3/2022 của Chủ tịch UBND tỉnh", [ref("quyet_dinh", "779/QĐ-UBND", "2022-03-23", CTUBT)]),
    # the amending law's title wrapped over lines in a PDF preamble
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ\nvà Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
     [ref("luat", "luat-sua-doi-bo-sung-mot-so-dieu-cua-luat-to-chuc-chinh-phu-va-luat-to-chuc-chinh-quyen-dia-phuong", "2019-11-22", QH)]),
    # provision with a decree and a lower-case "khoản" (Lâm Đồng plan)
    ("theo quy định tại khoản 4 Điều 35 Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ",
     [ref("nghi_dinh", "60/2021/NĐ-CP", "2021-06-21", CP, provision="khoản 4 Điều 35")]),
    # a law whose name has a comma (Lâm Đồng drug-prevention plan)
    ("Luật Phòng, chống ma túy năm 2021", [ref("luat", "luat-phong-chong-ma-tuy", None, QH)]),
]

# Written before running the code (held out), then added here: 23 of 24 were right at first.
HELDOUT_CASES: list[tuple[str, list[Expected]]] = [
    # decree in a preamble, date in words
    ("Căn cứ Nghị định số 24/2014/NĐ-CP ngày 04 tháng 4 năm 2014 của Chính phủ quy định tổ chức các cơ quan chuyên môn", [ref("nghi_dinh","24/2014/NĐ-CP","2014-04-04","Chính phủ")]),
    # ministry công văn with issuer written
    ("Thực hiện Công văn số 1582/BKHCN-VP ngày 15/5/2024 của Bộ Khoa học và Công nghệ về việc báo cáo", [ref("cong_van","1582/BKHCN-VP","2024-05-15","Bộ Khoa học và Công nghệ")]),
    # Prime Minister approving a strategy
    ("Căn cứ Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ phê duyệt Chiến lược phát triển Chính phủ điện tử", [ref("quyet_dinh","942/QĐ-TTg","2021-06-15","Thủ tướng Chính phủ")]),
    # minister of information as issuer
    ("Thông tư số 02/2022/TT-BTTTT ngày 30/3/2022 của Bộ trưởng Bộ Thông tin và Truyền thông", [ref("thong_tu","02/2022/TT-BTTTT","2022-03-30","Bộ trưởng Bộ Thông tin và Truyền thông")]),
    # Politburo resolution
    ("Nghị quyết số 06-NQ/TW ngày 24/01/2022 của Bộ Chính trị về quy hoạch, xây dựng", [ref("nghi_quyet","06-NQ/TW","2022-01-24","Bộ Chính trị")]),
    # provincial standing committee conclusion of another province
    ("Kết luận số 123-KL/TU ngày 10/10/2023 của Ban Thường vụ Tỉnh ủy Bình Định", [ref("ket_luan","123-KL/TU","2023-10-10","Ban Thường vụ Tỉnh ủy Bình Định")]),
    # an alias that is a project's popular name
    ("triển khai Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ (sau đây gọi tắt là Đề án 06)", [ref("quyet_dinh","06/QĐ-TTg","2022-01-06","Thủ tướng Chính phủ", alias="Đề án 06")]),
    # a law's name with "theo phương thức" inside
    ("Luật Đầu tư theo phương thức đối tác công tư năm 2020", [ref("luat","luat-dau-tu-theo-phuong-thuc-doi-tac-cong-tu",None,"Quốc hội")]),
    # a short law name with its year
    ("Luật Thống kê năm 2015", [ref("luat","luat-thong-ke",None,"Quốc hội")]),
    # two decrees, one issuer
    ("Nghị định số 38/2018/NĐ-CP và Nghị định số 13/2019/NĐ-CP của Chính phủ", [ref("nghi_dinh","38/2018/NĐ-CP",None,"Chính phủ"), ref("nghi_dinh","13/2019/NĐ-CP",None,"Chính phủ")]),
    # decision of another province
    ("Quyết định số 2089/QĐ-UBND ngày 20/12/2021 của UBND tỉnh Bình Thuận phê duyệt", [ref("quyet_dinh","2089/QĐ-UBND","2021-12-20","Ủy ban nhân dân tỉnh Bình Thuận")]),
    # joint circular of two ministries: no single issuer
    ("Căn cứ Thông tư liên tịch số 29/2015/TTLT-BTC-BLĐTBXH", [ref("thong_tu_lien_tich","29/2015/TTLT-BTC-BLĐTBXH")]),
    # district plan, date in words
    ("Kế hoạch số 55/KH-UBND ngày 01 tháng 3 năm 2024 của UBND huyện Sơn Tịnh", [ref("ke_hoach","55/KH-UBND","2024-03-01","Ủy ban nhân dân huyện Sơn Tịnh")]),
    # Chairman's directive
    ("Chỉ thị số 04/CT-UBND ngày 12/02/2024 của Chủ tịch UBND tỉnh về tăng cường", [ref("chi_thi","04/CT-UBND","2024-02-12","Chủ tịch Ủy ban nhân dân tỉnh")]),
    # an article of the decision itself
    ("Điều 4. Quyết định này có hiệu lực kể từ ngày ký.", []),
    # a document's own number line
    ("Số: 123/KH-UBND", []),
    # 31 April: an impossible date
    ("Quyết định số 1234/QĐ-UBND ngày 31/4/2024", [ref("quyet_dinh","1234/QĐ-UBND",None,"Ủy ban nhân dân")]),
    # city council resolution with old-tone term and session
    ("Nghị quyết số 05/2024/NQ-HĐND ngày 10/7/2024 của Hội đồng nhân dân thành phố Đà Nẵng khoá X, kỳ họp thứ 16", [ref("nghi_quyet","05/2024/NQ-HĐND","2024-07-10","Hội đồng nhân dân thành phố Đà Nẵng")]),
    # Politburo notice
    ("Thông báo số 112-TB/TW ngày 1/8/2024 của Bộ Chính trị", [ref("thong_bao","112-TB/TW","2024-08-01","Bộ Chính trị")]),
    # health ministry circular without "số"
    ("Thông tư 37/2023/TT-BYT", [ref("thong_tu","37/2023/TT-BYT",None,"Bộ Y tế")]),
    # propaganda commission guidance by symbol
    ("Hướng dẫn số 35-HD/BTGTW", [ref("huong_dan","35-HD/BTGTW",None,"Ban Tuyên giáo Trung ương")]),
    # ministry decision with issuer written
    ("Quyết định số 1758/QĐ-BTTTT ngày 20/10/2023 của Bộ Thông tin và Truyền thông ban hành", [ref("quyet_dinh","1758/QĐ-BTTTT","2023-10-20","Bộ Thông tin và Truyền thông")]),
    # a law and a decree joined by "và"
    ("Luật Bảo vệ môi trường năm 2020 và Nghị định số 08/2022/NĐ-CP", [ref("luat","luat-bao-ve-moi-truong",None,"Quốc hội"), ref("nghi_dinh","08/2022/NĐ-CP",None,"Chính phủ")]),
    # city party committee plan
    ("Kế hoạch số 12-KH/TU ngày 5/1/2021 của Thành ủy", [ref("ke_hoach","12-KH/TU","2021-01-05","Thành ủy")]),
]

_BEFORE_WAVE2 = SEED_CASES + STATE_CASES + PARTY_CASES + LAW_CASES + ALIAS_CASES + NEGATIVE_CASES + REAL_CASES + HELDOUT_CASES


# ---- wave 2: plans and decisions of other issuers, written from their text before running ------
# Issuers: Chính phủ (Nghị quyết 12/NQ-CP, 2023), Chủ tịch UBND tỉnh Lai Châu (QĐ 2025), UBND
# TP Hồ Chí Minh (QĐ 49/2012/QĐ-UBND), UBND TP Hà Nội (QĐ 16/2025/QĐ-UBND; real fixture 10),
# UBND tỉnh Lâm Đồng (real fixtures 01-05), Chủ tịch UBND tỉnh Bình Thuận (real fixture 12),
# and companies' and offices' own number formats.
BTC_ = "Bộ Tài chính"
VPCP = "Văn phòng Chính phủ"
BCT_ = "Bộ Chính trị"
CTUB = "Chủ tịch Ủy ban nhân dân tỉnh"

WAVE2_CASES: list[tuple[str, list[Expected]]] = [
    # --- Nghị quyết 12/NQ-CP (Chính phủ)
    # the resolution's own basis: a law by name with a date in words
    ("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;", [ref("luat", "luat-to-chuc-chinh-phu", "2015-06-19", QH)]),
    # Party resolution with a date in words, issuer stops at "về"
    ("Căn cứ Nghị quyết số 15-NQ/TW ngày 05 tháng 5 năm 2022 của Bộ Chính trị về phương hướng, nhiệm vụ phát triển Thủ đô Hà Nội đến năm 2030, tầm nhìn đến năm 2045;",
     [ref("nghi_quyet", "15-NQ/TW", "2022-05-05", BCT_)]),
    # the title in capitals holds the same citation
    ("BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 15-NQ/TW NGÀY 05 THÁNG 5 NĂM 2022 CỦA BỘ CHÍNH TRỊ VỀ PHƯƠNG HƯỚNG",
     [ref("nghi_quyet", "15-NQ/TW", "2022-05-05", "BỘ CHÍNH TRỊ")]),
    # "(Ban hành kèm theo Nghị quyết số 12/NQ-CP ... của Chính phủ)": the document itself, cited as text
    ("(Ban hành kèm theo Nghị quyết số 12/NQ-CP ngày 07 tháng 02 năm 2023 của Chính phủ)", [ref("nghi_quyet", "12/NQ-CP", "2023-02-07", CP)]),
    # short form without date
    ("Chương trình hành động phải cụ thể hóa Nghị quyết số 15-NQ/TW và quán triệt định hướng phát triển", [ref("nghi_quyet", "15-NQ/TW")]),
    # decree with date in words and issuer
    ("Đẩy mạnh các hoạt động phối hợp theo Nghị định số 91/2021/NĐ-CP ngày 21 tháng 10 năm 2021 của Chính phủ quy định cơ chế phối hợp giữa các tỉnh",
     [ref("nghi_dinh", "91/2021/NĐ-CP", "2021-10-21", CP)]),
    # a National Assembly resolution cited without date
    ("Sơ kết, tổng kết việc thí điểm tổ chức mô hình chính quyền đô thị tại Nghị quyết số 97/2019/QH14 của Quốc hội để đề xuất hoàn thiện",
     [ref("nghi_quyet", "97/2019/QH14", None, QH)]),
    # with a slash date and the issuer after it
    ("thành phố Hà Nội tại Nghị quyết số 115/2020/QH14 ngày 19/6/2020 của Quốc hội để sửa đổi, bổ sung", [ref("nghi_quyet", "115/2020/QH14", "2020-06-19", QH)]),
    # "Nghị quyết này" is no citation
    ("Xây dựng và ban hành kế hoạch thực hiện Nghị quyết số 15-NQ/TW ngày 05 tháng 5 năm 2022 và Nghị quyết này của Chính phủ",
     [ref("nghi_quyet", "15-NQ/TW", "2022-05-05")]),
    # appendix cell: the issuer written with the term "khóa XIV", dropped
    ("Báo cáo sơ kết thí điểm tổ chức mô hình chính quyền đô thị tại thành phố Hà Nội theo Nghị quyết số 97/2019/QH14 ngày 27/11/2019 của Quốc hội khóa XIV",
     [ref("nghi_quyet", "97/2019/QH14", "2019-11-27", QH)]),
    ("Báo cáo tổng kết thí điểm cơ chế, chính sách tài chính - ngân sách đặc thù đối với thành phố Hà Nội theo Nghị quyết số 115/2020/QH14 ngày 19/6/2020 của Quốc hội khóa XIV",
     [ref("nghi_quyet", "115/2020/QH14", "2020-06-19", QH)]),
    # law cited by name, twice in a sentence
    ("Khẩn trương tổng kết việc thi hành Luật Thủ đô kết hợp với rà soát, hoàn thiện hệ thống pháp luật để đề xuất bổ sung, sửa đổi Luật Thủ đô theo hướng toàn diện hơn",
     [ref("luat", "luat-thu-do", None, QH), ref("luat", "luat-thu-do", None, QH)]),
    # "Dự án Luật Thủ đô (sửa đổi)": a draft, but the law's name is cited
    ("Dự án Luật Thủ đô (sửa đổi)", [ref("luat", "luat-thu-do", None, QH)]),
    # "Quyết định của Thủ tướng Chính phủ" as a product: no number, no citation
    ("Quyết định của Thủ tướng Chính phủ", []),
    # a footnote citing a congress resolution by its name: no type word with a number
    ("[1] Nghị quyết Đại hội đại biểu lần thứ XVII (nhiệm kỳ 2020-2025) Đảng bộ thành phố Hà Nội.", []),
    # --- Chủ tịch UBND tỉnh Lai Châu, QĐ 2025
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;", [ref("luat", "luat-to-chuc-chinh-quyen-dia-phuong", "2025-06-16", QH)]),
    # the document's typo "20210" for a year: no date read; issuer from the symbol
    ("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/20210 của Chính phủ về kiểm soát thủ tục hành chính;", [ref("nghi_dinh", "63/2010/NĐ-CP", None, CP)]),
    ("Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ sửa đổi, bổ sung một số điều của các Nghị định liên quan đến kiểm soát thủ tục hành chính;",
     [ref("nghi_dinh", "92/2017/NĐ-CP", "2017-08-07", CP)]),
    ("Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08 tháng 4 năm 2020 của Chính phủ về thực hiện thủ tục hành chính trên môi trường điện tử;",
     [ref("nghi_dinh", "45/2020/NĐ-CP", "2020-04-08", CP)]),
    ("Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24 tháng 6 năm 2022 của Chính phủ quy định về việc cung cấp thông tin và dịch vụ công trực tuyến",
     [ref("nghi_dinh", "42/2022/NĐ-CP", "2022-06-24", CP)]),
    ("Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa",
     [ref("nghi_dinh", "118/2025/NĐ-CP", "2025-06-09", CP)]),
    # a decree, then an article of a law by name and year
    ("Căn cứ Nghị định số 230/2025/NĐ-CP ngày 19/8/2025 của Chính phủ quy định các trường hợp khác được miễn, giảm tiền sử dụng đất, tiền thuê đất theo quy định tại khoản 2 Điều 157 Luật Đất đai năm 2024;",
     [ref("nghi_dinh", "230/2025/NĐ-CP", "2025-08-19", CP), ref("luat", "luat-dat-dai", None, QH, provision="khoản 2 Điều 157")]),
    # two circulars of the Government Office; the second cites a decree
    ("Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Văn phòng Chính phủ hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính; Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ về hướng dẫn thi hành một số quy định của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa",
     [ref("thong_tu", "02/2017/TT-VPCP", "2017-10-31", VPCP), ref("thong_tu", "01/2018/TT-VPCP", "2018-11-23", VPCP),
      ref("nghi_dinh", "61/2018/NĐ-CP", "2018-04-23", CP)]),
    # ministry decision
    ("Căn cứ Quyết định số 3083/QĐ-BTC ngày 04/9/2025 của Bộ Tài chính về việc công bố thủ tục hành chính mới ban hành",
     [ref("quyet_dinh", "3083/QĐ-BTC", "2025-09-04", BTC_)]),
    # proposal of a department: issuer written before "tại"
    ("Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 326/TTr-STC ngày 09/9/2025.", [ref("to_trinh", "326/TTr-STC", "2025-09-09", "Giám đốc Sở Tài chính")]),
    # a table cell: date in "31 tháng 122024" (no space): not a date
    ("Nghị định số 182/2024/NĐ-CP ngày 31 tháng 122024", [ref("nghi_dinh", "182/2024/NĐ-CP", None, CP)]),
    # the decision's own blank number: no citation
    ("(Ban hành kèm theo Quyết định số: QĐ-UBND ngày tháng 9 năm 2025 của Chủ tịch UBND tỉnh Lai Châu)", []),
    # --- UBND TP Hồ Chí Minh, QĐ 49/2012/QĐ-UBND
    ("Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;",
     [ref("luat", "luat-to-chuc-hoi-dong-nhan-dan-va-uy-ban-nhan-dan", "2003-11-26", QH)]),
    ("Căn cứ Luật Ngân sách nhà nước ngày 16 tháng 12 năm 2002;", [ref("luat", "luat-ngan-sach-nha-nuoc", "2002-12-16", QH)]),
    ("Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng ngày 29 tháng 6 năm 2005;",
     [ref("phap_lenh", "phap-lenh-uu-dai-nguoi-co-cong-voi-cach-mang", "2005-06-29", "Ủy ban Thường vụ Quốc hội")]),
    ("Căn cứ Nghị định số 54/2006/NĐ-CP ngày 26 tháng 5 năm 2006 của Chính phủ hướng dẫn thi hành một số điều của Pháp lệnh Ưu đãi người có công với cách mạng;",
     [ref("nghi_dinh", "54/2006/NĐ-CP", "2006-05-26", CP), ref("phap_lenh", "phap-lenh-uu-dai-nguoi-co-cong-voi-cach-mang", None, "Ủy ban Thường vụ Quốc hội")]),
    # joint circular with both issuers written
    ("Căn cứ Thông tư liên tịch số 47/2009/TTLT-BTC-BLĐTBXH ngày 11 tháng 3 năm 2009 của Bộ Tài chính - Bộ Lao động - Thương binh và Xã hội hướng dẫn cấp phát",
     [ref("thong_tu_lien_tich", "47/2009/TTLT-BTC-BLĐTBXH", "2009-03-11", "Bộ Tài chính - Bộ Lao động - Thương binh và Xã hội")]),
    # two proposals, each with its issuer written before "tại"
    ("Xét đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội tại Tờ trình số 4965/LĐTBXH-KH ngày 23 tháng 5 năm 2012 và ý kiến của Sở Tài chính tại Công văn số 9622/STC-HCSN ngày 05 tháng 10 năm 2012,",
     [ref("to_trinh", "4965/LĐTBXH-KH", "2012-05-23", "Giám đốc Sở Lao động - Thương binh và Xã hội"),
      ref("cong_van", "9622/STC-HCSN", "2012-10-05", "Sở Tài chính")]),
    # provisions before a joint circular
    ("được thực hiện theo quy định tại Điều 3, Điều 4 và Điều 6 Thông tư liên tịch số 47/2009/TTLT-BTC-BLĐTBXH ngày 11 tháng 3 năm 2009 của Bộ Tài chính, Bộ Lao động - Thương binh và Xã hội và các quy định hiện hành",
     [ref("thong_tu_lien_tich", "47/2009/TTLT-BTC-BLĐTBXH", "2009-03-11", "Bộ Tài chính, Bộ Lao động - Thương binh và Xã hội", provision="Điều 6")]),
    ("theo đúng quy định tại Điều 14 Thông tư liên tịch số 47/2009/TTLT-BTC-BLĐTBXH ngày 11 tháng 3 năm 2009 của Bộ Tài chính",
     [ref("thong_tu_lien_tich", "47/2009/TTLT-BTC-BLĐTBXH", "2009-03-11", BTC_, provision="Điều 14")]),
    # a minister as issuer
    ("theo mẫu số C74-HĐ/LĐTBXH ban hành theo Quyết định số 09/2007/QĐ-LĐTBXH ngày 30 tháng 3 năm 2007 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội.",
     [ref("quyet_dinh", "09/2007/QĐ-LĐTBXH", "2007-03-30", "Bộ trưởng Bộ Lao động - Thương binh và Xã hội")]),
    ("theo quy định tại Quyết định số 19/2006/QĐ-BTC ngày 30 tháng 3 năm 2006 của Bộ trưởng Bộ Tài chính và Quyết định số 09/2007/QĐ-LĐTBXH ngày 30 tháng 3 năm 2007 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội, gửi Sở",
     [ref("quyet_dinh", "19/2006/QĐ-BTC", "2006-03-30", "Bộ trưởng Bộ Tài chính"),
      ref("quyet_dinh", "09/2007/QĐ-LĐTBXH", "2007-03-30", "Bộ trưởng Bộ Lao động - Thương binh và Xã hội")]),
    # the decision cited in its own annex, with its issuer
    ("(Ban hành kèm theo Quyết định số 49/2012/QĐ-UBND ngày 23 tháng 10 năm 2012 của Ủy ban nhân dân Thành phố)",
     [ref("quyet_dinh", "49/2012/QĐ-UBND", "2012-10-23", "Ủy ban nhân dân Thành phố")]),
    # the law's name alone, in running text
    ("phải tuân thủ theo quy định của Luật Ngân sách nhà nước, các quy định của pháp luật hiện hành", [ref("luat", "luat-ngan-sach-nha-nuoc", None, QH)]),
    # "Quyết định giao dự toán" without number: none
    ("Căn cứ vào Quyết định giao dự toán ngân sách nhà nước hàng năm của Bộ Lao động - Thương binh và Xã hội", []),
    # --- UBND TP Hà Nội, QĐ 16/2025/QĐ-UBND
    ("Căn cứ Luật Thủ đô ngày 28 tháng 6 năm 2024;", [ref("luat", "luat-thu-do", "2024-06-28", QH)]),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;", [ref("luat", "luat-to-chuc-chinh-quyen-dia-phuong", "2025-02-19", QH)]),
    ("Căn cứ Nghị quyết số 190/2025/QH15 ngày 19 tháng 02 năm 2025 của Quốc hội quy định về xử lý một số vấn đề liên quan đến sắp xếp tổ chức bộ máy;",
     [ref("nghi_quyet", "190/2025/QH15", "2025-02-19", QH)]),
    ("Căn cứ Nghị định số 45/2025/NĐ-CP ngày 28 tháng 02 năm 2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh",
     [ref("nghi_dinh", "45/2025/NĐ-CP", "2025-02-28", CP)]),
    ("Căn cứ Thông tư số 30/2022/TT-BNNPTNT ngày 30 tháng 12 năm 2022 của Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn ban hành Thông tư hướng dẫn chức năng",
     [ref("thong_tu", "30/2022/TT-BNNPTNT", "2022-12-30", "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn")]),
    ("Căn cứ Thông tư số 05/2021/TT-BTNMT ngày 29 tháng 5 năm 2021 của Bộ Tài nguyên và Môi trường hướng dẫn chức năng, nhiệm vụ",
     [ref("thong_tu", "05/2021/TT-BTNMT", "2021-05-29", "Bộ Tài nguyên và Môi trường")]),
    # the city's own number line with blank padding: not a citation
    ("Số: 16        /2025/QĐ-UBND", []),
    # --- UBND tỉnh Lâm Đồng, real fixtures 01-05
    ("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;",
     [ref("nghi_quyet", "76/NQ-CP", "2021-07-15", CP)]),
    ("Căn cứ Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về đẩy mạnh việc thực hiện Chương trình tổng thể",
     [ref("chi_thi", "23/CT-TTg", "2021-09-02", TTG)]),
    ("Căn cứ Quyết định số 282/QĐ-TTg ngày 12/02/2026 của Thủ tướng Chính phủ về ban hành Kế hoạch cải cách hành chính nhà nước trọng tâm giai đoạn 2026 - 2030;",
     [ref("quyet_dinh", "282/QĐ-TTg", "2026-02-12", TTG)]),
    # a provision of a decree without date or issuer written: issuer from the symbol
    ("(trừ các trường hợp được quy định tại khoản 3 Điều 14 Nghị định số 118/2025/NĐ-CP của Chính phủ).",
     [ref("nghi_dinh", "118/2025/NĐ-CP", None, CP, provision="khoản 3 Điều 14")]),
    ("- Tiếp tục triển khai thực hiện Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh công bố thủ tục hành chính",
     [ref("quyet_dinh", "1441/QĐ-UBND", "2025-09-25", CTUB)]),
    # a "Phương án" of the province
    ("- Tiếp tục tổ chức thực hiện Phương án số 7178/PA-UBND ngày 14/11/2025 của Ủy ban nhân dân tỉnh về phương án tổng thể sắp xếp",
     [ref("phuong_an", "7178/PA-UBND", "2025-11-14", UBT)]),
    ("Tiếp tục triển khai thực hiện tốt Quyết định số 1737/QĐ-UBND ngày 17/10/2025 của Chủ tịch UBND tỉnh ban hành bộ chỉ số",
     [ref("quyet_dinh", "1737/QĐ-UBND", "2025-10-17", CTUB)]),
    ("kết quả đánh giá Bộ chỉ số theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ Kết quả công khai",
     [ref("quyet_dinh", "766/QĐ-TTg", "2022-06-23", TTG)]),
    # a law by name with a comma inside
    ("bảo đảm điều kiện theo quy định của Luật Phòng, chống ma túy;", [ref("luat", "luat-phong-chong-ma-tuy", None, QH)]),
    ("Tham mưu triển khai thực hiện hiệu quả Nghị quyết số 201/2023/NQ-HĐND ngày 12/7/2023 của Hội đồng nhân dân tỉnh về quy định một số chế độ",
     [ref("nghi_quyet", "201/2023/NQ-HĐND", "2023-07-12", "Hội đồng nhân dân tỉnh")]),
    ("theo quy định của Luật Ngân sách nhà nước và các văn bản hướng dẫn", [ref("luat", "luat-ngan-sach-nha-nuoc", None, QH)]),
    ("Thực hiện Kế hoạch số 9669/KH-UBND ngày 24/12/2025 của UBND tỉnh về việc ban hành Kế hoạch cải cách hành chính nhà nước năm 2026",
     [ref("ke_hoach", "9669/KH-UBND", "2025-12-24", UBT)]),
    # two citations by "và"
    ("được ban hành tại Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ và Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ",
     [ref("nghi_quyet", "76/NQ-CP", "2021-07-15", CP), ref("chi_thi", "23/CT-TTg", "2021-09-02", TTG)]),
    # a pointer cell of the task table
    ("Theo phân công tại Phương án số 7178/PA-UBND ngày 14/11/2025 của UBND tỉnh", [ref("phuong_an", "7178/PA-UBND", "2025-11-14", UBT)]),
    # --- UBND TP Hà Nội, real fixture 10
    ("Thực hiện Nghị quyết số 02-NQ/TW ngày 17/3/2026 của Bộ Chính trị về Xây dựng và phát triển Thủ đô Hà Nội trong kỷ nguyên mới, Nghị quyết số 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị về phát triển văn hoá Việt Nam, Chương trình hành động số 08-CTr/TU ngày 17/3/2026 của Thành uỷ Hà Nội thực hiện",
     [ref("nghi_quyet", "02-NQ/TW", "2026-03-17", BCT_), ref("nghi_quyet", "80-NQ/TW", "2026-01-07", BCT_),
      ref("chuong_trinh", "08-CTr/TU", "2026-03-17", "Thành ủy Hà Nội")]),
    ("Trung tâm Hoạt động Văn hóa Khoa học Văn Miếu - Quốc Tử Giám theo Quyết định số 53/2016/QĐ-UBND ngày 28/12/2016 và nguồn xã hội hoá hợp pháp khác.",
     [ref("quyet_dinh", "53/2016/QĐ-UBND", "2016-12-28", UB)]),
    ("Chủ động cân đối, bố trí kinh phí thực hiện Kế hoạch từ nguồn kinh phí đã giao tại Quyết định số 5969/QĐ-UBND ngày 28/11/2025 của UBND Thành phố;",
     [ref("quyet_dinh", "5969/QĐ-UBND", "2025-11-28", "Ủy ban nhân dân Thành phố")]),
    # "Nhà nước" capitalised: same law
    ("đảm bảo đúng quy định của Luật Ngân sách Nhà nước.", [ref("luat", "luat-ngan-sach-nha-nuoc", None, QH)]),
    # --- Chủ tịch UBND tỉnh Bình Thuận, real fixture 12
    ("Căn cứ Nghị định số 93/2019/NĐ-CP ngày 25 tháng 11 năm 2019 của Chính phủ về tổ chức, hoạt động của quỹ xã hội, quỹ từ thiện;",
     [ref("nghi_dinh", "93/2019/NĐ-CP", "2019-11-25", CP)]),
    ("Căn cứ Thông tư số 04/2020/TT-BNV ngày 13 tháng 10 năm 2020 của Bộ trưởng Bộ Nội vụ quy định chi tiết và hướng dẫn thi hành một số điều của Nghị định số 93/2019/NĐ-CP ngày 25 tháng 11 năm 2019 của Chính phủ về tổ chức",
     [ref("thong_tu", "04/2020/TT-BNV", "2020-10-13", "Bộ trưởng Bộ Nội vụ"), ref("nghi_dinh", "93/2019/NĐ-CP", "2019-11-25", CP)]),
    # an association's letter without a type code, and a department's letter
    ("Theo đề nghị của Hội Khuyến học tỉnh Bình Thuận tại Công văn số 06/KHBT ngày 21 tháng 01 năm 2022 và Giám đốc Sở Nội vụ tại Công văn số 437/SNV-TCCC ngày 03 tháng 3 năm 2022.",
     [ref("cong_van", "06/KHBT", "2022-01-21", "Hội Khuyến học tỉnh Bình Thuận"), ref("cong_van", "437/SNV-TCCC", "2022-03-03", "Giám đốc Sở Nội vụ")]),
    ("Điều lệ này thay thế Điều lệ được công nhận tại Quyết định số 2221/QĐ-UBND ngày 24 tháng 8 năm 2015 của Chủ tịch Ủy ban nhân dân tỉnh về việc cấp giấy phép",
     [ref("quyet_dinh", "2221/QĐ-UBND", "2015-08-24", CTUB)]),
    # --- issue 12: formats that lost citations
    # a stray space before the hyphen of the symbol
    ("Xét đề nghị của Sở Công Thương tại Tờ trình số 1856/TTr -SCT ngày 12/8/2025", [ref("to_trinh", "1856/TTr-SCT", "2025-08-12", "Sở Công Thương")]),
    ("Tờ trình số 1856/TTr -SCT ngày 12/8/2025 của Sở Công Thương", [ref("to_trinh", "1856/TTr-SCT", "2025-08-12", "Sở Công Thương")]),
    # neighbours: a space after the hyphen, and a space on both sides
    ("Công văn số 245/SNV- TCBC ngày 03/3/2025 của Sở Nội vụ", [ref("cong_van", "245/SNV-TCBC", "2025-03-03", "Sở Nội vụ")]),
    ("Quyết định số 1200/QĐ - UBND ngày 05/6/2025 của UBND tỉnh", [ref("quyet_dinh", "1200/QĐ-UBND", "2025-06-05", UBT)]),
    # a doubled "số" keeps the law
    ("Căn cứ Luật số số 12/2023/QH15 ngày 20/6/2023", [ref("luat", "12/2023/QH15", "2023-06-20", QH)]),
    ("theo Nghị định số số 45/2025/NĐ-CP của Chính phủ", [ref("nghi_dinh", "45/2025/NĐ-CP", None, CP)]),
    # companies' and other offices' letter numbers
    ("Công văn số 2345/EVNHANOI-KD ngày 12/3/2024 của Tổng Công ty Điện lực Hà Nội", [ref("cong_van", "2345/EVNHANOI-KD", "2024-03-12", "Tổng Công ty Điện lực Hà Nội")]),
    ("Công văn số 05/CTy-KH ngày 01/02/2024 của Công ty Cổ phần Cấp nước", [ref("cong_van", "05/CTy-KH", "2024-02-01", "Công ty Cổ phần Cấp nước")]),
    ("Công văn số 47a/CV-VNPT ngày 03/4/2024", [ref("cong_van", "47a/CV-VNPT", "2024-04-03")]),
    ("Công văn số 123/2024/CV-VNPT", [ref("cong_van", "123/2024/CV-VNPT")]),
    ("Thông báo số 12/TB-BQLDA ngày 05/5/2024 của Ban Quản lý dự án", [ref("thong_bao", "12/TB-BQLDA", "2024-05-05", "Ban Quản lý dự án")]),
    ("Công văn số 1.234/BHXH-CSXH ngày 10/10/2024 của Bảo hiểm xã hội tỉnh", [ref("cong_van", "1.234/BHXH-CSXH", "2024-10-10", "Bảo hiểm xã hội tỉnh")]),
    ("Báo cáo số 88/BC-ĐLLĐ ngày 30/6/2025 của Công ty Điện lực Lâm Đồng", [ref("bao_cao", "88/BC-ĐLLĐ", "2025-06-30", "Công ty Điện lực Lâm Đồng")]),
    ("Công văn số 3398/STC-QLNS ngày 15/11/2024 của Sở Tài chính", [ref("cong_van", "3398/STC-QLNS", "2024-11-15", "Sở Tài chính")]),
    ("Hợp đồng số 01/2024/HĐKT", []),  # a contract is not a cited document type here
    # law names with "và" and a lower-case word are not truncated
    ("Căn cứ Luật Địa chất và khoáng sản ngày 29 tháng 11 năm 2024;", [ref("luat", "luat-dia-chat-va-khoang-san", "2024-11-29", QH)]),
    ("theo quy định của Luật Địa chất và khoáng sản", [ref("luat", "luat-dia-chat-va-khoang-san", None, QH)]),
    ("Luật Tài nguyên, môi trường biển và hải đảo năm 2015", [ref("luat", "luat-tai-nguyen-moi-truong-bien-va-hai-dao", None, QH)]),
    ("Luật Phòng, chống tác hại của rượu, bia", [ref("luat", "luat-phong-chong-tac-hai-cua-ruou-bia", None, QH)]),
    ("Luật Khoa học, công nghệ và đổi mới sáng tạo ngày 27/6/2025", [ref("luat", "luat-khoa-hoc-cong-nghe-va-doi-moi-sang-tao", "2025-06-27", QH)]),
    ("Luật Đất đai và các văn bản hướng dẫn thi hành", [ref("luat", "luat-dat-dai", None, QH)]),  # "và các" ends the name
    ("Luật Bảo vệ môi trường và Luật Đất đai", [ref("luat", "luat-bao-ve-moi-truong", None, QH), ref("luat", "luat-dat-dai", None, QH)]),  # two laws
    ("Luật Giáo dục và quy định có liên quan", [ref("luat", "luat-giao-duc", None, QH)]),  # "quy định" ends the name
    ("Luật Trật tự, an toàn giao thông đường bộ năm 2024", [ref("luat", "luat-trat-tu-an-toan-giao-thong-duong-bo", None, QH)]),
    ("Luật Tổ chức chính quyền địa phương và Luật Cán bộ, công chức", [ref("luat", "luat-to-chuc-chinh-quyen-dia-phuong", None, QH), ref("luat", "luat-can-bo-cong-chuc", None, QH)]),
    ("Luật Thực hành tiết kiệm, chống lãng phí", [ref("luat", "luat-thuc-hanh-tiet-kiem-chong-lang-phi", None, QH)]),
    ("Luật Phòng, chống thiên tai và Luật Đê điều", [ref("luat", "luat-phong-chong-thien-tai", None, QH), ref("luat", "luat-de-dieu", None, QH)]),
]

# --- Bộ Tài chính, Thông tư 101/2018/TT-BTC (preamble and Điều 1-7), written from its text
TTG_ = TTG
BTC_CASES: list[tuple[str, list[Expected]]] = [
    # an ordinance and its amending ordinance, the title in lower case after the type word
    ("Căn cứ Pháp lệnh ưu đãi người có công với cách mạng ngày 29 tháng 6 năm 2005 và Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh ưu đãi người có công với cách mạng ngày 16 tháng 7 năm 2012;",
     [ref("phap_lenh", "phap-lenh-uu-dai-nguoi-co-cong-voi-cach-mang", "2005-06-29", "Ủy ban Thường vụ Quốc hội"),
      ref("phap_lenh", "phap-lenh-sua-doi-bo-sung-mot-so-dieu-cua-phap-lenh-uu-dai-nguoi-co-cong-voi-cach-mang", "2012-07-16", "Ủy ban Thường vụ Quốc hội")]),
    # a law's title in lower case, dated
    ("Căn cứ Luật ngân sách nhà nước ngày 25 tháng 6 năm 2015;", [ref("luat", "luat-ngan-sach-nha-nuoc", "2015-06-25", QH)]),
    # an alias that is the code itself: the definition writes the document once more
    ("Căn cứ Nghị định số 23/1999/NĐ-CP ngày 15 tháng 4 năm 1999 của Chính phủ về chế độ đối với quân nhân, cán bộ đi chiến trường B,C, K trong thời kỳ chống Mỹ cứu nước không có thân nhân phải trực tiếp nuôi dưỡng và quân nhân, cán bộ được Đảng cử ở lại miền Nam sau Hiệp định Giơnevơ năm 1954 (sau đây viết tắt là Nghị định số 23/1999/NĐ-CP);",
     [ref("nghi_dinh", "23/1999/NĐ-CP", "1999-04-15", CP, alias="Nghị định số 23/1999/NĐ-CP"), ref("nghi_dinh", "23/1999/NĐ-CP", None, CP)]),
    ("Căn cứ Nghị định số 163/2016/NĐ-CP ngày 21 tháng 12 năm 2016 của Chính phủ quy định chi tiết thi hành một số điều của Luật ngân sách nhà nước;",
     [ref("nghi_dinh", "163/2016/NĐ-CP", "2016-12-21", CP)]),  # the lower-case law title here has no date: not read
    ("Căn cứ Nghị định số 87/2017/NĐ-CP ngày 26 tháng 7 năm 2017 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tài chính;",
     [ref("nghi_dinh", "87/2017/NĐ-CP", "2017-07-26", CP)]),
    # a one-digit day in words
    ("Căn cứ Nghị định số 112/2017/NĐ-CP ngày 6 tháng 10 năm 2017 của Chính phủ quy định về chế độ, chính sách đối với thanh niên xung phong cơ sở ở miền Nam tham gia kháng chiến giai đoạn 1965-1975 (sau đây viết tắt là Nghị định số 112/2017/NĐ-CP);",
     [ref("nghi_dinh", "112/2017/NĐ-CP", "2017-10-06", CP, alias="Nghị định số 112/2017/NĐ-CP"), ref("nghi_dinh", "112/2017/NĐ-CP", None, CP)]),
    # two decisions, each with its alias; the second amends the first
    ("Căn cứ Quyết định số 290/2005/QĐ-TTg ngày 08 tháng 11 năm 2005 của Thủ tướng Chính phủ về chế độ, chính sách đối với một số đối tượng (sau đây viết tắt là Quyết định số 290/2005/QĐ-TTg) và Quyết định số 188/2007/QĐ-TTg ngày 06 tháng 12 năm 2007 của Thủ tướng Chính phủ về việc sửa đổi, bổ sung Quyết định số 290/2005/QĐ-TTg (sau đây viết tắt là Quyết định số 188/2007/QĐ-TTg);",
     [ref("quyet_dinh", "290/2005/QĐ-TTg", "2005-11-08", TTG_, alias="Quyết định số 290/2005/QĐ-TTg"), ref("quyet_dinh", "290/2005/QĐ-TTg", None, TTG_),
      ref("quyet_dinh", "188/2007/QĐ-TTg", "2007-12-06", TTG_, alias="Quyết định số 188/2007/QĐ-TTg"), ref("quyet_dinh", "290/2005/QĐ-TTg", None, TTG_),
      ref("quyet_dinh", "188/2007/QĐ-TTg", None, TTG_)]),
    ("Căn cứ Quyết định số 170/2008/QĐ-TTg ngày 18 tháng 12 năm 2008 của Thủ tướng Chính phủ về chế độ bảo hiểm y tế và trợ cấp mai táng (sau đây viết tắt là Quyết định số 170/2008/QĐ-TTg);",
     [ref("quyet_dinh", "170/2008/QĐ-TTg", "2008-12-18", TTG_, alias="Quyết định số 170/2008/QĐ-TTg"), ref("quyet_dinh", "170/2008/QĐ-TTg", None, TTG_)]),
    ("Căn cứ Quyết định số 53/2010/QĐ-TTg ngày 20 tháng 8 năm 2010 của Thủ tướng Chính phủ quy định về chế độ đối với cán bộ, chiến sỹ Công an nhân dân (sau đây viết tắt là Quyết định số 53/2010/QĐ-TTg);",
     [ref("quyet_dinh", "53/2010/QĐ-TTg", "2010-08-20", TTG_, alias="Quyết định số 53/2010/QĐ-TTg"), ref("quyet_dinh", "53/2010/QĐ-TTg", None, TTG_)]),
    ("Căn cứ Quyết định số 40/2011/QĐ-TTg ngày 27 tháng 7 năm 2011 của Thủ tướng Chính phủ quy định về chế độ đối với thanh niên xung phong đã hoàn thành nhiệm vụ trong kháng chiến (sau đây viết tắt là Quyết định số 40/2011/QĐ-TTg);",
     [ref("quyet_dinh", "40/2011/QĐ-TTg", "2011-07-27", TTG_, alias="Quyết định số 40/2011/QĐ-TTg"), ref("quyet_dinh", "40/2011/QĐ-TTg", None, TTG_)]),
    # a date inside the subject ("sau ngày 30 tháng 4 năm 1975") is not the decision's
    ("Căn cứ Quyết định số 62/2011/QĐ-TTg ngày 09 tháng 11 năm 2011 của Thủ tướng Chính phủ về chế độ, chính sách đối với đối tượng tham gia chiến tranh bảo vệ Tổ quốc, làm nhiệm vụ quốc tế ở Căm-pu-chi-a, giúp bạn Lào sau ngày 30 tháng 4 năm 1975 đã phục viên",
     [ref("quyet_dinh", "62/2011/QĐ-TTg", "2011-11-09", TTG_)]),
    # the proposal of a unit of the ministry: no document cited
    ("Theo đề nghị của Vụ trưởng Vụ Tài chính hành chính sự nghiệp;", []),
    # "Thông tư này" is the document itself
    ("Thông tư này quy định về quản lý và sử dụng kinh phí thực hiện chính sách ưu đãi người có công", []),
    # a provision of an aliased decree, cited by its short form
    ("a) Kinh phí xây dựng, cải tạo, nâng cấp công trình ghi công liệt sĩ theo quy định tại khoản 4 Điều 61 Nghị định số 31/2013/NĐ-CP;",
     [ref("nghi_dinh", "31/2013/NĐ-CP", None, CP, provision="khoản 4 Điều 61")]),
    # a space before ";" after a symbol
    ("thuộc đối tượng trợ cấp hàng tháng theo Quyết định số 40/2011/QĐ-TTg ; thanh niên xung phong cơ sở ở miền Nam tham gia kháng chiến thuộc đối tượng trợ cấp hàng tháng theo Nghị định số 112/2017/NĐ-CP ;",
     [ref("quyet_dinh", "40/2011/QĐ-TTg", None, TTG_), ref("nghi_dinh", "112/2017/NĐ-CP", None, CP)]),
    ("c) Kinh phí chi trả trợ cấp một lần theo Quyết định số 24/2016/QĐ-TTg ngày 14 tháng 6 năm 2016 của Thủ tướng Chính phủ về trợ cấp một lần",
     [ref("quyet_dinh", "24/2016/QĐ-TTg", "2016-06-14", TTG_)]),
    # a date with a leading zero in the month written in words ("tháng 05")
    ("theo Nghị định số 56/2013/NĐ-CP ngày 22 tháng 05 năm 2013 của Chính phủ quy định chi tiết và hướng dẫn thi hành Pháp lệnh quy định danh hiệu",
     [ref("nghi_dinh", "56/2013/NĐ-CP", "2013-05-22", CP)]),
    # "các Quyết định: số A, số B, ...": a list of numbers after one type word
    ("theo quy định tại các Quyết định: số 290/2005/QĐ-TTg , số 188/2007/QĐ-TTg , số 142/2008/QĐ-TTg",
     [ref("quyet_dinh", "290/2005/QĐ-TTg", None, TTG_), ref("quyet_dinh", "188/2007/QĐ-TTg", None, TTG_), ref("quyet_dinh", "142/2008/QĐ-TTg", None, TTG_)]),
    ("Nghị định số 150/2006/NĐ-CP ngày 12 tháng 12 năm 2006 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều Pháp lệnh Cựu chiến binh và Nghị định số 157/2016/NĐ-CP ngày 24 tháng 11 năm 2016 của Chính phủ sửa đổi, bổ sung Nghị định số 150/2006/NĐ-CP;",
     [ref("nghi_dinh", "150/2006/NĐ-CP", "2006-12-12", CP), ref("phap_lenh", "phap-lenh-cuu-chien-binh", None, "Ủy ban Thường vụ Quốc hội"),
      ref("nghi_dinh", "157/2016/NĐ-CP", "2016-11-24", CP), ref("nghi_dinh", "150/2006/NĐ-CP", None, CP)]),
    ("e) Chế độ mai táng phí đối với thanh niên xung phong cơ sở ở miền Nam tham gia kháng chiến theo Nghị định số 112/2017/NĐ-CP .",
     [ref("nghi_dinh", "112/2017/NĐ-CP", None, CP)]),
    # two laws by name, capitalised, in running text
    ("3. Việc quản lý, sử dụng, hạch toán kế toán và quyết toán kinh phí thực hiện theo quy định của Luật Ngân sách nhà nước, Luật Kế toán, các văn bản hướng dẫn",
     [ref("luat", "luat-ngan-sach-nha-nuoc", None, QH), ref("luat", "luat-ke-toan", None, QH)]),
    # "Điều 1 Pháp lệnh sửa đổi ...": a provision of the amending ordinance, dated
    ("1. Chi chế độ trợ cấp hàng tháng đối với các đối tượng theo quy định tại Điều 1 Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh ưu đãi người có công với cách mạng ngày 16 tháng 7 năm 2012.",
     [ref("phap_lenh", "phap-lenh-sua-doi-bo-sung-mot-so-dieu-cua-phap-lenh-uu-dai-nguoi-co-cong-voi-cach-mang", "2012-07-16", "Ủy ban Thường vụ Quốc hội", provision="Điều 1")]),
    ("- Quân nhân tham gia kháng chiến chống Mỹ cứu nước theo Quyết định số 142/2008/QĐ-TTg và Quyết định số 38/2010/QĐ-TTg ;",
     [ref("quyet_dinh", "142/2008/QĐ-TTg", None, TTG_), ref("quyet_dinh", "38/2010/QĐ-TTg", None, TTG_)]),
    ("- Người được cử làm chuyên gia sang giúp Lào và Căm-pu-chi-a theo Quyết định số 57/2013/QĐ-TTg và Quyết định số 62/2015/QĐ-TTg ;",
     [ref("quyet_dinh", "57/2013/QĐ-TTg", None, TTG_), ref("quyet_dinh", "62/2015/QĐ-TTg", None, TTG_)]),
    # provisions with "điểm"
    ("a) Mức chi thực hiện theo quy định tại điểm b khoản 3 Điều 53 Nghị định số 31/2013/NĐ-CP;",
     [ref("nghi_dinh", "31/2013/NĐ-CP", None, CP, provision="điểm b khoản 3 Điều 53")]),
    ("a) Mức chi thực hiện theo quy định tại điểm a khoản 3 Điều 53 Nghị định số 31/2013/NĐ-CP, bao gồm:",
     [ref("nghi_dinh", "31/2013/NĐ-CP", None, CP, provision="điểm a khoản 3 Điều 53")]),
    # "khoản 1 Điều 4 Thông tư này": the document itself
    ("quy định tại khoản 1 Điều 4 Thông tư này (trừ những người đồng thời đang tham gia bảo hiểm xã hội bắt buộc)", []),
    ("thanh niên xung phong thời kỳ kháng chiến chống Pháp theo Quyết định số 170/2008/QĐ-TTg .", [ref("quyet_dinh", "170/2008/QĐ-TTg", None, TTG_)]),
]

# --- more neighbours of issue 12's citation formats
FORMAT_CASES: list[tuple[str, list[Expected]]] = [
    ("Kế hoạch số 45/KH -UBND ngày 10/02/2025 của UBND tỉnh", [ref("ke_hoach", "45/KH-UBND", "2025-02-10", UBT)]),  # stray space, plan
    ("Công văn số 512/UBND -KT ngày 01/4/2025", [ref("cong_van", "512/UBND-KT", "2025-04-01", UB)]),  # stray space, letter
    ("Quyết định số số 88/QĐ-UBND ngày 12/01/2025 của Chủ tịch UBND tỉnh", [ref("quyet_dinh", "88/QĐ-UBND", "2025-01-12", CTUB)]),  # doubled "số"
    ("Thông báo số 1234/TB-EVNCPC ngày 20/5/2025 của Tổng công ty Điện lực miền Trung", [ref("thong_bao", "1234/TB-EVNCPC", "2025-05-20", "Tổng công ty Điện lực miền Trung")]),  # company
    ("Công văn số 321/VNPT-KHDN ngày 02/6/2025 của Tập đoàn Bưu chính Viễn thông Việt Nam", [ref("cong_van", "321/VNPT-KHDN", "2025-06-02", "Tập đoàn Bưu chính Viễn thông Việt Nam")]),  # state group
    ("Công văn số 77/CV-HTX ngày 14/3/2025 của Hợp tác xã Nông nghiệp Đức Trọng", [ref("cong_van", "77/CV-HTX", "2025-03-14", "Hợp tác xã Nông nghiệp Đức Trọng")]),  # cooperative
    ("Tờ trình số 15a/TTr-BQL ngày 08/8/2025 của Ban Quản lý các khu công nghiệp", [ref("to_trinh", "15a/TTr-BQL", "2025-08-08", "Ban Quản lý các khu công nghiệp")]),  # letter after the number
    ("Báo cáo số 2.105/BC-STC ngày 30/9/2025 của Sở Tài chính", [ref("bao_cao", "2.105/BC-STC", "2025-09-30", "Sở Tài chính")]),  # thousands dot
    ("Công văn số 890/BHXH-TST ngày 11/7/2025 của Bảo hiểm xã hội tỉnh Lâm Đồng", [ref("cong_van", "890/BHXH-TST", "2025-07-11", "Bảo hiểm xã hội tỉnh Lâm Đồng")]),  # social insurance
    ("Công văn số 456/CAT-PV01 ngày 03/10/2025 của Công an tỉnh", [ref("cong_van", "456/CAT-PV01", "2025-10-03", "Công an tỉnh")]),  # police unit code with digits
    ("Công văn số 1001/TCT-CS ngày 15/4/2024 của Tổng cục Thuế", [ref("cong_van", "1001/TCT-CS", "2024-04-15", "Tổng cục Thuế")]),  # tax general department
    ("Luật Địa chất và khoáng sản số 54/2024/QH15", [ref("luat", "54/2024/QH15", None, QH)]),  # name then number: one law by its code
    ("Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025", [ref("luat", "72/2025/QH15", "2025-06-16", QH)]),  # name, number, date
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;", [ref("luat", "luat-ban-hanh-van-ban-quy-pham-phap-luat", "2025-02-19", QH)]),  # 2025 law
    ("Luật Cán bộ, công chức và Luật Viên chức", [ref("luat", "luat-can-bo-cong-chuc", None, QH), ref("luat", "luat-vien-chuc", None, QH)]),  # comma inside
    ("Luật Quản lý, sử dụng tài sản công năm 2017", [ref("luat", "luat-quan-ly-su-dung-tai-san-cong", None, QH)]),  # comma inside
    ("Luật Thi đua, khen thưởng năm 2022", [ref("luat", "luat-thi-dua-khen-thuong", None, QH)]),  # comma inside
    ("Luật Đất đai, các văn bản hướng dẫn", [ref("luat", "luat-dat-dai", None, QH)]),  # a stop word after the comma ends it
    ("Luật Đầu tư, Luật Doanh nghiệp", [ref("luat", "luat-dau-tu", None, QH), ref("luat", "luat-doanh-nghiep", None, QH)]),  # two laws
    # NQ 12/NQ-CP, Điều 3 and III: the resolution names itself, then the Politburo's
    ("Tăng cường theo dõi, đôn đốc, kiểm điểm về tình hình triển khai thực hiện Nghị quyết số 15-NQ/TW ngày 05 tháng 5 năm 2022 của Bộ Chính trị và Nghị quyết này của Chính phủ;",
     [ref("nghi_quyet", "15-NQ/TW", "2022-05-05", BCT_)]),
    ("triển khai thực hiện Nghị quyết 15-NQ/TW ngày 05 tháng 5 năm 2022 và Nghị quyết này của Chính phủ.", [ref("nghi_quyet", "15-NQ/TW", "2022-05-05")]),  # without "số"
    ("các mục tiêu, nhiệm vụ và giải pháp chủ yếu tại Nghị quyết số 15-NQ/TW ngày 05 tháng 5 năm 2022 của Bộ Chính trị về phương hướng",
     [ref("nghi_quyet", "15-NQ/TW", "2022-05-05", BCT_)]),
    # the Lai Châu annex table cell: a decree in the "Căn cứ pháp lý" column
    ("Nghị định số 182/2024/NĐ-CP ngày 31 tháng 12 năm 2024", [ref("nghi_dinh", "182/2024/NĐ-CP", "2024-12-31", CP)]),
    # Thông tư 101/2018: the document's own number in its header line is not a citation
    ("Số: 101/2018/TT-BTC", []),
    # the title line quotes the circular by its number, with its type word
    ("Thông tư số 101/2018/TT-BTC quy định quản lý và sử dụng kinh phí", [ref("thong_tu", "101/2018/TT-BTC", None, "Bộ Tài chính")]),
    ("Quyết định số 49/2015/QĐ-TTg ngày 14 tháng 10 năm 2015 của Thủ tướng Chính phủ về một số chế độ, chính sách đối với dân công hỏa tuyến",
     [ref("quyet_dinh", "49/2015/QĐ-TTg", "2015-10-14", TTG)]),
    ("Căn cứ Quyết định số 142/2008/QĐ-TTg ngày 27 tháng 10 năm 2008 của Thủ tướng Chính phủ về thực hiện chế độ đối với quân nhân (sau đây viết tắt là Quyết định số 142/2008/QĐ-TTg) và Quyết định số 38/2010/QĐ-TTg ngày 06 tháng 5 năm 2010 của Thủ tướng Chính phủ về việc sửa đổi, bổ sung Quyết định số 142/2008/QĐ-TTg (sau đây viết tắt là Quyết định số 38/2010/QĐ-TTg);",
     [ref("quyet_dinh", "142/2008/QĐ-TTg", "2008-10-27", TTG, alias="Quyết định số 142/2008/QĐ-TTg"), ref("quyet_dinh", "142/2008/QĐ-TTg", None, TTG),
      ref("quyet_dinh", "38/2010/QĐ-TTg", "2010-05-06", TTG, alias="Quyết định số 38/2010/QĐ-TTg"), ref("quyet_dinh", "142/2008/QĐ-TTg", None, TTG),
      ref("quyet_dinh", "38/2010/QĐ-TTg", None, TTG)]),
]

CASES: list[tuple[str, list[Expected]]] = _BEFORE_WAVE2 + WAVE2_CASES + BTC_CASES + FORMAT_CASES

# Known misses: text -> why (each stays a strict xfail until it is fixed).
KNOWN_MISSES: dict[str, str] = {}
