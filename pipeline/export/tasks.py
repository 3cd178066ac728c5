"""Tasks as one flat table for analysts: one row per task of the latest revision of each plan.

The rows carry the plan they belong to (code, issuer, province and its 2025
successor, date, draft flag, revision), the task's key, content, deadline window
and agencies (names and ids joined by "; ", and who leads today after the
mergers). The same rows come out whether the tasks are read from JSON files or
from the database (`vnplan load`): both go through `pipeline.store.rows`, so a
spreadsheet made either way looks alike. The PDF and the DOCX of one text are
one plan; `all_revisions` keeps every revision instead of the latest.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, select

from pipeline.data import load_csv
from pipeline.store import rows
from pipeline.store import schema as db_schema

JOINER = "; "


@dataclass(frozen=True)
class Column:
    key: str
    type: str  # text | date | int | bool
    width: int
    header_vi: str
    header_en: str

    def header(self, lang: str) -> str:
        return self.header_en if lang == "en" else self.header_vi


COLUMNS = tuple(Column(r["key"], r["type"], int(r["width"]), r["header_vi"], r["header_en"])
                for r in load_csv("export_columns.csv"))
KEYS = tuple(c.key for c in COLUMNS)


def _joined(values: Iterable[str | None]) -> str | None:
    kept = [v for v in values if v]
    return JOINER.join(kept) if kept else None


def _agency_cells(role: str, agencies: list[dict]) -> dict:
    """Names and ids of one role's agencies; for the lead, also who holds it today."""
    cells = {role: _joined(a["name"] for a in agencies), f"{role}_ids": _joined(a["id"] for a in agencies)}
    if role == "lead":
        now = [a.get("successor") or a for a in agencies]
        cells |= {"lead_now": _joined(a["name"] for a in now), "lead_now_ids": _joined(a["id"] for a in now)}
    return cells


def _plan_cells(row: dict, revision: int | None, attached_to: str | None, issuer: str | None) -> dict:
    return {
        "plan_code": row["code"], "plan_title": row["title"], "issuer": issuer, "province": row["province"],
        "province_successor": row["province_successor"], "issued_date": row["issued_date"],
        "draft": row["is_draft"], "revision": revision, "attached_to": attached_to,
        "source_file": row["source_filename"],
    }


def _task_cells(task: dict, task_row: dict) -> dict:
    return {
        "task_key": task_row["key"], "group": task.get("group"), "content": task["content"],
        **_agency_cells("lead", task.get("lead") or []),
        **_agency_cells("cooperating", task.get("cooperating") or []),
        "submit_to": (task.get("submit_to") or {}).get("name"),
        "timeframe": task_row["timeframe_text"], "deadline_start": task_row["deadline_start"],
        "deadline_end": task_row["deadline_end"], "deadline_inferred": task_row["deadline_inferred"],
        "output": task.get("output"), "note": task.get("note"),
        "references": _joined(task.get("references") or []), "pages": task_row["pages"],
    }


# ---- from JSON files ----------------------------------------------------------------------

@dataclass(frozen=True)
class _Doc:
    doc: dict
    row: dict  # rows.document_row(doc)
    order: int  # position among the inputs: the last tie-break of a revision chain
    owner: int | None  # for an attachment: the `order` of the document it is printed in
    attached_to: str | None  # for an attachment: that document's code


def _documents(docs: Iterable[dict]) -> list[_Doc]:
    """Every document and attachment once: a second file with the same content is dropped."""
    seen: set[str] = set()
    out: list[_Doc] = []
    for doc in docs:
        row = rows.document_row(doc)
        if row["content_sha256"] in seen:
            continue
        seen.add(row["content_sha256"])
        owner = _Doc(doc, row, len(out), None, None)
        out.append(owner)
        for part in rows.attachment_docs(doc):
            part_row = rows.document_row(part)
            if part_row["content_sha256"] not in seen:
                seen.add(part_row["content_sha256"])
                code = (part["document"].get("attached_to") or {}).get("code") or doc["document"].get("code")
                out.append(_Doc(part, part_row, len(out), owner.order, code))
    return out


def _chains(docs: list[_Doc]) -> dict[int, tuple[int, bool]]:
    """(revision, is latest) of each document by position, chained as the database chains them."""
    by_key: dict[str, list[_Doc]] = {}
    for d in docs:
        by_key.setdefault(d.row["plan_key"] or f"#{d.order}", []).append(d)
    out: dict[int, tuple[int, bool]] = {}
    for chain in by_key.values():
        chain.sort(key=lambda d: rows.revision_order(d.row["issued_date"], d.row["number"], d.order))
        for position, d in enumerate(chain):
            out[d.order] = (position + 1, position == len(chain) - 1)
    return out


def task_records(docs: Iterable[dict], all_revisions: bool = False) -> list[dict]:
    """The export rows of converted documents, plan by plan in input order, tasks in order."""
    found = _documents(docs)
    chains = _chains(found)
    records = []
    for d in found:
        revision, latest = chains[d.order]
        if d.owner is not None:  # an attachment is as current as the document it is printed in
            latest = chains[d.owner][1]
        if not (latest or all_revisions):
            continue
        issuer = (d.doc["document"].get("issuer") or {}).get("name")
        plan = _plan_cells(d.row, revision, d.attached_to, issuer)
        period = (d.row["period_start"], d.row["period_end"])
        for i, task in enumerate(d.doc.get("tasks") or []):
            records.append(plan | _task_cells(task, rows.task_row(task, 0, i, period)))
    return records


# ---- from the database ---------------------------------------------------------------------

def _db_agencies(conn, task_ids: list[int]) -> dict[tuple[int, str], list[dict]]:
    ta, a = db_schema.task_agencies, db_schema.agencies
    found = conn.execute(select(ta.c.task_id, ta.c.role, a.c.id, a.c.name, ta.c.successor_id, a.c.successor_id,
                                a.c.successor_name)
                         .join(a, a.c.id == ta.c.agency_id).where(ta.c.task_id.in_(task_ids))
                         .order_by(ta.c.task_id, ta.c.role, ta.c.position)).all()
    out: dict[tuple[int, str], list[dict]] = {}
    for task_id, role, agency_id, name, successor_id, own_successor_id, successor_name in found:
        successor_id = successor_id or own_successor_id
        successor = {"id": successor_id, "name": successor_name or name} if successor_id else None
        out.setdefault((task_id, role), []).append({"id": agency_id, "name": name, "successor": successor})
    return out


def _db_references(conn, task_ids: list[int]) -> dict[int, list[str]]:
    c, r = db_schema.citations, db_schema.references
    out: dict[int, list[str]] = {}
    for task_id, key in conn.execute(select(c.c.task_id, r.c.key).join(r, r.c.id == c.c.reference_id)
                                     .where(c.c.task_id.in_(task_ids)).order_by(c.c.task_id, c.c.id)):
        out.setdefault(task_id, []).append(key)
    return out


def records_from_db(engine: Engine, all_revisions: bool = False) -> list[dict]:
    """The same rows from a loaded database: each plan's current revision, or every revision."""
    d, t, a = db_schema.documents, db_schema.tasks, db_schema.agencies
    parent = d.alias("parent")
    query = (select(d, a.c.name.label("issuer_name"), parent.c.code.label("parent_code"))
             .select_from(d.outerjoin(a, a.c.id == d.c.issuer_id).outerjoin(parent, parent.c.id == d.c.attached_to_id))
             .where(d.c.duplicate_of.is_(None)).order_by(d.c.id))
    if not all_revisions:
        query = query.where(d.c.is_current)
    records = []
    with engine.connect() as conn:
        for doc in conn.execute(query).mappings().all():
            task_rows = conn.execute(select(t).where(t.c.document_id == doc["id"]).order_by(t.c.position)).mappings().all()
            ids = [r["id"] for r in task_rows]
            agencies, refs = _db_agencies(conn, ids), _db_references(conn, ids)
            plan = _plan_cells(dict(doc), doc["revision"], doc["attached_to_code"] or doc["parent_code"],
                               doc["issuer_name"])
            for row in task_rows:
                task = {"group": row["group_title"], "content": row["content"], "output": row["output"],
                        "note": row["note"], "references": refs.get(row["id"], []),
                        "lead": agencies.get((row["id"], "lead"), []),
                        "cooperating": agencies.get((row["id"], "cooperating"), []),
                        "submit_to": (agencies.get((row["id"], "submit_to")) or [None])[0]}
                records.append(plan | _task_cells(task, dict(row)))
    return records

