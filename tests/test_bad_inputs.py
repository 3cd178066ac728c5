"""Bad inputs end to end: each unreadable file gets one line naming it and the reason,
exit status 1 and no JSON, in bounded time and memory; the rest of a batch still converts.

The files are built by ``bad_files`` in tmp_path. The first half of this module calls
the extraction layer in-process (fast, precise); the second half runs the real
``vnplan`` command, because a traceback, a stray temp file or a wrong exit status
only shows there.
"""
from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

import bad_files as bf
from pipeline.extract import docx as docx_extract
from pipeline.extract.docx import extract_docx
from pipeline.errors import ExtractError
from pipeline.extract.pdf import extract_pdf

convert_module = importlib.import_module("pipeline.conversion")

ROOT = Path(__file__).resolve().parents[1]
MINIMAL_PLAN = ROOT / "tests" / "fixtures" / "minimal_plan.json"
_SCRIPT = Path(sys.executable).with_name("vnplan")
VNPLAN = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "pipeline"]
TIMEOUT_S = 60  # generous: every refusal below takes well under a second
MAX_RSS_MB = 512  # a converting run of the sample peaks near 100 MB

# (builder, fragment of the reason the user must see)
REFUSED = [
    (bf.empty_pdf, "file is empty"),  # zero bytes named .pdf
    (bf.empty_docx, "file is empty"),  # zero bytes named .docx
    (bf.truncated_pdf, "corrupt or truncated PDF"),  # first 40% of a real PDF: no xref, no trailer
    (bf.truncated_docx, "corrupt or truncated DOCX"),  # first 40% of a real DOCX: zip central directory gone
    (bf.text_as_pdf, "not a PDF file (no %PDF header)"),  # a text file named .pdf
    (bf.pdf_as_docx, "not a DOCX file (looks like a PDF)"),  # the name says Word, the bytes say PDF
    (bf.docx_as_pdf, "not a PDF file (looks like a Word document)"),  # and the other way round
    (bf.png_as_pdf, "not a PDF file"),  # an image named .pdf
    (bf.text_file, "unsupported file type '.txt'"),  # neither extension nor magic bytes match
    (bf.encrypted_pdf, "encrypted PDF (password required)"),  # user password set
    (bf.zip_bomb_docx, "DOCX too large when decompressed"),  # 250 MB of spaces in a 0.3 MB zip
    (bf.doctype_docx, "unsafe DOCX: word/document.xml declares a DOCTYPE"),  # billion laughs + external entity
    (bf.doctype_in_styles_docx, "unsafe DOCX: word/styles.xml declares a DOCTYPE"),  # the same in another part
    (bf.plain_zip_docx, "corrupt DOCX: missing word/document.xml"),  # a zip, but not a Word package
    (bf.legacy_doc, "legacy .doc"),  # Word 97 file renamed .docx
    (bf.blank_pages_pdf, "no text layer"),  # 500 pages with nothing on them
    (bf.image_only_pdf, "no text layer (scanned"),  # one scanned picture, no characters
    (bf.directory, "is a directory"),  # a folder given as FILE
    (bf.missing, "file not found"),  # a path that does not exist
]
IDS = [make.__name__ for make, _ in REFUSED]


# --- in-process: the extraction layer ---------------------------------------------------------


@pytest.mark.parametrize(("make", "reason"), REFUSED, ids=IDS)
def test_extract_refuses(tmp_path, make, reason):
    path = make(tmp_path)
    with pytest.raises(ExtractError) as caught:
        convert_module.extract(path)
    assert reason in caught.value.reason
    assert "\n" not in caught.value.reason


@pytest.mark.parametrize(("name", "head", "expected"), [
    ("a.pdf", b"%PDF-1.7\n", "pdf"),  # the ordinary case
    ("a.docx", b"PK\x03\x04", "docx"),  # the ordinary case
    ("A.PDF", b"%PDF-1.4", "pdf"),  # extensions are case-insensitive
    ("scan.bin", b"%PDF-1.4", "pdf"),  # an unknown extension: the magic bytes decide
    ("noext", b"PK\x03\x04", "docx"),  # no extension: the magic bytes decide
    ("a.pdf", b"PK\x03\x04", "pdf"),  # the extension breaks ties; extract() then says "looks like a Word document"
    ("a.docx", b"%PDF-1.4", "docx"),  # and check_package says "looks like a PDF"
])
def test_detect_format(name, head, expected):
    assert convert_module.detect_format(Path(name), head) == expected


@pytest.mark.parametrize(("name", "head", "reason"), [
    ("a.pdf", b"", "file is empty"),  # nothing to sniff
    ("a.txt", b"hello", "unsupported file type '.txt'"),  # plain text
    ("a", b"\x89PNG\r\n", "unsupported file type '(no extension)'"),  # an image without a name hint
])
def test_detect_format_refuses(name, head, reason):
    with pytest.raises(ExtractError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        convert_module.detect_format(Path(name), head)


@pytest.mark.parametrize(("make", "reason"), [
    (bf.encrypted_pdf, "encrypted PDF (password required)"),  # pdfplumber wraps PDFPasswordIncorrect
    (bf.truncated_pdf, "corrupt or truncated PDF (PSEOF"),  # pdfplumber wraps PSEOF
    (bf.text_as_pdf, "not a PDF file"),  # extract_pdf checks the header itself
    (bf.empty_pdf, "file is empty"),  # and the size
])
def test_extract_pdf_reasons(tmp_path, make, reason):
    with pytest.raises(ExtractError) as caught:
        extract_pdf(make(tmp_path))
    assert caught.value.reason.startswith(reason)


@pytest.mark.parametrize(("make", "reason"), [
    (bf.truncated_docx, "corrupt or truncated DOCX (damaged zip archive)"),  # zip without its central directory
    (bf.pdf_as_docx, "not a DOCX file (looks like a PDF)"),  # check_package sniffs the header
    (bf.plain_zip_docx, "corrupt DOCX: missing word/document.xml"),  # zip without the main part
])
def test_extract_docx_reasons(tmp_path, make, reason):
    with pytest.raises(ExtractError) as caught:
        extract_docx(make(tmp_path))
    assert reason in caught.value.reason


def test_oversized_file_refused_before_reading(tmp_path, monkeypatch):
    """A file over the size limit is refused from its size alone, never read into memory."""
    monkeypatch.setattr(convert_module, "MAX_FILE_BYTES", 1024)
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b" " * 4096)
    with pytest.raises(ExtractError, match=r"file too large \(0\.0 MB; limit 0\.0 MB\)"):
        convert_module.extract(path)


def test_zip_bomb_refused_before_inflating(tmp_path, monkeypatch):
    """A small bomb against a lowered limit: refused from the zip directory alone."""
    monkeypatch.setattr(docx_extract, "MAX_UNCOMPRESSED_BYTES", 2**20)
    path = bf.zip_bomb_docx(tmp_path, size=4 * 2**20)
    with pytest.raises(ExtractError, match="DOCX too large when decompressed"):
        extract_docx(path)


def test_owner_password_only_pdf_is_read(tmp_path):
    """An empty user password opens the file; the owner password only restricts printing."""
    extracted = extract_pdf(bf.owner_only_pdf(tmp_path))
    assert "KE HOACH" in [getattr(block, "text", None) for block in extracted.blocks]


def test_blank_pages_fail_fast(tmp_path):
    """500 empty pages: refused as having no text, without minutes of layout work."""
    path = bf.blank_pages_pdf(tmp_path)
    start = time.monotonic()
    with pytest.raises(ExtractError, match="no text layer"):
        extract_pdf(path)
    assert time.monotonic() - start < 20


# --- the command line ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float


def vnplan(*args: object, cwd: Path) -> Run:
    """Run the command with a hard timeout and measure its time and peak memory.

    Linux counts the parent's size at fork in a child's peak, so the memory is an upper bound.
    """
    out, err = cwd / ".stdout", cwd / ".stderr"
    start = time.monotonic()
    with out.open("w") as stdout, err.open("w") as stderr:
        proc = subprocess.Popen([*VNPLAN, *map(str, args)], stdout=stdout, stderr=stderr, cwd=cwd)
        watchdog = threading.Timer(TIMEOUT_S, proc.kill)
        watchdog.start()
        _, status, usage = os.wait4(proc.pid, 0)
        watchdog.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    assert seconds < TIMEOUT_S, f"vnplan {args} killed after {TIMEOUT_S} s"
    run = Run(proc.returncode, out.read_text(), err.read_text(), seconds, usage.ru_maxrss / 1024)
    out.unlink()
    err.unlink()
    assert "Traceback" not in run.stderr
    assert run.max_rss_mb < MAX_RSS_MB
    return run


def _files_in(folder: Path) -> list[str]:
    """Everything in the output folder, hidden temp files included."""
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize(("make", "reason"), REFUSED, ids=IDS)
def test_cli_refuses_with_one_line(tmp_path, make, reason):
    path = make(tmp_path)
    out = tmp_path / "out"
    run = vnplan("convert", path, "-o", out, cwd=tmp_path)
    assert run.code == 1
    [line] = run.stderr.splitlines()
    assert line.startswith(f"vnplan: {path}: ")
    assert reason in line
    assert _files_in(out) == []


def test_cli_bad_file_writes_nothing_to_stdout(tmp_path):
    """With -o - a refused file must not leave half a document on stdout."""
    run = vnplan("convert", bf.encrypted_pdf(tmp_path), "-o", "-", cwd=tmp_path)
    assert (run.code, run.stdout) == (1, "")


def test_cli_owner_password_only_pdf_converts(tmp_path):
    out = tmp_path / "out"
    run = vnplan("convert", bf.owner_only_pdf(tmp_path), "-o", out, cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert _files_in(out) == ["owner-only.json"]
    assert vnplan("validate", out / "owner-only.json", cwd=tmp_path).code == 0


def test_cli_batch_keeps_going(tmp_path):
    """good.docx bad.pdf good.pdf: both good ones written, the bad one named, exit 1."""
    good_docx, bad, good_pdf = bf.good_docx(tmp_path), bf.image_only_pdf(tmp_path), bf.good_pdf(tmp_path)
    out = tmp_path / "out"
    run = vnplan("convert", good_docx, bad, good_pdf, "-o", out, cwd=tmp_path)
    assert run.code == 1
    assert _files_in(out) == ["good-pdf.json", "good-word.json"]
    errors = [line for line in run.stderr.splitlines() if line.startswith("vnplan:")]
    # the reason goes on with what OCR made of the picture, or which package OCR needs (test_ocr.py)
    assert len(errors) == 1 and errors[0].startswith(f"vnplan: {bad}: no text layer (scanned or image-only PDF)")
    for name in ("good-pdf.json", "good-word.json"):
        assert json.loads((out / name).read_text(encoding="utf-8"))["tasks"]


@pytest.mark.parametrize(("args", "expected"), [
    ((), "usage: vnplan"),  # no command at all
    (("frobnicate",), "invalid choice: 'frobnicate'"),  # unknown subcommand
    (("convert",), "the following arguments are required: FILE"),  # convert with no files
    (("validate",), "the following arguments are required: JSON"),  # validate with no files
])
def test_cli_usage_errors(tmp_path, args, expected):
    run = vnplan(*args, cwd=tmp_path)
    assert run.code == 2
    assert "usage: vnplan" in run.stderr
    assert expected in run.stderr


def test_cli_not_a_plan_converts_with_warnings(tmp_path):
    """Ordinary prose: converted to what it has, flagged, and still valid JSON."""
    out = tmp_path / "out"
    run = vnplan("convert", bf.not_a_plan_docx(tmp_path), "-o", out, cwd=tmp_path)
    assert run.code == 0, run.stderr
    doc = json.loads((out / "letter.json").read_text(encoding="utf-8"))
    codes = {w["code"] for w in doc["warnings"]}
    assert {"no_type_line", "no_closing"} <= codes
    assert doc["tasks"] == []
    assert vnplan("validate", out / "letter.json", cwd=tmp_path).code == 0


def test_cli_validate(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": "1.0", ', encoding="utf-8")
    run = vnplan("validate", broken, cwd=tmp_path)
    assert run.code == 1
    [line] = run.stderr.splitlines()
    assert line.startswith(f"vnplan: {broken}: cannot read JSON")

    run = vnplan("validate", MINIMAL_PLAN, cwd=tmp_path)
    assert (run.code, run.stdout.strip()) == (0, f"{MINIMAL_PLAN}: valid")

    doc = json.loads(MINIMAL_PLAN.read_text(encoding="utf-8"))
    doc["document"]["issued_date"] = "2 tháng 10"
    del doc["source"]["sha256"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    run = vnplan("validate", bad, cwd=tmp_path)
    assert run.code == 1
    lines = run.stdout.splitlines()
    assert any("document.issued_date" in line for line in lines)
    assert any("source" in line and "sha256" in line for line in lines)
    assert all(line.startswith(f"{bad}: ") for line in lines)
