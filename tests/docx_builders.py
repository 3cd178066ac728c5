"""Small builders for DOCX test documents written into pytest's tmp_path.

Tests describe a body as WordprocessingML fragments (``para``, ``run``, ``table``
...) rather than through python-docx's API, because most cases are about XML that
API cannot write: content controls, tracked changes, vertical merges, cell borders.
``write_docx`` drops the fragments into python-docx's default document, so the
package around them (styles, content types, relationships) is a real one.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DECLS = (f'xmlns:w="{W_NS}" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')


def _attrs(**values: object) -> str:
    return "".join(f' w:{k}="{v}"' for k, v in values.items() if v is not None)


def run(text: str = "", *, b: bool | None = None, i: bool | None = None, style: str | None = None,
        extra_rpr: str = "", inner: str | None = None) -> str:
    """A w:r with ``text`` (or raw ``inner`` children); b/i False writes w:val="0"."""
    rpr = ""
    if style:
        rpr += f'<w:rStyle w:val="{style}"/>'
    for tag, flag in (("b", b), ("i", i)):
        if flag is not None:
            rpr += f"<w:{tag}/>" if flag else f'<w:{tag} w:val="0"/>'
    rpr += extra_rpr
    body = inner if inner is not None else f'<w:t xml:space="preserve">{escape(text)}</w:t>'
    return f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}{body}</w:r>"


def para(*content: str, jc: str | None = None, style: str | None = None, first_line: int | None = None,
         hanging: int | None = None, num: tuple[int, int] | None = None) -> str:
    """A w:p; plain strings in ``content`` that are not XML become runs. ``num`` is (numId, ilvl)."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if first_line is not None or hanging is not None:
        ppr += f"<w:ind{_attrs(firstLine=first_line, hanging=hanging)}/>"
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    runs = "".join(c if c.startswith("<") else run(c) for c in content)
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{runs}</w:p>"


def borders(kind: str = "single", *, tag: str = "w:tblBorders", color: str | None = None,
            sides: tuple[str, ...] = ("top", "left", "bottom", "right", "insideH", "insideV")) -> str:
    """A border group (w:tblBorders or w:tcBorders) drawing ``kind`` on every listed side."""
    lines = "".join(f'<w:{s} w:val="{kind}" w:sz="4"{_attrs(color=color)}/>' for s in sides)
    return f"<{tag}>{lines}</{tag}>"


def cell(*content: str, span: int | None = None, vmerge: str | None = None, hmerge: str | None = None,
         tc_borders: str = "") -> str:
    """A w:tc; strings that are not XML become paragraphs. vmerge: "restart" or "continue"."""
    tcpr = f'<w:gridSpan w:val="{span}"/>' if span else ""
    if hmerge:
        tcpr += "<w:hMerge/>" if hmerge == "continue" else '<w:hMerge w:val="restart"/>'
    if vmerge:
        tcpr += "<w:vMerge/>" if vmerge == "continue" else '<w:vMerge w:val="restart"/>'
    tcpr += tc_borders
    paragraphs = "".join(c if c.startswith("<") else para(c) for c in content) or "<w:p/>"
    return f"<w:tc>{f'<w:tcPr>{tcpr}</w:tcPr>' if tcpr else ''}{paragraphs}</w:tc>"


def row(*cells: str, header: bool = False, grid_before: int | None = None, grid_after: int | None = None,
        deleted: bool = False) -> str:
    """A w:tr; strings that are not XML become one-paragraph cells."""
    trpr = f'<w:gridBefore w:val="{grid_before}"/>' if grid_before else ""
    trpr += f'<w:gridAfter w:val="{grid_after}"/>' if grid_after else ""
    trpr += "<w:tblHeader/>" if header else ""
    trpr += '<w:del w:id="90" w:author="t" w:date="2024-01-01T00:00:00Z"/>' if deleted else ""
    tcs = "".join(c if c.startswith("<") else cell(c) for c in cells)
    return f"<w:tr>{f'<w:trPr>{trpr}</w:trPr>' if trpr else ''}{tcs}</w:tr>"


def table(*rows: str, cols: int, style: str | None = None, tbl_borders: str = "") -> str:
    """A w:tbl with a ``cols``-column grid."""
    tblpr = (f'<w:tblStyle w:val="{style}"/>' if style else "") + tbl_borders
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(cols))
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def sdt(*content: str) -> str:
    """A block (or inline) content control wrapping ``content``."""
    return f"<w:sdt><w:sdtPr/><w:sdtContent>{''.join(content)}</w:sdtContent></w:sdt>"


def write_docx(path: Path, *body: str, styles: str = "", numbering: str = "") -> Path:
    """Save a DOCX whose body is the fragments, in order, before the section properties.

    Args:
        path: Where to write.
        body: Block-level fragments (``para``, ``table``, ``sdt``...).
        styles: w:style elements (or w:docDefaults) added to the default styles part.
        numbering: w:abstractNum and w:num elements for the numbering part.
    """
    document = docx.Document()
    doc_body = document.element.body
    sect_pr = doc_body[-1]
    for old in list(doc_body)[:-1]:
        doc_body.remove(old)
    for fragment in body:
        for element in parse_xml(f"<w:body {_DECLS}>{fragment}</w:body>"):
            sect_pr.addprevious(element)
    if styles:
        styles_root = document.styles.element
        for element in parse_xml(f"<w:styles {_DECLS}>{styles}</w:styles>"):
            if element.tag.endswith("docDefaults"):
                old = styles_root.find(element.tag)
                if old is not None:
                    styles_root.remove(old)
                styles_root.insert(0, element)
            else:
                styles_root.append(element)
    if numbering:
        numbering_root = document.part.numbering_part.element
        for element in parse_xml(f"<w:numbering {_DECLS}>{numbering}</w:numbering>"):
            numbering_root.append(element)
    document.save(str(path))
    return path


def style(style_id: str, kind: str = "paragraph", *, based_on: str | None = None, rpr: str = "",
          ppr: str = "", tblpr: str = "") -> str:
    """A w:style element for ``write_docx(styles=...)``."""
    inner = f'<w:name w:val="{style_id}"/>'
    inner += f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    inner += f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    inner += f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    inner += f"<w:tblPr>{tblpr}</w:tblPr>" if tblpr else ""
    return f'<w:style w:type="{kind}" w:styleId="{style_id}">{inner}</w:style>'


def list_definition(num_id: int, levels: list[tuple[str, str]], *, start_override: int | None = None,
                    abstract_id: int | None = None) -> str:
    """A numbering instance and (unless ``abstract_id`` reuses one) its abstract list.

    Args:
        num_id: The w:numId paragraphs refer to.
        levels: (numFmt, lvlText) per level, e.g. [("upperRoman", "%1."), ("decimal", "%2.")].
        start_override: Restart level 0 at this value for this instance.
        abstract_id: Share an existing abstract list instead of defining one.
    """
    xml = ""
    if abstract_id is None:
        abstract_id = num_id
        lvls = "".join(f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                       f'<w:lvlText w:val="{text}"/></w:lvl>' for n, (fmt, text) in enumerate(levels))
        xml += f'<w:abstractNum w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>'
                if start_override is not None else "")
    return xml + f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'


def rewrite_part(src: Path, dst: Path, name: str, data: bytes | None) -> Path:
    """Copy a DOCX replacing (or, with ``data`` None, dropping) one zip member."""
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != name:
                new.writestr(info, old.read(info.filename))
        if data is not None:
            new.writestr(name, data)
    return dst
