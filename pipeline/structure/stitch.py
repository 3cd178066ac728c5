"""Ruled tables: a full grid per table, column roles from header text, pieces joined across pages.

The chain, each step a small function: `expand_grid` (merged cells filled in)
→ `header_roles` (which column is which, by header meaning, never position)
→ `stitch_tables` (pieces split by page breaks joined, repeated headers
dropped, a row cut by a page break rejoined). `tables` turns the task tables
into tasks; the others are kept as data tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from pipeline.data import load_yaml
from pipeline.text import join_wrapped
from pipeline.ir import Block, Paragraph, Place, Table, union_places
from pipeline.text import folded

# Header rows are looked for among the first rows of a table.
MAX_HEADER_ROWS = 3
# A paragraph longer than this above a table is body text, not its caption.
MAX_CAPTION_CHARS = 250

# How many paragraphs above a table may belong to its caption.
CAPTION_BLOCKS = 5

# Cells a vertical merge may carry over a page break; the task number and text never are
# (a row cut by the break is rejoined instead).
CARRIED_ROLES = frozenset({"lead", "cooperating", "timeframe", "submit_to", "output", "note", "monitor"})

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
    # Per column: where the cell's text stands (provenance); a merged cell's places repeat too.
    places: tuple[tuple[Place, ...], ...] = ()


@dataclass
class LogicalTable:
    """A ruled table joined across pages, its columns' roles read from its header."""

    roles: dict[int, str]
    rows: list[GridRow] = field(default_factory=list)
    header: tuple[str, ...] = ()
    caption: str | None = None

    @property
    def is_task_table(self) -> bool:
        return is_task_table(self.roles)

    @property
    def looks_like_tasks(self) -> bool:
        """Task text and a number or deadline column, but no responsibility column: a task
        table whose lead column the vocabulary does not know, or a list that is no task table."""
        values = set(self.roles.values())
        return not self.is_task_table and "content" in values and bool(values & {"number", "timeframe"})


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
    carried: dict[int, tuple[str, int, tuple[Place, ...]]] = {}  # column -> (text, rows still covered, places)
    rows: list[GridRow] = []
    for row in table.rows:
        texts = [""] * table.n_cols
        places: list[tuple[Place, ...]] = [()] * table.n_cols
        from_above = [False] * table.n_cols
        for col, (text, left, where) in list(carried.items()):
            texts[col] = text
            places[col] = where
            from_above[col] = True
            carried[col] = (text, left - 1, where)
            if left - 1 <= 0:
                del carried[col]
        widest = 1
        for cell in row.cells:
            if cell.col >= table.n_cols:
                continue
            text = _cell_text([p.text for p in cell.paragraphs])
            texts[cell.col] = text
            places[cell.col] = cell.places
            widest = max(widest, cell.col_span)
            if cell.row_span > 1:
                carried[cell.col] = (text, cell.row_span - 1, cell.places)
        rows.append(GridRow(tuple(texts), widest, row.pages, row.repeat_header, tuple(from_above), tuple(places)))
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
    """Cell by cell, folded; a body row differs in its first cell, so the rest is never folded
    (every row of a continued table is compared with the header)."""
    return len(texts) == len(header) and all(folded(t) == folded(h) for t, h in zip(texts, header))


def role_text(row: GridRow, roles: dict[int, str], role: str) -> str:
    return " ".join(row.texts[c] for c, r in roles.items() if r == role and row.texts[c]).strip()


def role_places(row: GridRow, roles: dict[int, str], role: str) -> tuple[Place, ...]:
    """Where the text of a role's columns stands (empty when the table carries no places)."""
    if not row.places:
        return ()
    return union_places([p for c, r in roles.items() if r == role and row.texts[c] for p in row.places[c]])


def _join_rows(upper: GridRow, lower: GridRow) -> GridRow:
    texts = tuple(join_wrapped([a, b]) if a and b else a or b for a, b in zip(upper.texts, lower.texts))
    pages = tuple(sorted(set(upper.pages) | set(lower.pages)))
    # A cell cut by the page break keeps both pieces: one box on each page.
    places = tuple(
        ((pa if ta else ()) + (pb if tb else ())) or pa
        for ta, tb, pa, pb in zip(upper.texts, lower.texts, upper.places, lower.places)
    ) if upper.places and lower.places else ()
    return GridRow(texts, max(upper.widest_span, lower.widest_span), pages, places=places)


def _append_piece(logical: LogicalTable, rows: list[GridRow], after_page_break: bool) -> None:
    """Add a page's rows, rejoining the first one when a page break cut it."""
    number_cols = [c for c, r in logical.roles.items() if r == "number"]
    cut = bool(rows and after_page_break and logical.rows and number_cols
               and not any(rows[0].texts[c] for c in number_cols))
    if after_page_break and logical.rows and rows:
        rows = _carry_across_break(logical.rows[-1], rows, logical.roles, cut)
    for i, row in enumerate(rows):
        if i == 0 and cut:
            logical.rows[-1] = _join_rows(logical.rows[-1], row)
        else:
            logical.rows.append(row)


def _carry_across_break(last: GridRow, rows: list[GridRow], roles: dict[int, str], cut: bool) -> list[GridRow]:
    """Fill the cells a vertical merge carries over a page break.

    A PDF prints a merged cell's text above the break only; below it the merge
    goes on as an empty cell (Word and LibreOffice alike). A column is carried
    when the merge shows: the last row above was itself covered by the merge,
    or the empty cell below spans rows; an empty lead on a numbered task row
    is carried too, since a task always has a lead and only a merge leaves it
    blank. The carried text fills the empty cell and the rows it covers.
    """
    out = list(rows)
    start = 1 if cut else 0  # a cut row is rejoined to the row above, which holds the text
    for col, role in roles.items():
        if role not in CARRIED_ROLES or not last.texts[col] or start >= len(rows) or rows[start].texts[col]:
            continue
        spans_below = start + 1 < len(rows) and rows[start + 1].carried[col] and not rows[start + 1].texts[col]
        merged_above = bool(last.carried) and last.carried[col]
        if not (merged_above or spans_below or role == "lead"):
            continue
        for i in range(start, len(rows)):
            if out[i].texts[col] or (i > start and not out[i].carried[col]):
                break
            texts = out[i].texts[:col] + (last.texts[col],) + out[i].texts[col + 1:]
            carried = out[i].carried[:col] + (True,) + out[i].carried[col + 1:]
            out[i] = replace(out[i], texts=texts, carried=carried, places=_with_place(out[i].places, col, last))
    return out


def _with_place(places: tuple[tuple[Place, ...], ...], col: int, source: GridRow) -> tuple[tuple[Place, ...], ...]:
    """A row's places with column `col` pointing where the carried text is printed (above the break)."""
    if not places or col >= len(places) or col >= len(source.places):
        return places
    return places[:col] + (source.places[col],) + places[col + 1:]


def _is_fragment(first: GridRow, roles: dict[int, str]) -> bool:
    """A piece whose first row has no task number is the rest of a row cut by the page break,
    whatever its words: a header fills every column it names, its number column included."""
    number_cols = [c for c, r in roles.items() if r == "number"]
    return bool(number_cols) and not any(first.texts[c] for c in number_cols if c < len(first.texts))


@cache
def _caption_head() -> re.Pattern[str]:
    """The words that open a table's caption, from data/table_words.yaml, on folded text."""
    heads = sorted((folded(w) for w in load_yaml("table_words.yaml")["caption_heads"]), key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(re.escape(h) for h in heads)})\b")


def _caption(blocks: list[Block], index: int) -> str | None:
    """The text just above a table: from an appendix title ("PHỤ LỤC I", "Bảng 2") down to
    the table, else the one short paragraph before it."""
    above: list[str] = []
    for block in reversed(blocks[max(0, index - CAPTION_BLOCKS):index]):
        if not isinstance(block, Paragraph):
            break
        above.insert(0, block.text.strip())
        if _caption_head().match(folded(block.text)):
            return " ".join(t for t in above if t)
    nearest = next((t for t in reversed(above) if t), None)
    return nearest if nearest and len(nearest) <= MAX_CAPTION_CHARS else None


def _header_depth(rows: list[GridRow], roles: dict[int, str], depth: int) -> int:
    """Header rows: those the roles came from; else the rows flagged as repeated, else the first."""
    if roles and is_task_table(roles):
        return depth
    flagged = next((i for i, r in enumerate(rows) if not r.repeat_header), len(rows))
    return min(max(flagged, 1), len(rows))


def _same_roles(one: dict[int, str], other: dict[int, str]) -> bool:
    """Whether two pieces' column roles agree: equal, or one piece lacks a column the other
    names (a header cell read by OCR as "T1" for "TT") and no column has two roles."""
    if one == other:
        return True
    shared = one.keys() & other.keys()
    return all(one[c] == other[c] for c in shared) and len(one.keys() ^ other.keys()) <= 1


def stitch_tables(blocks: list[Block]) -> list[LogicalTable]:
    """Join ruled-table pieces split by page breaks into logical tables, in order.

    A piece continues the open table when it starts its page, the open one
    ended the page before, and its columns match; a repeated header is dropped
    and a first row without its number (a row cut by the break) is rejoined.
    """
    tables: list[LogicalTable] = []
    open_table: LogicalTable | None = None
    previous: Table | None = None
    for index, block in enumerate(blocks):
        if not isinstance(block, Table) or not block.bordered:
            if not (isinstance(block, Table) or not block.text.strip()):
                open_table, previous = None, None
            continue
        rows = expand_grid(block)
        if not rows:
            continue
        roles, depth = header_roles(rows)
        depth = _header_depth(rows, roles, depth)
        continues = (
            open_table is not None and previous is not None and block.starts_page and previous.ends_page
            and len(rows[0].texts) == len(open_table.header)
        )
        if continues and (_same_roles(roles, open_table.roles) or not is_task_table(roles)
                          or _is_fragment(rows[0], open_table.roles)):
            open_table.roles = {**roles, **open_table.roles}  # a header word one piece lost
            # A header giving the same column roles is the repeated header, even where its words
            # differ a little (read by OCR: "Cơ quan/Đơn vị" as "Cơ quan/ĐĐơn vị").
            repeated = _same_texts(_joined_header(rows, depth), open_table.header) or (
                depth > 0 and is_task_table(roles) and _same_roles(roles, open_table.roles))
            body = rows[depth:] if repeated else rows
            _append_piece(open_table, [r for r in body if not _same_texts(r.texts, open_table.header)], True)
        else:
            open_table = LogicalTable(roles=roles, header=_joined_header(rows, depth), caption=_caption(blocks, index))
            _append_piece(open_table, rows[depth:], False)
            tables.append(open_table)
        previous = block
    return tables
