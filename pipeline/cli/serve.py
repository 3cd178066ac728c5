"""`vnplan serve`: the converted archive in a browser (docs/serve.md)."""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.cli import messages
from pipeline.errors import EXIT_FAILED, EXIT_OK
from pipeline.i18n import message

def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from pipeline.serve.settings import DEFAULT_DATA_DIR, DEFAULT_MAX_FILES, DEFAULT_MAX_UPLOAD_MB
    from pipeline.store.db import DEFAULT_URL

    cmd = subparsers.add_parser("serve", help=message("cli.cmd.serve"),
                                description=message("cli.help.serve"), formatter_class=argparse.RawDescriptionHelpFormatter)
    cmd.add_argument("--db", default=DEFAULT_URL, metavar="URL", help=message("cli.help.db", default=DEFAULT_URL))
    cmd.add_argument("--host", default="127.0.0.1", help=message("cli.help.host"))
    cmd.add_argument("--port", type=int, default=8000, help=message("cli.help.port"))
    cmd.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, metavar=message("metavar.dir"),
                     help=message("cli.help.data_dir", default=DEFAULT_DATA_DIR))
    cmd.add_argument("--token", default=None, help=message("cli.help.token"))
    cmd.add_argument("--workers", type=int, default=1, help=message("cli.help.workers"))
    cmd.add_argument("--max-upload-mb", type=int, default=DEFAULT_MAX_UPLOAD_MB, help=message("cli.help.max_upload"))
    cmd.add_argument("--max-files", type=int, default=DEFAULT_MAX_FILES, help=message("cli.help.max_files"))
    return cmd


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from pipeline.serve.app import make_app
        from pipeline.serve.settings import allowed_hosts_for, settings_from_env
    except ImportError as exc:
        messages.error(message("cli.serve_extra", name=exc.name))
        return EXIT_FAILED
    from pipeline.cli.load import display_url
    from pipeline.store.db import error_line
    from sqlalchemy.exc import SQLAlchemyError

    settings = settings_from_env(db_url=args.db, data_dir=args.data_dir, token=args.token, workers=args.workers,
                                 max_upload_mb=args.max_upload_mb, max_files=args.max_files,
                                 allowed_hosts=allowed_hosts_for(args.host))
    try:
        app = make_app(settings)
    except SQLAlchemyError as exc:
        messages.fail(display_url(args.db), error_line(exc))
        return EXIT_FAILED
    except OSError as exc:
        messages.fail(args.data_dir, messages.describe(exc))
        return EXIT_FAILED
    messages.info(message("cli.serve_listening", host=args.host, port=args.port, url=display_url(args.db), folder=args.data_dir))
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK
