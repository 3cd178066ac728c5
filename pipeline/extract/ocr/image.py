"""A scanned page image made upright and level before it is read.

Scanners feed pages sideways or upside down and tilt them by a degree or two.
Tesseract's orientation detection (``--psm 0``, the ``osd`` data that comes with
tesseract-ocr) says by how much a page is turned (asked only for a page whose first
reading looks turned: `reader.looks_unread`); the tilt is measured by the
projection profile: rotated to the right angle, the rows of ink of a text page
are sharpest, so the variance of the row sums peaks (OpenCV does the rotations,
on a small copy of the page). Straight lines matter twice on a scan: the
morphology that finds table rules needs them level, and so does line grouping.
"""
from __future__ import annotations

import re
import subprocess

# The steepest tilt looked for (degrees): a scanner's feeder stays within this.
MAX_SKEW_DEGREES = 3.0
# The step of the search (degrees); 0.1 deg is 4 px of drift across a 300 dpi page.
SKEW_STEP = 0.1
# Width (pixels) of the copy the tilt is measured on: fast, and still a line per row of text.
PROFILE_WIDTH = 1000
# Tesseract's orientation confidence under this is a guess (a page of few words): left as it is.
MIN_ORIENTATION_CONFIDENCE = 2.0
# How long the orientation check may take on one page (seconds).
ORIENTATION_TIMEOUT = 60.0

_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.M)
_CONFIDENCE = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.M)


def orientation(image: bytes, tesseract: str, env: dict[str, str]) -> int:
    """Degrees clockwise the page (`image`: the bytes of an image file) must turn to be
    upright (0, 90, 180, 270), by Tesseract's OSD.

    A page OSD cannot judge (too few letters, no osd data) stays as it is.
    """
    try:
        done = subprocess.run([tesseract, "stdin", "stdout", "--psm", "0", "-l", "osd"], input=image,
                              capture_output=True, timeout=ORIENTATION_TIMEOUT, env=env)
    except (OSError, subprocess.SubprocessError):
        return 0
    stdout = done.stdout.decode("utf-8", "replace")
    rotate, confidence = _ROTATE.search(stdout), _CONFIDENCE.search(stdout)
    if done.returncode != 0 or not rotate or not confidence:
        return 0
    if float(confidence.group(1)) < MIN_ORIENTATION_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360


def turn(gray, degrees: int):
    """The image turned clockwise by a multiple of 90 degrees."""
    import cv2

    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(gray, codes[degrees]) if degrees in codes else gray


def _rotated(image, degrees: float, fill: int):
    import cv2

    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    return cv2.warpAffine(image, matrix, (width, height), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=fill)


def skew_degrees(gray) -> float:
    """The rotation (degrees, counter-clockwise positive as OpenCV counts) that levels the text."""
    import cv2
    import numpy as np

    factor = min(1.0, PROFILE_WIDTH / gray.shape[1])
    small = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    steps = round(MAX_SKEW_DEGREES / SKEW_STEP)
    best, best_score = 0.0, -1.0
    for i in range(-steps, steps + 1):
        angle = i * SKEW_STEP
        rows = _rotated(ink, angle, 0).sum(axis=1, dtype=np.float64)
        score = float(np.square(np.diff(rows)).sum())
        if score > best_score:
            best, best_score = angle, score
    return best


def level(gray):
    """The image rotated so its lines of text run straight across."""
    angle = skew_degrees(gray)
    return _rotated(gray, angle, 255) if abs(angle) >= SKEW_STEP / 2 else gray


# A word whose strokes are this many times thicker than the page's typical word is bold:
# measured on the sample's scan, regular words 0.89-1.09, bold ones 1.25-1.67.
BOLD_STROKE_RATIO = 1.2


def stroke_widths(gray, boxes: list[tuple[int, int, int, int]]) -> list[float]:
    """The mean stroke width (pixels) of the ink in each box: twice its area over its outline.

    A stroke of length L and width W has area L*W and an outline of about 2L.
    """
    import cv2

    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    widths = []
    for left, top, width, height in boxes:
        crop = ink[max(0, top):top + height, max(0, left):left + width]
        contours, _ = cv2.findContours(crop, cv2.RETR_LIST, cv2.CHAIN_APPROX_NONE)
        outline = sum(cv2.arcLength(c, True) for c in contours)
        widths.append(2 * cv2.countNonZero(crop) / outline if outline else 0.0)
    return widths


def bold_flags(widths: list[float], letters: list[int], lines: list[object]) -> list[bool]:
    """Which words are bold: strokes `BOLD_STROKE_RATIO` times the page's median.

    A word of fewer than two letters or digits ("-", "I.", "và" is fine) has too
    little ink to judge and follows the majority of its line.
    """
    import statistics

    judged = [w for w, n in zip(widths, letters) if n >= 2 and w > 0]
    if not judged:
        return [False] * len(widths)
    typical = statistics.median(judged)
    own = [w >= BOLD_STROKE_RATIO * typical for w in widths]
    by_line: dict[object, list[bool]] = {}
    for flag, n, line in zip(own, letters, lines):
        if n >= 2:
            by_line.setdefault(line, []).append(flag)
    return [flag if n >= 2 else sum(by_line.get(line, [flag])) * 2 > len(by_line.get(line, [flag]))
            for flag, n, line in zip(own, letters, lines)]
