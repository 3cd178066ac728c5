"""`vnplan render FILE|JSON --to md|html [-o FILE] [--lang vi|en]`: the plan for people who read plans.

FILE is a .pdf or .docx (converted on the fly) or a JSON file `vnplan convert`
wrote. Header, sections, the task table with its group rows, other tables,
recipients, signature, the documents cited with their full citation, warnings.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.cli import messages
from pipeline.errors import EXIT_FAILED, EXIT_OK
from pipeline.cli.main import add_ocr_option
from pipeline.i18n import add_lang_argument, current_lang, in_language_of_args, message
from pipeline.output.serialize import write_atomically

def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    cmd = subparsers.add_parser("render", help=message("cli.cmd.render"), description=message("cli.help.render"),
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    cmd.add_argument("file", metavar=message("metavar.file"), type=Path, help=message("cli.help.render_file"))
    cmd.add_argument("--to", choices=("md", "html"), default="md", help=message("cli.help.format", default="md"))
    cmd.add_argument("-o", "--output", metavar=message("metavar.file"), default=None, help=message("cli.help.output_file"))
    add_ocr_option(cmd)
    add_lang_argument(cmd)
    return cmd


@in_language_of_args
def run(args: argparse.Namespace) -> int:
    from pipeline.cli.plan_json import load_plan
    from pipeline.review.document import to_html, to_markdown

    try:
        doc = load_plan(args.file, args.ocr)
    except Exception as exc:  # a damaged file or a bug: one line, not a traceback
        messages.fail(args.file, messages.with_retry(messages.describe(exc), ["render", args.file, "--to", args.to]))
        return EXIT_FAILED
    text = (to_html if args.to == "html" else to_markdown)(doc, current_lang())
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_atomically(Path(args.output), text)
    except OSError as exc:
        messages.fail(args.output, message("cli.cannot_write", reason=messages.describe(exc)))
        return EXIT_FAILED
    return EXIT_OK
