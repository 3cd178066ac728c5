"""Real scans (the scanned decision 707 and the scans of the archive): every header field either
right or warned. The goldens (tests/golden/scans/headers.json) were written from the page images.

A field is right when it equals the golden; else the output must carry a warning pointing at it
(`/document/<field>`; the number's also at `/document/code`), which says a person must look.
Each file is read by Tesseract (minutes in all): marked slow.
"""
from __future__ import annotations

import json
import os

import pytest

from pipeline.conversion import convert
from pipeline.extract.ocr import reader as ocr
from real_fixtures import ARCHIVE, REAL, ROOT, real

GOLDEN = json.loads((ROOT / "tests" / "golden" / "scans" / "headers.json").read_text(encoding="utf-8"))
FILES = [name for name in GOLDEN if not name.startswith("_")]
FIELDS = ("type", "number", "symbol", "issued_date", "title", "signer")


def _value(doc: dict, field: str):
    value = doc["document"].get(field)
    return (value or {}).get("name") if field == "signer" else value


@pytest.fixture(scope="module")
def converted() -> dict[str, dict]:
    if not ocr.tesseract_ready():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but tesseract with Vietnamese data is missing: {ocr.INSTALL}")
        pytest.skip(f"tesseract with Vietnamese data is not installed ({ocr.INSTALL})")
    return {}


def _doc(name: str, converted: dict[str, dict]) -> dict:
    if name not in converted:
        folder = REAL if GOLDEN[name]["folder"] == "real" else ARCHIVE
        converted[name] = convert(real(name, folder))
    return converted[name]


CASES = [(name, field) for name in FILES for field in FIELDS if field in GOLDEN[name]]


@pytest.mark.slow
@pytest.mark.parametrize("name, field", CASES, ids=[f"{n[:3]}-{f}" for n, f in CASES])
def test_header_field_right_or_warned(name: str, field: str, converted: dict[str, dict]) -> None:
    doc = _doc(name, converted)
    got, want = _value(doc, field), GOLDEN[name][field]
    pointers = {f"/document/{field}"} | ({"/document/code"} if field in ("number", "symbol") else set())
    warned = [w["code"] for w in doc["warnings"] if w.get("where") in pointers]
    assert got == want or warned, f"{field}: {got!r} != {want!r}, and no warning points at it"
