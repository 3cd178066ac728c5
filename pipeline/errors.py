"""Exit codes and the one exception every extractor raises for a file it cannot read.

The command line prints ``reason`` next to the file name and writes no JSON, so
the reason is short, lower-case and meant for the person who supplied the file
("encrypted or password-protected", "file is empty"), never a stack trace.
"""
from __future__ import annotations

from pipeline.i18n import message

# Exit status of every `vnplan` command (docs/commands.md, "Exit status and failures"), defined once.
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


# errno names a person can do something about; each one's words are the message "os.<ERRNO>"
# (the file name is printed beside them).
_OS_REASONS = frozenset({"ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "ENAMETOOLONG", "ENOENT",
                         "ENOTDIR", "EISDIR", "EIO", "EMFILE", "ELOOP", "EINVAL"})
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
    words = message(f"os.{name}") if name in _OS_REASONS else one_line(exc.strerror or exc) or type(exc).__name__
    return f"{words} ({action})" if action else words


def library_error_reason(exc: BaseException, fmt: str) -> str | None:
    """One line for an exception a file-reading library raised on a damaged file; None for our own
    bugs and for running out of memory (the memory limit's owner names that, see `pipeline.limits`).

    `fmt` is "pdf" or "docx".
    """
    if isinstance(exc, MemoryError) or "memory allocation failed" in str(exc).lower():
        return None
    fmt = fmt.upper()
    if isinstance(exc, RecursionError):
        return message("error.nested_too_deeply", fmt=fmt)
    module = type(exc).__module__.split(".")[0]
    if module == "builtins":  # a KeyError, AttributeError ... raised inside a library on damaged input
        module = _raising_module(exc)
    detail = one_line(exc)
    label = type(exc).__name__ + (f": {detail}" if detail else "")
    key = _LIBRARY_REASONS.get("pdfminer" if module == "pdfplumber" else module)
    return message(key, fmt=fmt, detail=label) if key else None


# The reading library that raised -> the message saying what is wrong with the file.
_LIBRARY_REASONS = {"zlib": "error.corrupt_compressed", "zipfile": "error.corrupt_zip", "lxml": "error.corrupt_xml",
                    "pdfminer": "error.corrupt_pdf", "pypdfium2": "error.corrupt_pdfium", "docx": "error.corrupt_docx"}


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
