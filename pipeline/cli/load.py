"""`vnplan load JSON... [--db URL]`: contract JSON files into a database.

Each file is one transaction; a file that cannot be read or stored gets one line
on stderr and the others are still loaded (exit 1).
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from sqlalchemy.engine import Engine

from pipeline.cli import messages
from pipeline.cli.inputs import is_stdin, read_text
from pipeline.store.db import DEFAULT_URL, connect, load_document
from pipeline.errors import EXIT_OK, EXIT_FAILED

# Seconds libpq waits for a PostgreSQL server before giving up (PGCONNECT_TIMEOUT, unless
# the user set it): an unreachable host is one line after this, not a hang.
CONNECT_TIMEOUT = 10


LOAD_HELP = f"""\
Load converted JSON files into a database through SQLAlchemy: documents,
sections, paragraphs, tasks, task_agencies, agencies, references, citations,
recipients. Loading is idempotent (a file already stored is skipped; the PDF
of a stored DOCX with the same content is recorded as another file of it) and a new
revision of a stored plan (same code, or same issuer and title) is stored
beside it, linked by documents.previous_id. A folder stands for its *.json
files (recursively; _report.json is skipped); - reads one from standard input.

examples:
  vnplan load out/*.json                       # into {DEFAULT_URL.removeprefix('sqlite:///')}
  vnplan load out/ --db postgresql+psycopg://user:pw@host/plans"""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `load` on the `vnplan` sub-command parser."""
    cmd = subparsers.add_parser("load", help="load JSON files into a database", description=LOAD_HELP,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    cmd.add_argument("files", nargs="+", type=Path, metavar="JSON")
    cmd.add_argument("--db", default=DEFAULT_URL, metavar="URL", help=f"SQLAlchemy URL (default {DEFAULT_URL})")
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


def open_database(url: str) -> Engine | None:
    """An engine with the schema in place, or None after one line saying why not (unreachable,
    malformed URL, missing driver)."""
    os.environ.setdefault("PGCONNECT_TIMEOUT", str(CONNECT_TIMEOUT))
    try:
        return connect(url)
    except (SQLAlchemyError, ImportError, ValueError, OSError) as exc:
        reason = f"missing database driver ({exc.name})" if isinstance(exc, ImportError) else messages.describe(exc)
        messages.fail(display_url(url), reason)
        return None


def read_failure(exc: Exception) -> str:
    """One line for a file `load` could not read or store (never the SQL nor its parameters)."""
    if isinstance(exc, json.JSONDecodeError):
        return f"cannot load (not valid JSON, line {exc.lineno}: {exc.msg})"
    if isinstance(exc, UnicodeDecodeError):
        return "cannot load (not UTF-8 text)"
    if isinstance(exc, (OSError, SQLAlchemyError)):
        return f"cannot load ({messages.describe(exc)})"
    return f"cannot load ({type(exc).__name__}: {exc})"


def run(args: argparse.Namespace) -> int:
    """Load every file; 0 when all loaded (or were already there), 1 when any failed."""
    engine = open_database(args.db)
    if engine is None:
        return EXIT_FAILED
    status, counts = EXIT_OK, {"stored": 0, "revision": 0, "same_content": 0, "duplicate": 0, "failed": 0}
    try:
        for path in expand_inputs(args.files):
            try:
                doc = json.loads(read_text(path))
                result = load_document(engine, doc)
            except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, SQLAlchemyError) as exc:
                messages.fail(path, read_failure(exc))
                counts["failed"] += 1
                status = EXIT_FAILED
                continue
            counts[result.status] += 1
            link = f" (revision of document {result.previous_id})" if result.previous_id else ""
            messages.info(f"{messages.escape(path)}: {result.status} as document {result.document_id}{link}")
    finally:
        engine.dispose()
    messages.info("vnplan load: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + f" into {display_url(args.db)}")
    return status
