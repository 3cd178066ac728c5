"""What keeps a long plan's conversion small (issue 14: under 150 MB at 300 pages).

The figure itself is bench/bench_convert.py's (a 300-page plan takes half a minute); here the
means are pinned down, each without a clock: the JSON text is written piece by piece and
never whole, the per-word and IR objects carry no __dict__, and a conversion's child does not
walk what it was forked with at each garbage collection. Memory is counted with tracemalloc.
"""
from __future__ import annotations

import copy
import gc
import json
import sys
import tracemalloc
from pathlib import Path

import pytest

from pipeline import ir, model
from pipeline.extract.layout import Line, Word
from pipeline.limits import Limits, run_limited
from pipeline.output.serialize import json_pieces, to_json, write_atomically

GOLDEN = Path(__file__).resolve().parent / "golden" / "plan-196-KH-UBND.expected.json"
# Copies of the sample's tasks in the large document: about 2 MB of JSON.
COPIES = 80
# Held at once while the text is written piece by piece, as a share of the text's size: the
# encoder's stack and a write buffer (json.dumps holds a list of every piece beside the text).
WRITE_SHARE = 0.25
# Held at once by `to_json`, as a multiple of the finished text: its runs of pieces joined, then the
# text joined from them (json.dumps: about 3.4 times).
TO_JSON_TIMES = 2.5


def large_doc() -> dict:
    doc = json.loads(GOLDEN.read_text(encoding="utf-8"))
    doc["tasks"] = [copy.deepcopy(t) for _ in range(COPIES) for t in doc["tasks"]]
    return doc


def peak_while(run) -> tuple[int, object]:
    """The most memory `run` held at once beyond what was held before (tracemalloc), and its result."""
    tracemalloc.start()
    try:
        result = run()
        return tracemalloc.get_traced_memory()[1], result
    finally:
        tracemalloc.stop()


def test_pieces_are_the_text_json_dumps_gives():
    doc = json.loads(GOLDEN.read_text(encoding="utf-8"))
    expected = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    assert "".join(json_pieces(doc)) == expected
    assert to_json(doc) == expected


def test_writing_the_pieces_never_holds_the_text(tmp_path):
    doc = large_doc()
    text = to_json(doc)
    peak, _ = peak_while(lambda: write_atomically(tmp_path / "plan.json", json_pieces(doc)))
    assert (tmp_path / "plan.json").read_text(encoding="utf-8") == text
    assert peak < WRITE_SHARE * sys.getsizeof(text), f"{peak} bytes held writing {sys.getsizeof(text)} bytes of text"


def test_to_json_does_not_hold_a_list_of_pieces():
    doc = large_doc()
    peak, text = peak_while(lambda: to_json(doc))
    assert peak < TO_JSON_TIMES * sys.getsizeof(text), f"{peak} bytes held for {sys.getsizeof(text)} bytes of text"


PER_WORD_AND_IR = [
    Word("Sở", 0.0, 10.0, 0.0, 12.0, 12.0),
    Line((Word("Sở", 0.0, 10.0, 0.0, 12.0, 12.0),)),
    ir.Place(page=1, bbox=(0.0, 0.0, 1.0, 1.0)),
    ir.Paragraph("Sở Y tế"),
    ir.Cell((), col=0),
    ir.Row(()),
    ir.Table((), n_cols=1),
    model.Agency("so-y-te", "Sở Y tế", "agency", "Sở Y tế"),
    model.Task(1, "1", None, "Báo cáo"),
]


@pytest.mark.parametrize("value", PER_WORD_AND_IR, ids=lambda v: type(v).__name__)
def test_many_small_objects_carry_no_dict(value):
    """A 300-page plan holds tens of thousands of each: slots keep them a fixed, small size."""
    assert not hasattr(value, "__dict__")


def test_the_child_does_not_collect_what_it_was_forked_with():
    """The package and its vocabularies are frozen in the child (gc.freeze): its full
    collections walk only the conversion's own objects. The parent's collector is untouched."""
    before = gc.get_freeze_count()
    ok, frozen = run_limited(gc.get_freeze_count, Limits(cpu_seconds=30))
    assert ok and frozen > 0
    assert gc.get_freeze_count() == before
