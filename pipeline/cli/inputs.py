"""`-` for standard input wherever a command reads a file.

A PDF or DOCX read from stdin is copied to a temporary file (the extractors seek
and reopen), named by what its first bytes say it is; JSON is read as text.
"""
from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

STDIN = "-"
# The name a stdin document gets in its output and its `source.filename`.
STDIN_STEM = "stdin"


def is_stdin(path: Path | str) -> bool:
    return str(path) == STDIN


@cache
def stdin_bytes() -> bytes:
    """Everything on standard input, read once (two `-` arguments see the same bytes)."""
    return sys.stdin.buffer.read()


def read_text(path: Path) -> str:
    """A text file's content, or stdin's for `-` (UTF-8; UnicodeDecodeError otherwise)."""
    if is_stdin(path):
        return stdin_bytes().decode("utf-8")
    return path.read_text(encoding="utf-8")


def sniffed_suffix(head: bytes) -> str:
    """".pdf", ".docx" or ".json" from a document's first bytes; "" when none fits."""
    if b"%PDF-" in head[:1024]:
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".docx"
    if head.lstrip()[:1] in (b"{", b"["):
        return ".json"
    return ""


@contextlib.contextmanager
def local_file(path: Path) -> Iterator[Path]:
    """`path` itself, or for `-` a temporary copy of stdin named stdin.pdf / stdin.docx."""
    if not is_stdin(path):
        yield path
        return
    data = stdin_bytes()
    with tempfile.TemporaryDirectory(prefix="vnplan-") as folder:
        copy = Path(folder) / f"{STDIN_STEM}{sniffed_suffix(data)}"
        copy.write_bytes(data)
        yield copy
