"""`vnplan diff OLD NEW [--format text|json|html] [-o FILE] [--lang vi|en]`: arguments and exit codes.

OLD and NEW are each a PDF, a DOCX (converted on the fly) or a JSON file that
`vnplan convert` wrote. Exit status as `diff` gives it: 0 when the two plans do
not differ, 1 when they do, 2 on trouble: an input that cannot be read (one line
on stderr, "vnplan: FILE: reason") or a usage error (argparse).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.cli import messages
from pipeline.cli.inputs import is_stdin, local_file, read_text, sniffed_suffix, stdin_bytes
from pipeline.conversion import ConversionError, convert
from pipeline.diff.context import has_differences, report_context
from pipeline.diff.html import render_html
from pipeline.diff.plans import diff_plans
from pipeline.diff.render import render_json, render_text
from pipeline.cli.main import add_ocr_option
from pipeline.i18n import add_lang_argument
from pipeline.output.serialize import write_atomically
from pipeline.output.validate import validation_errors
from pipeline.errors import EXIT_OK, EXIT_FAILED, EXIT_USAGE

# `diff`'s exit status: the plans differ; and trouble (an unreadable input), as diff(1) says it.
EXIT_DIFFERENT = EXIT_FAILED
EXIT_TROUBLE = EXIT_USAGE

RENDERERS = {
    "text": lambda diff, context, lang: render_text(diff, context, lang),
    "json": lambda diff, context, lang: render_json(diff),
    "html": lambda diff, context, lang: render_html(diff, context, lang),
}

DIFF_HELP = """\
Compare two revisions of a plan: tasks added, removed, reassigned, reworded,
rescheduled or only renumbered (tasks are matched by content, not number),
header fields, sections by path ("II.3"), references and recipients. The
HTML report names both files and titles, shows each changed task's content
and group with links to its pages in both PDFs, and marks an agency renamed
in the 2025 reorganisation apart from a real reassignment. Vietnamese by
default (--lang en). Exit status: 0 no differences, 1 differences, 2 trouble.

OLD and NEW may each be a .pdf, a .docx or a JSON file from `vnplan convert`;
one of them may be - (standard input).

example:
  vnplan diff plan-v1.docx plan-v2.pdf
  vnplan diff out/v1.json out/v2.json --format html -o diff.html"""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register the `diff` command on the main parser's subparsers."""
    parser = subparsers.add_parser(
        "diff", help="compare two revisions of a plan", description=DIFF_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD", type=Path, help="the earlier revision (.pdf, .docx or .json)")
    parser.add_argument("new", metavar="NEW", type=Path, help="the later revision (.pdf, .docx or .json)")
    parser.add_argument("--format", choices=sorted(RENDERERS), default="text", help="output format (default: text)")
    parser.add_argument("-o", "--output", metavar="FILE", default=None, help="write here instead of stdout (- for stdout)")
    add_ocr_option(parser)
    add_lang_argument(parser)
    return parser


def load_json_plan(path: Path) -> dict:
    """A converted plan from JSON, refused unless it follows the schema (the diff trusts its shape)."""
    if path.is_dir():
        raise ConversionError("is a directory, not a file")
    try:
        doc = json.loads(read_text(path))
    except FileNotFoundError:
        raise ConversionError("file not found") from None
    except OSError as exc:
        raise ConversionError(f"cannot read ({messages.describe(exc)})") from None
    except UnicodeDecodeError:
        raise ConversionError("not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ConversionError(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(doc, dict):
        raise ConversionError("not a vnplan JSON document (top level is not an object)")
    errors = validation_errors(doc)
    if errors:
        raise ConversionError(f"not a valid vnplan JSON document ({errors[0]})")
    return doc


def load_plan(path: Path, ocr: str = "auto") -> dict:
    """The contract dict of a .json, .pdf or .docx file (or of stdin, by its first bytes); `ocr` as
    `vnplan convert --ocr` for a PDF. Raises ConversionError."""
    if path.suffix.lower() == ".json" or (is_stdin(path) and sniffed_suffix(stdin_bytes()) == ".json"):
        return load_json_plan(path)
    with local_file(path) as local:
        return convert(local, ocr=ocr)


def _fail(path: Path | str, reason: str) -> int:
    messages.fail(path, reason)
    return EXIT_TROUBLE


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
    report = RENDERERS[args.format](diff, context, args.lang)
    status = EXIT_DIFFERENT if has_differences(diff, context) else EXIT_OK
    if args.output in (None, "-"):
        sys.stdout.write(report)
        return status
    try:
        write_atomically(Path(args.output), report)
    except OSError as exc:
        return _fail(args.output, f"cannot write ({messages.describe(exc)})")
    return status


def main(argv: list[str] | None = None) -> int:
    """Run `diff` on its own (`python -m pipeline.cli.diff OLD NEW`), for tests and debugging."""
    parser = argparse.ArgumentParser(prog="vnplan")
    add_parser(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(["diff", *(sys.argv[1:] if argv is None else argv)]))


if __name__ == "__main__":
    sys.exit(main())
