"""Tests for pipeline.structure.stitch and .tables: header roles, stitching across pages, rows to tasks."""
from __future__ import annotations

import pytest

from pipeline.structure.stitch import GridRow, column_role, expand_grid, header_roles, stitch_tables
from pipeline.structure.tables import _group_heading, extract_data_tables, extract_tasks, parse_task_number, rows_to_tasks, unread_number


def stitch_task_tables(blocks):
    """The task tables among the stitched tables."""
    return [t for t in stitch_tables(blocks) if t.is_task_table]
from ir_builders import cell, grid, layout, para, row, table
from pipeline.ir import Extracted
from pipeline.structure.document import build_skeleton

# --- column_role -------------------------------------------------------------------

# (header cell text, role)
ROLE_CASES = [
    ("STT", "number"),  # commonest
    ("TT", "number"),  # plan 196
    ("Số TT", "number"),  # spelled out
    ("Số thứ tự", "number"),  # in full
    ("TT.", "number"),  # trailing dot
    ("Nội dung nhiệm vụ", "content"),  # plan 196
    ("Nhiệm vụ", "content"),  # short
    ("Nội dung công việc", "content"),  # "work"
    ("Nhiệm vụ, giải pháp", "content"),  # with solutions
    ("Tên nhiệm vụ", "content"),  # "name of the task"
    ("Cơ quan/Đơn vị chủ trì thực hiện", "lead"),  # plan 196
    ("Cơ quan chủ trì", "lead"),  # short
    ("Đơn vị chủ trì", "lead"),  # unit
    ("Chủ trì", "lead"),  # under a merged "Cơ quan" header
    ("Cơ quan, đơn vị chủ trì", "lead"),  # comma instead of slash
    ("Cơ quan\nchủ trì", "lead"),  # wrapped inside the cell
    ("CƠ QUAN CHỦ TRÌ", "lead"),  # capitals
    ("Cơ quan thực hiện", "lead"),  # no "chủ trì" at all
    ("Cơ quan phối hợp", "cooperating"),  # short
    ("Đơn vị phối hợp", "cooperating"),  # unit
    ("Phối hợp thực hiện", "cooperating"),  # "thực hiện" must not make it the lead
    ("Cơ quan/Đơn vị phối hợp thực hiện", "cooperating"),  # plan 196
    ("Thời gian thực hiện", "timeframe"),  # plan 196
    ("Thời gian hoàn thành", "timeframe"),  # deadline
    ("Tiến độ", "timeframe"),  # schedule
    ("Thời hạn hoàn thành", "timeframe"),  # "thời hạn"
    ("Sản phẩm", "output"),  # product
    ("Kết quả/sản phẩm", "output"),  # result / product
    ("Hình thức văn bản", "output"),  # form of the output document
    ("Cấp trình", "submit_to"),  # plan 196
    ("Ghi chú", "note"),  # plan 196
    ("Theo dõi, kiểm tra, đôn đốc", "monitor"),  # monitoring column
    # issue 12: the responsibility column names people or says "trách nhiệm", not "chủ trì"
    ("Người thực hiện", "lead"),  # a person or office does the task
    ("Cán bộ phụ trách", "lead"),  # the officer in charge
    ("Người phụ trách", "lead"),  # the person in charge
    ("Trách nhiệm thực hiện", "lead"),  # plan 05's tables ("Trách nhiệm / thực hiện")
    ("Trách nhiệm", "lead"),  # short
    ("Bộ phận thực hiện", "lead"),  # the unit doing it
    ("Đơn vị thực hiện", "lead"),  # executing unit
    ("Đơn vị được kiểm tra", None),  # plan 04's schedule: the inspected unit does no task
    ("Người ký", None),  # a signer column is not a responsibility
    ("Kinh phí", None),  # budget: not a task field
    ("", None),  # empty cell
]


@pytest.mark.parametrize("header, role", ROLE_CASES)
def test_column_role(header: str, role: str | None) -> None:
    assert column_role(header) == role


def test_column_role_comma_spelling_of_executing_agency() -> None:
    assert column_role("Cơ quan, đơn vị thực hiện") == "lead"


# --- header_roles / expand_grid ----------------------------------------------------------


def _grid_rows(rows: list[list[str]]) -> list[GridRow]:
    return expand_grid(grid(rows))


HEADER_CASES = [
    # columns in an unusual order are found by meaning
    ([["Thời gian thực hiện", "Nội dung nhiệm vụ", "STT", "Ghi chú", "Cơ quan phối hợp", "Cơ quan chủ trì"],
      ["2025", "Việc", "1", "", "Sở B", "Sở A"]],
     ({0: "timeframe", 1: "content", 2: "number", 3: "note", 4: "cooperating", 5: "lead"}, 1)),
    # plan 196's seven columns
    ([["TT", "Nội dung nhiệm vụ", "Cơ quan/Đơn vị chủ trì thực hiện", "Cơ quan/Đơn vị phối hợp thực hiện",
       "Thời gian thực hiện", "Cấp trình", "Ghi chú"], ["1.", "Việc", "Sở A", "Sở B", "2025", "UBND tỉnh", ""]],
     ({0: "number", 1: "content", 2: "lead", 3: "cooperating", 4: "timeframe", 5: "submit_to", 6: "note"}, 1)),
    # a "(1) (2) (3)" numbering row under the header is part of the header
    ([["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp"], ["(1)", "(2)", "(3)", "(4)"], ["1", "Việc", "Sở A", ""]],
     ({0: "number", 1: "content", 2: "lead", 3: "cooperating"}, 2)),
    # a table without a task header: no roles, no header rows
    ([["Chỉ tiêu", "Năm 2025"], ["Tỷ lệ", "50%"]], ({}, 0)),
]


@pytest.mark.parametrize("rows, expected", HEADER_CASES)
def test_header_roles(rows: list[list[str]], expected: tuple[dict[int, str], int]) -> None:
    assert header_roles(_grid_rows(rows)) == expected


def _two_line_header() -> list:
    """Merged "Cơ quan" over "Chủ trì" | "Phối hợp"; TT, content and time merged down two rows."""
    return [
        row(cell("TT", 0, row_span=2), cell("Nội dung", 1, row_span=2), cell("Cơ quan", 2, col_span=2),
            cell("Thời gian", 4, row_span=2)),
        row(cell("Chủ trì", 2), cell("Phối hợp", 3)),
    ]


def test_two_line_header() -> None:
    rows = expand_grid(table(_two_line_header() + [row(cell("1", 0), cell("Việc A", 1), cell("Sở A", 2),
                                                       cell("Sở B", 3), cell("2025", 4))], 5))
    assert [r.texts for r in rows[:2]] == [("TT", "Nội dung", "Cơ quan", "", "Thời gian"),
                                           ("TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian")]
    assert header_roles(rows) == ({0: "number", 1: "content", 2: "lead", 3: "cooperating", 4: "timeframe"}, 2)
    (task,) = extract_tasks([table(_two_line_header() + [
        row(cell("1", 0), cell("Việc A", 1), cell("Sở A", 2), cell("Sở B", 3), cell("2025", 4))], 5)])
    assert (task.number, task.cells) == ("1", {"content": "Việc A", "lead": "Sở A", "cooperating": "Sở B",
                                                "timeframe": "2025"})


def test_expand_grid_repeats_vertical_merges() -> None:
    # lead merged over three rows: each row sees it, marked as carried below the first
    t = table([
        row(cell("TT", 0), cell("Nội dung", 1), cell("Chủ trì", 2)),
        row(cell("1", 0), cell("Việc A", 1), cell("Sở Khoa học và Công nghệ", 2, row_span=3)),
        row(cell("2", 0), cell("Việc B", 1)),
        row(cell("3", 0), cell("Việc C", 1)),
        row(cell("4", 0), cell("Việc D", 1), cell("Sở Tài chính", 2)),
    ], 3)
    rows = expand_grid(t)
    assert [r.texts[2] for r in rows] == ["Chủ trì"] + ["Sở Khoa học và Công nghệ"] * 3 + ["Sở Tài chính"]
    assert [r.carried[2] for r in rows] == [False, False, True, True, False]


def test_lead_merged_over_three_rows_gives_each_task_the_lead() -> None:
    t = table([
        row(cell("TT", 0), cell("Nội dung nhiệm vụ", 1), cell("Cơ quan chủ trì", 2), cell("Cơ quan phối hợp", 3)),
        row(cell("1", 0), cell("Việc A", 1), cell("Sở Khoa học và Công nghệ", 2, row_span=3), cell("Sở B", 3)),
        row(cell("2", 0), cell("Việc B", 1), cell("", 3)),
        row(cell("3", 0), cell("Việc C", 1), cell("Sở C", 3)),
    ], 4)
    assert [(t.number, t.cells["lead"]) for t in extract_tasks([t])] == [
        ("1", "Sở Khoa học và Công nghệ"), ("2", "Sở Khoa học và Công nghệ"), ("3", "Sở Khoa học và Công nghệ")]


def test_tt_merged_over_sub_rows_is_one_task() -> None:
    # a TT cell merged down two rows: the second row adds a product to the same task
    t = table([
        row(cell("TT", 0), cell("Nội dung", 1), cell("Chủ trì", 2), cell("Sản phẩm", 3)),
        row(cell("1", 0, row_span=2), cell("Xây dựng đề án", 1, row_span=2), cell("Sở A", 2, row_span=2),
            cell("Đề án", 3)),
        row(cell("Quyết định", 3)),
        row(cell("2", 0), cell("Việc B", 1), cell("Sở B", 2), cell("Báo cáo", 3)),
    ], 4)
    assert [(t.number, t.cells) for t in extract_tasks([t])] == [
        ("1", {"content": "Xây dựng đề án", "lead": "Sở A", "output": "Đề án; Quyết định"}),
        ("2", {"content": "Việc B", "lead": "Sở B", "output": "Báo cáo"}),
    ]


# --- stitch_task_tables ----------------------------------------------------------------

HEADER = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]


def _piece(rows: list[list[str]], page: int, first: bool = False, last: bool = False):
    """A per-page piece of a ruled table; middle pieces touch both page edges."""
    return grid(rows, page=page, starts_page=not first, ends_page=not last)


def _three_pieces(repeat_header: bool = True) -> list:
    head = [HEADER] if repeat_header else []
    return [
        para("Phụ lục", bold=True, pages=(3,)),
        _piece([HEADER,
                ["1", "Xây dựng kế hoạch phát triển khoa học", "Sở Khoa học và Công nghệ", "Các sở", "Năm 2025"],
                ["2", "Triển khai đề án khung nhiệm vụ", "Sở Khoa học và", "Các sở, ban,", "Thường"]],
               page=3, first=True),
        _piece(head + [
                ["", "về quỹ gen tỉnh", "Công nghệ", "ngành", "xuyên"],  # row 2 cut by the page break
                ["3", "Hỗ trợ doanh nghiệp đổi mới", "Sở Công Thương", "", "Hằng năm"]],
               page=4),
        _piece(head + [
                ["", "sáng tạo", "", "Sở Tài chính", ""],  # row 3 cut again
                ["4", "Báo cáo kết quả thực hiện", "Sở Khoa học và Công nghệ", "", "Hằng năm"]],
               page=5, last=True),
        para("Tổng cộng có 4 nhiệm vụ.", pages=(5,)),
    ]


STITCHED = [
    ("1", "Xây dựng kế hoạch phát triển khoa học", "Sở Khoa học và Công nghệ", "Các sở", "Năm 2025", (3,)),
    ("2", "Triển khai đề án khung nhiệm vụ về quỹ gen tỉnh", "Sở Khoa học và Công nghệ", "Các sở, ban, ngành",
     "Thường xuyên", (3, 4)),
    ("3", "Hỗ trợ doanh nghiệp đổi mới sáng tạo", "Sở Công Thương", "Sở Tài chính", "Hằng năm", (4, 5)),
    ("4", "Báo cáo kết quả thực hiện", "Sở Khoa học và Công nghệ", "", "Hằng năm", (5,)),
]


def _summary(tasks) -> list[tuple]:
    return [(t.number, t.cells["content"], t.cells["lead"], t.cells["cooperating"], t.cells["timeframe"], t.pages)
            for t in tasks]


@pytest.mark.parametrize("repeat_header", [
    True,  # each page repeats the header row
    False,  # continuation pieces without a header
])
def test_stitch_three_pieces_with_cut_rows(repeat_header: bool) -> None:
    tables = stitch_task_tables(_three_pieces(repeat_header))
    assert len(tables) == 1
    assert tables[0].header == tuple(HEADER)
    assert _summary(rows_to_tasks(tables[0], 0)) == STITCHED


def test_two_appendix_tables_separated_by_a_paragraph_stay_separate() -> None:
    first = _piece([HEADER, ["1", "Việc A", "Sở A", "", "2025"]], page=6, first=True)  # ends its page
    second = _piece([HEADER, ["", "Việc B", "Sở B", "", "2026"]], page=7, last=True)  # starts the next
    blocks = [first, para("PHỤ LỤC II", bold=True, pages=(7,)), second]
    tables = stitch_task_tables(blocks)
    assert [len(t.rows) for t in tables] == [1, 1]
    # the empty TT of table II's first row is not a cut row of table I
    assert [(t.table, t.cells["content"]) for t in extract_tasks(blocks)] == [(0, "Việc A"), (1, "Việc B")]


def test_layout_table_and_empty_paragraph_do_not_break_a_continuation() -> None:
    # a blank paragraph between the pieces is not text that closes the table
    blocks = [_piece([HEADER, ["1", "Việc A", "Sở A", "", "2025"]], page=2, first=True), para("  "),
              _piece([HEADER, ["2", "Việc B", "Sở B", "", "2026"]], page=3, last=True)]
    assert [len(t.rows) for t in stitch_task_tables(blocks)] == [2]


def test_non_task_tables_are_ignored() -> None:
    blocks = [
        grid([["STT", "Đơn vị", "Thời gian"], ["1", "Sở A", "Quý I"]]),  # no content column
        layout(["Nơi nhận:", "- Như trên;"], ["KT. CHỦ TỊCH"]),  # borderless layout table
    ]
    assert stitch_task_tables(blocks) == []


def test_non_task_tables_are_kept_as_data_tables() -> None:
    # a schedule (STT | unit | time) is kept with its caption; the layout table is not a ruled table
    blocks = [
        para("Phụ lục I: Lịch kiểm tra"),
        grid([["STT", "Đơn vị được kiểm tra", "Thời gian"], ["1", "Sở A", "Quý I"], ["2", "Sở B", "Quý II"]]),
        layout(["Nơi nhận:", "- Như trên;"], ["KT. CHỦ TỊCH"]),
    ]
    (table,) = extract_data_tables(blocks)
    assert table.caption == "Phụ lục I: Lịch kiểm tra"
    assert table.header == ("STT", "Đơn vị được kiểm tra", "Thời gian")
    assert table.rows == (("1", "Sở A", "Quý I"), ("2", "Sở B", "Quý II"))


def test_data_table_continued_on_the_next_page_drops_the_repeated_header() -> None:
    head = ["STT", "Đơn vị", "Thời gian"]
    blocks = [_piece([head, ["1", "Sở A", "Quý I"]], page=2, first=True),
              _piece([head, ["2", "Sở B", "Quý II"]], page=3, last=True)]
    (table,) = extract_data_tables(blocks)
    assert table.rows == (("1", "Sở A", "Quý I"), ("2", "Sở B", "Quý II")) and table.pages == (2, 3)


def test_docx_tables_back_to_back_are_not_stitched() -> None:
    # DOCX tables carry no page edges: two tables are two tables
    blocks = [grid([HEADER, ["1", "Việc A", "Sở A", "", "2025"]]), grid([HEADER, ["1", "Việc B", "Sở B", "", "2026"]])]
    assert [t.table for t in extract_tasks(blocks)] == [0, 1]


def test_stitch_pieces_repeating_a_two_line_header() -> None:
    first = table(_two_line_header() + [row(cell("1", 0), cell("Xây dựng kế hoạch", 1), cell("Sở A", 2),
                                            cell("Sở B", 3), cell("2025", 4))], 5, page=2, ends_page=True)
    second = table(_two_line_header() + [
        row(cell("", 0), cell("phát triển khoa học", 1), cell("", 2), cell("", 3), cell("", 4)),
        row(cell("2", 0), cell("Việc B", 1), cell("Sở C", 2), cell("", 3), cell("2026", 4)),
    ], 5, page=3, starts_page=True)
    tasks = extract_tasks([first, second])
    assert [(t.number, t.table, t.cells["content"]) for t in tasks] == [
        ("1", 0, "Xây dựng kế hoạch phát triển khoa học"), ("2", 0, "Việc B")]


# --- rows_to_tasks: groups and numbering -----------------------------------------------


def _tasks(rows: list[list[str]], header: list[str] | None = None) -> list[tuple]:
    header = header or ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    return [(t.number, t.group, t.cells["content"]) for t in extract_tasks([grid([header] + rows)])]


def test_group_heading_rows_become_groups() -> None:
    t = table([
        row(cell("TT", 0), cell("Nội dung nhiệm vụ", 1), cell("Cơ quan chủ trì", 2), cell("Cơ quan phối hợp", 3)),
        row(cell("I", 0), cell("NHIỆM VỤ DO SỞ KHOA HỌC VÀ CÔNG NGHỆ CHỦ TRÌ", 1, col_span=3)),  # merged heading
        row(cell("1", 0), cell("Việc A", 1), cell("Sở Khoa học và Công nghệ", 2), cell("", 3)),
        row(cell("A.", 0), cell("NHIỆM VỤ CHUNG", 1), cell("", 2), cell("", 3)),  # letter heading, no merge
        row(cell("2", 0), cell("Việc B", 1), cell("Sở Tài chính", 2), cell("", 3)),
        row(cell("", 0), cell("LĨNH VỰC GIÁO DỤC", 1), cell("", 2), cell("", 3)),  # upper-case, no agencies
        row(cell("3", 0), cell("Việc C", 1), cell("Sở Giáo dục và Đào tạo", 2), cell("", 3)),
    ], 4)
    assert [(t.number, t.group, t.cells["content"]) for t in extract_tasks([t])] == [
        ("1", "I. NHIỆM VỤ DO SỞ KHOA HỌC VÀ CÔNG NGHỆ CHỦ TRÌ", "Việc A"),
        ("2", "A. NHIỆM VỤ CHUNG", "Việc B"),
        ("3", "LĨNH VỰC GIÁO DỤC", "Việc C"),
    ]


def test_sub_numbering() -> None:
    # "1" without agencies heads "1.1", "1.2"; "a)" rows under "2" become "2.a", "2.b"
    assert _tasks([
        ["1", "Hoàn thiện thể chế", "", ""],
        ["1.1", "Rà soát quy định", "Sở Tư pháp", ""],
        ["1.2.", "Ban hành quy chế", "Sở Nội vụ", "Sở Tư pháp"],
        ["2", "Phát triển nguồn nhân lực", "Sở Nội vụ", ""],
        ["a)", "Đào tạo", "Sở Nội vụ", ""],
        ["b)", "Thu hút chuyên gia", "Sở Nội vụ", ""],
        ["3.", "Báo cáo", "Sở Khoa học và Công nghệ", ""],
    ]) == [
        ("1.1", "1. Hoàn thiện thể chế", "Rà soát quy định"),
        ("1.2", "1. Hoàn thiện thể chế", "Ban hành quy chế"),
        ("2", None, "Phát triển nguồn nhân lực"),
        ("2.a", None, "Đào tạo"),
        ("2.b", None, "Thu hút chuyên gia"),
        ("3", None, "Báo cáo"),
    ]


def test_rows_without_tt_get_a_number() -> None:
    assert [n for n, _, _ in _tasks([
        ["1", "Việc A", "Sở A", ""],
        ["", "Việc A bổ sung", "Sở B", ""],  # no TT in the middle of the table
        ["", "Việc A bổ sung nữa", "Sở C", ""],
        ["2", "Việc B", "Sở D", ""],
    ])] == ["1", "1.a", "1.b", "2"]


def test_empty_rows_are_skipped() -> None:
    assert _tasks([["1", "Việc A", "Sở A", ""], ["", "", "", ""], ["2", "Việc B", "Sở B", ""]]) == [
        ("1", None, "Việc A"), ("2", None, "Việc B")]


def test_row_without_tt_after_lettered_row_gets_a_new_number() -> None:
    numbers = [n for n, _, _ in _tasks([
        ["1", "Việc A", "Sở A", ""],
        ["a)", "Việc A một", "Sở B", ""],
        ["", "Việc A hai", "Sở C", ""],
    ])]
    assert numbers[:2] == ["1", "1.a"] and len(set(numbers)) == 3


def test_row_without_tt_under_a_demoted_parent_keeps_the_group() -> None:
    assert [g for _, g, _ in _tasks([
        ["1", "Hoàn thiện thể chế", "", ""],
        ["1.1", "Rà soát quy định", "Sở Tư pháp", ""],
        ["", "Rà soát văn bản", "Sở Tư pháp", ""],
    ])] == ["1. Hoàn thiện thể chế", "1. Hoàn thiện thể chế"]


def test_task_with_lead_merged_across_lead_and_cooperating() -> None:
    t = table([
        row(cell("TT", 0), cell("Nội dung", 1), cell("Chủ trì", 2), cell("Phối hợp", 3)),
        row(cell("1", 0), cell("Rà soát quy định", 1), cell("Các sở, ban, ngành", 2, col_span=2)),
        row(cell("2", 0), cell("Báo cáo", 1), cell("Sở A", 2), cell("Sở B", 3)),
    ], 4)
    assert [(t.number, t.group, t.cells["lead"]) for t in extract_tasks([t])] == [
        ("1", None, "Các sở, ban, ngành"), ("2", None, "Sở A")]


# --- parse_task_number / _group_heading -------------------------------------------------

# (TT cell, parent number, parsed)
NUMBER_CASES = [
    ("3", None, 3),  # plain
    ("3.", None, 3),  # trailing dot
    (" 12 ", None, 12),  # spaces
    ("1.2", 1, "1.2"),  # dotted stays a string
    ("1.2.", 1, "1.2"),  # dotted with a trailing dot
    ("2.1.3", 2, "2.1.3"),  # three levels
    ("a)", 1, "1.a"),  # letter under row 1
    ("b.", 4, "4.b"),  # letter with a dot
    ("đ)", 2, "2.đ"),  # Vietnamese letter
    ("a)", None, None),  # letter with no parent: no number
    ("I", None, None),  # Roman: a group, not a task number
    ("", None, None),  # empty
    ("Tổng", None, None),  # text
    ("100\n0", 99, 1000),  # digits a narrow column wrapped
    ("1 2.", None, 12),  # wrapped, with its dot
    ("12a", 11, None),  # digits with a letter: not read (warned by the caller)
]


@pytest.mark.parametrize("text, parent, expected", NUMBER_CASES)
def test_parse_task_number(text: str, parent: int | str | None, expected: int | str | None) -> None:
    assert parse_task_number(text, parent) == expected


@pytest.mark.parametrize("text, expected", [("12a", "12a"), ("1.2 )", "1.2 )"), ("3", None), ("a)", None), ("-", None), ("", None)])
def test_unread_number_names_only_digits_that_could_not_be_read(text: str, expected: str | None) -> None:
    assert unread_number(text) == expected


ROLES = {0: "number", 1: "content", 2: "lead", 3: "cooperating"}

# (row texts, widest span, heading text or None)
HEADING_CASES = [
    (("I", "NHIỆM VỤ DO SỞ Y CHỦ TRÌ", "", ""), 3, "I. NHIỆM VỤ DO SỞ Y CHỦ TRÌ"),  # merged across the row
    (("II.", "Nhiệm vụ phối hợp", "", ""), 1, "II. Nhiệm vụ phối hợp"),  # Roman number, no agencies
    (("B", "NHIỆM VỤ CỤ THỂ", "", ""), 1, "B. NHIỆM VỤ CỤ THỂ"),  # letter group without a dot
    (("", "LĨNH VỰC Y TẾ", "", ""), 1, "LĨNH VỰC Y TẾ"),  # upper-case content, no number, no agencies
    (("1", "Xây dựng kế hoạch", "Sở A", ""), 1, None),  # ordinary task
    (("2", "ỨNG DỤNG AI", "Sở A", ""), 1, None),  # upper-case content but it has a lead: a task
    (("", "Việc thêm", "Sở A", ""), 1, None),  # unnumbered task
]


@pytest.mark.parametrize("texts, span, expected", HEADING_CASES)
def test_group_heading(texts: tuple[str, ...], span: int, expected: str | None) -> None:
    assert _group_heading(GridRow(texts, span, ()), ROLES, 4) == expected


# --- issue 12: tables from real plans of other provinces -------------------------------

PEOPLE_HEADER = ["TT", "Nội dung", "Người thực hiện", "Thời gian"]


def test_task_table_whose_responsibility_column_names_people_gives_its_tasks() -> None:
    # a department's work plan: nine rows led by officers, not agencies
    rows = [[str(i), f"Công việc số {i} của phòng", f"Trưởng phòng {i}", f"Tháng {i}/2026"] for i in range(1, 10)]
    tasks = extract_tasks([grid([PEOPLE_HEADER] + rows)])
    assert [(t.number, t.cells["lead"]) for t in tasks] == [(str(i), f"Trưởng phòng {i}") for i in range(1, 10)]


def _merged_lead_pieces(last_on_first_page: int, continuation_span: int) -> list:
    """Five tasks; the lead "Sở Giáo dục và Đào tạo" is merged over tasks 1-4 and a page break falls
    after task `last_on_first_page`. The PDF prints the merged text above the break only: below it
    the continuation is an empty cell spanning `continuation_span` rows."""
    first_rows = [row(*(cell(t, c) for c, t in enumerate(HEADER)), pages=(3,))]
    span_above = last_on_first_page
    for n in range(1, last_on_first_page + 1):
        cells = [cell(str(n), 0), cell(f"Việc {n} của ngành giáo dục", 1)]
        if n == 1:
            cells.append(cell("Sở Giáo dục và Đào tạo", 2, row_span=span_above))
        cells += [cell("Sở Tài chính", 3), cell("Năm 2026", 4)]
        first_rows.append(row(*cells, pages=(3,)))
    second_rows = [row(*(cell(t, c) for c, t in enumerate(HEADER)), pages=(4,))]
    for n in range(last_on_first_page + 1, 6):
        cells = [cell(str(n), 0), cell(f"Việc {n} của ngành giáo dục", 1)]
        if n == last_on_first_page + 1:
            cells.append(cell("", 2, row_span=continuation_span))
        elif n == 5:
            cells.append(cell("Sở Xây dựng", 2))
        cells += [cell("Sở Tài chính", 3), cell("Năm 2026", 4)]
        second_rows.append(row(*cells, pages=(4,)))
    return [table(first_rows, 5, page=3, ends_page=True), table(second_rows, 5, page=4, starts_page=True)]


@pytest.mark.parametrize(("last_on_first_page", "continuation_span"), [
    (2, 2),  # the merge runs to the foot of page 3 and on over two rows of page 4
    (1, 3),  # only its first row on page 3 (no sign above the break), an empty merged cell below
    (3, 1),  # three rows above; below, one empty cell of one row
])
def test_lead_merged_across_a_page_break_is_carried_over(last_on_first_page: int, continuation_span: int) -> None:
    tasks = extract_tasks(_merged_lead_pieces(last_on_first_page, continuation_span))
    assert [(t.number, t.cells["lead"]) for t in tasks] == [
        ("1", "Sở Giáo dục và Đào tạo"), ("2", "Sở Giáo dục và Đào tạo"), ("3", "Sở Giáo dục và Đào tạo"),
        ("4", "Sở Giáo dục và Đào tạo"), ("5", "Sở Xây dựng")]


def test_genuinely_empty_cooperating_cell_after_a_break_stays_empty() -> None:
    # no merge: an empty "phối hợp" cell at the top of a page is just empty
    first = _piece([HEADER, ["1", "Việc A", "Sở A", "Sở B", "2025"]], page=2, first=True)
    second = _piece([HEADER, ["2", "Việc B", "Sở C", "", "2026"]], page=3, last=True)
    assert [t.cells["cooperating"] for t in extract_tasks([first, second])] == ["Sở B", ""]


def test_last_rows_fragment_alone_on_the_final_page_is_kept() -> None:
    # the last row breaks over the page; the final page holds only the rest of its cells, whose
    # words ("nội dung", "chủ trì") must not make the fragment a new table's header
    first = _piece([HEADER, ["1", "Việc A", "Sở A", "", "2025"],
                    ["2", "Tổng kết, đánh giá các", "Sở Nội vụ", "Các sở, ngành và", "Quý IV/2026"]], page=5, first=True)
    second = _piece([["", "nội dung của Kế hoạch", "", "các đơn vị chủ trì", ""]], page=6, last=True)
    tasks = extract_tasks([first, second])
    assert [(t.number, t.cells["content"], t.cells["cooperating"], t.pages) for t in tasks] == [
        ("1", "Việc A", "", (5,)),
        ("2", "Tổng kết, đánh giá các nội dung của Kế hoạch", "Các sở, ngành và các đơn vị chủ trì", (5, 6))]


def test_table_that_looks_like_a_task_table_but_is_not_taken_is_warned_with_its_page(monkeypatch) -> None:
    monkeypatch.setenv("VNPLAN_LANG", "vi")  # the label as a Vietnamese run writes it
    # numbered rows with a task text and a deadline but no responsibility column: kept as data, warned
    blocks = [para("KẾ HOẠCH", bold=True, pages=(1,)), grid([["STT", "Nội dung công việc", "Kinh phí", "Thời gian"],
                                                            ["1", "In tài liệu", "5.000.000", "Quý I/2026"],
                                                            ["2", "Tổ chức hội nghị", "20.000.000", "Quý II/2026"]],
                                                           page=4)]
    skeleton, _ = build_skeleton(Extracted(blocks=tuple(blocks), pages=4))
    assert skeleton.tasks == [] and len(skeleton.data_tables) == 1
    (warning,) = [w for w in skeleton.warnings if w.code == "task_table_not_taken"]
    assert warning.where == "/tables/0" and warning.label == "Bảng 1, trang 4"


def test_schedule_without_task_text_is_not_warned() -> None:
    # plan 04's Phụ lục I (STT | unit inspected | time) is a schedule: no task text, no warning
    blocks = [para("KẾ HOẠCH", bold=True), grid([["STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"],
                                                ["1", "Sở Xây dựng", "Tháng 7/2026"]])]
    skeleton, _ = build_skeleton(Extracted(blocks=tuple(blocks), pages=None))
    assert [w.code for w in skeleton.warnings if w.code == "task_table_not_taken"] == []
