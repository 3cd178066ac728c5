"""extract.pdf_objects: pdfplumber's object dicts, characters built directly, equal key for key."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from pipeline.extract.pdf_objects import install_page_objects, page_objects

ROOT = Path(__file__).resolve().parents[1]
PDFS = [ROOT / "samples" / "plan-196-KH-UBND.pdf", *sorted((ROOT / "tests" / "fixtures" / "real").glob("*.pdf"))]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name[:24])
def test_objects_equal_pdfplumbers_key_for_key(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            theirs, ours = page.parse_objects(), page_objects(page)
            assert ours.keys() == theirs.keys(), f"page {page.page_number}"
            for kind in theirs:
                assert ours[kind] == theirs[kind], f"page {page.page_number}, {kind}"


def test_installed_objects_feed_pdfplumbers_own_words_and_tables() -> None:
    with pdfplumber.open(PDFS[0]) as pdf:
        for page in pdf.pages:
            words, tables = page.extract_words(), [t.extract() for t in page.find_tables()]
            page.close()
            install_page_objects(page)
            assert page.extract_words() == words and [t.extract() for t in page.find_tables()] == tables
