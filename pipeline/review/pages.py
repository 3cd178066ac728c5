"""Page images and the text the converter left out, for the review page.

Pages are rendered with pypdfium2 as JPEG at the resolution the user asks for
(`vnplan inspect --dpi`); the default reads a task table's small print at 1:1. A DOCX has no pages: LibreOffice
(`soffice --headless --convert-to pdf`) lays it out when it is installed.
"""
from __future__ import annotations

import base64
import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

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
        runs = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = textpage.get_text_bounded(left, bottom, right, top).strip()
            if text:
                runs.append((_shown_box(left, bottom, right, top, rotation, width, shown_height), text))
        return tuple(runs)
    finally:
        textpage.close()


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
