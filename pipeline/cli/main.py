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
from pipeline.cli.page_progress import PageProgress
from pipeline.data.progress import listening
from pipeline.data import DATA_DIR_ENV
from pipeline.data.extras import require
from pathlib import PurePosixPath
from pipeline.limits import DEFAULT_CPU_SECONDS, DEFAULT_MEMORY_MB, Limits
from pipeline.naming import OutputName, assign_outputs
from pipeline.extract.page_choice import MODES as OCR_MODES
from pipeline.output.serialize import json_pieces, write_atomically
from pipeline.output.validate import validation_errors
from pipeline.warm import warm_up
from pipeline.warnings import warning_count
from pipeline.errors import EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, os_error_reason
from pipeline.i18n import LANG_ENV, LANGS, add_lang_argument, current_lang, message, set_lang, translate_argparse


# The help texts are keys of data/messages.csv: cli.help.description, cli.help.convert,
# cli.help.validate, cli.help.common (in the run's language, `--lang`).


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one line
        self.print_usage(sys.stderr)
        messages.usage_error(message)
        sys.exit(EXIT_USAGE)


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """-v/-q/--data/--lang on the main parser and on every command (SUPPRESS: a command's default
    must not undo `vnplan -v convert`)."""
    parser.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                        help=message("cli.help.verbose"))
    parser.add_argument("-q", "--quiet", action="count", default=argparse.SUPPRESS,
                        help=message("cli.help.quiet"))
    parser.add_argument("--data", type=Path, default=argparse.SUPPRESS, metavar=message("metavar.dir"),
                        help=message("cli.help.data"))
    add_lang_argument(parser)


# Commands whose modules are imported only when used: `vnplan convert` starts fast; each one's
# summary in --help is the message "cli.cmd.<name>".
LAZY_COMMANDS = {
    "diff": ("pipeline.cli.diff", "cli.cmd.diff"),
    "batch": ("pipeline.cli.batch", "cli.cmd.batch"),
    "load": ("pipeline.cli.load", "cli.cmd.load"),
    "export": ("pipeline.cli.export", "cli.cmd.export"),
    "inspect": ("pipeline.cli.inspect", "cli.cmd.inspect"),
    "render": ("pipeline.cli.render", "cli.cmd.render"),
    "serve": ("pipeline.cli.serve", "cli.cmd.serve"),
}
# The extra of pyproject.toml a command's module needs beyond the core install (`pipeline.data.extras`).
COMMAND_EXTRAS = {"diff": "diff", "load": "db", "export": "db", "serve": "serve"}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="vnplan", description=message("cli.help.description"), epilog=message("cli.help.common"),
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_common_options(parser)
    parser.add_argument("--version", action=_VersionAction, help=message("argparse.version"))
    sub = parser.add_subparsers(dest="command", metavar=message("metavar.command"), parser_class=_Parser)
    convert_cmd = sub.add_parser(
        "convert", help=message("cli.cmd.convert"), description=message("cli.help.convert"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert_cmd.add_argument("files", nargs="+", metavar=message("metavar.file"), type=Path)
    convert_cmd.add_argument("-o", "--output", default="out", metavar=message("metavar.dir"), help=message("cli.help.output_dir"))
    add_ocr_option(convert_cmd)
    add_limit_options(convert_cmd)
    validate_cmd = sub.add_parser(
        "validate", help=message("cli.cmd.validate"), description=message("cli.help.validate"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate_cmd.add_argument("files", nargs="+", metavar="JSON", type=Path)
    chosen = _command_in(argv)
    commands = [convert_cmd, validate_cmd]
    for name, (module, summary) in LAZY_COMMANDS.items():
        if name == chosen:
            if name in COMMAND_EXTRAS:  # one line naming the extra, not an ImportError
                require(COMMAND_EXTRAS[name], name)
            commands.append(importlib.import_module(module).add_parser(sub))
        else:  # listed in --help without importing its dependencies (scipy, SQLAlchemy, pandas ...)
            sub.add_parser(name, help=message(summary))
    for command in commands:
        add_common_options(command)
    return parser


def add_ocr_option(cmd: argparse.ArgumentParser) -> None:
    """`--ocr auto|never|always` (a bare `--ocr`, the old switch, is auto)."""
    cmd.add_argument("--ocr", choices=OCR_MODES, default="auto", nargs="?", const="auto",
                     help=message("cli.help.ocr"))


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
    the value of --data or --lang)."""
    words = sys.argv[1:] if argv is None else argv
    after_data = {i + 1 for i, w in enumerate(words) if w in ("--data", "--lang")}
    return next((w for i, w in enumerate(words) if not w.startswith("-") and i not in after_data), None)


def summary_line(path: Path, doc: dict) -> str:
    """One line per converted file: what was found, counting the attached documents' too
    (a decision carrying an 11-task plan has 11 tasks, said as the main document's and theirs)."""
    def count(sections: list[dict]) -> int:
        return sum(1 + count(s["children"]) for s in sections)

    docs = [doc] + list(doc.get("attachments") or [])
    line = message("cli.convert_summary", name=messages.escape(path.name), tasks=sum(len(d["tasks"]) for d in docs),
                   sections=sum(count(d["sections"]) for d in docs), references=sum(len(d["references"]) for d in docs),
                   warnings=warning_count(doc))
    if len(docs) > 1:
        line += " " + message("cli.summary_attached", main=len(doc["tasks"]), n=len(docs) - 1,
                              attached=sum(len(d["tasks"]) for d in docs[1:]))
    return line


def output_names(files: list[Path]) -> dict[Path, OutputName]:
    """Each input's output name in the output folder: legal and distinct (`pipeline.naming`)."""
    inputs = {str(p): PurePosixPath(STDIN_STEM if is_stdin(p) else p.name) for p in files}
    return {Path(key): name for key, name in assign_outputs(inputs).items()}


def add_limit_options(cmd: argparse.ArgumentParser) -> None:
    """--max-memory and --max-cpu: the per-file limits of `pipeline.limits`."""
    cmd.add_argument("--max-memory", type=int, default=DEFAULT_MEMORY_MB, metavar="MB",
                     help=message("cli.help.max_memory", mb=DEFAULT_MEMORY_MB))
    cmd.add_argument("--max-cpu", type=float, default=DEFAULT_CPU_SECONDS, metavar=message("metavar.seconds"),
                     help=message("cli.help.max_cpu", seconds=f"{DEFAULT_CPU_SECONDS:g}"))


def run_convert(files: list[Path], output: str, ocr: str = "auto", limits: Limits = Limits()) -> int:
    status = EXIT_OK
    names = output_names(files)
    if len(files) > 1:  # set up once here, not in each file's child (`pipeline.warm`)
        warm_up()
    for path in files:
        try:
            with local_file(path) as local, PageProgress(path) as progress, listening(progress):
                doc = convert_limited(local, ocr=ocr, limits=limits)
        except Exception as exc:  # a damaged file or a bug: one line, and the next file goes on
            messages.fail(path, messages.with_retry(messages.describe(exc), ["convert", path, "-o", output]))
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
            messages.fail(path, os_error_reason(exc, message("cli.writing", path=target)))
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
            messages.fail(path, message("cli.cannot_read", reason=messages.describe(exc)))
            status = EXIT_FAILED
            continue
        except UnicodeDecodeError:
            messages.fail(path, message("cli.not_utf8"))
            status = EXIT_FAILED
            continue
        except json.JSONDecodeError as exc:
            messages.fail(path, message("cli.not_json", line=exc.lineno, column=exc.colno, detail=exc.msg))
            status = EXIT_FAILED
            continue
        errors = validation_errors(doc)
        name = messages.escape(path)
        for error in errors:
            print(f"{name}: {messages.one_line(error)}")
        if errors:
            status = EXIT_FAILED
        else:
            print(f"{name}: {message('cli.valid')}")
    return status


def main(argv: list[str] | None = None) -> int:
    """The `vnplan` entry point: every failure ends here as one line and an exit status."""
    try:
        return _run(argv)
    except BrokenPipeError:
        # The reader went away (`vnplan convert -o - x.pdf | head`): say so once, and point
        # stdout at /dev/null so the interpreter's final flush does not raise again.
        _silence_stdout()
        messages.fail("stdout", message("cli.broken_pipe"))
        return EXIT_FAILED
    except KeyboardInterrupt:
        messages.error(message("cli.interrupted"))
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


def _lang_in(argv: list[str] | None) -> str | None:
    """The `--lang` of the command line (anywhere: before or after the command), read before the
    parser is built so that --help is in that language; None when not given or not a language."""
    words = sys.argv[1:] if argv is None else argv
    found = None
    for i, word in enumerate(words):
        value = word.partition("=")[2] if word.startswith("--lang=") else None
        if word == "--lang" and i + 1 < len(words):
            value = words[i + 1]
        found = value if value in LANGS else found
    return found
def _terminate(signum: int, frame: object) -> None:
    """SIGTERM ends a command as Ctrl-C does (status 143): its conversion child is killed and the
    child's temporary folders removed on the way out, which the default action would skip."""
    raise SystemExit(128 + signum)


def _run(argv: list[str] | None) -> int:
    """Parse and run in the language of `--lang` (else VNPLAN_LANG, else vi), which worker processes
    inherit through VNPLAN_LANG for the run only."""
    set_lang(_lang_in(argv))
    translate_argparse()
    before = os.environ.get(LANG_ENV)
    os.environ[LANG_ENV] = current_lang()
    try:
        return _run_command(argv)
    finally:
        if before is None:
            os.environ.pop(LANG_ENV, None)
        else:
            os.environ[LANG_ENV] = before


def _run_command(argv: list[str] | None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    args.lang = current_lang()
    messages.configure_logging(getattr(args, "verbose", 0) - getattr(args, "quiet", 0))
    tempfiles.sweep()  # what a killed run left (its folders carry its process id)
    if getattr(args, "data", None) is not None:
        if not args.data.is_dir():
            parser.error(message("cli.data_not_dir", path=messages.escape(args.data)))
        os.environ[DATA_DIR_ENV] = str(args.data.resolve())  # batch workers inherit it
    if args.command == "convert":
        if args.max_memory <= 0 or args.max_cpu <= 0:
            parser.error(message("cli.limits_positive"))
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
