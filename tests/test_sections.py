"""Tests for pipeline.structure.sections: numbering styles and the heading tree."""
from __future__ import annotations

import pytest

from pipeline.ir import Paragraph
from pipeline.structure.sections import Numbered, build_sections, match_numbering
from pipeline.structure.types import RawSection
from ir_builders import para

# (paragraph text, (style, label, rest) or None)
NUMBERING_CASES = [
    ("I. MỤC ĐÍCH, YÊU CẦU", ("roman", "I", "MỤC ĐÍCH, YÊU CẦU")),  # Roman section
    ("III.TỔ CHỨC THỰC HIỆN", ("roman", "III", "TỔ CHỨC THỰC HIỆN")),  # no space after the dot
    ("1. Mục đích", ("arabic", "1", "Mục đích")),  # arabic subsection
    ("12.Yêu cầu", ("arabic", "12", "Yêu cầu")),  # two digits, no space
    ("1.1. Rà soát quy định", ("dotted", "1.1", "Rà soát quy định")),  # dotted with a final dot
    ("2.3 Đào tạo", ("dotted", "2.3", "Đào tạo")),  # dotted without a final dot
    ("a) Nội dung", ("letter", "a", "Nội dung")),  # letter item
    ("đ) Việc thứ năm", ("letter", "đ", "Việc thứ năm")),  # Vietnamese letter đ
    ("A. KẾT QUẢ THỰC HIỆN", ("upper_letter", "A", "KẾT QUẢ THỰC HIỆN")),  # part letter
    ("Điều 1. Ban hành kèm theo Quyết định này", ("dieu", "Điều 1", "Ban hành kèm theo Quyết định này")),  # article
    ("Điều 2: Hiệu lực", ("dieu", "Điều 2", "Hiệu lực")),  # article with a colon
    ("Chương II. QUY ĐỊNH CỤ THỂ", ("chuong", "Chương II", "QUY ĐỊNH CỤ THỂ")),  # chapter
    ("Mục 1. Quy định chung", ("muc", "Mục 1", "Quy định chung")),  # section of a chapter
    ("- Tăng cường sự lãnh đạo", None),  # dash bullet is not numbering
    ("+ Rà soát", None),  # plus bullet is not numbering
    ("Căn cứ Luật Tổ chức chính quyền địa phương", None),  # plain text
    ("2025 là năm bản lề", None),  # a year is not a number label
    pytest.param("C. TỔ CHỨC THỰC HIỆN", ("upper_letter", "C", "TỔ CHỨC THỰC HIỆN")),  # part C
]


@pytest.mark.parametrize("text, expected", NUMBERING_CASES)
def test_match_numbering(text: str, expected: tuple[str, str, str] | None) -> None:
    assert match_numbering(text) == (Numbered(*expected) if expected else None)


def _tree(sections: list[RawSection]) -> list[tuple]:
    """(number, title, level, paragraphs, children) all the way down."""
    return [(s.number, s.title, s.level, s.paragraphs, _tree(s.children)) for s in sections]


def _build(paragraphs: list[Paragraph]) -> tuple[list[str], list[tuple]]:
    preamble, roots = build_sections(paragraphs)
    return preamble, _tree(roots)


def test_roman_arabic_letter_nesting_with_bullets() -> None:
    paragraphs = [
        para("Thực hiện Kết luận số 69-KL/TW, UBND tỉnh ban hành Kế hoạch như sau:"),
        para("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
        para("1. Mục đích", bold=True),
        para("Xác định các nhiệm vụ trọng tâm."),
        para("2. Yêu cầu", bold=True),
        para("a) Về nội dung", italic=True),
        para("- Bám sát Kết luận;"),
        para("+ Cụ thể hóa thành nhiệm vụ."),
        para("b) Về tiến độ", italic=True),
        para("II. NHIỆM VỤ VÀ GIẢI PHÁP", bold=True),
        para("1. Tăng cường sự lãnh đạo", bold=True),
    ]
    assert _build(paragraphs) == (
        ["Thực hiện Kết luận số 69-KL/TW, UBND tỉnh ban hành Kế hoạch như sau:"],
        [
            ("I", "MỤC ĐÍCH, YÊU CẦU", 1, [], [
                ("1", "Mục đích", 2, ["Xác định các nhiệm vụ trọng tâm."], []),
                ("2", "Yêu cầu", 2, [], [
                    ("a", "Về nội dung", 3, ["- Bám sát Kết luận;", "+ Cụ thể hóa thành nhiệm vụ."], []),
                    ("b", "Về tiến độ", 3, [], []),
                ]),
            ]),
            ("II", "NHIỆM VỤ VÀ GIẢI PHÁP", 1, [], [
                ("1", "Tăng cường sự lãnh đạo", 2, [], []),
            ]),
        ],
    )


def test_plan_starting_at_arabic_numbers() -> None:
    # no Roman part: "1." is level 1, "1.1." level 2, "a)" level 3, back to "2." at level 1
    paragraphs = [
        para("1. Mục tiêu", bold=True),
        para("Nâng cao tiềm lực khoa học."),
        para("1.1. Mục tiêu chung", bold=True),
        para("a) Đến năm 2025"),
        para("2. Giải pháp", bold=True),
    ]
    assert _build(paragraphs) == ([], [
        ("1", "Mục tiêu", 1, ["Nâng cao tiềm lực khoa học."], [
            ("1.1", "Mục tiêu chung", 2, [], [("a", "Đến năm 2025", 3, [], [])]),
        ]),
        ("2", "Giải pháp", 1, [], []),
    ])


def test_numbered_body_paragraphs_and_the_paragraph_after_them() -> None:
    # long plain numbered paragraphs are text, not headings; the closing plain paragraph goes to the parent
    first = ("Trên cơ sở các nhiệm vụ và giải pháp đề ra, yêu cầu Thủ trưởng các sở, ban ngành xây dựng Kế "
             "hoạch tổ chức triển khai thực hiện phù hợp với chức năng, nhiệm vụ của cơ quan, đơn vị.")
    paragraphs = [
        para("III. TỔ CHỨC THỰC HIỆN", bold=True),
        para("1. " + first),
        para("2. Hằng năm, các sở lập dự toán kinh phí thực hiện:"),
        para("- Gửi Sở Tài chính thẩm định;"),
        para("Trong quá trình thực hiện, nếu có vướng mắc, kịp thời báo cáo UBND tỉnh./."),
    ]
    assert _build(paragraphs) == ([], [
        ("III", "TỔ CHỨC THỰC HIỆN", 1,
         ["Trong quá trình thực hiện, nếu có vướng mắc, kịp thời báo cáo UBND tỉnh./."], [
             ("1", None, 2, [first], []),
             ("2", None, 2, ["Hằng năm, các sở lập dự toán kinh phí thực hiện:", "- Gửi Sở Tài chính thẩm định;"],
              []),
         ]),
    ])


def test_numbered_paragraph_before_any_heading_is_preamble() -> None:
    # a plain numbered sentence ahead of the first heading is not a section
    paragraphs = [para("1. Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;"),
                  para("I. MỤC ĐÍCH", bold=True)]
    assert _build(paragraphs) == (["1. Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;"],
                                  [("I", "MỤC ĐÍCH", 1, [], [])])


def test_decision_articles() -> None:
    # "Điều N." opens sections even as plain text; its sentence is a paragraph, not a title
    paragraphs = [
        para("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
        para("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện."),
        para("Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
        para("Điều 3. Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở chịu trách nhiệm thi hành Quyết định này./."),
    ]
    assert _build(paragraphs) == (
        ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"],
        [
            ("Điều 1", None, 1, ["Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện."], []),
            ("Điều 2", None, 1, ["Quyết định này có hiệu lực kể từ ngày ký."], []),
            ("Điều 3", None, 1,
             ["Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở chịu trách nhiệm thi hành Quyết định này./."], []),
        ],
    )


def test_article_headings_with_clauses() -> None:
    # bold article titles with numbered clauses under them
    paragraphs = [
        para("Điều 1. Phạm vi điều chỉnh", bold=True),
        para("1. Quy chế này quy định việc phối hợp giữa các cơ quan trong tỉnh."),
        para("Điều 2. Đối tượng áp dụng", bold=True),
    ]
    assert _build(paragraphs) == ([], [
        ("Điều 1", "Phạm vi điều chỉnh", 1, [], [
            ("1", None, 2, ["Quy chế này quy định việc phối hợp giữa các cơ quan trong tỉnh."], []),
        ]),
        ("Điều 2", "Đối tượng áp dụng", 1, [], []),
    ])


def test_lettered_parts_a_b_c() -> None:
    paragraphs = [
        para("A. KẾT QUẢ THỰC HIỆN", bold=True),
        para("I. Công tác chỉ đạo", bold=True),
        para("B. NHIỆM VỤ NĂM 2025", bold=True),
        para("I. Nhiệm vụ chung", bold=True),
        para("C. TỔ CHỨC THỰC HIỆN", bold=True),
    ]
    assert [(number, title) for number, title, *_ in _build(paragraphs)[1]] == [
        ("A", "KẾT QUẢ THỰC HIỆN"), ("B", "NHIỆM VỤ NĂM 2025"), ("C", "TỔ CHỨC THỰC HIỆN")]


def test_chapter_named_on_the_line_under_its_label() -> None:
    """A law's "Chương I" / "NHỮNG QUY ĐỊNH CHUNG": the upper-case line is the chapter's name;
    an upper-case line after the chapter has text is a paragraph of it."""
    paragraphs = [para("Chương I", bold=True), para("NHỮNG QUY ĐỊNH CHUNG", bold=True), para("Điều 1. Phạm vi"),
                  para("Luật này quy định về lưu trữ."), para("Chương II", bold=True), para("Lời nói đầu"),
                  para("GHI CHÚ IN HOA")]
    _, roots = build_sections(paragraphs)
    assert [(s.number, s.title, s.paragraphs) for s in roots] == [
        ("Chương I", "NHỮNG QUY ĐỊNH CHUNG", []), ("Chương II", "", ["Lời nói đầu", "GHI CHÚ IN HOA"])]
    assert roots[0].children[0].number == "Điều 1"
