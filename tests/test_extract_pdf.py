"""Tests for pipeline.extract.pdf.page's table reading (`build_table`), on hand-placed words."""
from __future__ import annotations

from pipeline import ir
from pipeline.extract.pdf.page import build_table
from ir_builders import words


def _cells(table: ir.Table) -> list[list[tuple[str, int, int, int]]]:
    """Rows as (text, col, col_span, row_span) per cell."""
    return [[(c.text, c.col, c.col_span, c.row_span) for c in r.cells] for r in table.rows]


# --- build_table ------------------------------------------------------------------

# Column edges 50 | 80 | 300 | 420 | 540, row edges 100 | 115 | 130 | 160 | 190.
TWO_LINE_HEADER_BOXES = [
    (50, 100, 80, 130),  # "TT" merged over both header rows
    (80, 100, 300, 130),  # "Nội dung" merged over both header rows
    (300, 100, 540, 115),  # "Cơ quan" across two columns
    (300.8, 115, 420, 130),  # "Chủ trì" (edge 0.8 pt off the grid line)
    (420, 115, 540, 130.5),  # "Phối hợp"
    (50, 130, 80, 190),  # "1" merged over two body rows
    (80, 130, 300, 160), (300, 130, 420, 160), (420, 130, 540, 160),
    (80, 160, 300, 190), (300, 160, 420, 190), (420, 160, 540, 190),
]
TWO_LINE_HEADER_WORDS = (
    words("TT", 55, 110, page=2) + words("Nội dung", 90, 110, page=2) + words("Cơ quan", 310, 102, page=2)
    + words("Chủ trì", 310, 117, page=2) + words("Phối hợp", 430, 117, page=2)
    + words("1", 60, 150, page=2)
    + words("Xây dựng kế hoạch", 90, 135, page=2) + words("Sở A", 310, 135, page=2) + words("Sở B", 430, 135, page=2)
    + words("Tổ chức hội thảo", 90, 165, page=2) + words("Sở C", 310, 165, page=2)
)


def test_build_table_spans_and_columns() -> None:
    table = build_table(TWO_LINE_HEADER_BOXES, TWO_LINE_HEADER_WORDS, page=2)
    assert (table.n_cols, table.bordered, table.pages) == (4, True, (2,))
    assert _cells(table) == [
        [("TT", 0, 1, 2), ("Nội dung", 1, 1, 2), ("Cơ quan", 2, 2, 1)],  # merged header cells
        [("Chủ trì", 2, 1, 1), ("Phối hợp", 3, 1, 1)],  # covered cells are not repeated
        [("1", 0, 1, 2), ("Xây dựng kế hoạch", 1, 1, 1), ("Sở A", 2, 1, 1), ("Sở B", 3, 1, 1)],
        [("Tổ chức hội thảo", 1, 1, 1), ("Sở C", 2, 1, 1), ("", 3, 1, 1)],  # under the merged "1"
    ]
    assert all(r.pages == (2,) for r in table.rows)


def test_build_table_wrapped_cell_text_is_one_paragraph() -> None:
    # two lines inside one cell are a wrap, joined with a space
    boxes = [(50, 100, 200, 140), (200, 100, 400, 140)]
    cell_words = words("Sở Khoa học và", 210, 104) + words("Công nghệ", 210, 118) + words("2.", 60, 104)
    table = build_table(boxes, cell_words, page=1)
    assert _cells(table) == [[("2.", 0, 1, 1), ("Sở Khoa học và Công nghệ", 1, 1, 1)]]


