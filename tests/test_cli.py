"""The command line's conventions, end to end: every failure is one line on stderr and a
documented exit status, names and messages are escaped, -v/-q, `-` for stdin, plain
progress lines off a terminal, the data override, --version, a lean PDF start-up.

Each failure mode of issue 9 ("Why") and issue 15 (items 9, 10) has a test here that
runs the real command in a subprocess: a traceback, a second line or a raw escape
code only shows there.
"""
from __future__ import annotations

import errno
import importlib
import os
import json
import logging
import re
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import bad_files as bf
from pipeline.cli import messages
from pipeline.output.serialize import to_json

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PDF = ROOT / "samples" / "plan-196-KH-UBND.pdf"
SAMPLE_DOCX = ROOT / "samples" / "plan-196-KH-UBND.docx"
MINIMAL_PLAN = ROOT / "tests" / "fixtures" / "minimal_plan.json"
PDF_FLIPS = ROOT / "tests" / "fixtures" / "damaged" / "sample_pdf_flips.json"
VNPLAN = [sys.executable, "-m", "pipeline"]
# A hang guard only, far above any normal run (a conversion takes seconds): not a speed test.
HANG_GUARD_S = 900
ESC = "\x1b"


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


def vnplan(*args: object, cwd: Path, stdin: bytes | None = None, env: dict | None = None) -> Run:
    proc = subprocess.run([*VNPLAN, *map(str, args)], cwd=cwd, input=stdin, capture_output=True,
                          timeout=HANG_GUARD_S, env=env, check=False)
    run = Run(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))
    assert "Traceback" not in run.stderr, run.stderr
    return run


def one_failure_line(run: Run, subject: str) -> str:
    """The single stderr line, checked to be `vnplan: SUBJECT: reason`; returns the reason."""
    assert len(run.lines) == 1, run.stderr
    prefix = f"vnplan: {subject}: "
    assert run.lines[0].startswith(prefix), run.lines[0]
    return run.lines[0][len(prefix):]


def free_port() -> int:
    """A TCP port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def plan_json(tmp_path: Path, name: str = "plan.json", **changes) -> Path:
    doc = json.loads(MINIMAL_PLAN.read_text(encoding="utf-8"))
    doc.update(changes)
    path = tmp_path / name
    path.write_text(to_json(doc), encoding="utf-8")
    return path


# ---- broken pipe ----------------------------------------------------------------------------

def test_broken_pipe_is_one_line(tmp_path):
    """`vnplan convert -o - x.pdf y.docx | head -c 10`: the reader leaves after 10 bytes.

    The first JSON (~90 KB) is larger than a pipe's buffer (64 KB), so the write meets the
    closed pipe for certain."""
    proc = subprocess.Popen([*VNPLAN, "convert", "-o", "-", str(SAMPLE_PDF), str(SAMPLE_DOCX)], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert len(proc.stdout.read(10)) == 10
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=HANG_GUARD_S) == 1
    assert stderr.splitlines() == ["vnplan: stdout: broken pipe (the reading command closed it)"]


# ---- databases and schedulers that do not answer --------------------------------------------

@pytest.mark.parametrize("command", ["load", "export"])
def test_unreachable_postgresql_is_one_line(tmp_path, command):
    url = f"postgresql+psycopg://vnplan:secret@127.0.0.1:{free_port()}/plans"
    plan = plan_json(tmp_path)
    args = ["load", plan, "--db", url] if command == "load" else ["export", "--tasks", "t.csv", "--from-db", url]
    run = vnplan(*args, cwd=tmp_path)
    assert run.code == 1
    reason = one_failure_line(run, url.replace("secret", "***"))  # the password never printed
    assert reason.startswith("database unreachable (") and "refused" in reason


def test_missing_database_driver_is_one_line(tmp_path):
    run = vnplan("load", plan_json(tmp_path), "--db", "mysql+nosuchdriver://u@h/db", cwd=tmp_path)
    assert run.code == 1 and len(run.lines) == 1 and run.lines[0].startswith("vnplan: mysql+nosuchdriver://u@h/db: ")


def test_unreachable_dask_scheduler_is_one_line(tmp_path):
    pytest.importorskip("distributed")
    (tmp_path / "in").mkdir()
    bf.good_docx(tmp_path / "in")
    address = f"tcp://127.0.0.1:{free_port()}"
    run = vnplan("batch", "in", "-o", "out", "--executor", "dask", "--scheduler", address,
                 "--scheduler-timeout", "1", cwd=tmp_path)
    assert run.code == 1
    assert one_failure_line(run, address).startswith("Dask scheduler unreachable (")


# ---- invalid JSON given to load, diff, validate ---------------------------------------------

INVALID_JSON = [
    # (file content, fragment of the reason)
    ('{"schema_version": "1.0", ', "not valid JSON"),  # cut off
    ("\xff\xfe not text", "not UTF-8"),  # binary
]


@pytest.mark.parametrize("command", ["load", "diff", "validate"])
@pytest.mark.parametrize("content, reason", INVALID_JSON, ids=["truncated", "binary"])
def test_invalid_json_is_one_line(tmp_path, command, content, reason):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content.encode("latin-1"))
    args = {"load": ["load", bad, "--db", f"sqlite:///{tmp_path / 'p.sqlite'}", "--create"],
            "diff": ["diff", bad, plan_json(tmp_path)], "validate": ["validate", bad]}[command]
    run = vnplan(*args, cwd=tmp_path)
    assert run.code == (2 if command == "diff" else 1)  # diff answers as diff(1): 2 is trouble
    failures = [line for line in run.lines if line.startswith("vnplan: ") and not line.startswith("vnplan load:")]
    assert len(failures) == 1 and failures[0].startswith(f"vnplan: {bad}: ") and reason in failures[0], run.stderr


def test_load_of_a_document_the_database_refuses_shows_no_sql(tmp_path):
    """A task without content breaks a NOT NULL column: the line says what the database said,
    never the INSERT statement nor its parameters."""
    doc = json.loads(MINIMAL_PLAN.read_text(encoding="utf-8"))
    assert doc["tasks"], "the fixture needs a task"
    doc["tasks"][0]["content"] = None
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    run = vnplan("load", bad, "--db", f"sqlite:///{tmp_path / 'p.sqlite'}", "--create", cwd=tmp_path)
    assert run.code == 1
    [line] = [line for line in run.lines if line.startswith(f"vnplan: {bad}: ")]
    assert "INSERT" not in run.stderr and "parameters" not in run.stderr.lower()


# ---- libraries that talk ----------------------------------------------------------------------

def pdf_with_bad_operators(folder: Path) -> Path:
    """A text PDF whose content stream sets a line width and a grey level to names, not numbers:
    pdfminer logs a warning for each and carries on."""
    from reportlab.pdfgen import canvas
    path = folder / "talkative.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("Helvetica", 12)
    page._code += ["/X w", "/Y g"]  # raw operators: what a careless producer writes
    page.drawString(72, 700, "KE HOACH Trien khai nhiem vu")
    page.save()
    return path


def test_pdfminer_warnings_stay_off_stderr_unless_verbose(tmp_path):
    path = pdf_with_bad_operators(tmp_path)
    quiet = vnplan("convert", path, "-o", "out", cwd=tmp_path)
    assert quiet.code == 0 and quiet.lines == [l for l in quiet.lines if l.startswith("talkative.pdf: ")]
    assert len(quiet.lines) == 1
    verbose = vnplan("-v", "convert", path, "-o", "out", cwd=tmp_path)
    assert any(line.startswith("vnplan: [pdfminer.") and "line width" in line for line in verbose.lines)


def test_third_party_records_are_one_line_when_shown(capsys):
    messages.configure_logging(1)
    try:
        logging.getLogger("lxml.demo").warning("first line\nsecond line \x1b[2J")
    finally:
        messages.configure_logging(0)
    assert capsys.readouterr().err == "vnplan: [lxml.demo] first line second line \\x1b[2J\n"


def docx_with_nul_in_xml(folder: Path) -> Path:
    """The sample DOCX with a NUL byte in word/document.xml: lxml's message runs over two lines."""
    import zipfile
    path = folder / "nul.docx"
    with zipfile.ZipFile(SAMPLE_DOCX) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>\x00", 1)
            out.writestr(item.filename, data)
    return path


def flipped_pdf(folder: Path, name: str) -> Path:
    """The sample PDF with the byte flips a seeded fuzz run found (tests/fixtures/damaged)."""
    data = bytearray(SAMPLE_PDF.read_bytes())
    for offset, value in json.loads(PDF_FLIPS.read_text())[name]:
        data[offset] = value
    path = folder / f"{name}.pdf"
    path.write_bytes(bytes(data))
    return path


DAMAGED = [
    # lxml's message holds a newline ("... out of allowed range\n, line 2 ...")
    (docx_with_nul_in_xml, "nul.docx", "corrupt DOCX: invalid XML"),
    # pdfminer's MalformedPDFException: was "internal error"
    (lambda f: flipped_pdf(f, "bbox_not_a_number"), "bbox_not_a_number.pdf", "corrupt"),
    # pdfplumber's PdfminerException on a broken dictionary: was "internal error"
    (lambda f: flipped_pdf(f, "dictionary_with_a_broken_key"), "dictionary_with_a_broken_key.pdf", "corrupt"),
    # an IndexError raised inside pdfminer's parser: the file, not a bug in vnplan
    (lambda f: flipped_pdf(f, "index_error_inside_pdfminer"), "index_error_inside_pdfminer.pdf", "corrupt or truncated PDF"),
]


@pytest.mark.parametrize("make, name, reason", DAMAGED, ids=[d[1] for d in DAMAGED])
def test_damaged_files_are_named_as_damaged(tmp_path, make, name, reason):
    make(tmp_path)
    run = vnplan("convert", name, "-o", "out", cwd=tmp_path)
    assert run.code == 1
    said = one_failure_line(run, name)
    assert said.startswith(reason) and "internal error" not in said
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_os_error_names_the_operation_and_errno(tmp_path, monkeypatch):
    """EINVAL while reading: not "Invalid argument" alone."""
    from pipeline import conversion

    def refuse(self):
        raise OSError(errno.EINVAL, "Invalid argument")
    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(conversion.ConversionError) as caught:
        conversion.convert(SAMPLE_DOCX)
    assert caught.value.reason == "invalid file name or argument for this file system (reading the file)"


# ---- escaping (issue 15, item 9) ------------------------------------------------------------

HOSTILE_NAME = "x\x1b]0;owned\x07\nvnplan: forged.pdf"


def test_control_characters_in_a_file_name_are_escaped(tmp_path):
    (tmp_path / HOSTILE_NAME).write_bytes(b"not a pdf")
    run = vnplan("convert", HOSTILE_NAME, "-o", "out", cwd=tmp_path)
    assert run.code == 1 and ESC not in run.stderr
    assert one_failure_line(run, "x\\x1b]0;owned\\x07\\nvnplan: forged.pdf") == "not a PDF file (no %PDF header)"


def test_control_characters_in_batch_lines_are_escaped(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / f"{HOSTILE_NAME}.pdf").write_bytes(b"%PDF-1.4 broken")
    bf.good_docx(tmp_path / "in")
    run = vnplan("batch", "in", "-o", "out", "-j", "1", cwd=tmp_path)
    assert run.code == 1 and ESC not in run.stderr and "\x07" not in run.stderr
    failures = [line for line in run.lines if line.startswith("vnplan: x\\x1b]0;owned\\x07\\nvnplan: forged.pdf.pdf: ")]
    assert len(failures) == 1


PAYLOAD = "\x1b]0;owned\x07\x1b[2J\nvnplan: forged"


@pytest.mark.parametrize("where", ["task content", "section title"])
def test_diff_text_never_passes_escape_codes_to_the_terminal(tmp_path, where):
    """A JSON another tool wrote may carry control characters anywhere: the text report
    neither obeys them (no ESC, no BEL reaches the terminal) nor lets a newline forge a line."""
    old = json.loads(MINIMAL_PLAN.read_text(encoding="utf-8"))
    new = json.loads(MINIMAL_PLAN.read_text(encoding="utf-8"))
    if where == "task content":
        new["tasks"][0]["content"] += " " + PAYLOAD
    else:
        new["sections"][-1]["title"] = (new["sections"][-1]["title"] or "") + PAYLOAD
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    (tmp_path / "new.json").write_text(json.dumps(new), encoding="utf-8")
    run = vnplan("diff", "old.json", "new.json", "--format", "text", cwd=tmp_path)
    assert run.code == 1 and "owned" in run.stdout  # 1: the plans differ (diff(1))
    assert ESC not in run.stdout and "\x07" not in run.stdout
    assert not any(line.startswith("vnplan: forged") for line in run.stdout.splitlines())


def test_text_report_escapes_what_reaches_it():
    from pipeline.diff.plans import diff_plans
    from pipeline.diff.render import render_text
    old = json.loads(MINIMAL_PLAN.read_text(encoding="utf-8"))
    new = json.loads(MINIMAL_PLAN.read_text(encoding="utf-8"))
    new["document"]["code"] = "196/KH-UBND" + PAYLOAD  # the head line prints the code as stored
    report = render_text(diff_plans(old, new))
    assert "196/KH-UBND\\x1b]0;owned\\x07\\x1b[2J\\nvnplan: forged" in report and ESC not in report


MESSAGE_CASES = [
    # (raw, one line as printed)
    ("plain", "plain"),
    ("two\nlines", "two lines"),  # a library's multi-line message folds onto one line
    ("title \x1b]0;x\x07", "title \\x1b]0;x\\x07"),  # OSC: would retitle the window
    ("clear \x1b[2J", "clear \\x1b[2J"),  # CSI: would clear the screen
    ("rtl \u202eevil", "rtl \\u202eevil"),  # bidi override: would reverse what follows
    ("c1 \x9b", "c1 \\x9b"),  # an 8-bit CSI
]


@pytest.mark.parametrize("raw, shown", MESSAGE_CASES, ids=[c[1] for c in MESSAGE_CASES])
def test_reasons_are_one_escaped_line(raw, shown):
    assert messages.one_line(raw) == shown


def test_file_names_keep_their_newlines_visible():
    assert messages.escape("a\nb\tc") == "a\\nb\\tc"


# ---- verbosity, stdin, progress, version ---------------------------------------------------

def test_quiet_hides_summaries_not_failures(tmp_path):
    (tmp_path / "bad.pdf").write_bytes(b"")
    run = vnplan("convert", "-q", SAMPLE_DOCX, "bad.pdf", "-o", "out", cwd=tmp_path)
    assert run.code == 1 and run.lines == ["vnplan: bad.pdf: file is empty"]
    assert (tmp_path / "out" / "plan-196-KH-UBND.json").exists()


def test_stdin_for_convert_and_validate(tmp_path):
    run = vnplan("convert", "-", "-o", "-", cwd=tmp_path, stdin=SAMPLE_DOCX.read_bytes())
    assert run.code == 0
    doc = json.loads(run.stdout)
    assert doc["source"]["format"] == "docx" and doc["tasks"]
    checked = vnplan("validate", "-", cwd=tmp_path, stdin=run.stdout.encode())
    assert (checked.code, checked.stdout) == (0, "-: valid\n")


def test_stdin_that_is_not_a_document(tmp_path):
    run = vnplan("convert", "-", "-o", "out", cwd=tmp_path, stdin=b"hello")
    assert run.code == 1 and one_failure_line(run, "-").startswith("unsupported file type")


def test_progress_writes_plain_lines_off_a_terminal(tmp_path):
    (tmp_path / "in").mkdir()
    bf.good_docx(tmp_path / "in")
    (tmp_path / "in" / "empty.pdf").write_bytes(b"")
    run = vnplan("batch", "in", "-o", "out", "-j", "1", cwd=tmp_path)
    assert run.code == 1
    [progress] = [line for line in run.lines if line.startswith("[")]  # the failure has its own line
    assert re.fullmatch(r"\[[12]/2\] ok good-word\.docx \(\d+\.\d s\)", progress), progress
    assert "vnplan: empty.pdf: file is empty" in run.lines
    assert run.lines[-1].startswith("vnplan batch: 1 converted, 1 failed")


def test_version(tmp_path):
    from importlib import metadata
    run = vnplan("--version", cwd=tmp_path)
    assert (run.code, run.stdout) == (0, f"vnplan {metadata.version('vnplan')}\n")


def test_usage_error_is_exit_2(tmp_path):
    run = vnplan("convert", cwd=tmp_path)
    assert run.code == 2 and run.lines[-1].startswith("vnplan: error: ")


# ---- the data override ---------------------------------------------------------------------

def annual_tasks(doc: dict) -> set[str]:
    return {t["number"] for t in doc["tasks"] if (t["timeframe"] or {}).get("kind") == "annual"}


def test_data_override_takes_precedence(tmp_path):
    """A folder with its own timeframe_words.yaml, without "hằng năm"/"hàng năm" as yearly
    words: the sample's "Hàng năm" task is no longer annual; every other file is the package's."""
    words = (ROOT / "pipeline" / "data" / "timeframe_words.yaml").read_text(encoding="utf-8")
    trimmed = "\n".join(line for line in words.splitlines() if line.strip() not in ("- hằng năm", "- hàng năm"))
    assert trimmed != words
    (tmp_path / "province").mkdir()
    (tmp_path / "province" / "timeframe_words.yaml").write_text(trimmed, encoding="utf-8")
    packaged = json.loads(vnplan("convert", SAMPLE_DOCX, "-o", "-", cwd=tmp_path).stdout)
    overridden = json.loads(vnplan("--data", "province", "convert", SAMPLE_DOCX, "-o", "-", cwd=tmp_path).stdout)
    yearly = {t["number"] for t in packaged["tasks"] if (t["timeframe"] or {}).get("text", "").lower() == "hàng năm"}
    assert yearly and yearly <= annual_tasks(packaged)
    assert not yearly & annual_tasks(overridden)
    assert len(overridden["tasks"]) == len(packaged["tasks"])  # the rest of the vocabulary still there


def test_data_override_by_environment(tmp_path, monkeypatch):
    from pipeline.data import DATA_DIR_ENV, load_csv
    (tmp_path / "signer_titles.csv").write_text("# a comment line\ntitle\nCHỦ TỊCH\n", encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert load_csv("signer_titles.csv") == ({"title": "CHỦ TỊCH"},)
    monkeypatch.delenv(DATA_DIR_ENV)
    assert len(load_csv("signer_titles.csv")) > 1  # the packaged file again


def test_data_option_must_be_a_folder(tmp_path):
    run = vnplan("--data", "nowhere", "convert", SAMPLE_DOCX, cwd=tmp_path)
    assert run.code == 2 and run.lines[-1] == "vnplan: error: --data nowhere: not a directory"


# ---- start-up cost ---------------------------------------------------------------------------

HEAVY = ("docx", "lxml", "pandas", "sqlalchemy", "scipy", "numpy", "pytesseract", "underthesea", "pyarrow",
         "openpyxl", "distributed")


# Loaded only by a file that needs them: pdfium for text stamped by annotations (the sample has
# none), the OCR runner for a page without a usable text layer, rapidfuzz for an agency name
# that is a near miss.
PDF_ONLY_WHEN_NEEDED = ("pypdfium2", "pipeline.extract.ocr.reader", "rapidfuzz")
# A DOCX conversion needs no PDF library, and `vnplan` looks its version up only for --version.
NOT_FOR_DOCX = ("pdfplumber", "pdfminer", "pypdfium2", "importlib.metadata")


def _modules_after(tmp_path: Path, call: str, modules: tuple[str, ...], env: dict | None = None) -> list[str]:
    script = f"import json, sys; {call}; print(json.dumps(sorted(m for m in {modules!r} if m in sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          timeout=HANG_GUARD_S, check=True, env=env)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_pdf_conversion_imports_no_heavy_library(tmp_path):
    call = f"from pipeline.cli import main; main(['convert', '-q', {str(SAMPLE_PDF)!r}, '-o', 'out'])"
    assert _modules_after(tmp_path, call, HEAVY + PDF_ONLY_WHEN_NEEDED) == []
    assert (tmp_path / "out" / "plan-196-KH-UBND.json").exists()


@pytest.mark.parametrize("sample, unwanted", [(SAMPLE_PDF, HEAVY + PDF_ONLY_WHEN_NEEDED),
                                              (SAMPLE_DOCX, NOT_FOR_DOCX)], ids=["pdf", "docx"])
def test_conversion_itself_imports_no_heavy_library(tmp_path, sample, unwanted):
    # the CLI converts in a forked child, whose imports its parent never sees: the conversion in-process
    call = f"from pipeline.conversion import convert; convert({str(sample)!r})"
    assert _modules_after(tmp_path, call, unwanted) == []


def test_yaml_is_parsed_once_for_all_processes(tmp_path):
    # the first conversion parses the YAML vocabularies and keeps them (pipeline.data.disk_cache);
    # the next ones read them back without importing PyYAML
    env = {**os.environ, "VNPLAN_CACHE_DIR": str(tmp_path / "cache")}
    call = f"from pipeline.conversion import convert; convert({str(SAMPLE_PDF)!r})"
    assert _modules_after(tmp_path, call, ("yaml",), env) == ["yaml"]
    assert _modules_after(tmp_path, call, ("yaml",), env) == []


def test_docx_conversion_imports_no_pdf_library(tmp_path):
    call = f"from pipeline.cli import main; main(['convert', '-q', {str(SAMPLE_DOCX)!r}, '-o', 'out'])"
    assert _modules_after(tmp_path, call, NOT_FOR_DOCX) == []


def test_load_reads_stdin(tmp_path):
    run = vnplan("load", "-", "--db", f"sqlite:///{tmp_path / 'p.sqlite'}", "--create", cwd=tmp_path,
                 stdin=MINIMAL_PLAN.read_bytes())
    assert run.code == 0 and run.lines[0].startswith("-: stored as document 1")


# ---- the suite's own rules ------------------------------------------------------------------

@pytest.mark.parametrize("ci, code", [("true", 1), ("", 0)], ids=["on-ci-a-skip-fails", "elsewhere-a-skip-is-a-skip"])
def test_a_skip_fails_on_ci(tmp_path, ci, code):
    (tmp_path / "conftest.py").write_text((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    (tmp_path / "test_tool.py").write_text("import pytest\n\ndef test_needs_a_tool():\n    pytest.skip('no tool')\n")
    env = {**os.environ, "CI": ci}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=HANG_GUARD_S)
    assert proc.returncode == code, proc.stdout
    assert ("skipped on CI, where every test must run: no tool" in proc.stdout) == bool(ci)


# ---- the last guard in main() ----------------------------------------------------------------

LAST_GUARD = [
    # (what escapes a command, exit status, the line)
    (KeyboardInterrupt(), 130, "vnplan: interrupted"),  # Ctrl-C
    (OSError(28, "No space left on device", "out/x.json"), 1, "vnplan: out/x.json: No space left on device (ENOSPC)"),
    (RuntimeError("boom\nsecond line"), 1, "vnplan: internal error (RuntimeError: boom second line)"),  # a bug
]


@pytest.mark.parametrize("raised, code, line", LAST_GUARD, ids=["interrupt", "os-error", "bug"])
def test_main_turns_anything_into_one_line(monkeypatch, capsys, raised, code, line):
    cli_main = importlib.import_module("pipeline.cli.main")  # the module (pipeline.cli.main is also the function)

    def command(*args, **kwargs):
        raise raised
    monkeypatch.setattr(cli_main, "run_validate", command)
    assert cli_main.main(["validate", "x.json"]) == code
    assert capsys.readouterr().err == line + "\n"
