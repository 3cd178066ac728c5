"""`vnplan export --tasks` (pipeline/export/): one row per task of each plan's latest revision,
from JSON or from the database, as typed, safe spreadsheets that LibreOffice opens."""
from __future__ import annotations

import argparse
import copy
import csv
import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest

from db_engines import ENGINES, empty_url
from pipeline.cli import export as export_cli
from pipeline.export import sheets
from pipeline.export.tasks import COLUMNS, KEYS, records_from_db, task_records
from pipeline.output.serialize import to_json
from pipeline.store import db
from real_fixtures import ABSENT
from store_corpus import corpus_dir, corpus_files

HEADERS_VI = [c.header_vi for c in COLUMNS]
CALC = Path("/usr/lib/libreoffice/program/libsclo.so")  # LibreOffice Calc: .ci/run installs it


def docs() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in corpus_files()]


def sample(name: str = "plan-196-KH-UBND.docx.json") -> dict:
    return json.loads((corpus_dir() / name).read_text(encoding="utf-8"))


def revised(plan: dict) -> dict:
    """The sample amended: another file, a later date, its first task reworded."""
    new = copy.deepcopy(plan)
    new["source"]["sha256"] = "ab" * 32
    new["source"]["filename"] = "plan-196-KH-UBND-sua-doi.docx"
    new["document"]["issued_date"] = "2025-03-15"
    new["tasks"][0]["content"] = "Nội dung đã sửa đổi"
    return new


def vnplan_export(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="vnplan")
    export_cli.add_parser(parser.add_subparsers(dest="command"))
    return export_cli.run(parser.parse_args(["export", *argv]))


# ---- which rows ---------------------------------------------------------------------------

def test_one_row_per_task_of_each_plan():
    """Eight files, seven documents (the sample's PDF and DOCX are one): every task once."""
    all_docs = docs()
    distinct = {d["source"]["filename"]: d for d in all_docs if d["source"]["filename"] != "plan-196-KH-UBND.pdf"}
    records = task_records(all_docs)
    assert len(records) == sum(len(d["tasks"]) for d in distinct.values())
    per_file = {f: sum(1 for r in records if r["source_file"] == f) for f in distinct}
    assert per_file == {f: len(d["tasks"]) for f, d in distinct.items()}


def test_latest_revision_only_unless_asked():
    plan = sample()
    newer = revised(plan)
    latest = task_records([newer, plan])  # loaded newest first: the date decides, not the order
    assert {r["source_file"] for r in latest} == {"plan-196-KH-UBND-sua-doi.docx"}
    assert latest[0]["content"] == "Nội dung đã sửa đổi" and latest[0]["revision"] == 2
    every = task_records([newer, plan], all_revisions=True)
    assert len(every) == 2 * len(plan["tasks"])


@pytest.mark.parametrize("kind", ENGINES)
def test_database_gives_the_same_rows(kind, tmp_path):
    """Loaded then exported equals exported straight from the JSON files."""
    all_docs = docs()
    engine = db.connect(empty_url(kind, tmp_path))
    for doc in all_docs:
        db.load_document(engine, doc)
    from_db = records_from_db(engine)
    engine.dispose()
    from_json = task_records(all_docs)
    key = lambda r: (r["source_file"], r["task_key"], r["content"])  # noqa: E731
    assert sorted(from_db, key=key) == sorted(from_json, key=key)


def test_values_of_a_task_the_plan_prints():
    """Task 16 of 196/KH-UBND, read from the plan: led by Sở Kế hoạch và Đầu tư, "Hàng năm"."""
    row = next(r for r in task_records([sample()]) if r["task_key"] == "16")
    assert (row["plan_code"], row["province"], row["issued_date"], row["draft"]) == (
        "196/KH-UBND", "Quảng Ngãi", dt.date(2024, 10, 2), False)
    assert (row["lead"], row["lead_ids"]) == ("Sở Kế hoạch và Đầu tư", "so-ke-hoach-va-dau-tu-quang-ngai")
    # merged into Sở Tài chính on 1 March 2025
    assert row["lead_now"] == "Sở Tài chính"
    # yearly, in a plan issued in 2024 that names no end: due from 2024, open-ended, from the plan
    assert (row["timeframe"], row["deadline_start"], row["deadline_end"], row["deadline_inferred"]) == (
        "Hàng năm", dt.date(2024, 1, 1), None, True)


# ---- formats --------------------------------------------------------------------------------

def test_csv_has_a_bom_and_vietnamese_headers(tmp_path):
    sheets.write(task_records([sample()]), tmp_path / "t.csv")
    raw = (tmp_path / "t.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert header == HEADERS_VI and "Nội dung nhiệm vụ" in header


def test_english_headers(tmp_path):
    sheets.write(task_records([sample()]), tmp_path / "t.csv", lang="en")
    header = next(csv.reader((tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert header == [c.header_en for c in COLUMNS] and "Task content" in header


def test_xlsx_is_laid_out_for_people(tmp_path):
    records = task_records([sample()])
    sheets.write(records, tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert [c.value for c in sheet[1]] == HEADERS_VI
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(COLUMNS))}{len(records) + 1}"
    content = KEYS.index("content") + 1
    assert sheet.column_dimensions[openpyxl.utils.get_column_letter(content)].width == 60
    issued = sheet.cell(row=2, column=KEYS.index("issued_date") + 1)
    assert issued.is_date and issued.value.date() == dt.date(2024, 10, 2) and issued.number_format == "dd/mm/yyyy"


def test_parquet_is_typed(tmp_path):
    sheets.write(task_records([sample()]), tmp_path / "t.parquet")
    schema = pq.read_schema(tmp_path / "t.parquet")
    types = {name: str(schema.field(name).type) for name in ("issued_date", "deadline_start", "draft", "revision",
                                                               "content")}
    assert types == {"issued_date": "date32[day]", "deadline_start": "date32[day]", "draft": "bool",
                     "revision": "int64", "content": "string"}


# Cells a spreadsheet would run (issue 15.5): each must come out as the text it is.
FORMULAS = [
    '=HYPERLINK("http://example.invalid","bấm vào đây")',  # a live link in Excel
    "+1+1",  # "+" starts a formula in Excel and LibreOffice
    "-1+1",  # so does "-"
    "@SUM(1,1)",  # "@" in Lotus-style input
    "\t=1+1",  # a tab before "=": some readers strip it, then run the rest
    "\r=1+1",  # a carriage return likewise
]


def _with_formula(payload: str) -> dict:
    plan = copy.deepcopy(sample())
    plan["tasks"][0]["content"] = payload
    return plan


@pytest.mark.parametrize("payload", FORMULAS, ids=range(len(FORMULAS)))
def test_csv_cells_are_neutralised(tmp_path, payload):
    sheets.write(task_records([_with_formula(payload)]), tmp_path / "t.csv")
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][KEYS.index("content")] == "'" + payload


@pytest.mark.parametrize("payload", FORMULAS, ids=range(len(FORMULAS)))
def test_xlsx_cells_are_text(tmp_path, payload):
    sheets.write(task_records([_with_formula(payload)]), tmp_path / "t.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "t.xlsx").active.cell(row=2, column=KEYS.index("content") + 1)
    assert cell.data_type == "s" and cell.value == payload


# ---- LibreOffice opens it -------------------------------------------------------------------

def _soffice(source: Path, target: str, outdir: Path) -> Path:
    if shutil.which("soffice") is None or not CALC.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but LibreOffice Calc is missing (.ci/run installs libreoffice-calc-nogui)")
        pytest.skip("LibreOffice Calc not installed")
    profile = outdir / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", str(outdir), str(source)],
                   check=True, capture_output=True, timeout=300)
    return next(outdir.glob(f"{source.stem}.{target.split(':')[0]}"))


@pytest.fixture(scope="module")
def opened_by_libreoffice(tmp_path_factory):
    """The export of the corpus plus one formula task, written as XLSX, then as LibreOffice reads it:
    CSV with cells as shown (UTF-8), and flat ODS (whose cells say their type)."""
    folder = tmp_path_factory.mktemp("lo")
    newer = revised(sample())
    newer["tasks"][1]["content"] = '=HYPERLINK("http://example.invalid","x")'
    plans = docs() + [newer]
    source = folder / "tasks.json-dir"
    source.mkdir()
    for i, plan in enumerate(plans):
        (source / f"{i}.json").write_text(to_json(plan), encoding="utf-8")
    xlsx = folder / "tasks.xlsx"
    assert vnplan_export("--tasks", str(xlsx), "--lang", "vi", str(source)) == 0  # the default's headers and dates
    as_csv = _soffice(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", folder)
    as_fods = _soffice(xlsx, "fods", folder)
    return (list(csv.reader(as_csv.read_text(encoding="utf-8").splitlines())), as_fods.read_text(encoding="utf-8"),
            task_records(plans))


def test_libreoffice_reads_the_headers(opened_by_libreoffice):
    rows, _, _ = opened_by_libreoffice
    assert rows[0] == HEADERS_VI


def test_libreoffice_reads_one_row_per_task_of_the_latest_revisions(opened_by_libreoffice):
    rows, _, records = opened_by_libreoffice
    assert len(rows) - 1 == len(records)
    files = [r[KEYS.index("source_file")] for r in rows[1:]]
    assert "plan-196-KH-UBND.docx" not in files  # superseded by the revision of 2025-03-15


def test_libreoffice_reads_dates_as_dates(opened_by_libreoffice):
    rows, flat, _ = opened_by_libreoffice
    hanoi = next(r for r in rows[1:] if r[KEYS.index("plan_code")] == "173/KH-UBND")
    assert hanoi[KEYS.index("issued_date")] == "28/04/2026"  # shown in the cell's date format
    assert 'office:value-type="date" office:date-value="2026-04-28"' in flat  # and typed a date


def test_libreoffice_does_not_run_the_formula(opened_by_libreoffice):
    rows, flat, _ = opened_by_libreoffice
    assert any(r[KEYS.index("content")] == '=HYPERLINK("http://example.invalid","x")' for r in rows)
    assert "HYPERLINK" not in "".join(line for line in flat.splitlines() if "table:formula" in line)


# ---- the command ----------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ["--tasks", "t.json", "x.json"],  # unknown format
    ["--tasks", "t.csv"],  # neither JSON nor --from-db
    ["--tasks", "t.csv", "--from-db", "sqlite://", "x.json"],  # both
    ["--tasks", "t.csv", "--lang", "fr", "x.json"],  # no such language
])
def test_usage_errors_exit_2(tmp_path, argv):
    paths = [a if not a.startswith("t.") else str(tmp_path / a) for a in argv]
    try:
        assert vnplan_export(*paths) == 2
    except SystemExit as exc:  # argparse refuses a bad choice itself
        assert exc.code == 2


def test_unreadable_json_is_reported_and_skipped(tmp_path, capsys):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(to_json(sample()), encoding="utf-8")
    bad.write_text("{", encoding="utf-8")
    assert vnplan_export("--tasks", str(tmp_path / "t.csv"), str(good), str(bad)) == 1
    assert f"vnplan: {bad}: not valid JSON" in capsys.readouterr().err
    with open(tmp_path / "t.csv", encoding="utf-8-sig") as handle:
        assert len(list(csv.reader(handle))) == 1 + len(sample()["tasks"])


def test_export_from_db_command(tmp_path):
    url = f"sqlite:///{tmp_path / 'plans.sqlite'}"
    engine = db.connect(url)
    db.load_document(engine, sample())
    engine.dispose()
    assert vnplan_export("--tasks", str(tmp_path / "t.parquet"), "--from-db", url) == 0
    assert pq.read_table(tmp_path / "t.parquet").num_rows == len(sample()["tasks"])


# ---- convert -o - with several inputs: JSON Lines ------------------------------------------

def test_convert_to_stdout_with_several_inputs_writes_json_lines(capsys):
    from pipeline.cli.main import main
    from store_corpus import SOURCES

    one, two = SOURCES[0], SOURCES[5]  # the sample DOCX and the 05 Lâm Đồng draft
    if not two.exists():  # a clone away from ../shared (a skip fails on CI)
        pytest.skip(ABSENT)
    assert main(["convert", str(one), str(two), "-o", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"]["filename"] for line in lines] == [one.name, two.name]
