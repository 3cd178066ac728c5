"""`vnplan batch` (pipeline/batch.py, pipeline/batch_cli.py): a folder of good and bad files.

The 200-file throughput run is bench/bench_batch.py; here ~10 files show that the
good ones are converted, the bad ones reported, the exit status is 1, resume skips
what is up to date, and a slow, greedy or crashing conversion is one failed entry.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import time
from pathlib import Path

import pytest

import bad_files
from pipeline import batch
from pipeline import naming
from pipeline.cli import batch as batch_cli

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def vnplan_batch(*argv: str) -> int:
    """Run `vnplan batch ARGV` through the sub-command's own parser."""
    parser = argparse.ArgumentParser(prog="vnplan")
    batch_cli.add_parser(parser.add_subparsers(dest="command"))
    return batch_cli.run(parser.parse_args(["batch", *argv]))


def copy_sample(dst: Path, suffix: str = ".docx") -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes((SAMPLES / f"plan-196-KH-UBND{suffix}").read_bytes())
    return dst


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Six good inputs in nested folders, four bad ones, and files that are not inputs."""
    root = tmp_path / "in"
    copy_sample(root / "plan.pdf", ".pdf")
    copy_sample(root / "plan.docx")  # same stem as plan.pdf: both keep their extension
    copy_sample(root / "2024" / "q3" / "a.docx")
    copy_sample(root / "2024" / "q3" / "B.DOCX")  # upper-case extension is still an input
    copy_sample(root / "2024" / "c.docx")
    copy_sample(root / "2025" / "d.docx")
    bad = root / "bad"
    bad.mkdir()
    for name in ("empty_pdf", "truncated_docx", "text_as_pdf", "encrypted_pdf"):
        bad_files.BUILDERS[name](bad)
    (root / "notes.txt").write_text("not an input", encoding="utf-8")
    (root / "~$plan.docx").write_bytes(b"lock file")  # Word's lock file: hidden, skipped
    (root / "folder.pdf").mkdir()  # a folder named like a PDF is not an input
    return root


GOOD_OUTPUTS = ["2024/c.json", "2024/q3/B.json", "2024/q3/a.json", "2025/d.json", "plan.docx.json", "plan.pdf.json"]
# A word of each reason: the extractors own the exact wording.
BAD_REASONS = {
    "bad/empty.pdf": "empty",
    "bad/truncated.docx": "DOCX",
    "bad/notes.pdf": "PDF",
    "bad/encrypted.pdf": "encrypted",
}


# ---- output names ---------------------------------------------------------------------

OUTPUT_NAMES = [
    # a file at the top keeps its stem
    (["x.pdf"], ["x.json"]),
    # folders are mirrored
    (["sub/dir/x.pdf"], ["sub/dir/x.json"]),
    # the same stem twice in one folder: both keep their extension
    (["x.pdf", "x.docx"], ["x.pdf.json", "x.docx.json"]),
    # the same stem in different folders does not clash
    (["a/x.pdf", "b/x.docx"], ["a/x.json", "b/x.json"]),
    # stems compared without case: X.pdf and x.docx would overwrite each other on macOS
    (["X.pdf", "x.docx"], ["X.pdf.json", "x.docx.json"]),
    # an input named like the report never overwrites it
    (["_report.pdf", "sub/_report.pdf"], ["_report.pdf.json", "sub/_report.json"]),
    # x.pdf.pdf's stem is x.pdf: its preferred x.pdf.json is x.pdf's, so it keeps its whole name
    (["x.pdf", "x.docx", "x.pdf.pdf"], ["x.pdf.json", "x.docx.json", "x.pdf.pdf.json"]),
    # a 250-byte name: cut to 143 bytes (129 + "~" + 8 + ".json") with the hash of the whole name (8 hex digits) before .json
    (["a" * 246 + ".pdf"], ["a" * 129 + "~" + naming.short_hash("a" * 246) + ".json"]),
    # two long names that share their first 200 bytes still differ
    (["b" * 200 + "1.pdf", "b" * 200 + "2.pdf"],
     ["b" * 129 + "~" + naming.short_hash("b" * 200 + "1") + ".json",
      "b" * 129 + "~" + naming.short_hash("b" * 200 + "2") + ".json"]),
]


@pytest.mark.parametrize("names, expected", OUTPUT_NAMES)
def test_output_paths(names, expected):
    root = Path("/archive")
    inputs = [root / n for n in names]
    got = batch.output_paths(inputs, root)
    assert [got[p].as_posix() for p in inputs] == expected


def test_find_inputs_sorted_and_filtered(archive):
    found = [p.relative_to(archive).as_posix() for p in batch.find_inputs(archive)]
    assert found == sorted(found)
    assert "notes.txt" not in found and "~$plan.docx" not in found and "folder.pdf" not in found
    assert len(found) == 10


def test_output_sha256_reads_the_head(tmp_path):
    out = tmp_path / "x.json"
    out.write_text('{"schema_version": "1.0", "source": {"filename": "x.pdf", "sha256": "' + "ab" * 32 + '"}}')
    assert batch.output_sha256(out) == "ab" * 32
    assert batch.output_sha256(tmp_path / "missing.json") is None


# ---- the whole batch --------------------------------------------------------------------

def test_good_converted_bad_reported_exit_1(archive, tmp_path, capsys):
    out = tmp_path / "out"
    assert vnplan_batch(str(archive), "-o", str(out), "--jobs", "2") == 1
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json") if p.name != "_report.json")
    assert written == GOOD_OUTPUTS
    report = json.loads((out / "_report.json").read_text(encoding="utf-8"))
    entries = {e["path"]: e for e in report["files"]}
    assert len(entries) == 11 and list(entries) == sorted(entries)
    # every file given is in the report (issue 21): what is no input is listed as ignored, with why
    assert (entries["notes.txt"]["status"], entries["notes.txt"]["error"]) == ("ignored", "not a PDF, DOCX or DOC file: not read")
    for path, reason in BAD_REASONS.items():
        assert entries[path]["status"] == "failed" and reason in entries[path]["error"], entries[path]
        assert entries[path]["output"] is None
    ok = [e for e in entries.values() if e["status"] == "ok"]
    assert sorted(e["output"] for e in ok) == GOOD_OUTPUTS
    assert all(len(e["sha256"]) == 64 and e["warnings"] is not None and e["seconds"] > 0 for e in ok)
    doc = json.loads((out / "2024/q3/a.json").read_text(encoding="utf-8"))
    assert doc["source"]["sha256"] == entries["2024/q3/a.docx"]["sha256"]
    assert report["summary"]["converted"] == 6 and report["summary"]["failed"] == 4
    err = capsys.readouterr().err
    assert "bad/empty.pdf: file is empty" in err  # one line per failure
    assert "6 converted, 4 failed" in err  # the summary line, even without a terminal
    assert not list(out.rglob("*.tmp"))  # atomic writes leave nothing behind


def test_resume_skips_up_to_date_outputs(archive, tmp_path):
    out = tmp_path / "out"
    vnplan_batch(str(archive), "-o", str(out), "--jobs", "2")
    before = (out / "2025/d.json").stat().st_mtime_ns
    copy_sample(archive / "2024" / "c.docx", ".pdf")  # c.docx now holds other bytes: reconverted (and fails)
    (out / "2024/q3/a.json").unlink()  # a lost output: converted again
    assert vnplan_batch(str(archive), "-o", str(out), "--resume") == 1
    entries = {e["path"]: e for e in json.loads((out / "_report.json").read_text(encoding="utf-8"))["files"]}
    assert entries["2025/d.docx"]["status"] == "skipped" and entries["2025/d.docx"]["warnings"] is not None
    assert entries["plan.pdf"]["status"] == "skipped"
    assert entries["2024/q3/a.docx"]["status"] == "ok"
    assert entries["2024/c.docx"]["status"] == "failed"  # a PDF renamed .docx, not its old output
    assert all(entries[p]["status"] == "failed" for p in BAD_REASONS)  # failures are retried
    assert (out / "2025/d.json").stat().st_mtime_ns == before


def test_all_good_exit_0(tmp_path):
    copy_sample(tmp_path / "in" / "one.docx")
    assert vnplan_batch(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "1") == 0
    assert (tmp_path / "out" / "one.json").exists()


@pytest.mark.parametrize("argv", [
    ["missing-dir"],  # DIR does not exist
    ["{tmp}", "--jobs", "0"],  # no workers
    ["{tmp}", "--timeout", "-1"],  # a deadline in the past
])
def test_usage_errors_exit_2(tmp_path, argv):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert vnplan_batch(*argv, "-o", str(tmp_path / "out")) == 2


# ---- the per-file guard -----------------------------------------------------------------
# Converters that misbehave; module-level so the fork-based pool can run them.

def slow_converter(path: str) -> tuple[str, int]:
    time.sleep(60)
    return "{}", 0


def greedy_converter(path: str) -> tuple[str, int]:
    hoard = bytearray(3 * 2**30)  # 3 GB, far above the cap below
    return str(len(hoard)), 0


def crashing_converter(path: str) -> tuple[str, int]:
    os.kill(os.getpid(), signal.SIGSEGV)
    return "{}", 0


def exiting_converter(path: str) -> tuple[str, int]:
    os._exit(3)


def buggy_converter(path: str) -> tuple[str, int]:
    raise KeyError("tasks")


def sometimes_slow(path: str) -> tuple[str, int]:
    """"slow" files never finish; the others answer at once (no real conversion, whose time
    on a loaded machine could reach any deadline short enough for a test)."""
    if "slow" in Path(path).name:
        time.sleep(3600)
    return '{"tasks": []}', 0


# Deadlines: a converter meant to time out gets a short one; every other case a deadline far
# above anything normal, so a loaded machine never turns "crashed" into "timed out".
KILL_AFTER_S = 1
NEVER_S = 600

GUARD_CASES = [
    # a conversion that never ends is killed at the deadline
    (slow_converter, KILL_AFTER_S, "timed out after 1 s"),
    # a conversion that asks for too much memory fails cleanly inside the cap
    (greedy_converter, NEVER_S, "out of memory"),
    # a segfault in C code kills only the child
    (crashing_converter, NEVER_S, "crashed (SIGSEGV)"),
    # a child that exits without answering
    (exiting_converter, NEVER_S, "exited with status 3"),
    # a bug in the converter is one line, not a traceback
    (buggy_converter, NEVER_S, "internal error (KeyError"),
]


@pytest.mark.parametrize("converter, timeout, reason", GUARD_CASES, ids=[c[0].__name__ for c in GUARD_CASES])
def test_guard_turns_misbehaviour_into_a_reason(tmp_path, converter, timeout, reason):
    src = copy_sample(tmp_path / "x.docx")
    result = batch.convert_job(batch.Job(str(src), "x.docx", timeout=timeout, memory_mb=256, converter=converter))
    assert result.status == "failed" and reason in result.error, result.error
    assert result.sha256


def test_slow_file_does_not_stop_the_rest(tmp_path):
    root = tmp_path / "in"
    for name in ("a.docx", "slow.docx", "c.docx"):
        copy_sample(root / name)
    with batch_cli.local_executor(2) as pool:
        summary, results = batch.run_batch(root, tmp_path / "out", pool, workers=2, timeout=5, converter=sometimes_slow)
    status = {r.path: (r.status, r.error) for r in results}
    assert status == {"a.docx": ("ok", None), "slow.docx": ("failed", "timed out after 5 s"), "c.docx": ("ok", None)}
    assert (summary.converted, summary.failed) == (2, 1)
