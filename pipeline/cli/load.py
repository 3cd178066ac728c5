"""`vnplan load JSON... [--db URL]`: contract JSON files into a database.

Each file is read and checked against the schema before it touches the database,
then stored in one transaction; a file that cannot be read, is not a valid plan
or cannot be stored gets one line on stderr (the file, and the JSON path or the
database's reason; never SQL) and the others are still loaded (exit 1).
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from sqlalchemy import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from pipeline.i18n import message
from pipeline.cli import messages
from pipeline.cli.inputs import is_stdin
from pipeline.cli.plan_json import load_json_plan
from pipeline.conversion import ConversionError
from pipeline.store.db import DEFAULT_URL, connect, error_line, load_document, missing_sqlite_file
from pipeline.errors import EXIT_OK, EXIT_FAILED
from pipeline.data.extras import MissingExtra, require

# Seconds libpq waits for a PostgreSQL server before giving up (PGCONNECT_TIMEOUT, unless
# the user set it): an unreachable host is one line after this, not a hang.
CONNECT_TIMEOUT = 10


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `load` on the `vnplan` sub-command parser."""
    cmd = subparsers.add_parser("load", help=message("cli.cmd.load"), description=message("cli.help.load", default_path=DEFAULT_URL.removeprefix("sqlite:///")),
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    cmd.add_argument("files", nargs="+", type=Path, metavar="JSON")
    cmd.add_argument("--db", default=DEFAULT_URL, metavar="URL", help=message("cli.help.db", default=DEFAULT_URL))
    cmd.add_argument("--create", action="store_true", help=message("cli.help.create"))
    return cmd


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given; folders replaced by the JSON files under them, sorted."""
    out: list[Path] = []
    for path in paths:
        if not is_stdin(path) and path.is_dir():
            out += sorted(p for p in path.rglob("*.json") if not p.name.startswith("_"))
        else:
            out.append(path)
    return out


def display_url(url: str) -> str:
    """The URL as a person may see it in a message: the password hidden."""
    from sqlalchemy.engine import make_url
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a malformed URL is shown as given (it holds no parsed password)
        return url


def open_database(url: str, create: bool = False) -> Engine | None:
    """An engine with the schema in place, or None after one line saying why not (unreachable,
    malformed URL, missing driver, a SQLite file that does not exist and was not to be created:
    a mistyped path must not quietly become an empty database)."""
    missing = missing_sqlite_file(url)
    if missing is not None and not create:
        messages.fail(display_url(url), message("cli.no_database_file", path=missing))
        return None
    os.environ.setdefault("PGCONNECT_TIMEOUT", str(CONNECT_TIMEOUT))
    try:
        if url.startswith("postgresql"):
            require("postgres", "PostgreSQL")
        return connect(url)
    except (SQLAlchemyError, ImportError, ValueError, OSError) as exc:
        reason = (exc.reason if isinstance(exc, MissingExtra) else message("cli.missing_driver", name=exc.name)
                  if isinstance(exc, ImportError) else messages.describe(exc))
        messages.fail(display_url(url), reason)
        return None


def read_failure(exc: Exception) -> str:
    """One line for a file `load` could not read or store (never the SQL nor its parameters)."""
    if isinstance(exc, json.JSONDecodeError):
        reason = message("cli.not_json", line=exc.lineno, column=exc.colno, detail=exc.msg)
    elif isinstance(exc, UnicodeDecodeError):
        reason = message("cli.not_utf8")
    elif isinstance(exc, SQLAlchemyError):
        reason = error_line(exc)
    elif isinstance(exc, OSError):
        reason = messages.describe(exc)
    else:
        reason = f"{type(exc).__name__}: {exc}"
    return message("cli.cannot_load", reason=reason)


def read_plan(path: Path) -> dict:
    """The plan JSON in `path`, checked against the schema; ValueError with one line saying
    what is wrong and where (the same reading `vnplan diff` does)."""
    try:
        return load_json_plan(path)
    except ConversionError as exc:
        raise ValueError(exc.reason) from None


def run(args: argparse.Namespace) -> int:
    """Load every file; 0 when all loaded (or were already there), 1 when any failed."""
    status, counts = EXIT_OK, {"stored": 0, "revision": 0, "same_content": 0, "duplicate": 0, "failed": 0}
    engine: Engine | None = None
    try:
        for path in expand_inputs(args.files):
            try:
                doc = read_plan(path)
            except ValueError as exc:
                messages.fail(path, str(exc))
                counts["failed"] += 1
                status = EXIT_FAILED
                continue
            if engine is None:
                engine = open_database(args.db, create=args.create or args.db == DEFAULT_URL)
                if engine is None:
                    return EXIT_FAILED
            try:
                result = load_document(engine, doc)
            except (OSError, ValueError, KeyError, TypeError, SQLAlchemyError) as exc:
                messages.fail(path, read_failure(exc))
                counts["failed"] += 1
                status = EXIT_FAILED
                if isinstance(exc, SQLAlchemyError) and engine is None:
                    break  # the database itself cannot be opened: every file would fail alike
                continue
            counts[result.status] += 1
            link = message("cli.load_revision_of", id=result.previous_id) if result.previous_id else ""
            messages.info(message(f"cli.load_status.{result.status}", path=messages.escape(path),
                                  id=result.document_id) + link)
    finally:
        if engine is not None:
            engine.dispose()
    counted = ", ".join(message(f"cli.load_count.{k}", n=v) for k, v in counts.items())
    messages.info(message("cli.load_summary", counts=counted, url=display_url(args.db)))
    return status
