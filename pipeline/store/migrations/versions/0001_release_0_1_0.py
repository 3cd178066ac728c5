"""The schema of release 0.1.0 (frozen in migrations/frozen_0_1_0.py).

A database that release made has these tables and no alembic_version table;
pipeline.store.migrate stamps it with this revision and upgrades it from here.

Revision ID: 0001
Revises:
"""
from alembic import op

from pipeline.store.migrations.frozen_0_1_0 import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    metadata.create_all(op.get_bind())


def downgrade() -> None:
    metadata.drop_all(op.get_bind())
