"""Small helpers over IR blocks shared by the structure modules."""
from __future__ import annotations

import re

from pipeline.ir import Block, Paragraph, Table

_RULE = re.compile(r"^[\s\-_–—=.*]+$")


def is_rule(text: str) -> bool:
    """A drawn separator line ("-----", "___") typed as text."""
    return bool(_RULE.match(text))


def cell_lines(table: Table, col: int | None = None) -> list[str]:
    """Paragraph texts of a table, optionally of one grid column only, top to bottom."""
    lines: list[str] = []
    for row in table.rows:
        for cell in row.cells:
            if col is None or cell.col == col:
                lines.extend(p.text for p in cell.paragraphs if p.text.strip())
    return lines


def table_columns(table: Table) -> list[list[Paragraph]]:
    """Paragraphs per grid column of a layout table, left to right."""
    columns: dict[int, list[Paragraph]] = {}
    for row in table.rows:
        for cell in row.cells:
            columns.setdefault(cell.col, []).extend(p for p in cell.paragraphs if p.text.strip())
    return [columns[c] for c in sorted(columns)]


def block_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    return " ".join(cell_lines(block))
