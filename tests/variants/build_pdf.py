"""Write a `VariantDoc` as a PDF with reportlab, two ways.

`build_platypus_pdf` lays the document out with platypus: paragraphs, a
borderless header table, bordered task tables (``repeatRows`` when the header
repeats, ``splitInRow`` so a row can break across pages, SPAN for merged cells),
landscape appendix pages. `build_canvas_pdf` draws every line and cell by hand on
a canvas so it can add the quirks of real PDF producers (`spec.QUIRKS`): page
numbers, running headers and footers, tone marks drawn as separate glyphs placed
apart from their letters, landscape and /Rotate 90 pages, fake bold (the same
string drawn twice 0.3 pt apart). Both embed DejaVu Serif, which has every
Vietnamese glyph. Output is deterministic (``invariant=1``).
"""
from __future__ import annotations

import unicodedata
from dataclasses import replace
from functools import cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)
from xml.sax.saxutils import escape

from variants.spec import (
    MOTTO, Placed, VariantDoc, VariantTable, body_grid, closing_rows, header_grid, paged_table, recipient_lines,
)

# Fonts ship with the tests (tests/fonts/, free licences): a fresh machine needs no font package.
FONT_DIR = str(Path(__file__).resolve().parent.parent / "fonts")
REGULAR, BOLD, ITALIC = "DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic"
# Liberation Serif has the metrics of Times New Roman (what most offices type in), and Vietnamese glyphs.
TIMES_DIR = FONT_DIR
TIMES = {REGULAR: "LiberationSerif-Regular", BOLD: "LiberationSerif-Bold", ITALIC: "LiberationSerif-Italic"}
MARGINS = (3 * cm, 2 * cm, 2 * cm, 2 * cm)  # left, right, top, bottom
# The five Vietnamese tone marks, drawn apart by the split_marks quirk.
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
SPLIT_GAP = 1.6  # pt between a letter and its tone mark: more than the extractor's x tolerance
FAKE_BOLD_OFFSET = 0.3


@cache
def register_fonts() -> None:
    """DejaVu Serif regular, bold and italic as one family (once per process)."""
    for name in (REGULAR, BOLD, ITALIC):
        pdfmetrics.registerFont(TTFont(name, f"{FONT_DIR}/{name}.ttf"))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD)
    for name in TIMES.values():
        pdfmetrics.registerFont(TTFont(name, f"{TIMES_DIR}/{name}.ttf"))


# The font family of the document being built: DejaVu names, mapped to Times-like fonts for
# `font="times"` specs (set by the two build functions, one document at a time).
_FONT_MAP: dict[str, str] = {}


def face(font: str) -> str:
    """The font actually used for a DejaVu font name in the current document."""
    return _FONT_MAP.get(font, font)


def use_family(spec: VariantDoc) -> None:
    _FONT_MAP.clear()
    if spec.font == "times":
        _FONT_MAP.update(TIMES)


def _style(size: float, bold: bool = False, italic: bool = False, align=TA_JUSTIFY, indent: float = 0,
           space_after: float = 3) -> ParagraphStyle:
    font = face(BOLD if bold else ITALIC if italic else REGULAR)
    return ParagraphStyle("v", fontName=font, fontSize=size, leading=size * 1.25, alignment=align,
                          firstLineIndent=indent, spaceAfter=space_after)


def _p(text: str, size: float = 13, bold: bool = False, italic: bool = False, align=TA_JUSTIFY, indent: float = 0,
       space_after: float = 3):
    return Paragraph(escape(text), _style(size, bold, italic, align, indent, space_after))


# --------------------------------------------------------------------------- platypus


def _header_flowables(spec: VariantDoc, with_number: bool = True) -> list:
    """The header in the spec's layout: a borderless table, paragraphs, or tab-split lines."""
    if spec.header_layout == "paragraphs":
        last = len(spec.issuer_lines) - 1
        out = [_p(line, 12, bold=i == last, align=TA_LEFT, space_after=0) for i, line in enumerate(spec.issuer_lines)]
        if with_number:
            out.append(_p(spec.number_line, 12, align=TA_LEFT))
        out += [_p(MOTTO[0], 12, bold=True, align=TA_CENTER, space_after=0),
                _p(MOTTO[1], 12, bold=True, align=TA_CENTER)]
        if with_number:
            out.append(_p(spec.date_line, 12, italic=True, align=TA_RIGHT))
        return out
    if spec.header_layout == "tabs":
        return [_tab_lines(spec, with_number)]
    return [_header_flowable(spec, with_number)]


def _tab_lines(spec: VariantDoc, with_number: bool) -> Table:
    """Lines typed "left<TAB>right": left text at the margin, right text centred on a tab stop.

    Drawn as a borderless grid with no padding, which prints exactly like the tabs do.
    """
    issuer, last = spec.issuer_lines, len(spec.issuer_lines) - 1
    rows = []
    for i in range(max(len(issuer), len(MOTTO))):
        left = _p(issuer[i], 12, bold=i == last, align=TA_LEFT, space_after=0) if i < len(issuer) else ""
        size = 10.5 if i == 0 else 12  # the long first motto line must not wrap
        right = _p(MOTTO[i], size, bold=True, align=TA_CENTER, space_after=0) if i < len(MOTTO) else ""
        rows.append([left, right])
    if with_number:
        rows.append([_p(spec.number_line, 12, align=TA_LEFT, space_after=0),
                     _p(spec.date_line, 12, italic=True, align=TA_CENTER, space_after=0)])
    return Table(rows, colWidths=[6.5 * cm, 9.5 * cm], style=[("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                              ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                                              ("TOPPADDING", (0, 0), (-1, -1), 1),
                                                              ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])


def _header_flowable(spec: VariantDoc, with_number: bool = True) -> Table:
    """Issuer and number | motto and date, borderless."""
    left = [_p(line, 12, bold=i == len(spec.issuer_lines) - 1, align=TA_CENTER) for i, line in enumerate(spec.issuer_lines)]
    right = [_p(MOTTO[0], 10, bold=True, align=TA_CENTER), _p(MOTTO[1], 12, bold=True, align=TA_CENTER)]
    if with_number:
        left.append(_p(spec.number_line, 12, align=TA_CENTER))
        right.append(_p(spec.date_line, 12, italic=True, align=TA_CENTER))
    return Table([[left, right]], colWidths=[6.5 * cm, 9.5 * cm])


def _task_table(table: VariantTable, width: float, rows: range, with_header: bool = True) -> Table:
    """A platypus Table of the body rows ``rows`` of the spec, with or without its header rows."""
    n_header = len(table.header_rows())
    top = n_header if with_header else 0
    cells = (header_grid(table) if with_header else []) + _piece_cells(body_grid(table, n_header), n_header, rows)
    data = [["" for _ in table.columns] for _ in range(top + len(rows))]
    if table.rules == "horizontal":  # a line above every row and below the last, no vertical lines
        style = [("LINEABOVE", (0, 0), (-1, -1), 0.5, colors.black),
                 ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black)]
    else:
        style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    style.append(("VALIGN", (0, 0), (-1, -1), "TOP"))
    for cell in cells:
        r = cell.row if cell.header else cell.row - n_header - rows.start + top
        align = TA_CENTER if cell.header or len(cell.text) < 12 else TA_JUSTIFY
        data[r][cell.col] = _p(cell.text, 11, bold=cell.bold, align=align) if cell.text else ""
        if cell.rowspan > 1 or cell.colspan > 1:
            style.append(("SPAN", (cell.col, r), (cell.col + cell.colspan - 1, r + cell.rowspan - 1)))
    total = sum(c.width for c in table.columns)
    return Table(data, colWidths=[width * c.width / total for c in table.columns],
                 repeatRows=top if table.repeat_header else 0,
                 splitByRow=1, style=TableStyle(style))


def _piece_cells(body: list[Placed], n_header: int, rows: range) -> list[Placed]:
    """The body cells of the rows `rows`, as a page prints them: a cell merged down over the
    page break keeps its text above the break; below it the merge goes on as an empty cell."""
    out = []
    for c in body:
        first, last = c.row - n_header, c.row - n_header + c.rowspan  # body rows [first, last)
        if first in rows:
            out.append(replace(c, rowspan=min(last, rows.stop) - first))
        elif first < rows.start < last:
            out.append(replace(c, row=rows.start + n_header, text="", rowspan=min(last, rows.stop) - rows.start))
    return out


def _table_flowables(table: VariantTable, width: float) -> list:
    """Caption and table; forced page breaks cut the table into pieces (a header that
    does not repeat is only on the first piece).

    Rows are not split by platypus's ``splitInRow``: with ``repeatRows`` reportlab 5
    draws the header again above the split row, mid-page. A row broken across pages is
    drawn as two rows with a page break between them (`paged_table`).
    """
    table = paged_table(table)
    story: list = [_p(line, 13, bold=not line.startswith("("), italic=line.startswith("("), align=TA_CENTER)
                   for line in table.caption]
    cuts = [0, *table.page_break_before_rows, len(table.rows)]
    for i, (a, b) in enumerate(zip(cuts, cuts[1:])):
        if i:
            story.append(PageBreak())
        story.append(_task_table(table, width, range(a, b), with_header=i == 0 or table.repeat_header))
    return story


def _body_story(spec: VariantDoc, width: float) -> list:
    """Type, title and body blocks; body tables after block ``body_tables_after``."""
    story: list = [Spacer(1, 8), _p(spec.type_line, 14, bold=True, align=TA_CENTER)]
    story += [_p(line, 13, bold=True, align=TA_CENTER) for line in spec.title_lines]
    story.append(Spacer(1, 8))
    block_style = spec.paragraph_style == "block"
    for i, block in enumerate(spec.body):
        align = TA_CENTER if block.center else TA_JUSTIFY
        story.append(_p(block.text, 13, bold=block.bold, italic=block.italic, align=align,
                        indent=0 if block.center or block_style else 1 * cm, space_after=9 if block_style else 3))
        if spec.body_tables_after == i:
            for table in spec.tables:
                story += _table_flowables(table, width)
    return story


def _closing_flowable(spec: VariantDoc) -> Table:
    """Recipients | signature, borderless (one row per line for ``closing_layout="rows"``)."""
    if spec.closing_layout == "rows":
        data = [[_p(left, 11 if i == 0 else 10, bold=i == 0, align=TA_LEFT) if left else "",
                 _p(right, 13, bold=True, align=TA_CENTER) if right else ""]
                for i, (left, right) in enumerate(closing_rows(spec))]
        return Table(data, colWidths=[8 * cm, 8 * cm], splitByRow=1, style=[("VALIGN", (0, 0), (-1, -1), "TOP")])
    left = [_p(r, 10 if i else 11, bold=i == 0, align=TA_LEFT) for i, r in enumerate(recipient_lines(spec))]
    right = [_p(line, 13, bold=True, align=TA_CENTER) for line in spec.signer_lines]
    right += [Spacer(1, 40), _p(spec.signer_name, 13, bold=True, align=TA_CENTER)]
    return Table([[left, right]], colWidths=[8 * cm, 8 * cm], style=[("VALIGN", (0, 0), (-1, -1), "TOP")])


def _appendix_story(spec: VariantDoc) -> list:
    story: list = []
    for table in spec.tables:
        wide = table.landscape
        if table.new_page:
            story += [NextPageTemplate("landscape" if wide else "portrait"), PageBreak()]
        story += _table_flowables(table, (24.7 if wide else 16.0) * cm)
    return story


def build_platypus_pdf(spec: VariantDoc, path: Path) -> Path:
    """The variant laid out by platypus (A4, landscape appendix pages)."""
    register_fonts()
    use_family(spec)
    left, right, top, bottom = MARGINS
    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=left, rightMargin=right, topMargin=top,
                          bottomMargin=bottom, invariant=1, title=spec.key, author="vnplan variants")
    pw, ph = A4
    lw, lh = landscape(A4)
    doc.addPageTemplates([
        PageTemplate("portrait", [Frame(left, bottom, pw - left - right, ph - top - bottom, id="p")], pagesize=A4),
        PageTemplate("landscape", [Frame(left, bottom, lw - left - right, lh - top - bottom, id="l")], pagesize=(lw, lh)),
    ])
    story: list = [*_header_flowables(spec), *_body_story(spec, 16 * cm), Spacer(1, 10), _closing_flowable(spec)]
    if spec.body_tables_after is None:
        story += _appendix_story(spec)
    if spec.attachment is not None:
        att = spec.attachment
        story += [NextPageTemplate("portrait"), PageBreak(), *_header_flowables(att, with_number=False),
                  *_body_story(att, 16 * cm)]
        if att.body_tables_after is None:
            story += _appendix_story(att)
    doc.build(story)
    return path


# --------------------------------------------------------------------------- canvas


def wrap(text: str, font: str, size: float, width: float, extra_per_mark: float = 0.0) -> list[str]:
    """Greedy word wrap by the font's metrics (plus the room split tone marks take)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        marks = extra_per_mark * sum(1 for _, tone in split_tone_marks(trial) if tone) if extra_per_mark else 0.0
        if line and pdfmetrics.stringWidth(trial, font, size) + marks > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + [line] if line else lines or [""]


def split_tone_marks(text: str) -> list[tuple[str, str]]:
    """Each letter as (base with its non-tone marks, its tone mark or "")."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        nfd = unicodedata.normalize("NFD", ch)
        tone = "".join(m for m in nfd if m in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(m for m in nfd if m not in TONE_MARKS))
        out.append((base, tone))
    return out


class CanvasWriter:
    """A tiny page-flow layouter on a reportlab canvas, with the quirks of `spec.QUIRKS`."""

    def __init__(self, path: Path, spec: VariantDoc) -> None:
        register_fonts()
        use_family(spec)
        self.spec = spec
        self.quirks = spec.quirks
        self.c = rl_canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.page = 0
        self.size = A4
        self.y = 0.0
        self.horizontal_rules = False
        self.new_page(A4)

    # -- pages

    @property
    def left(self) -> float:
        return MARGINS[0]

    @property
    def width(self) -> float:
        return self.size[0] - MARGINS[0] - MARGINS[1]

    def new_page(self, size: tuple[float, float], rotate: bool = False) -> None:
        """Finish the page (if any) and open one of ``size``; ``rotate`` = portrait /Rotate 90 drawn upright."""
        if self.page:
            self.c.restoreState()
            self.c.showPage()
        self.page += 1
        self.c.saveState()
        if rotate:  # a portrait MediaBox shown turned: draw in landscape coordinates
            # reportlab writes MediaBox [0 0 h w] for /Rotate 90, so a landscape size gives a portrait box
            self.c.setPageSize(landscape(A4))
            self.c.setPageRotation(90)
            self.c.translate(A4[0], 0)
            self.c.rotate(90)
            self.size = landscape(A4)
        else:
            self.c.setPageSize(size)
            self.c.setPageRotation(0)
            self.size = size
        self.y = self.size[1] - MARGINS[2]
        self.running_marks()

    def running_marks(self) -> None:
        """Page number, running header and footer where the quirks ask for them."""
        w, h = self.size
        if "page_numbers" in self.quirks:
            self.text(w / 2, h - 1.1 * cm, str(self.page), REGULAR, 11, center=True, plain=True)
        if "running_header" in self.quirks:
            self.text(w - MARGINS[1], h - 1.1 * cm, f"{self.spec.number_line.replace('Số: ', 'Kế hoạch số ')}",
                      ITALIC, 9, right=True, plain=True)
        if "running_footer" in self.quirks:
            self.text(w / 2, 1.0 * cm, f"{self.spec.issuer_lines[-1].title()} - Trang {self.page}",
                      ITALIC, 9, center=True, plain=True)

    def need(self, height: float, size: tuple[float, float] | None = None, rotate: bool = False) -> bool:
        """Open a new page when ``height`` does not fit; True if it did."""
        if self.y - height < MARGINS[3]:
            self.new_page(size or self.size, rotate)
            return True
        return False

    # -- text

    def text(self, x: float, y: float, s: str, font: str, size: float, center: bool = False,
             right: bool = False, plain: bool = False) -> None:
        """Draw one line; quirks split tone marks and fake bold unless ``plain``."""
        width = self.measure(s, font, size, plain)
        x = x - width / 2 if center else x - width if right else x
        passes = [0.0, FAKE_BOLD_OFFSET] if (not plain and "fake_bold" in self.quirks and font == BOLD) else [0.0]
        for dx in passes:
            self._draw(x + dx, y, s, font, size, plain)

    @property
    def mark_gap(self) -> float:
        """Room each split tone mark takes beside its letter (0 without the quirk)."""
        return SPLIT_GAP if "split_marks" in self.quirks else 0.0

    def measure(self, s: str, font: str, size: float, plain: bool = False) -> float:
        width = pdfmetrics.stringWidth(s, face(font), size)
        if not plain and "split_marks" in self.quirks:
            width += SPLIT_GAP * sum(1 for _, tone in split_tone_marks(s) if tone)
        return width

    def _draw(self, x: float, y: float, s: str, font: str, size: float, plain: bool) -> None:
        font = face(font)
        self.c.setFont(font, size)
        if plain or "split_marks" not in self.quirks:
            self.c.drawString(x, y, s)
            return
        for base, tone in split_tone_marks(s):
            self.c.drawString(x, y, base)
            x += pdfmetrics.stringWidth(base, font, size)
            if tone:  # a zero-width mark drawn on its own, apart from its letter
                x += SPLIT_GAP
                self.c.drawString(x, y, tone)

    def para(self, s: str, font: str = REGULAR, size: float = 13, center: bool = False, indent: float = 0) -> None:
        """A wrapped paragraph flowing down the page."""
        lead = size * 1.3
        lines = wrap(s, face(font), size, self.width - indent, self.mark_gap)
        for i, line in enumerate(lines):
            self.need(lead)
            self.y -= lead
            x = self.left + (indent if i == 0 else 0)
            if center:
                self.text(self.left + self.width / 2, self.y, line, font, size, center=True)
            elif i < len(lines) - 1:  # justified: the words spread to the right margin
                words = line.split()
                widths = [self.measure(w, font, size) for w in words]
                gap = (self.left + self.width - x - sum(widths)) / max(len(words) - 1, 1)
                for word, w in zip(words, widths):
                    self.text(x, self.y, word, font, size)
                    x += w + gap
            else:
                self.text(x, self.y, line, font, size)
        self.y -= 3

    # -- blocks

    def header(self, spec: VariantDoc, with_number: bool = True) -> None:
        """Issuer and number | motto and date, two centred columns (or the spec's other layout)."""
        if spec.header_layout == "paragraphs":
            self.header_paragraphs(spec, with_number)
            return
        if spec.header_layout == "tabs":
            self.header_tabs(spec, with_number)
            return
        lx, rx = self.left + 3.25 * cm, self.left + 6.5 * cm + 4.75 * cm
        left = [(line, BOLD if i == len(spec.issuer_lines) - 1 else REGULAR) for i, line in enumerate(spec.issuer_lines)]
        right = [(MOTTO[0], BOLD), (MOTTO[1], BOLD)]
        if with_number:
            left.append((spec.number_line, REGULAR))
            right.append((spec.date_line, ITALIC))
        top = self.y
        for x, lines in ((lx, left), (rx, right)):
            y = top
            for line, font in lines:
                y -= 16
                self.text(x, y, line, font, 11.5, center=True)
        self.y = top - 16 * max(len(left), len(right)) - 12

    def header_paragraphs(self, spec: VariantDoc, with_number: bool) -> None:
        """Issuer lines and "Số:" at the left margin, motto centred, date at the right margin."""
        last = len(spec.issuer_lines) - 1
        lines = [(line, BOLD if i == last else REGULAR, "left") for i, line in enumerate(spec.issuer_lines)]
        if with_number:
            lines.append((spec.number_line, REGULAR, "left"))
        lines += [(MOTTO[0], BOLD, "center"), (MOTTO[1], BOLD, "center")]
        if with_number:
            lines.append((spec.date_line, ITALIC, "right"))
        for line, font, where in lines:
            self.y -= 16
            if where == "left":
                self.text(self.left, self.y, line, font, 11.5)
            elif where == "center":
                self.text(self.left + self.width / 2, self.y, line, font, 11.5, center=True)
            else:
                self.text(self.left + self.width, self.y, line, font, 11.5, right=True)
        self.y -= 12

    def header_tabs(self, spec: VariantDoc, with_number: bool) -> None:
        """"left<TAB>right" lines: left text at the margin, right text centred on a tab stop."""
        stop = self.left + 11.25 * cm
        last = len(spec.issuer_lines) - 1
        rows = [((spec.issuer_lines[i], BOLD if i == last else REGULAR) if i < len(spec.issuer_lines) else None,
                 (MOTTO[i], BOLD) if i < len(MOTTO) else None)
                for i in range(max(len(spec.issuer_lines), len(MOTTO)))]
        if with_number:
            rows.append(((spec.number_line, REGULAR), (spec.date_line, ITALIC)))
        for left, right in rows:
            self.y -= 16
            if left:
                self.text(self.left, self.y, left[0], left[1], 11.5)
            if right:
                self.text(stop, self.y, right[0], right[1], 11.5, center=True)
        self.y -= 12

    def body(self, spec: VariantDoc) -> None:
        self.para(spec.type_line, BOLD, 14, center=True)
        for line in spec.title_lines:
            self.para(line, BOLD, 13, center=True)
        self.y -= 8
        block_style = spec.paragraph_style == "block"
        for i, block in enumerate(spec.body):
            font = BOLD if block.bold else ITALIC if block.italic else REGULAR
            self.para(block.text, font, 13, center=block.center, indent=0 if block.center or block_style else 1 * cm)
            if block_style:
                self.y -= 8  # the space that separates block paragraphs
            if spec.body_tables_after == i:
                for table in spec.tables:
                    self.table(table, appendix=False)

    def closing(self, spec: VariantDoc) -> None:
        printed = recipient_lines(spec)
        rows = max(len(printed), len(spec.signer_lines) + 4)
        self.need(rows * 15 + 10)
        top = self.y - 10
        y = top
        for i, line in enumerate(printed):
            y -= 14
            self.text(self.left, y, line, BOLD if i == 0 else REGULAR, 10 if i else 11)
        y = top
        sx = self.left + 12 * cm
        for line in spec.signer_lines:
            y -= 16
            self.text(sx, y, line, BOLD, 12.5, center=True)
        y -= 60
        self.text(sx, y, spec.signer_name, BOLD, 12.5, center=True)
        self.y = min(y, top - 14 * len(printed)) - 10

    # -- tables

    def table(self, table: VariantTable, appendix: bool = True) -> None:
        """Caption, header rows and body rows with grid lines; a row that does not fit opens a page."""
        table = paged_table(table)
        self.horizontal_rules = table.rules == "horizontal"
        rotate = appendix and "rotate_table" in self.quirks
        wide = appendix and ("landscape_table" in self.quirks or table.landscape)
        size = landscape(A4) if wide and not rotate else A4
        if appendix and table.new_page:
            self.new_page(size, rotate)
        for line in table.caption:
            self.para(line, ITALIC if line.startswith("(") else BOLD, 12.5, center=True)
        self.y -= 6
        total = sum(c.width for c in table.columns)
        xs = [self.left]
        for col in table.columns:
            xs.append(xs[-1] + self.width * col.width / total)
        headers = header_grid(table)
        n_header = len(table.header_rows())
        body = body_grid(table, n_header)
        header_h = self._rows_height(headers, xs, n_header)
        body_h = self._rows_height(body, xs, n_header + len(table.rows))
        self.need(sum(header_h) + body_h[n_header])
        self._draw_rows(headers, xs, header_h, range(n_header))
        for r in range(n_header, n_header + len(table.rows)):
            forced = (r - n_header) in table.page_break_before_rows
            if forced or self.y - body_h[r] < MARGINS[3]:
                self.new_page(size, rotate)
                if table.repeat_header:
                    self._draw_rows(headers, xs, header_h, range(n_header))
            self._draw_rows(body, xs, body_h, range(r, r + 1))
        self.y -= 8

    def _rows_height(self, cells, xs: list[float], n_rows: int) -> list[float]:
        heights = [0.0] * n_rows
        for cell in cells:
            font = BOLD if cell.bold else REGULAR
            lines = wrap(cell.text, face(font), 10.5, xs[cell.col + cell.colspan] - xs[cell.col] - 6, self.mark_gap)
            need = len(lines) * 13 + 8
            heights[cell.row] = max(heights[cell.row], need / cell.rowspan)
        return heights

    def _draw_rows(self, cells, xs: list[float], heights: list[float], rows: range) -> None:
        top = self.y
        for cell in cells:
            if cell.row not in rows:
                continue
            y0 = top - sum(heights[rows.start:cell.row])
            h = sum(heights[cell.row:cell.row + cell.rowspan])
            x0, x1 = xs[cell.col], xs[cell.col + cell.colspan]
            self.c.setLineWidth(0.5)
            if self.horizontal_rules:
                self.c.line(x0, y0, x1, y0)
                self.c.line(x0, y0 - h, x1, y0 - h)
            else:
                self.c.rect(x0, y0 - h, x1 - x0, h)
            font = BOLD if cell.bold else REGULAR
            y = y0 - 4
            for line in wrap(cell.text, face(font), 10.5, x1 - x0 - 6, self.mark_gap):
                y -= 13
                if cell.header or len(cell.text) < 12:
                    self.text((x0 + x1) / 2, y, line, font, 10.5, center=True)
                else:
                    self.text(x0 + 3, y, line, font, 10.5)
        self.y = top - sum(heights[r] for r in rows)

    def finish(self) -> None:
        self.c.restoreState()
        self.c.showPage()
        self.c.save()


def build_canvas_pdf(spec: VariantDoc, path: Path) -> Path:
    """The variant drawn line by line on a canvas, with its PDF quirks."""
    w = CanvasWriter(path, spec)
    w.header(spec)
    w.body(spec)
    w.closing(spec)
    if spec.body_tables_after is None:
        for table in spec.tables:
            w.table(table)
    w.finish()
    return path
