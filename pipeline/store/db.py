"""Contract JSON → a relational database (SQLite by default, PostgreSQL too).

The schema (`db_schema`) is plain tables that answer analysts' questions in
plain SQL ("all open tasks led by Sở Tài chính", "every plan citing Quyết định
709/QĐ-TTg").

Agencies and references are shared across documents: the contract gives both a
stable id, so one row serves every plan that names them. Loading is one
transaction per document and idempotent: a file already stored (same sha256) is
skipped; the same text from another file (the PDF of a stored DOCX: equal
`content_sha256`) is recorded in `document_files` only, so its tasks are not
counted twice; a new revision of a stored plan (same code, or same issuer and title)
is stored beside it, linked by `documents.previous_id`, and becomes the one
with `is_current` true.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Table, create_engine, event, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pipeline.store.schema import (
    agencies, citations, document_files, documents, metadata, paragraphs, recipients, references, sections,
    task_agencies, tasks,
)

DEFAULT_URL = "sqlite:///out/plans.sqlite"
ROLES = ("lead", "cooperating", "submit_to")


@dataclass(frozen=True)
class LoadResult:
    """What loading one document did: "stored", "revision" (stored, linked to the
    previous one), "same_content" (another file of a stored document) or "duplicate"."""

    status: str
    document_id: int
    previous_id: int | None = None


def _sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def connect(url: str = DEFAULT_URL) -> Engine:
    """An engine for `url` with the schema created; SQLite files get their folder made."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        from pathlib import Path
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_foreign_keys)
    metadata.create_all(engine)
    return engine


# ---- values ----------------------------------------------------------------------------

def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _insert_ignore(conn: Connection, table: Table, rows: list[dict], key: str) -> None:
    """INSERT rows, silently keeping the stored row where `key` already exists."""
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect in ("sqlite", "postgresql"):
        make = sqlite_insert if dialect == "sqlite" else pg_insert
        conn.execute(make(table).on_conflict_do_nothing(index_elements=[key]), rows)
        return
    stored = set(conn.scalars(select(table.c[key]).where(table.c[key].in_([r[key] for r in rows]))))
    fresh = [r for r in rows if r[key] not in stored]
    if fresh:
        conn.execute(insert(table), fresh)


def content_sha256(doc: dict) -> str:
    """A hash of what the document says, not of the file it came in.

    Leaves out `source`, `warnings` and the tasks' PDF page numbers: the PDF and
    the DOCX of one plan convert to the same content and so the same hash.
    """
    body = {key: value for key, value in doc.items() if key not in ("source", "warnings")}
    body["tasks"] = [{k: v for k, v in task.items() if k != "pages"} for task in doc.get("tasks", [])]
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def file_row(doc: dict, document_id: int) -> dict:
    source = doc["source"]
    return {"document_id": document_id, "sha256": source["sha256"], "filename": source["filename"],
            "format": source["format"], "pages": source.get("pages"), "loaded_at": _now()}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def agency_rows(doc: dict) -> list[dict]:
    """Every agency the document names (its list, issuer, task cells, recipients), once each."""
    found: dict[str, dict] = {}

    def add(agency: dict | None) -> None:
        if agency and agency.get("id") and agency["id"] not in found:
            successor = agency.get("successor") or {}
            found[agency["id"]] = {
                "id": agency["id"], "name": agency["name"], "kind": agency.get("kind") or "agency",
                "level": agency.get("level"), "successor_id": successor.get("id"),
                "successor_name": successor.get("name"),
            }

    for agency in doc.get("agencies", []):
        add(agency)
    add(doc["document"].get("issuer"))
    for task in doc.get("tasks", []):
        for agency in [*task.get("lead", []), *task.get("cooperating", []), task.get("submit_to")]:
            add(agency)
    for recipient in doc.get("recipients", []):
        add(recipient.get("agency"))
    return list(found.values())


def reference_row(ref: dict) -> dict:
    return {
        "key": ref["id"], "code": ref.get("code"), "type": ref.get("type") or "other", "type_name": ref.get("type_name"),
        "number": ref.get("number"), "symbol": ref.get("symbol"), "year": ref.get("year"),
        "issued_date": _date(ref.get("issued_date")), "issuer_name": (ref.get("issuer") or {}).get("name"),
    }


def document_row(doc: dict) -> dict:
    meta, source = doc["document"], doc["source"]
    signer = meta.get("signer") or {}
    return {
        "sha256": source["sha256"], "code": meta.get("code"), "type": meta["type"], "type_name": meta.get("type_name"),
        "number": meta.get("number"), "symbol": meta.get("symbol"),
        "issuer_id": (meta.get("issuer") or {}).get("id"), "place": meta.get("place"),
        "issued_date": _date(meta.get("issued_date")), "title": meta.get("title"),
        "signer_name": signer.get("name"), "signer_title": signer.get("title"),
        "signer_authority": signer.get("authority"), "signer_on_behalf_of": signer.get("on_behalf_of"),
        "archive": meta.get("archive"), "source_filename": source["filename"], "source_format": source["format"],
        "pages": source.get("pages"), "schema_version": doc.get("schema_version", "1.0"),
        "warnings": len(doc.get("warnings", [])), "is_current": True,
        "content_sha256": content_sha256(doc), "loaded_at": _now(),
    }


def task_row(task: dict, document_id: int, position: int) -> dict:
    timeframe = task.get("timeframe") or {}
    return {
        "document_id": document_id, "position": position, "number": str(task["number"]),
        "group_title": task.get("group"), "content": task["content"],
        "timeframe_text": timeframe.get("text"), "timeframe_kind": timeframe.get("kind"),
        "timeframe_start": timeframe.get("start"), "timeframe_end": timeframe.get("end"),
        "timeframe_date": _date(timeframe.get("date")), "timeframe_event": timeframe.get("event"),
        "output": task.get("output"), "note": task.get("note"),
        "pages": ",".join(map(str, task["pages"])) if task.get("pages") else None,
    }


def task_agency_rows(task: dict, task_id: int) -> list[dict]:
    cells = {"lead": task.get("lead") or [], "cooperating": task.get("cooperating") or [],
             "submit_to": [task["submit_to"]] if task.get("submit_to") else []}
    return [
        {"task_id": task_id, "agency_id": agency["id"], "role": role, "position": i, "text": agency.get("text")}
        for role in ROLES for i, agency in enumerate(cells[role])
    ]


def flatten_sections(sections: list[dict], depth: int = 0, prefix: str = "") -> list[tuple[int, str, dict, int]]:
    """(depth, path, section, parent index or -1) in reading order; paths like "II.3.a"."""
    out: list[tuple[int, str, dict, int]] = []

    def walk(items: list[dict], level: int, base: str, parent: int) -> None:
        for section in items:
            path = f"{base}.{section['number']}" if base and section.get("number") else (section.get("number") or base)
            out.append((level, path, section, parent))
            walk(section.get("children", []), level + 1, path, len(out) - 1)

    walk(sections, depth, prefix, -1)
    return out


# ---- loading ---------------------------------------------------------------------------

def _insert_returning_ids(conn: Connection, table: Table, rows: list[dict]) -> list[int]:
    if not rows:
        return []
    result = conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
    return list(result.scalars())


def find_previous(conn: Connection, doc: dict) -> int | None:
    """The current stored revision of the same plan: same code, else same issuer and title."""
    meta = doc["document"]
    if meta.get("code"):
        same = documents.c.code == meta["code"]
    elif meta.get("title") and (meta.get("issuer") or {}).get("id"):
        same = (documents.c.issuer_id == meta["issuer"]["id"]) & (documents.c.title == meta["title"])
    else:
        return None
    query = select(documents.c.id).where(same, documents.c.is_current).order_by(documents.c.id.desc()).limit(1)
    return conn.scalar(query)


def _store_body(conn: Connection, doc: dict, document_id: int) -> None:
    """Sections, paragraphs, tasks, recipients and citations of a stored document row."""
    ref_ids = dict(conn.execute(select(references.c.key, references.c.id)
                                .where(references.c.key.in_([r["id"] for r in doc.get("references", [])]))).all())
    cites = [{"document_id": document_id, "reference_id": ref_ids[r["id"]], "task_id": None, "paragraph_id": None,
              "mentions": r.get("mentions"), "alias": (r.get("aliases") or [None])[0]}
             for r in doc.get("references", [])]

    flat = flatten_sections(doc.get("sections", []))
    section_ids: list[int] = []
    for position, (depth, path, section, parent) in enumerate(flat):  # parents first, one by one
        row = {"document_id": document_id, "parent_id": section_ids[parent] if parent >= 0 else None,
               "position": position, "depth": depth, "path": path or None,
               "number": section.get("number"), "title": section.get("title")}
        section_ids.append(_insert_returning_ids(conn, sections, [row])[0])
    owned = [(section_ids[i], p) for i, (_, _, section, _) in enumerate(flat) for p in section.get("paragraphs", [])]
    paragraph_ids = _insert_returning_ids(conn, paragraphs, [
        {"document_id": document_id, "section_id": sid, "position": i, "text": p["text"]}
        for i, (sid, p) in enumerate(owned)])
    for pid, (_, para) in zip(paragraph_ids, owned):
        cites += [{"document_id": document_id, "reference_id": ref_ids[key], "task_id": None, "paragraph_id": pid,
                   "mentions": None, "alias": None} for key in dict.fromkeys(para.get("references", [])) if key in ref_ids]

    task_list = doc.get("tasks", [])
    task_ids = _insert_returning_ids(conn, tasks, [task_row(t, document_id, i) for i, t in enumerate(task_list)])
    links = [row for tid, task in zip(task_ids, task_list) for row in task_agency_rows(task, tid)]
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


def load_document(engine: Engine, doc: dict) -> LoadResult:
    """Store one contract document in its own transaction; see the module docstring.

    Two loaders racing on the same file both see it absent; the unique sha256
    lets one win and the other roll back and report a duplicate.
    """
    try:
        return _load(engine, doc)
    except IntegrityError:
        with engine.connect() as conn:
            existing = conn.scalar(select(document_files.c.document_id)
                                   .where(document_files.c.sha256 == doc["source"]["sha256"]))
        if existing is None:
            raise
        return LoadResult("duplicate", existing)


def _load(engine: Engine, doc: dict) -> LoadResult:
    sha = doc["source"]["sha256"]
    with engine.begin() as conn:
        existing = conn.scalar(select(document_files.c.document_id).where(document_files.c.sha256 == sha))
        if existing is not None:
            return LoadResult("duplicate", existing)
        row = document_row(doc)
        same = conn.scalar(select(documents.c.id).where(documents.c.content_sha256 == row["content_sha256"])
                           .order_by(documents.c.id).limit(1))
        if same is not None:
            conn.execute(insert(document_files), [file_row(doc, same)])
            return LoadResult("same_content", same)
        _insert_ignore(conn, agencies, agency_rows(doc), "id")
        _insert_ignore(conn, references, [reference_row(r) for r in doc.get("references", [])], "key")
        previous = find_previous(conn, doc)
        document_id = _insert_returning_ids(conn, documents, [row | {"previous_id": previous}])[0]
        conn.execute(insert(document_files), [file_row(doc, document_id)])
        if previous is not None:
            conn.execute(update(documents).where(documents.c.id == previous).values(is_current=False))
        _store_body(conn, doc, document_id)
    return LoadResult("revision" if previous else "stored", document_id, previous)
