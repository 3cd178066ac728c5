"""structure.document: the split of blocks into header, body, tables and closing."""
from __future__ import annotations

from pipeline.ir import Extracted
from pipeline.structure.document import build_skeleton

from ir_builders import grid, layout, para

TASK_HEADER = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]


def test_row_without_task_text_is_reported_not_kept() -> None:
    table = grid([TASK_HEADER,
                  ["1", "Rà soát quy hoạch", "Sở Xây dựng", "", "Năm 2026"],
                  ["2", "", "Sở Tài chính", "", "Quý II/2026"]])
    skeleton, _ = build_skeleton(Extracted(blocks=(para("KẾ HOẠCH", bold=True), table), pages=None))
    assert [t.cells["content"] for t in skeleton.tasks] == ["Rà soát quy hoạch"]
    [warning] = [w for w in skeleton.warnings if w.code == "task_without_content"]
    assert "row 2" in warning.message and "Sở Tài chính" in warning.message


def test_unreadable_task_number_is_numbered_from_above_and_reported() -> None:
    table = grid([TASK_HEADER,
                  ["1", "Rà soát quy hoạch", "Sở Xây dựng", "", "Năm 2026"],
                  ["2b", "Báo cáo kết quả", "Sở Tài chính", "", "Quý II/2026"],
                  ["3", "Tổng kết", "Sở Nội vụ", "", "Năm 2027"]])
    skeleton, _ = build_skeleton(Extracted(blocks=(para("KẾ HOẠCH", bold=True), table), pages=None))
    # between 1 and 3 its neighbours say it is 2: repaired, and said so
    assert [t.number for t in skeleton.tasks] == ["1", "2", "3"]
    [warning] = [w for w in skeleton.warnings if w.code == "task_number_repaired"]
    assert "'2b'" in warning.message and "2" in warning.message


def test_unreadable_last_task_number_is_numbered_from_above_and_reported() -> None:
    table = grid([TASK_HEADER,
                  ["1", "Rà soát quy hoạch", "Sở Xây dựng", "", "Năm 2026"],
                  ["2b", "Báo cáo kết quả", "Sở Tài chính", "", "Quý II/2026"]])
    skeleton, _ = build_skeleton(Extracted(blocks=(para("KẾ HOẠCH", bold=True), table), pages=None))
    # no row below to confirm a repair: numbered from the row above, and said so
    assert [t.number for t in skeleton.tasks] == ["1", "1.a"]
    [warning] = [w for w in skeleton.warnings if w.code == "task_number_unread"]
    assert "'2b'" in warning.message and "1.a" in warning.message and "1.a" in warning.label


def test_number_wrapped_in_a_narrow_column_is_read_whole() -> None:
    table = grid([TASK_HEADER,
                  ["999", "Rà soát quy hoạch", "Sở Xây dựng", "", "Năm 2026"],
                  ["100\n0", "Báo cáo kết quả", "Sở Tài chính", "", "Quý II/2026"]])
    skeleton, _ = build_skeleton(Extracted(blocks=(para("KẾ HOẠCH", bold=True), table), pages=None))
    assert [t.number for t in skeleton.tasks] == ["999", "1000"]
    assert not [w for w in skeleton.warnings if w.code == "task_number_unread"]


HEADER = layout(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/KH-UBND"],
                ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Lâm Đồng, ngày 10 tháng 01 năm 2026"])


def test_an_unruled_table_in_the_body_is_text_of_the_body() -> None:
    """A guide's sample signature boxes, side by side in a borderless table, are text of the section
    they stand in, row by row (they were left out); a ruled table is still a table."""
    blocks = [HEADER, para("KẾ HOẠCH"), para("Thử nghiệm"), para("I. MẪU CHỮ KÝ"), para("Ví dụ:"),
              layout(["NGƯỜI GHI BIÊN BẢN", "(chữ ký)"], ["CHỦ TRÌ HỘI NGHỊ", "(chữ ký, đóng dấu)"]),
              para("Các cơ quan thực hiện."), grid([["STT", "Nội dung"], ["1", "Mẫu số 1"]])]
    skeleton, _ = build_skeleton(Extracted(blocks=tuple(blocks), pages=None))
    [section] = skeleton.sections
    assert section.paragraphs == ["Ví dụ:", "NGƯỜI GHI BIÊN BẢN", "(chữ ký)", "CHỦ TRÌ HỘI NGHỊ", "(chữ ký, đóng dấu)",
                                  "Các cơ quan thực hiện."]
    assert [t.rows for t in skeleton.data_tables] == [(("1", "Mẫu số 1"),)]


def test_a_header_printed_again_over_an_appendix_is_no_body_text() -> None:
    blocks = [HEADER, para("KẾ HOẠCH"), para("Thử nghiệm"), para("I. NỘI DUNG"), para("Triển khai."), HEADER,
              para("PHỤ LỤC"), para("Danh mục")]
    skeleton, _ = build_skeleton(Extracted(blocks=tuple(blocks), pages=None))
    texts = [t for s in skeleton.sections for t in [s.title or "", *s.paragraphs]]
    assert not any("CỘNG HÒA" in t or "ỦY BAN NHÂN DÂN" in t for t in texts)
