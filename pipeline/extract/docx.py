"""DOCX -> IR: body paragraphs and tables in the order the file holds them.

We walk the WordprocessingML body ourselves (w:p, w:tbl, and the w:sdt /
w:customXml wrappers real documents put around them) instead of python-docx's
high-level objects: those skip content controls and repeat a merged cell once
per grid position, while the IR wants each cell once with its spans. python-docx
is used only to open the package and find the main, styles and numbering parts
(of a .docm or .dotx too, which ``docx.Document`` refuses). Tables are read
by `docx_tables`, styles resolved by `docx_styles`, list labels by `docx_numbering`.
Headers, footers and text boxes are not body text and are left out; footnotes are
read apart (`Extracted.notes`): they are not body text either, but they cite documents.
"""
from __future__ import annotations

import codecs
import io
import posixpath
import re
import zipfile
import zlib
from urllib.parse import unquote
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

import docx.opc.exceptions
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.package import Package
from docx.oxml.ns import qn
from lxml import etree

from pipeline import ir
from pipeline.extract.docx_numbering import Numbering
from pipeline.extract.docx_styles import Styles, child, load_styles, paragraph_property, run_flag, val
from pipeline.extract.docx_tables import TRANSPARENT, read_table
from pipeline.errors import ExtractError, one_line
from pipeline.text import clean_whitespace
from pipeline.warnings import PlanWarning

# A zip bomb guard: the largest uncompressed size we accept for the main part and for the package.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIN_PART = "word/document.xml"
TWIPS_PER_POINT = 20

_JC_TO_ALIGN: dict[str, ir.Alignment] = {
    "left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
    "both": "justify", "distribute": "justify", "thaiDistribute": "justify",
    "lowKashida": "justify", "mediumKashida": "justify", "highKashida": "justify",
}
# Run children that stand for characters: line breaks read as spaces; a tab stays a tab,
# since offices lay out side-by-side text with tabs ("ỦY BAN NHÂN DÂN<tab>CỘNG HÒA ...",
# "Nơi nhận:<tab>KT. CHỦ TỊCH") and structure splits such lines at it.
_RUN_MARKS = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): " ", qn("w:cr"): " ",
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
        package, missing = _open_package(path)
        main = package.main_document_part
        body = child(_part_root(main), "w:body")
        if body is None:
            raise ExtractError("corrupt DOCX: the document has no body")
        ctx = _Context(load_styles(_related_root(main, RT.STYLES)), Numbering(_related_root(main, RT.NUMBERING)))
        ctx.warnings.extend(PlanWarning("docx_part_missing", f"{name} is missing from the package: read without it",
                                        "/source") for name in missing)
        blocks = tuple(_body_blocks(body, ctx, top=True))
        notes = _footnotes(_related_root(main, RT.FOOTNOTES))
    except ExtractError:
        raise
    except etree.LxmlError as exc:
        raise ExtractError(f"corrupt DOCX: invalid XML ({exc})") from exc
    except (KeyError, ValueError, zipfile.BadZipFile, docx.opc.exceptions.PackageNotFoundError) as exc:
        raise ExtractError(f"corrupt DOCX: {exc}") from exc
    _warn_about_skipped_content(body, ctx)
    return ir.Extracted(blocks=blocks, pages=None, warnings=tuple(ctx.warnings), notes=notes)


# --- package checks ---------------------------------------------------------------------------


def check_package(path: Path) -> None:
    """Refuse files python-docx would choke on or that could exhaust memory, with a clear reason.

    Raises:
        ExtractError: Why the file cannot be read.
    """
    with path.open("rb") as fh:
        head = fh.read(8)
    if not head:
        raise ExtractError("file is empty")
    if head == OLE2_MAGIC:
        raise ExtractError("encrypted DOCX or legacy .doc (OLE2) file")
    if head.startswith(b"%PDF"):
        raise ExtractError("not a DOCX file (looks like a PDF)")
    if not zipfile.is_zipfile(path):
        # A zip's first bytes with no readable directory: a DOCX cut short (a broken download).
        raise ExtractError("corrupt or truncated DOCX (damaged zip archive)" if head.startswith(b"PK")
                           else "not a DOCX file (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression method.
        raise ExtractError(f"corrupt DOCX: damaged zip archive ({one_line(exc)})") from exc


# Reads relationship parts (already checked for DTDs): nothing resolved or fetched.
_RELS_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def _rels_targets_missing(archive: zipfile.ZipFile) -> dict[str, tuple[etree._Element, list[tuple[etree._Element, str]]]]:
    """Relationships whose target part is not in the package (with the part's name),
    by the .rels part that holds them, with that part's parsed root."""
    names = set(archive.namelist())
    missing: dict[str, tuple[etree._Element, list[tuple[etree._Element, str]]]] = {}
    for rels_name in sorted(n for n in names if n.endswith(".rels")):
        root = etree.fromstring(archive.read(rels_name), _RELS_PARSER)
        source_dir = posixpath.dirname(posixpath.dirname(rels_name))  # word/_rels/x.rels: word
        for rel in root:
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or not target:
                continue
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(source_dir, target))
            if part not in names and unquote(part) not in names:
                missing.setdefault(rels_name, (root, []))[1].append((rel, part))
    return missing


def _open_package(path: Path) -> tuple[Package, list[str]]:
    """The package, and the parts its relationships name but it lacks (settings.xml, a theme).

    python-docx refuses a package with a dangling relationship; Word opens it. The
    relationships to missing parts are dropped in a copy held in memory. A missing
    main document is refused earlier (`check_package`).
    """
    with zipfile.ZipFile(path) as archive:
        missing = _rels_targets_missing(archive)
        if not missing:
            return Package.open(str(path)), []
        gone: list[str] = []
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in archive.infolist():
                data = archive.read(info.filename)
                if info.filename in missing:
                    root, rels = missing[info.filename]
                    for rel, part in rels:
                        gone.append(part)
                        root.remove(rel)
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                copy.writestr(info, data)
    buffer.seek(0)
    return Package.open(buffer), sorted(set(gone))


def _check_archive(archive: zipfile.ZipFile) -> None:
    """Size limits first (from the zip directory, before inflating anything), then DTDs."""
    infos = {info.filename: info for info in archive.infolist()}
    if MAIN_PART not in infos:
        raise ExtractError(f"corrupt DOCX: missing {MAIN_PART}")
    total = sum(info.file_size for info in infos.values())
    if infos[MAIN_PART].file_size > MAX_UNCOMPRESSED_BYTES or total > MAX_UNCOMPRESSED_BYTES:
        raise ExtractError(f"DOCX too large when decompressed ({total // 2**20} MB; "
                           f"limit {MAX_UNCOMPRESSED_BYTES // 2**20} MB)")
    if infos[MAIN_PART].flag_bits & 0x1:
        raise ExtractError("encrypted or password-protected")
    # A part cannot hold more compressed bytes than the file: zipfile would ask the OS for
    # that many at once (a damaged size of 2.9 GB in a 46 KB file took a gigabyte of memory).
    archive_bytes = archive.fp.seek(0, 2) if archive.fp is not None else None
    for name, info in infos.items():
        if archive_bytes is not None and info.compress_size > archive_bytes:
            raise ExtractError(f"corrupt DOCX: damaged zip archive ({name} claims {info.compress_size:,} "
                               f"compressed bytes in a file of {archive_bytes:,})")
    for name, info in infos.items():
        if not info.is_dir() and _declares_dtd(archive.read(name)):
            raise ExtractError(f"unsafe DOCX: {name} declares a DOCTYPE or entities")


def _declares_dtd(data: bytes) -> bool:
    """Whether a part carries a DTD: Word never writes one, so it can only be an entity attack.

    The test runs on the decoded text, in whatever encoding the XML parser would
    read it (a byte order mark, UTF-16/32 without one, EBCDIC, or the encoding the
    XML declaration names: "<" is "+ADw-" in UTF-7), and again on what libxml2
    itself parses, with entities left unexpanded. A part that is not XML passes.
    """
    text = decode_xml(data)
    if text is not None and ("<!DOCTYPE" in text or "<!ENTITY" in text):
        return True
    try:
        root = etree.fromstring(data, _DTD_PROBE) if _looks_like_xml(data) else None
    except (etree.LxmlError, ValueError):
        return False
    if root is None:  # nothing the parser could recover: python-docx will say what is wrong
        return False
    tree = root.getroottree()
    return tree.docinfo.internalDTD is not None or bool(tree.docinfo.doctype)


# Parses a part only to look for a DTD: nothing resolved, loaded or fetched; damage tolerated.
_DTD_PROBE = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, recover=True, huge_tree=False)
# First bytes of an XML document in the encodings libxml2 detects without a declaration.
_XML_SIGNATURES = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (b"<\0\0\0", "utf-32-le"), (b"\0\0\0<", "utf-32-be"),
    (b"<\0", "utf-16-le"), (b"\0<", "utf-16-be"), (b"\x4c\x6f\xa7\x94", "cp500"),
)
_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")


def _looks_like_xml(data: bytes) -> bool:
    head = data[:4].lstrip(b" \t\r\n")
    return bool(head) and (head.startswith(b"<") or any(data.startswith(sig) for sig, _ in _XML_SIGNATURES))


def decode_xml(data: bytes) -> str | None:
    """An XML part's text, decoded as an XML parser would; None when it does not look like XML."""
    for signature, encoding in _XML_SIGNATURES:
        if data.startswith(signature):
            return data.decode(encoding, errors="replace")
    if not data.lstrip(b" \t\r\n").startswith(b"<"):
        return None
    declared = _DECLARED_ENCODING.match(data[:200])
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:  # an encoding Python does not know: read the ASCII-compatible bytes
        return data.decode("latin-1")


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
        if node.tag == qn("w:p"):
            paragraph = _paragraph(node, ctx)
            if top:
                if paragraph is not None:
                    paragraph = replace(paragraph, places=(ir.Place(paragraph=ctx.paragraphs_seen),))
                ctx.paragraphs_seen += 1
            if paragraph is not None:
                yield paragraph
        elif node.tag == qn("w:tbl"):
            index = ctx.tables_seen if top else None
            ctx.tables_seen += top
            yield read_table(node, ctx.styles, lambda tc: _body_blocks(tc, ctx), table_index=index)
        elif node.tag in TRANSPARENT:
            yield from _body_blocks(node, ctx, top)


def _runs(container: etree._Element) -> Iterator[etree._Element]:
    """The w:r elements a reader sees: inside links, fields, content controls and insertions,
    but not inside deletions (w:del, w:moveFrom), which the transparent set leaves out."""
    for node in container:
        if node.tag == qn("w:r"):
            yield node
        elif node.tag in TRANSPARENT:
            yield from _runs(node)


def _run_text(r: etree._Element) -> str:
    """A run's visible text: tabs and line breaks become spaces, field codes are left out."""
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


def _paragraph(p: etree._Element, ctx: _Context) -> ir.Paragraph | None:
    """One w:p as an IR paragraph; None when it holds no visible text.

    Bold and italic mean all of the inked text is: a heading with one bold word in
    running text is not a bold paragraph.
    """
    style = val(p, "w:pPr", "w:pStyle")
    pieces = [piece for r in _runs(p) if (piece := _run_piece(r, style, ctx))]
    label = ctx.numbering.label(p, ctx.styles)  # before the emptiness test: Word numbers empty items too
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
    """Say when the body holds text we leave out or revisions we resolved on the author's behalf."""
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    boxes = [box for box in body.iter(qn("w:txbxContent"))
             if not any(a.tag == fallback for a in box.iterancestors())
             and clean_whitespace("".join(box.itertext()))]
    if boxes:
        ctx.warnings.append(PlanWarning("docx_text_box_skipped",
                             f"{len(boxes)} text box(es) with text not extracted", "/sections"))
    if next(body.iter(qn("w:del"), qn("w:ins"), qn("w:moveFrom")), None) is not None:
        ctx.warnings.append(PlanWarning("docx_tracked_changes",
                             "unaccepted tracked changes: deleted text dropped, inserted text kept", "/sections"))
