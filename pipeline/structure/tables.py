"""Task tables: columns by header meaning, one logical table across pages, rows to tasks.

The chain, each step a small function:
`expand_grid` (spans filled in) → `header_roles` (which column is which) →
`stitch_task_tables` (pieces split by page breaks joined, repeated headers
dropped, a row cut by a page break rejoined) → `rows_to_tasks`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from pipeline.data import load_yaml
from pipeline.extract.layout import join_wrapped
from pipeline.ir import Block, Table
from pipeline.structure.blocks import folded, is_upper
from pipeline.structure.types import RawTask

# A cell spanning at least this share of the columns is a group heading row.
GROUP_SPAN_SHARE = 0.5
# Header rows are looked for among the first rows of a table.
MAX_HEADER_ROWS = 3

_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_LETTER_GROUP = re.compile(r"^[A-ZĐ]\.?$")
_PLAIN_NUMBER = re.compile(r"^(\d+)\.?$")
_DOTTED_NUMBER = re.compile(r"^(\d+(?:\.\d+)+)\.?$")
_LETTER_ITEM = re.compile(r"^([a-zđ])[.)]$")
_COLUMN_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")


@dataclass(frozen=True)
class GridRow:
    """One table row with every grid column filled (merged cells repeated downwards)."""

    texts: tuple[str, ...]
    widest_span: int
    pages: tuple[int, ...]
    repeat_header: bool = False
    # Per column: True where the text is carried down from a vertically merged cell above.
    carried: tuple[bool, ...] = ()


@dataclass
class LogicalTable:
    """A task table joined across pages."""

    roles: dict[int, str]
    rows: list[GridRow] = field(default_factory=list)
    header: tuple[str, ...] = ()


@cache
def _role_patterns() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    return tuple((entry["role"], tuple(re.compile(p) for p in entry["patterns"])) for entry in load_yaml("column_roles.yaml"))


def column_role(header_text: str) -> str | None:
    """The role of a column from its header text ("Cơ quan/Đơn vị chủ trì thực hiện" -> "lead")."""
    key = folded(header_text)
    if not key:
        return None
    for role, patterns in _role_patterns():
        if any(p.search(key) for p in patterns):
            return role
    return None


def _cell_text(paragraph_texts: list[str]) -> str:
    return join_wrapped([t.strip() for t in paragraph_texts if t.strip()])


def expand_grid(table: Table) -> list[GridRow]:
    """Rows as full-width text tuples: a vertically merged cell repeats in the rows it covers."""
    carried: dict[int, tuple[str, int]] = {}  # column -> (text, rows still covered)
    rows: list[GridRow] = []
    for row in table.rows:
        texts = [""] * table.n_cols
        from_above = [False] * table.n_cols
        for col, (text, left) in list(carried.items()):
            texts[col] = text
            from_above[col] = True
            carried[col] = (text, left - 1)
            if left - 1 <= 0:
                del carried[col]
        widest = 1
        for cell in row.cells:
            if cell.col >= table.n_cols:
                continue
            text = _cell_text([p.text for p in cell.paragraphs])
            texts[cell.col] = text
            widest = max(widest, cell.col_span)
            if cell.row_span > 1:
                carried[cell.col] = (text, cell.row_span - 1)
        rows.append(GridRow(tuple(texts), widest, row.pages, row.repeat_header, tuple(from_above)))
    return rows


def header_roles(rows: list[GridRow]) -> tuple[dict[int, str], int]:
    """Column roles and the number of header rows (0 when the table has no task header).

    A two-line header (a merged "Cơ quan" over "Chủ trì" | "Phối hợp") is read
    by joining the first rows column by column.
    """
    best: tuple[dict[int, str], int] = ({}, 0)
    for depth in range(1, min(MAX_HEADER_ROWS, len(rows)) + 1):
        roles = {c: role for c, text in enumerate(_joined_header(rows, depth)) if (role := column_role(text))}
        if len(set(roles.values())) > len(set(best[0].values())):
            best = (roles, depth)
    roles, depth = best
    if depth and depth < len(rows) and _is_column_numbering(rows[depth]):
        depth += 1
    return roles, depth


def _is_column_numbering(row: GridRow) -> bool:
    """The "(1) (2) (3)" row some tables put under the header."""
    cells = [t for t in row.texts if t]
    return len(cells) >= 3 and all(_COLUMN_NUMBERING.match(t) for t in cells)


def is_task_table(roles: dict[int, str]) -> bool:
    values = set(roles.values())
    return "content" in values and "lead" in values


def _joined_header(rows: list[GridRow], depth: int) -> tuple[str, ...]:
    """The header's text per column, its `depth` rows joined (a merged cell counted once)."""
    return tuple(" ".join(dict.fromkeys(r.texts[c] for r in rows[:depth])) for c in range(len(rows[0].texts)))


def _same_texts(texts: tuple[str, ...], header: tuple[str, ...]) -> bool:
    return [folded(t) for t in texts] == [folded(t) for t in header]


def _role_text(row: GridRow, roles: dict[int, str], role: str) -> str:
    return " ".join(row.texts[c] for c, r in roles.items() if r == role and row.texts[c]).strip()


def _join_rows(upper: GridRow, lower: GridRow) -> GridRow:
    texts = tuple(join_wrapped([a, b]) if a and b else a or b for a, b in zip(upper.texts, lower.texts))
    pages = tuple(sorted(set(upper.pages) | set(lower.pages)))
    return GridRow(texts, max(upper.widest_span, lower.widest_span), pages)


def _append_piece(logical: LogicalTable, rows: list[GridRow], after_page_break: bool) -> None:
    """Add a page's rows, rejoining the first one when a page break cut it."""
    number_cols = [c for c, r in logical.roles.items() if r == "number"]
    for i, row in enumerate(rows):
        cut_row = (
            i == 0 and after_page_break and logical.rows and number_cols
            and not any(row.texts[c] for c in number_cols)
        )
        if cut_row:
            logical.rows[-1] = _join_rows(logical.rows[-1], row)
        else:
            logical.rows.append(row)


def stitch_task_tables(blocks: list[Block]) -> list[LogicalTable]:
    """Join task-table pieces split by page breaks into logical tables, in order."""
    tables: list[LogicalTable] = []
    open_table: LogicalTable | None = None
    previous: Table | None = None
    for block in blocks:
        if not isinstance(block, Table) or not block.bordered:
            if not (isinstance(block, Table) or not block.text.strip()):
                open_table, previous = None, None
            continue
        rows = expand_grid(block)
        if not rows:
            continue
        roles, depth = header_roles(rows)
        continues = open_table is not None and previous is not None and block.starts_page and previous.ends_page
        if continues and (not is_task_table(roles) or _same_texts(_joined_header(rows, depth), open_table.header)):
            body = rows[depth:] if is_task_table(roles) else rows
            if len(rows[0].texts) == len(open_table.header):
                _append_piece(open_table, [r for r in body if not _same_texts(r.texts, open_table.header)], True)
                previous = block
                continue
        if is_task_table(roles):
            open_table = LogicalTable(roles=roles, header=_joined_header(rows, depth))
            _append_piece(open_table, rows[depth:], False)
            tables.append(open_table)
        else:
            open_table = None
        previous = block
    return tables


def _group_heading(row: GridRow, roles: dict[int, str], n_cols: int) -> str | None:
    """The text of a group heading row ("I | NHIỆM VỤ DO SỞ ... CHỦ TRÌ"), else None."""
    number = _role_text(row, roles, "number")
    content = _role_text(row, roles, "content")
    lead = _role_text(row, roles, "lead")
    # A merged cell makes a heading only on a row without a task number: a task's lead
    # may be merged across the lead and cooperating columns.
    task_numbered = bool(_PLAIN_NUMBER.match(number) or _DOTTED_NUMBER.match(number))
    spans_row = row.widest_span >= max(2, GROUP_SPAN_SHARE * n_cols) and not task_numbered
    heading_number = bool(_ROMAN.match(number) or _LETTER_GROUP.match(number))
    if spans_row or (heading_number and not lead) or (content and is_upper(content) and not lead):
        text = content or next((t for t in row.texts if t and t != number), "")
        return f"{number.rstrip('.')}. {text}" if number and text else (text or number) or None
    return None


def parse_task_number(text: str, parent: int | str | None) -> int | str | None:
    """"3" or "3." -> 3; "1.2" -> "1.2"; "a)" under row 1 -> "1.a"; else None."""
    text = text.strip()
    if m := _PLAIN_NUMBER.match(text):
        return int(m.group(1))
    if m := _DOTTED_NUMBER.match(text):
        return m.group(1)
    if (m := _LETTER_ITEM.match(text)) and parent is not None:
        return f"{str(parent).split('.')[0]}.{m.group(1)}"
    return None


def _continues_merged_task(row: GridRow, roles: dict[int, str]) -> bool:
    """A row under a TT cell merged from above is more of the same task (a second product, deadline ...)."""
    number_cols = [c for c, r in roles.items() if r == "number"]
    return bool(number_cols) and bool(row.carried) and all(row.carried[c] and row.texts[c] for c in number_cols)


def _merge_sub_row(task: RawTask, row: GridRow, roles: dict[int, str]) -> RawTask:
    """Add a sub-row's own (not carried) cells to its task, "; "-separated."""
    cells = dict(task.cells)
    for col, role in roles.items():
        text = row.texts[col]
        if role == "number" or row.carried[col] or not text or text == cells.get(role):
            continue
        cells[role] = f"{cells[role]}; {text}" if cells.get(role) else text
    return replace(task, cells=cells, pages=tuple(sorted(set(task.pages) | set(row.pages))))


def _fill_missing_numbers(tasks: list[RawTask]) -> list[RawTask]:
    """Rows without a TT get the previous number with the next free letter ("3.a", "3.b").

    The contract wants every task addressable (a diff matches on it); a letter
    already used by a printed "a)" row is skipped.
    """
    used = {t.number for t in tasks if t.number}
    out: list[RawTask] = []
    base = "0"
    for task in tasks:
        if task.number is None:
            suffix = next(s for s in _suffixes() if f"{base}.{s}" not in used)
            task = replace(task, number=f"{base}.{suffix}")
            used.add(task.number)
        else:
            base = task.number.split(".")[0]
        out.append(task)
    return out


def _suffixes():
    """a, b, ..., z, then 27, 28, ...: letters as Vietnamese lists use, numbers past them."""
    yield from "abcdefghijklmnopqrstuvwxyz"
    n = 27
    while True:
        yield str(n)
        n += 1


def rows_to_tasks(table: LogicalTable, index: int) -> list[RawTask]:
    """Task rows of a logical table, each under the latest group heading."""
    tasks: list[RawTask] = []
    group: str | None = None
    n_cols = len(table.header)
    parent: int | str | None = None
    for row in table.rows:
        if not any(row.texts):
            continue
        heading = _group_heading(row, table.roles, n_cols)
        if heading:
            group = heading
            continue
        if tasks and _continues_merged_task(row, table.roles):
            tasks[-1] = _merge_sub_row(tasks[-1], row, table.roles)
            continue
        number = parse_task_number(_role_text(row, table.roles, "number"), parent)
        if isinstance(number, int):
            parent = number
        cells = {role: _role_text(row, table.roles, role) for role in dict.fromkeys(table.roles.values()) if role != "number"}
        tasks.append(RawTask(str(number) if number is not None else None, group, cells, row.pages, index))
    return _fill_missing_numbers(_demote_parent_rows(tasks))


def _demote_parent_rows(tasks: list[RawTask]) -> list[RawTask]:
    """A numbered row with no agencies followed by its sub-rows ("1" then "1.1") heads a group."""
    out: list[RawTask] = []
    group_override: tuple[str, str] | None = None  # (parent number, heading)
    for i, task in enumerate(tasks):
        nxt = tasks[i + 1] if i + 1 < len(tasks) else None
        has_agency = task.cells.get("lead") or task.cells.get("cooperating")
        if nxt and task.number and not has_agency and (nxt.number or "").startswith(f"{task.number}."):
            group_override = (task.number, f"{task.number}. {task.cells.get('content', '')}".strip())
            continue
        # A row without TT under the demoted parent's sub-rows stays in its group.
        if group_override and (task.number is None or task.number.startswith(f"{group_override[0]}.")):
            task = replace(task, group=group_override[1])
        else:
            group_override = None
        out.append(task)
    return out


def extract_tasks(blocks: list[Block]) -> list[RawTask]:
    """Every task row of every task table in the blocks, in document order."""
    tasks: list[RawTask] = []
    for index, table in enumerate(stitch_task_tables(blocks)):
        tasks.extend(rows_to_tasks(table, index))
    return tasks
