"""Every word accounted for (issue 21): over every real document of ../shared/fixtures (real/
and archive/), the share of the source's own words that reaches the JSON is at least 0.97, or
the JSON names what it left out in a `content_dropped` warning.

The measure is the shared checker's (tests/tools/coverage_check.py, a copy of
../shared/tools/coverage_check.py), imported, not rewritten: it reads the source by other
means than the converter (the DOCX XML, `pdftotext`). A .doc is measured against the DOCX
LibreOffice makes of it (what the converter reads). Converted with `--ocr never`: a scan has
no text layer to count words in, and is refused in one line that says so (its OCR reading is
tested in test_ocr.py and test_scanned.py). `bench/bench_coverage.py` prints the same figures
per file.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from pipeline.conversion import ConversionError, convert
from pipeline.extract.page_choice import NO_TEXT, NOT_VIETNAMESE
from real_fixtures import ARCHIVE, REAL, params

sys.path.insert(0, str(Path(__file__).parent / "tools"))
import coverage_check  # noqa: E402

MINIMUM = 0.97
FILES = params("*.pdf", "*.docx", "*.doc") + params("*.pdf", "*.docx", "*.doc", folder=ARCHIVE)
# Refusals of a file whose text layer holds no words to count (a scan, or a garbled OCR layer).
NO_WORDS_TO_COUNT = (NO_TEXT, NOT_VIETNAMESE)


def _source_to_count(path: Path, tmp: Path) -> Path:
    """The file whose words are counted: the source; for a .doc, the DOCX LibreOffice makes of it
    (or the file itself under a .docx name, when it is a DOCX saved as .doc)."""
    if path.suffix.lower() != ".doc":
        return path
    if path.read_bytes()[:4] == b"PK\x03\x04":
        return Path(shutil.copyfile(path, tmp / "source.docx"))
    from pipeline.extract.doc import converted_docx

    with converted_docx(path) as docx:
        return Path(shutil.copyfile(docx, tmp / "source.docx"))


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES)
def test_every_word_reaches_the_json_or_is_named(path: Path, tmp_path: Path) -> None:
    try:
        doc = convert(path, ocr="never")
    except ConversionError as exc:
        assert path.suffix.lower() == ".pdf" and any(w in exc.reason for w in NO_WORDS_TO_COUNT), exc.reason
        return
    out = tmp_path / "out.json"
    out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = coverage_check.check(_source_to_count(path, tmp_path), out, MINIMUM, 3)
    assert result["passes"], (f"{result['coverage']:.3f} of {result['words']} words reach the JSON, "
                              f"no content_dropped warning; missing: {result['missing']}")
