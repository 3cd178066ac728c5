"""`vnplan load JSON... [--db URL]`: contract JSON files into a database.

Each file is read and checked against the schema before it touches the database,
then stored in one transaction; a file that cannot be read, is not a valid plan
or cannot be stored gets one line on stderr (the file, and the JSON path or the
database's reason; never SQL) and the others are still loaded (exit 1).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from pipeline.cli.diff import load_json_plan
from pipeline.conversion import ConversionError
from pipeline.errors import EXIT_FAILED, EXIT_OK
from pipeline.store.db import DEFAULT_URL, connect, error_line, load_document

LOAD_HELP = f"""\
Load converted JSON files into a database through SQLAlchemy (schema and views:
docs/db.md). Each file is validated against the plan schema first. Loading is
idempotent (a file already stored is skipped; the PDF of a stored DOCX with the
same content is recorded as another file of it); a new revision of a stored plan
(same issuer and code, or same issuer and title) is stored beside it, and the
revisions are chained by issued date and number. A database made by an earlier
release is upgraded in place (Alembic migrations). Loaders may run at once on one
database. A folder stands for its *.json files (recursively; _report.json is skipped).

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
        if path.is_dir():
            out += sorted(p for p in path.rglob("*.json") if not p.name.startswith("_"))
        else:
            out.append(path)
    return out


def read_plan(path: Path) -> dict:
    """The plan JSON in `path`, checked against the schema; ValueError with one line saying
    what is wrong and where (the same reading `vnplan diff` does)."""
    try:
        return load_json_plan(path)
    except ConversionError as exc:
        raise ValueError(exc.reason) from None


def shown_url(url: str) -> str:
    """The URL with its password hidden, as far as it parses."""
    try:
        return make_url(url).render_as_string()
    except SQLAlchemyError:
        return "the database URL given"


def _say(line: str) -> None:
    print(line.replace("\n", " ").replace("\r", " "), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Load every file; 0 when all loaded (or were already there), 1 when any failed."""
    status, counts = EXIT_OK, {"stored": 0, "revision": 0, "same_content": 0, "duplicate": 0, "failed": 0}
    engine: Engine | None = None
    try:
        for path in expand_inputs(args.files):
            try:
                doc = read_plan(path)
                engine = engine or connect(args.db)
                result = load_document(engine, doc)
            except (ValueError, SQLAlchemyError) as exc:
                reason = error_line(exc) if isinstance(exc, SQLAlchemyError) else str(exc)
                _say(f"vnplan: {path}: {reason}")
                counts["failed"] += 1
                status = EXIT_FAILED
                if isinstance(exc, SQLAlchemyError) and engine is None:
                    break  # the database itself cannot be opened: every file would fail alike
                continue
            counts[result.status] += 1
            link = f" (revision of document {result.previous_id})" if result.previous_id else ""
            _say(f"{path}: {result.status} as document {result.document_id}{link}")
    finally:
        if engine is not None:
            engine.dispose()
    where = engine.url.render_as_string() if engine is not None else shown_url(args.db)
    _say("vnplan load: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + f" into {where}")
    return status
