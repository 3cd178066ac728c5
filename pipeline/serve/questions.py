"""The analyst questions of docs/db.md as pages: each a query over the store's views with a
few filters, shown as a table and written to XLSX/CSV by `vnplan export`'s writer.

A question's SQL is fixed here; a filter only adds `AND column = :value` with the value bound,
so nothing a user types reaches the SQL text. Columns and their headers are data
(pipeline/data/question_columns.csv).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection, text

from pipeline.data import load_csv
from pipeline.export.tasks import Column

# Rows a question's page shows (the export has them all).
PAGE_ROWS = 500


@dataclass(frozen=True)
class Question:
    name: str
    sql: str  # a SELECT ending where the filters' conditions may be added ("WHERE 1=1 ...")
    order: str
    filters: tuple[str, ...]  # columns the page can filter on, each `= :column`
    task_column: str | None = None  # links a row to its task page


QUESTIONS = {q.name: q for q in (
    Question("open_tasks",
             "SELECT DISTINCT o.task_id, o.province_successor, o.code, o.title, o.task_key, o.content, o.lead_name, "
             "o.holder_name, o.timeframe_text, o.deadline_start, o.deadline_end FROM open_tasks_by_lead o WHERE 1=1",
             "o.province_successor, o.code, o.task_id", ("holder_name", "province_successor", "due_year"), "task_id"),
    Question("tasks_by_year",
             "SELECT y.task_id, y.due_year, y.province_successor, y.code, y.task_key, y.content, y.timeframe_text, "
             "y.deadline_start, y.deadline_end FROM tasks_by_deadline_year y WHERE 1=1",
             "y.due_year, y.province_successor, y.code, y.task_id", ("due_year", "province_successor"), "task_id"),
    Question("top_cited", "SELECT code, type_name, year, issuer_name, plans, mentions FROM top_cited_references WHERE 1=1",
             "plans DESC, mentions DESC, key", ("type_name",)),
    Question("plans_by_province",
             "SELECT province_successor, COUNT(*) AS plans FROM latest_revisions WHERE attached_to_id IS NULL",
             "plans DESC, province_successor", (), None),
    Question("warnings_by_code",
             "SELECT w.code, COUNT(*) AS warnings, COUNT(DISTINCT w.document_id) AS documents FROM warnings w WHERE 1=1",
             "warnings DESC, w.code", ()),
)}
_GROUPED = {"plans_by_province": "GROUP BY province_successor", "warnings_by_code": "GROUP BY w.code"}
_NUMBERS = ("due_year",)
# open_tasks' year filter: tasks whose deadline window covers the year (the per-year view).
_DUE_YEAR_IN_OPEN = "o.task_id IN (SELECT task_id FROM tasks_by_deadline_year WHERE due_year = :due_year)"


@cache
def columns(name: str) -> tuple[Column, ...]:
    return tuple(Column(r["key"], r["type"], int(r["width"]), r["header_vi"], r["header_en"])
                 for r in load_csv("question_columns.csv") if r["question"] == name)


def _where(question: Question, chosen: dict[str, str]) -> tuple[str, dict]:
    parts, params = [], {}
    for key in question.filters:
        value = chosen.get(key, "").strip()
        if not value:
            continue
        if key in _NUMBERS:
            if not value.isdigit():
                continue
            value = int(value)
        params[key] = value
        parts.append(_DUE_YEAR_IN_OPEN if question.name == "open_tasks" and key == "due_year" else f"{key} = :{key}")
    return "".join(f" AND {p}" for p in parts), params


def answer(conn: Connection, name: str, chosen: dict[str, str], limit: int | None = PAGE_ROWS) -> list[dict]:
    """The question's rows under the chosen filters (all of them when `limit` is None)."""
    question = QUESTIONS[name]
    where, params = _where(question, chosen)
    sql = f"{question.sql}{where} {_GROUPED.get(name, '')} ORDER BY {question.order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [dict(r) for r in conn.execute(text(sql), params).mappings()]


# Where each filter's choices come from.
_CHOICES = {
    "holder_name": "SELECT DISTINCT holder_name FROM open_tasks_by_lead WHERE holder_name IS NOT NULL ORDER BY 1",
    "province_successor": "SELECT DISTINCT province_successor FROM latest_revisions "
                          "WHERE province_successor IS NOT NULL ORDER BY 1",
    # the years the per-year view spans (asking the view itself costs a whole pass over it)
    "due_year": "SELECT year FROM calendar_years ORDER BY 1",
    "type_name": "SELECT DISTINCT type_name FROM top_cited_references WHERE type_name IS NOT NULL ORDER BY 1",
}


def filter_choices(conn: Connection, name: str) -> dict[str, list[str]]:
    """The values each filter of a question can take, from the views."""
    return {key: [str(v) for v in conn.execute(text(_CHOICES[key])).scalars()] for key in QUESTIONS[name].filters}
