"""Temporary folders that never outlive their run: named for the process that made them.

OCR renders page images and LibreOffice writes its conversions into temporary folders.
A context manager removes one on every way out of its block, but a conversion runs in
a forked child (`pipeline.limits`) that is killed outright on a timeout, a memory
limit, Ctrl-C or SIGTERM, and a batch may itself be killed with SIGKILL: no `finally`
runs then. So every folder is named `vnplan-<kind>-<pid>-<random>`: the parent removes
its child's folders once the child is gone (`sweep(pid)`), and every command removes,
when it starts, those whose process no longer runs (`sweep()`): a killed run's
leftovers last until the next one.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

PREFIX = "vnplan-"
# vnplan-<kind>-<pid>-<random>: the kind (letters), the process id, tempfile's random tail.
_OWNED = re.compile(r"vnplan-[a-z]+-(\d+)-[^/]+")


@contextlib.contextmanager
def temp_folder(kind: str) -> Iterator[Path]:
    """A new folder `vnplan-<kind>-<pid>-...` in the system's temporary folder, removed on exit
    from the block (and by `sweep` when the process dies before that)."""
    if not kind.isalpha() or not kind.islower():
        raise ValueError(f"kind must be lower-case letters, not {kind!r}")
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{kind}-{os.getpid()}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def owner(path: Path) -> int | None:
    """The process id a temporary folder's name carries (None: not one of ours)."""
    match = _OWNED.fullmatch(path.name)
    return int(match.group(1)) if match else None


def is_running(pid: int) -> bool:
    """Whether a process with this id runs (one of another user's counts as running). A zombie
    does not: a killed batch's children wait as zombies until some process reaps them."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # Linux: the state letter follows the command name in parentheses
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


def sweep(pid: int | None = None, root: Path | None = None) -> list[Path]:
    """Remove the temporary folders of process `pid` (a child that is gone), or, without a pid,
    those of every process that no longer runs; the folders removed.

    Only folders named by `temp_folder` are touched, and only those of a dead process when no pid
    is given: a batch running beside this one keeps its own.
    """
    root = Path(root or tempfile.gettempdir())
    removed = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return removed
    for entry in entries:
        made_by = owner(Path(entry.path))
        if made_by is None or not entry.is_dir(follow_symlinks=False):
            continue
        if (made_by == pid) if pid is not None else (made_by != os.getpid() and not is_running(made_by)):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed
