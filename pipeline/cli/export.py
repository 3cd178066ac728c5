"""`vnplan export --tasks FILE [--from-db URL | JSON...]`: tasks for spreadsheets."""
from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from pipeline.i18n import add_lang_argument, current_lang, in_language_of_args, message
from pipeline.cli import messages
from pipeline.cli.load import display_url, expand_inputs, open_database, read_plan
from pipeline.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from pipeline.export.sheets import export_format, write
from pipeline.export.tasks import records_from_db, task_records
from pipeline.data.extras import require
from pipeline.store.db import error_line

def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `export` on the `vnplan` sub-command parser."""
    cmd = subparsers.add_parser("export", help=message("cli.cmd.export"), description=message("cli.help.export"),
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    cmd.add_argument("--tasks", required=True, type=Path, metavar=message("metavar.file"), help=message("cli.help.export_tasks"))
    cmd.add_argument("--from-db", metavar="URL", help=message("cli.help.from_db"))
    cmd.add_argument("--all-revisions", action="store_true", help=message("cli.help.all_revisions"))
    cmd.add_argument("files", nargs="*", type=Path, metavar="JSON")
    add_lang_argument(cmd)
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


@in_language_of_args
def run(args: argparse.Namespace) -> int:
    """Export; 1 when some JSON could not be read (the rest are exported), 2 on bad usage."""
    try:
        kind = export_format(args.tasks)
    except ValueError as exc:
        messages.usage_error(exc)
        return EXIT_USAGE
    if kind == "parquet":
        require("parquet", "Parquet export")  # before any file is read: the last guard prints its line
    if bool(args.from_db) == bool(args.files):
        messages.usage_error(message("cli.export_source"))
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
        write(records, args.tasks, current_lang())
    except OSError as exc:
        messages.fail(args.tasks, message("cli.cannot_write", reason=messages.describe(exc)))
        return EXIT_FAILED
    messages.info(message("cli.export_summary", count=len(records), path=messages.escape(args.tasks)))
    return status
