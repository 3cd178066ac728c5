"""`vnplan load` (pipeline/store/db.py): the schema, idempotent loads, revisions, plain SQL.

Every test runs against SQLite and PostgreSQL (tests/db_engines.py says when the
latter is skipped).
"""
from __future__ import annotations

import argparse
import copy
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from pipeline.conversion import convert
from pipeline.cli import load as db_cli
from pipeline.store import db
from pipeline.store import rows as store_rows
from pipeline.store import schema as db_schema
from pipeline.output.serialize import to_json
from db_engines import ENGINES, empty_url

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DOCX = ROOT / "samples" / "plan-196-KH-UBND.docx"


@pytest.fixture(scope="module")
def plan() -> dict:
    return convert(SAMPLE_DOCX)


@pytest.fixture(params=ENGINES)
def engine(request, tmp_path):
    """A fresh database of each kind, with the schema created by the migrations."""
    eng = db.connect(empty_url(request.param, tmp_path))
    yield eng
    eng.dispose()


def count(engine, table, *where) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(table).where(*where))


def variant(doc: dict, sha: str, **document: object) -> dict:
    """A copy of `doc` as if from another file (`sha`), with some header fields changed."""
    new = copy.deepcopy(doc)
    new["source"]["sha256"] = sha * 64
    new["document"].update(document)
    return new


# ---- one document -------------------------------------------------------------------------

def test_document_is_stored_in_every_table(engine, plan):
    result = db.load_document(engine, plan)
    assert result.status == "stored" and result.previous_id is None
    roles = [a for t in plan["tasks"] for a in t["lead"] + t["cooperating"]] + [t["submit_to"] for t in plan["tasks"] if t["submit_to"]]
    expected = [
        (db_schema.documents, 1),
        (db_schema.document_files, 1),
        (db_schema.tasks, len(plan["tasks"])),
        (db_schema.task_agencies, len(roles)),
        (db_schema.recipients, len(plan["recipients"])),
        (db_schema.references, len(plan["references"])),
        (db_schema.sections, len(store_rows.flatten_sections(plan["sections"]))),
        (db_schema.paragraphs, sum(len(s["paragraphs"]) for _, _, s, _ in store_rows.flatten_sections(plan["sections"]))),
    ]
    for table, rows in expected:
        assert count(engine, table) == rows, table.name
    # each reference cited once at the document level, with its mention count
    cites = db_schema.citations
    assert count(engine, cites, cites.c.task_id.is_(None), cites.c.paragraph_id.is_(None)) \
        == len(plan["references"])
    # and task-level citations for every reference a task row names
    assert count(engine, cites, cites.c.task_id.is_not(None)) \
        == sum(len(set(t["references"])) for t in plan["tasks"])
    with engine.connect() as conn:
        doc = conn.execute(select(db_schema.documents)).one()
        assert (doc.code, doc.issued_date.isoformat(), doc.is_current) == (
            plan["document"]["code"], plan["document"]["issued_date"], True)
        first = conn.execute(select(db_schema.tasks).order_by(db_schema.tasks.c.position)).first()
        assert first.content == plan["tasks"][0]["content"]


def test_section_paths_and_parents(engine, plan):
    db.load_document(engine, plan)
    with engine.connect() as conn:
        rows = conn.execute(select(db_schema.sections.c.id, db_schema.sections.c.parent_id, db_schema.sections.c.path,
                                   db_schema.sections.c.depth)).all()
    by_id = {r.id: r for r in rows}
    for row in rows:
        if row.parent_id is not None:  # a child's path extends its parent's
            parent = by_id[row.parent_id]
            assert row.depth == parent.depth + 1 and row.path.startswith(parent.path + ".")


# ---- idempotence and revisions --------------------------------------------------------------

LOAD_SEQUENCES = [
    # the same file twice: stored once
    (["a", "a"], ["stored", "duplicate"], 1),
    # the same text from another file (the PDF of the DOCX): one document, two files
    (["a", "a-other-file"], ["stored", "same_content"], 1),
    # an amended plan with the same code: stored beside, linked
    (["a", "a-amended"], ["stored", "revision"], 2),
    # a different plan: stored, not linked
    (["a", "other-plan"], ["stored", "stored"], 2),
    # a draft without a number, revised: matched by issuer and title
    (["draft", "draft-amended"], ["stored", "revision"], 2),
]


def _versions(plan: dict) -> dict[str, dict]:
    amended = variant(plan, "b")
    amended["tasks"][0]["content"] += " (sửa đổi)"
    other = variant(plan, "c", code="7/KH-UBND", number="7", title="Kế hoạch khác")
    draft = variant(plan, "d", code=None, number=None)
    draft_amended = variant(draft, "e")
    draft_amended["tasks"] = draft_amended["tasks"][1:]
    same_text = variant(plan, "f")
    same_text["source"].update(format="pdf", pages=12)
    for task in same_text["tasks"]:
        task["pages"] = [6]
    return {"a": plan, "a-amended": amended, "other-plan": other, "draft": draft, "draft-amended": draft_amended,
            "a-other-file": same_text}


@pytest.mark.parametrize("names, statuses, documents", LOAD_SEQUENCES)
def test_load_sequences(engine, plan, names, statuses, documents):
    versions = _versions(plan)
    results = [db.load_document(engine, versions[name]) for name in names]
    assert [r.status for r in results] == statuses
    assert count(engine, db_schema.documents) == documents
    current = db_schema.documents.c.is_current
    assert count(engine, db_schema.documents, current) == documents - statuses.count("revision")
    if statuses[-1] == "revision":
        assert results[-1].previous_id == results[0].document_id
    # tasks are never stored twice for one document
    assert count(engine, db_schema.tasks) == sum(len(versions[n]["tasks"]) for n, s in zip(names, statuses)
                                          if s in ("stored", "revision"))


def test_shared_agencies_and_references_stored_once(engine, plan):
    versions = _versions(plan)
    db.load_document(engine, versions["a"])
    db.load_document(engine, versions["other-plan"])
    assert count(engine, db_schema.references) == len(plan["references"])
    assert count(engine, db_schema.agencies) == len(store_rows.agency_rows(plan))


def test_failed_document_leaves_nothing(engine, plan):
    """One transaction per document: an error half-way rolls the whole document back."""
    broken = variant(plan, "9")
    broken["tasks"][3]["content"] = None  # NOT NULL: fails after the document row was inserted
    with pytest.raises(Exception):
        db.load_document(engine, broken)
    assert count(engine, db_schema.documents) == 0 and count(engine, db_schema.tasks) == 0


# ---- the command ----------------------------------------------------------------------------

def vnplan_load(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="vnplan")
    db_cli.add_parser(parser.add_subparsers(dest="command"))
    return db_cli.run(parser.parse_args(["load", *argv]))


def test_load_command(tmp_path, plan, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "plan.json").write_text(to_json(plan), encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "_report.json").write_text("{}", encoding="utf-8")  # a batch report is not a document
    url = f"sqlite:///{tmp_path / 'db' / 'plans.sqlite'}"
    assert vnplan_load(str(folder), "--db", url) == 1
    assert vnplan_load(str(folder / "plan.json"), "--db", url) == 0
    err = capsys.readouterr().err
    assert "vnplan: " + str(folder / "broken.json") + ": not JSON (line 1, column 2" in err
    assert "_report.json" not in err
    assert "1 stored" in err and "1 duplicate" in err
