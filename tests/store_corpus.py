"""The plans the store and export tests load together: the sample (its PDF and its DOCX) and
the real documents that have a text layer (../shared/fixtures/real/README.md), converted once
per test process. The scanned 13_QD-707 needs OCR and is left out (slow, and it has no text
layer to compare with)."""
from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from pipeline.conversion import convert
from pipeline.output.serialize import to_json
import pytest

from real_fixtures import ABSENT, REAL, present

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "samples" / "plan-196-KH-UBND.docx",
    ROOT / "samples" / "plan-196-KH-UBND.pdf",
    REAL / "01_KH-UBND_LamDong_CCHC-2026-2030_draft-2026-03.docx",
    REAL / "03_KH-UBND_LamDong_trien-khai-CTMTQG-PCMT-2030_draft-2025-10.docx",
    REAL / "04_KH-UBND_LamDong_kiem-tra-CCHC-2026_draft-2026-01.docx",
    REAL / "05_KH-UBND_LamDong_tuyen-truyen-CCHC-2026_draft-2026-01.docx",
    REAL / "10_KH-173-KH-UBND_HaNoi_2026-04-28_Festival-ThangLong.pdf",
    REAL / "12_QD-779-QD-UBND_BinhThuan_2022-03-23_DieuLe-QuyKhuyenHoc_signed.pdf",
]


@cache
def corpus_dir() -> Path:
    """A folder with one JSON per source, named after the source's whole file name."""
    if not present():
        pytest.skip(ABSENT)
    folder = Path(tempfile.mkdtemp(prefix="vnplan-store-corpus-"))
    for source in SOURCES:
        (folder / f"{source.name}.json").write_text(to_json(convert(source)), encoding="utf-8")
    return folder


def corpus_files() -> list[Path]:
    return sorted(corpus_dir().glob("*.json"))
