"""Text stamped by annotations (pipeline/extract/pdf_annots.py): found in linear time.

Issue 15, finding 7: a page of text with one form field compared every character
with every other (60,000 characters: over two minutes). The test counts the
comparisons the search makes, never the time it takes.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.extract.pdf import annots as pdf_annots

# Characters on the dense page: 300 lines of 200 (digits at 2 pt, 1.1 pt apart).
LINES, PER_LINE = 300, 200


def dense_page_with_field(folder: Path, value: str = "173") -> Path:
    """One A4 page of LINES x PER_LINE characters and one text field showing `value`."""
    path = folder / "dense.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 2)
    line = ("0123456789" * (PER_LINE // 10))[:PER_LINE]
    for i in range(LINES):
        pdf.drawString(20, 820 - 2.6 * i, line)
    pdf.acroForm.textfield(name="so", value=value, x=300, y=20, width=80, height=20, fontSize=12,
                           borderWidth=0, fontName="Helvetica")
    pdf.save()
    return path


def test_stamped_text_found_with_linear_comparisons(tmp_path, monkeypatch):
    path = dense_page_with_field(tmp_path)
    calls = [0]
    same_place = pdf_annots._same_place

    def counting(a, b):
        calls[0] += 1
        return same_place(a, b)

    monkeypatch.setattr(pdf_annots, "_same_place", counting)
    words = pdf_annots.stamped_words(path, [1])
    assert [w.text for w in words[1]] == ["173"]
    chars = LINES * PER_LINE
    # Each character is compared with the few characters of its own 1-point cells
    # (same text, 3 x 3 neighbouring cells): a small multiple of the page, not its square.
    assert calls[0] <= 10 * chars, calls[0]


@pytest.mark.parametrize(("before", "after", "added"), [
    # nothing changed: nothing added
    ([("1", 10.0, 10.0, 12.0, 20.0)], [("1", 10.0, 10.0, 12.0, 20.0)], []),
    # the same character moved by less than a point (rendering jitter) is not new
    ([("1", 10.0, 10.0, 12.0, 20.0)], [("1", 10.6, 9.5, 12.6, 19.5)], []),
    # across a cell edge (0.99 -> 1.01) is still the same place
    ([("1", 0.99, 5.0, 2.0, 9.0)], [("1", 1.01, 5.0, 2.0, 9.0)], []),
    # another character at the same place is new
    ([("1", 10.0, 10.0, 12.0, 20.0)], [("7", 10.0, 10.0, 12.0, 20.0)], [("7", 10.0, 10.0, 12.0, 20.0)]),
    # the same character a point and a half away is new
    ([("1", 10.0, 10.0, 12.0, 20.0)], [("1", 11.5, 10.0, 13.5, 20.0)], [("1", 11.5, 10.0, 13.5, 20.0)]),
    # negative coordinates (a page whose box does not start at 0) work the same
    ([("1", -3.2, -7.0, -1.0, -2.0)], [("1", -3.0, -7.4, -1.0, -2.0)], []),
])
def test_new_boxes(before, after, added):
    assert pdf_annots.new_boxes(before, after) == added


def test_one_line_whose_tops_straddle_a_rounding_boundary_is_one_word():
    """A "1" is shorter than a "7": tops 36.44 and 36.26 on an 841.89-point page fell on
    either side of a rounding boundary, and "173" came out as "1" and "37"."""
    boxes = [("1", 301.2, 28.0, 304.3, 36.436), ("7", 307.1, 28.0, 312.9, 36.256), ("3", 313.8, 27.8, 319.6, 36.436)]
    assert [w.text for w in pdf_annots._to_words(boxes, 841.89, 1)] == ["173"]


def test_two_lines_and_a_gap_make_three_words():
    boxes = [("2", 10, 700, 15, 708), ("8", 16, 700, 21, 708), ("4", 40, 700, 45, 708),  # "28", a gap, "4"
             ("9", 10, 680, 15, 688)]  # a line below
    assert [w.text for w in pdf_annots._to_words(boxes, 842, 1)] == ["28", "4", "9"]
