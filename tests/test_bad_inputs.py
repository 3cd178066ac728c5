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
from pipeline.extract.docx import package as docx_package
from pipeline.extract.docx.reader import extract_docx
from pipeline.errors import ExtractError
from pipeline.extract.pdf.reader import extract_pdf
from real_fixtures import real

convert_module = importlib.import_module("pipeline.conversion")

ROOT = Path(__file__).resolve().parents[1]
MINIMAL_PLAN = ROOT / "tests" / "fixtures" / "minimal_plan.json"
_SCRIPT = Path(sys.executable).with_name("vnplan")
VNPLAN = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "pipeline"]
TIMEOUT_S = 900  # a hang guard, far above normal (every refusal takes about a second), not a speed test
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
    (bf.doctype_utf16_docx, "unsafe DOCX: word/document.xml declares a DOCTYPE"),  # UTF-16 without BOM hides it from a byte search
    (bf.doctype_odd_part_docx, "unsafe DOCX: customXml/item9.bin declares a DOCTYPE"),  # a part not named .xml
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
    monkeypatch.setattr(docx_package, "MAX_UNCOMPRESSED_BYTES", 2**20)
    path = bf.zip_bomb_docx(tmp_path, size=4 * 2**20)
    with pytest.raises(ExtractError, match="DOCX too large when decompressed"):
        extract_docx(path)


def test_owner_password_only_pdf_is_read(tmp_path):
    """An empty user password opens the file; the owner password only restricts printing."""
    extracted = extract_pdf(bf.owner_only_pdf(tmp_path))
    assert "KE HOACH" in [getattr(block, "text", None) for block in extracted.blocks]


def test_blank_pages_fail_fast(tmp_path, monkeypatch):
    """500 empty pages: refused as having no text before any layout work (no clock: the
    layout step is replaced by one that fails the test if it is reached)."""
    from pipeline.extract.pdf import reader as pdf_module

    def layout_reached(*args, **kwargs):
        raise AssertionError("layout analysis ran on a PDF without text")
    monkeypatch.setattr(pdf_module, "page_blocks", layout_reached)
    path = bf.blank_pages_pdf(tmp_path)
    with pytest.raises(ExtractError, match="no text layer"):
        extract_pdf(path)


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
    assert line.startswith(f"vnplan: {broken}: not valid JSON (line 1:")

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


# --- limits on one file (issue 15, findings 6 and 11) -------------------------------------------

# (builder, fragment of the reason): files of a few kilobytes that cost gigabytes or hours
# without the caps of pdf_guards; run through the command line, under its watchdog.
BOMBS = [
    (bf.flate_bomb_pdf, "PDF stream too large when decompressed (over 64 MB)"),  # 5 KB -> 1 GB behind two Flate filters
    (bf.nested_forms_pdf, "page content too complex (over 10,000 drawings of forms"),  # 10**8 draws via nested forms
]


@pytest.mark.parametrize(("make", "reason"), BOMBS, ids=[make.__name__ for make, _ in BOMBS])
def test_cli_refuses_bombs_with_one_line(tmp_path, make, reason):
    path = make(tmp_path)
    assert path.stat().st_size < 8 * 1024
    out = tmp_path / "out"
    run = vnplan("convert", path, "-o", out, cwd=tmp_path)
    assert run.code == 1
    [line] = run.stderr.splitlines()
    assert line.startswith(f"vnplan: {path}: ") and reason in line, line
    assert _files_in(out) == []


@pytest.mark.parametrize(("make", "caps", "reason"), [
    # a 4 MB inflation against a 1 MB cap: stopped while inflating
    (lambda folder: bf.flate_bomb_pdf(folder, size=4 * 2**20), {"stream_bytes": 2**20}, "too large when decompressed"),
    # 10**4 draws of ten operators against a cap of 20,000 objects
    (lambda folder: bf.nested_forms_pdf(folder, fanout=10, depth=4), {"page_objects": 20_000}, "drawing operations"),
    # the same against a cap of 500 form drawings
    (lambda folder: bf.nested_forms_pdf(folder, fanout=10, depth=4), {"page_forms": 500}, "drawings of forms"),
])
def test_pdf_caps_stop_pdfminer(tmp_path, make, caps, reason):
    """The caps work inside pdfminer: lowered here, so small bombs show it in-process."""
    pdf_guards = importlib.import_module("pipeline.extract.pdf.guards")
    path = make(tmp_path)
    pdf_guards.set_caps(**caps)
    try:
        with pytest.raises(ExtractError, match=reason):
            extract_pdf(path)
    finally:
        pdf_guards.set_caps(pdf_guards.MAX_STREAM_BYTES, pdf_guards.MAX_PAGE_OBJECTS, pdf_guards.MAX_PAGE_FORMS)


def test_pdf_caps_leave_ordinary_files_alone(tmp_path):
    """Below the caps pdfminer reads as before: the small bombs convert when the caps are high."""
    path = bf.nested_forms_pdf(tmp_path, fanout=3, depth=3)  # 27 draws
    assert "KE HOACH" in [getattr(block, "text", None) for block in extract_pdf(path).blocks]


def test_damaged_flate_stream_inflates_what_it_can():
    """A stream cut mid-way gives the bytes before the cut, in linear time (pdfminer's own is quadratic)."""
    import zlib
    pdf_guards = importlib.import_module("pipeline.extract.pdf.guards")
    data = zlib.compress(b"BT (KE HOACH) Tj ET\n" * 50_000)
    assert pdf_guards.inflate_damaged(data[: len(data) // 2]).startswith(b"BT (KE HOACH) Tj ET\n" * 100)


@pytest.mark.parametrize(("option", "make", "reason"), [
    # 1 MB more than the warm process: the sample cannot be read
    (("--max-memory", "1"), bf.good_pdf, "out of memory (limit 1 MB; raise it with --max-memory)"),
    # a second of CPU for 200 pages of 400,000 operators each (under the page caps; minutes of work)
    (("--max-cpu", "1"), bf.busy_pages_pdf, "CPU time limit exceeded (1 s; raise it with --max-cpu)"),
])
def test_cli_limits_named(tmp_path, option, make, reason):
    """A limit hit is named, with the option that raises it: not SIGSEGV, an exit status or a traceback."""
    path = make(tmp_path)
    run = vnplan("convert", *option, path, "-o", tmp_path / "out", cwd=tmp_path)
    assert run.code == 1
    assert run.stderr.splitlines() == [f"vnplan: {path}: {reason}"]


@pytest.mark.parametrize("make", [bf.no_settings_docx, bf.no_theme_docx], ids=["settings.xml", "theme1.xml"])
def test_docx_missing_optional_part_is_read(tmp_path, make):
    """Word opens a package whose relationships name a missing settings or theme part; so do we, and say so."""
    extracted = extract_docx(make(tmp_path))
    assert [block.text for block in extracted.blocks][:2] == ["ỦY BAN NHÂN DÂN", "KẾ HOẠCH"]
    [missing] = [w for w in extracted.warnings if w.code == "docx_part_missing"]
    assert "word/" in missing.message


@pytest.mark.parametrize(("data", "expected"), [
    (b'<?xml version="1.0" encoding="UTF-8"?><a/>', '<?xml version="1.0" encoding="UTF-8"?><a/>'),  # plain UTF-8
    ("<a>ế</a>".encode("utf-16-le"), "<a>ế</a>"),  # UTF-16 little-endian without BOM
    ("<a>ế</a>".encode("utf-16-be"), "<a>ế</a>"),  # big-endian without BOM
    ("<a>ế</a>".encode("utf-16"), "<a>ế</a>"),  # with a BOM
    ("<a>ế</a>".encode("utf-32-le"), "<a>ế</a>"),  # UTF-32 without BOM
    (b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE a+AD4-<a/>',
     '<?xml version="1.0" encoding="UTF-7"?><!DOCTYPE a><a/>'),  # the declared encoding: "<" may be "+ADw-"
    ('<?xml version="1.0" encoding="cp500"?><a/>'.encode("cp500"), '<?xml version="1.0" encoding="cp500"?><a/>'),  # EBCDIC
    (b"\xff\xd8\xff\xe0JFIF", None),  # a JPEG is not XML
])
def test_decode_xml(data, expected):
    assert docx_package.decode_xml(data) == expected


REAL_DOCX = "01_KH-UBND_LamDong_CCHC-2026-2030_draft-2026-03.docx"


@pytest.mark.parametrize("megabytes", [2, 4, 6, 8, 10])
def test_cli_docx_out_of_memory_is_named(tmp_path, megabytes):
    """Finding 6: under a memory limit lxml fails with "unknown error" and the file was called
    corrupt ("invalid XML (unknown error)"). Whatever the allowance, it converts or says memory."""
    path = real(REAL_DOCX)  # outside the repository: named by its whole path
    run = vnplan("convert", "--max-memory", megabytes, path, "-o", tmp_path / "out", cwd=tmp_path)
    assert run.code in (0, 1), run.stderr
    if run.code == 1:
        assert run.stderr.splitlines() == [
            f"vnplan: {path}: out of memory (limit {megabytes} MB; raise it with --max-memory)"]
