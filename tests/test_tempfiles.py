"""Issue 25, finding 6: interrupted OCR left its page images (vnplan-ocr-*/page-*.png, 30-42 files,
~12 MB) after Ctrl-C, SIGTERM, a timeout's kill and kill -9. Temporary folders now carry their
process id: the parent removes a dead child's, and every start removes those of dead processes.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from pipeline import tempfiles
from pipeline.limits import Limits, run_limited


@pytest.fixture
def temp_root(tmp_path, monkeypatch):
    """The system's temporary folder, moved here: nothing another process keeps there is touched."""
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    return tmp_path


def dead_pid() -> int:
    """The id of a process that has ended."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_folder_names_its_process_and_goes_on_an_error(temp_root):
    with pytest.raises(RuntimeError):
        with tempfiles.temp_folder("ocr") as folder:
            (folder / "page-1.png").write_bytes(b"x")
            assert tempfiles.owner(folder) == os.getpid()
            raise RuntimeError("a page failed")
    assert list(temp_root.iterdir()) == []


def test_sweep_removes_only_dead_processes_folders(temp_root):
    dead, alive = dead_pid(), os.getppid()
    for name in (f"vnplan-ocr-{dead}-abc", f"vnplan-ocr-{alive}-abc", f"vnplan-soffice-{dead}-x",
                 "vnplan-ocr-k2j3h4", "vnplan-store-corpus-88kblgln", f"other-{dead}-x"):
        (temp_root / name).mkdir()
    removed = tempfiles.sweep()
    assert sorted(p.name for p in removed) == sorted([f"vnplan-ocr-{dead}-abc", f"vnplan-soffice-{dead}-x"])
    assert sorted(p.name for p in temp_root.iterdir()) == sorted(
        [f"vnplan-ocr-{alive}-abc", "vnplan-ocr-k2j3h4", "vnplan-store-corpus-88kblgln", f"other-{dead}-x"])


def _killed_while_rendering() -> None:
    """A conversion killed outright with its page images on disk: no `finally` runs."""
    with tempfiles.temp_folder("ocr") as folder:
        (folder / "page-1.png").write_bytes(b"x" * 1000)
        os.kill(os.getpid(), signal.SIGKILL)


def test_a_killed_conversion_child_leaves_nothing(temp_root):
    ok, reason = run_limited(_killed_while_rendering, Limits(memory_mb=2048, cpu_seconds=60))
    assert not ok and "SIGKILL" in reason
    assert list(temp_root.iterdir()) == []


def test_a_killed_run_is_swept_at_the_next_start(temp_root):
    """kill -9 of the whole batch: its folders stay until the next `vnplan` starts."""
    left = temp_root / f"vnplan-ocr-{dead_pid()}-q1w2e3"
    left.mkdir()
    (left / "page-3.png").write_bytes(b"x")
    env = {**os.environ, "TMPDIR": str(temp_root)}
    subprocess.run([sys.executable, "-m", "pipeline", "convert", os.devnull, "-o", "-"], env=env, capture_output=True)
    assert not left.exists()


def test_a_zombie_counts_as_dead(temp_root):
    """A killed batch's children are zombies until reaped (a container's init may never reap them)."""
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    try:
        while (open(f"/proc/{pid}/stat").read().rpartition(")")[2].split()[0]) != "Z":
            os.sched_yield()
        (temp_root / f"vnplan-ocr-{pid}-zz").mkdir()
        assert [p.name for p in tempfiles.sweep()] == [f"vnplan-ocr-{pid}-zz"]
    finally:
        os.waitpid(pid, 0)
