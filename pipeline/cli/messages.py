"""How every `vnplan` command talks to a person: one line per failure, escaped, through logging.

A failure is always one line on stderr, written directly (shown even with -q), `vnplan: SUBJECT: reason`, whatever the
subject (a file name with a newline or an escape code in it) or the reason (an
lxml message over three lines, a database error with its SQL) holds: control
characters are written as escapes (`\\x1b`, `\\n`) so a hostile name cannot
retitle the terminal or forge a second line, and a reason's line breaks are
folded into spaces. Third-party libraries (pdfminer, fontTools, distributed ...)
log through `logging` too; their records stay off stderr unless `-v` is given.
"""
from __future__ import annotations

import logging
import re
import sys

from pipeline import i18n
from pipeline.errors import os_error_reason
from pipeline.data.extras import extra_for, missing_line
from pipeline.i18n import message
from pipeline.text import escape_controls

LOGGER_NAME = "pipeline"
log = logging.getLogger(f"{LOGGER_NAME}.cli")

# A reason longer than this is cut: a person reads one line, not a page of SQL.
MAX_REASON = 300

# Verbosity -> (level of vnplan's own records, level of third-party records shown).
# Third-party records below CRITICAL+1 are shown only from -v on.
_LEVELS = {-1: (logging.WARNING, logging.CRITICAL + 1), 0: (logging.INFO, logging.CRITICAL + 1),
           1: (logging.DEBUG, logging.WARNING), 2: (logging.DEBUG, logging.DEBUG)}


def escape(text: object) -> str:
    """`text` (a file name, a message) with every control character written as an escape."""
    return escape_controls(str(text))


def one_line(reason: object) -> str:
    """A reason folded onto one line (line breaks and runs of spaces become one space), escaped, cut."""
    text = escape(" ".join(str(reason).split()))
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 3] + "..."


def fail(subject: object, reason: object) -> None:
    """Report one failed input: `vnplan: SUBJECT: reason` on stderr, on one line, even with -q."""
    _write(f"vnplan: {escape(subject)}: {one_line(reason)}")


def error(reason: object) -> None:
    """A failure that concerns no one file (interrupted, a bug): `vnplan: reason`."""
    _write(f"vnplan: {one_line(reason)}")


def usage_error(message: object) -> None:
    """Report a wrong command line: `vnplan: error: message` on stderr."""
    _write(f"vnplan: {one_line(i18n.message('cli.usage_error', message=message))}")


def _write(line: str) -> None:
    """One line to whatever sys.stderr is now (tests swap it); a closed stderr is not an error."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # nowhere left to tell
        pass


def describe(exc: BaseException) -> str:
    """One line for an exception a command did not expect: what failed, never a traceback.

    An OS error says what the system said with the errno name ("Invalid argument"
    alone does not say it was the system); a database error says what the server
    said, without the SQL statement and its parameters; an error that carries its own
    one-line `reason` (ConversionError, ExtractError) says that; anything else is a bug.
    """
    if isinstance(getattr(exc, "reason", None), str):
        return exc.reason
    if isinstance(exc, ImportError) and extra_for(exc):  # a library of an extra that is not installed
        return missing_line(i18n.message("extra.this_command"), extra_for(exc))
    if isinstance(exc, OSError) and exc.strerror:
        code = errno_name(exc.errno)
        # the system's own words in English; the table's, where it names the errno, otherwise
        words = exc.strerror if i18n.current_lang() == "en" else os_error_reason(exc)
        return f"{words} ({code})" if code else words
    if _is_database_error(exc):
        return database_reason(exc)
    return i18n.message("error.internal", detail=f"{type(exc).__name__}: {exc}")


# The advice a refusal carries when another `--ocr` mode would read the file ("; --ocr auto reads it by OCR").
_OCR_ADVICE = re.compile(r";[^;]*(--ocr (?:auto|always))[^;]*$")


def with_retry(reason: str, command: list[object]) -> str:
    """`reason` with its `--ocr` advice written as the whole command to run again, which works
    as printed: `vnplan inspect scan.pdf --ocr auto` (every command that reads a PDF takes it)."""
    advice = _OCR_ADVICE.search(reason)
    if advice is None:
        return reason
    import shlex  # noqa: PLC0415  (only failures pay for it)

    line = shlex.join(["vnplan", *(str(c) for c in command), *advice.group(1).split()])
    return reason[: advice.start()] + "; " + message("cli.try", command=line)


def errno_name(number: int | None) -> str:
    """"ENOSPC" for 28; "" when unknown."""
    import errno
    return errno.errorcode.get(number or 0, "")


def _is_database_error(exc: BaseException) -> bool:
    return type(exc).__module__.startswith(("sqlalchemy", "psycopg", "sqlite3"))


def database_reason(exc: BaseException) -> str:
    """What the database said, first line only: SQLAlchemy's text repeats the SQL and its parameters.

    A connection that failed reads "database unreachable (...)", so a wrong URL or a
    stopped server is told apart from data the database refused.
    """
    orig = getattr(exc, "orig", None) or exc
    said = next((line.strip() for line in str(orig).splitlines() if line.strip()), type(orig).__name__)
    said = re.sub(r"^\(\S+\)\s*", "", said)  # SQLAlchemy's "(psycopg.OperationalError) " prefix
    connection = getattr(exc, "connection_invalidated", False) or type(exc).__name__ == "OperationalError"
    if connection and re.search(r"connect|could not translate host|timeout|timed out|refused|unable to open", said, re.I):
        return i18n.message("error.database_unreachable", detail=said)
    return i18n.message("error.database", detail=f"{type(orig).__name__}: {said}")


def info(message: str, *args: object) -> None:
    """A progress or summary line (hidden by -q); callers escape file names they put in.

    A command run without `main` (a test, an embedding program) has no handler of ours:
    its lines go straight to stderr, as they would by default.
    """
    if _configured():
        log.info(message, *args)
    else:
        _write(message % args if args else message)


def _configured() -> bool:
    return any(isinstance(h, _StderrHandler) for h in logging.getLogger().handlers)


class _StderrHandler(logging.Handler):
    """Writes to whatever sys.stderr is now (tests swap it); never raises on a closed stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        _write(self.format(record))


class _Formatter(logging.Formatter):
    """vnplan's own lines as written; a library's prefixed with its logger name, on one line."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.name == LOGGER_NAME or record.name.startswith(LOGGER_NAME + "."):
            return message
        return f"vnplan: [{escape(record.name)}] {one_line(message)}"


class _Filter(logging.Filter):
    """Keeps vnplan's records at or above `own` and third-party records at or above `others`."""

    def __init__(self, own: int, others: int) -> None:
        super().__init__()
        self.own, self.others = own, others

    def filter(self, record: logging.LogRecord) -> bool:
        ours = record.name == LOGGER_NAME or record.name.startswith(LOGGER_NAME + ".")
        return record.levelno >= (self.own if ours else self.others)


def configure_logging(verbosity: int = 0) -> None:
    """Route every record (and Python warnings) to one stderr handler; -q = -1, -v = 1, -vv = 2.

    Idempotent: a second call (tests run many commands in one process) replaces the handler.
    """
    own, others = _LEVELS[max(-1, min(2, verbosity))]
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _StderrHandler)]:
        root.removeHandler(handler)
    handler = _StderrHandler()
    handler.setFormatter(_Formatter())
    handler.addFilter(_Filter(own, others))
    root.addHandler(handler)
    # Levels on the loggers, not only the filter: a library's debug records are then never
    # even built (pdfminer logs one per PDF object).
    root.setLevel(min(others, logging.CRITICAL))
    logging.getLogger(LOGGER_NAME).setLevel(own)
    logging.captureWarnings(True)
