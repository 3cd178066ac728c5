"""What a scanner does to a printed page, applied to a PDF's rendered pages.

`scan_pdf` renders every page of a born-digital PDF (pypdfium2), degrades each
image as a scanner and an office would (`Effects`: grey noise, a small skew,
JPEG artefacts, a page fed upside down or sideways, a round red stamp over the
signature), and wraps the images as an image-only PDF: no text layer, one
picture per page, so the converter has to read everything from the bitmap.
Every effect is seeded: the same call gives the same bytes.
"""
from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont


@dataclass(frozen=True)
class Effects:
    """How one scan degrades its pages; `rotate` maps page number (1-based) to 90/180/270."""

    dpi: int = 200
    skew: float = 0.0  # degrees, the largest tilt of a page (each page draws one in ±skew)
    noise: float = 0.0  # standard deviation of the grey noise, 0-255
    jpeg_quality: int = 0  # 0: lossless; else a JPEG round-trip at this quality
    rotate: dict[int, int] = field(default_factory=dict)
    stamp_page: int = 0  # the page whose signature gets a stamp over it (0: none)
    stamp_at: tuple[float, float] = (0.66, 0.6)  # the stamp's centre, as shares of the page width and height
    seed: int = 0


def render(pdf: Path, dpi: int) -> list[Image.Image]:
    """Every page as a greyscale image at `dpi`."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        return [doc[i].render(scale=dpi / 72.0, grayscale=True).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()


def _noisy(image: Image.Image, sigma: float, rng: random.Random) -> Image.Image:
    """Grey noise and a slight blur, as a scanner's sensor and optics add them."""
    import numpy as np

    grain = np.random.default_rng(rng.randrange(2**32)).normal(128, sigma, (image.size[1], image.size[0]))
    noise = Image.fromarray(grain.clip(0, 255).astype(np.uint8), "L").convert(image.mode)  # seeded, unlike effect_noise
    blurred = image.filter(ImageFilter.GaussianBlur(0.6))
    mixed = Image.blend(blurred, noise, 0.12 + 0.04 * rng.random())
    return mixed.point(lambda v: 255 if v > 235 else v)


def _skewed(image: Image.Image, degrees: float) -> Image.Image:
    return image.rotate(degrees, resample=Image.BICUBIC, expand=False, fillcolor=(255,) * len(image.getbands()))


def _jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    return Image.open(buffer).convert(image.mode)


def _stamp(image: Image.Image, dpi: int, at: tuple[float, float], rng: random.Random) -> Image.Image:
    """A round office seal in red (a colour page from here on), centred near `at`: over the left half of the signature, as offices stamp."""
    rgb = image.convert("RGB")
    layer = Image.new("RGBA", rgb.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    radius = int(0.75 * dpi)
    width, height = rgb.size
    cx = int(width * (at[0] + 0.02 * rng.random()))
    cy = int(height * (at[1] + 0.02 * rng.random()))
    red = (200, 30, 40, 150)
    for r in (radius, radius - dpi // 25):
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=max(2, dpi // 60))
    draw.regular_polygon((cx, cy, radius // 3), 5, fill=red)
    try:
        font = ImageFont.truetype(str(Path(__file__).resolve().parents[1] / "fonts" / "DejaVuSans.ttf"), dpi // 8)
        draw.text((cx - radius * 0.7, cy + radius * 0.45), "ỦY BAN NHÂN DÂN", font=font, fill=red)
    except OSError:
        pass
    return Image.alpha_composite(rgb.convert("RGBA"), layer).convert("RGB")  # a colour scan: the seal is red


def degrade(image: Image.Image, number: int, effects: Effects, rng: random.Random) -> Image.Image:
    """One page as the scanner gives it back."""
    if number == effects.stamp_page:
        image = _stamp(image, effects.dpi, effects.stamp_at, rng)
    if effects.noise:
        image = _noisy(image, effects.noise, rng)
    if effects.skew:
        image = _skewed(image, rng.uniform(-effects.skew, effects.skew))
    if number in effects.rotate:
        image = image.rotate(effects.rotate[number], expand=True)
    if effects.jpeg_quality:
        image = _jpeg(image, effects.jpeg_quality)
    return image


def wrap(images: list[Image.Image], out: Path, dpi: int) -> Path:
    """The images as an image-only PDF, one page each, at their scan resolution."""
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
    return out


def scan_pdf(pdf: Path, out: Path, effects: Effects = Effects()) -> Path:
    """An image-only PDF of `pdf` as a scanner with `effects` would give it."""
    rng = random.Random(effects.seed)
    pages = [degrade(image, n, effects, rng) for n, image in enumerate(render(pdf, effects.dpi), start=1)]
    return wrap(pages, out, effects.dpi)
