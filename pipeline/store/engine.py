"""Engines and the writers' lock: what both the loader (`db`) and the migrations (`migrate`)
use, below both, so neither imports the other's module for it.

SQLite: foreign keys on, and the write lock taken at BEGIN (BEGIN IMMEDIATE);
PostgreSQL: a transaction-level advisory lock. Every writer takes the lock before
it decides anything.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text

# One advisory lock id for every vnplan writer on a PostgreSQL database (any 64-bit number would do).
PG_LOCK_ID = 0x766E706C616E  # "vnplan"
# SQLite: how long a writer waits for another's lock before giving up (seconds).
SQLITE_BUSY_TIMEOUT = 120


def _sqlite_setup(dbapi_connection, _record) -> None:
    """Foreign keys on; no implicit BEGIN from the driver: `_sqlite_begin` emits its own."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """Take the write lock at BEGIN, so two loaders never both decide on a stale read."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """An engine for `url` (SQLite files get their folder made), without touching the schema."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})
        event.listen(engine, "connect", _sqlite_setup)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url)


def lock(conn: Connection) -> None:
    """Serialise writers: the rest of this transaction runs alone (SQLite's BEGIN IMMEDIATE did it)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_ID})
