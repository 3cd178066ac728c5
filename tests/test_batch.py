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
    assert len(entries) == 10 and list(entries) == sorted(entries)
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
    if "slow" in Path(path).name:
        time.sleep(60)
    return batch.convert_to_text(path)


GUARD_CASES = [
    # a conversion that never ends is killed at the deadline
    (slow_converter, "timed out after 1 s"),
    # a conversion that asks for too much memory fails cleanly inside the cap
    (greedy_converter, "out of memory"),
    # a segfault in C code kills only the child
    (crashing_converter, "crashed (SIGSEGV)"),
    # a child that exits without answering
    (exiting_converter, "exited with status 3"),
    # a bug in the converter is one line, not a traceback
    (buggy_converter, "internal error (KeyError"),
]


@pytest.mark.parametrize("converter, reason", GUARD_CASES, ids=[c[0].__name__ for c in GUARD_CASES])
def test_guard_turns_misbehaviour_into_a_reason(tmp_path, converter, reason):
    src = copy_sample(tmp_path / "x.docx")
    started = time.monotonic()
    result = batch.convert_job(batch.Job(str(src), "x.docx", timeout=1, memory_mb=256, converter=converter))
    assert result.status == "failed" and reason in result.error, result.error
    assert result.sha256 and time.monotonic() - started < 10


def test_slow_file_does_not_stop_the_rest(tmp_path):
    root = tmp_path / "in"
    for name in ("a.docx", "slow.docx", "c.docx"):
        copy_sample(root / name)
    with batch_cli.local_executor(2) as pool:
        # 10 s: a conversion of the sample takes a fraction of that even on a loaded machine
        summary, results = batch.run_batch(root, tmp_path / "out", pool, workers=2, timeout=10, converter=sometimes_slow)
    status = {r.path: (r.status, r.error) for r in results}
    assert status == {"a.docx": ("ok", None), "slow.docx": ("failed", "timed out after 10 s"), "c.docx": ("ok", None)}
    assert (summary.converted, summary.failed) == (2, 1)


# ---- issue 15: names, special files, OS errors, kills, resume ----------------------------

def report_of(out: Path) -> dict:
    return json.loads((out / "_report.json").read_text(encoding="utf-8"))


def test_long_names_and_clashing_outputs_all_written(tmp_path):
    """Finding 1 and 2: a 250-byte name converts; x.pdf, x.docx and x.pdf.pdf get three outputs."""
    root = tmp_path / "in"
    long_pdf = bad_files.long_name_pdf(root.mkdir() or root, name_bytes=250)
    for name, suffix in (("x.pdf", ".pdf"), ("x.docx", ".docx"), ("x.pdf.pdf", ".pdf"), ("z.docx", ".docx")):
        copy_sample(root / name, suffix)
    out = tmp_path / "out"
    assert vnplan_batch(str(root), "-o", str(out), "--jobs", "2") == 0
    entries = {e["path"]: e for e in report_of(out)["files"]}
    assert len(entries) == 5 and all(e["status"] == "ok" for e in entries.values()), entries
    outputs = [e["output"] for e in entries.values()]
    assert len(set(outputs)) == 5 and all((out / o).is_file() for o in outputs)
    assert entries["x.pdf.pdf"]["output"] == "x.pdf.pdf.json"
    assert entries["x.pdf.pdf"]["renamed"] == "output renamed to x.pdf.pdf.json: x.pdf.json is taken by x.pdf"
    assert len(entries[long_pdf.name]["output"].encode()) <= naming.MAX_NAME_BYTES
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_convert_same_name_from_two_folders_writes_two_files(tmp_path, capsys):
    """Finding 2: `convert a/plan.docx b/plan.docx` kept only b's; now both, the second renamed and said."""
    from pipeline.cli.main import main

    a, b = copy_sample(tmp_path / "a" / "plan.docx"), copy_sample(tmp_path / "b" / "plan.docx")
    out = tmp_path / "out"
    assert main(["convert", str(a), str(b), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["plan.docx.json", "plan.json"]
    assert f"vnplan: {b}: output renamed to plan.docx.json: plan.json is taken by {a}" in capsys.readouterr().err


@pytest.fixture
def special_files(tmp_path: Path) -> Path:
    """One good input and five input-like names that must not be read."""
    root = tmp_path / "in"
    copy_sample(root / "good.docx")
    outside = copy_sample(tmp_path / "elsewhere" / "secret.docx")
    (root / "zero.pdf").symlink_to("/dev/zero")
    os.mkfifo(root / "pipe.docx")
    (root / "gone.pdf").symlink_to(root / "no-such-file.pdf")
    (root / "out-link.docx").symlink_to(outside)
    (root / "linked-folder").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    return root


# (input, reason in the report): every input-like name is accounted for.
IGNORED = {
    "zero.pdf": "symbolic link to a device: not read",  # reading /dev/zero never ends
    "pipe.docx": "a FIFO, not a regular file: not read",  # opening a FIFO blocks
    "gone.pdf": "dangling symbolic link: not read",  # nothing to read
    "out-link.docx": "symbolic link to outside the input folder: not followed",  # not handed over
    "linked-folder": "symbolic link to a folder: not followed",  # may loop, may leave the folder
}


def test_special_files_reported_not_read(special_files, tmp_path):
    """Finding 11: skipped with no report entry, and a link out of the folder followed."""
    out = tmp_path / "out"
    assert vnplan_batch(str(special_files), "-o", str(out), "--jobs", "1") == 0
    report = report_of(out)
    entries = {e["path"]: e for e in report["files"]}
    assert entries.pop("good.docx")["status"] == "ok"
    assert {path: (e["status"], e["error"]) for path, e in entries.items()} == {
        path: ("ignored", reason) for path, reason in IGNORED.items()}
    assert report["summary"]["ignored"] == len(IGNORED) and report["summary"]["finished"] is True
    assert sorted(p.name for p in out.iterdir()) == ["_report.json", "good.json"]


def _failing_write(code: int, only: str | None = None):
    real = batch.write_atomically

    def write(path: Path, text: str) -> None:
        if only is None or path.name == only:
            raise OSError(code, os.strerror(code), str(path))
        real(path, text)
    return write


def test_no_space_fails_one_file_and_the_batch_goes_on(tmp_path, monkeypatch, capsys):
    """Finding 4: a full disk while writing one output: that file fails with one line, the rest are written."""
    import errno

    root = tmp_path / "in"
    for name in ("a.docx", "b.docx", "c.docx"):
        copy_sample(root / name)
    monkeypatch.setattr(batch, "write_atomically", _failing_write(errno.ENOSPC, only="b.json"))
    out = tmp_path / "out"
    assert vnplan_batch(str(root), "-o", str(out), "--jobs", "1") == 1
    entries = {e["path"]: e for e in report_of(out)["files"]}
    assert entries["b.docx"]["status"] == "failed"
    assert entries["b.docx"]["error"] == f"no space left on the device (writing {out / 'b.json'})"
    assert (entries["a.docx"]["status"], entries["c.docx"]["status"]) == ("ok", "ok")
    err = capsys.readouterr().err
    assert f"vnplan: b.docx: no space left on the device (writing {out / 'b.json'})" in err.splitlines()


def test_read_only_output_every_file_named_and_report_error_said(tmp_path, monkeypatch, capsys):
    """Finding 4: a read-only output folder: every file fails with the reason, the report's failure
    is one line too, and the batch ends with its summary (it reported 1 of 6 and a traceback)."""
    import errno

    root = tmp_path / "in"
    for name in ("a.docx", "b.docx"):
        copy_sample(root / name)
    monkeypatch.setattr(batch, "write_atomically", _failing_write(errno.EROFS))
    out = tmp_path / "out"
    assert vnplan_batch(str(root), "-o", str(out), "--jobs", "1") == 1
    lines = capsys.readouterr().err.splitlines()
    assert f"vnplan: a.docx: read-only file system (writing {out / 'a.json'})" in lines
    assert f"vnplan: b.docx: read-only file system (writing {out / 'b.json'})" in lines
    assert f"vnplan: {out / '_report.json'}: report not written: read-only file system (writing {out / '_report.json'})" in lines
    assert "0 converted, 2 failed" in lines[-1]


def test_convert_no_space_one_line_and_goes_on(tmp_path, monkeypatch, capsys):
    import errno
    import importlib

    cli_main = importlib.import_module("pipeline.cli.main")
    a, b = copy_sample(tmp_path / "a.docx"), copy_sample(tmp_path / "b.docx")
    out = tmp_path / "out"
    monkeypatch.setattr(cli_main, "write_atomically", _failing_write(errno.ENOSPC, only="a.json"))
    assert cli_main.main(["convert", str(a), str(b), "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"vnplan: {a}: no space left on the device (writing {out / 'a.json'})" in err
    assert sorted(p.name for p in out.iterdir()) == ["b.json"]


def test_resume_keeps_warnings_without_a_report_and_cleans_temp_files(tmp_path):
    """Finding 8: resumed files had `warnings: null` when the report was lost; a stale .tmp survived."""
    root = tmp_path / "in"
    bad_files.no_settings_docx(root.mkdir() or root)  # converts with a docx_part_missing warning
    out = tmp_path / "out"
    vnplan_batch(str(root), "-o", str(out), "--jobs", "1")
    (out / "_report.json").unlink()
    stale = out / ".vnplan-abc123.tmp"
    stale.write_text('{"half": ')
    legacy = out / ".no-settings.json.x1y2z3.tmp"  # the old naming of temporary files
    legacy.write_text("{")
    assert vnplan_batch(str(root), "-o", str(out), "--resume") == 0
    [entry] = report_of(out)["files"]
    assert entry["status"] == "skipped" and entry["warnings"] >= 1
    assert not stale.exists() and not legacy.exists()


def _descendants(pid: int) -> set[int]:
    """Every process below `pid`, from /proc."""
    children: dict[int, list[int]] = {}
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat_file.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killed_batch_leaves_no_worker_and_a_report(tmp_path, sig):
    """Finding 8: `kill -9` left two workers converting and no report. Now the workers die with
    the batch, the report written so far lists every input, and a resume finishes the rest."""
    import subprocess
    import sys

    root = tmp_path / "in"
    for i in range(8):
        copy_sample(root / f"p{i}.pdf", ".pdf")
    out = tmp_path / "out"
    script = Path(sys.executable).with_name("vnplan")
    proc = subprocess.Popen([str(script), "batch", str(root), "-o", str(out), "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        seen |= _descendants(proc.pid)
        report = out / "_report.json"
        if len(seen) >= 3 and report.exists() and any(e["status"] == "ok" for e in report_of(out)["files"]):
            break
        time.sleep(0.05)
    seen |= _descendants(proc.pid)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    stderr = proc.stderr.read().decode()
    assert "Traceback" not in stderr
    for _ in range(200):
        if not any(_alive(pid) for pid in seen):
            break
        time.sleep(0.05)
    assert [pid for pid in seen if _alive(pid)] == []
    report = report_of(out)
    assert sorted(e["path"] for e in report["files"]) == [f"p{i}.pdf" for i in range(8)]
    assert report["summary"]["finished"] is False
    assert {e["status"] for e in report["files"]} <= {"ok", "pending"}
    assert vnplan_batch(str(root), "-o", str(out), "--resume") == 0
    report = report_of(out)
    assert report["summary"]["finished"] is True
    assert all(e["status"] in {"ok", "skipped"} and e["warnings"] is not None for e in report["files"])
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def worker_killer(path: str) -> tuple[str, int]:
    """Kills the pool worker itself (the parent of the guarded child), as the OOM killer would."""
    if "b." in Path(path).name:
        os.kill(os.getppid(), signal.SIGKILL)
        time.sleep(5)
    return batch.convert_to_text(path)


def test_dead_worker_is_a_failed_entry_not_a_traceback(tmp_path):
    """A worker killed from outside breaks the pool: every input still gets an entry and a reason."""
    root = tmp_path / "in"
    for name in ("a.docx", "b.docx", "c.docx"):
        copy_sample(root / name)
    with batch_cli.local_executor(1) as pool:
        summary, results = batch.run_batch(root, tmp_path / "out", pool, workers=1, converter=worker_killer)
    status = {r.path: r.status for r in results}
    assert sorted(status) == ["a.docx", "b.docx", "c.docx"]
    assert status["b.docx"] == "failed"
    assert all("worker" in r.error for r in results if r.status == "failed")
    assert report_of(tmp_path / "out")["summary"]["finished"] is True
