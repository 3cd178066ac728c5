"""TT numbers repaired from their neighbours' run (pipeline.structure.task_numbers)."""
from __future__ import annotations

import pytest

from pipeline.structure.tables import unread_number_warnings
from pipeline.structure.task_numbers import repair_sequence
from pipeline.structure.types import RawTask


def _rows(*numbers: str | None) -> list[RawTask]:
    """Rows numbered as read; "?7" stands for a TT cell with digits that could not be read."""
    return [RawTask(None if n == "?7" else n, None, {"content": f"row {i}"}, unread_number="?7" if n == "?7" else None)
            for i, n in enumerate(numbers)]


SEQUENCE_CASES = [
    # (numbers as read, numbers after the repair, printed numbers kept)
    # the real misreads: "13" read as "15" between 12 and 14
    (["12", "15", "14"], ["12", "13", "14"], [None, "15", None]),
    # a TT cell read as nothing between 6 and 8 (was numbered "6.a")
    (["6", None, "8"], ["6", "7", "8"], [None, "", None]),
    # the run restarts under a group heading: nothing to repair
    (["1", "2", "3", "1", "2"], ["1", "2", "3", "1", "2"], [None] * 5),
    # sub-rows are not part of the run; the row between 1 and 3 still is
    (["1", "1.a", "1.b", "5", "3"], ["1", "1.a", "1.b", "2", "3"], [None, None, None, "5", None]),
    # an unnumbered row after its task (a second product) stays a sub-row
    (["1", None, "2"], ["1", None, "2"], [None] * 3),
    # the first row of a table, unread, before row 2
    (["?7", "2", "3"], ["1", "2", "3"], ["?7", None, None]),
    # the first row empty (a continued row at the top of a page) is left for the row above
    ([None, "2", "3"], [None, "2", "3"], [None] * 3),
]


@pytest.mark.parametrize("read, numbers, printed", SEQUENCE_CASES)
def test_repair_sequence(read, numbers, printed) -> None:
    out = repair_sequence(_rows(*read))
    assert ([t.number for t in out], [t.printed_number for t in out]) == (numbers, printed)


def test_repaired_number_is_warned() -> None:
    warnings = unread_number_warnings(repair_sequence(_rows("12", "15", "14")))
    assert [w.code for w in warnings] == ["task_number_repaired"]
    assert "'15'" in warnings[0].message and "13" in warnings[0].message
