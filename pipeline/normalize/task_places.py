"""Where a task stands: its key (contract 1.1) and the label a person finds it by.

A key is the printed number as a string where that is unique in the document
("5", "1.a"). Where numbers restart per group row ("I. ...": 1, 2; "II. ...": 1,
2) every task of that table is qualified by its group's label ("II.5"); where
they restart per table (two tables numbered from 1) by the table ("B2:5", the
second task table). Anything still alike gets "#2", "#3" in reading order, so
a key is always unique and the same text always gives the same keys.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import groupby

from pipeline.data.messages import message
from pipeline.structure.types import RawTask

# The printed label that opens a group heading: "II. ...", "B. ...", "3. ...".
_GROUP_LABEL = re.compile(r"^\s*([IVXLC]+|[A-ZĐ]|\d+(?:\.\d+)*)[.)]\s")
# A body task's unnumbered heading is cut to this many characters in its label.
MAX_HEADING_IN_LABEL = 40


def group_label(group: str | None, ordinal: int) -> str:
    """"II" for "II. NHIỆM VỤ ..."; a group without a printed label is "G<ordinal>"."""
    if group and (m := _GROUP_LABEL.match(group)):
        return m.group(1)
    return f"G{ordinal}"


def _duplicated(keys: list[str]) -> set[str]:
    return {k for k, n in Counter(keys).items() if n > 1}


def _qualified_by_group(tasks: list[RawTask]) -> list[str]:
    """The keys of one table's tasks: plain numbers, or "<group>.<number>" when they repeat."""
    plain = [t.number or "0" for t in tasks]
    if not _duplicated(plain):
        return plain
    ordinals: dict[str | None, int] = {}
    keys = []
    for task, number in zip(tasks, plain):
        ordinal = ordinals.setdefault(task.group, len(ordinals) + 1)
        keys.append(f"{group_label(task.group, ordinal)}.{number}" if task.group else number)
    return keys


def task_keys(tasks: list[RawTask]) -> list[str]:
    """One unique, stable key per task, in the order given."""
    keys: list[str] = []
    # Tasks of one table (or of the body) are consecutive; each run is keyed on its own first.
    runs = [list(run) for _, run in groupby(tasks, key=lambda t: (t.from_body, t.table))]
    per_run = [_qualified_by_group(run) for run in runs]
    # Keys that two runs share (a clash inside one run is a typo, settled by "#2" below).
    clash = _duplicated([k for run_keys in per_run for k in set(run_keys)])
    for run, run_keys in zip(runs, per_run):
        by_table = not run[0].from_body and any(k in clash for k in run_keys)
        keys.extend(f"B{run[0].table + 1}:{k}" if by_table else k for k in run_keys)
    seen: Counter[str] = Counter()
    unique = []
    for key in keys:
        seen[key] += 1
        unique.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return unique


def task_label(task: RawTask, key: str, paged: bool) -> str:
    """"Phụ lục II, nhiệm vụ II.5, trang 9": where a person finds the task, in Vietnamese."""
    if task.from_body:
        head = message("label.section", n=_section_of(task.group)) if task.group else message("label.plan_body")
    else:
        head = task.place or message("label.table", n=task.table + 1)
    parts = [head, message("label.task", task=key)]
    if paged and task.pages:
        pages = sorted(task.pages)
        parts.append(message("label.page", n=pages[0] if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"))
    return ", ".join(parts)


def _section_of(group: str) -> str:
    """"IV" for a body task under "IV. TỔ CHỨC THỰC HIỆN"; the heading itself when unnumbered."""
    m = _GROUP_LABEL.match(group)
    return m.group(1) if m else group[:MAX_HEADING_IN_LABEL]
