"""Schema-valid by construction (issue 21, point 5): ids, task numbers and every field that can
come from the text are built so that no input breaks the schema.

Two real files ended in "internal error: output breaks the schema": an agency id "-lao-cai"
(a name with no ASCII letter slugged and joined to its province) and a task number "b.1" (a
table numbered by letters). A property test: a seeded random generator of nasty strings
(hypothesis is not installed) feeds the builders (ids, task numbers, agency cells) and whole
documents made of such strings (header, body, task table, closing); every output validates.
Every real fixture and the fuzz corpus go through `convert`, which validates (test_coverage_real,
test_fuzz).
"""
from __future__ import annotations

import random
import re

import pytest

from ir_builders import grid, layout, para
from pipeline.model import Agency, contract_task_number
from pipeline.normalize.agencies import parse_agency_cell
from pipeline.text import contract_id
from test_every_word import plan_of

SEED = 21
CASES = 300
DOCUMENTS = 60
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TASK_NUMBER = re.compile(r"^\d+(?:\.[0-9a-zđ]+)+$")
# Pieces the nasty strings are made of: separators, numbering, symbols without ASCII letters,
# Vietnamese words that steer the readers (agency heads, headings, closing words), control
# and combining characters, right-to-left and other scripts.
PIECES = ["", " ", "-", "—", "–", "…", "()", "(", ")", ".", ",", ";", ":", "/", "&", "b.1", "a)", "0", "00", "1.",
          "II.", "Điều 1.", "Chương I", "-Lào Cai", "Lào Cai", "Sở", "UBND", "tỉnh", "Ủy ban nhân dân", "các",
          "Nơi nhận:", "KT. CHỦ TỊCH", "Số:", "V/v", "Ông", "Nguyễn", "Văn", "Phụ lục", "KẾ HOẠCH", "Quý I/2026",
          "năm 0202", "ngày 31/02/2026", "Thường xuyên", "\t", "\n", "\u200b", "\u0301", "\u00a0", "ـــ", "שלום",
          "漢字", "🙂", "ⅫⅫ", "İ", "ǅ", "ß", "x" * 300, "Đ", "đ", "Z"]


def nasty(rng: random.Random, most: int = 6) -> str:
    return "".join(rng.choice(PIECES) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(0, most)))


def samples(count: int, seed: int = SEED) -> list[str]:
    rng = random.Random(seed)
    return [nasty(rng) for _ in range(count)]


# (what was built, what it becomes): the two values that broke the schema on real files.
ID_CASES = [
    ("-lao-cai", "lao-cai"),  # an empty name's slug joined to its province's
    ("so-noi-vu--lam-dong", "so-noi-vu-lam-dong"),  # a doubled hyphen
    ("", None),  # nothing at all: a stable hash, still an id
]


@pytest.mark.parametrize(("built", "expected"), ID_CASES)
def test_contract_id(built: str, expected: str | None) -> None:
    made = contract_id(built, "—")
    assert ID.match(made) and (expected is None or made == expected)


# (printed or built number, what the task gets)
NUMBER_CASES = [
    ("b.1", "0.b.1"),  # a table numbered by letters: no digits first
    ("12a", "12.a"),  # digits and a letter glued
    ("3.", 3),  # a plain number with its dot
    ("1.2", "1.2"),  # already dotted
    (0, "0.0"),  # a row numbered 0
    (None, "0.0"),  # no number at all
]


@pytest.mark.parametrize(("printed", "expected"), NUMBER_CASES)
def test_contract_task_number(printed, expected) -> None:
    assert contract_task_number(printed) == expected


def test_ids_and_numbers_from_nasty_strings() -> None:
    for text in samples(CASES):
        number = contract_task_number(text)
        assert (isinstance(number, int) and number >= 1) or TASK_NUMBER.match(number), repr(text)
        agency = Agency(id=text, name=text, kind="agency", text=text)
        assert ID.match(agency.id) and agency.name and agency.text, repr(text)


def test_agency_cells_from_nasty_strings() -> None:
    for text in samples(CASES, SEED + 1):
        found, _ = parse_agency_cell(text, "Lào Cai")
        for entry in found:
            assert ID.match(entry.id) and entry.name and entry.text, (repr(text), entry)


def _document(rng: random.Random):
    """A document's blocks, every text of which is nasty: header, title, body, task table, closing."""
    header = layout([nasty(rng, 3), "Số: " + nasty(rng, 2)], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", nasty(rng, 3)])
    body = [para(nasty(rng), bold=rng.random() < 0.5) for _ in range(rng.randint(0, 6))]
    rows = [["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"]]
    rows += [[nasty(rng, 2), nasty(rng), nasty(rng, 3), nasty(rng, 3), nasty(rng, 3)] for _ in range(rng.randint(0, 5))]
    closing = layout(["Nơi nhận:", nasty(rng, 3)], [nasty(rng, 2), nasty(rng, 3)])
    tail = [para(nasty(rng)) for _ in range(rng.randint(0, 3))]
    return [header, para("KẾ HOẠCH", bold=True, align="center"), para(nasty(rng)), *body, grid(rows), closing, *tail]


def test_whole_documents_from_nasty_strings_validate() -> None:
    """`plan_of` builds the skeleton, the plan and its dict, and asserts it validates."""
    rng = random.Random(SEED)
    for _ in range(DOCUMENTS):
        plan_of(*_document(rng))
