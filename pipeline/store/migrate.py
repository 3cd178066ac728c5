"""Create or upgrade a plans database to this release's schema with Alembic.

A new database is built by running every migration; one made by release 0.1.0
(tables, no `alembic_version`) is stamped with its revision, 0001, and upgraded
from there: upgraded in place, never rebuilt. Two processes opening the same new
database at once are safe: the upgrade runs under the writers' lock (engine.lock)
and the second finds the schema done.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from pipeline.store.engine import lock

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
RELEASE_0_1_0 = "0001"  # the revision whose schema release 0.1.0 created without Alembic


def _config(conn: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


@cache
def head() -> str:
    """The newest revision this release ships."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def current(conn: Connection) -> str | None:
    """The database's revision; None for an empty database or one made by release 0.1.0."""
    return MigrationContext.configure(conn).get_current_revision()


def _set_sqlite_foreign_keys(conn: Connection, on: bool) -> None:
    """Outside a transaction only (SQLite ignores the pragma inside one). Off while a migration
    copies a table, so dropping the old copy does not cascade into the rows that point at it."""
    if conn.dialect.name == "sqlite":
        conn.connection.driver_connection.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the database to `target` under the writers' lock, stamping a 0.1.0 database first."""
    with engine.connect() as conn:
        _set_sqlite_foreign_keys(conn, on=False)
        try:
            with conn.begin():
                lock(conn)
                config = _config(conn)
                tables = inspect(conn)
                if not tables.has_table("alembic_version") and tables.has_table("documents"):
                    command.stamp(config, RELEASE_0_1_0)
                command.upgrade(config, target)
        finally:
            _set_sqlite_foreign_keys(conn, on=True)


def ensure_schema(engine: Engine) -> None:
    """Upgrade to this release's schema unless the database is there already."""
    with engine.connect() as conn:
        done = current(conn) == head()
    if not done:
        upgrade(engine)
