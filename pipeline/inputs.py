"""What a folder tree holds for `vnplan batch`: the inputs, and the input-like names it will not read.

Links are never followed out of the folder and nothing that is not a regular
file is opened; every such name is listed with the reason, so a batch report
accounts for everything that looks like an input.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.i18n import message
from pipeline.errors import os_error_reason

INPUT_SUFFIXES = (".pdf", ".docx")


@dataclass
class Scan:
    """What a folder tree holds: the inputs to convert, and input-like names not read, with why."""

    inputs: list[Path] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (path relative to the root, reason)


def _is_candidate(name: str) -> bool:
    """A name that looks like an input. Hidden files are not: "~$plan.docx" and
    "._plan.pdf" are the lock and resource-fork files Word and macOS leave beside documents."""
    return name.lower().endswith(INPUT_SUFFIXES) and not name.startswith((".", "~$"))


def _kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"),
                       (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "folder")):
        if test(mode):
            return message(f"input.kind.{kind}")
    return message("error.not_regular")


def _link_problem(path: Path, real_root: Path) -> str | None:
    """Why a symbolic link is not read (None: it names a regular file inside the input folder)."""
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except OSError:
        return message("input.dangling_link")
    if not stat.S_ISREG(mode):
        return message("input.link_to", kind=_kind(mode))
    if not target.is_relative_to(real_root):
        return message("input.link_outside")
    return None


def scan_inputs(root: Path) -> Scan:
    """Every PDF/DOCX under `root`, recursively, in sorted order; links are never followed out.

    A FIFO, a device, a link to /dev/zero, a dangling link or a link leading out of
    `root` is not read (reading /dev/zero never ends; a link out of the folder reads
    what the person running the batch did not hand over): each is listed in
    `ignored` with the reason. Links to folders are not followed either (loops).
    """
    scan, real_root = Scan(), Path(os.path.realpath(root))

    def walk(folder: Path) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            scan.ignored.append((folder.relative_to(root).as_posix() or ".", message("input.folder_not_read", reason=os_error_reason(exc))))
            return
        for entry in entries:
            path = Path(entry.path)
            rel = path.relative_to(root).as_posix()
            if entry.is_symlink():
                if entry.is_dir():
                    scan.ignored.append((rel, message("input.link_to_folder")))
                elif _is_candidate(entry.name):
                    problem = _link_problem(path, real_root)
                    if problem is None:
                        scan.inputs.append(path)
                    else:
                        scan.ignored.append((rel, problem))
            elif entry.is_dir(follow_symlinks=False):
                walk(path)
            elif _is_candidate(entry.name):
                mode = entry.stat(follow_symlinks=False).st_mode
                if stat.S_ISREG(mode):
                    scan.inputs.append(path)
                else:
                    scan.ignored.append((rel, message("input.not_regular", kind=_kind(mode))))

    walk(root)
    scan.inputs.sort(key=lambda p: p.relative_to(root).as_posix())
    scan.ignored.sort()
    return scan
