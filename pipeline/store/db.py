"""Contract JSON → a relational database (SQLite by default, PostgreSQL too).

The schema (`schema.py`, built by the migrations in `migrations/`) is plain
tables and views (`views.py`) that answer analysts' questions in plain SQL.

Agencies and references are shared across documents: the contract gives both a
stable id, so one row serves every plan that names them. Loading is one
transaction per document and idempotent: a file already stored (same sha256) is
skipped; the same text from another file (the PDF of a stored DOCX: equal
`content_sha256`) is recorded in `document_files` only, so its tasks are not
counted twice; a new revision of a stored plan (same issuer and code, or same
issuer and title) is stored beside it. A plan's revisions are chained by issued
date and number, whatever order they were loaded in: `previous_id` points to
the one before, `revision` counts from 1, and only the last has `is_current`.
An attached document (contract 1.1) is a row of its own with `attached_to_id`.

Safe to run at once: every load takes one lock before it decides anything (SQLite:
BEGIN IMMEDIATE; PostgreSQL: a transaction-level advisory lock), and the unique
indexes on file and content hashes back the decisions.
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError

from pipeline.i18n import message
from pipeline.store import rows
from pipeline.store.engine import lock, make_engine
from pipeline.store.migrate import ensure_schema
from pipeline.store.schema import (
    agencies, calendar_years, citations, document_files, documents, paragraphs, recipients, references, sections, task_agencies,
    tasks, warnings,
)

DEFAULT_URL = "sqlite:///out/plans.sqlite"
# A load that lost a race (lock timeout, serialization failure, unique index) is retried.
LOAD_ATTEMPTS = 5
RETRY_PAUSE = 0.2  # seconds, times the attempt number, with jitter


@dataclass(frozen=True)
class LoadResult:
    """What loading one document did: "stored", "revision" (stored, in a chain of several),
    "same_content" (another file of a stored document) or "duplicate" (this file is stored)."""

    status: str
    document_id: int
    previous_id: int | None = None


def missing_sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL that does not exist yet (opening it would create an empty
    database); None for an existing file, an in-memory database or another engine."""
    if not url.startswith("sqlite:///") or url.startswith("sqlite:///:memory:"):
        return None
    path = Path(url.removeprefix("sqlite:///").split("?", 1)[0])
    return None if path.exists() else path


def connect(url: str = DEFAULT_URL) -> Engine:
    """An engine for `url` with the schema created, or migrated to this release's."""
    engine = make_engine(url)
    ensure_schema(engine)
    return engine


def error_line(exc: BaseException) -> str:
    """One line for a person: the database's own message, never the SQL or its parameters."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        detail = str(exc.orig).strip().splitlines()
        said = detail[0] if detail else message("error.no_detail")
        return message("error.database", detail=f"{type(exc.orig).__name__}: {said}")
    if isinstance(exc, SQLAlchemyError):
        return message("error.database", detail=type(exc).__name__)
    return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")


# ---- writing ---------------------------------------------------------------------------

def _insert_ignore(conn: Connection, table: Table, new_rows: list[dict], key: str) -> None:
    """INSERT rows, silently keeping the stored row where `key` already exists."""
    if not new_rows:
        return
    dialect = conn.dialect.name
    if dialect in ("sqlite", "postgresql"):
        make = sqlite_insert if dialect == "sqlite" else pg_insert
        conn.execute(make(table).on_conflict_do_nothing(index_elements=[key]), new_rows)
        return
    stored = set(conn.scalars(select(table.c[key]).where(table.c[key].in_([r[key] for r in new_rows]))))
    fresh = [r for r in new_rows if r[key] not in stored]
    if fresh:
        conn.execute(insert(table), fresh)


def _insert_returning_ids(conn: Connection, table: Table, new_rows: list[dict]) -> list[int]:
    if not new_rows:
        return []
    result = conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), new_rows)
    return list(result.scalars())


def _store_body(conn: Connection, doc: dict, document_id: int, period: tuple[int | None, int | None]) -> None:
    """Sections, paragraphs, tasks, recipients, citations and warnings of a stored document row."""
    ref_ids = dict(conn.execute(select(references.c.key, references.c.id)
                                .where(references.c.key.in_([r["id"] for r in doc.get("references", [])]))).all())
    cites = [{"document_id": document_id, "reference_id": ref_ids[r["id"]], "task_id": None, "paragraph_id": None,
              "mentions": r.get("mentions"), "alias": (r.get("aliases") or [None])[0]}
             for r in doc.get("references", [])]

    flat = rows.flatten_sections(doc.get("sections", []))
    section_ids: list[int] = [0] * len(flat)
    for level in sorted({depth for depth, _, _, _ in flat}):  # a level at a time: parents have ids
        places = [i for i, (depth, _, _, _) in enumerate(flat) if depth == level]
        level_rows = [{"document_id": document_id, "parent_id": section_ids[flat[i][3]] if flat[i][3] >= 0 else None,
                       "position": i, "depth": level, "path": flat[i][1] or None,
                       "number": flat[i][2].get("number"), "title": flat[i][2].get("title")} for i in places]
        for i, new_id in zip(places, _insert_returning_ids(conn, sections, level_rows)):
            section_ids[i] = new_id
    owned = [(section_ids[i], p) for i, (_, _, section, _) in enumerate(flat) for p in section.get("paragraphs", [])]
    paragraph_ids = _insert_returning_ids(conn, paragraphs, [
        {"document_id": document_id, "section_id": sid, "position": i, "text": p["text"]}
        for i, (sid, p) in enumerate(owned)])
    for pid, (_, para) in zip(paragraph_ids, owned):
        cites += [{"document_id": document_id, "reference_id": ref_ids[key], "task_id": None, "paragraph_id": pid,
                   "mentions": None, "alias": None} for key in dict.fromkeys(para.get("references", [])) if key in ref_ids]

    task_list = doc.get("tasks", [])
    task_rows = [rows.task_row(t, document_id, i, period) for i, t in enumerate(task_list)]
    task_ids = _insert_returning_ids(conn, tasks, task_rows)
    _remember_years(conn, [*period, *(day.year for r in task_rows for day in (r["deadline_start"], r["deadline_end"]) if day)])
    links = [row for tid, task in zip(task_ids, task_list) for row in rows.task_agency_rows(task, tid)]
    if links:
        conn.execute(insert(task_agencies), links)
    for tid, task in zip(task_ids, task_list):
        cites += [{"document_id": document_id, "reference_id": ref_ids[key], "task_id": tid, "paragraph_id": None,
                   "mentions": None, "alias": None} for key in dict.fromkeys(task.get("references", [])) if key in ref_ids]
    if cites:
        conn.execute(insert(citations), cites)

    people = [{"document_id": document_id, "position": i, "name": r["name"], "note": r.get("note"),
               "agency_id": (r.get("agency") or {}).get("id")} for i, r in enumerate(doc.get("recipients", []))]
    if people:
        conn.execute(insert(recipients), people)
    notes = rows.warning_rows(doc, document_id)
    if notes:
        conn.execute(insert(warnings), notes)


def _remember_years(conn: Connection, years: list[int | None]) -> None:
    """Widen calendar_years to cover these years: the per-year view spans what plans name."""
    known = [y for y in years if y]
    if known:
        _insert_ignore(conn, calendar_years, [{"year": y} for y in range(min(known), max(known) + 1)], "year")


def _store_document(conn: Connection, doc: dict, attached_to: int | None = None) -> int | None:
    """One document row and its body; None when an attachment's text is already stored."""
    row = rows.document_row(doc) | {"attached_to_id": attached_to}
    if attached_to is not None and _same_content(conn, row["content_sha256"]) is not None:
        return None
    _insert_ignore(conn, agencies, rows.agency_rows(doc), "id")
    _insert_ignore(conn, references, [rows.reference_row(r) for r in doc.get("references", [])], "key")
    document_id = _insert_returning_ids(conn, documents, [row])[0]
    _store_body(conn, doc, document_id, (row["period_start"], row["period_end"]))
    return document_id


def _same_content(conn: Connection, content_sha256: str) -> int | None:
    return conn.scalar(select(documents.c.id).where(documents.c.content_sha256 == content_sha256,
                                                    documents.c.duplicate_of.is_(None)))


def relink_revisions(conn: Connection, key: str | None) -> None:
    """Chain every revision of one plan by issued date and number; the last is the current one.

    Attachments follow their document: current when it is.
    """
    if key is None:
        return
    chain = conn.execute(select(documents.c.id, documents.c.issued_date, documents.c.number)
                         .where(documents.c.plan_key == key, documents.c.duplicate_of.is_(None))).all()
    chain.sort(key=lambda r: rows.revision_order(r.issued_date, r.number, r.id))
    for position, row in enumerate(chain):
        current = position == len(chain) - 1
        conn.execute(update(documents).where(documents.c.id == row.id).values(
            previous_id=chain[position - 1].id if position else None, revision=position + 1, is_current=current))
        conn.execute(update(documents).where(documents.c.attached_to_id == row.id).values(is_current=current))


def _load(conn: Connection, doc: dict) -> LoadResult:
    sha = doc["source"]["sha256"]
    existing = conn.scalar(select(document_files.c.document_id).where(document_files.c.sha256 == sha))
    if existing is not None:
        return LoadResult("duplicate", existing)
    same = _same_content(conn, rows.content_sha256(doc))
    if same is not None:
        conn.execute(insert(document_files), [rows.file_row(doc, same)])
        return LoadResult("same_content", same)
    document_id = _store_document(conn, doc)
    conn.execute(insert(document_files), [rows.file_row(doc, document_id)])
    for attachment in rows.attachment_docs(doc):
        _store_document(conn, attachment, attached_to=document_id)
    key = rows.plan_key(doc["document"])
    relink_revisions(conn, key)
    stored = conn.execute(select(documents.c.previous_id, documents.c.revision)
                          .where(documents.c.id == document_id)).one()
    chained = conn.scalar(select(documents.c.id).where(documents.c.plan_key == key, documents.c.id != document_id,
                                                       documents.c.duplicate_of.is_(None)).limit(1)) if key else None
    return LoadResult("revision" if chained else "stored", document_id, stored.previous_id)


def _retryable(exc: SQLAlchemyError) -> bool:
    """Lost a race: a lock wait ran out, PostgreSQL chose this transaction to fail, or a
    unique index refused a row another loader stored first (the retry then sees that row)."""
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if isinstance(exc, IntegrityError):  # a unique index, not a NOT NULL or foreign key: that would fail again
        return code == "23505" or "UNIQUE constraint failed" in str(getattr(exc, "orig", ""))
    return isinstance(exc, OperationalError) and (code in (None, "40001", "40P01", "55P03"))


def load_document(engine: Engine, doc: dict) -> LoadResult:
    """Store one contract document in its own locked transaction; see the module docstring."""
    for attempt in range(1, LOAD_ATTEMPTS + 1):
        try:
            with engine.begin() as conn:
                lock(conn)
                return _load(conn, doc)
        except SQLAlchemyError as exc:
            if attempt == LOAD_ATTEMPTS or not _retryable(exc):
                raise
            time.sleep(RETRY_PAUSE * attempt * (1 + random.random()))
    raise AssertionError("unreachable")
