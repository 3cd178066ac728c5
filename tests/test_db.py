"""`vnplan load` (pipeline/store/db.py): the schema, idempotent loads, revisions, plain SQL.

Every test runs against SQLite and PostgreSQL (tests/db_engines.py says when the
latter is skipped).
"""
from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

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
    assert vnplan_load(str(folder), "--db", url, "--create") == 1
    assert vnplan_load(str(folder / "plan.json"), "--db", url, "--create") == 0
    err = capsys.readouterr().err
    assert "vnplan: " + str(folder / "broken.json") + ": not valid JSON (line 1" in err
    assert "_report.json" not in err
    assert "1 stored" in err and "1 duplicate" in err


# ---- contract 1.1 (tests/fixtures/decision_with_plan_1_1.json, written by hand) --------------

FIXTURE_1_1 = ROOT / "tests" / "fixtures" / "decision_with_plan_1_1.json"


@pytest.fixture
def decision() -> dict:
    return json.loads(FIXTURE_1_1.read_text(encoding="utf-8"))


def test_attachment_is_a_document_attached_to_its_decision(engine, decision):
    result = db.load_document(engine, decision)
    d = db_schema.documents
    with engine.connect() as conn:
        attached = conn.execute(select(d).where(d.c.attached_to_id == result.document_id)).mappings().one()
    # the plan "ban hành kèm theo" 45/QĐ-UBND prints no number, date or issuer of its own
    assert (attached["type"], attached["attached_to_code"], attached["attached_relation"]) == (
        "ke_hoach", "45/QĐ-UBND", "issued_with")
    # ... but it is signed as its decision is: not a draft (it inherits its carrier's status)
    assert (attached["is_draft"], attached["is_current"], attached["province"]) == (False, True, "Lâm Đồng")
    assert (attached["period_start"], attached["period_end"]) == (2026, 2026)  # "... năm 2026"


def test_task_keys_and_inferred_deadlines(engine, decision):
    db.load_document(engine, decision)
    t = db_schema.tasks
    with engine.connect() as conn:
        stored = conn.execute(select(t.c.key, t.c.number, t.c.deadline_start, t.c.deadline_end, t.c.deadline_inferred)
                              .order_by(t.c.position)).all()
    assert [tuple(r) for r in stored] == [
        # "Quý III", the year taken from the plan by the converter (Timeframe inferred)
        ("I.1", "1", dt.date(2026, 1, 1), dt.date(2026, 12, 31), True),
        # "Trong năm 2027", printed in the row
        ("II.1", "1", dt.date(2027, 1, 1), dt.date(2027, 12, 31), False),
    ]


def test_task_agencies_gazetteer_and_guessed(engine, decision):
    db.load_document(engine, decision)
    ta = db_schema.task_agencies
    with engine.connect() as conn:
        cells = {r.agency_id: (r.gazetteer_id, r.recognised) for r in conn.execute(select(ta))}
    assert cells == {
        "so-tai-chinh-lam-dong": ("so-tai-chinh", True),  # the gazetteer's template row, for Lâm Đồng
        "so-noi-vu-lam-dong": ("so-noi-vu", True),
        "trung-tam-xuc-tien-khong-co-that-lam-dong": (None, False),  # a name no list holds
    }


def test_warnings_keep_where_and_label(engine, decision):
    db.load_document(engine, decision)
    w = db_schema.warnings
    with engine.connect() as conn:
        stored = {(r.code, r.where_path, r.label) for r in conn.execute(select(w))}
    assert stored == {("no_closing", "/document/signer", "trang 4"),
                      ("agency_unknown", "/tasks/1/lead/1", "Phụ lục, nhiệm vụ II.1, trang 3")}


def test_provenance_does_not_make_another_document(engine, decision):
    """The DOCX of the same text has other provenance (paragraphs, not pages): same content."""
    docx = copy.deepcopy(decision)
    docx["source"].update(format="docx", sha256="46" * 32, filename="qd-45.docx", pages=None)
    docx["provenance"] = {"/document/issued_date": {"paragraph": 3}}
    docx["attachments"][0]["provenance"] = {"/tasks/0/lead/0": {"table": 0, "row": 1, "cell": 4}}
    docx["attachments"][0]["pages"] = None
    first = db.load_document(engine, decision)
    assert db.load_document(engine, docx) == db.LoadResult("same_content", first.document_id)


# ---- revisions by date, not load order; issuers apart --------------------------------------

def test_revisions_are_ordered_by_date_whatever_the_load_order(engine, plan):
    dates = ["2025-06-01", "2024-10-02", "2025-01-20"]
    versions = []
    for i, day in enumerate(dates):
        version = variant(plan, "abc"[i], issued_date=day)
        version["tasks"][0]["content"] += f" ({day})"
        versions.append(version)
    for version in versions:
        db.load_document(engine, version)
    d = db_schema.documents
    with engine.connect() as conn:
        chain = conn.execute(select(d.c.issued_date, d.c.revision, d.c.is_current).order_by(d.c.revision)).all()
    assert [(r.issued_date.isoformat(), r.revision, r.is_current) for r in chain] == [
        ("2024-10-02", 1, False), ("2025-01-20", 2, False), ("2025-06-01", 3, True)]


def test_same_code_of_two_issuers_is_two_plans(engine, plan):
    other = variant(plan, "b", issuer=dict(plan["document"]["issuer"], id="uy-ban-nhan-dan-tinh-lam-dong",
                                           name="Ủy ban nhân dân tỉnh Lâm Đồng"))
    other["tasks"][0]["content"] += " (Lâm Đồng)"
    statuses = [db.load_document(engine, doc).status for doc in (plan, other)]
    assert statuses == ["stored", "stored"]


# ---- bad input: one line, before the database ---------------------------------------------

BAD_FILES = [
    # not JSON at all
    ("{not json", "not valid JSON (line 1: Expecting property name"),
    # JSON, but not an object
    ("[1, 2]", "not a vnplan JSON document (top level is not an object)"),
    # a plan missing its tasks: the schema names the path
    (lambda p: {k: v for k, v in p.items() if k != "tasks"}, "not a valid vnplan JSON document ($.tasks: required property is missing)"),
    # a task number of the wrong type
    (lambda p: p | {"tasks": [dict(p["tasks"][0], number=3.5)] + p["tasks"][1:]}, "not a valid vnplan JSON document ($.tasks[0].number"),
]


@pytest.mark.parametrize("content, reason", BAD_FILES, ids=["not-json", "not-object", "no-tasks", "bad-number"])
def test_bad_file_is_one_line_and_touches_no_database(tmp_path, plan, capsys, content, reason):
    bad = tmp_path / "bad.json"
    bad.write_text(content if isinstance(content, str) else to_json(content(copy.deepcopy(plan))), encoding="utf-8")
    database = tmp_path / "db" / "plans.sqlite"
    assert vnplan_load(str(bad), "--db", f"sqlite:///{database}", "--create") == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("vnplan: ")]
    assert len(lines) == 1 and lines[0].startswith(f"vnplan: {bad}: {reason}")
    assert not database.exists()


def test_database_errors_are_one_line_without_sql(tmp_path, plan, capsys):
    """A database that cannot be opened: its reason, not the SQL or the parameters."""
    good = tmp_path / "plan.json"
    good.write_text(to_json(plan), encoding="utf-8")
    (tmp_path / "not-a-db").write_text("this is not an SQLite file " * 100, encoding="utf-8")
    assert vnplan_load(str(good), "--db", f"sqlite:///{tmp_path / 'not-a-db'}", "--create") == 1
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("vnplan: ")]
    assert len(err) == 1 and "database error (DatabaseError: file is not a database)" in err[0]
    assert "SELECT" not in err[0] and "[SQL" not in err[0]


# ---- right answers (issue: database answers that are right) --------------------------------

def test_a_missing_database_file_is_refused_unless_created(tmp_path, plan, capsys):
    """A mistyped --db path must not quietly become an empty database: refused in one line, no
    file made; with --create it is made."""
    good = tmp_path / "plan.json"
    good.write_text(to_json(plan), encoding="utf-8")
    database = tmp_path / "typo" / "plans.sqlite"
    assert vnplan_load(str(good), "--db", f"sqlite:///{database}") == 1
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("vnplan: ")]
    assert len(err) == 1 and "no such database file" in err[0] and "--create" in err[0]
    assert not database.exists()
    assert vnplan_load(str(good), "--db", f"sqlite:///{database}", "--create") == 0 and database.exists()


def test_export_from_a_missing_database_file_is_refused(tmp_path, capsys):
    from pipeline.cli import export as export_cli
    parser = argparse.ArgumentParser(prog="vnplan")
    export_cli.add_parser(parser.add_subparsers(dest="command"))
    database = tmp_path / "nowhere.sqlite"
    args = parser.parse_args(["export", "--tasks", str(tmp_path / "t.csv"), "--from-db", f"sqlite:///{database}"])
    assert export_cli.run(args) == 1
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("vnplan: ")]
    assert len(err) == 1 and "no such database file" in err[0]
    assert not database.exists() and not (tmp_path / "t.csv").exists()


# (issuer name, level, place) -> province: the issuer's, else the place's; a central body has none.
PROVINCE_CASES = [
    ("Ủy ban nhân dân tỉnh Lâm Đồng", "province", "Lâm Đồng", "Lâm Đồng"),   # the issuer names it
    ("Sở Nội vụ", "province", "Lào Cai", "Lào Cai"),                        # a Sở without its province: the place
    ("Sở Nội vụ", "province", "tỉnh Lào Cai", "Lào Cai"),                   # "tỉnh" before the name
    ("Bộ Tư pháp", "central", "Hà Nội", None),                              # a ministry's place is not its province
    ("Sở Nội vụ", "province", "Phường Bảo Lộc", None),                      # not a province: none guessed
    (None, None, None, None),                                                # nothing printed
]


@pytest.mark.parametrize("issuer, level, place, expected", PROVINCE_CASES)
def test_document_province(issuer, level, place, expected):
    meta = {"issuer": {"name": issuer, "level": level} if issuer else None, "place": place}
    assert store_rows.document_province(meta)[0] == expected


def test_an_attachment_is_a_draft_exactly_when_its_carrier_is(plan):
    """An attached plan prints no number or date of its own: it is signed when its decision is."""
    signed = copy.deepcopy(plan)
    signed["attachments"] = [{**{k: signed[k] for k in ("sections", "tasks", "tables", "recipients", "references",
                                                       "agencies", "warnings", "provenance")},
                              "document": {**signed["document"], "number": None, "issued_date": None,
                                           "code": None, "issuer": None},
                              "pages": None}]
    attached = store_rows.attachment_docs(signed)[0]
    assert not store_rows.document_row(attached)["is_draft"]
    assert attached["document"]["issuer"] == signed["document"]["issuer"]
    draft = copy.deepcopy(signed)
    draft["document"]["number"] = None
    assert store_rows.document_row(store_rows.attachment_docs(draft)[0])["is_draft"]


def test_a_copy_differing_only_in_spacing_is_the_same_version(plan):
    """"( Công" and "(Công", "2025 ;" and "2025;": the same text, the same content hash."""
    retyped = copy.deepcopy(plan)
    task = retyped["tasks"][0]
    task["content"] = task["content"].replace(" ", "  ", 1) + " ( Công  việc ) ;"
    original = copy.deepcopy(plan)
    original["tasks"][0]["content"] += " (Công việc);"
    assert store_rows.content_sha256(retyped) == store_rows.content_sha256(original)
    original["tasks"][0]["content"] += " khác"
    assert store_rows.content_sha256(retyped) != store_rows.content_sha256(original)
