"""A DOCX package checked before python-docx opens it, and opened despite a missing part.

`check_package` refuses, with a one-line reason, what python-docx would choke on or what
could exhaust memory: an empty file, a PDF or legacy .doc under a .docx name, a damaged or
truncated zip, an encrypted part, a zip bomb (sizes read from the zip directory, before
anything is inflated), a part declaring a DTD (an entity attack: Word never writes one).
`open_package` drops relationships to parts the package lacks (settings.xml, a theme),
which Word tolerates and python-docx does not, and names those parts.
"""
from __future__ import annotations

import codecs
import io
import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from urllib.parse import unquote

from docx.opc.part import Part, PartFactory
from docx.package import Package
from lxml import etree

from pipeline.data.messages import message
from pipeline.errors import ExtractError, one_line

# A zip bomb guard: the largest uncompressed size we accept for the main part and for the package.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIN_PART = "word/document.xml"


def check_package(path: Path) -> None:
    """Refuse files python-docx would choke on or that could exhaust memory, with a clear reason.

    Raises:
        ExtractError: Why the file cannot be read.
    """
    with path.open("rb") as fh:
        head = fh.read(8)
    if not head:
        raise ExtractError(message("error.empty"))
    if head == OLE2_MAGIC:
        raise ExtractError(message("error.docx_ole2"))
    if head.startswith(b"%PDF"):
        raise ExtractError(message("error.docx_is_pdf"))
    if not zipfile.is_zipfile(path):
        # A zip's first bytes with no readable directory: a DOCX cut short (a broken download).
        raise ExtractError(message("error.docx_truncated" if head.startswith(b"PK") else "error.docx_not_zip"))
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression method.
        raise ExtractError(message("error.corrupt_zip", detail=one_line(exc))) from exc


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


def open_package(path: Path) -> tuple[Package, list[str]]:
    """The package, and the parts its relationships name but it lacks (settings.xml, a theme).

    python-docx refuses a package with a dangling relationship; Word opens it. The
    relationships to missing parts are dropped in a copy held in memory. A missing
    main document is refused earlier (`check_package`).
    """
    with zipfile.ZipFile(path) as archive:
        missing = _rels_targets_missing(archive)
        if not missing:
            return _open_unparsed(str(path)), []
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
    return _open_unparsed(buffer), sorted(set(gone))


def _plain_part(content_type: str, reltype: str) -> type[Part]:
    return Part


def _open_unparsed(source: str | io.BytesIO) -> Package:
    """The package with every part kept as its bytes: python-docx would parse each XML part into
    its own element classes, which the reader never uses (it parses the bytes itself, plainly),
    and a 20,000-row table cost hundreds of megabytes twice over."""
    previous = PartFactory.part_class_selector
    PartFactory.part_class_selector = _plain_part
    try:
        return Package.open(source)
    finally:
        PartFactory.part_class_selector = previous


def duplicate_parts(path: Path) -> dict[str, int]:
    """Parts the package holds more than once (a zip may list a name twice), with how many copies.
    Every reader here (zipfile, python-docx) takes the last copy: a warning must say so."""
    with zipfile.ZipFile(path) as archive:
        counts: dict[str, int] = {}
        for info in archive.infolist():
            counts[info.filename] = counts.get(info.filename, 0) + 1
    return {name: n for name, n in counts.items() if n > 1}


def _check_archive(archive: zipfile.ZipFile) -> None:
    """Size limits first (from the zip directory, before inflating anything), then DTDs."""
    infos = {info.filename: info for info in archive.infolist()}
    if MAIN_PART not in infos:
        raise ExtractError(message("error.docx_missing_part", part=MAIN_PART))
    total = sum(info.file_size for info in infos.values())
    if infos[MAIN_PART].file_size > MAX_UNCOMPRESSED_BYTES or total > MAX_UNCOMPRESSED_BYTES:
        raise ExtractError(message("error.docx_too_large", size=total // 2**20, limit=MAX_UNCOMPRESSED_BYTES // 2**20))
    if infos[MAIN_PART].flag_bits & 0x1:
        raise ExtractError(message("error.encrypted"))
    # A part cannot hold more compressed bytes than the file: zipfile would ask the OS for
    # that many at once (a damaged size of 2.9 GB in a 46 KB file took a gigabyte of memory).
    archive_bytes = archive.fp.seek(0, 2) if archive.fp is not None else None
    for name, info in infos.items():
        if archive_bytes is not None and info.compress_size > archive_bytes:
            raise ExtractError(message("error.corrupt_zip", detail=message(
                "error.zip_claims", part=name, claimed=f"{info.compress_size:,}", size=f"{archive_bytes:,}")))
    for name, info in infos.items():
        if not info.is_dir() and _declares_dtd(archive.read(name)):
            raise ExtractError(message("error.docx_dtd", part=name))


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
