"""`vnplan serve`: the converted archive in a browser (docs/serve.md)."""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.cli import messages
from pipeline.errors import EXIT_FAILED, EXIT_OK

SERVE_HELP = """\
Run a local web application over a plans database: upload PDF/DOCX files or folders
(converted in the background, queue kept in the database), find documents (filters,
full-text search without tone marks), open a document's review page and a task's history,
compare two documents, answer the analyst questions of docs/db.md and download them as
XLSX/CSV. Binds 127.0.0.1 unless told otherwise; with --token (or VNPLAN_TOKEN) nothing is
served without the token (open http://HOST:PORT/?token=T once).

examples:
  vnplan serve                                   # http://127.0.0.1:8000, sqlite:///out/plans.sqlite
  vnplan serve --db postgresql+psycopg://u:pw@host/plans --data-dir /srv/vnplan --token s3cret"""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from pipeline.serve.settings import DEFAULT_DATA_DIR, DEFAULT_MAX_FILES, DEFAULT_MAX_UPLOAD_MB
    from pipeline.store.db import DEFAULT_URL

    cmd = subparsers.add_parser("serve", help="the archive in a browser: upload, search, review, compare, export",
                                description=SERVE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    cmd.add_argument("--db", default=DEFAULT_URL, metavar="URL", help=f"database URL (default {DEFAULT_URL})")
    cmd.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    cmd.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    cmd.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, metavar="DIR",
                     help=f"where uploads, conversions and review pages are kept (default {DEFAULT_DATA_DIR})")
    cmd.add_argument("--token", default=None, help="require this token for everything (default: VNPLAN_TOKEN, else none)")
    cmd.add_argument("--workers", type=int, default=1, help="files converted at once (default 1)")
    cmd.add_argument("--max-upload-mb", type=int, default=DEFAULT_MAX_UPLOAD_MB, help="largest file accepted (MB)")
    cmd.add_argument("--max-files", type=int, default=DEFAULT_MAX_FILES, help="most files in one upload")
    return cmd


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from pipeline.serve.app import make_app
        from pipeline.serve.settings import allowed_hosts_for, settings_from_env
    except ImportError as exc:
        messages.error(f"vnplan serve needs its extra: pip install 'vnplan[serve]' ({exc.name} is missing)")
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
    messages.info(f"vnplan serve: http://{args.host}:{args.port}/ ({display_url(args.db)}; files in {args.data_dir})")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK
