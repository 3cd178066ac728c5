"""No quadratic step: operation counts, not seconds, as a task table grows from 500 to 2,000 rows.

Each test counts the calls made inside the package (cProfile's call counts are exact and
do not depend on the machine's load) for a table of N rows and of 4N rows. A linear or
n·log n step grows about 4x; a quadratic one 16x. The bound (5x) leaves room for
log factors and fixed costs, and fails on any step that compares every row with every
other.
"""
from __future__ import annotations

import cProfile
import dataclasses
import pstats
import random
from typing import Callable

import pytest

from pipeline.extract.layout import Word
from pipeline.extract.pdf.page import build_table
from pipeline.ir import Extracted, Place
from pipeline.model import Source
from pipeline.normalize.plan import build_plan
from pipeline.structure.document import build_skeleton

from ir_builders import grid, para

SMALL, LARGE = 500, 2000
LINEAR_BOUND = 5.0  # 4x rows: linear gives 4, n log n a little more, quadratic 16
LEADS = ["Sở Tài chính", "Sở Nội vụ", "Sở Y tế", "Sở Xây dựng", "Công an tỉnh"]
TIMEFRAMES = ["Thường xuyên", "Quý II/2026", "Năm 2026", "Trước ngày 30/6/2026"]


def calls_in_package(run: Callable[[], object]) -> int:
    """Function calls made in pipeline/ while `run` runs."""
    profiler = cProfile.Profile()
    profiler.runcall(run)
    stats = pstats.Stats(profiler).stats  # {(file, line, name): (primitive, total, ...)}
    return sum(total for (path, _, _), (_, total, *_rest) in stats.items() if "/pipeline/" in path)


def task_table_ir(rows: int, numbered_every: int = 1) -> Extracted:
    """A plan whose task table has `rows` rows; every `numbered_every`-th row has a TT."""
    rng = random.Random(rows)
    body = [["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]]
    for i in range(rows):
        number = str(i // numbered_every + 1) if i % numbered_every == 0 else ""
        body.append([number, f"Triển khai nhiệm vụ số {i} về cải cách hành chính", rng.choice(LEADS),
                     "Các sở, ban, ngành", rng.choice(TIMEFRAMES)])
    blocks = (para("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM"), para("Số: 12/KH-UBND"), para("KẾ HOẠCH", bold=True),
              para("Triển khai nhiệm vụ năm 2026", bold=True), grid(body))
    return Extracted(blocks=blocks, pages=None)


def convert_ir(extracted: Extracted) -> None:
    skeleton, type_code = build_skeleton(extracted)
    build_plan(skeleton, type_code, Source("x.docx", "docx", "0" * 64, None))


def growth(make: Callable[[int], Callable[[], object]]) -> float:
    small, large = calls_in_package(make(SMALL)), calls_in_package(make(LARGE))
    return large / small


@pytest.mark.parametrize("numbered_every", [1, 10], ids=["every row numbered", "runs of rows without TT"])
def test_structure_and_normalize_grow_linearly(numbered_every: int) -> None:
    ratio = growth(lambda n: (lambda: convert_ir(task_table_ir(n, numbered_every))))
    assert ratio < LINEAR_BOUND, f"{LARGE} rows cost {ratio:.1f}x the calls of {SMALL}"


def _cell_grid(rows: int) -> tuple[list[tuple[float, float, float, float]], list[Word]]:
    """Cell boxes of a 3-column ruled table of `rows` rows, 12 pt high, and one word per cell."""
    boxes, words = [], []
    for r in range(rows):
        top = 10.0 + 12 * r
        for c, (x0, x1) in enumerate([(10, 40), (40, 300), (300, 450)]):
            boxes.append((x0, top, x1, top + 12))
            words.append(Word(f"w{r}.{c}", x0 + 2, x0 + 20, top + 2, top + 10, 8.0, page=1))
    return boxes, words


def test_pdf_table_cells_are_filled_without_scanning_the_page_per_cell() -> None:
    ratio = growth(lambda n: (lambda: build_table(*_cell_grid(n), page=1)))
    assert ratio < LINEAR_BOUND, f"{LARGE} rows cost {ratio:.1f}x the calls of {SMALL}"


def test_cells_get_their_own_words() -> None:
    boxes, words = _cell_grid(3)
    table = build_table(boxes, words, page=1)
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["w0.0", "w0.1", "w0.2"], ["w1.0", "w1.1", "w1.2"], ["w2.0", "w2.1", "w2.2"]]


def numbered_empty_ir(count: int) -> Extracted:
    """Issue 25: `count` numbered empty paragraphs in mid-body (a DOCX list of empty items reads as
    "1.", "2.", ... each its own section). Their places were searched from the document's start
    for each one: 2,500 took 2.2 s, 20,000 took 90 s."""
    blocks = [para("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM"), para("Số: 12/KH-UBND"), para("KẾ HOẠCH", bold=True),
              para("Triển khai nhiệm vụ năm 2026", bold=True), para("I. MỤC ĐÍCH, YÊU CẦU", bold=True)]
    blocks += [para(f"{i + 1}.") for i in range(count)]
    blocks += [para("II. NHIỆM VỤ", bold=True), para("1. Sở Tài chính chủ trì triển khai nhiệm vụ."),
               para("Nơi nhận:"), para("CHỦ TỊCH")]
    placed = [dataclasses.replace(block, places=(Place(paragraph=i),)) for i, block in enumerate(blocks)]
    return Extracted(blocks=tuple(placed), pages=None)


def test_numbered_empty_paragraphs_grow_linearly() -> None:
    ratio = growth(lambda n: (lambda: convert_ir(numbered_empty_ir(n))))
    assert ratio < LINEAR_BOUND, f"{LARGE} paragraphs cost {ratio:.1f}x the calls of {SMALL}"
