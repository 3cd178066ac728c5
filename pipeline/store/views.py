"""Views for the questions analysts ask most, written once and compiled for each database.

    latest_revisions       every document that is its plan's current revision (attachments of
                           a current document too), with issuer name, province and period
    open_tasks_by_lead     one row per task and lead agency of a latest revision, with who holds
                           the lead today (`holder_*`: the agency, or its successor after a merger)
    tasks_by_deadline_year one row per task of a latest revision and year its deadline window covers
    top_cited_references   per cited document: how many latest revisions cite it, and how often

"Open" means the task is in its plan's current revision: a revision that drops or replaces a
task closes it. The database keeps no completion status; add `deadline_end >= CURRENT_DATE`
to keep only tasks not yet due. A view is SQL of this module compiled by SQLAlchemy for the
engine at hand, so SQLite and PostgreSQL get the same columns; a release that changes a view
ships a migration that calls `replace_views` again.
"""
from __future__ import annotations

from sqlalchemy import Connection, Integer, and_, cast, distinct, extract, func, literal, or_, select, text
from sqlalchemy.sql import Select

from pipeline.store.schema import agencies, calendar_years, citations, documents, references, task_agencies, tasks


def _latest() -> Select:
    issuer = agencies.alias("issuer")
    d = documents
    return (select(d.c.id.label("document_id"), d.c.code, d.c.type, d.c.title, d.c.issuer_id,
                   issuer.c.name.label("issuer_name"), d.c.province, d.c.province_successor, d.c.issued_date,
                   d.c.is_draft, d.c.period_start, d.c.period_end, d.c.revision, d.c.plan_key,
                   d.c.attached_to_id, d.c.attached_relation, d.c.source_filename)
            .select_from(d.outerjoin(issuer, issuer.c.id == d.c.issuer_id))
            .where(d.c.is_current, d.c.duplicate_of.is_(None)))


def _task_columns(d) -> list:
    t = tasks
    return [d.c.document_id, d.c.code, d.c.title, d.c.province, d.c.province_successor, d.c.issued_date,
            t.c.id.label("task_id"), t.c.key.label("task_key"), t.c.number.label("task_number"), t.c.content,
            t.c.timeframe_text, t.c.timeframe_kind, t.c.deadline_start, t.c.deadline_end, t.c.deadline_inferred]


def _open_tasks_by_lead() -> Select:
    d = _latest().subquery("d")
    t, ta, a = tasks, task_agencies, agencies
    holder = agencies.alias("holder")
    holder_id = func.coalesce(ta.c.successor_id, a.c.successor_id, a.c.id)
    return (select(*_task_columns(d), a.c.id.label("lead_id"), a.c.name.label("lead_name"),
                   ta.c.gazetteer_id.label("lead_gazetteer_id"), ta.c.recognised.label("lead_recognised"),
                   holder_id.label("holder_id"),
                   func.coalesce(holder.c.name, a.c.successor_name, a.c.name).label("holder_name"))
            .select_from(t.join(d, d.c.document_id == t.c.document_id)
                         .join(ta, and_(ta.c.task_id == t.c.id, ta.c.role == "lead"))
                         .join(a, a.c.id == ta.c.agency_id)
                         .outerjoin(holder, holder.c.id == holder_id)))


def _tasks_by_deadline_year() -> Select:
    d = _latest().subquery("d")
    t, y = tasks, calendar_years
    first = func.coalesce(cast(extract("year", t.c.deadline_start), Integer), select(func.min(y.c.year)).scalar_subquery())
    last = func.coalesce(cast(extract("year", t.c.deadline_end), Integer), select(func.max(y.c.year)).scalar_subquery())
    return (select(y.c.year.label("due_year"), *_task_columns(d))
            .select_from(t.join(d, d.c.document_id == t.c.document_id)
                         .join(y, and_(y.c.year >= first, y.c.year <= last)))
            .where(or_(t.c.deadline_start.is_not(None), t.c.deadline_end.is_not(None))))


def _top_cited_references() -> Select:
    d = _latest().subquery("d")
    r, c = references, citations
    return (select(r.c.id.label("reference_id"), r.c.key, r.c.code, r.c.type, r.c.type_name, r.c.year,
                   r.c.issuer_name, func.count(distinct(c.c.document_id)).label("plans"),
                   func.sum(func.coalesce(c.c.mentions, literal(1))).label("mentions"))
            .select_from(c.join(r, r.c.id == c.c.reference_id).join(d, d.c.document_id == c.c.document_id))
            .where(c.c.task_id.is_(None), c.c.paragraph_id.is_(None))
            .group_by(r.c.id, r.c.key, r.c.code, r.c.type, r.c.type_name, r.c.year, r.c.issuer_name))


VIEWS = {
    "latest_revisions": _latest,
    "open_tasks_by_lead": _open_tasks_by_lead,
    "tasks_by_deadline_year": _tasks_by_deadline_year,
    "top_cited_references": _top_cited_references,
}


def view_sql(name: str, dialect) -> str:
    """The SELECT behind a view, as the given dialect writes it."""
    return str(VIEWS[name]().compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def drop_views(conn: Connection) -> None:
    for name in reversed(VIEWS):
        conn.execute(text(f"DROP VIEW IF EXISTS {name}"))


def replace_views(conn: Connection) -> None:
    """(Re)create every view from this module's definitions."""
    drop_views(conn)
    for name in VIEWS:
        conn.execute(text(f"CREATE VIEW {name} AS {view_sql(name, conn.dialect)}"))

