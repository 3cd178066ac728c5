"""Page images and the text the converter left out, for the review page.

Pages are rendered with pypdfium2 as JPEG at a moderate resolution, so a
50-page plan stays a few MB as data URIs. A DOCX has no pages: LibreOffice
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

import pdfplumber
import pypdfium2 as pdfium

# Rendering resolution: text stays legible at 100% zoom, a page weighs ~60-120 kB as JPEG.
RENDER_DPI = 96
JPEG_QUALITY = 60
POINTS_PER_INCH = 72
# LibreOffice gets this long to lay out one DOCX before the page view is given up.
SOFFICE_TIMEOUT_S = 180
# Dropped words on one line closer than this (points) are drawn as one box.
DROPPED_JOIN_GAP = 12.0


@dataclass(frozen=True)
class PageImage:
    number: int
    width: float  # points
    height: float  # points
    data_uri: str


@dataclass(frozen=True)
class Dropped:
    """Text on a page that no value of the output came from."""

    page: int
    bbox: tuple[float, float, float, float]
    text: str


def render_pages(pdf_path: Path, dpi: int = RENDER_DPI, quality: int = JPEG_QUALITY) -> list[PageImage]:
    """Every page as a JPEG data URI, with its size in points (the provenance boxes' unit)."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        images = []
        for index in range(len(pdf)):
            page = pdf[index]
            width, height = page.get_size()
            bitmap = page.render(scale=dpi / POINTS_PER_INCH)
            buffer = io.BytesIO()
            bitmap.to_pil().convert("RGB").save(buffer, "JPEG", quality=quality, optimize=True)
            images.append(PageImage(index + 1, width, height,
                                    "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")))
            page.close()
        return images
    finally:
        pdf.close()


def _inside(cx: float, cy: float, box: list[float]) -> bool:
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


def dropped_text(pdf_path: Path, boxes: dict[int, list[list[float]]]) -> list[Dropped]:
    """Words of the text layer under no provenance box, joined into runs along their line.

    Args:
        boxes: per page, the boxes of every value of the output.
    """
    found: list[Dropped] = []
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            words = page.extract_words(x_tolerance=1.5, y_tolerance=3)
            page_boxes = boxes.get(number, [])
            loose = [w for w in words
                     if not any(_inside((w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2, b) for b in page_boxes)]
            found.extend(_runs(number, loose))
            page.close()
    return found


def _runs(page: int, words: list[dict]) -> list[Dropped]:
    runs: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        last = runs[-1][-1] if runs else None
        if last and abs(last["top"] - word["top"]) < 3 and 0 <= word["x0"] - last["x1"] < DROPPED_JOIN_GAP:
            runs[-1].append(word)
        else:
            runs.append([word])
    return [Dropped(page, (min(w["x0"] for w in r), min(w["top"] for w in r), max(w["x1"] for w in r),
                           max(w["bottom"] for w in r)), " ".join(w["text"] for w in r)) for r in runs]


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
