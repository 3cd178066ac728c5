"""No file left unread (issue 21, point 4): Word 97 .doc files read through LibreOffice, every
file `batch` is given in its report, long scans read whole (test_ocr.py), and a text layer in
another language read as it is, with a warning naming the language.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.cli import main
from pipeline.conversion import ConversionError, convert
from pipeline.extract import doc as legacy
from pipeline.extract.page_choice import other_language
from real_fixtures import ARCHIVE, real

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOC = "044_QD_qd-ubnd-hop-nhat-doi-ten-hoi-draft.doc"  # a Word 97 decision (archive README)
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason=f"LibreOffice not installed ({legacy.PACKAGE})")


@pytest.fixture
def own_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Temporary folders made under one folder of the test's, to see that none is left behind."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def no_soffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy, "SOFFICE_NAMES", ("vnplan-no-such-soffice",))


@needs_soffice
def test_word97_doc_converts(own_tmp: Path) -> None:
    """All 15 .doc files of a real archive were refused ("legacy .doc"): read through LibreOffice now."""
    doc = convert(real(DOC, ARCHIVE))
    assert doc["document"]["type"] == "quyet_dinh" and doc["source"]["filename"] == DOC
    assert doc["sections"] and doc["document"]["signer"] is not None
    assert list(own_tmp.iterdir()) == []  # LibreOffice's folder (its DOCX, its profile) is gone


@needs_soffice
def test_damaged_doc_fails_in_one_line_and_leaves_nothing(tmp_path: Path, own_tmp: Path) -> None:
    bad = tmp_path / "broken.doc"
    bad.write_bytes(OLE2 + bytes(4096))
    with pytest.raises(ConversionError) as info:
        convert(bad)
    assert "\n" not in info.value.reason and "LibreOffice" in info.value.reason
    assert list(own_tmp.iterdir()) == []


def test_doc_without_libreoffice_names_the_package(tmp_path: Path, no_soffice: None) -> None:
    old = tmp_path / "old.doc"
    old.write_bytes(OLE2 + bytes(4096))
    with pytest.raises(ConversionError, match=r"soffice not found on PATH; install the package libreoffice-writer-nogui"):
        convert(old)


def test_docx_saved_under_a_doc_name_is_read_as_docx(tmp_path: Path, no_soffice: None) -> None:
    """The archive's 040 is an OOXML file named .doc: no LibreOffice needed."""
    path = tmp_path / "plan.doc"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "samples" / "plan-196-KH-UBND.docx", path)
    assert convert(path)["source"]["format"] == "docx"


def test_batch_reports_every_file(tmp_path: Path, no_soffice: None, capsys: pytest.CaptureFixture) -> None:
    """A folder of .doc files gave "0 converted, 0 failed", exit 0: each is in the report now,
    failed with its reason where LibreOffice is absent (exit 1), and other files are listed as ignored."""
    root = tmp_path / "in"
    root.mkdir()
    for name in ("a.doc", "b.doc"):
        (root / name).write_bytes(OLE2 + bytes(4096))
    (root / "notes.txt").write_text("not a document", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(root), "-o", str(out), "--jobs", "1"]) == 1
    files = {e["path"]: e for e in json.loads((out / "_report.json").read_text(encoding="utf-8"))["files"]}
    assert {p: e["status"] for p, e in files.items()} == {"a.doc": "failed", "b.doc": "failed", "notes.txt": "ignored"}
    assert "libreoffice-writer-nogui" in files["a.doc"]["error"]
    assert files["notes.txt"]["error"] == "not a PDF, DOCX or DOC file: not read"
    err = capsys.readouterr().err
    assert "a.doc" in err and "ignored notes.txt" in err


# --- a text layer in another language -----------------------------------------------------

ENGLISH = [
    "The Ministry of Home Affairs is responsible for the implementation of this Decision.",
    "Provincial People's Committees shall report the results to the Prime Minister",
    "before 30 June. The plan covers the reform of administrative procedures, which",
    "will be carried out by all agencies with their own resources and in cooperation",
    "with other ministries that are named in the annex of this document.",
]


def _english_pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for i, line in enumerate(ENGLISH):
        pdf.drawString(72, 770 - 16 * i, line)
    pdf.save()
    return path


# (text, the language it is read as): mojibake and garbled OCR are no language.
LANGUAGE_CASES = [
    (" ".join(ENGLISH), "English"),  # an English translation
    ("Le ministère est chargé de la mise en œuvre de cette décision et les comités populaires des provinces "
     "sont invités à rendre compte des résultats avant la fin du mois pour que le plan soit suivi", "French"),
    # a garbled OCR layer of a Vietnamese letter (archive 021): no other language's words
    ("Uy ban nh6n ddn tinh nh4n duoc C6ng vin s6 ngdy cira Uy ban M4t trQn T6 qui5c ViQt Nam tinh vA viQc dO "
     "nghi c6ng nh$n chric danh c6c HQi quAn chring do D6ng Nhd nudc giao tthi€m vp", None),
    # a shifted Unicode map (tests/scanned/mojibake.py): "SỞ CÔNG THƯƠNG"
    ("6Ӣ CÔNG 7+ѬѪ1* " * 12, None),
]


@pytest.mark.parametrize(("text", "language"), LANGUAGE_CASES)
def test_other_language(text: str, language: str | None) -> None:
    assert other_language(text) == language


def test_english_pdf_is_read_with_a_warning(tmp_path: Path) -> None:
    """Refused as "not Vietnamese, wrong Unicode map" though its text layer was fine."""
    doc = convert(_english_pdf(tmp_path / "english.pdf"), ocr="never")
    [warning] = [w for w in doc["warnings"] if w["code"] == "text_other_language"]
    assert "English: page(s) 1" in warning["message"]
    assert "Ministry of Home Affairs" in json.dumps(doc, ensure_ascii=False)
