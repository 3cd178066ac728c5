"""Exit codes and the one exception every extractor raises for a file it cannot read.

The command line prints ``reason`` next to the file name and writes no JSON, so
the reason is short, lower-case and meant for the person who supplied the file
("encrypted or password-protected", "file is empty"), never a stack trace.
"""
from __future__ import annotations

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


# Libraries that parse the input file, by top-level module, and what they parse: an
# exception raised inside one of them (a KeyError deep in pdfminer, zlib.error, an
# lxml syntax error) is the file's damage, not a bug in vnplan.
PARSER_LIBRARIES = {
    "pdfminer": "PDF", "pdfplumber": "PDF", "pypdfium2": "PDF", "docx": "DOCX", "lxml": "XML",
    "zipfile": "DOCX (zip)", "zlib": "compressed stream", "PIL": "image", "xml": "XML",
}
# How much of a library's message a reason keeps.
MAX_DETAIL = 120


def library_reason(exc: BaseException) -> str | None:
    """One line for an exception a file parser raised on a damaged file; None for anything else.

    The reason names what was damaged and the library's own words, folded onto one
    line: lxml's messages run over several lines, pdfminer's repeat object dumps.
    """
    if isinstance(exc, MemoryError):
        return "out of memory while reading the file"
    what = PARSER_LIBRARIES.get(_raising_module(exc).split(".")[0])
    if what is None:
        return None
    detail = " ".join(str(exc).split())[:MAX_DETAIL]
    return f"corrupt {what} ({type(exc).__name__}{': ' + detail if detail else ''})"


def _raising_module(exc: BaseException) -> str:
    """The module of the exception type if a parser defines it, else of the innermost Python frame."""
    module = type(exc).__module__
    if module.split(".")[0] in PARSER_LIBRARIES:
        return module
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_frame.f_globals.get("__name__", "") if tb is not None else ""
