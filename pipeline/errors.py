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


class ExtractError(Exception):
    """A file that cannot be turned into the IR, with a user-facing reason.

    Args:
        reason: Short lower-case explanation, e.g. "not a DOCX file (not a zip archive)".
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
