"""Page attributes that cannot be read, replaced before pdfplumber reads them: one bad page
is not a lost document.

pdfplumber reads a page's /Rotate and boxes itself when it lists the pages, and a
name where a number should be ("/Rotate /Ninety") or a box of two numbers raises
for the whole file before any page is read. pdfminer already parses both leniently
(a bad /Rotate is 0, a bad MediaBox US Letter); its values are written back into
the page's attributes, and each page repaired is remembered so that the reader can
name it in a warning. `install()` swaps pdfplumber's page lister once per process.
"""
from __future__ import annotations

import math

from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve_all
from pdfplumber import pdf as plumber_pdf
from pdfplumber.page import Page

# Boxes pdfplumber reads besides the MediaBox; one that cannot be read is left out (MediaBox rules).
OPTIONAL_BOXES = ("CropBox", "TrimBox", "BleedBox", "ArtBox")

_repaired: list[tuple[int, str]] = []  # (page number, attribute) repaired since the last take


def take_repaired() -> list[tuple[int, str]]:
    """The (page, attribute) pairs repaired since the last call (then forgotten)."""
    found = sorted(set(_repaired))  # pages may be listed more than once
    _repaired.clear()
    return found


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _is_box(value: object) -> bool:
    """Four finite numbers spanning a non-empty rectangle."""
    if not isinstance(value, (list, tuple)) or len(value) != 4 or not all(_is_number(v) for v in value):
        return False
    return value[0] != value[2] and value[1] != value[3]


def repair_page(page: PDFPage, number: int) -> None:
    """Write pdfminer's lenient reading of /Rotate and /MediaBox back where they cannot be read."""
    attrs = page.attrs
    rotate = resolve_all(attrs.get("Rotate", 0))
    if not _is_number(rotate) or rotate % 90:
        attrs["Rotate"] = 0
        _repaired.append((number, "Rotate"))
    if not _is_box(resolve_all(attrs.get("MediaBox"))):
        box = list(page.mediabox) if _is_box(list(page.mediabox or ())) else [0, 0, 595, 842]
        attrs["MediaBox"] = box
        _repaired.append((number, "MediaBox"))
    for name in OPTIONAL_BOXES:
        if name in attrs and not _is_box(resolve_all(attrs[name])):
            del attrs[name]
            _repaired.append((number, name))


def reads_left_to_right(chars: list[dict]) -> bool:
    """Whether most characters are set left to right and upright, as a page is read (their text
    matrix keeps x and y the right way round; a page turned by /Rotate 90 sets them downwards,
    180 upside down)."""
    upright = sum(1 for c in chars if c["matrix"][0] > 0 and c["matrix"][3] > 0)
    return upright * 2 >= len(chars)


def unturned(page: Page) -> Page:
    """The page as its content draws it, without its /Rotate: text a producer wrote upright and
    then turned the page (a sideways page of a scan's text layer, a page turned by mistake) reads
    the right way up only so."""
    page.page_obj.attrs["Rotate"] = 0
    page.page_obj.rotate = 0
    return Page(page.pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)


class _RepairingPage(PDFPage):
    """pdfminer's page, listed with its unreadable attributes repaired (`repair_page`)."""

    @classmethod
    def create_pages(cls, document):  # type: ignore[no-untyped-def, override]
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            repair_page(page, number)
            yield page


def install() -> None:
    """Make pdfplumber list pages through `_RepairingPage` (once per process)."""
    plumber_pdf.PDFPage = _RepairingPage
