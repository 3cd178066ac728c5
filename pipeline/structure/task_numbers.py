"""TT numbers by their sequence: a number that breaks the run of its neighbours is repaired from them.

A task table numbers its rows 1, 2, 3 ... (restarting under a group heading). OCR
misreads a TT cell now and then ("7" as nothing, so the row became "6.a"; "13" as
"15"); the neighbours say what it must be. A row between n-1 and n+1 that is not
n, or the first row of a table read as no number before a row n+1, gets n, and
keeps what was printed (`RawTask.printed_number`) for the warning that says so.
Sub-rows ("1.a", "2.1") are not part of the run.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.structure.types import RawTask

_PLAIN = re.compile(r"^\d+$")


def _value(task: RawTask) -> int | None:
    return int(task.number) if task.number and _PLAIN.match(task.number) else None


def _in_run(task: RawTask) -> bool:
    """A row of the top-level run: numbered plainly, or with no number it could read."""
    return task.number is None or _value(task) is not None


def _expected(before: int | None, after: int | None, unread_first: bool) -> int | None:
    """The number the neighbours give a row: between n-1 and n+1, or before n+1 at the top of a
    table when its own TT held digits that could not be read."""
    if before is not None and after is not None and after == before + 2:
        return before + 1
    if unread_first and after is not None and after > 1:
        return after - 1
    return None


def repair_sequence(tasks: list[RawTask]) -> list[RawTask]:
    """The table's rows with each number that breaks its neighbours' run set from them."""
    run = [i for i, t in enumerate(tasks) if _in_run(t)]
    out = list(tasks)
    for k, i in enumerate(run):
        before = _value(tasks[run[k - 1]]) if k else None
        after = _value(tasks[run[k + 1]]) if k + 1 < len(run) else None
        task = tasks[i]
        want = _expected(before, after, unread_first=k == 0 and bool(task.unread_number))
        if want is None or _value(task) == want:
            continue
        printed = task.unread_number or task.number or ""
        out[i] = replace(task, number=str(want), unread_number=None, printed_number=printed)
    return out
