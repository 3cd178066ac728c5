"""Golden header fields of real archive documents (../shared/fixtures/archive, never copied here).

tests/golden/archive/<file stem>.expected.json holds, for one document, what it prints: type,
type_source, subject, number, code, symbol, date, issuer and parent, signer's name and title (and,
where a golden names them, the signer's authority, on whose behalf, rank and other posts).
Each was written by reading the document (python-docx text, the PDF's text layer, a scan's page
images) and the archive README's "printed number and date" column (a signed e-copy's number and
day are stamped by its e-signature), never from the converter's output. Ten types: công văn, tờ
trình, báo cáo, kế hoạch, quyết định, thông báo, hướng dẫn (the Party's), phiếu trình, giấy mời,
nghị quyết (a scan: the archive has no born-digital one, and no law; "Luật số:" is covered in
test_document_types.py). Legacy .doc files are left out (they need LibreOffice).

One test per document field, so a failure names it; what the converter still gets wrong is in
KNOWN_BUGS, run as xfail(strict=True) with the reason.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pipeline.conversion import convert
from real_fixtures import ARCHIVE, real
from test_golden import first_difference, show

GOLDEN_DIR = Path(__file__).parent / "golden" / "archive"
GOLDENS = {p.name.removesuffix(".expected.json"): p for p in sorted(GOLDEN_DIR.glob("*.expected.json"))}
# Scans are read by OCR: minutes, not seconds.
SCANS = {stem for stem in GOLDENS if stem.endswith("-scan")}

# "<file number>-<field>" -> why the converter is wrong (checked against the document).
KNOWN_BUGS: dict[str, str] = {
}
FIELDS = ("type", "type_name", "type_source", "subject", "code", "number", "symbol", "issued_date",
          "issuer", "parent_issuer", "signer")


@cache
def golden(stem: str) -> dict:
    return json.loads(GOLDENS[stem].read_text(encoding="utf-8"))


@cache
def converted(stem: str) -> dict:
    path = real(golden(stem)["source"], ARCHIVE)
    return convert(path, ocr="auto" if stem in SCANS else "never")


def project(meta: dict, field: str, expected: Any = None) -> Any:
    """A document field as the golden pins it down: agencies by name; the signer's name and title,
    and its authority, on whose behalf, rank and other posts where the golden names them."""
    value = meta.get(field)
    if field in ("issuer", "parent_issuer"):
        return value.get("name") if value else None
    if field == "signer":
        keys = ["name", "title", *(k for k in (expected or {}) if k not in ("name", "title"))]
        return {key: (value or {}).get(key) for key in keys}
    return value


def _params() -> list:
    out = []
    for stem in GOLDENS:
        short = stem.split("_", 1)[0]
        for field in FIELDS:
            test_id = f"{short}-{field}"
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[test_id])] if test_id in KNOWN_BUGS else []
            if stem in SCANS:
                marks.append(pytest.mark.slow)
            out.append(pytest.param(stem, field, id=test_id, marks=marks))
    return out


def test_known_bugs_name_golden_fields() -> None:
    """Every known bug names a document and field that exist (a stale entry would never run)."""
    ids = {f"{stem.split('_', 1)[0]}-{field}" for stem in GOLDENS for field in FIELDS}
    assert set(KNOWN_BUGS) <= ids


def test_goldens_cover_the_types_issue_21_asks_for() -> None:
    types = {golden(stem)["document"]["type"] for stem in GOLDENS}
    wanted = {"cong_van", "to_trinh", "bao_cao", "thong_bao", "quyet_dinh", "ke_hoach", "nghi_quyet"}
    assert len(GOLDENS) >= 12 and wanted <= types and len(types) >= 6
    # The archive holds no law: a law in a real law's layout is a variant, built and checked in three
    # formats (tests/variants/catalog_office.law_without_recipients).
    from variants.catalog import variants
    assert "luat" in {v.expected.document.get("type") for v in variants()}


@pytest.mark.parametrize(("stem", "field"), _params())
def test_document_field(stem: str, field: str) -> None:
    expected = golden(stem)["document"][field]
    got = project(converted(stem)["document"], field, expected)
    diff = first_difference(expected, got)
    assert diff is None, f"{stem}: document.{field}: {diff}\n expected: {show(expected)}\n      got: {show(got)}"
