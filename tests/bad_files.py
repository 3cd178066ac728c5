"""Builders of broken, hostile or odd input files, written into a test's tmp_path.

Every file is made by code in well under a second (the zip bomb in about two), so
nothing binary is committed and each test gets fresh copies. Each builder takes the
folder and returns the path it wrote; ``BUILDERS`` maps a case name to its builder
so a test table can name cases.
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path
from typing import Callable

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from docx_builders import para, rewrite_part, write_docx

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE_PDF = SAMPLES / "plan-196-KH-UBND.pdf"
SAMPLE_DOCX = SAMPLES / "plan-196-KH-UBND.docx"

# The zip bomb's main part, inflated: above the extractor's 200 MB limit, yet it
# deflates to about 250 KB and is built in a couple of seconds.
BOMB_BYTES = 250 * 2**20


def _png(width: int = 64, height: int = 64) -> bytes:
    """A small grey-gradient PNG, written by hand so no imaging library is needed."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes((x * 4 + y) % 256 for x in range(width)) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _text_pdf(path: Path, lines: list[str], **canvas_options: object) -> Path:
    """A one-page PDF with the given lines of Helvetica text."""
    pdf = canvas.Canvas(str(path), pagesize=A4, **canvas_options)
    for i, line in enumerate(lines):
        pdf.drawString(72, 770 - 16 * i, line)
    pdf.save()
    return path


def empty_pdf(folder: Path) -> Path:
    path = folder / "empty.pdf"
    path.write_bytes(b"")
    return path


def empty_docx(folder: Path) -> Path:
    path = folder / "empty.docx"
    path.write_bytes(b"")
    return path


def truncated_pdf(folder: Path) -> Path:
    """The first 40% of the sample PDF: header intact, xref and trailer gone."""
    data = SAMPLE_PDF.read_bytes()
    path = folder / "truncated.pdf"
    path.write_bytes(data[: len(data) * 4 // 10])
    return path


def truncated_docx(folder: Path) -> Path:
    """The first 40% of the sample DOCX: the zip's central directory is gone."""
    data = SAMPLE_DOCX.read_bytes()
    path = folder / "truncated.docx"
    path.write_bytes(data[: len(data) * 4 // 10])
    return path


def text_as_pdf(folder: Path) -> Path:
    path = folder / "notes.pdf"
    path.write_text("Kế hoạch này không phải là PDF.\n", encoding="utf-8")
    return path


def pdf_as_docx(folder: Path) -> Path:
    return _text_pdf(folder / "renamed.docx", ["KE HOACH"])


def docx_as_pdf(folder: Path) -> Path:
    return write_docx(folder / "renamed.pdf", para("Kế hoạch"))


def png_as_pdf(folder: Path) -> Path:
    path = folder / "picture.pdf"
    path.write_bytes(_png())
    return path


def text_file(folder: Path) -> Path:
    path = folder / "plan.txt"
    path.write_text("Kế hoạch số 1/KH-UBND\n", encoding="utf-8")
    return path


def encrypted_pdf(folder: Path) -> Path:
    """User password "secret": nothing can be read without it."""
    return _text_pdf(folder / "encrypted.pdf", ["KE HOACH"], encrypt="secret")


def owner_only_pdf(folder: Path) -> Path:
    """Encrypted with an empty user password (opens without one) and an owner password
    that only restricts printing and copying: readers must open it like any PDF."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    encryption = StandardEncryption("", ownerPassword="owner", canPrint=0, canCopy=0)
    return _text_pdf(folder / "owner-only.pdf", ["UY BAN NHAN DAN", "KE HOACH", "Thuc hien nhiem vu nam 2025"],
                     encrypt=encryption)


def zip_bomb_docx(folder: Path, size: int = BOMB_BYTES) -> Path:
    """A real DOCX whose document.xml inflates to ``size`` bytes of spaces."""
    src = write_docx(folder / "bomb-src.docx", para("x"))
    path = folder / "bomb.docx"
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != "word/document.xml":
                new.writestr(info, old.read(info.filename))
        with new.open("word/document.xml", "w", force_zip64=True) as member:
            block = b" " * 2**20
            for _ in range(size // len(block)):
                member.write(block)
    src.unlink()
    return path


_DTD = ('<!DOCTYPE w:document [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
        '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')


def _with_dtd(folder: Path, name: str, part: str) -> Path:
    """A real DOCX whose ``part`` declares the DTD above (and, in the body, uses its entities)."""
    src = write_docx(folder / f"{name}-src.docx", para("@ENTITIES@"))
    with zipfile.ZipFile(src) as archive:
        xml = archive.read(part).decode("utf-8")
    head, _, rest = xml.partition("?>")
    xml = f"{head}?>{_DTD}{rest}".replace("@ENTITIES@", "&lol3;&xxe;")
    path = rewrite_part(src, folder / f"{name}.docx", part, xml.encode("utf-8"))
    src.unlink()
    return path


def doctype_docx(folder: Path) -> Path:
    """"Billion laughs" and an external entity in document.xml: refused, never expanded."""
    return _with_dtd(folder, "doctype", "word/document.xml")


def doctype_in_styles_docx(folder: Path) -> Path:
    """The same DTD hidden in styles.xml, a part python-docx parses too."""
    return _with_dtd(folder, "doctype-styles", "word/styles.xml")


def plain_zip_docx(folder: Path) -> Path:
    """A zip archive that is not a Word package."""
    path = folder / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return path


def legacy_doc(folder: Path) -> Path:
    """A Word 97 (OLE2) file renamed .docx: only its signature matters to the checks."""
    path = folder / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    return path


def blank_pages_pdf(folder: Path, pages: int = 500) -> Path:
    pdf = canvas.Canvas(str(folder / "blank.pdf"), pagesize=A4)
    for _ in range(pages):
        pdf.showPage()
    pdf.save()
    return folder / "blank.pdf"


def image_only_pdf(folder: Path) -> Path:
    """A scanned page: one picture, no characters."""
    from reportlab.lib.utils import ImageReader

    png = folder / "scan.png"
    png.write_bytes(_png())
    pdf = canvas.Canvas(str(folder / "scanned.pdf"), pagesize=A4)
    pdf.drawImage(ImageReader(str(png)), 50, 50, width=495, height=740)
    pdf.showPage()
    pdf.save()
    png.unlink()
    return folder / "scanned.pdf"


def directory(folder: Path) -> Path:
    path = folder / "a-folder.pdf"
    path.mkdir()
    return path


def missing(folder: Path) -> Path:
    return folder / "does-not-exist.pdf"


def not_a_plan_docx(folder: Path) -> Path:
    """A DOCX of ordinary prose: no national motto, no type line, no signature."""
    return write_docx(
        folder / "letter.docx",
        para("Chào anh,"),
        para("Tuần sau nhóm sẽ họp lúc 9 giờ sáng thứ Hai để bàn về lịch nghỉ hè."),
        para("Anh nhớ mang theo máy tính."),
    )


def good_pdf(folder: Path) -> Path:
    path = folder / "good-pdf.pdf"
    path.write_bytes(SAMPLE_PDF.read_bytes())
    return path


def good_docx(folder: Path) -> Path:
    path = folder / "good-word.docx"
    path.write_bytes(SAMPLE_DOCX.read_bytes())
    return path


# ---- hostile PDFs, written object by object ----------------------------------------------

def write_pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF whose objects 1..n are `objects` (object 1 the catalog), with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _one_page(content: bytes, resources: bytes = b"<< /Font << /F1 4 0 R >> >>") -> list[bytes]:
    """Catalog, pages, a page drawing object 5 as its content, a font; more objects may follow."""
    return [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + resources + b" /Contents 5 0 R >>",
            _FONT, content]


def _deflate_repeated(block: bytes, size: int, rounds: int) -> bytes:
    """`block` repeated to `size` bytes as a zlib stream, deflated again `rounds - 1` times.

    After a full flush a deflater starts afresh, so each megabyte deflates to the same
    bytes: the first round is one megabyte's deflate repeated (and the checksum
    computed alongside), built in milliseconds for any size.
    """
    megabyte = block * (2**20 // len(block))
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = raw.compress(megabyte) + raw.flush(zlib.Z_FULL_FLUSH)
    count, checksum = size // len(megabyte), 1
    for _ in range(count):
        checksum = zlib.adler32(megabyte, checksum)
    data = b"\x78\xda" + chunk * count + raw.flush() + struct.pack(">I", checksum)
    for _ in range(rounds - 1):
        data = zlib.compress(data, 9)
    return data


# Inflated size of the decompression bomb's content stream: far above the 64 MB
# cap (pdf_guards.MAX_STREAM_BYTES), compressed twice it is about 2 KB.
FLATE_BOMB_BYTES = 1024 * 2**20


def flate_bomb_pdf(folder: Path, size: int = FLATE_BOMB_BYTES) -> Path:
    """A ~2 KB PDF whose page content is behind two Flate filters and inflates to `size` bytes
    of text-drawing operators (a gigabyte by default)."""
    packed = _deflate_repeated(b"BT /F1 9 Tf 72 720 Td (KE HOACH) Tj ET\n", size, rounds=2)
    return write_pdf(folder / "flate-bomb.pdf",
                     _one_page(_stream(packed, b"/Filter [/FlateDecode /FlateDecode]")))


# Nested-form bomb: each form draws the one below it this many times, this deep:
# 10**8 innermost draws from a page of a few hundred bytes.
BOMB_FANOUT, BOMB_DEPTH = 10, 8


def nested_forms_pdf(folder: Path, fanout: int = BOMB_FANOUT, depth: int = BOMB_DEPTH, inner: int = 10) -> Path:
    """A page that draws form X{depth}, which draws X{depth-1} `fanout` times, ... down to
    X0, which saves and restores the graphics state `inner` times: fanout**depth draws in all."""
    page = _one_page(b"", b"<< /Font << /F1 4 0 R >> /XObject << /X%d 6 0 R >> >>" % depth)
    page[4] = _stream(b"BT /F1 12 Tf 72 770 Td (KE HOACH) Tj ET\n/X%d Do" % depth)
    forms = []
    for level in range(depth, -1, -1):  # object 6 is X{depth}, the last is X0
        body = b"q Q " * inner if level == 0 else b" ".join([b"/X%d Do" % (level - 1)] * fanout)
        below = b"<< /XObject << /X%d %d 0 R >> >>" % (level - 1, 6 + depth - level + 1) if level else b"<< >>"
        forms.append(_stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + below))
    return write_pdf(folder / "nested-forms.pdf", page + forms)


def busy_pages_pdf(folder: Path, pages: int = 200, operators: int = 400_000) -> Path:
    """`pages` pages sharing one content stream of `operators` graphics-state operators:
    each page stays under the per-page caps, together they are minutes of work (the
    CPU limit's case). A few kilobytes."""
    content = _stream(zlib.compress(b"q Q " * (operators // 2), 9), b"/Filter /FlateDecode")
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
               content, _FONT]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                b"/Contents 3 0 R >>"] * pages
    return write_pdf(folder / "busy-pages.pdf", objects)


def long_name_pdf(folder: Path, name_bytes: int = 250) -> Path:
    """The sample PDF under a legal name of `name_bytes` bytes (Vietnamese, 2-3 bytes a letter)."""
    stem = ("kế-hoạch-" * 40).encode()[: name_bytes - 4].decode("utf-8", "ignore")
    path = folder / f"{stem}.pdf"
    path.write_bytes(SAMPLE_PDF.read_bytes())
    return path


# ---- hostile DOCX parts ---------------------------------------------------------------------

def doctype_utf16_docx(folder: Path) -> Path:
    """document.xml in UTF-16 without a byte order mark, declaring entities: a byte search
    for "<!DOCTYPE" misses it, an XML parser reads it."""
    src = write_docx(folder / "utf16-src.docx", para("@ENTITIES@"))
    with zipfile.ZipFile(src) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    head, _, rest = xml.partition("?>")
    xml = f"{head.replace('UTF-8', 'UTF-16')}?>{_DTD}{rest}".replace("@ENTITIES@", "&lol3;")
    path = rewrite_part(src, folder / "doctype-utf16.docx", "word/document.xml", xml.encode("utf-16-le"))
    src.unlink()
    return path


def doctype_odd_part_docx(folder: Path) -> Path:
    """A DTD in a part whose name does not end in .xml (custom XML data, word/data.bin)."""
    src = write_docx(folder / "odd-src.docx", para("Kế hoạch"))
    xml = f'<?xml version="1.0" encoding="UTF-8"?>{_DTD}<data>&lol3;</data>'
    path = rewrite_part(src, folder / "doctype-odd-part.docx", "customXml/item9.bin", xml.encode("utf-8"))
    src.unlink()
    return path


def _without_part(folder: Path, name: str, part: str) -> Path:
    src = write_docx(folder / f"{name}-src.docx", para("ỦY BAN NHÂN DÂN"), para("KẾ HOẠCH"), para("Thực hiện năm 2025"))
    path = rewrite_part(src, folder / f"{name}.docx", part, None)
    src.unlink()
    return path


def no_settings_docx(folder: Path) -> Path:
    """word/settings.xml listed in the relationships but absent from the zip (Word opens it)."""
    return _without_part(folder, "no-settings", "word/settings.xml")


def no_theme_docx(folder: Path) -> Path:
    """word/theme/theme1.xml listed but absent."""
    return _without_part(folder, "no-theme", "word/theme/theme1.xml")


BUILDERS: dict[str, Callable[[Path], Path]] = {fn.__name__: fn for fn in (
    empty_pdf, empty_docx, truncated_pdf, truncated_docx, text_as_pdf, pdf_as_docx, docx_as_pdf, png_as_pdf,
    text_file, encrypted_pdf, owner_only_pdf, zip_bomb_docx, doctype_docx, doctype_in_styles_docx,
    plain_zip_docx, legacy_doc, blank_pages_pdf, image_only_pdf, directory, missing, not_a_plan_docx,
    flate_bomb_pdf, nested_forms_pdf, long_name_pdf, doctype_utf16_docx, doctype_odd_part_docx,
    no_settings_docx, no_theme_docx,
)}
