"""Task keys and labels (contract 1.1): unique, stable, and how a person finds the task.

Each case is a table of tasks as the structure step hands them over (number as
printed, group row, table, body or not) and the keys the contract wants.
"""
from __future__ import annotations

import pytest

from pipeline.normalize.task_places import group_label, task_keys, task_label
from pipeline.structure.types import RawTask


@pytest.fixture(autouse=True)
def vietnamese_run(monkeypatch):
    """Labels as a run without --lang writes them: in Vietnamese (the suite's default is English)."""
    monkeypatch.setenv("VNPLAN_LANG", "vi")


def t(number: str | None, group: str | None = None, table: int = 0, body: bool = False) -> RawTask:
    return RawTask(number, group, {"content": "x"}, (), table, from_body=body)


G1, G2 = "I. Cải cách thể chế", "II. Cải cách thủ tục hành chính"

# (tasks, keys)
KEY_CASES = [
    # numbers unique in the document: the printed number as a string
    ([t("1"), t("2"), t("3")], ["1", "2", "3"]),
    # sub-numbers and letters are already unique
    ([t("1.1"), t("1.2"), t("2.a")], ["1.1", "1.2", "2.a"]),
    # plan 01: numbers restart in every Roman group row: the group qualifies every task of the table
    ([t("1", G1), t("2", G1), t("1", G2), t("2", G2), t("3", G2)], ["I.1", "I.2", "II.1", "II.2", "II.3"]),
    # one group's numbers clash with another's: the whole table is qualified, not only the clashes
    ([t("1", G1), t("2", G1), t("3", G2), t("1", G2)], ["I.1", "I.2", "II.3", "II.1"]),
    # letter groups ("A.", "B.") with restarting numbers
    ([t("1", "A. NHIỆM VỤ TRỌNG TÂM"), t("1", "B. NHIỆM VỤ THƯỜNG XUYÊN")], ["A.1", "B.1"]),
    # unique numbers under groups stay plain (contract: "5" where already unique)
    ([t("1", G1), t("2", G2)], ["1", "2"]),
    # plan 05: two tables numbered from 1, no groups: the table qualifies ("B2:3" = 2nd task table)
    ([t("1", table=0), t("2", table=0), t("1", table=1), t("2", table=1)], ["B1:1", "B1:2", "B2:1", "B2:2"]),
    # a second table numbered on from the first: no clash, plain numbers
    ([t("1", table=0), t("2", table=0), t("3", table=1)], ["1", "2", "3"]),
    # groups without a printed label: numbered by order of appearance
    ([t("1", "NHIỆM VỤ CHUNG"), t("1", "NHIỆM VỤ RIÊNG")], ["G1.1", "G2.1"]),
    # the same number twice in one group (a typo in the TT column): "#2" keeps keys unique
    ([t("4", G1), t("4", G1)], ["I.4", "I.4#2"]),
    # a table task and a body task with the same number: the table is qualified
    ([t("1", table=0), t("1", "III. NỘI DUNG", body=True)], ["B1:1", "1"]),
]


@pytest.mark.parametrize(("tasks", "keys"), KEY_CASES)
def test_task_keys(tasks: list[RawTask], keys: list[str]) -> None:
    assert task_keys(tasks) == keys


@pytest.mark.parametrize(("tasks", "keys"), KEY_CASES)
def test_keys_are_unique(tasks: list[RawTask], keys: list[str]) -> None:
    assert len(set(task_keys(tasks))) == len(tasks)


# (group heading, ordinal, label)
GROUP_LABEL_CASES = [
    ("I. Cải cách thể chế", 1, "I"),  # Roman
    ("VII. Công tác chỉ đạo, điều hành CCHC", 7, "VII"),  # longer Roman
    ("B. NHIỆM VỤ THƯỜNG XUYÊN", 2, "B"),  # letter
    ("1. Nhóm nhiệm vụ về hoàn thiện thể chế", 1, "1"),  # a numbered row that heads sub-rows
    ("NHIỆM VỤ CHUNG", 3, "G3"),  # no printed label
    (None, 1, "G1"),  # no group at all
]


@pytest.mark.parametrize(("group", "ordinal", "label"), GROUP_LABEL_CASES)
def test_group_label(group: str | None, ordinal: int, label: str) -> None:
    assert group_label(group, ordinal) == label


# (task, key, paged, label)
LABEL_CASES = [
    (RawTask("5", G2, {}, (9,), 0, place="Phụ lục"), "II.5", True, "Phụ lục, nhiệm vụ II.5, trang 9"),  # contract's example
    (RawTask("5", G2, {}, (9, 10), 0, place="Phụ lục II"), "II.5", True, "Phụ lục II, nhiệm vụ II.5, trang 9-10"),  # two pages
    (RawTask("5", G2, {}, (), 0, place="Phụ lục"), "II.5", False, "Phụ lục, nhiệm vụ II.5"),  # DOCX: no page
    (RawTask("3", None, {}, (4,), 1, place="Bảng 2"), "B2:3", True, "Bảng 2, nhiệm vụ B2:3, trang 4"),  # a body table
    (RawTask("1.2", "IV. TỔ CHỨC THỰC HIỆN", {}, (), 0, from_body=True), "1.2", False,
     "Mục IV, nhiệm vụ 1.2"),  # a task read from the body
]


@pytest.mark.parametrize(("task", "key", "paged", "label"), LABEL_CASES)
def test_task_label(task: RawTask, key: str, paged: bool, label: str) -> None:
    assert task_label(task, key, paged) == label
