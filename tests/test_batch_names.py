"""Issue 25, finding 1-3: every input named, none stops the others.

A symbolic link loop, a file name that is not UTF-8, a link to a file already in the
tree and a name that is only an extension each stopped or fooled `vnplan batch`
(no report at all; "surrogates not allowed"; converted twice; skipped without a word).
Now each is converted, or ignored with its reason, on its own line and in the report.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from pipeline import inputs
from pipeline.cli.main import main
from test_batch import copy_sample, vnplan_batch

# A name with a byte that is not UTF-8 (Latin-1 "é" of an old Windows archive).
NOT_UTF8 = os.fsdecode(b"k\xe9 ho\xe1ch.docx")
NOT_UTF8_SHOWN = "k\\xe9 ho\\xe1ch.docx"


def report_of(out: Path) -> dict:
    return json.loads((out / "_report.json").read_text(encoding="utf-8"))


def hostile_tree(root: Path) -> Path:
    copy_sample(root / "good.docx")
    copy_sample(root / NOT_UTF8)
    copy_sample(root / ".pdf", ".pdf")  # a name that is only an extension
    (root / "loop_a.pdf").symlink_to("loop_b.pdf")
    (root / "loop_b.pdf").symlink_to("loop_a.pdf")
    (root / "again.docx").symlink_to("good.docx")  # the same file under a second name
    (root / "sub").mkdir()
    (root / "sub" / "up.docx").symlink_to("../good.docx")
    return root


# (path in the report) -> (status, reason): the hostile names, each on its own row.
EXPECTED = {
    "good.docx": ("ok", None),
    NOT_UTF8_SHOWN: ("ok", None),  # read by its bytes, shown escaped
    ".pdf": ("ok", None),  # `convert` takes it, so does the batch
    "loop_a.pdf": ("ignored", "symbolic link loop: not followed"),
    "loop_b.pdf": ("ignored", "symbolic link loop: not followed"),
    "again.docx": ("ignored", "same file as good.docx: converted once"),
    "sub/up.docx": ("ignored", "same file as good.docx: converted once"),
}


def test_scan_names_every_hostile_input(tmp_path):
    scan = inputs.scan_inputs(hostile_tree(tmp_path / "in"))
    assert sorted(inputs.shown(p, tmp_path / "in") for p in scan.inputs) == [".pdf", "good.docx", NOT_UTF8_SHOWN]
    assert dict(scan.ignored) == {path: reason for path, (status, reason) in EXPECTED.items() if status == "ignored"}


def test_batch_goes_on_past_every_hostile_name(tmp_path, capsys):
    root, out = hostile_tree(tmp_path / "in"), tmp_path / "out"
    assert vnplan_batch(str(root), "-o", str(out), "--jobs", "1", "--ocr", "never") == 0
    report = report_of(out)
    assert {e["path"]: (e["status"], e["error"]) for e in report["files"]} == EXPECTED
    outputs = {e["path"]: e["output"] for e in report["files"] if e["status"] == "ok"}
    assert outputs == {"good.docx": "good.json", NOT_UTF8_SHOWN: "k\\xe9 ho\\xe1ch.json", ".pdf": ".pdf.json"}
    # the output of the non-UTF-8 name is written by its bytes, beside its input's name
    assert (out / os.fsdecode(b"k\xe9 ho\xe1ch.json")).is_file()
    source = json.loads((out / os.fsdecode(b"k\xe9 ho\xe1ch.json")).read_bytes())["source"]
    assert source["filename"] == NOT_UTF8_SHOWN
    err = capsys.readouterr().err.splitlines()
    assert "ignored loop_a.pdf: symbolic link loop: not followed" in err
    assert "ignored again.docx: same file as good.docx: converted once" in err


def test_convert_reads_a_name_that_is_not_utf8(tmp_path, capsys):
    """`convert` said "vnplan: surrogates not allowed" and wrote nothing."""
    path = copy_sample(tmp_path / NOT_UTF8)
    assert main(["convert", str(path), "-o", str(tmp_path / "out"), "--ocr", "never"]) == 0
    written = tmp_path / "out" / os.fsdecode(b"k\xe9 ho\xe1ch.json")
    assert json.loads(written.read_bytes())["source"]["filename"] == NOT_UTF8_SHOWN
    assert NOT_UTF8_SHOWN in capsys.readouterr().err


def test_report_that_cannot_be_written_goes_elsewhere_and_says_so(tmp_path, monkeypatch, capsys):
    """The summary named OUTDIR/_report.json after failing to write it, and the file there (an
    earlier write) said every input was "pending". Now the report goes to the temporary folder,
    the stale one is removed, and the line says where."""
    import errno

    from pipeline import batch, batch_report

    root, out = tmp_path / "in", tmp_path / "out"
    copy_sample(root / "a.docx")
    real = batch.write_atomically
    calls = []

    def full_after_first_report(path: Path, text: str) -> None:
        calls.append(path)
        if path == out / "_report.json" and len(calls) > 1:  # the first (all pending) went in
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real(path, text)

    monkeypatch.setattr(batch, "write_atomically", full_after_first_report)
    monkeypatch.setattr(batch_report, "write_atomically", full_after_first_report)  # the report's writer
    assert vnplan_batch(str(root), "-o", str(out), "--jobs", "1", "--ocr", "never") == 0
    lines = capsys.readouterr().err.splitlines()
    assert not (out / "_report.json").exists()  # the stale "pending" report is gone
    elsewhere = [p for p in calls if p.name == "_report.json" and p.parent != out][-1]
    report = json.loads(elsewhere.read_text(encoding="utf-8"))
    assert [(e["path"], e["status"]) for e in report["files"]] == [("a.docx", "ok")]
    assert report["summary"]["report_error"] == f"no space left on the device (writing {out / '_report.json'})"
    assert (f"vnplan: {out / '_report.json'}: report not written: no space left on the device "
            f"(writing {out / '_report.json'}); written to {elsewhere} instead") in lines
    assert lines[-1].endswith(f"; report: {elsewhere}")
    elsewhere.unlink()
    elsewhere.parent.rmdir()
