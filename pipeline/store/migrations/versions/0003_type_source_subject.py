"""Contract 1.2's document fields: how the type was found (`type_source`) and a công văn's
"V/v" subject (`subject`).

Rows loaded before hold no `type_source`: a document whose type name was read had it from its
type line (the only way before 1.2), any other "none"; their `subject` stays null (it was not
read). Filled by `rows.type_source`, the function `load` uses for a document without the field.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pipeline.store import rows

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("type_source", sa.String(20)))
        batch.add_column(sa.Column("subject", sa.Text))
    conn = op.get_bind()
    d = sa.Table("documents", sa.MetaData(), autoload_with=conn)
    for row in conn.execute(sa.select(d.c.id, d.c.type_name)).all():
        conn.execute(sa.update(d).where(d.c.id == row.id).values(type_source=rows.type_source({"type_name": row.type_name})))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("subject")
        batch.drop_column("type_source")
