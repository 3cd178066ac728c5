"""Tests for pipeline.structure.closing: recipients, archive line, signature."""
from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.ir import Block, Table
from pipeline.model import Signer, SignerLayer
from pipeline.structure.closing import (
    closing_from_blocks, is_closing_start, read_lone_signature, split_archive, split_recipient_lines,
)
from pipeline.structure.signature import official_case, parse_signature
from pipeline.structure.types import RawClosing
from ir_builders import grid, layout, para

# --- split_recipient_lines -------------------------------------------------------------

# (lines of the "Nơi nhận" cell, (entries, archive line))
RECIPIENT_CASES = [
    # plan 196: bullets with notes in brackets, ";" dropped, archive line apart
    (["Nơi nhận:", "- Bộ Khoa học và Công nghệ (báo cáo);", "- Thường trực Tỉnh ủy;", "- CT, PCT UBND tỉnh;",
      "- Lưu: VT, KGVX.thiên581"],
     (["Bộ Khoa học và Công nghệ (báo cáo)", "Thường trực Tỉnh ủy", "CT, PCT UBND tỉnh"], "Lưu: VT, KGVX.thiên581")),
    # a recipient wrapped over two lines is one entry
    (["Nơi nhận:", "- Văn phòng Đoàn ĐBQH &", "HĐND tỉnh;", "- Lưu: VT."],
     (["Văn phòng Đoàn ĐBQH & HĐND tỉnh"], "Lưu: VT.")),
    # the first recipient on the "Nơi nhận:" line itself
    (["Nơi nhận: - Như trên;", "- Lưu: VT."], (["Như trên"], "Lưu: VT.")),
    # recipients typed in one paragraph with soft line breaks (read as spaces)
    (["Nơi nhận: - Như Điều 3; - Bộ Tài chính (để b/c); - Lưu: VT, KTTH."],
     (["Như Điều 3", "Bộ Tài chính (để b/c)"], "Lưu: VT, KTTH.")),
    # "+" bullets and a trailing full stop
    (["Nơi nhận:", "+ Sở Tài chính.", "+ Sở Nội vụ,"], (["Sở Tài chính", "Sở Nội vụ"], None)),
    # archive without a colon or bullet
    (["Nơi nhận:", "- Các sở, ban, ngành tỉnh;", "Lưu VT, KGVX."], (["Các sở, ban, ngành tỉnh"], "Lưu VT, KGVX.")),
    # only the heading
    (["Nơi nhận:"], ([], None)),
    # "- Các cơ quan:" introduces the "+" items under it: they are the recipients
    (["Nơi nhận:", "- Các cơ quan, đơn vị:", "+ Sở Nội vụ;", "+ Sở Tài chính;", "- Lưu: VT."],
     (["Sở Nội vụ", "Sở Tài chính"], "Lưu: VT.")),
    # a colon misread for ";" (OCR of 707/QĐ-TTg) before an item of the same bullet: kept
    (["Nơi nhận:", "- Ban Bí thư Trung ương Đảng;", "- Văn phòng Trung ương Đảng:", "- Văn phòng Quốc hội;"],
     (["Ban Bí thư Trung ương Đảng", "Văn phòng Trung ương Đảng", "Văn phòng Quốc hội"], None)),
]


@pytest.mark.parametrize("lines, expected", RECIPIENT_CASES)
def test_split_recipient_lines(lines: list[str], expected: tuple[list[str], str | None]) -> None:
    assert split_recipient_lines(lines) == expected


# --- split_archive -----------------------------------------------------------------------

# (archive line, (archive, drafter's mark))
ARCHIVE_CASES = [
    ("Lưu: VT, KGVX.thiên581", ("Lưu: VT, KGVX", "thiên581")),  # plan 196: initials and copy count
    ("Lưu: VT.", ("Lưu: VT", None)),  # final stop dropped
    ("Lưu: VT, KTTH.", ("Lưu: VT, KTTH", None)),  # codes only
    ("Lưu:VT, KT.Hg12", ("Lưu: VT, KT", "Hg12")),  # no space after the colon; mark with a capital
    ("Lưu: VT, NC.hmt15b", ("Lưu: VT, NC", "hmt15b")),  # mark ending in a letter
    ("Lưu: VT, KGVX.thiên581.", ("Lưu: VT, KGVX", "thiên581")),  # stop after the mark
    ("Lưu: VT, P.KGVX", ("Lưu: VT, P.KGVX", None)),  # a dotted code in capitals is not a mark
    ("Lưu: VT, HCTH (02b).", ("Lưu: VT, HCTH (02b)", None)),  # copy count in brackets stays
    ("Lưu VT", ("Lưu VT", None)),  # no colon: left as written
    (None, (None, None)),  # no archive line
    ("", (None, None)),  # empty
]


@pytest.mark.parametrize("line, expected", ARCHIVE_CASES)
def test_split_archive(line: str | None, expected: tuple[str | None, str | None]) -> None:
    assert split_archive(line) == expected


# --- parse_signature ---------------------------------------------------------------------

# (signature lines, expected Signer)
SIGNATURE_CASES = [
    # plan 196: deputy signing for the chairman, on separate lines
    (("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Hoàng Tuấn"),
     Signer("Trần Hoàng Tuấn", "Phó Chủ tịch", "KT", "Chủ tịch")),
    # the same run together in one line (a PDF band joins them)
    (("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Trần Hoàng Tuấn"), Signer("Trần Hoàng Tuấn", "Phó Chủ tịch", "KT", "Chủ tịch")),
    # no space after the dot; "(Đã ký)" between title and name
    (("KT.CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Trần Hoàng Tuấn"),
     Signer("Trần Hoàng Tuấn", "Phó Chủ tịch", "KT", "Chủ tịch")),
    # chairman on behalf of the committee
    (("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"), Signer("Nguyễn Văn A", "Chủ tịch", "TM", "Ủy ban nhân dân")),
    # department deputy director
    (("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Thị B"), Signer("Lê Thị B", "Phó Giám đốc", "KT", "Giám đốc")),
    # acting chairman
    (("Q. CHỦ TỊCH", "Nguyễn Văn C"), Signer("Nguyễn Văn C", "Chủ tịch", "Q", None)),
    # by authorisation
    (("TUQ. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Nguyễn Văn D"),
     Signer("Nguyễn Văn D", "Chánh Văn phòng", "TUQ", "Chủ tịch")),
    # the longest known title wins ("Phó Chủ tịch Thường trực" over "Chủ tịch")
    (("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Nguyễn Văn E"),
     Signer("Nguyễn Văn E", "Phó Chủ tịch Thường trực", "KT", "Chủ tịch")),
    # plain director, no authority
    (("GIÁM ĐỐC", "Võ Văn F"), Signer("Võ Văn F", "Giám đốc", None, None)),
    # title only, name missing (unsigned draft)
    (("CHỦ TỊCH",), Signer(None, "Chủ tịch", None, None)),
    # nothing readable
    ((), None),
    # the Party's spellings need no full stop (Hướng dẫn 36-HD/VPTW): "K/T", "T/M", "T/L"
    (("K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Bùi Văn Thạch"),
     Signer("Bùi Văn Thạch", "Phó Chánh Văn phòng", "KT", "Chánh Văn phòng")),
    (("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Nguyễn Văn H"),
     Signer("Nguyễn Văn H", "Chánh Văn phòng", "TL", "Ban thường vụ")),
    (("T/M. ĐOÀN KIỂM TRA", "TRƯỞNG BAN", "Lê Văn I"), Signer("Lê Văn I", "Trưởng ban", "TM", "Đoàn kiểm tra")),
    # a two-word body whose name holds a title is still one body ("Ban giám đốc")
    (("TM. BAN GIÁM ĐỐC", "GIÁM ĐỐC", "Lê Văn K"), Signer("Lê Văn K", "Giám đốc", "TM", "Ban giám đốc")),
    # a title wrapped onto a second line continues it
    (("TL. BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ", "PHÁP CHẾ", "Phạm Văn G"),
     Signer("Phạm Văn G", "Vụ trưởng Vụ Pháp chế", "TL", "Bộ trưởng")),
    (("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "THƯỜNG TRỰC", "Nguyễn Văn E"),
     Signer("Nguyễn Văn E", "Phó Chủ tịch Thường trực", "KT", "Chủ tịch")),
]


@pytest.mark.parametrize("lines, expected", SIGNATURE_CASES)
def test_parse_signature(lines: tuple[str, ...], expected: Signer | None) -> None:
    assert parse_signature(lines) == _one_layer(expected)


def _one_layer(signer: Signer | None) -> Signer | None:
    """The expected signer with its single authority line as its one layer (contract 1.1)."""
    if signer is None or signer.authority is None:
        return signer
    return replace(signer, layers=[SignerLayer(signer.authority, signer.on_behalf_of)])


def test_parse_signature_all_caps_name() -> None:
    assert parse_signature(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TRẦN HOÀNG TUẤN")) == _one_layer(Signer(
        "Trần Hoàng Tuấn", "Phó Chủ tịch", "KT", "Chủ tịch"))


def test_parse_signature_tl_minister_head_of_department() -> None:
    assert parse_signature(("TL. BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ PHÁP CHẾ", "Phạm Văn G")) == _one_layer(Signer(
        "Phạm Văn G", "Vụ trưởng Vụ Pháp chế", "TL", "Bộ trưởng"))


def test_parse_signature_nested_authorities() -> None:
    signer = parse_signature(("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Phước Hiền"))
    assert signer is not None and signer.name == "Trần Phước Hiền" and signer.title == "Phó Chủ tịch"
    # contract 1.1: authority and on_behalf_of are the innermost line; layers list every line
    assert (signer.authority, signer.on_behalf_of) == ("KT", "Chủ tịch")
    assert signer.layers == [SignerLayer("TM", "Ủy ban nhân dân"), SignerLayer("KT", "Chủ tịch")]


# (signature lines, (title, other posts, on behalf of)): a post printed under the title is another
# one the signer holds, kept apart (001: the council's chairman is the Director of Home Affairs)
OTHER_POST_CASES = [
    # 001: a PDF band runs the title line into the authority's
    (("TM.HỘI ĐỒNG THẨM ĐỊNH CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ", "Đỗ Văn Chung"),
     ("Chủ tịch", ["Giám đốc Sở Nội vụ"], "Hội đồng thẩm định")),
    # the same on lines of their own
    (("TM. HỘI ĐỒNG THẨM ĐỊNH", "CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ", "Đỗ Văn Chung"),
     ("Chủ tịch", ["Giám đốc Sở Nội vụ"], "Hội đồng thẩm định")),
    # no authority line
    (("CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ", "Đỗ Văn Chung"), ("Chủ tịch", ["Giám đốc Sở Nội vụ"], None)),
    # the Party's "kiêm" (concurrently) between two posts
    (("PHÓ CHỦ TỊCH", "kiêm", "GIÁM ĐỐC SỞ TÀI CHÍNH", "Nguyễn Văn A"),
     ("Phó Chủ tịch", ["Giám đốc Sở Tài chính"], None)),
    # one post only
    (("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Hoàng Tuấn"), ("Phó Chủ tịch", [], "Chủ tịch")),
]


@pytest.mark.parametrize("lines, expected", OTHER_POST_CASES)
def test_other_posts_are_kept_apart_from_the_title(lines: tuple[str, ...], expected: tuple) -> None:
    signer = parse_signature(lines)
    assert signer is not None and signer.name == lines[-1]
    assert (signer.title, signer.other_titles, signer.on_behalf_of) == expected


# (signature lines, (rank, name)): a rank or degree printed before the name is no part of it
RANK_CASES = [
    (("GIÁM ĐỐC", "Thiếu tướng Trương Minh Đương"), ("Thiếu tướng", "Trương Minh Đương")),  # 007
    (("GIÁM ĐỐC", "ĐẠI TÁ NGUYỄN VĂN AN"), ("Đại tá", "Nguyễn Văn An")),  # all capitals, recased
    (("CHỈ HUY TRƯỞNG", "Đại uý Lê Văn Bình"), ("Đại úy", "Lê Văn Bình")),  # the old tone placement
    (("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "PGS.TS. Nguyễn Văn B"), ("PGS.TS.", "Nguyễn Văn B")),  # degrees run together
    (("HIỆU TRƯỞNG", "TS. BS. Lê Thị C"), ("TS. BS.", "Lê Thị C")),  # degrees apart
    (("GIÁM ĐỐC", "Đại tá", "Nguyễn Văn An"), ("Đại tá", "Nguyễn Văn An")),  # the rank on a line of its own
    (("GIÁM ĐỐC", "Đại tá An Bình"), ("Đại tá", "An Bình")),  # a name of two words is left
    (("GIÁM ĐỐC", "Đại tá An"), (None, "Đại tá An")),  # never a one-word name: nothing taken
    (("GIÁM ĐỐC", "TS Nguyễn Văn D"), (None, "TS Nguyễn Văn D")),  # a degree has its full stop
    (("GIÁM ĐỐC", "Trung Văn Tá"), (None, "Trung Văn Tá")),  # rank words not at the start
]


@pytest.mark.parametrize("lines, expected", RANK_CASES)
def test_rank_is_kept_apart_from_the_name(lines: tuple[str, ...], expected: tuple) -> None:
    signer = parse_signature(lines)
    assert signer is not None and (signer.rank, signer.name) == expected
    assert signer.title == "Giám đốc" or lines[0] != "GIÁM ĐỐC"


# (upper-case text, official spelling)
CASE_CASES = [
    ("PHÓ CHỦ TỊCH", "Phó Chủ tịch"),  # known title
    ("CHÁNH VĂN PHÒNG", "Chánh Văn phòng"),  # known title with a capitalised body
    ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),  # not a title: sentence case
    ("  GIÁM ĐỐC ", "Giám đốc"),  # spaces trimmed
]


@pytest.mark.parametrize("upper, expected", CASE_CASES)
def test_official_case(upper: str, expected: str) -> None:
    assert official_case(upper) == expected


# --- closing_from_blocks / is_closing_start ------------------------------------------------

CLOSING_TABLE = layout(
    ["Nơi nhận:", "- Bộ Khoa học và Công nghệ (báo cáo);", "- Văn phòng Đoàn ĐBQH &", "HĐND tỉnh;",
     "- Lưu: VT, KGVX.thiên581"],
    ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Hoàng Tuấn"],
)

# (closing blocks, raw closing)
CLOSING_CASES = [
    # the usual two-column layout table
    ([CLOSING_TABLE],
     RawClosing(("Bộ Khoa học và Công nghệ (báo cáo)", "Văn phòng Đoàn ĐBQH & HĐND tỉnh"), "Lưu: VT, KGVX.thiên581",
                ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Hoàng Tuấn"))),
    # plain paragraphs: bullets and the archive are recipients' side, the rest is signature
    ([para("Nơi nhận:"), para("- Như trên;"), para("Lưu: VT."), para("KT. CHỦ TỊCH"), para("PHÓ CHỦ TỊCH"),
      para(""), para("Trần Hoàng Tuấn")],
     RawClosing(("Như trên",), "Lưu: VT.", ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Hoàng Tuấn"))),
    # signature column on the left (mirrored table)
    ([layout(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"], ["Nơi nhận:", "- Như trên;"])],
     RawClosing(("Như trên",), None, ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"))),
]


@pytest.mark.parametrize("blocks, expected", CLOSING_CASES)
def test_closing_from_blocks(blocks: list[Block], expected: RawClosing) -> None:
    got = closing_from_blocks(blocks)
    assert (got.recipients, got.archive, got.signature_lines) == (
        expected.recipients, expected.archive, expected.signature_lines)
    assert got.signer == parse_signature(expected.signature_lines)


# (block, whether it opens the closing)
START_CASES = [
    (para("Nơi nhận:"), True),  # heading paragraph
    (para("Nơi nhận: - Như trên;"), True),  # heading with the first recipient
    (CLOSING_TABLE, True),  # layout table holding it
    (layout(["ỦY BAN NHÂN DÂN"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]), False),  # header layout table
    (grid([["Nơi nhận:", "x"]]), False),  # a ruled table is never the closing
    (para("Kế hoạch này được gửi đến nơi nhận theo quy định."), False),  # the words inside a sentence
]


@pytest.mark.parametrize("block, expected", START_CASES)
def test_is_closing_start(block: Block, expected: bool) -> None:
    assert is_closing_start(block) is expected


# --- a signature printed with no "Nơi nhận" (a law, an ordinance, an assembly's resolution) -------

BODY = para("Luật này được Quốc hội thông qua ngày 24 tháng 6 năm 2025.")

# (blocks, the signature lines read, or None when no lone signature is there)
LONE_SIGNATURE_CASES = [
    # a known title over the name, the last lines of the document
    ([BODY, para("CHỦ TỊCH QUỐC HỘI"), para(""), para("Lê Minh Hòa")], ("CHỦ TỊCH QUỐC HỘI", "Lê Minh Hòa")),
    # an authority, and a borderless table with the signature on the right
    ([BODY, layout([""], ["TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CHỦ TỊCH", "Lê Minh Hòa"])],
     ("TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CHỦ TỊCH", "Lê Minh Hòa")),
    # before the appendices printed after it
    ([BODY, para("CHỦ TỊCH QUỐC HỘI"), para("Lê Minh Hòa"), para("PHỤ LỤC I"), para("Danh mục tài liệu")],
     ("CHỦ TỊCH QUỐC HỘI", "Lê Minh Hòa")),
    # a short last line of the body that reads as a name is no signature without a title over it
    ([BODY, para("Trân trọng cảm ơn")], None),
    # an upper-case heading over a name-like line is none either: no authority, no known title
    ([BODY, para("TỔ CHỨC THỰC HIỆN"), para("Các sở ngành")], None),
    # a title with no name under it is not signed
    ([BODY, para("CHỦ TỊCH QUỐC HỘI")], None),
]


@pytest.mark.parametrize("blocks, expected", LONE_SIGNATURE_CASES)
def test_read_lone_signature(blocks: list[Block], expected: tuple[str, ...] | None) -> None:
    got = read_lone_signature(blocks, 0, len(blocks))
    assert (got.closing.signature_lines if got else None) == expected
    if got is not None:
        assert got.closing.recipients == () and got.closing.signer == parse_signature(expected)
        assert isinstance(blocks[got.start], Table) or blocks[got.start].text == expected[0]
