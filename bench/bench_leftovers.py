"""Temporary folders left after a conversion is interrupted, per signal (issue 25, item 4).

    python bench/bench_leftovers.py SCANNED.pdf

For each of SIGINT, SIGTERM, SIGKILL and a timeout's kill: start `vnplan convert --ocr always`
(or `vnplan batch`), wait until its OCR page images are on disk, send the signal, wait for the
end, and count the `vnplan-ocr-*` folders and files of that run still in the temporary folder.
After SIGKILL nothing can clean up at once: the count after the next `vnplan` start (which sweeps
folders whose process is dead) is shown too. Prints a Markdown table.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VNPLAN = Path(sys.executable).with_name("vnplan")
TEMP = Path(tempfile.gettempdir())
# Polling step while waiting for page images to appear.
POLL = 0.2
WAIT_FOR_IMAGES = 600.0


def ours(pids: set[int]) -> list[Path]:
    """OCR folders (and their files) made by any of `pids`."""
    folders = [p for p in TEMP.glob("vnplan-ocr-*") if any(p.name.startswith(f"vnplan-ocr-{pid}-") for pid in pids)]
    return folders + [f for folder in folders for f in folder.rglob("*")]


def family(pid: int) -> set[int]:
    """`pid` and its descendants (the conversion child makes the folder)."""
    found, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            children = (task / "children").read_text().split() if (task / "children").exists() else []
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    frontier.append(child)
    return found


def trial(command: list[str], send: signal.Signals | None) -> tuple[int, int, int]:
    """(files left right after the end, files left after the next start, exit status)."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pids: set[int] = set()
    deadline = time.monotonic() + WAIT_FOR_IMAGES
    while time.monotonic() < deadline and proc.poll() is None:
        pids |= family(proc.pid)
        if any(p.suffix == ".png" for p in ours(pids)):
            break
        time.sleep(POLL)
    if send is not None:
        os.kill(proc.pid, send)
    status = proc.wait()
    time.sleep(1.0)  # the children's own exits
    left = len(ours(pids))
    subprocess.run([str(VNPLAN), "convert", "/dev/null", "-o", "-"], capture_output=True)  # a next start: sweeps dead processes' folders
    return left, len(ours(pids)), status


def main() -> int:
    scanned = Path(sys.argv[1])
    out = Path(tempfile.mkdtemp(prefix="leftovers-out-"))
    convert = [str(VNPLAN), "convert", str(scanned), "--ocr", "always", "-o", str(out)]
    folder = Path(tempfile.mkdtemp(prefix="leftovers-in-"))
    (folder / scanned.name).symlink_to(scanned.resolve())
    (folder / "copy.pdf").write_bytes(scanned.read_bytes())
    batch = [str(VNPLAN), "batch", str(folder), "--ocr", "always", "-o", str(out / "batch"), "--jobs", "2"]
    print("| run | signal | exit | files left at the end | after the next start |\n|---|---|---|---|---|")
    try:
        _trials(convert, batch)
    finally:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def _trials(convert: list[str], batch: list[str]) -> None:
    for name, command, send in (
            ("convert", convert, signal.SIGINT), ("convert", convert, signal.SIGTERM),
            ("convert", convert, signal.SIGKILL),
            ("convert --max-cpu 5 (timeout kill)", [*convert, "--max-cpu", "5"], None),
            ("batch", batch, signal.SIGINT), ("batch", batch, signal.SIGTERM), ("batch", batch, signal.SIGKILL),
            ("batch --timeout 20 (timeout kill)", [*batch, "--timeout", "20"], None)):
        left, after, status = trial(command, send)
        print(f"| {name} | {send.name if send else '-'} | {status} | {left} | {after} |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
