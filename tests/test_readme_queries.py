"""The SQL examples of README.md answer on the database `make run` builds: the samples
converted and loaded into SQLite. An example that returns no row there would teach a newcomer
that the tool found nothing (it did once: a 2026 question on a plan of 2024)."""
from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path

import pytest

from pipeline.conversion import convert
from pipeline.store import db

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted([*(ROOT / "samples").glob("*.pdf"), *(ROOT / "samples").glob("*.docx")])


def readme_queries() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [q.strip() for q in re.findall(r"```sql\n(.*?)```", text, re.S)]


@cache
def make_run_database(folder: Path) -> Path:
    path = folder / "plans.sqlite"
    engine = db.connect(f"sqlite:///{path}")
    for sample in SAMPLES:
        db.load_document(engine, convert(sample))
    engine.dispose()
    return path


def test_the_readme_shows_a_query():
    assert readme_queries(), "README.md shows no ```sql example of the database"


@pytest.mark.parametrize("query", readme_queries(), ids=lambda q: " ".join(q.split())[:40])
def test_readme_query_returns_rows_on_the_make_run_database(query, tmp_path_factory):
    path = make_run_database(tmp_path_factory.getbasetemp())
    with sqlite3.connect(path) as conn:
        rows = conn.execute(query).fetchall()
    assert rows, f"no rows on the samples' database:\n{query}"
