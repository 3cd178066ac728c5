"""The tables `vnplan serve` adds beside the store's: its upload queue and its search index.

Kept out of the store's migrations on purpose: a database that `vnplan load` fills works
without them, and serve creates them (IF NOT EXISTS) when it opens one. The search index is
the database's own full-text engine over folded text (no tone marks, lower case,
abbreviations expanded): an FTS5 virtual table on SQLite, a table with a stored
`to_tsvector('simple', body)` column under a GIN index on PostgreSQL.
"""
from __future__ import annotations

from sqlalchemy import Column, Computed, DateTime, Engine, Integer, MetaData, String, Table, Text, text
from sqlalchemy.dialects.postgresql import TSVECTOR

from pipeline.store.engine import lock

metadata = MetaData()

# One row per uploaded file. The file is kept under the data folder by `stored_name` (generated,
# never the user's name); `filename` is only shown.
jobs = Table(
    "serve_jobs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("stored_name", String(80), nullable=False, unique=True),
    Column("filename", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("status", String(10), nullable=False, index=True),  # pending | running | done | failed
    Column("reason", Text),  # one line, when failed
    Column("warnings", Integer),
    Column("document_id", Integer, index=True),  # the stored document (or the one it repeats)
    Column("outcome", String(20)),  # db.LoadResult.status: stored | revision | same_content | duplicate
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

# Documents already in the search index (PostgreSQL and SQLite alike).
indexed = Table("serve_indexed", metadata, Column("document_id", Integer, primary_key=True, autoincrement=False))

# PostgreSQL's search rows (SQLite has the FTS5 table of the same name instead).
pg_search = Table(
    "serve_search", MetaData(),
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, nullable=False, index=True),
    Column("kind", String(10), nullable=False),  # title | section | task
    Column("ref_id", Integer, nullable=False),
    Column("text", Text, nullable=False),  # as printed, for the result list
    Column("body", Text, nullable=False),  # folded, what is searched
    # Stored, not computed per query: a phrase match rechecks every candidate row, and
    # ts_rank reads every match (3-5 s a common phrase on 1,000 plans when computed each time).
    Column("tsv", TSVECTOR, Computed("to_tsvector('simple', body)", persisted=True)),
)

_SQLITE_FTS = ("CREATE VIRTUAL TABLE IF NOT EXISTS serve_search USING fts5("
               "body, text UNINDEXED, kind UNINDEXED, ref_id UNINDEXED, document_id UNINDEXED, tokenize='unicode61')")
_PG_FTS_INDEX = "CREATE INDEX IF NOT EXISTS serve_search_fts ON serve_search USING gin (tsv)"


def create_tables(engine: Engine) -> None:
    """The queue and the search index, created once under the writers' lock."""
    with engine.begin() as conn:
        lock(conn)
        metadata.create_all(conn, checkfirst=True)
        if conn.dialect.name == "sqlite":
            conn.execute(text(_SQLITE_FTS))
        else:
            pg_search.create(conn, checkfirst=True)
            conn.execute(text(_PG_FTS_INDEX))
