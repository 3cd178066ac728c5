"""Issue 25: one bad part of a PDF, not a lost document; a turned page read the right way up.

A 70-byte ToUnicode range took 1.5 GB and the document was refused for memory; a page whose
/Rotate is a name or whose MediaBox has two numbers refused the whole file ("TypeError:
unsupported operand type(s) for %: 'PSLiteral' and 'int"); /Rotate 90 and 180 on every page
gave the words in the wrong order. Each now reads, with a warning naming the page.
"""
from __future__ import annotations

import pytest

import damaged_pdfs
from pipeline.conversion import convert, convert_limited
from pipeline.limits import Limits

# Far above a three-page plan's needs (about 100 MB) and far below the 1.5 GB the map took.
MEMORY_MB = 600


def texts(doc: dict) -> list[str]:
    return [p["text"] for s in doc["sections"] for p in s["paragraphs"]]


def codes(doc: dict) -> dict[str, str]:
    return {w["code"]: w["message"] for w in doc["warnings"]}


def test_huge_font_map_is_cut_and_said(tmp_path):
    doc = convert_limited(damaged_pdfs.huge_font_map_pdf(tmp_path / "map.pdf"), ocr="never",
                          limits=Limits(memory_mb=MEMORY_MB, cpu_seconds=60))
    assert texts(doc) == damaged_pdfs.LINES
    assert "page(s) 1" in codes(doc)["font_map_capped"]


def test_unreadable_page_attributes_lose_only_themselves(tmp_path):
    doc = convert(damaged_pdfs.bad_page_attributes_pdf(tmp_path / "attrs.pdf"), ocr="never")
    assert texts(doc) == damaged_pdfs.LINES
    messages = [w["message"] for w in doc["warnings"] if w["code"] == "page_attribute_unreadable"]
    assert messages == ["page 2: /Rotate cannot be read; the page was read without it",
                        "page 3: /MediaBox cannot be read; the page was read without it"]


@pytest.mark.parametrize("rotate", [0, 90, 180, 270, -90])
def test_turned_pages_read_the_right_way_up(tmp_path, rotate):
    doc = convert(damaged_pdfs.rotated_pdf(tmp_path / "turned.pdf", rotate), ocr="never")
    assert texts(doc) == damaged_pdfs.LINES
