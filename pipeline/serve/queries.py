"""What the pages read from the database: the filtered document list, a document, a task and
its history along its plan's revisions. Plain SQLAlchemy Core over the store's tables; the
full-text part is `search.matching_documents`, a subquery the database answers itself."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, Integer, cast, extract, func, select

from pipeline.serve import search
from pipeline.serve.tables import jobs
from pipeline.store.schema import agencies, documents, task_agencies, tasks

# Documents a list page shows at once.
PAGE_SIZE = 50
FILTERS = ("q", "issuer", "province", "type", "year", "state", "warnings")


@dataclass
class DocumentFilters:
    """The list's filters as the query string gives them (empty: not filtered)."""

    values: dict[str, str] = field(default_factory=dict)
    page: int = 1

    @classmethod
    def from_query(cls, params) -> "DocumentFilters":
        values = {k: params.get(k, "").strip() for k in FILTERS if params.get(k, "").strip()}
        try:
            page = max(1, int(params.get("page", "1")))
        except ValueError:
            page = 1
        return cls(values, page)

    def get(self, key: str) -> str:
        return self.values.get(key, "")


def _year() -> object:
    return cast(extract("year", documents.c.issued_date), Integer)


def _filtered(query, filters: DocumentFilters, dialect: str):
    d = documents
    conditions = {
        "issuer": lambda v: d.c.issuer_id == v,
        "province": lambda v: d.c.province_successor == v,
        "type": lambda v: d.c.type == v,
        "year": lambda v: _year() == int(v) if v.isdigit() else d.c.id.is_(None),
        "state": lambda v: d.c.is_draft.is_(v == "draft"),
        "warnings": lambda v: d.c.warnings > 0 if v == "yes" else d.c.warnings == 0,
    }
    for key, make in conditions.items():
        if filters.get(key):
            query = query.where(make(filters.get(key)))
    if filters.get("q"):
        matching = search.matching_documents(dialect, filters.get("q"))
        query = query.where(d.c.id.in_(matching.columns(document_id=Integer)) if matching is not None else d.c.id.is_(None))
    return query.where(d.c.duplicate_of.is_(None))


def document_list(conn: Connection, filters: DocumentFilters) -> tuple[list[dict], int]:
    """One page of documents matching the filters, newest first, and how many match in all."""
    issuer = agencies.alias("issuer")
    d = documents
    base = (select(d.c.id, d.c.code, d.c.type, d.c.type_name, d.c.title, d.c.issued_date, d.c.province_successor,
                   d.c.is_draft, d.c.warnings, d.c.revision, d.c.is_current, d.c.attached_to_id, d.c.source_filename,
                   issuer.c.name.label("issuer_name"))
            .select_from(d.outerjoin(issuer, issuer.c.id == d.c.issuer_id)))
    query = _filtered(base, filters, conn.dialect.name)
    total = conn.scalar(select(func.count()).select_from(query.subquery()))
    rows = conn.execute(query.order_by(d.c.issued_date.desc().nulls_last(), d.c.id.desc())
                        .limit(PAGE_SIZE).offset((filters.page - 1) * PAGE_SIZE)).mappings().all()
    return [dict(r) for r in rows], total


def facets(conn: Connection) -> dict[str, list[tuple[str, str]]]:
    """The choices of each filter: (value, label) pairs from what the database holds."""
    d = documents
    live = d.c.duplicate_of.is_(None)
    issuers = conn.execute(select(agencies.c.id, agencies.c.name).where(agencies.c.id.in_(
        select(d.c.issuer_id).where(live))).order_by(agencies.c.name)).all()
    provinces = conn.scalars(select(d.c.province_successor).where(live, d.c.province_successor.is_not(None))
                             .distinct().order_by(d.c.province_successor)).all()
    types = conn.execute(select(d.c.type, func.max(d.c.type_name)).where(live).group_by(d.c.type).order_by(d.c.type)).all()
    years = conn.scalars(select(_year()).where(live, d.c.issued_date.is_not(None)).distinct().order_by(_year().desc())).all()
    return {"issuer": [(i, n) for i, n in issuers], "province": [(p, p) for p in provinces],
            "type": [(t, n or t) for t, n in types], "year": [(str(y), str(y)) for y in years]}


def document(conn: Connection, document_id: int) -> dict | None:
    issuer = agencies.alias("issuer")
    row = conn.execute(select(documents, issuer.c.name.label("issuer_name"))
                       .select_from(documents.outerjoin(issuer, issuer.c.id == documents.c.issuer_id))
                       .where(documents.c.id == document_id)).mappings().first()
    return dict(row) if row else None


def revisions(conn: Connection, plan_key: str | None) -> list[dict]:
    """Every stored revision of a plan, in order."""
    if not plan_key:
        return []
    rows = conn.execute(select(documents.c.id, documents.c.code, documents.c.issued_date, documents.c.revision,
                               documents.c.is_current, documents.c.source_filename)
                        .where(documents.c.plan_key == plan_key, documents.c.duplicate_of.is_(None))
                        .order_by(documents.c.revision)).mappings().all()
    return [dict(r) for r in rows]


def attachments(conn: Connection, document_id: int) -> list[dict]:
    rows = conn.execute(select(documents.c.id, documents.c.code, documents.c.title, documents.c.attached_relation)
                        .where(documents.c.attached_to_id == document_id).order_by(documents.c.id)).mappings().all()
    return [dict(r) for r in rows]


def _agencies_by_role(conn: Connection, task_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    out: dict[int, dict[str, list[str]]] = {}
    for task_id, role, name in conn.execute(
            select(task_agencies.c.task_id, task_agencies.c.role, agencies.c.name)
            .join(agencies, agencies.c.id == task_agencies.c.agency_id)
            .where(task_agencies.c.task_id.in_(task_ids)).order_by(task_agencies.c.task_id, task_agencies.c.position)):
        out.setdefault(task_id, {}).setdefault(role, []).append(name)
    return out


def document_tasks(conn: Connection, document_id: int) -> list[dict]:
    rows = [dict(r) for r in conn.execute(select(tasks).where(tasks.c.document_id == document_id)
                                          .order_by(tasks.c.position)).mappings()]
    roles = _agencies_by_role(conn, [r["id"] for r in rows])
    return [r | {"agencies": roles.get(r["id"], {})} for r in rows]


def task(conn: Connection, task_id: int) -> dict | None:
    row = conn.execute(select(tasks).where(tasks.c.id == task_id)).mappings().first()
    if row is None:
        return None
    return dict(row) | {"agencies": _agencies_by_role(conn, [task_id]).get(task_id, {})}


def task_history(conn: Connection, task_row: dict, plan_key: str | None) -> list[dict]:
    """The task (same key) in each revision of its plan, oldest first; `task` None where a
    revision lacks it. `changed`: its content, lead or timeframe differ from the revision before."""
    chain = revisions(conn, plan_key) or [{"id": task_row["document_id"], "revision": 1}]
    found = {r["document_id"]: dict(r) for r in conn.execute(
        select(tasks).where(tasks.c.document_id.in_([c["id"] for c in chain]), tasks.c.key == task_row["key"])).mappings()}
    roles = _agencies_by_role(conn, [t["id"] for t in found.values()])
    history, before = [], None
    for revision in chain:
        entry = found.get(revision["id"])
        if entry is not None:
            entry["agencies"] = roles.get(entry["id"], {})
        seen = _comparable(entry)
        history.append({"revision": revision, "task": entry, "changed": before is not None and seen != before})
        before = seen
    return history


def _comparable(entry: dict | None) -> tuple | None:
    if entry is None:
        return None
    return entry["content"], tuple(entry["agencies"].get("lead", [])), entry["timeframe_text"]


def document_job(conn: Connection, document_id: int) -> dict | None:
    """The upload that stored this document (its source and JSON are kept), if serve made it."""
    row = conn.execute(select(jobs.c.stored_name, jobs.c.filename).where(
        jobs.c.document_id == document_id, jobs.c.status == "done").order_by(jobs.c.id).limit(1)).mappings().first()
    return dict(row) if row else None
