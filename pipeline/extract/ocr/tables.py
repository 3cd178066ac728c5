"""Ruling lines of a scanned page, found in the bitmap, handed to the PDF table rules.

A scanned task table is a picture of lines and words. OpenCV's morphology
finds the lines: an opening with a long thin horizontal (vertical) kernel keeps
only the ink that runs at least that far in one direction, which letters never
do. Each line becomes a pdfplumber-shaped edge in PDF points, and `ImagePage`
offers those edges with the few page methods the PDF extractor's table code
calls (`find_tables`, `crop`, `edges`), so a scanned page goes through exactly
the same cell grid, merged cells, row-ruled tables and `build_table` as a
born-digital one. The lines are then erased from the image, so Tesseract does
not read a column rule as "I" or "|" glued to the words beside it.

OpenCV is imported inside the functions: only a conversion that OCRs pays for it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pdfplumber.table import TableFinder

# A horizontal rule is ink running at least this far (inches): a narrow TT cell is
# about 0.35 in wide, the widest letter strokes (a bold "—") about 0.15 in.
MIN_RULE_INCHES = 0.3
# A vertical rule runs at least this far (inches): a one-line table row is about
# 0.25 in tall, a capital's stem at 14 pt about 0.13 in.
MIN_COLUMN_RULE_INCHES = 0.2
# Gaps in a scanned line (a pixel of toner dropout, JPEG) shorter than this (inches) are
# bridged. No more: bridging a letter spacing would join the tops of a row of "n", "h",
# "m" into a rule.
GAP_INCHES = 0.007
# Ink darker than this (0-255) after Otsu's threshold is what lines are made of;
# the threshold itself is Otsu's, this is only its ceiling on a grey scan.
MAX_INK_LEVEL = 200
# Pixels around a found line that are erased with it (its antialiased edge).
ERASE_MARGIN = 2
# Lines from a bitmap are a pixel or two off where a drawing's are exact: the
# table finder joins ends and meets corners with this tolerance (points).
SCAN_TOLERANCE = 5.0


@dataclass(frozen=True)
class Rules:
    """The ruling lines of one page image as pdfplumber edges (points), and the mask of their ink."""

    edges: list[dict]
    mask: object = field(repr=False)  # numpy uint8 array, 255 where a line is


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "orientation": orientation, "object_type": "line"}


def _components(mask, orientation: str, scale: float) -> list[dict]:
    """One edge per connected run of line ink, at the run's centre line."""
    import cv2

    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    edges = []
    for x, y, w, h, _area in stats[1:count]:
        if orientation == "h":
            middle = (y + h / 2) * scale
            edges.append(_edge(x * scale, middle, (x + w) * scale, middle, "h"))
        else:
            middle = (x + w / 2) * scale
            edges.append(_edge(middle, y * scale, middle, (y + h) * scale, "v"))
    return edges


def find_rules(gray, dpi: float) -> Rules:
    """The horizontal and vertical ruling lines of a greyscale page image (white paper)."""
    import cv2
    import numpy as np

    level, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    _, ink = cv2.threshold(gray, min(level, MAX_INK_LEVEL), 255, cv2.THRESH_BINARY_INV)
    gap = max(1, round(GAP_INCHES * dpi))
    scale = 72.0 / dpi
    masks, edges = [], []
    for orientation, length in (("h", MIN_RULE_INCHES), ("v", MIN_COLUMN_RULE_INCHES)):
        size = max(3, round(length * dpi))
        along = (size, 1) if orientation == "h" else (1, size)
        bridge = (gap, 1) if orientation == "h" else (1, gap)
        closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, bridge))
        lines = cv2.morphologyEx(closed, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, along))
        masks.append(lines)
        edges.extend(_components(lines, orientation, scale))
    mask = np.maximum(masks[0], masks[1])
    return Rules(edges, mask)


def erase_rules(gray, rules: Rules):
    """The image with its ruling lines painted white (a copy)."""
    import cv2

    grown = cv2.dilate(rules.mask, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * ERASE_MARGIN + 1,) * 2))
    cleaned = gray.copy()
    cleaned[grown > 0] = 255
    return cleaned


class ImagePage:
    """The part of a pdfplumber page the PDF table code reads, for a page image.

    `chars` is empty (the words come from OCR); `edges` are the ruling lines found
    in the bitmap; `find_tables` and `crop` behave as pdfplumber's, with tolerances
    widened to `SCAN_TOLERANCE`.
    """

    chars: list[dict] = []

    def __init__(self, edges: list[dict], width: float, height: float,
                 bbox: tuple[float, float, float, float] | None = None) -> None:
        self.edges = edges
        self.width = width
        self.height = height
        self.bbox = bbox or (0.0, 0.0, width, height)

    def find_tables(self, settings: dict) -> list:
        wide = {**settings, "snap_tolerance": SCAN_TOLERANCE, "join_tolerance": SCAN_TOLERANCE,
                "intersection_tolerance": SCAN_TOLERANCE}
        return TableFinder(self, wide).tables

    def crop(self, bbox: tuple[float, float, float, float]) -> "ImagePage":
        x0, top, x1, bottom = bbox
        inside = [e for e in self.edges
                  if e["x1"] >= x0 and e["x0"] <= x1 and e["bottom"] >= top and e["top"] <= bottom]
        clipped = [_edge(max(e["x0"], x0), max(e["top"], top), min(e["x1"], x1), min(e["bottom"], bottom),
                         e["orientation"]) for e in inside]
        return ImagePage(clipped, self.width, self.height, bbox)
