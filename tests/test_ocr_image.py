"""Page images made readable (pipeline.extract.ocr.image, ocr_tables, ocr_missed), on images
drawn here with OpenCV, so every case runs without Tesseract."""
from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from pipeline.extract.ocr import image as ocr_image, missed as ocr_missed, tables as ocr_tables
from pipeline.extract.pdf.page import TABLE_SETTINGS, build_table, read_page
from pipeline.extract.layout import Word

DPI = 200
PT = 72 / DPI


def page(width: int = 1600, height: int = 2200) -> np.ndarray:
    return np.full((height, width), 255, dtype=np.uint8)


def grid(image: np.ndarray, xs: list[int], ys: list[int], skip_v: set[tuple[int, int]] = frozenset(),
         verticals: bool = True) -> np.ndarray:
    """A ruled grid; `skip_v` leaves out the vertical segment (column line, row) to merge two cells."""
    for y in ys:
        cv2.line(image, (xs[0], y), (xs[-1], y), 0, 3)
    if verticals:
        for ci, x in enumerate(xs):
            for ri in range(len(ys) - 1):
                if (ci, ri) not in skip_v:
                    cv2.line(image, (x, ys[ri]), (x, ys[ri + 1]), 0, 3)
    return image


def text(image: np.ndarray, words: list[tuple[str, int, int]], scale: float = 1.0, thickness: int = 2) -> np.ndarray:
    for word, x, y in words:
        cv2.putText(image, word, (x, y), cv2.FONT_HERSHEY_SIMPLEX, scale, 0, thickness, cv2.LINE_AA)
    return image


def word(label: str, x: float, y: float) -> Word:
    """A layout word at pixel (x, y) of the test image, in points."""
    return Word(text=label, x0=x * PT, x1=(x + 60) * PT, top=(y - 20) * PT, bottom=y * PT, size=12.0, page=1)


# --- ruling lines -------------------------------------------------------------------------

def test_find_rules_sees_lines_not_letters() -> None:
    image = text(grid(page(), [100, 400, 900], [300, 400, 600]), [("Noi dung mmmmmmmmmm", 120, 360)])
    rules = ocr_tables.find_rules(image, DPI)
    horizontal = sorted(round(e["top"] / PT / 5) * 5 for e in rules.edges if e["orientation"] == "h")
    vertical = sorted(round(e["x0"] / PT / 5) * 5 for e in rules.edges if e["orientation"] == "v")
    assert horizontal == [300, 400, 600]  # the row of letters is not a rule (to 5 px)
    assert vertical == [100, 400, 900]  # each column line one run of ink, through the row rules


def test_erase_rules_keeps_the_words() -> None:
    image = text(grid(page(), [100, 400, 900], [300, 400, 600]), [("Noi dung", 120, 360)])
    cleaned = ocr_tables.erase_rules(image, ocr_tables.find_rules(image, DPI))
    assert cleaned[300, 250] == 255 and cleaned[350, 400] == 255  # rules gone
    assert (cleaned[330:370, 120:260] < 128).sum() > 100  # letters kept


def _cells(image: np.ndarray, words: list[Word]):
    rules = ocr_tables.find_rules(image, DPI)
    height, width = (side * PT for side in image.shape)
    return read_page(ocr_tables.ImagePage(rules.edges, width, height), 1, words)


def test_image_page_merged_cell_spans_two_columns() -> None:
    # the vertical line between columns 1 and 2 is missing on the middle row
    image = grid(page(), [100, 300, 700, 1100], [300, 400, 500, 600], skip_v={(2, 1)})
    words = [word("A", 120, 360), word("B", 320, 360), word("C", 720, 360),
             word("D", 120, 460), word("E", 500, 460),
             word("F", 120, 560), word("G", 320, 560), word("H", 720, 560)]
    table = _cells(image, words).tables[0][1]
    middle = table.rows[1]
    assert [(c.col, c.col_span, c.text) for c in middle.cells] == [(0, 1, "D"), (1, 2, "E")]


def test_image_page_table_ruled_with_horizontal_lines_only() -> None:
    # four row rules and no vertical line: columns come from the white space (pdf_rules)
    image = grid(page(), [100, 1400], [300, 400, 500, 600], verticals=False)
    words = [word("TT", 120, 360), word("Noi", 400, 360), word("Chu", 900, 360),
             word("1.", 120, 460), word("Viec", 400, 460), word("So", 900, 460),
             word("2.", 120, 560), word("Khac", 400, 560), word("Bo", 900, 560)]
    table = _cells(image, words).tables[0][1]
    assert [[c.text for c in row.cells] for row in table.rows] == [["TT", "Noi", "Chu"], ["1.", "Viec", "So"],
                                                                    ["2.", "Khac", "Bo"]]


def test_image_page_without_lines_has_no_table() -> None:
    content = _cells(text(page(), [("Van ban", 120, 360)]), [word("Van", 120, 360), word("ban", 200, 360)])
    assert content.tables == () and [ln.text for ln in content.lines] == ["Van ban"]


# --- orientation and tilt -------------------------------------------------------------

def _text_page() -> np.ndarray:
    image = page()
    for row in range(20):
        text(image, [("Ke hoach trien khai thuc hien nhiem vu", 120, 300 + row * 70)])
    return image


@pytest.mark.parametrize("tilt", [-2.0, -0.7, 0.0, 1.2, 2.0])
def test_skew_is_measured(tilt: float) -> None:
    # each case: a text page turned by `tilt` degrees; the measure undoes it within 0.2 degrees
    tilted = ocr_image._rotated(_text_page(), tilt, 255)
    assert ocr_image.skew_degrees(tilted) == pytest.approx(-tilt, abs=0.2)


@pytest.mark.parametrize("degrees, shape", [(0, (2200, 1600)), (90, (1600, 2200)), (180, (2200, 1600)),
                                            (270, (1600, 2200))])
def test_turn(degrees: int, shape: tuple[int, int]) -> None:
    # each case: a quarter turn swaps the sides, a half turn keeps them
    assert ocr_image.turn(page(), degrees).shape == shape


def test_turn_180_puts_the_top_at_the_bottom() -> None:
    image = page()
    image[100:120, 100:200] = 0
    turned = ocr_image.turn(image, 180)
    assert turned[2200 - 110, 1600 - 150] == 0


@pytest.mark.parametrize("stdout, code, expected", [
    ("Page number: 0\nOrientation in degrees: 180\nRotate: 180\nOrientation confidence: 14.70\n", 0, 180),
    ("Orientation in degrees: 270\nRotate: 90\nOrientation confidence: 6.1\n", 0, 90),
    ("Orientation in degrees: 180\nRotate: 180\nOrientation confidence: 0.5\n", 0, 0),  # a guess: left alone
    ("Too few characters. Skipping this page\n", 1, 0),  # OSD could not judge
])
def test_orientation_reads_tesseract_osd(tmp_path, stdout: str, code: int, expected: int) -> None:
    fake = tmp_path / "fake-tesseract"
    (tmp_path / "out.txt").write_text(stdout)
    fake.write_text(f"#!/bin/sh\ncat {tmp_path / 'out.txt'}\nexit {code}\n")
    fake.chmod(0o755)
    assert ocr_image.orientation(b"P5 1 1 255 \xff", str(fake), {}) == expected


# --- bold from strokes ----------------------------------------------------------------

FONTS = Path(__file__).resolve().parent / "fonts"


@pytest.mark.parametrize("face, bold", [("DejaVuSerif.ttf", False), ("DejaVuSerif-Bold.ttf", True),
                                        ("LiberationSerif-Regular.ttf", False), ("LiberationSerif-Bold.ttf", True)])
def test_stroke_width_tells_bold_from_regular(face: str, bold: bool) -> None:
    # each case: "Mục tiêu" set at 13 pt and 200 dpi beside a regular line of the same family
    from PIL import Image, ImageDraw, ImageFont

    regular_face = face.replace("-Bold", "-Regular" if "Liberation" in face else "")
    canvas = Image.new("L", (1200, 400), 255)
    draw = ImageDraw.Draw(canvas)
    draw.text((50, 50), "Mục tiêu tổng quát", font=ImageFont.truetype(str(FONTS / regular_face), 36), fill=0)
    draw.text((50, 250), "Mục tiêu tổng quát", font=ImageFont.truetype(str(FONTS / face), 36), fill=0)
    reference, measured = ocr_image.stroke_widths(np.asarray(canvas), [(40, 40, 600, 70), (40, 240, 600, 70)])
    assert (measured / reference >= ocr_image.BOLD_STROKE_RATIO) is bold


BOLD_CASES = [
    # regular words and one clearly thicker word: only it is bold
    ([4.0, 4.1, 3.9, 6.0], [5, 5, 5, 5], ["a", "a", "a", "b"], [False, False, False, True]),
    # a one-letter word ("-", "I.") follows its line's majority
    ([6.0, 6.2, 2.0, 4.0, 4.0, 4.0], [5, 5, 1, 5, 5, 5], ["t", "t", "t", "b", "b", "b"],
     [True, True, True, False, False, False]),
    # no word with two letters: nothing can be judged
    ([4.0, 9.0], [1, 0], ["a", "a"], [False, False]),
]


@pytest.mark.parametrize("widths, letters, lines, expected", BOLD_CASES)
def test_bold_flags(widths, letters, lines, expected) -> None:
    assert ocr_image.bold_flags(widths, letters, lines) == expected


# --- the second look at skipped ink ------------------------------------------------------

def test_blobs_outside_read_words_are_found_and_placed_back() -> None:
    image = text(page(), [("Viec mot", 300, 400), ("9.", 120, 400)], scale=1.2, thickness=2)
    covered = [(295, 370, 200, 40)]  # "Viec mot" was read; the lone "9." was not
    rest = ocr_missed.uncovered(image, covered)
    blobs = ocr_missed.find_blobs(rest, text_height=30)
    assert len(blobs) == 1 and blobs[0].left < 160 and 370 < blobs[0].top < 400
    strip = ocr_missed.make_strip(rest, blobs, text_height=30)
    from pipeline.extract.ocr.reader import TsvWord

    x, y = strip.offsets[0]
    on_strip = TsvWord("9.", round(x * strip.scale), round(y * strip.scale), 10, 12, 90.0, (1, 1, 1))
    placed = ocr_missed.place_back([on_strip], blobs, strip)
    assert [(w.text, w.left == blobs[0].left, w.top == blobs[0].top) for w in placed] == [("9.", True, True)]


def test_specks_are_not_blobs() -> None:
    image = page()
    rng = np.random.default_rng(1)
    for x, y in rng.integers(100, 1500, size=(200, 2)):
        image[y:y + 2, x:x + 2] = 0  # scanner dust
    assert ocr_missed.find_blobs(image, text_height=30) == []
