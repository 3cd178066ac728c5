"""DOCX -> IR: body paragraphs and tables in the order the file holds them.

We walk the WordprocessingML body ourselves (w:p, w:tbl, and the w:sdt /
w:customXml wrappers real documents put around them) instead of python-docx's
high-level objects: those skip content controls and repeat a merged cell once
per grid position, while the IR wants each cell once with its spans. python-docx
is used only to open the package and find the main, styles and numbering parts
(of a .docm or .dotx too, which ``docx.Document`` refuses); `docx_package` checks the
package before it is opened. Tables are read
by `docx_tables`, styles resolved by `docx_styles`, list labels by `docx_numbering`.
Headers and footers are not body text and are left out; a text box's text is read after the
paragraph that anchors it (`docx_text_box_read` says the place is a guess); footnotes are
read apart (`Extracted.notes`): they are not body text either, but they cite documents.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

import docx.opc.exceptions
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from pipeline.data.messages import message
from pipeline import ir
from pipeline.extract.docx.numbering import Numbering
from pipeline.extract.docx.package import check_package, duplicate_parts, open_package
from pipeline.extract.docx.styles import Styles, child, load_styles, paragraph_property, run_flag, val
from pipeline.extract.docx.tables import TRANSPARENT, read_table
from pipeline.errors import ExtractError
from pipeline.text import clean_whitespace
from pipeline.warnings import PlanWarning

TWIPS_PER_POINT = 20

_JC_TO_ALIGN: dict[str, ir.Alignment] = {
    "left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
    "both": "justify", "distribute": "justify", "thaiDistribute": "justify",
    "lowKashida": "justify", "mediumKashida": "justify", "highKashida": "justify",
}
# Run children that stand for characters: a tab stays a tab, since offices lay out side-by-side
# text with tabs ("ỦY BAN NHÂN DÂN<tab>CỘNG HÒA ...", "Nơi nhận:<tab>KT. CHỦ TỊCH") and structure
# splits such lines at it; a manual line break is kept as LINE_BREAK until the paragraph is built.
LINE_BREAK = "\n"
_RUN_MARKS = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): LINE_BREAK, qn("w:cr"): LINE_BREAK,
              qn("w:noBreakHyphen"): "-"}



@dataclass
class _Context:
    """What paragraph and table conversion need from the package besides the body."""

    styles: Styles
    numbering: Numbering
    warnings: list[PlanWarning] = field(default_factory=list)
    # Body-level w:p and w:tbl seen so far: their indexes are the DOCX provenance.
    paragraphs_seen: int = 0
    tables_seen: int = 0
    text_boxes: int = 0  # text boxes read (after the paragraph anchoring each)


def extract_docx(path: Path) -> ir.Extracted:
    """Read a DOCX file into the IR.

    Args:
        path: The .docx file.

    Returns:
        Body paragraphs and tables in file order; ``pages`` is None (a DOCX has no fixed pages).

    Raises:
        ExtractError: The file is empty, not a DOCX, encrypted, corrupt or suspiciously large.
    """
    check_package(path)
    try:
        package, missing = open_package(path)
        main = package.main_document_part
        body = child(_part_root(main), "w:body")
        if body is None:
            raise ExtractError(message("error.docx_no_body"))
        ctx = _Context(load_styles(_related_root(main, RT.STYLES)), Numbering(_related_root(main, RT.NUMBERING)))
        ctx.warnings.extend(PlanWarning("docx_part_missing", message("warning.docx_part_missing", part=name),
                                        "/source") for name in missing)
        ctx.warnings.extend(PlanWarning("docx_part_duplicate", message("warning.docx_part_duplicate", name=name, count=count),
                                        "/source") for name, count in duplicate_parts(path).items())
        blocks = tuple(_body_blocks(body, ctx, top=True))
        notes = _footnotes(_related_root(main, RT.FOOTNOTES))
    except ExtractError:
        raise
    except etree.LxmlError as exc:
        raise ExtractError(message("error.corrupt_xml", fmt="DOCX", detail=exc)) from exc
    except (KeyError, ValueError, zipfile.BadZipFile, docx.opc.exceptions.PackageNotFoundError) as exc:
        raise ExtractError(message("error.corrupt_docx", detail=exc)) from exc
    _warn_about_skipped_content(body, ctx)
    return ir.Extracted(blocks=blocks, pages=None, warnings=tuple(ctx.warnings), notes=notes)


# Plain lxml elements, not python-docx's element classes: a find() on a plain tree is several
# times cheaper, and the extractor walks every run's properties. No DTDs, entities or network.
_PLAIN_XML = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False, huge_tree=False)


def _part_root(part: Part) -> etree._Element:
    """A part's XML root as a plain lxml tree (any part: also the main part of a .docm or
    .dotx, which python-docx has no document class for)."""
    return etree.fromstring(part.blob, parser=_PLAIN_XML)


def _related_root(main: Part, reltype: str) -> etree._Element | None:
    """The root element of a part the main document links to, or None when it has none."""
    try:
        return _part_root(main.part_related_by(reltype))
    except KeyError:
        return None


def _footnotes(root: etree._Element | None) -> tuple[str, ...]:
    """The text of each footnote, in file order; Word's separator notes (w:type set) are skipped."""
    if root is None:
        return ()
    notes = []
    for note in root.iter(qn("w:footnote")):
        if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = clean_whitespace(" ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in note.iter(qn("w:p"))))
        if text:
            notes.append(text)
    return tuple(notes)


# --- paragraphs -------------------------------------------------------------------------------


def _body_blocks(container: etree._Element, ctx: _Context, top: bool = False) -> Iterator[ir.Block]:
    """Paragraphs and tables of a body (or cell) in order, looking through content controls.

    With `top` (the body itself) each block gets its place: the index of its w:p or w:tbl.
    """
    for node in container:
        if node.tag == qn("w:p") and not top:
            yield from _paragraph_lines(node, ctx)
            yield from _text_boxes(node, ctx)
        elif node.tag == qn("w:p"):
            paragraph = _paragraph(node, ctx)
            if paragraph is not None:
                yield replace(paragraph, places=(ir.Place(paragraph=ctx.paragraphs_seen),))
            ctx.paragraphs_seen += 1
            yield from _text_boxes(node, ctx)
        elif node.tag == qn("w:tbl"):
            index = ctx.tables_seen if top else None
            ctx.tables_seen += top
            yield read_table(node, ctx.styles, lambda tc: _body_blocks(tc, ctx), table_index=index)
        elif node.tag in TRANSPARENT:
            yield from _body_blocks(node, ctx, top)


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(p: etree._Element, ctx: _Context) -> Iterator[ir.Block]:
    """The text of the text boxes a paragraph anchors, after it: a box's lines read as a cell's
    (a stamp "DỰ THẢO", a note beside the signature). A box drawn twice (the DrawingML shape and
    its VML fallback for old readers) is read once."""
    boxes = [box for box in p.iter(qn("w:txbxContent")) if not any(a.tag == _FALLBACK for a in box.iterancestors())
             and _outermost_in(box, p)]
    for box in boxes:
        if clean_whitespace("".join(box.itertext())):
            ctx.text_boxes += 1
            yield from _body_blocks(box, ctx)


def _outermost_in(box: etree._Element, p: etree._Element) -> bool:
    """A box not inside another box of `p` (a nested box is read with the box holding it)."""
    for ancestor in box.iterancestors():
        if ancestor is p:
            return True
        if ancestor.tag == qn("w:txbxContent"):
            return False
    return True


def _runs(container: etree._Element) -> Iterator[etree._Element]:
    """The w:r elements a reader sees: inside links, fields, content controls and insertions,
    but not inside deletions (w:del, w:moveFrom), which the transparent set leaves out."""
    for node in container:
        if node.tag == qn("w:r"):
            yield node
        elif node.tag in TRANSPARENT:
            yield from _runs(node)


def _run_text(r: etree._Element) -> str:
    """A run's visible text: tabs and line breaks are marked (`_RUN_MARKS`), field codes are left out."""
    parts = []
    for node in r:
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:sym"):
            parts.append(_symbol_char(node.get(qn("w:char"), "")))
        else:
            parts.append(_RUN_MARKS.get(node.tag, ""))
    return "".join(parts)


def _symbol_char(code: str) -> str:
    """A w:sym character; Symbol/Wingdings glyphs live at U+F0xx, which we show as a bullet."""
    try:
        char = chr(int(code, 16))
    except ValueError:
        return ""
    return "•" if 0xF000 <= ord(char) <= 0xF0FF else char


def _run_piece(r: etree._Element, para_style: str | None, ctx: _Context) -> tuple[str, bool, bool] | None:
    """A run's displayed text with its resolved bold and italic; None for hidden or empty runs.

    All-caps formatting is applied to the text, since a PDF of the file shows capitals.
    """
    def flag(tag: str) -> bool:
        return run_flag(r, tag, ctx.styles, para_style)

    text = _run_text(r)
    if not text or flag("w:vanish"):
        return None
    if flag("w:caps") or flag("w:smallCaps"):
        text = text.upper()
    return text, flag("w:b"), flag("w:i")


_Piece = tuple[str, bool, bool]  # a run's text, bold, italic


def _paragraph(p: etree._Element, ctx: _Context) -> ir.Paragraph | None:
    """One body-level w:p as an IR paragraph; None when it holds no visible text.

    A manual line break reads as a space: in running text it is often typed to wrap a line
    ("... đường lối của<br>Đảng, chính sách ...").
    """
    return _built(p, ctx, *_pieces(p, ctx))


def _paragraph_lines(p: etree._Element, ctx: _Context) -> list[ir.Paragraph]:
    """A w:p of a table cell as one IR paragraph per printed line.

    Layout cells print lines, not running text: a header ("BAN CHẤP HÀNH TRUNG ƯƠNG<br>VĂN
    PHÒNG") or a signature ("K/T CHÁNH VĂN PHÒNG<br>PHÓ CHÁNH VĂN PHÒNG<br>Bùi Văn Thạch") typed
    as one paragraph with line breaks keeps its lines apart, as a PDF of it does.
    """
    pieces, label = _pieces(p, ctx)
    lines = [line for line in _split_at_breaks(pieces) if _clean_keeping_tabs("".join(t for t, _, _ in line))]
    if not lines:  # an empty cell paragraph, or one holding only its list label
        return [built] if (built := _built(p, ctx, [], label)) else []
    built = [_built(p, ctx, line, None if i else label) for i, line in enumerate(lines)]
    # the list label and a first-line indent belong to the first line
    return [para if i == 0 else replace(para, indent=None) for i, para in enumerate(built) if para is not None]


def _pieces(p: etree._Element, ctx: _Context) -> tuple[list[_Piece], str | None]:
    """(the paragraph's visible runs, its list label)."""
    style = val(p, "w:pPr", "w:pStyle")
    pieces = [piece for r in _runs(p) if (piece := _run_piece(r, style, ctx))]
    label = ctx.numbering.label(p, ctx.styles)  # before any emptiness test: Word numbers empty items too
    return pieces, label


def _split_at_breaks(pieces: list[_Piece]) -> list[list[_Piece]]:
    """The runs cut into lines at each manual line break, formatting kept on both sides."""
    lines: list[list[_Piece]] = [[]]
    for text, bold, italic in pieces:
        first, *rest = text.split(LINE_BREAK)
        lines[-1].append((first, bold, italic))
        lines.extend([(part, bold, italic)] for part in rest)
    return lines


def _built(p: etree._Element, ctx: _Context, pieces: list[_Piece], label: str | None) -> ir.Paragraph | None:
    """The IR paragraph of these runs of `p`; None when they hold no visible text.

    Bold and italic mean all of the inked text is: a heading with one bold word in
    running text is not a bold paragraph.
    """
    body = _clean_keeping_tabs("".join(text for text, _, _ in pieces))
    if not body:
        # An automatically numbered paragraph with no text of its own (a TT cell) is its number.
        return ir.Paragraph(text=label) if label and any(ch.isalnum() for ch in label) else None
    inked = [piece for piece in pieces if piece[0].strip()]
    return ir.Paragraph(
        text=f"{label} {body}" if label else body,
        bold=all(bold for _, bold, _ in inked),
        italic=all(italic for _, _, italic in inked),
        align=_JC_TO_ALIGN.get(val(paragraph_property(p, ("w:jc",), ctx.styles))),
        indent=_first_line_indent(paragraph_property(p, ("w:ind",), ctx.styles)),
    )


def _clean_keeping_tabs(text: str) -> str:
    """Whitespace collapsed within each tab-separated part; a run of tabs kept as one tab."""
    return "\t".join(part for part in (clean_whitespace(p) for p in text.split("\t")) if part)


def _first_line_indent(ind: etree._Element | None) -> float | None:
    """w:ind firstLine (positive) or hanging (negative), twips -> points; None when unset."""
    if ind is None:
        return None
    for attr, sign in (("w:firstLine", 1), ("w:hanging", -1)):
        value = ind.get(qn(attr))
        if value is not None:
            try:
                return sign * float(value) / TWIPS_PER_POINT
            except ValueError:
                return None
    return None


# --- warnings ---------------------------------------------------------------------------------


def _warn_about_skipped_content(body: etree._Element, ctx: _Context) -> None:
    """Say where text was placed by guess (text boxes float: read after the paragraph that anchors
    them) and when revisions were resolved on the author's behalf."""
    if ctx.text_boxes:
        ctx.warnings.append(PlanWarning("docx_text_box_read",
                             message("warning.docx_text_box_read", count=ctx.text_boxes), "/sections"))
    if next(body.iter(qn("w:del"), qn("w:ins"), qn("w:moveFrom")), None) is not None:
        ctx.warnings.append(PlanWarning("docx_tracked_changes",
                             message("warning.docx_tracked_changes"), "/sections"))
