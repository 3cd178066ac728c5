"""`vnplan inspect FILE [-o DIR] [--lang vi|en]`: the review page of a conversion.

Writes DIR/<stem>.review.html (default out/): every page of the PDF (or of the
PDF LibreOffice makes from a DOCX) with what the converter found drawn on it,
the warnings beside it, and the converted plan as a document. The page is one
file with its images inside: it opens from disk, no server.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.cli import messages
from pipeline.cli.main import add_ocr_option
from pipeline.errors import EXIT_FAILED, EXIT_OK
from pipeline.i18n import add_lang_argument, current_lang, in_language_of_args, message
from pipeline.output.serialize import write_atomically
from pipeline.review.resolution import MAX_DPI, MIN_DPI, RENDER_DPI

def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    cmd = subparsers.add_parser("inspect", help=message("cli.cmd.inspect"),
                                description=message("cli.help.inspect"), formatter_class=argparse.RawDescriptionHelpFormatter)
    cmd.add_argument("file", metavar=message("metavar.file"), type=Path, help=message("cli.help.inspect_file"))
    cmd.add_argument("-o", "--output", default="out", metavar=message("metavar.dir"), help=message("cli.help.output_folder"))
    add_ocr_option(cmd)
    cmd.add_argument("--dpi", type=_dpi, default=RENDER_DPI, metavar="N",
                     help=message("cli.help.dpi", default=RENDER_DPI, low=MIN_DPI, high=MAX_DPI))
    add_lang_argument(cmd)
    return cmd


def _dpi(text: str) -> int:
    """`--dpi N` within MIN_DPI..MAX_DPI; anything else is a usage error saying so."""
    if not text.isdigit() or not MIN_DPI <= int(text) <= MAX_DPI:
        raise argparse.ArgumentTypeError(message("cli.bad_dpi", value=text, low=MIN_DPI, high=MAX_DPI))
    return int(text)


@in_language_of_args
def run(args: argparse.Namespace) -> int:
    from pipeline.review.inspect import review_file  # pypdfium2 and friends only when used

    try:
        review = review_file(args.file, lang=current_lang(), ocr=args.ocr, dpi=args.dpi)
    except Exception as exc:  # a damaged file or a bug: one line, not a traceback
        messages.fail(args.file, messages.with_retry(messages.describe(exc), ["inspect", args.file, "-o", args.output]))
        return EXIT_FAILED
    target = Path(args.output) / f"{args.file.stem}.review.html"
    try:
        write_atomically(target, review.html)
    except OSError as exc:
        messages.fail(target, message("cli.cannot_write", reason=messages.describe(exc)))
        return EXIT_FAILED
    messages.info(message("cli.written", path=messages.escape(target)))
    return EXIT_OK
