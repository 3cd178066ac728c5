"""`vnplan export --tasks FILE [--from-db URL | JSON...]`: tasks for spreadsheets."""
from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from pipeline.cli import messages
from pipeline.cli.load import display_url, expand_inputs, open_database, read_plan
from pipeline.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from pipeline.export.sheets import export_format, write
from pipeline.export.tasks import records_from_db, task_records
from pipeline.store.db import error_line

EXPORT_HELP = """\
Write one row per task of the latest revision of each plan (--all-revisions:
of every revision) to a .csv, .xlsx or .parquet file, from converted JSON files
(or folders of them) or from a database that `vnplan load` filled. The PDF and
the DOCX of one text count once. Columns: plan code, title, issuer, province and
its successor after the 2025 mergers, issued date, draft, revision, task key,
group, content, lead / cooperating / submit_to agencies (names and ids, and who
leads today), timeframe, deadline window, output, note, references, source.
Headers in Vietnamese (--lang en: English); XLSX has real dates, a frozen header
row, filters and column widths; CSV is UTF-8 with a BOM; Parquet is typed.
Cells that a spreadsheet would run as a formula are written as text.

examples:
  vnplan export --tasks tasks.xlsx out/*.json
  vnplan export --tasks tasks.parquet --from-db sqlite:///out/plans.sqlite"""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `export` on the `vnplan` sub-command parser."""
    cmd = subparsers.add_parser("export", help="export tasks to CSV / Excel / Parquet", description=EXPORT_HELP,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    cmd.add_argument("--tasks", required=True, type=Path, metavar=message("metavar.file"), help="output .csv, .xlsx or .parquet")
    cmd.add_argument("--from-db", metavar="URL", help="read from this database instead of JSON files")
    cmd.add_argument("--all-revisions", action="store_true", help="every revision of each plan, not the latest")
    cmd.add_argument("--lang", choices=("vi", "en"), default="vi", help="header language (default vi)")
    cmd.add_argument("files", nargs="*", type=Path, metavar="JSON")
    return cmd


def _from_files(paths: list[Path], all_revisions: bool) -> tuple[list[dict], int]:
    docs, status = [], EXIT_OK
    for path in expand_inputs(paths):
        try:
            docs.append(read_plan(path))
        except ValueError as exc:
            messages.fail(path, str(exc))
            status = EXIT_FAILED
    return task_records(docs, all_revisions), status


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
            records = records_from_db(engine, args.all_revisions)
        except SQLAlchemyError as exc:
            messages.fail(display_url(args.from_db), error_line(exc))
            return EXIT_FAILED
        finally:
            engine.dispose()
    else:
        records, status = _from_files(args.files, args.all_revisions)
    try:
        write(records, args.tasks, args.lang)
    except OSError as exc:
        messages.fail(args.tasks, f"cannot write ({messages.describe(exc)})")
        return EXIT_FAILED
    messages.info(f"vnplan export: {len(records)} tasks to {messages.escape(args.tasks)}")
    return status
