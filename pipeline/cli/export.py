"""`vnplan export --tasks FILE [--from-db URL | JSON...]`: tasks for spreadsheets."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.cli import messages
from pipeline.cli.inputs import read_text
from pipeline.cli.load import expand_inputs, open_database
from pipeline.export.tasks import export_format, tasks_from_db, tasks_from_docs, write_frame
from pipeline.errors import EXIT_OK, EXIT_FAILED, EXIT_USAGE


EXPORT_HELP = """\
Write one row per task (plan code, title, issuer, date, task number, group,
content, lead / cooperating / submit_to agency names joined by "; ",
timeframe, output, note, references) to a .csv, .xlsx or .parquet file,
from converted JSON files (or folders of them) or from a database that
`vnplan load` filled (each plan's current revision).

examples:
  vnplan export --tasks tasks.xlsx out/*.json
  vnplan export --tasks tasks.parquet --from-db sqlite:///out/plans.sqlite"""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `export` on the `vnplan` sub-command parser."""
    cmd = subparsers.add_parser("export", help="export tasks to CSV / Excel / Parquet", description=EXPORT_HELP,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    cmd.add_argument("--tasks", required=True, type=Path, metavar="FILE", help="output .csv, .xlsx or .parquet")
    cmd.add_argument("--from-db", metavar="URL", help="read from this database instead of JSON files")
    cmd.add_argument("files", nargs="*", type=Path, metavar="JSON")
    return cmd


def run(args: argparse.Namespace) -> int:
    """Export; 1 when some JSON could not be read (the rest are exported), 2 on bad usage."""
    try:
        export_format(args.tasks)
    except ValueError as exc:
        messages.usage_error(exc)
        return EXIT_USAGE
    if bool(args.from_db) == bool(args.files):
        messages.usage_error("give either --from-db URL or JSON files")
        return EXIT_USAGE
    status = EXIT_OK
    if args.from_db:
        engine = open_database(args.from_db)
        if engine is None:
            return EXIT_FAILED
        try:
            frame = tasks_from_db(engine)
        finally:
            engine.dispose()
    else:
        docs = []
        for path in expand_inputs(args.files):
            try:
                docs.append(json.loads(read_text(path)))
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                messages.fail(path, f"cannot read JSON ({messages.describe(exc) if isinstance(exc, OSError) else exc})")
                status = EXIT_FAILED
        frame = tasks_from_docs(docs)
    write_frame(frame, args.tasks)
    messages.info(f"vnplan export: {len(frame)} tasks to {messages.escape(args.tasks)}")
    return status
