"""Exit codes and the one exception every extractor raises for a file it cannot read.

The command line prints ``reason`` next to the file name and writes no JSON, so
the reason is short, lower-case and meant for the person who supplied the file
("encrypted or password-protected", "file is empty"), never a stack trace.
"""
from __future__ import annotations

import logging

# Exit status of every `vnplan` command (README, "Exit status"), defined once.
EXIT_OK = 0  # everything done
EXIT_FAILED = 1  # some inputs failed (the others were still written); diff: the plans differ
EXIT_USAGE = 2  # the command line itself is wrong
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as the shell reports it)


class ExtractError(Exception):
    """A file that cannot be turned into the IR, with a user-facing reason.

    Args:
        reason: Short lower-case explanation, e.g. "not a DOCX file (not a zip archive)".
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class LimitExceeded(ExtractError):
    """A file refused because reading it would pass a resource limit (size, work, memory, time)."""


# errno -> what a person can do something about; the file name is printed beside it.
_OS_REASONS = {
    "ENOSPC": "no space left on the device",
    "EDQUOT": "disk quota exceeded",
    "EROFS": "read-only file system",
    "EACCES": "permission denied",
    "EPERM": "operation not permitted",
    "ENAMETOOLONG": "file name too long",
    "ENOENT": "no such file or folder",
    "ENOTDIR": "a part of the path is a file, not a folder",
    "EISDIR": "is a directory, not a file",
    "EIO": "input/output error (a failing disk or network share)",
    "EMFILE": "too many open files",
    "ELOOP": "too many levels of symbolic links",
    "EINVAL": "invalid file name or argument for this file system",
}
# Longest library message kept in a reason: enough to tell errors apart, one line.
MAX_DETAIL_CHARS = 80


def one_line(text: object, limit: int = MAX_DETAIL_CHARS) -> str:
    """A library's message as one short line: whitespace collapsed, cut at `limit` characters."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def os_error_reason(exc: OSError, action: str = "") -> str:
    """One line for an OSError: what went wrong in words, and what was being done ("writing x.json")."""
    import errno as errno_names  # noqa: PLC0415  (only failures pay for it)

    name = errno_names.errorcode.get(exc.errno or 0, "")
    words = _OS_REASONS.get(name) or one_line(exc.strerror or exc) or type(exc).__name__
    return f"{words} ({action})" if action else words


def library_error_reason(exc: BaseException, fmt: str) -> str | None:
    """One line for an exception a file-reading library raised on a damaged file; None for our own
    bugs and for running out of memory (the memory limit's owner names that, see `pipeline.limits`).

    `fmt` is "pdf" or "docx".
    """
    if isinstance(exc, MemoryError) or "memory allocation failed" in str(exc).lower():
        return None
    if isinstance(exc, RecursionError):
        return f"damaged or hostile {fmt.upper()}: objects nested too deeply"
    module = type(exc).__module__.split(".")[0]
    if module == "builtins":  # a KeyError, AttributeError ... raised inside a library on damaged input
        module = _raising_module(exc)
    words = _LIBRARY_WORDS.get(module)
    if words is None:
        return None
    # The library's own words ("'int' object is not iterable", "PDFium: Success") describe its
    # state, not the file: they go to the debug log (-v) only. An XML parser's say where the file is wrong.
    logging.getLogger(__name__).debug("%s: %s: %s", fmt, type(exc).__name__, one_line(exc))
    return words.format(FMT=fmt.upper(), detail=one_line(exc) or "not well-formed")


# What a damaged file made each reading library fail at, in a person's words.
_LIBRARY_WORDS = {
    "zlib": "corrupt compressed data in the {FMT} (a stream cannot be unpacked)",
    "zipfile": "corrupt DOCX: damaged zip archive",
    "lxml": "corrupt {FMT}: invalid XML ({detail})",
    "pdfminer": "corrupt or truncated PDF (its structure cannot be read)",
    "pdfplumber": "corrupt or truncated PDF (its structure cannot be read)",
    "pypdfium2": "corrupt PDF: its pages cannot be drawn",
    "docx": "corrupt DOCX (a part of the package cannot be read)",
}


# Packages whose exceptions on a damaged file are named by `library_error_reason`.
_READERS = {"zlib", "zipfile", "lxml", "pdfminer", "pdfplumber", "pypdfium2", "docx"}


def _raising_module(exc: BaseException) -> str:
    """The reading library whose code raised `exc`: the innermost frame of ours or a reader's
    (a reader's call into the standard library, posixpath say, counts as the reader's)."""
    found, tb = "", exc.__traceback__
    while tb is not None:
        top = str(tb.tb_frame.f_globals.get("__name__", "")).split(".")[0]
        if top in _READERS or top == "pipeline":
            found = top
        tb = tb.tb_next
    return found
