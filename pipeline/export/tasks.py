"""Tasks as one flat table for analysts: CSV, Excel or Parquet, through pandas.

One row per task, with the plan it belongs to and its agencies' names joined by
"; ". The same columns come out whether the tasks are read from JSON files or
from the database (`vnplan load`), so a spreadsheet made either way looks alike.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, and_, select

from pipeline.store import schema as db_schema

JOINER = "; "
COLUMNS = (
    "document_code", "document_title", "issuer", "issued_date", "source_file", "task_number", "group",
    "content", "lead", "cooperating", "submit_to", "timeframe", "timeframe_kind", "timeframe_start",
    "timeframe_end", "deadline", "output", "note", "references", "pages",
)
FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet"}


def _names(agencies: Iterable[dict | None]) -> str | None:
    names = [a["name"] for a in agencies if a]
    return JOINER.join(names) if names else None


def task_records(doc: dict) -> list[dict]:
    """The export rows of one contract document, in task order."""
    meta = doc["document"]
    plan = {
        "document_code": meta.get("code"), "document_title": meta.get("title"),
        "issuer": (meta.get("issuer") or {}).get("name"), "issued_date": meta.get("issued_date"),
        "source_file": doc["source"]["filename"],
    }
    rows = []
    for task in doc.get("tasks", []):
        timeframe = task.get("timeframe") or {}
        rows.append(plan | {
            "task_number": str(task["number"]), "group": task.get("group"), "content": task["content"],
            "lead": _names(task.get("lead", [])), "cooperating": _names(task.get("cooperating", [])),
            "submit_to": _names([task.get("submit_to")]), "timeframe": timeframe.get("text"),
            "timeframe_kind": timeframe.get("kind"), "timeframe_start": timeframe.get("start"),
            "timeframe_end": timeframe.get("end"), "deadline": timeframe.get("date"),
            "output": task.get("output"), "note": task.get("note"),
            "references": JOINER.join(task.get("references", [])) or None,
            "pages": ",".join(map(str, task["pages"])) if task.get("pages") else None,
        })
    return rows


def tasks_frame(records: list[dict]) -> pd.DataFrame:
    """A DataFrame with the export's columns in order; year columns stay integers with gaps."""
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    for column in ("timeframe_start", "timeframe_end"):
        frame[column] = frame[column].astype("Int64")
    return frame


def tasks_from_docs(docs: Iterable[dict]) -> pd.DataFrame:
    return tasks_frame([row for doc in docs for row in task_records(doc)])


def tasks_from_db(engine: Engine, current_only: bool = True) -> pd.DataFrame:
    """The same rows from a loaded database; by default only each plan's current revision."""
    d, t, ta, a, c, r = (db_schema.documents, db_schema.tasks, db_schema.task_agencies, db_schema.agencies,
                          db_schema.citations, db_schema.references)
    issuer = a.alias("issuer")
    query = (select(d.c.code, d.c.title, issuer.c.name, d.c.issued_date, d.c.source_filename, t.c.id, t.c.number,
                    t.c.group_title, t.c.content, t.c.timeframe_text, t.c.timeframe_kind, t.c.timeframe_start,
                    t.c.timeframe_end, t.c.timeframe_date, t.c.output, t.c.note, t.c.pages)
             .select_from(t.join(d, t.c.document_id == d.c.id).outerjoin(issuer, d.c.issuer_id == issuer.c.id))
             .order_by(d.c.id, t.c.position))
    if current_only:
        query = query.where(d.c.is_current)
    with engine.connect() as conn:
        task_rows = conn.execute(query).all()
        links = conn.execute(select(ta.c.task_id, ta.c.role, a.c.name)
                             .join(a, ta.c.agency_id == a.c.id).order_by(ta.c.task_id, ta.c.role, ta.c.position)).all()
        cited = conn.execute(select(c.c.task_id, r.c.key).join(r, c.c.reference_id == r.c.id)
                             .where(and_(c.c.task_id.is_not(None))).order_by(c.c.task_id, c.c.id)).all()
    agencies: dict[tuple[int, str], list[str]] = {}
    for task_id, role, name in links:
        agencies.setdefault((task_id, role), []).append(name)
    refs: dict[int, list[str]] = {}
    for task_id, key in cited:
        refs.setdefault(task_id, []).append(key)

    def joined(task_id: int, role: str) -> str | None:
        return JOINER.join(agencies[(task_id, role)]) if (task_id, role) in agencies else None

    records = [{
        "document_code": row[0], "document_title": row[1], "issuer": row[2],
        "issued_date": row[3].isoformat() if row[3] else None, "source_file": row[4], "task_number": row[6],
        "group": row[7], "content": row[8], "lead": joined(row[5], "lead"),
        "cooperating": joined(row[5], "cooperating"), "submit_to": joined(row[5], "submit_to"),
        "timeframe": row[9], "timeframe_kind": row[10], "timeframe_start": row[11], "timeframe_end": row[12],
        "deadline": row[13].isoformat() if row[13] else None, "output": row[14], "note": row[15],
        "references": JOINER.join(refs[row[5]]) if row[5] in refs else None, "pages": row[16],
    } for row in task_rows]
    return tasks_frame(records)


def export_format(path: Path) -> str:
    """"csv", "xlsx" or "parquet" from the file's extension; ValueError otherwise."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"unknown export format {path.suffix or '(none)'!r}: use .csv, .xlsx or .parquet") from None


def write_frame(frame: pd.DataFrame, path: Path) -> None:
    """Write by extension. CSV gets a UTF-8 BOM so Excel shows Vietnamese correctly."""
    kind = export_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "csv":
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    elif kind == "xlsx":
        frame.to_excel(path, index=False, sheet_name="tasks", engine="openpyxl")
    else:
        frame.to_parquet(path, index=False, engine="pyarrow")
