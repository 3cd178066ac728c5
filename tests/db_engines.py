"""Fresh databases of each kind for the store tests: SQLite always, PostgreSQL when
VNPLAN_TEST_PG_URL is set (.ci/postgres.sh starts one). Locally without a server the
PostgreSQL cases are skipped; in CI (CI=true) a missing server is a failure."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

PG_URL = os.environ.get("VNPLAN_TEST_PG_URL")
ENGINES = ["sqlite", "postgresql"]


def empty_pg() -> str:
    """The PostgreSQL test database, emptied (tables, views, alembic_version)."""
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return PG_URL


def empty_url(kind: str, tmp_path: Path) -> str:
    """The URL of an empty database of `kind`, or a skip (a failure in CI) without a server."""
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'plans.sqlite'}"
    if PG_URL:
        return empty_pg()
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but VNPLAN_TEST_PG_URL is not set: start PostgreSQL with .ci/postgres.sh")
    pytest.skip("no PostgreSQL server (set VNPLAN_TEST_PG_URL; .ci/postgres.sh starts one)")
