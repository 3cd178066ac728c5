"""Issue 25: refusals showed Python internals ("TypeError: 'int' object is not iterable",
"PdfiumError ... (PDFium: Success)"). Every refusal now says what is wrong with the file in a
person's words; the library's own message goes to the debug log (-v)."""
from __future__ import annotations

import re

import pypdfium2
import pytest
from pdfminer.psparser import PSEOF, PSSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.errors import library_error_reason
from pipeline.extract.pdf.reader import _pdf_error

# What a person must never read in a refusal: a class name, a library's state.
INTERNALS = re.compile(r"\b\w+(Error|Exception)\b|PDFium|Success|object is not|PSLiteral|PSEOF")


def raised_in_pdfminer() -> TypeError:
    """A builtin error raised from pdfminer's code, as a damaged file makes it."""
    from pdfminer import utils
    try:
        utils.nunpack(7)  # len() of an int, inside pdfminer
    except TypeError as exc:
        return exc
    raise AssertionError("pdfminer accepted an int")


CASES = [
    # (the exception a reader raised, the format, the refusal's words)
    (raised_in_pdfminer(), "pdf", "corrupt or truncated PDF (its structure cannot be read)"),
    (pypdfium2.PdfiumError("Failed to load page (PDFium: Success)"), "pdf", "corrupt PDF: its pages cannot be drawn"),
]


@pytest.mark.parametrize("exc, fmt, words", CASES, ids=["TypeError in pdfminer", "PdfiumError"])
def test_library_errors_in_words(exc, fmt, words):
    reason = library_error_reason(exc, fmt)
    assert reason == words and not INTERNALS.search(reason)


@pytest.mark.parametrize("cause, words", [
    (PdfminerException(TypeError("unsupported operand type(s) for %: 'PSLiteral' and 'int'")),
     "corrupt or truncated PDF (its structure cannot be read)"),
    (PdfminerException(PSEOF("Unexpected EOF")), "corrupt or truncated PDF (the file ends too early)"),
    (PSSyntaxError("Invalid dictionary construct: [/a, 1]"), "corrupt or truncated PDF (its structure cannot be read)"),
], ids=["TypeError", "PSEOF", "PSSyntaxError"])
def test_pdf_refusals_in_words(cause, words):
    reason = _pdf_error(cause).reason
    assert reason == words and not INTERNALS.search(reason)
