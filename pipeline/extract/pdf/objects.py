"""A page's layout objects as pdfplumber's dicts, from one pass of pdfminer's interpreter.

pdfplumber reads a page in two passes: pdfminer builds a layout object per glyph,
then `Page.process_object` walks each object's `__dict__` into a dict. A text page
holds thousands of characters and a handful of lines and rects, so `page_objects`
runs the interpreter (`INTERPRETER`) with `pdf_device.CharDictDevice`, which writes each character's
dict as it is drawn (equal to pdfplumber's key for key, bit for bit), and leaves
every other object to pdfplumber's `process_object`. Installed on a page before
anything reads `page.chars`, `page.edges` or `page.find_tables`, so pdfplumber's own
table finder and word extractor run unchanged on it. `page.layout` is not filled:
nothing in the pipeline reads it (pdfplumber would interpret the page again).
"""
from __future__ import annotations

import pdfplumber
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.extract.pdf.content import FastPageInterpreter
from pipeline.extract.pdf.device import CharDictDevice, PageFrame, layout_leaves

# The interpreter that runs the device over a page (a module name, so another can be put in
# its place): pdf_content's, which reads content streams by regex where it can. pdf_guards'
# caps patch PDFPageInterpreter's methods, which its subclasses inherit.
INTERPRETER = FastPageInterpreter


def interpret(page: pdfplumber.page.Page) -> CharDictDevice:
    """The device after drawing the page, as pdfplumber's `Page.layout` runs pdfminer: the same
    device arguments, and any error wrapped in PdfminerException as pdfplumber wraps it."""
    rsrcmgr = page.pdf.rsrcmgr
    device = CharDictDevice(rsrcmgr, PageFrame.of(page), pageno=page.page_number, laparams=page.pdf.laparams)
    try:
        INTERPRETER(rsrcmgr, device).process_page(page.page_obj)
    except Exception as e:
        raise PdfminerException(e)
    return device


def page_objects(page: pdfplumber.page.Page) -> dict[str, list[dict]]:
    """Every layout object of the page by kind, as `page.objects` would give them, keys in its order."""
    if page.pdf.laparams is not None:  # layout analysis groups characters into text boxes: pdfplumber's pass
        return page.parse_objects()
    device = interpret(page)
    objects: dict[str, list[dict]] = {}
    for index, obj in enumerate(layout_leaves(device.get_result())):
        if index == device.first_char_at:
            objects["char"] = device.chars
        record = page.process_object(obj)
        if record["object_type"] != "anno":
            objects.setdefault(record["object_type"], []).append(record)
    if device.chars:
        objects.setdefault("char", device.chars)
    return objects


def install_page_objects(page: pdfplumber.page.Page) -> None:
    """Fill pdfplumber's object cache of `page` with `page_objects`, before anything reads it.

    Pages that are not pdfplumber's (a scanned page's `ocr_tables.ImagePage`) are left as they are.
    """
    if isinstance(page, pdfplumber.page.Page) and not hasattr(page, "_objects"):
        page._objects = page_objects(page)
