"""What a folder tree holds for `vnplan batch`: the inputs, and the input-like names it will not read.

Links are never followed out of the folder and nothing that is not a regular
file is opened; every such name is listed with the reason, so a batch report
accounts for everything that looks like an input.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import os_error_reason
from pipeline.text import escape_undecodable

INPUT_SUFFIXES = (".pdf", ".docx")


@dataclass
class Scan:
    """What a folder tree holds: the inputs to convert, and input-like names not read, with why."""

    inputs: list[Path] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (path relative to the root, reason)


def _is_candidate(name: str) -> bool:
    """A name that looks like an input. "~$plan.docx" and "._plan.pdf" are not: they are the lock
    and resource-fork files Word and macOS leave beside documents. A name that is only an
    extension (".pdf") is: `convert` reads it, so the batch does too."""
    return name.lower().endswith(INPUT_SUFFIXES) and not name.startswith(("._", "~$"))


def shown(path: Path, root: Path) -> str:
    """`path` relative to `root` as a report shows it: a byte that is not UTF-8 written "\\xNN"
    (the file itself is still read by its bytes)."""
    return escape_undecodable(path.relative_to(root).as_posix())


def _kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return "not a regular file"


def _link_target(path: Path) -> tuple[Path | None, str | None]:
    """Where a symbolic link leads (its real path), or None and why it leads nowhere readable."""
    try:
        target = Path(os.path.realpath(path, strict=True))
        return target, None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "symbolic link loop: not followed"
        return None, "dangling symbolic link: not read"


def _link_problem(target: Path, real_root: Path) -> str | None:
    """Why a link to `target` is not read (None: it names a regular file inside the input folder)."""
    try:
        mode = target.stat().st_mode
    except OSError as exc:
        return f"symbolic link not read: {os_error_reason(exc)}"
    if stat.S_ISDIR(mode):
        return "symbolic link to a folder: not followed"
    if not stat.S_ISREG(mode):
        return f"symbolic link to {_kind(mode)}: not read"
    if not target.is_relative_to(real_root):
        return "symbolic link to outside the input folder: not followed"
    return None


@dataclass
class _Walk:
    """A scan in progress: the inputs found so far by identity (device, inode) and where."""

    root: Path
    real_root: Path
    scan: Scan = field(default_factory=Scan)
    links: list[tuple[Path, Path]] = field(default_factory=list)  # (link, its target) to a regular file inside
    seen: dict[tuple[int, int], Path] = field(default_factory=dict)

    def ignore(self, path: Path, reason: str) -> None:
        self.scan.ignored.append((shown(path, self.root) or ".", reason))

    def take(self, path: Path, identity: tuple[int, int]) -> None:
        """An input, unless the same file (a hard link) was taken already."""
        if identity in self.seen:
            self.ignore(path, f"same file as {shown(self.seen[identity], self.root)}: converted once")
            return
        self.seen[identity] = path
        self.scan.inputs.append(path)


def _visit(walk: _Walk, entry: os.DirEntry, folder_queue: list[Path]) -> None:
    """Sort one folder entry into inputs, links to look at later, folders to walk, or ignored."""
    path = Path(entry.path)
    if entry.is_symlink():
        target, problem = _link_target(path)
        if target is not None and target.is_dir():
            problem = "symbolic link to a folder: not followed"
        elif target is not None and _is_candidate(entry.name):
            problem = _link_problem(target, walk.real_root)
            if problem is None:
                walk.links.append((path, target))
                return
        elif not _is_candidate(entry.name):
            return
        walk.ignore(path, problem or "symbolic link: not read")
    elif entry.is_dir(follow_symlinks=False):
        folder_queue.append(path)
    elif _is_candidate(entry.name):
        info = entry.stat(follow_symlinks=False)
        if stat.S_ISREG(info.st_mode):
            walk.take(path, (info.st_dev, info.st_ino))
        else:
            walk.ignore(path, f"{_kind(info.st_mode)}, not a regular file: not read")


def _walk_folder(walk: _Walk, folder: Path) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        walk.ignore(folder, f"folder not read: {os_error_reason(exc)}")
        return
    folders: list[Path] = []
    for entry in entries:
        try:
            _visit(walk, entry, folders)
        except OSError as exc:  # an entry removed or turned unreadable under us: that name only
            walk.ignore(Path(entry.path), f"not read: {os_error_reason(exc)}")
    for sub in folders:
        _walk_folder(walk, sub)


def scan_inputs(root: Path) -> Scan:
    """Every PDF/DOCX under `root`, recursively, in sorted order; links are never followed out.

    A FIFO, a device, a link to /dev/zero, a dangling link, a link loop or a link leading
    out of `root` is not read (reading /dev/zero never ends; a link out of the folder reads
    what the person running the batch did not hand over): each is listed in `ignored`
    with the reason. Links to folders are not followed either (loops). A file reached
    twice (a link or a hard link to a file already in the tree) is converted once and
    its other names are listed as ignored, saying which name was converted.
    """
    walk = _Walk(root, Path(os.path.realpath(root)))
    _walk_folder(walk, root)
    # Links last, so the file's own name wins over a link to it wherever the two sit.
    for link, target in sorted(walk.links, key=lambda pair: pair[0].as_posix()):
        info = target.stat()
        walk.take(link, (info.st_dev, info.st_ino))
    walk.scan.inputs.sort(key=lambda p: p.relative_to(root).as_posix())
    walk.scan.ignored.sort()
    return walk.scan
