"""`vnplan load JSON... [--db URL]`: contract JSON files into a database.

Each file is one transaction; a file that cannot be read or stored gets one line
on stderr and the others are still loaded (exit 1).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from pipeline.store.db import DEFAULT_URL, connect, load_document
from pipeline.errors import EXIT_OK, EXIT_FAILED


LOAD_HELP = f"""\
Load converted JSON files into a database through SQLAlchemy: documents,
sections, paragraphs, tasks, task_agencies, agencies, references, citations,
recipients. Loading is idempotent (a file already stored is skipped; the PDF
of a stored DOCX with the same content is recorded as another file of it) and a new
revision of a stored plan (same code, or same issuer and title) is stored
beside it, linked by documents.previous_id. A folder stands for its *.json
files (recursively; _report.json is skipped).

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


def run(args: argparse.Namespace) -> int:
    """Load every file; 0 when all loaded (or were already there), 1 when any failed."""
    engine = connect(args.db)
    status, counts = EXIT_OK, {"stored": 0, "revision": 0, "same_content": 0, "duplicate": 0, "failed": 0}
    try:
        for path in expand_inputs(args.files):
            try:
                doc = json.loads(path.read_text(encoding="utf-8"))
                result = load_document(engine, doc)
            except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, SQLAlchemyError) as exc:
                print(f"vnplan: {path}: cannot load ({type(exc).__name__}: {exc})", file=sys.stderr)
                counts["failed"] += 1
                status = EXIT_FAILED
                continue
            counts[result.status] += 1
            link = f" (revision of document {result.previous_id})" if result.previous_id else ""
            print(f"{path}: {result.status} as document {result.document_id}{link}", file=sys.stderr)
    finally:
        engine.dispose()
    print("vnplan load: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + f" into {engine.url.render_as_string()}",
          file=sys.stderr)
    return status
