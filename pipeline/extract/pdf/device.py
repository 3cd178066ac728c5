"""A pdfminer device that writes each character as pdfplumber's char dict while the page is drawn.

pdfplumber reads a page in two passes: pdfminer's aggregator builds an LTChar per
glyph (a bounding box by matrix arithmetic, an LTComponent, then pdfplumber's
marked-content tags), and `Page.process_object` copies the LTChar's attributes into
a dict. `CharDictDevice.render_char` does both at once and makes no LTChar: the same
arithmetic in the same order on the same operands, so every number is the same bit
for bit, written straight into the dict pdfplumber would make, keys in its order
(tests/test_pdf_objects.py compares them on every PDF the suite builds). What depends
on a font alone, or on a font and a glyph id, is worked out once per page. Lines,
rects, curves, images and figures go through pdfminer's aggregator as before.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from unicodedata import normalize as normalize_unicode

import pdfplumber
from pdfminer.layout import LAParams, LTContainer, LTItem
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFResourceManager
from pdfplumber.page import PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils import resolve_all, resolve_and_decode

Matrix = tuple[float, float, float, float, float, float]
# (text, width, displacement) of one glyph of a font, as pdfminer's render_char reads them.
Glyph = tuple[str, float, Any]


@dataclass(frozen=True)
class PageFrame:
    """What `Page.process_object` reads of the page to place a character."""

    number: int
    height: float
    mediabox_x0: float
    mediabox_top: float
    initial_doctop: float
    unicode_norm: str | None

    @classmethod
    def of(cls, page: pdfplumber.page.Page) -> PageFrame:
        return cls(page.page_number, page.height, page.mediabox[0], page.mediabox[1], page.initial_doctop,
                   page.pdf.unicode_norm)


@dataclass(frozen=True)
class FontFacts:
    """What a character's dict takes from its font alone, and the font's glyphs met so far.

    Safe to keep for the page: a pdfminer font is not changed after it is loaded, and
    to_unichr, char_width and char_disp read only it (an unmapped glyph's debug line is
    logged once, not once per use).
    """

    fontname: Any
    vertical: bool
    descent: float
    glyphs: dict[int, Glyph]


def font_facts(font: PDFFont) -> FontFacts:
    """The font's name as `process_object` writes it (resolved; byte names decoded), its writing
    direction and descent; `get_descent` and `is_vertical` read attributes set once, at load."""
    fontname = resolve_all(font.fontname)
    if isinstance(fontname, bytes):  # rare byte-encoded names
        fontname = fix_fontname_bytes(fontname)
    return FontFacts(fontname, font.is_vertical(), font.get_descent(), {})


def char_box(matrix: Matrix, fontsize: float, scaling: float, rise: float, textwidth: float, textdisp: Any,
             facts: FontFacts) -> tuple[float, bool, tuple[float, float, float, float]]:
    """(adv, upright, bbox) of a glyph: LTChar.__init__ and apply_matrix_rect, expression for
    expression, so that every value is the same float (nan and -0.0 included)."""
    adv = textwidth * fontsize * scaling
    if facts.vertical:
        assert isinstance(textdisp, tuple)
        (vx, vy) = textdisp
        vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
        vy = (1000 - vy) * fontsize * 0.001
        (bx0, by0, bx1, by1) = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
    else:
        descent = facts.descent * fontsize
        (bx0, by0, bx1, by1) = (0, descent + rise, adv, descent + rise + fontsize)
    (a, b, c, d, e, f) = matrix
    upright = a * d * scaling > 0 and b * c <= 0
    (left1, bottom1) = (a * bx0 + c * by0 + e, b * bx0 + d * by0 + f)
    (right1, bottom2) = (a * bx1 + c * by0 + e, b * bx1 + d * by0 + f)
    (right2, top1) = (a * bx1 + c * by1 + e, b * bx1 + d * by1 + f)
    (left2, top2) = (a * bx0 + c * by1 + e, b * bx0 + d * by1 + f)
    x0, y0 = min(left1, left2, right1, right2), min(bottom1, bottom2, top1, top2)
    x1, y1 = max(left1, left2, right1, right2), max(bottom1, bottom2, top1, top2)
    if x1 < x0:  # LTChar swaps too, though after min and max nothing is left to swap
        (x0, x1) = (x1, x0)
    if y1 < y0:
        (y0, y1) = (y1, y0)
    return adv, upright, (x0, y0, x1, y1)


def _as_tuple(color: object) -> tuple:
    return color if isinstance(color, tuple) else (color,)


class CharDictDevice(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's aggregator whose characters are dicts in `chars` (painting order), not LTChars.

    Painting order is the order pdfplumber lists characters in: it walks the layout depth
    first, and a figure joins its parent when it ends, after everything painted before it
    and before everything painted after it.
    """

    def __init__(self, rsrcmgr: PDFResourceManager, frame: PageFrame, pageno: int = 1,
                 laparams: LAParams | None = None) -> None:
        super().__init__(rsrcmgr, pageno=pageno, laparams=laparams)
        self.frame = frame
        self.chars: list[dict] = []
        # How many lines, rects, curves and images precede the first character in the layout's
        # depth-first order: where pdfplumber's objects dict gets its "char" key.
        self.first_char_at: int | None = None
        self._fonts: dict[PDFFont, FontFacts] = {}
        self._colorspaces: dict[PDFColorSpace, str] = {}
        self._gstate: PDFGraphicState | None = None
        self._colors: tuple[tuple, tuple] = ((), ())
        # (container, its length, dict) of the last character: pdfplumber re-tags the last object
        # of the container after an empty path, which is that character when nothing came after.
        self._tail: tuple[LTContainer, int, dict] | None = None

    def render_char(self, matrix: Matrix, font: PDFFont, fontsize: float, scaling: float,  # type: ignore[override]
                    rise: float, cid: int, ncs: PDFColorSpace, graphicstate: PDFGraphicState) -> float:
        """Append the character's dict, `Page.process_object`'s keys in its order; return its
        advance, as pdfminer's render_char returns LTChar's `adv`."""
        facts = self._fonts.get(font)
        if facts is None:
            facts = self._fonts[font] = font_facts(font)
        glyph = facts.glyphs.get(cid)
        if glyph is None:
            glyph = facts.glyphs[cid] = self._glyph(font, cid)
        text, textwidth, textdisp = glyph
        adv, upright, (x0, y0, x1, y1) = char_box(matrix, fontsize, scaling, rise, textwidth, textdisp, facts)
        width, height = x1 - x0, y1 - y0
        if graphicstate is not self._gstate:  # one state per text-showing operator
            self._gstate = graphicstate
            self._colors = (_as_tuple(graphicstate.scolor), _as_tuple(graphicstate.ncolor))
        ncs_name = self._colorspaces.get(ncs)
        if ncs_name is None:
            ncs_name = self._colorspace_name(ncs)
        mcid = self.cur_mcid
        if mcid is not None and type(mcid) is not int:
            mcid = resolve_all(mcid)
        frame = self.frame
        top = (frame.height - y1) + frame.mediabox_top
        record = {
            "matrix": matrix, "fontname": facts.fontname, "adv": adv, "upright": upright,
            "x0": x0, "y0": y0, "x1": x1, "y1": y1, "width": width, "height": height,
            "size": width if facts.vertical else height, "mcid": mcid, "tag": self.cur_tag,
            "object_type": "char", "page_number": frame.number, "ncs": ncs_name, "text": text,
            "stroking_color": self._colors[0], "non_stroking_color": self._colors[1],
            "top": top, "bottom": (frame.height - y0) + frame.mediabox_top, "doctop": frame.initial_doctop + top,
        }
        if frame.mediabox_x0 != 0:
            record["x0"] = x0 + frame.mediabox_x0
            record["x1"] = x1 + frame.mediabox_x0
        if self.first_char_at is None:
            self.first_char_at = self._objects_so_far()
        self.chars.append(record)
        self._tail = (self.cur_item, len(self.cur_item._objs), record)
        return adv

    def _glyph(self, font: PDFFont, cid: int) -> Glyph:
        """Text (normalized as pdfplumber does), width and displacement: pdfminer's render_char."""
        try:
            text = font.to_unichr(cid)
            assert isinstance(text, str), str(type(text))
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        textwidth = font.char_width(cid)
        textdisp = font.char_disp(cid)
        norm = self.frame.unicode_norm
        return (normalize_unicode(norm, text) if norm is not None else text), textwidth, textdisp

    def _colorspace_name(self, ncs: PDFColorSpace) -> Any:
        """The colour space's decoded name; kept when a string (other values are rebuilt each time,
        as pdfplumber does, so no two characters share a mutable value)."""
        name = resolve_and_decode(ncs.name)
        if isinstance(name, str):
            self._colorspaces[ncs] = name
        return name

    def tag_cur_item(self) -> None:
        """Tag the last object added to the current container, as pdfplumber does after every path
        and image (an empty path tags whatever came before it), a character dict included."""
        tail = self._tail
        if tail is not None and tail[0] is self.cur_item and tail[1] == len(self.cur_item._objs):
            tail[2]["mcid"], tail[2]["tag"] = resolve_all(self.cur_mcid), self.cur_tag
        else:
            super().tag_cur_item()

    def _objects_so_far(self) -> int:
        """Lines, rects, curves and images painted so far: the page's and every open figure's
        (an open figure joins its parent when it ends, after all its parent holds now)."""
        return sum(count_leaves(item) for item in [*self._stack, self.cur_item])


def count_leaves(container: LTContainer) -> int:
    return sum(count_leaves(obj) if isinstance(obj, LTContainer) else 1 for obj in container._objs)


def layout_leaves(container: LTItem) -> list[LTItem]:
    """The layout's objects that are not containers, depth first (pdfplumber's order)."""
    leaves, stack = [], [iter(container._objs)]  # type: ignore[attr-defined]
    while stack:
        obj = next(stack[-1], None)
        if obj is None:
            stack.pop()
        elif isinstance(obj, LTContainer):
            stack.append(iter(obj._objs))
        else:
            leaves.append(obj)
    return leaves
