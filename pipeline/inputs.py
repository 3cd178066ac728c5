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

from pipeline.i18n import message
from pipeline.errors import os_error_reason
from pipeline.text import escape_undecodable

# A .doc (Word 97) is read through LibreOffice (pipeline.extract.doc).
INPUT_SUFFIXES = (".pdf", ".docx", ".doc")


# Why a regular file of another kind (a spreadsheet, an image, a README) is listed and not read.


@dataclass
class Scan:
    """What a folder tree holds: the inputs to convert, and input-like names not read, with why."""

    inputs: list[Path] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (path relative to the root, reason)


def _is_hidden(name: str) -> bool:
    """"~$plan.docx" and "._plan.pdf" are the lock and resource-fork files Word and macOS leave
    beside documents; dot files are no one's input."""
    return name.startswith((".", "~$"))


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
    for test, kind in ((stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"),
                       (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "folder")):
        if test(mode):
            return message(f"input.kind.{kind}")
    return message("error.not_regular")


def _link_target(path: Path) -> tuple[Path | None, str | None]:
    """Where a symbolic link leads (its real path), or None and why it leads nowhere readable."""
    try:
        target = Path(os.path.realpath(path, strict=True))
        return target, None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, message("input.link_loop")
        return None, message("input.dangling_link")


def _link_problem(target: Path, real_root: Path) -> str | None:
    """Why a link to `target` is not read (None: it names a regular file inside the input folder)."""
    try:
        mode = target.stat().st_mode
    except OSError as exc:
        return message("input.link_not_read_because", reason=os_error_reason(exc))
    if stat.S_ISDIR(mode):
        return message("input.link_to_folder")
    if not stat.S_ISREG(mode):
        return message("input.link_to", kind=_kind(mode))
    if not target.is_relative_to(real_root):
        return message("input.link_outside")
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
            self.ignore(path, message("input.same_file", name=shown(self.seen[identity], self.root)))
            return
        self.seen[identity] = path
        self.scan.inputs.append(path)


def _visit(walk: _Walk, entry: os.DirEntry, folder_queue: list[Path]) -> None:
    """Sort one folder entry into inputs, links to look at later, folders to walk, or ignored."""
    path = Path(entry.path)
    if entry.is_symlink():
        target, problem = _link_target(path)
        if target is not None and target.is_dir():
            problem = message("input.link_to_folder")
        elif target is not None and _is_candidate(entry.name):
            problem = _link_problem(target, walk.real_root)
            if problem is None:
                walk.links.append((path, target))
                return
        elif not _is_candidate(entry.name):
            return
        walk.ignore(path, problem or message("input.link_not_read"))
    elif entry.is_dir(follow_symlinks=False):
        folder_queue.append(path)
    elif _is_candidate(entry.name):
        info = entry.stat(follow_symlinks=False)
        if stat.S_ISREG(info.st_mode):
            walk.take(path, (info.st_dev, info.st_ino))
        else:
            walk.ignore(path, message("input.not_regular", kind=_kind(info.st_mode)))
    elif not _is_hidden(entry.name) and entry.is_file(follow_symlinks=False):
        walk.ignore(path, message("input.not_an_input"))  # listed, so the report accounts for it


def _walk_folder(walk: _Walk, folder: Path) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        walk.ignore(folder, message("input.folder_not_read", reason=os_error_reason(exc)))
        return
    folders: list[Path] = []
    for entry in entries:
        try:
            _visit(walk, entry, folders)
        except OSError as exc:  # an entry removed or turned unreadable under us: that name only
            walk.ignore(Path(entry.path), message("input.not_read", reason=os_error_reason(exc)))
    for sub in folders:
        _walk_folder(walk, sub)


def scan_inputs(root: Path) -> Scan:
    """Every PDF/DOCX/DOC under `root`, recursively, in sorted order; links are never followed out.
    Every other regular file (not hidden) is listed in `ignored`, so the report accounts for it.

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
