"""Hand-written PDFs of what a text layer may hold, for comparing page objects with pdfplumber's.

reportlab and LibreOffice write tidy files: one font kind, upright text, pages at
the origin. `drawing_kinds_pdf` draws on one set of resources, page by page: forms
in forms (figures), images (a form's and an inline one), marked content (an empty
path that re-tags the character before it), a vertical CID font, a Type3 font with
an unmapped glyph, a font named by bytes, skewed, mirrored and overflowing text
matrices, TJ spacing with Tc, Tw, Tz and Ts, and pages turned by /Rotate or with a
MediaBox away from the origin.
"""
from __future__ import annotations

from pathlib import Path

from bad_files import write_pdf

# Object numbers of the shared resources (1 and 2 are the catalog and the page tree).
_HELVETICA, _VERTICAL, _VERTICAL_CID, _TYPE3, _GLYPH, _BYTES_NAMED, _BYTES_DESCRIPTOR = 3, 4, 5, 6, 7, 8, 9
_FORM, _NESTED_FORM, _IMAGE, _VERTICAL_DESCRIPTOR = 10, 11, 12, 13
_FIRST_PAGE = 14


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_FONTS = b"/Font << /F1 %d 0 R /F2 %d 0 R /F3 %d 0 R /F4 %d 0 R >>" % (_HELVETICA, _VERTICAL, _TYPE3, _BYTES_NAMED)
RESOURCES = (b"<< " + _FONTS + b" /XObject << /Fm1 %d 0 R /Im1 %d 0 R >> /ColorSpace << /CS0 /DeviceRGB >> >>"
             % (_FORM, _IMAGE))

_SHARED = {
    _HELVETICA: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    # Identity-V: vertical writing; cid 65 has its own W2 metrics, the others DW2's (no vx: half the size).
    _VERTICAL: b"<< /Type /Font /Subtype /Type0 /BaseFont /VertFont /Encoding /Identity-V /ToUnicode /Identity-H "
               b"/DescendantFonts [%d 0 R] >>" % _VERTICAL_CID,
    _VERTICAL_CID: b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /VertFont /CIDSystemInfo << /Registry (Adobe) "
                   b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /W2 [65 [-1000 500 880]] "
                   b"/DW2 [880 -1000] >>" % _VERTICAL_DESCRIPTOR,
    _VERTICAL_DESCRIPTOR: b"<< /Type /FontDescriptor /FontName /VertFont /Flags 4 /FontBBox [0 -200 1000 800] "
                          b"/Ascent 800 /Descent -200 /ItalicAngle 0 /StemV 80 >>",
    # A Type3 font: /zqx names no Unicode character, so code 1 reads "(cid:1)".
    _TYPE3: b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] /FontMatrix [0.001 0 0 0.001 0 0] "
            b"/CharProcs << /a %d 0 R /zqx %d 0 R >> /Encoding << /Type /Encoding /Differences [97 /a 1 /zqx] >> "
            b"/FirstChar 97 /LastChar 98 /Widths [750 600] /Resources << >> >>" % (_GLYPH, _GLYPH),
    _GLYPH: _stream(b"750 0 0 0 750 750 d1 0 0 750 750 re f"),
    # FontName a byte string (SimSun in GBK): pdfplumber decodes it; a positive Descent is turned negative.
    _BYTES_NAMED: b"<< /Type /Font /Subtype /Type1 /BaseFont /SimSunX /FirstChar 32 /LastChar 126 /Widths [%s] "
                  b"/FontDescriptor %d 0 R >>" % (b" ".join([b"500"] * 95), _BYTES_DESCRIPTOR),
    _BYTES_DESCRIPTOR: b"<< /Type /FontDescriptor /FontName (\\313\\316\\314\\345) /Flags 4 "
                       b"/FontBBox [0 -200 1000 800] /Ascent 800 /Descent 300 /ItalicAngle 0 /StemV 80 >>",
    # A form holding a rect before its text, an image and a turned form of its own.
    _FORM: _stream(b"0 0 50 50 re S BT /F1 10 Tf 5 5 Td (in form) Tj ET /Fm2 Do /Im1 Do "
                   b"BT /F3 10 Tf 5 60 Td (ab) Tj ET",
                   b"/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Matrix [1 0 0 1 100 100] "
                   b"/Resources << " + _FONTS + b" /XObject << /Fm2 %d 0 R /Im1 %d 0 R >> >>"
                   % (_NESTED_FORM, _IMAGE)),
    _NESTED_FORM: _stream(b"BT /F1 8 Tf 2 2 Td (nested) Tj ET 1 1 m 20 20 l S",
                          b"/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [0 1 -1 0 50 0] "
                          b"/Resources << " + _FONTS + b" >>"),
    _IMAGE: _stream(b"\x80", b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                             b"/BitsPerComponent 8"),
}

# Everything at once, a rect first (so pdfplumber's objects dict opens with "rect").
EVERYTHING = b"""q 0 0 1 RG 10 10 100 50 re S Q
/P <</MCID 0>> BDC
BT /F1 12 Tf 1 0 0 rg 72 700 Td 2 Tc 3 Tw 90 Tz 1.5 Ts (Ke hoach so 1) Tj
[(A) -250 (B) 120 (C D) -1000 (E)] TJ 14 TL (next line) ' 1 2 (third line) " ET
EMC
20 20 l S
/Span <</MCID 1>> BDC
BT /F2 14 Tf 300 700 Td <0041004200430044> Tj [<0041> 300 <0042>] TJ ET
EMC
BT /F3 20 Tf 0.5 g 72 600 Td (ab\\001a) Tj ET
BT /F4 11 Tf 0 0 0 1 k 72 560 Td (SimSun bytes) Tj ET
/CS0 cs 0.2 0.4 0.6 sc BT /F1 9 Tf 2 0.3 -0.3 2 72 500 Tm (skewed) Tj ET
q -1 0 0 1 400 0 cm BT /F1 9 Tf 0 450 Td (mirrored) Tj ET Q
/Fm1 Do
BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI
/Artifact BMC BT /F1 10 Tf -50 Tz 72 80 Td (footer 1) Tj ET EMC
"""
# Text first, then a form: "char" is the dict's first key.
TEXT_THEN_FORM = b"BT /F1 12 Tf 72 700 Td (first) Tj ET /Fm1 Do 30 30 m 60 60 l S"
# Only a form: its rect comes before its text, inside an open figure.
ONLY_FORM = b"/Fm1 Do"
# Coordinates past the largest float: inf and nan in every box.
OVERFLOW = b"99999999999 0 0 99999999999 0 0 cm " * 29 + b"BT /F1 12 Tf 1 1 Td (huge) Tj ET"
# A zero font size and a zero horizontal scale.
DEGENERATE = b"BT /F1 0 Tf 72 700 Td (none) Tj /F1 12 Tf 0 Tz 72 650 Td (flat) Tj ET"

# (MediaBox, /Rotate, content) of each page.
PAGES: list[tuple[bytes, int, bytes]] = [
    (b"[0 0 595.28 841.89]", 0, EVERYTHING),
    (b"[50 100 645 942]", 0, EVERYTHING),
    (b"[0 0 595 842]", 90, EVERYTHING),
    (b"[0 0 595 842]", 180, EVERYTHING),
    (b"[-20 -30 575 812]", 270, EVERYTHING),
    (b"[0 0 595 842]", 0, TEXT_THEN_FORM),
    (b"[10 20 605 862]", 90, ONLY_FORM),
    (b"[0 0 595 842]", 0, b""),
    (b"[0 0 595 842]", 0, OVERFLOW),
    (b"[0 0 595 842]", 0, DEGENERATE),
]


def drawing_kinds_pdf(folder: Path) -> Path:
    """One page per entry of `PAGES`, all on the shared resources."""
    first = _FIRST_PAGE
    kids = b" ".join(b"%d 0 R" % (first + 2 * i) for i in range(len(PAGES)))
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(PAGES)), **_SHARED}
    for i, (mediabox, rotate, content) in enumerate(PAGES):
        objects[first + 2 * i] = (b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Rotate %d /Resources %s "
                                  b"/Contents %d 0 R >>" % (mediabox, rotate, RESOURCES, first + 2 * i + 1))
        objects[first + 2 * i + 1] = _stream(content)
    return write_pdf(folder / "drawing-kinds.pdf", [objects[n] for n in range(1, len(objects) + 1)])
