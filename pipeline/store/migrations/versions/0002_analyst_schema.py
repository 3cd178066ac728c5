"""Schema for analysts' questions: provinces, periods, drafts, attachments, warnings, deadline
windows, agencies' gazetteer ids and successors, revision chains by date, the views.

Every stored row is kept; the new columns of old rows are filled from what the old
tables hold (the warnings table stays empty for them: release 0.1.0 kept only a count).
Revision chains are rebuilt by issued date and number, and two documents with the
same content (left by release 0.1.0's unlocked loads) are kept, the later one marked
`duplicate_of` the first so the new unique index holds.

The new columns are filled by this release's own functions (store.rows, db.relink_revisions,
views.replace_views), not frozen copies: a later release that changes what they compute must
copy here what this migration needs, so that an old database still migrates to this revision.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pipeline.store import rows
from pipeline.store.views import replace_views

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None



def _add_columns() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("plan_key", sa.String(500)))
        batch.add_column(sa.Column("revision", sa.Integer))
        batch.add_column(sa.Column("is_draft", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("province", sa.Text))
        batch.add_column(sa.Column("province_successor", sa.Text))
        batch.add_column(sa.Column("period_start", sa.Integer))
        batch.add_column(sa.Column("period_end", sa.Integer))
        batch.add_column(sa.Column("attached_to_id", sa.Integer))
        batch.add_column(sa.Column("attached_to_code", sa.String(200)))
        batch.add_column(sa.Column("attached_relation", sa.String(20)))
        batch.add_column(sa.Column("duplicate_of", sa.Integer))
        batch.create_foreign_key("fk_documents_attached_to_id", "documents", ["attached_to_id"], ["id"],
                                 ondelete="CASCADE")
        batch.create_foreign_key("fk_documents_duplicate_of", "documents", ["duplicate_of"], ["id"],
                                 ondelete="SET NULL")
        batch.create_index("ix_documents_plan_key", ["plan_key"])
        batch.create_index("ix_documents_attached_to_id", ["attached_to_id"])
    with op.batch_alter_table("tasks") as batch:
        batch.add_column(sa.Column("key", sa.String(80)))
        batch.add_column(sa.Column("deadline_start", sa.Date))
        batch.add_column(sa.Column("deadline_end", sa.Date))
        batch.add_column(sa.Column("deadline_inferred", sa.Boolean))
    with op.batch_alter_table("task_agencies") as batch:
        batch.add_column(sa.Column("gazetteer_id", sa.String(200)))
        batch.add_column(sa.Column("recognised", sa.Boolean))
        batch.add_column(sa.Column("successor_id", sa.String(200)))
        batch.create_index("ix_task_agencies_successor_id", ["successor_id"])
    op.create_table(
        "warnings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("code", sa.String(80), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("where_path", sa.Text),
        sa.Column("label", sa.Text),
        sa.UniqueConstraint("document_id", "position"),
    )
    op.create_index("ix_warnings_document_id", "warnings", ["document_id"])
    op.create_table("calendar_years", sa.Column("year", sa.Integer, primary_key=True, autoincrement=False))


def _fill_documents(conn: sa.Connection, t: dict[str, sa.Table]) -> dict[int, tuple[int | None, int | None]]:
    """Province, draft flag, period, plan key and duplicates of old documents; their periods by id."""
    d, a = t["documents"], t["agencies"]
    found = conn.execute(sa.select(d.c.id, d.c.code, d.c.number, d.c.title, d.c.issued_date, d.c.issuer_id,
                                   d.c.content_sha256, a.c.name.label("issuer_name"))
                         .select_from(d.outerjoin(a, a.c.id == d.c.issuer_id)).order_by(d.c.id)).all()
    periods: dict[int, tuple[int | None, int | None]] = {}
    first_with: dict[str, int] = {}
    for row in found:
        meta = {"code": row.code, "title": row.title, "issuer": {"id": row.issuer_id} if row.issuer_id else None,
                "issued_date": row.issued_date.isoformat() if row.issued_date else None}
        province, successor = rows.province_of(row.issuer_name)
        periods[row.id] = rows.plan_period(meta)
        duplicate_of = first_with.setdefault(row.content_sha256, row.id)
        values = {"province": province, "province_successor": successor, "plan_key": rows.plan_key(meta),
                  "is_draft": not row.number or not row.issued_date,
                  "period_start": periods[row.id][0], "period_end": periods[row.id][1]}
        if duplicate_of != row.id:
            values |= {"duplicate_of": duplicate_of, "is_current": False}
        conn.execute(sa.update(d).where(d.c.id == row.id).values(**values))
    return periods


def _fill_tasks(conn: sa.Connection, t: dict[str, sa.Table], periods: dict[int, tuple[int | None, int | None]]) -> set[int]:
    """Key and deadline window of old tasks; the years they name."""
    k = t["tasks"]
    years: set[int] = {y for period in periods.values() for y in period if y}
    found = conn.execute(sa.select(k.c.id, k.c.document_id, k.c.number, k.c.timeframe_kind, k.c.timeframe_start,
                                   k.c.timeframe_end, k.c.timeframe_date)).all()
    for row in found:
        timeframe = {"kind": row.timeframe_kind, "start": row.timeframe_start, "end": row.timeframe_end,
                     "date": row.timeframe_date.isoformat() if row.timeframe_date else None}
        start, end, inferred = rows.deadline_window(timeframe if row.timeframe_kind else None, periods[row.document_id])
        years |= {day.year for day in (start, end) if day}
        conn.execute(sa.update(k).where(k.c.id == row.id).values(
            key=row.number, deadline_start=start, deadline_end=end, deadline_inferred=inferred))
    return years


def _fill_task_agencies(conn: sa.Connection, t: dict[str, sa.Table]) -> None:
    ta, a = t["task_agencies"], t["agencies"]
    found = conn.execute(sa.select(ta.c.id, a.c.name, a.c.successor_id).join(a, a.c.id == ta.c.agency_id)).all()
    for row in found:
        gazetteer_id, recognised = rows.gazetteer_entry(row.name)
        conn.execute(sa.update(ta).where(ta.c.id == row.id).values(
            gazetteer_id=gazetteer_id, recognised=recognised, successor_id=row.successor_id))


def _relink(conn: sa.Connection, t: dict[str, sa.Table]) -> None:
    from pipeline.store.db import relink_revisions

    d = t["documents"]
    for key in conn.scalars(sa.select(d.c.plan_key).where(d.c.plan_key.is_not(None)).distinct()).all():
        relink_revisions(conn, key)


def upgrade() -> None:
    _add_columns()
    conn = op.get_bind()
    names = ("documents", "agencies", "tasks", "task_agencies", "calendar_years")
    meta = sa.MetaData()
    t = {name: sa.Table(name, meta, autoload_with=conn) for name in names}
    periods = _fill_documents(conn, t)
    years = _fill_tasks(conn, t, periods)
    if years:
        conn.execute(sa.insert(t["calendar_years"]), [{"year": y} for y in range(min(years), max(years) + 1)])
    _fill_task_agencies(conn, t)
    _relink(conn, t)
    op.create_index("uq_documents_content", "documents", ["content_sha256"], unique=True,
                    sqlite_where=sa.text("duplicate_of IS NULL"), postgresql_where=sa.text("duplicate_of IS NULL"))
    replace_views(conn)


def downgrade() -> None:
    conn = op.get_bind()
    from pipeline.store.views import drop_views

    drop_views(conn)
    op.drop_index("uq_documents_content", "documents")
    op.drop_table("calendar_years")
    op.drop_index("ix_warnings_document_id", "warnings")
    op.drop_table("warnings")
    with op.batch_alter_table("task_agencies") as batch:
        batch.drop_index("ix_task_agencies_successor_id")
        for name in ("successor_id", "recognised", "gazetteer_id"):
            batch.drop_column(name)
    with op.batch_alter_table("tasks") as batch:
        for name in ("deadline_inferred", "deadline_end", "deadline_start", "key"):
            batch.drop_column(name)
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_attached_to_id")
        batch.drop_index("ix_documents_plan_key")
        batch.drop_constraint("fk_documents_duplicate_of", type_="foreignkey")
        batch.drop_constraint("fk_documents_attached_to_id", type_="foreignkey")
        for name in ("duplicate_of", "attached_relation", "attached_to_code", "attached_to_id", "period_end",
                     "period_start", "province_successor", "province", "is_draft", "revision", "plan_key"):
            batch.drop_column(name)
