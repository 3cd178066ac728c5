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
from pipeline.errors import EXIT_FAILED, EXIT_OK
from pipeline.cli.main import add_ocr_option
from pipeline.i18n import add_lang_argument, message
from pipeline.review.resolution import MAX_DPI, MIN_DPI, RENDER_DPI
from pipeline.output.serialize import write_atomically

INSPECT_HELP = """\
Convert FILE and write a review page, DIR/<stem>.review.html: each page image
with the header fields, headings, task rows (number, lead, cooperating ...),
recipients, signature and the text left out drawn on it, the warnings in a
side panel (click one to see its place), the converted plan beside it.
Vietnamese by default; --lang en for English.

Each attached document (the plan a decision issues) is drawn and shown as a
document of its own. Text under no box is drawn by what it is: table headers,
running headers, the motto and labels faint; text really left out in red and
listed. The "table grid" checkbox shows the rows and columns found and each
column's role. Page images at --dpi (default 150); zoom with the buttons.

example:
  vnplan inspect samples/plan-196-KH-UBND.pdf -o out/
  vnplan inspect plan.docx --lang en     # pages via LibreOffice, when installed
  vnplan inspect scan.pdf --dpi 200      # sharper page images (OCR: --ocr auto, the default)"""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    cmd = subparsers.add_parser("inspect", help="review page: the conversion drawn over the pages",
                                description=INSPECT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    cmd.add_argument("file", metavar="FILE", type=Path, help="a .pdf or .docx")
    cmd.add_argument("-o", "--output", default="out", metavar="DIR", help="output folder (default: out/)")
    add_ocr_option(cmd)
    cmd.add_argument("--dpi", type=_dpi, default=RENDER_DPI, metavar="N",
                     help=f"resolution of the page images (default {RENDER_DPI}; {MIN_DPI}-{MAX_DPI})")
    add_lang_argument(cmd)
    return cmd


def _dpi(text: str) -> int:
    """`--dpi N` within MIN_DPI..MAX_DPI; anything else is a usage error saying so."""
    if not text.isdigit() or not MIN_DPI <= int(text) <= MAX_DPI:
        raise argparse.ArgumentTypeError(message("cli.bad_dpi", value=text, low=MIN_DPI, high=MAX_DPI))
    return int(text)


def run(args: argparse.Namespace) -> int:
    from pipeline.review.inspect import review_file  # pypdfium2 and friends only when used

    try:
        review = review_file(args.file, lang=args.lang, ocr=args.ocr, dpi=args.dpi)
    except Exception as exc:  # a damaged file or a bug: one line, not a traceback
        messages.fail(args.file, messages.with_retry(messages.describe(exc), ["inspect", args.file, "-o", args.output]))
        return EXIT_FAILED
    target = Path(args.output) / f"{args.file.stem}.review.html"
    try:
        write_atomically(target, review.html)
    except OSError as exc:
        messages.fail(target, message("cli.cannot_write", args.lang, reason=messages.describe(exc)))
        return EXIT_FAILED
    messages.info(message("cli.written", args.lang, path=messages.escape(target)))
    return EXIT_OK
