"""Warm workers (pipeline/warm.py): a file's child starts with the set-up done, not its own to do.

Each check runs in a fresh interpreter, since this test process has long been warmed by other
tests. Set-up is counted in function calls (cProfile: exact, whatever the machine's load), not
in seconds.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.normalize.plan import build_plan
from pipeline.model import Source
from pipeline.structure.document import build_skeleton
from pipeline.warm import warm_up, warm_up_plan

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DOCX = ROOT / "samples" / "plan-196-KH-UBND.docx"
# Share of a first conversion's set-up (the calls it makes beyond a second conversion of the
# same file) that may be left after the warm-up: per-text memos (normalize_text) stay cold.
LEFT_AFTER_WARM_UP = 0.25


def run_python(code: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize("task_table", [True, False], ids=["tasks in a table", "tasks in the body"])
def test_warm_up_plan_converts_whole(task_table):
    """The warm-up plan reaches the task code in both shapes: were it to stop (a structure change),
    the warm-up would silently warm less."""
    skeleton, type_code = build_skeleton(warm_up_plan(task_table))
    plan = build_plan(skeleton, type_code, Source("w.docx", "docx", "0" * 64, None))
    assert [t.lead[0].name for t in plan.tasks[:2]] == (
        ["Sở Khoa học và Công nghệ", "Sở Tài chính"] if task_table else ["Sở Nội vụ", "Sở Tài chính"])
    assert plan.document.code == "1/KH-UBND" and plan.document.signer and plan.recipients
    assert plan.warnings == []


def test_warm_up_is_done_once_and_says_so():
    assert warm_up() is True and warm_up() is True
    assert warm_up.cache_info().currsize == 1


COUNT_CALLS = """
import cProfile, pstats, sys
from pipeline.conversion import convert
import pipeline.extract.docx.reader  # imported alike in every mode: only the set-up differs
mode, path = sys.argv[1], sys.argv[2]
if mode == "warm":
    from pipeline.warm import warm_up
    warm_up()
elif mode == "second":
    convert(path)
profile = cProfile.Profile()
profile.runcall(convert, path)
print(sum(total for (_, total, *_rest) in pstats.Stats(profile).stats.values()))
"""


def test_warm_up_does_most_of_a_first_conversions_set_up():
    """Converting after `warm_up` costs about what a second conversion of the same file does:
    the vocabularies, gazetteer, patterns and validator are ready."""
    calls = {mode: int(run_python(COUNT_CALLS, mode, str(SAMPLE_DOCX))) for mode in ("cold", "warm", "second")}
    set_up = calls["cold"] - calls["second"]
    left = calls["warm"] - calls["second"]
    assert set_up > 0 and left <= LEFT_AFTER_WARM_UP * set_up, calls


WHAT_A_CHILD_INHERITS = """
import json, sys
from pathlib import Path
from pipeline import batch
from pipeline.cli import batch as batch_cli
from pipeline.normalize.gazetteer import default_gazetteer


def state() -> dict:
    return {"pdf reader": "pipeline.extract.pdf.reader" in sys.modules,
            "docx reader": "pipeline.extract.docx.reader" in sys.modules,
            "gazetteer": default_gazetteer.cache_info().currsize > 0}


def what_the_child_inherits(path: str) -> tuple[str, int]:
    return json.dumps(state()), 0


if __name__ == "__main__":
    mode, root, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    assert not any(state().values()), state()  # cold until warmed
    if mode == "pool":
        with batch_cli.local_executor(2) as pool:
            batch.run_batch(root, out, pool, workers=2, converter=what_the_child_inherits)
    else:  # a worker that was not forked warm (Dask's): warmed by its first job
        job = batch.Job(str(root / "a.docx"), "a.docx", converter=what_the_child_inherits)
        (out / "a.json").write_text(batch.convert_job(job).text, encoding="utf-8")
"""


@pytest.mark.parametrize("mode", ["pool", "job"], ids=["local pool forked warm", "worker warmed by its first job"])
def test_each_files_child_starts_warm(tmp_path, mode):
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    out.mkdir()
    for name in ("a.docx", "b.docx", "c.docx"):
        (root / name).write_bytes(SAMPLE_DOCX.read_bytes())
    run_python(WHAT_A_CHILD_INHERITS, mode, str(root), str(out))
    states = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("?.json"))]
    assert states and all(s == {"pdf reader": True, "docx reader": True, "gazetteer": True} for s in states), states
