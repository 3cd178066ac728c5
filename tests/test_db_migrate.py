"""A database made by release 0.1.0 is upgraded in place by the Alembic migrations, keeping every row.

tests/fixtures/db_release_0_1_0.sql is `sqlite3 .dump` of a database that release 0.1.0's
`vnplan load` filled (its code: git show 566014a:pipeline/store/db.py): the sample plan's DOCX
as revision 2 of a copy dated 2024-12-01 loaded first (0.1.0 chained by load order), its PDF
(same content: a second file of one document), and the real 05_KH-UBND Lâm Đồng draft.
On PostgreSQL the same rows are copied into release 0.1.0's tables (frozen in
pipeline/store/migrations/frozen_0_1_0.py) before migrating.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, Table, func, insert, select, text

from db_engines import ENGINES, empty_url
from pipeline.store import db, migrate
from pipeline.store import schema as db_schema
from pipeline.store.migrations import frozen_0_1_0
from store_corpus import corpus_dir

DUMP = Path(__file__).resolve().parent / "fixtures" / "db_release_0_1_0.sql"
OLD_TABLES = [t.name for t in frozen_0_1_0.metadata.sorted_tables]
# Rows in the dump, counted from its INSERT lines (grep -c "INSERT INTO <table>"), per table.
OLD_ROWS = {"agencies": 63, "references": 19, "documents": 3, "document_files": 4, "sections": 100, "paragraphs": 96,
            "tasks": 69, "task_agencies": 177, "citations": 103, "recipients": 41}


def _sqlite_from_dump(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.executescript(DUMP.read_text(encoding="utf-8"))


def _old_database(kind: str, tmp_path: Path) -> str:
    """The URL of a release-0.1.0 database of `kind` holding the dump's rows."""
    source = tmp_path / "old.sqlite"
    _sqlite_from_dump(source)
    url = empty_url(kind, tmp_path)
    if kind == "sqlite":
        source.rename(url.removeprefix("sqlite:///"))
        return url
    target, old = db.make_engine(url), db.make_engine(f"sqlite:///{source}")
    frozen_0_1_0.metadata.create_all(target)
    with old.connect() as src, target.begin() as dst:
        for table in frozen_0_1_0.metadata.sorted_tables:
            found = [dict(r) for r in src.execute(select(table)).mappings()]
            if found:
                dst.execute(insert(table), found)
        for table in frozen_0_1_0.metadata.sorted_tables:  # ids were given: move the sequences past them
            if "id" in table.c and isinstance(table.c.id.type, type(frozen_0_1_0.documents.c.id.type)):
                dst.execute(text(f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                                 f"(SELECT COALESCE(MAX(id), 1) FROM \"{table.name}\"))"))
    target.dispose(), old.dispose()
    return url


def _counts(engine) -> dict[str, int]:
    meta = MetaData()
    with engine.connect() as conn:
        return {name: conn.scalar(select(func.count()).select_from(Table(name, meta, autoload_with=conn)))
                for name in OLD_TABLES}


@pytest.fixture(params=ENGINES)
def migrated(request, tmp_path):
    url = _old_database(request.param, tmp_path)
    before = _counts(db.make_engine(url))
    engine = db.connect(url)  # opening it migrates it
    yield before, engine
    engine.dispose()


def test_the_dump_is_what_release_0_1_0_left(tmp_path):
    _sqlite_from_dump(tmp_path / "old.sqlite")
    assert _counts(db.make_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")) == OLD_ROWS


def test_every_row_is_kept(migrated):
    before, engine = migrated
    assert before == OLD_ROWS
    assert _counts(engine) == OLD_ROWS


def test_database_is_at_this_releases_revision(migrated):
    _, engine = migrated
    with engine.connect() as conn:
        assert migrate.current(conn) == migrate.head()


def test_migrated_schema_is_schema_py(migrated):
    """Nothing differs between the migrated tables and pipeline/store/schema.py."""
    _, engine = migrated
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), db_schema.metadata)
    assert diff == []


def test_revision_chain_is_rebuilt_by_date(migrated):
    """0.1.0 made the 2024-10-02 text revision 2 because it was loaded second; by date it is the first."""
    _, engine = migrated
    d = db_schema.documents
    with engine.connect() as conn:
        chain = conn.execute(select(d.c.issued_date, d.c.revision, d.c.is_current)
                             .where(d.c.code == "196/KH-UBND").order_by(d.c.revision)).all()
    assert [tuple(r) for r in chain] == [(dt.date(2024, 10, 2), 1, False), (dt.date(2024, 12, 1), 2, True)]


def test_new_columns_are_filled(migrated):
    _, engine = migrated
    d, t, ta = db_schema.documents, db_schema.tasks, db_schema.task_agencies
    with engine.connect() as conn:
        places = set(conn.execute(select(d.c.code, d.c.province, d.c.province_successor, d.c.is_draft)).all())
        task = conn.execute(select(t.c.key, t.c.number, t.c.deadline_start, t.c.deadline_end, t.c.deadline_inferred)
                            .where(t.c.timeframe_kind == "annual").limit(1)).one()
        unguessed = conn.scalar(select(func.count()).select_from(ta).where(ta.c.recognised.is_(None)))
    # 196/KH-UBND of UBND tỉnh Quảng Ngãi (kept in 2025), and the undated, unnumbered Lâm Đồng draft
    assert places == {("196/KH-UBND", "Quảng Ngãi", "Quảng Ngãi", False), (None, "Lâm Đồng", "Lâm Đồng", True)}
    # a yearly task ("Hàng năm") of a plan issued in 2024 with no end year: due from 2024, open-ended
    assert (task.key, task.deadline_start, task.deadline_end, task.deadline_inferred) == (
        task.number, dt.date(2024, 1, 1), None, True)
    assert unguessed == 0


def test_a_migrated_database_keeps_loading(migrated):
    _, engine = migrated
    folder = corpus_dir()
    again = json.loads((folder / "plan-196-KH-UBND.docx.json").read_text(encoding="utf-8"))
    other = json.loads((folder / "04_KH-UBND_LamDong_kiem-tra-CCHC-2026_draft-2026-01.docx.json").read_text(encoding="utf-8"))
    assert db.load_document(engine, again).status == "duplicate"
    assert db.load_document(engine, other).status == "stored"
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT COUNT(*) FROM latest_revisions")) == 3


def test_duplicates_left_by_release_0_1_0_are_kept_and_marked(tmp_path):
    """0.1.0's unlocked loads could store one content twice; both rows stay, the later marked."""
    path = tmp_path / "plans.sqlite"
    _sqlite_from_dump(path)
    with sqlite3.connect(path) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(documents)") if r[1] != "id"]
        conn.execute(f"INSERT INTO documents ({', '.join(columns)}) SELECT {', '.join(columns)} FROM documents "
                     "WHERE id = 3".replace("SELECT sha256", "SELECT 'e' || substr(sha256, 2)"))
    engine = db.connect(f"sqlite:///{path}")
    d = db_schema.documents
    with engine.connect() as conn:
        marked = conn.execute(select(d.c.id, d.c.duplicate_of, d.c.is_current).where(d.c.duplicate_of.is_not(None))).all()
        total = conn.scalar(select(func.count()).select_from(d))
    engine.dispose()
    assert total == OLD_ROWS["documents"] + 1 and [(r.duplicate_of, r.is_current) for r in marked] == [(3, False)]


def test_type_source_and_subject_of_old_rows(migrated):
    """Migration 0003: release 0.1.0's plans had their type from their type line; no subject was read."""
    _, engine = migrated
    d = db_schema.documents
    with engine.connect() as conn:
        found = set(conn.execute(select(d.c.type_name, d.c.type_source, d.c.subject)).all())
    assert found == {("Kế hoạch", "type_line", None)}


def test_a_công_văn_keeps_its_type_source_and_subject(migrated):
    """A 1.2 document loaded into a migrated database keeps how its type was found and its subject."""
    _, engine = migrated
    doc = json.loads((corpus_dir() / "plan-196-KH-UBND.docx.json").read_text(encoding="utf-8"))
    doc["source"]["sha256"] = "f" * 64
    doc["document"] |= {"type": "cong_van", "type_name": "Công văn", "type_source": "subject",
                        "subject": "báo cáo, xin ý kiến", "code": "2926/SNV-TCBC"}
    doc["sections"] = doc["sections"][:1]  # other content than the stored plan's
    db.load_document(engine, doc)
    d = db_schema.documents
    with engine.connect() as conn:
        row = conn.execute(select(d.c.type, d.c.type_source, d.c.subject).where(d.c.code == "2926/SNV-TCBC")).one()
    assert tuple(row) == ("cong_van", "subject", "báo cáo, xin ý kiến")
