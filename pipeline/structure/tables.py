"""Task tables to tasks: group heading rows, numbering, sub-rows; other tables kept as data.

The logical tables come from `stitch` (joined across pages, columns known by
role); here each row of a task table becomes a task under the latest group
heading, and every other ruled table is kept as a DataTable.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from functools import cache

from pipeline.data import load_yaml
from pipeline.data.messages import message
from pipeline.ir import Block
from pipeline.text import folded, is_upper
from pipeline.ir import union_places
from pipeline.structure.stitch import GridRow, LogicalTable, role_places, role_text, stitch_tables
from pipeline.structure.task_numbers import repair_sequence
from pipeline.structure.types import RawDataTable, RawTask
from pipeline.warnings import PlanWarning, pointer

# A cell spanning at least this share of the columns is a group heading row.
GROUP_SPAN_SHARE = 0.5

_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_LETTER_GROUP = re.compile(r"^[A-ZĐ]\.?$")
_PLAIN_NUMBER = re.compile(r"^(\d+)\.?$")
_DOTTED_NUMBER = re.compile(r"^(\d+(?:\.\d+)+)\.?$")
_LETTER_ITEM = re.compile(r"^([a-zđ])[.)]$")
# A number a narrow TT column wrapped onto two lines ("100" over "0"): digits and spaces only.
_WRAPPED_DIGITS = re.compile(r"^\d+(?:\s+\d+)+\.?$")


def _group_heading(row: GridRow, roles: dict[int, str], n_cols: int) -> str | None:
    """The text of a group heading row ("I | NHIỆM VỤ DO SỞ ... CHỦ TRÌ"), else None."""
    number = role_text(row, roles, "number")
    content = role_text(row, roles, "content")
    lead = role_text(row, roles, "lead")
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
    """"3" or "3." -> 3; "1.2" -> "1.2"; "a)" under row 1 -> "1.a"; "100 0" (wrapped) -> 1000; else None."""
    text = text.strip()
    if _WRAPPED_DIGITS.match(text):
        text = re.sub(r"\s+", "", text)
    if m := _PLAIN_NUMBER.match(text):
        return int(m.group(1))
    if m := _DOTTED_NUMBER.match(text):
        return m.group(1)
    if (m := _LETTER_ITEM.match(text)) and parent is not None:
        return f"{str(parent).split('.')[0]}.{m.group(1)}"
    return None


def unread_number(text: str) -> str | None:
    """A TT cell holding digits that `parse_task_number` could not read ("12a", "1.2 )"), else None.

    Such a row is numbered from its neighbour like an unnumbered one; the printed text is
    kept so that a warning can name it.
    """
    text = text.strip()
    return text if any(ch.isdigit() for ch in text) and parse_task_number(text, 0) is None else None


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
    return replace(task, cells=cells, pages=tuple(sorted(set(task.pages) | set(row.pages))),
                   places=_merged_places(task.places, _row_places(row, roles)))


def _row_places(row: GridRow, roles: dict[int, str]) -> dict[str, tuple]:
    """Where each role's cell of a row stands, and the row itself ("row")."""
    places = {role: role_places(row, roles, role) for role in dict.fromkeys(roles.values())}
    places["row"] = union_places([p for cell in row.places for p in cell])
    return {role: where for role, where in places.items() if where}


def _merged_places(old: dict[str, tuple], new: dict[str, tuple]) -> dict[str, tuple]:
    return {role: union_places(old.get(role, ()) + new.get(role, ())) for role in dict.fromkeys([*old, *new])}


def _fill_missing_numbers(tasks: list[RawTask]) -> list[RawTask]:
    """Rows without a TT get the previous number with the next free letter ("3.a", "3.b").

    The contract wants every task addressable (a diff matches on it); a letter
    already used by a printed "a)" row is skipped. Each base number keeps its own
    cursor into the letters, so a run of unnumbered rows costs linear time.
    """
    used = {t.number for t in tasks if t.number}
    cursors: dict[str, Iterator[str]] = {}
    out: list[RawTask] = []
    base = "0"
    for task in tasks:
        if task.number is None:
            letters = cursors.setdefault(base, _suffixes())
            suffix = next(s for s in letters if f"{base}.{s}" not in used)
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


@cache
def _appendix() -> tuple[str, re.Pattern[str]]:
    """The appendix word as printed in labels, and a pattern for it and its numeral on folded text."""
    word = load_yaml("table_words.yaml")["appendix_word"]
    return word, re.compile(rf"^\s*{re.escape(folded(word))}(?:\s+([ivxlc]+|\d+)\b)?")


def table_place(caption: str | None, ordinal: int) -> str:
    """How the document names a task table: "Phụ lục II" from its caption, else "Bảng <n>"."""
    word, pattern = _appendix()
    if caption and (m := pattern.match(folded(caption))):
        numeral = m.group(1)
        return f"{word} {numeral.upper() if not numeral.isdigit() else numeral}" if numeral else word
    return message("label.table", n=ordinal)


def row_label(task: RawTask) -> str:
    """"Phụ lục I, dòng 3, trang 5": where a person finds a task table's row, in Vietnamese."""
    parts = [task.place or message("label.table", n=task.table + 1), message("label.row", n=task.number or "?")]
    if task.pages:
        parts.append(message("label.page", n=min(task.pages)))
    return ", ".join(parts)


def rows_to_tasks(table: LogicalTable, index: int) -> list[RawTask]:
    """Task rows of a logical table, each under the latest group heading."""
    tasks: list[RawTask] = []
    place = table_place(table.caption, index + 1)
    group: str | None = None
    group_places: tuple = ()  # where the group heading row stands
    n_cols = len(table.header)
    parent: int | str | None = None
    for row in table.rows:
        if not any(row.texts):
            continue
        heading = _group_heading(row, table.roles, n_cols)
        if heading:
            group, group_places = heading, union_places([p for cell in row.places for p in cell])
            continue
        if tasks and _continues_merged_task(row, table.roles):
            tasks[-1] = _merge_sub_row(tasks[-1], row, table.roles)
            continue
        printed = role_text(row, table.roles, "number")
        number = parse_task_number(printed, parent)
        if isinstance(number, int):
            parent = number
        cells = {role: role_text(row, table.roles, role) for role in dict.fromkeys(table.roles.values()) if role != "number"}
        places = _row_places(row, table.roles)
        if group and group_places:
            places["group"] = group_places
        tasks.append(RawTask(str(number) if number is not None else None, group, cells, row.pages, index, places=places,
                             place=place, unread_number=unread_number(printed) if number is None else None))
    return _fill_missing_numbers(_demote_parent_rows(repair_sequence(tasks)))


def _demote_parent_rows(tasks: list[RawTask]) -> list[RawTask]:
    """A numbered row with no agencies followed by its sub-rows ("1" then "1.1") heads a group."""
    out: list[RawTask] = []
    group_override: tuple[str, str] | None = None  # (parent number, heading)
    group_places: tuple = ()  # where the demoted parent row stands
    for i, task in enumerate(tasks):
        nxt = tasks[i + 1] if i + 1 < len(tasks) else None
        has_agency = task.cells.get("lead") or task.cells.get("cooperating")
        if nxt and task.number and not has_agency and (nxt.number or "").startswith(f"{task.number}."):
            group_override = (task.number, f"{task.number}. {task.cells.get('content', '')}".strip())
            group_places = task.places.get("row", ())
            continue
        # A row without TT under the demoted parent's sub-rows stays in its group.
        if group_override and (task.number is None or task.number.startswith(f"{group_override[0]}.")):
            task = replace(task, group=group_override[1], places={**task.places, "group": group_places})
        else:
            group_override = None
        out.append(task)
    return out


def read_tables(blocks: list[Block]) -> tuple[list[RawTask], list[RawDataTable]]:
    """Every task row of the task tables, and the other ruled tables kept as data, in document order.

    The blocks are stitched into logical tables once, for both.
    """
    tables = stitch_tables(blocks)
    tasks: list[RawTask] = []
    for index, table in enumerate(t for t in tables if t.is_task_table):
        tasks.extend(rows_to_tasks(table, index))
    return tasks, [_data_table(t) for t in tables if not t.is_task_table]


def _data_table(table: LogicalTable) -> RawDataTable:
    return RawDataTable(
        caption=table.caption,
        header=table.header,
        rows=tuple(row.texts for row in table.rows if any(row.texts)),
        pages=tuple(sorted({p for row in table.rows for p in row.pages})),
        places=tuple(row.places for row in table.rows if any(row.texts)),
        task_like=table.looks_like_tasks,
    )


def untaken_task_tables(tables: list[RawDataTable]) -> list[PlanWarning]:
    """A warning for each data table that looks like a task table, naming where it is printed."""
    warnings = []
    for i, table in enumerate(tables):
        if not table.task_like:
            continue
        label = table_place(table.caption, i + 1) + (", " + message("label.page", n=table.pages[0]) if table.pages else "")
        header = " | ".join(h for h in table.header if h)
        warnings.append(PlanWarning(
            "task_table_not_taken",
            message("warning.task_table_not_taken", header=header),
            pointer("tables", i), label))
    return warnings


def unread_number_warnings(tasks: list[RawTask]) -> list[PlanWarning]:
    """One warning per task row whose printed TT could not be read, naming the number it was given."""
    return [PlanWarning("task_number_unread", message("warning.task_number_unread", cell=repr(task.unread_number),
                                                      number=task.number), None, row_label(task))
            for task in tasks if task.unread_number] + [
        PlanWarning("task_number_repaired", message("warning.task_number_repaired", read=repr(task.printed_number),
                                                    number=task.number), None, row_label(task))
        for task in tasks if task.printed_number is not None]


def extract_tasks(blocks: list[Block]) -> list[RawTask]:
    """Every task row of every task table in the blocks, in document order."""
    return read_tables(blocks)[0]


def extract_data_tables(blocks: list[Block]) -> list[RawDataTable]:
    """Ruled tables that are not task tables (schedules, lists of units), kept as they are."""
    return read_tables(blocks)[1]
