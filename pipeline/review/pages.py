"""Page images and the text the converter left out, for the review page.

Pages are rendered with pypdfium2 as JPEG at the resolution the user asks for
(`vnplan inspect --dpi`); the default reads a task table's small print at 1:1. A DOCX has no pages: LibreOffice
(`soffice --headless --convert-to pdf`) lays it out when it is installed.
"""
from __future__ import annotations

import base64
import bisect
import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from pipeline.review.resolution import JPEG_QUALITY, RENDER_DPI

POINTS_PER_INCH = 72
# LibreOffice gets this long to lay out one DOCX before the page view is given up.
SOFFICE_TIMEOUT_S = 180


@dataclass(frozen=True)
class PageImage:
    number: int
    width: float  # points
    height: float  # points
    data_uri: str
    # The text layer's runs (a line or a part of one): box in points, top-left origin, and text.
    runs: tuple[tuple[tuple[float, float, float, float], str], ...] = ()


def render_pages(pdf_path: Path, dpi: int = RENDER_DPI, quality: int = JPEG_QUALITY) -> list[PageImage]:
    """Every page as a JPEG data URI, with its size in points (the provenance boxes' unit) and its text runs.

    pdfium reads the text layer in the same pass, far faster than parsing the page again with pdfminer.
    """
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        pdf.init_forms()  # numbers and dates stamped by signature widgets are drawn, as a reader sees them
        images = []
        for index in range(len(pdf)):
            page = pdf[index]
            width, height = page.get_size()
            bitmap = page.render(scale=dpi / POINTS_PER_INCH)
            buffer = io.BytesIO()
            bitmap.to_pil().convert("RGB").save(buffer, "JPEG", quality=quality, optimize=True)
            images.append(PageImage(index + 1, width, height,
                                    "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii"),
                                    _text_runs(page, height)))
            page.close()
        return images
    finally:
        pdf.close()


def _text_runs(page: pdfium.PdfPage, height: float) -> tuple:
    """pdfium's text rectangles (PDF space, bottom-left origin, before /Rotate) as boxes on the
    page as shown (top-left origin), with their text."""
    textpage = page.get_textpage()
    rotation = page.get_rotation() % 360
    width, shown_height = page.get_size()
    if rotation in (90, 270):
        width, shown_height = shown_height, width  # the unrotated MediaBox
    try:
        chars = _drawn_chars(textpage)
        runs = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = (_text_in(chars, (left, bottom, right, top)) if right - left > top - bottom
                    else textpage.get_text_bounded(left, bottom, right, top).strip())
            if text:
                runs.append((_shown_box(left, bottom, right, top, rotation, width, shown_height), text))
        return tuple(runs)
    finally:
        textpage.close()


def _drawn_chars(textpage: pdfium.PdfTextPage) -> list[tuple[float, float, float, float, str]]:
    """Every character the page draws (not pdfium's generated spaces and line ends), as
    (middle y, left, right, height, text), sorted by middle y."""
    chars = []
    for i in range(textpage.count_chars()):
        if pdfium_raw.FPDFText_IsGenerated(textpage.raw, i):
            continue
        text = textpage.get_text_range(i, 1)
        if text and text not in "\r\n":
            left, bottom, right, top = textpage.get_charbox(i)
            chars.append(((bottom + top) / 2, left, right, top - bottom, text))
    chars.sort()
    return chars


# Two characters further apart than this share of the line's height have a space between them
# (the space pdfium generates there is dropped with the others).
SPACE_GAP_SHARE = 0.2


def _text_in(chars: list[tuple[float, float, float, float, str]], rect: tuple[float, float, float, float]) -> str:
    """The characters whose middle lies in a horizontal rectangle, left to right.

    pdfium's own order follows the content stream, where some producers (LibreOffice) draw an
    accented capital after its line: "C NG HÒA … Ộ"; by position it reads "CỘNG HÒA".
    """
    left, bottom, right, top = rect
    start = bisect.bisect_left(chars, (bottom - 1,))
    line = []
    for middle, x0, x1, height, text in chars[start:]:
        if middle > top + 1:
            break
        if left <= (x0 + x1) / 2 <= right:
            line.append((x0, x1, text))
    line.sort()
    out, last_right = [], None
    gap = SPACE_GAP_SHARE * (top - bottom)
    for x0, x1, text in line:
        if last_right is not None and x0 - last_right > gap and text != " " and out[-1] != " ":
            out.append(" ")
        out.append(text)
        last_right = max(x1, last_right or x1)
    return "".join(out).strip()


def _shown_box(left: float, bottom: float, right: float, top: float, rotation: int, width: float,
               height: float) -> tuple[float, float, float, float]:
    """A box of the unrotated page (PDF space, `width` x `height`) where the page shows it after /Rotate."""
    if rotation == 90:  # turned clockwise: the left edge is at the top, the bottom edge at the left
        return (bottom, left, top, right)
    if rotation == 180:
        return (width - right, bottom, width - left, top)
    if rotation == 270:
        return (height - top, width - right, height - bottom, width - left)
    return (left, height - top, right, height - bottom)


class NoPages(Exception):
    """Why a file has no page images (the review page then shows the document alone)."""


def docx_to_pdf(docx_path: Path, workdir: Path) -> Path:
    """The PDF LibreOffice lays out from a DOCX. Raises NoPages when it cannot."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise NoPages("no_soffice")
    profile = tempfile.mkdtemp(prefix="lo-profile-", dir=workdir)
    try:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(workdir), str(docx_path)],
                       check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_S)
    except (subprocess.SubprocessError, OSError) as exc:
        raise NoPages("no_soffice") from exc
    pdf = workdir / f"{docx_path.stem}.pdf"
    if not pdf.exists():
        raise NoPages("no_soffice")
    return pdf
