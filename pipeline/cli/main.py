"""The `vnplan` command line: argument parsing, one line per failure, exit codes.

Exit status: 0 success, 1 some inputs failed (the others were still written),
2 usage error, 130 interrupted. Every failure is one line on stderr (`messages`);
no traceback reaches the user. No logic lives here beyond looping over inputs.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import signal
import sys
from pathlib import Path

from pipeline import tempfiles
from pipeline.cli import messages
from pipeline.cli.inputs import STDIN_STEM, is_stdin, local_file, read_text
from pipeline.conversion import convert_limited
from pipeline.data import DATA_DIR_ENV
from pathlib import PurePosixPath
from pipeline.limits import DEFAULT_CPU_SECONDS, DEFAULT_MEMORY_MB, Limits
from pipeline.naming import OutputName, assign_outputs
from pipeline.extract.page_choice import MODES as OCR_MODES
from pipeline.output.serialize import json_pieces, write_atomically
from pipeline.output.validate import validation_errors
from pipeline.warm import warm_up
from pipeline.errors import EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, os_error_reason


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
  vnplan convert *.pdf -o - > plans.jsonl  # several inputs: JSON Lines, one plan a line
  vnplan convert scanned.pdf             # scanned pages are read by OCR (Tesseract)
  vnplan convert plan.pdf --ocr never    # text layers only, never OCR"""

VALIDATE_HELP = """\
Check JSON files against schemas/plan.schema.json; print each violation
with its JSON path. Exit 1 when any file is invalid.

example:
  vnplan validate out/*.json"""


COMMON_HELP = """\
common options (before or after COMMAND):
  -v, --verbose   more detail; -vv also shows what libraries log (pdfminer ...)
  -q, --quiet     only failures, no summary or progress lines
  --data DIR      vocabulary files (agencies.csv, provinces.csv ...) in DIR take
                  precedence over the packaged ones (also: VNPLAN_DATA_DIR=DIR)
  -               where a FILE is read: standard input

exit status: 0 success, 1 some inputs failed (the others were done), 2 usage
error, 130 interrupted. Each failure is one line: "vnplan: FILE: reason"."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one line
        self.print_usage(sys.stderr)
        messages.usage_error(message)
        sys.exit(EXIT_USAGE)


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """-v/-q/--data on the main parser and on every command (SUPPRESS: a command's default
    must not undo `vnplan -v convert`)."""
    parser.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                        help="more detail (-vv: also what libraries log)")
    parser.add_argument("-q", "--quiet", action="count", default=argparse.SUPPRESS,
                        help="only failures")
    parser.add_argument("--data", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                        help="vocabulary files here take precedence over the packaged ones")


# Commands whose modules are imported only when used: `vnplan convert` starts fast.
LAZY_COMMANDS = {
    "diff": ("pipeline.cli.diff", "compare two revisions of a plan"),
    "batch": ("pipeline.cli.batch", "convert a folder tree in parallel"),
    "load": ("pipeline.cli.load", "load JSON files into a database"),
    "export": ("pipeline.cli.export", "export tasks to CSV / Excel / Parquet"),
    "inspect": ("pipeline.cli.inspect", "review page: the conversion drawn over the pages"),
    "render": ("pipeline.cli.render", "a converted plan as Markdown or HTML"),
}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="vnplan", description=DESCRIPTION, epilog=COMMON_HELP,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_common_options(parser)
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    convert_cmd = sub.add_parser(
        "convert", help="convert PDF/DOCX files to JSON", description=CONVERT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert_cmd.add_argument("files", nargs="+", metavar="FILE", type=Path)
    convert_cmd.add_argument("-o", "--output", default="out", metavar="DIR", help="output folder, or - for stdout (default: out/)")
    add_ocr_option(convert_cmd)
    add_limit_options(convert_cmd)
    validate_cmd = sub.add_parser(
        "validate", help="check JSON files against the schema", description=VALIDATE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate_cmd.add_argument("files", nargs="+", metavar="JSON", type=Path)
    chosen = _command_in(argv)
    commands = [convert_cmd, validate_cmd]
    for name, (module, summary) in LAZY_COMMANDS.items():
        if name == chosen:
            commands.append(importlib.import_module(module).add_parser(sub))
        else:  # listed in --help without importing its dependencies (scipy, SQLAlchemy, pandas ...)
            sub.add_parser(name, help=summary)
    for command in commands:
        add_common_options(command)
    return parser


def add_ocr_option(cmd: argparse.ArgumentParser) -> None:
    """`--ocr auto|never|always` (a bare `--ocr`, the old switch, is auto)."""
    cmd.add_argument("--ocr", choices=OCR_MODES, default="auto", nargs="?", const="auto",
                     help="which PDF pages are read by OCR (Tesseract with Vietnamese data): auto (default) "
                          "those with no text layer or one that is not Vietnamese text; never; always")


def package_version() -> str:
    """The installed distribution's version (pyproject.toml), without importing the pipeline."""
    from importlib import metadata  # 20 ms of imports (email, zipfile): only when the version is asked

    try:
        return metadata.version("vnplan")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


class _VersionAction(argparse._VersionAction):
    """argparse's --version, with the version looked up when the option is given, not at every start."""

    def __call__(self, parser, namespace, values, option_string=None):  # noqa: ANN001 (argparse's signature)
        self.version = f"vnplan {package_version()}"
        super().__call__(parser, namespace, values, option_string)


def _command_in(argv: list[str] | None) -> str | None:
    """The subcommand named on the command line, if any (the first word not an option nor
    the value of --data)."""
    words = sys.argv[1:] if argv is None else argv
    after_data = {i + 1 for i, w in enumerate(words) if w == "--data"}
    return next((w for i, w in enumerate(words) if not w.startswith("-") and i not in after_data), None)


def summary_line(path: Path, doc: dict) -> str:
    """One line per converted file: what was found."""
    def count(sections: list[dict]) -> int:
        return sum(1 + count(s["children"]) for s in sections)

    return (
        f"{messages.escape(path.name)}: {len(doc['tasks'])} tasks, {count(doc['sections'])} sections, "
        f"{len(doc['references'])} references, {len(doc['warnings'])} warnings"
    )


def output_names(files: list[Path]) -> dict[Path, OutputName]:
    """Each input's output name in the output folder: legal and distinct (`pipeline.naming`)."""
    inputs = {str(p): PurePosixPath(STDIN_STEM if is_stdin(p) else p.name) for p in files}
    return {Path(key): name for key, name in assign_outputs(inputs).items()}


def add_limit_options(cmd: argparse.ArgumentParser) -> None:
    """--max-memory and --max-cpu: the per-file limits of `pipeline.limits`."""
    cmd.add_argument("--max-memory", type=int, default=DEFAULT_MEMORY_MB, metavar="MB",
                     help=f"memory one file may use, in MB (default {DEFAULT_MEMORY_MB})")
    cmd.add_argument("--max-cpu", type=float, default=DEFAULT_CPU_SECONDS, metavar="SECONDS",
                     help=f"CPU time one file may use (default {DEFAULT_CPU_SECONDS:g})")


def run_convert(files: list[Path], output: str, ocr: str = "auto", limits: Limits = Limits()) -> int:
    status = EXIT_OK
    names = output_names(files)
    if len(files) > 1:  # set up once here, not in each file's child (`pipeline.warm`)
        warm_up()
    for path in files:
        try:
            with local_file(path) as local:
                doc = convert_limited(local, ocr=ocr, limits=limits)
        except Exception as exc:  # a damaged file or a bug: one line, and the next file goes on
            messages.fail(path, messages.describe(exc))
            status = EXIT_FAILED
            continue
        if output == "-":  # several inputs: JSON Lines, one document a line, readable as a stream
            if len(files) > 1:
                sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
            else:
                sys.stdout.writelines(json_pieces(doc))
            sys.stdout.flush()  # a closed pipe shows here, inside main's guard
            continue
        target = Path(output) / names[path].path
        try:
            # Written piece by piece: the text of a 300-page plan, whole, would be this
            # process's largest use of memory (`json_pieces`).
            write_atomically(target, json_pieces(doc))
        except OSError as exc:  # no space, read-only, permission: this file fails, the others go on
            messages.fail(path, os_error_reason(exc, f"writing {target}"))
            status = EXIT_FAILED
            continue
        if names[path].renamed:
            messages.fail(path, names[path].renamed)
        messages.info(summary_line(path, doc))
    return status


def run_validate(files: list[Path]) -> int:
    status = EXIT_OK
    for path in files:
        try:
            doc = json.loads(read_text(path))
        except OSError as exc:
            messages.fail(path, f"cannot read ({messages.describe(exc)})")
            status = EXIT_FAILED
            continue
        except UnicodeDecodeError:
            messages.fail(path, "not UTF-8 text")
            status = EXIT_FAILED
            continue
        except json.JSONDecodeError as exc:
            messages.fail(path, f"not valid JSON (line {exc.lineno}: {exc.msg})")
            status = EXIT_FAILED
            continue
        errors = validation_errors(doc)
        name = messages.escape(path)
        for error in errors:
            print(f"{name}: {messages.one_line(error)}")
        if errors:
            status = EXIT_FAILED
        else:
            print(f"{name}: valid")
    return status


def main(argv: list[str] | None = None) -> int:
    """The `vnplan` entry point: every failure ends here as one line and an exit status."""
    try:
        return _run(argv)
    except BrokenPipeError:
        # The reader went away (`vnplan convert -o - x.pdf | head`): say so once, and point
        # stdout at /dev/null so the interpreter's final flush does not raise again.
        _silence_stdout()
        messages.fail("stdout", "broken pipe (the reading command closed it)")
        return EXIT_FAILED
    except KeyboardInterrupt:
        messages.error("interrupted")
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the last guard: one line, never a traceback
        if getattr(exc, "filename", None):
            messages.fail(exc.filename, messages.describe(exc))
        else:
            messages.error(messages.describe(exc))
        return EXIT_FAILED


def run() -> None:
    """The `vnplan` script and `python -m pipeline`: `main`, then exit.

    What the process holds is frozen first, so the interpreter's last collections leave it alone
    (its memory goes back to the system at exit all the same): they walked every object of the
    package and its libraries, 0.08-0.12 s of CPU after a 1-second conversion.
    """
    signal.signal(signal.SIGTERM, _terminate)
    code = main()
    gc.freeze()
    sys.exit(code)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM ends a command as Ctrl-C does (status 143): its conversion child is killed and the
    child's temporary folders removed on the way out, which the default action would skip."""
    raise SystemExit(128 + signum)


def _run(argv: list[str] | None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    messages.configure_logging(getattr(args, "verbose", 0) - getattr(args, "quiet", 0))
    tempfiles.sweep()  # what a killed run left (its folders carry its process id)
    if getattr(args, "data", None) is not None:
        if not args.data.is_dir():
            parser.error(f"--data {messages.escape(args.data)}: not a directory")
        os.environ[DATA_DIR_ENV] = str(args.data.resolve())  # batch workers inherit it
    if args.command == "convert":
        if args.max_memory <= 0 or args.max_cpu <= 0:
            parser.error("--max-memory and --max-cpu must be positive")
        return run_convert(args.files, args.output, args.ocr, Limits(args.max_memory, args.max_cpu, keep_stderr=getattr(args, "verbose", 0) > 0))
    if args.command == "validate":
        return run_validate(args.files)
    if args.command in LAZY_COMMANDS:
        return importlib.import_module(LAZY_COMMANDS[args.command][0]).run(args)
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
