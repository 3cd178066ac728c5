"""Count the lines a person reads that hold English words, per command, for a `vnplan` executable.

    python bench/english_lines.py VNPLAN [--lang vi|en]

Runs each command on the samples in a temporary folder (--help of every command, conversions and
refusals, validate, diff, render, load, export, batch, inspect) and prints, per command, the lines
of stdout+stderr with an English stop-word (tests/test_i18n.py's list, options, paths and quoted
values taken out). Used for docs/i18n.md's before/after figures.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from test_i18n import english_words  # noqa: E402

SAMPLES = ROOT / "samples"
COMMANDS = ["convert", "validate", "diff", "batch", "load", "export", "inspect", "render", "serve"]


def runs(tmp: Path) -> dict[str, list[list[str]]]:
    pdf = tmp / "pdf" / "plan-196-KH-UBND.json"
    (tmp / "empty.pdf").write_bytes(b"")
    (tmp / "broken.json").write_text("{", encoding="utf-8")
    (tmp / "odd.json").write_text('{"a": 1}', encoding="utf-8")
    db = f"sqlite:///{tmp / 'plans.sqlite'}"
    sample_pdf, sample_docx = str(SAMPLES / "plan-196-KH-UBND.pdf"), str(SAMPLES / "plan-196-KH-UBND.docx")
    work = {
        "convert": [["convert", "-o", str(tmp / "pdf"), sample_pdf],
                    ["convert", "-o", str(tmp / "x"), str(tmp / "empty.pdf"), str(tmp / "missing.pdf"), str(SAMPLES / "README.md")],
                    ["convert"]],
        "validate": [["validate", str(pdf), str(tmp / "broken.json"), str(tmp / "odd.json")]],
        "diff": [["diff", str(pdf), "CHANGED"], ["diff", str(pdf), str(tmp / "broken.json")]],
        "render": [["render", str(tmp / "missing.json")]],
        "load": [["load", str(pdf), str(tmp / "broken.json"), "--db", db], ["load", str(pdf), "--db", db, "--create"]],
        "export": [["export", "--tasks", str(tmp / "t.csv"), "--from-db", db], ["export", "--tasks", str(tmp / "t.txt"), str(pdf)]],
        "batch": [["batch", str(SAMPLES), "-o", str(tmp / "b"), "--jobs", "1"], ["batch", str(tmp / "nowhere"), "-o", str(tmp / "b")]],
        "inspect": [["inspect", sample_pdf, "-o", str(tmp / "i")]],
    }
    helps = {"main": [["--help"]], **{c: [[c, "--help"]] for c in COMMANDS}}
    return {"help " + k: v for k, v in helps.items()} | work


def main(vnplan: str, lang: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "VNPLAN_LANG"}
    total = 0
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for name, commands in runs(tmp).items():
            lines = []
            for args in commands:
                if "CHANGED" in args:  # a revision with a changed date and a removed task
                    doc = json.loads((tmp / "pdf" / "plan-196-KH-UBND.json").read_text(encoding="utf-8"))
                    doc["document"]["issued_date"] = "2024-10-05"
                    del doc["tasks"][8]
                    (tmp / "changed.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
                    args = [a if a != "CHANGED" else str(tmp / "changed.json") for a in args]
                done = subprocess.run([vnplan, *lang, *args], capture_output=True, text=True, cwd=tmp, env=env)
                lines += [ln for ln in (done.stdout + done.stderr).splitlines() if english_words(ln)]
            total += len(lines)
            print(f"{name:16} {len(lines):4}  {lines[0][:90] if lines else ''}")
    print(f"{'total':16} {total:4}")


if __name__ == "__main__":
    main(str(Path(sys.argv[1]).resolve()), sys.argv[2:])
