"""`vnplan batch` and `convert` under issue 15: names that clash or are too long, special
files, full or read-only disks, killed batches, dead workers, resumes.

Each test reproduces a finding of the issue against a real batch of the sample plan.
"""
from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

import bad_files
from pipeline import batch, batch_report, naming
from pipeline.cli import batch as batch_cli
from test_batch import copy_sample, vnplan_batch

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
    monkeypatch.setattr(batch_report, "write_atomically", _failing_write(errno.EROFS))  # the report too
    out = tmp_path / "out"
    assert vnplan_batch(str(root), "-o", str(out), "--jobs", "1") == 1
    lines = capsys.readouterr().err.splitlines()
    assert f"vnplan: a.docx: read-only file system (writing {out / 'a.json'})" in lines
    assert f"vnplan: b.docx: read-only file system (writing {out / 'b.json'})" in lines
    # issue 25: the summary no longer names a report that is not there, and says what was done
    assert (f"vnplan: {out / '_report.json'}: report not written: read-only file system (writing {out / '_report.json'}); "
            "0 converted and 2 failed as the lines above say") in lines
    assert "0 converted, 2 failed" in lines[-1] and lines[-1].endswith("; no report written")


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
