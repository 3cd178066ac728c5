"""`vnplan diff OLD NEW [--format text|json|html] [-o FILE] [--lang vi|en]`: arguments and exit codes.

OLD and NEW are each a PDF, a DOCX (converted on the fly) or a JSON file that
`vnplan convert` wrote. Exit status as `diff` gives it: 0 when the two plans do
not differ, 1 when they do, 2 on trouble: an input that cannot be read (one line
on stderr, "vnplan: FILE: reason") or a usage error (argparse).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.cli import messages
from pipeline.cli.plan_json import load_plan
from pipeline.diff.context import has_differences, report_context
from pipeline.diff.html import render_html
from pipeline.diff.plans import diff_plans
from pipeline.diff.render import render_json, render_text
from pipeline.i18n import add_lang_argument, current_lang, in_language_of_args, message
from pipeline.cli.main import add_ocr_option
from pipeline.output.serialize import write_atomically
from pipeline.errors import EXIT_OK, EXIT_FAILED, EXIT_USAGE

# `diff`'s exit status: the plans differ; and trouble (an unreadable input), as diff(1) says it.
EXIT_DIFFERENT = EXIT_FAILED
EXIT_TROUBLE = EXIT_USAGE

RENDERERS = {
    "text": lambda diff, context, lang: render_text(diff, context, lang),
    "json": lambda diff, context, lang: render_json(diff),
    "html": lambda diff, context, lang: render_html(diff, context, lang),
}

def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register the `diff` command on the main parser's subparsers."""
    parser = subparsers.add_parser(
        "diff", help=message("cli.cmd.diff"), description=message("cli.help.diff"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar=message("metavar.old"), type=Path, help=message("cli.help.diff_old"))
    parser.add_argument("new", metavar=message("metavar.new"), type=Path, help=message("cli.help.diff_new"))
    parser.add_argument("--format", choices=sorted(RENDERERS), default="text", help=message("cli.help.format", default="text"))
    parser.add_argument("-o", "--output", metavar=message("metavar.file"), default=None, help=message("cli.help.output_file"))
    add_ocr_option(parser)
    add_lang_argument(parser)
    return parser


def _fail(path: Path | str, reason: str) -> int:
    messages.fail(path, reason)
    return EXIT_TROUBLE


@in_language_of_args
def run(args: argparse.Namespace) -> int:
    """Diff args.old against args.new and write the report; 0 same, 1 different, 2 trouble."""
    plans = []
    for path in (args.old, args.new):
        try:
            plans.append(load_plan(path, getattr(args, "ocr", "auto")))
        except Exception as exc:  # a damaged file or a bug: one line, not a traceback
            return _fail(path, messages.with_retry(messages.describe(exc), ["diff", args.old, args.new]))
    diff = diff_plans(*plans)
    context = report_context(*plans, args.old, args.new)
    report = RENDERERS[args.format](diff, context, current_lang())
    status = EXIT_DIFFERENT if has_differences(diff, context) else EXIT_OK
    if args.output in (None, "-"):
        sys.stdout.write(report)
        return status
    try:
        write_atomically(Path(args.output), report)
    except OSError as exc:
        return _fail(args.output, message("cli.cannot_write", reason=messages.describe(exc)))
    return status


def main(argv: list[str] | None = None) -> int:
    """Run `diff` on its own (`python -m pipeline.cli.diff OLD NEW`), for tests and debugging."""
    parser = argparse.ArgumentParser(prog="vnplan")
    add_parser(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(["diff", *(sys.argv[1:] if argv is None else argv)]))


if __name__ == "__main__":
    sys.exit(main())
