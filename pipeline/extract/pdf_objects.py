"""A page's layout objects as pdfplumber's dicts, with characters built directly.

pdfplumber turns every pdfminer layout object into a dict through one generic
`Page.process_object`, which walks each object's `__dict__` and runs
`resolve_all` on every attribute. A text page holds thousands of characters and
a handful of lines and rects; for the characters that generic walk costs more
than pdfminer's own interpretation of the page. `page_objects` builds the same
character dicts, key for key (tests/test_pdf_objects.py compares them over the
samples and real fixtures), from the attributes an LTChar is known to have, and
leaves every other object to pdfplumber. Installed on a page before anything
reads `page.chars`, `page.edges` or `page.find_tables`, so pdfplumber's own
table finder and word extractor run unchanged on it.
"""
from __future__ import annotations

from functools import lru_cache
from unicodedata import normalize as normalize_unicode

import pdfplumber
from pdfminer.layout import LTChar, LTContainer
from pdfplumber.utils import resolve_and_decode

from pipeline.extract.pdf_content import page_layout

# Attributes an LTChar carries that pdfplumber copies into its dict unchanged (numbers, strings,
# tuples of numbers: `resolve_all` returns them as they are).
_CHAR_ATTRS = ("matrix", "fontname", "adv", "upright", "x0", "y0", "x1", "y1", "width", "height", "size", "mcid", "tag")


@lru_cache(maxsize=256)
def _colorspace_name(name: object) -> object:
    """A colour space's decoded name; a page names a handful, each decoded once."""
    return resolve_and_decode(name)


def _as_tuple(color: object) -> tuple:
    return color if isinstance(color, tuple) else (color,)


def char_record(obj: LTChar, page: pdfplumber.page.Page, mediabox: tuple, unicode_norm: str | None) -> dict:
    """The dict pdfplumber's `process_object` makes of one character, without its generic walk."""
    attrs = obj.__dict__
    record = {key: attrs[key] for key in _CHAR_ATTRS if key in attrs}
    fontname = record.get("fontname")
    if isinstance(fontname, bytes):  # rare byte-encoded names: decode as pdfplumber does
        record["fontname"] = pdfplumber.page.fix_fontname_bytes(fontname)
    record["object_type"] = "char"
    record["page_number"] = page.page_number
    if "ncs" in attrs:
        name = obj.ncs.name
        record["ncs"] = _colorspace_name(name) if isinstance(name, (str, bytes)) else resolve_and_decode(name)
    text = obj.get_text()
    record["text"] = normalize_unicode(unicode_norm, text) if unicode_norm is not None else text
    state = obj.graphicstate
    record["stroking_color"] = _as_tuple(state.scolor)
    record["non_stroking_color"] = _as_tuple(state.ncolor)
    mb_x0, mb_top = mediabox[:2]
    record["top"] = (page.height - record["y1"]) + mb_top
    record["bottom"] = (page.height - record["y0"]) + mb_top
    record["doctop"] = page.initial_doctop + record["top"]
    if mb_x0 != 0:
        record["x0"] += mb_x0
        record["x1"] += mb_x0
    return record


def page_objects(page: pdfplumber.page.Page) -> dict[str, list[dict]]:
    """Every layout object of the page by kind, as `page.objects` would give them."""
    objects: dict[str, list[dict]] = {}
    mediabox, norm = page.mediabox, page.pdf.unicode_norm
    with_containers = page.pdf.laparams is not None
    stack = [iter(page_layout(page)._objs)]
    while stack:
        obj = next(stack[-1], None)
        if obj is None:
            stack.pop()
            continue
        if isinstance(obj, LTChar):
            objects.setdefault("char", []).append(char_record(obj, page, mediabox, norm))
            continue
        if isinstance(obj, LTContainer):
            if with_containers:
                _add(objects, page.process_object(obj))
            stack.append(iter(obj._objs))
            continue
        _add(objects, page.process_object(obj))
    return objects


def _add(objects: dict[str, list[dict]], record: dict) -> None:
    if record["object_type"] != "anno":
        objects.setdefault(record["object_type"], []).append(record)


def install_page_objects(page: pdfplumber.page.Page) -> None:
    """Fill pdfplumber's object cache of `page` with `page_objects`, before anything reads it.

    Pages that are not pdfplumber's (a scanned page's `ocr_tables.ImagePage`) are left as they are.
    """
    if isinstance(page, pdfplumber.page.Page) and not hasattr(page, "_objects"):
        page._objects = page_objects(page)
