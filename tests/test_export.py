"""`vnplan export --tasks` (pipeline/export/tasks.py): one row per task, from JSON or the database."""
from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd
import pytest

from pipeline.conversion import convert
from pipeline.cli import export as export_cli
from pipeline.export import tasks as export
from pipeline.store import db
from pipeline.output.serialize import to_json

SAMPLE_DOCX = Path(__file__).resolve().parents[1] / "samples" / "plan-196-KH-UBND.docx"


@pytest.fixture(scope="module")
def plan() -> dict:
    return convert(SAMPLE_DOCX)


def blank(value: object) -> object:
    """None for pandas' missing values (pandas 3 string columns hold NaN, not None)."""
    return None if pd.isna(value) else value


def vnplan_export(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="vnplan")
    export_cli.add_parser(parser.add_subparsers(dest="command"))
    return export_cli.run(parser.parse_args(["export", *argv]))


def test_one_row_per_task_with_names_joined(plan):
    frame = export.tasks_from_docs([plan])
    assert list(frame.columns) == list(export.COLUMNS)
    assert len(frame) == len(plan["tasks"])
    for row, task in zip(frame.itertuples(), plan["tasks"]):
        assert row.task_number == str(task["number"]) and row.content == task["content"]
        assert row.lead == "; ".join(a["name"] for a in task["lead"])
        assert blank(row.cooperating) == ("; ".join(a["name"] for a in task["cooperating"]) or None)
        assert row.document_code == plan["document"]["code"]


def test_database_gives_the_same_rows(plan, tmp_path):
    """Loaded then exported equals exported straight from JSON (DOCX: no pages either way)."""
    engine = db.connect(f"sqlite:///{tmp_path / 'plans.sqlite'}")
    db.load_document(engine, plan)
    from_db = export.tasks_from_db(engine)
    engine.dispose()
    pd.testing.assert_frame_equal(from_db, export.tasks_from_docs([plan]), check_dtype=False)


FORMATS = [
    # CSV with a BOM so Excel reads Vietnamese
    ("tasks.csv", lambda p: pd.read_csv(p, encoding="utf-8-sig", dtype={"task_number": str})),
    # Excel through openpyxl
    ("tasks.xlsx", lambda p: pd.read_excel(p, dtype={"task_number": str})),
    # Parquet through pyarrow keeps the types
    ("tasks.parquet", pd.read_parquet),
]


@pytest.mark.parametrize("name, read", FORMATS, ids=[f[0] for f in FORMATS])
def test_formats_round_trip(plan, tmp_path, name, read):
    source = tmp_path / "plan.json"
    source.write_text(to_json(plan), encoding="utf-8")
    assert vnplan_export("--tasks", str(tmp_path / name), str(source)) == 0
    back = read(tmp_path / name)
    assert len(back) == len(plan["tasks"])
    assert back["content"].tolist() == [t["content"] for t in plan["tasks"]]
    assert back["lead"].iloc[0] == "; ".join(a["name"] for a in plan["tasks"][0]["lead"])


def test_export_from_db_command(plan, tmp_path):
    url = f"sqlite:///{tmp_path / 'plans.sqlite'}"
    engine = db.connect(url)
    db.load_document(engine, plan)
    engine.dispose()
    assert vnplan_export("--tasks", str(tmp_path / "t.csv"), "--from-db", url) == 0
    assert len(pd.read_csv(tmp_path / "t.csv", encoding="utf-8-sig")) == len(plan["tasks"])


@pytest.mark.parametrize("argv", [
    ["--tasks", "t.json", "x.json"],  # unknown format
    ["--tasks", "t.csv"],  # neither JSON nor --from-db
    ["--tasks", "t.csv", "--from-db", "sqlite://", "x.json"],  # both
])
def test_usage_errors_exit_2(tmp_path, argv):
    assert vnplan_export(*[a if not a.startswith("t.") else str(tmp_path / a) for a in argv]) == 2


def test_unreadable_json_is_reported_and_skipped(plan, tmp_path):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(to_json(plan), encoding="utf-8")
    bad.write_text("{", encoding="utf-8")
    assert vnplan_export("--tasks", str(tmp_path / "t.csv"), str(good), str(bad)) == 1
    assert len(pd.read_csv(tmp_path / "t.csv", encoding="utf-8-sig")) == len(plan["tasks"])
