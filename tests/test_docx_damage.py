"""Issue 25: a DOCX with two word/document.xml entries converted silently from the last one.
It still does (every reader takes the last copy), and a warning now says which part was doubled."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline.conversion import convert
from test_batch import copy_sample


def with_two_main_parts(src: Path, dst: Path, first: bytes) -> Path:
    """`src` with an extra word/document.xml (`first`) listed before its own."""
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new:
        new.writestr("word/document.xml", first)
        for info in old.infolist():
            new.writestr(info, old.read(info.filename))
    return dst


def test_two_main_parts_read_the_last_and_say_so(tmp_path):
    src = copy_sample(tmp_path / "plan.docx")
    with pytest.warns(UserWarning, match="Duplicate name"):
        doubled = with_two_main_parts(src, tmp_path / "doubled.docx", b"<not-a-document/>")
    doc, plain = convert(doubled, ocr="never"), convert(src, ocr="never")
    assert doc["tasks"] == plain["tasks"]
    warnings = [w["message"] for w in doc["warnings"] if w["code"] == "docx_part_duplicate"]
    assert warnings == ["word/document.xml is in the package 2 times: only the last copy was read"]


def test_parts_are_parsed_once_not_also_by_python_docx(tmp_path, monkeypatch):
    """Issue 25: a 20,000-row formatted table peaked at 1.52 GB: python-docx parsed every XML part
    into its own element classes on opening, and the reader parsed the bytes again. Counted here:
    python-docx parses no part; the table's memory is the reader's one plain tree (bench:
    bench/bench_scaling.py)."""
    import docx
    from docx.opc import part as opc_part

    parsed = []
    real = opc_part.parse_xml
    monkeypatch.setattr(opc_part, "parse_xml", lambda blob: parsed.append(len(blob)) or real(blob))
    convert(copy_sample(tmp_path / "plan.docx"), ocr="never")
    assert parsed == []
    docx.Document()  # python-docx itself still builds its element classes
    assert parsed
