"""The `vnplan` command line: argument parsing, one line per failure, exit codes.

Exit status: 0 success, 1 some inputs failed (the others were still written),
2 usage error. No logic lives here beyond looping over inputs.
"""
from __future__ import annotations

import argparse
from importlib import metadata
import json
import sys
from pathlib import Path

from pipeline.conversion import ConversionError, convert
from pipeline.extract.page_choice import MODES as OCR_MODES
import importlib
from pipeline.output.serialize import to_json, write_atomically
from pipeline.output.validate import validation_errors
from pipeline.errors import EXIT_OK, EXIT_FAILED, EXIT_USAGE


DESCRIPTION = """\
Convert Vietnamese government plan documents (PDF or DOCX) into JSON that
follows the vnplan output contract (schemas/plan.schema.json)."""

CONVERT_HELP = """\
Convert each FILE (.pdf or .docx) into DIR/<stem>.json.

A file that cannot be converted (encrypted, not a PDF/DOCX, no text layer,
...) gets one line on stderr and no JSON; the others are still written.
Output is validated against the schema and written atomically.

example:
  vnplan convert samples/plan-196-KH-UBND.pdf -o out/
  vnplan convert plan.docx -o -          # JSON to stdout
  vnplan convert scanned.pdf             # scanned pages are read by OCR (Tesseract)
  vnplan convert plan.pdf --ocr never    # text layers only, never OCR"""

VALIDATE_HELP = """\
Check JSON files against schemas/plan.schema.json; print each violation
with its JSON path. Exit 1 when any file is invalid.

example:
  vnplan validate out/*.json"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one line
        self.print_usage(sys.stderr)
        print(f"vnplan: error: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


# Commands whose modules are imported only when used: `vnplan convert` starts fast.
LAZY_COMMANDS = {
    "diff": ("pipeline.cli.diff", "compare two revisions of a plan"),
    "batch": ("pipeline.cli.batch", "convert a folder tree in parallel"),
    "load": ("pipeline.cli.load", "load JSON files into a database"),
    "export": ("pipeline.cli.export", "export tasks to CSV / Excel / Parquet"),
}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="vnplan", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"vnplan {package_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    convert_cmd = sub.add_parser(
        "convert", help="convert PDF/DOCX files to JSON", description=CONVERT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert_cmd.add_argument("files", nargs="+", metavar="FILE", type=Path)
    convert_cmd.add_argument("-o", "--output", default="out", metavar="DIR", help="output folder, or - for stdout (default: out/)")
    add_ocr_option(convert_cmd)
    validate_cmd = sub.add_parser(
        "validate", help="check JSON files against the schema", description=VALIDATE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate_cmd.add_argument("files", nargs="+", metavar="JSON", type=Path)
    chosen = _command_in(argv)
    for name, (module, summary) in LAZY_COMMANDS.items():
        if name == chosen:
            importlib.import_module(module).add_parser(sub)
        else:  # listed in --help without importing its dependencies (scipy, SQLAlchemy, pandas ...)
            sub.add_parser(name, help=summary)
    return parser


def add_ocr_option(cmd: argparse.ArgumentParser) -> None:
    """`--ocr auto|never|always` (a bare `--ocr`, the old switch, is auto)."""
    cmd.add_argument("--ocr", choices=OCR_MODES, default="auto", nargs="?", const="auto",
                     help="which PDF pages are read by OCR (Tesseract with Vietnamese data): auto (default) "
                          "those with no text layer or one that is not Vietnamese text; never; always")


def package_version() -> str:
    """The installed distribution's version (pyproject.toml), without importing the pipeline."""
    try:
        return metadata.version("vnplan")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _command_in(argv: list[str] | None) -> str | None:
    """The subcommand named on the command line, if any (the first word not an option)."""
    words = sys.argv[1:] if argv is None else argv
    return next((w for w in words if not w.startswith("-")), None)


def _fail(path: Path, reason: str) -> None:
    print(f"vnplan: {path}: {reason}", file=sys.stderr)


def summary_line(path: Path, doc: dict) -> str:
    """One line per converted file: what was found."""
    def count(sections: list[dict]) -> int:
        return sum(1 + count(s["children"]) for s in sections)

    return (
        f"{path.name}: {len(doc['tasks'])} tasks, {count(doc['sections'])} sections, "
        f"{len(doc['references'])} references, {len(doc['warnings'])} warnings"
    )


def output_names(files: list[Path]) -> dict[Path, str]:
    """<stem>.json per input; inputs sharing a stem (plan.pdf, plan.docx) get <stem>.<ext>.json."""
    stems: dict[str, int] = {}
    for path in files:
        stems[path.stem] = stems.get(path.stem, 0) + 1
    return {
        path: f"{path.stem}{path.suffix.lower() if stems[path.stem] > 1 else ''}.json" for path in files
    }


def run_convert(files: list[Path], output: str, ocr: str = "auto") -> int:
    status = EXIT_OK
    names = output_names(files)
    for path in files:
        try:
            doc = convert(path, ocr=ocr)
        except ConversionError as exc:
            _fail(path, exc.reason)
            status = EXIT_FAILED
            continue
        except Exception as exc:  # a bug must not stop the batch nor print a traceback
            _fail(path, f"internal error ({type(exc).__name__}: {exc})")
            status = EXIT_FAILED
            continue
        text = to_json(doc)
        if output == "-":
            sys.stdout.write(text)
        else:
            write_atomically(Path(output) / names[path], text)
            print(summary_line(path, doc), file=sys.stderr)
    return status


def run_validate(files: list[Path]) -> int:
    status = EXIT_OK
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            _fail(path, f"cannot read JSON ({exc})")
            status = EXIT_FAILED
            continue
        errors = validation_errors(doc)
        for error in errors:
            print(f"{path}: {error}")
        if errors:
            status = EXIT_FAILED
        else:
            print(f"{path}: valid")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command == "convert":
        return run_convert(args.files, args.output, args.ocr)
    if args.command == "validate":
        return run_validate(args.files)
    if args.command in LAZY_COMMANDS:
        return importlib.import_module(LAZY_COMMANDS[args.command][0]).run(args)
    parser.print_help(sys.stderr)
    return EXIT_USAGE
