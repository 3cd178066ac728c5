"""Full-text search over titles, sections and tasks with the database's own engine.

What is indexed and what is asked are folded the same way: abbreviations expanded through the
gazetteer ("Sở TC" -> "Sở Tài chính"), tone marks and case dropped ("chuyển đổi số" ->
"chuyen doi so"). A query is then the words of its folded form, as a phrase (in a row); when expanding
abbreviations changed it, the unexpanded words are a second way to match. SQLite asks its
FTS5 table (MATCH, ranked by bm25); PostgreSQL `tsv @@ to_tsquery('simple', ...)` over a GIN
index, `tsv` being the stored `to_tsvector('simple', body)`. Words are [a-z0-9]+ only, so a
query can never carry engine syntax.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection, Engine, insert, select, text
from sqlalchemy.sql.elements import TextClause

from pipeline.data import load_csv
from pipeline.normalize.gazetteer import expand_abbreviations
from pipeline.serve.tables import indexed, pg_search
from pipeline.store.engine import lock
from pipeline.store.schema import agencies, documents, paragraphs, sections, task_agencies, tasks
from pipeline.text import fold_aligned, folded

_WORD = re.compile(r"[a-z0-9]+")
# Hits the result list shows under the documents, and the characters shown each side of a match.
MAX_HITS = 50
EXCERPT_CHARS = 110


def fold_for_search(value: str) -> str:
    """The searchable form of a text: abbreviations expanded, no tone marks, lower case."""
    return folded(expand_abbreviations(value))


@cache
def _folded_abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    """The gazetteer's abbreviations as a user types them without marks or capitals ("so tc"):
    folded abbreviation (after its head word, where it needs one) -> folded expansion."""
    table: dict[str, str] = {}
    for row in load_csv("abbreviations.csv"):
        abbreviation, expansion = folded(row["abbreviation"]), folded(row["expansion"])
        heads = {folded(h) for h in (row.get("after") or "").split("|") if h}
        for head in heads or {""}:
            table[f"{head} {abbreviation}".strip()] = f"{head} {expansion}".strip()
    alternatives = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])"), table


def expand_folded(query: str) -> str:
    pattern, table = _folded_abbreviations()
    return pattern.sub(lambda m: table[m.group(0)], query)


def query_alternatives(query: str) -> list[list[str]]:
    """Each way the query may match, as the words it requires in a row; [] for a query without words."""
    plain = folded(query)
    ways = [_WORD.findall(fold_for_search(query)), _WORD.findall(expand_folded(plain)), _WORD.findall(plain)]
    unique: list[list[str]] = []
    for words in ways:
        if words and words not in unique:
            unique.append(words)
    return unique


def fts5_query(ways: list[list[str]]) -> str:
    """Each way as a phrase (its words in a row), any way matching."""
    return " OR ".join('"' + " ".join(words) + '"' for words in ways)


def tsquery(ways: list[list[str]]) -> str:
    return " | ".join("(" + " <-> ".join(words) + ")" for words in ways)


def matching_documents(dialect: str, query: str) -> TextClause | None:
    """SELECT document_id of every indexed row matching, as a subquery; None when nothing to ask."""
    ways = query_alternatives(query)
    if not ways:
        return None
    if dialect == "sqlite":
        return text("SELECT document_id FROM serve_search WHERE serve_search MATCH :fts").bindparams(fts=fts5_query(ways))
    return text("SELECT document_id FROM serve_search WHERE tsv @@ to_tsquery('simple', :tsq)"
                ).bindparams(tsq=tsquery(ways))


@dataclass(frozen=True)
class Hit:
    kind: str  # title | section | task
    ref_id: int
    document_id: int
    text: str
    excerpt: tuple[str, str, str] = ("", "", "")  # before, the matched words, after


def excerpt(value: str, ways: list[list[str]], around: int = EXCERPT_CHARS) -> tuple[str, str, str]:
    """The text around the first place a way's words appear in it (found on the folded copy,
    which keeps one character per character), or its start."""
    plain = fold_aligned(value)
    for words in ways:
        found = re.search(r"\W+".join(map(re.escape, words)), plain)
        if found:
            start, end = found.span()
            head = max(0, start - around)
            return (("…" if head else "") + value[head:start], value[start:end],
                    value[end:end + around] + ("…" if end + around < len(value) else ""))
    return value[:2 * around] + ("…" if len(value) > 2 * around else ""), "", ""


def hits(conn: Connection, query: str, limit: int = MAX_HITS) -> list[Hit]:
    """The best-ranked rows matching the query."""
    ways = query_alternatives(query)
    if not ways:
        return []
    if conn.dialect.name == "sqlite":
        rows = conn.execute(text("SELECT kind, ref_id, document_id, text FROM serve_search WHERE serve_search MATCH :fts "
                                 "ORDER BY rank LIMIT :n"), {"fts": fts5_query(ways), "n": limit})
    else:
        rows = conn.execute(text("SELECT kind, ref_id, document_id, text FROM serve_search "
                                 "WHERE tsv @@ to_tsquery('simple', :tsq) "
                                 "ORDER BY ts_rank(tsv, to_tsquery('simple', :tsq)) DESC, id LIMIT :n"),
                            {"tsq": tsquery(ways), "n": limit})
    return [Hit(r.kind, int(r.ref_id), int(r.document_id), r.text, excerpt(r.text, ways)) for r in rows]


# ---- indexing ---------------------------------------------------------------------------

def _task_texts(conn: Connection, document_id: int) -> list[tuple[int, str]]:
    """Each task's content with its group and the agencies named in it, with their successors
    after the 2025 mergers (so "Sở TC" finds the tasks Sở Tài chính leads today)."""
    names: dict[int, list[str]] = {}
    for task_id, name, successor in conn.execute(select(task_agencies.c.task_id, agencies.c.name, agencies.c.successor_name)
                                      .join(agencies, agencies.c.id == task_agencies.c.agency_id)
                                      .join(tasks, tasks.c.id == task_agencies.c.task_id)
                                      .where(tasks.c.document_id == document_id)
                                      .order_by(task_agencies.c.task_id, task_agencies.c.position)):
        names.setdefault(task_id, []).extend(n for n in (name, successor) if n)
    rows = conn.execute(select(tasks.c.id, tasks.c.content, tasks.c.group_title, tasks.c.output)
                        .where(tasks.c.document_id == document_id).order_by(tasks.c.position))
    return [(r.id, " · ".join(p for p in (r.content, r.output, "; ".join(names.get(r.id, [])), r.group_title) if p))
            for r in rows]


def index_rows(conn: Connection, document_id: int) -> list[dict]:
    """The rows one document adds to the index: its title, its headings and paragraphs, its tasks."""
    title = conn.scalar(select(documents.c.title).where(documents.c.id == document_id)) or ""
    found = [("title", document_id, title)]
    found += [("section", r.id, " ".join(p for p in (r.number, r.title) if p))
              for r in conn.execute(select(sections.c.id, sections.c.number, sections.c.title)
                                    .where(sections.c.document_id == document_id, sections.c.title.is_not(None)))]
    found += [("section", r.section_id, r.text) for r in conn.execute(
        select(paragraphs.c.section_id, paragraphs.c.text).where(paragraphs.c.document_id == document_id)
        .order_by(paragraphs.c.position))]
    found += [("task", tid, body) for tid, body in _task_texts(conn, document_id)]
    return [{"document_id": document_id, "kind": kind, "ref_id": ref, "text": value, "body": fold_for_search(value)}
            for kind, ref, value in found if value]


def _write_rows(conn: Connection, new_rows: list[dict]) -> None:
    if not new_rows:
        return
    if conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO serve_search (body, text, kind, ref_id, document_id) "
                          "VALUES (:body, :text, :kind, :ref_id, :document_id)"), new_rows)
    else:
        conn.execute(insert(pg_search), new_rows)


def index_missing(engine: Engine) -> int:
    """Index every stored document not indexed yet (loaded by serve or by `vnplan load`)."""
    with engine.begin() as conn:
        lock(conn)
        todo = list(conn.scalars(select(documents.c.id).outerjoin(indexed, indexed.c.document_id == documents.c.id)
                                 .where(indexed.c.document_id.is_(None)).order_by(documents.c.id)))
        for document_id in todo:
            _write_rows(conn, index_rows(conn, document_id))
        if todo:
            conn.execute(insert(indexed), [{"document_id": d} for d in todo])
    return len(todo)
