"""Hand-written PDFs with one damaged part (issue 25): a font whose Unicode map is absurd, a page
whose /Rotate or /MediaBox cannot be read, pages turned by /Rotate. Every other page is fine,
so a reader that loses the whole document for one part shows it."""
from __future__ import annotations

from pathlib import Path

from bad_files import write_pdf

# One line of text per page, in Helvetica; what the page's text says (ASCII: the standard encoding).
LINES = ["KE HOACH trien khai nhiem vu nam 2026", "Muc I. Muc dich yeu cau", "Muc II. Nhiem vu cu the"]
# A ToUnicode map of 70 bytes whose one range spans every 4-byte code: pdfminer made 4 billion entries.
HUGE_RANGE_MAP = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
                  b"1 begincodespacerange <00> <FF> endcodespacerange "
                  b"1 beginbfrange <00000000> <FFFFFFFF> <0000> endbfrange endcmap end end")


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _text(line: str, x: float = 72, y: float = 700) -> bytes:
    return b"BT /F1 12 Tf %g %g Td (%s) Tj ET" % (x, y, line.encode())


def pages_pdf(path: Path, pages: list[bytes], font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
              extra: list[bytes] = ()) -> Path:
    """A PDF whose pages have the given page-dictionary entries (besides /Type, /Parent, /Resources
    and /Contents), each drawing one of LINES; the font is object 3, `extra` objects follow the pages."""
    count = len(pages)
    first_page = 4 + len(extra)
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
               font, *extra]
    for i, entries in enumerate(pages):
        number = first_page + 2 * i
        objects.append(b"<< /Type /Page /Parent 2 0 R " + entries +
                       b" /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (number + 1))
        objects.append(_stream(_text(LINES[i % len(LINES)])))
    return write_pdf(path, objects)


def huge_font_map_pdf(path: Path) -> Path:
    """Three pages in a font whose ToUnicode map is HUGE_RANGE_MAP (object 4)."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>"
    return pages_pdf(path, [b"/MediaBox [0 0 595 842]"] * 3, font=font, extra=[_stream(HUGE_RANGE_MAP)])


def bad_page_attributes_pdf(path: Path) -> Path:
    """Page 2's /Rotate is a name, page 3's /MediaBox has two numbers: pages 1 to 3 still read."""
    return pages_pdf(path, [b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 595 842] /Rotate /Ninety",
                            b"/MediaBox [0 0]"])


def rotated_pdf(path: Path, rotate: int) -> Path:
    """Three pages, each turned by /Rotate `rotate`, their text upright on the unrotated page."""
    return pages_pdf(path, [b"/MediaBox [0 0 595 842] /Rotate %d" % rotate] * 3)
