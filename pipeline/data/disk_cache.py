"""What an earlier process built from the data files, kept on disk as JSON.

A conversion runs in a fresh process (a forked child of `vnplan convert`), so every
vocabulary it reads is built again each time: the YAML files parsed (and PyYAML
imported), the gazetteer's keys computed for every name it holds. Those cost about
as much as normalising a whole plan. `remembered` keeps such a value in a file named
by the hash of everything it was built from (the data files' texts, the code that
builds it, the Python version): a changed file, a `--data` folder or a new version
of the code is a different name, so a value is never read for sources it was not
built from. A cache that cannot be read or written is built around, never an error.

The folder is $VNPLAN_CACHE_DIR (empty: no cache), else $XDG_CACHE_HOME/vnplan,
else ~/.cache/vnplan. Each new file of a kind clears that kind's files no process has
read for UNUSED_DAYS (a read marks a file used, at most once a day), so the folder
holds what the versions and data folders in use need, not every one ever run.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

CACHE_DIR_ENV = "VNPLAN_CACHE_DIR"
# Part of every name: a change to how values are written here makes the old files unread.
FORMAT = "1"
# A file no process has read for this many days is removed when its kind writes a new one.
UNUSED_DAYS = 30
# A read marks its file used (its modification time) when the mark is older than this (seconds).
MARK_USED_AFTER = 24 * 3600
DAY = 24 * 3600


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off ($VNPLAN_CACHE_DIR set empty, no home)."""
    chosen = os.environ.get(CACHE_DIR_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        return Path(base) / "vnplan" if base else Path.home() / ".cache" / "vnplan"
    except RuntimeError:  # no home directory to be found
        return None


def source_digest(kind: str, sources: Sequence[str]) -> str:
    """The hash of a value's kind and sources (each with its length, so no two lists collide)."""
    digest = hashlib.sha256(f"{FORMAT}\0{kind}\0{sys.version}\0".encode())
    for text in sources:
        data = text.encode("utf-8", "surrogatepass")
        digest.update(b"%d\0" % len(data))
        digest.update(data)
    return digest.hexdigest()


def remembered(kind: str, sources: Sequence[str] | None, build: Callable[[], Any]) -> Any:
    """`build()`, or the value an earlier process built from the same `sources` (texts; None:
    they cannot all be read, so nothing is kept).

    The value must be JSON (dicts with string keys, lists, strings, numbers, booleans,
    None); one that does not come back from JSON equal (tuples, dates) is returned but
    not kept.
    """
    folder = cache_dir()
    if folder is None or sources is None:
        return build()
    path = folder / f"{kind}-{source_digest(kind, sources)}.json"
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # not built yet, unreadable or cut short: build it again
        pass
    else:
        _mark_used(path)
        return value
    value = build()
    _keep(path, value)
    _clear_unused(folder, kind)
    return value


def _mark_used(path: Path) -> None:
    with contextlib.suppress(OSError):
        if time.time() - path.stat().st_mtime > MARK_USED_AFTER:
            os.utime(path)


def _clear_unused(folder: Path, kind: str) -> None:
    """Remove the files of `kind` unread for UNUSED_DAYS, and temporary files a killed process
    left behind (older than a day): only names this module writes, nothing else in the folder."""
    name = re.compile(rf"(\.\d+-)?{re.escape(kind)}-[0-9a-f]{{64}}\.json")
    now = time.time()
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            found = name.fullmatch(path.name)
            if not found:
                continue
            limit = DAY if found.group(1) else UNUSED_DAYS * DAY
            with contextlib.suppress(OSError):
                if now - path.stat().st_mtime > limit:
                    path.unlink()


def _keep(path: Path, value: Any) -> None:
    """Write `value` to `path` whole or not at all (written beside it, then renamed): concurrent
    conversions may write the same file, and a reader never sees half of one."""
    try:
        text = json.dumps(value, ensure_ascii=False)
        if json.loads(text) != value:
            return
    except (TypeError, ValueError):
        return
    temporary = path.with_name(f".{os.getpid()}-{path.name}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


def code_texts(*modules: object) -> list[str] | None:
    """The source texts of the modules that build a value, a part of its sources (a change to
    the code builds it anew); None when one cannot be read (a package without its sources)."""
    try:
        return [Path(getattr(module, "__file__", None)).read_text(encoding="utf-8") for module in modules]
    except (OSError, TypeError, UnicodeDecodeError):
        return None
