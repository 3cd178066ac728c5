"""The database tables `db` loads contract JSON into (SQLAlchemy Core).

    documents ─┬─ document_files (every file loaded: the PDF and the DOCX of one text)
      │  │    ├─ sections ── paragraphs
      │  │    ├─ tasks ── task_agencies (role lead / cooperating / submit_to) ── agencies
      │  │    ├─ recipients ── agencies
      │  │    ├─ warnings
      │  │    └─ citations (document, and the task or paragraph citing) ── references
      │  └─ previous_id → documents (revision chain, by issued date and number)
      └─ attached_to_id → documents (a plan issued with a decision)
    calendar_years (one row per year, for the per-year views)

This module is the schema of the newest migration (pipeline/store/migrations/);
a test checks that migrating an old database gives exactly these tables. Kept
apart from the loading code so the schema reads as one page, and so code that
only queries the tables (`export`, the views, the tests) needs nothing else.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text, UniqueConstraint,
    false,
)

metadata = MetaData()


def _id() -> Column:
    return Column("id", Integer, primary_key=True, autoincrement=True)


def _fk(name: str, target: str, nullable: bool = False, **kw: object) -> Column:
    return Column(name, ForeignKey(target, ondelete="CASCADE"), nullable=nullable, index=True, **kw)


agencies = Table(
    "agencies", metadata,
    Column("id", String(200), primary_key=True),  # the contract's stable agency id
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),  # agency | group
    Column("level", String(20)),  # central | province | district
    Column("successor_id", String(200)),
    Column("successor_name", Text),
)

references = Table(
    "references", metadata,
    _id(),
    Column("key", String(300), nullable=False, unique=True),  # the contract's reference id
    Column("code", String(200), index=True),
    Column("type", String(40), nullable=False),
    Column("type_name", Text),
    Column("number", String(40)),
    Column("symbol", String(120)),
    Column("year", Integer),
    Column("issued_date", Date),
    Column("issuer_name", Text),
)

documents = Table(
    "documents", metadata,
    _id(),
    Column("sha256", String(64), nullable=False, unique=True),  # of the first file loaded
    Column("content_sha256", String(64), nullable=False, index=True),  # see rows.content_sha256()
    Column("code", String(200), index=True),
    Column("type", String(40), nullable=False),
    Column("type_name", Text),
    Column("number", String(40)),
    Column("symbol", String(120)),
    Column("issuer_id", ForeignKey("agencies.id"), index=True),
    Column("place", Text),
    Column("issued_date", Date),
    Column("title", Text),
    Column("signer_name", Text),
    Column("signer_title", Text),
    Column("signer_authority", String(10)),
    Column("signer_on_behalf_of", Text),
    Column("archive", Text),
    Column("source_filename", Text, nullable=False),
    Column("source_format", String(10), nullable=False),
    Column("pages", Integer),
    Column("schema_version", String(10), nullable=False),
    Column("warnings", Integer, nullable=False),
    Column("previous_id", ForeignKey("documents.id", ondelete="SET NULL"), index=True),
    Column("is_current", Boolean, nullable=False, default=True),
    Column("loaded_at", DateTime, nullable=False),
    # ---- added by migration 0002 ----
    Column("plan_key", String(500), index=True),  # revisions of one plan share it (rows.plan_key)
    Column("revision", Integer),  # 1, 2, ... along the chain, by issued date and number
    Column("is_draft", Boolean, nullable=False, default=False, server_default=false()),  # no number or no date
    Column("province", Text),  # the issuer's province as named in the document
    Column("province_successor", Text),  # the province that holds it since the 2025 mergers (itself if kept)
    Column("period_start", Integer),  # the years the plan covers, from its title ("giai đoạn 2026-2030")
    Column("period_end", Integer),
    Column("attached_to_id", ForeignKey("documents.id", ondelete="CASCADE"), index=True),  # attachments
    Column("attached_to_code", String(200)),
    Column("attached_relation", String(20)),  # issued_with | approved_by | other
    # A second row with the content of an earlier one, left by a race in release 0.1.0; new
    # loads never make one: the unique index below stops them.
    Column("duplicate_of", ForeignKey("documents.id", ondelete="SET NULL")),
    # ---- added by migration 0003 (contract 1.2) ----
    Column("type_source", String(20)),  # type_line | subject | symbol | none: how the type was found
    Column("subject", Text),  # a công văn's "V/v" subject, without "V/v"
)
Index("uq_documents_content", documents.c.content_sha256, unique=True,
      sqlite_where=documents.c.duplicate_of.is_(None), postgresql_where=documents.c.duplicate_of.is_(None))

# Every file loaded, several per document when the same text came as PDF and DOCX.
document_files = Table(
    "document_files", metadata,
    _id(),
    _fk("document_id", "documents.id"),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("filename", Text, nullable=False),
    Column("format", String(10), nullable=False),
    Column("pages", Integer),
    Column("loaded_at", DateTime, nullable=False),
)

sections = Table(
    "sections", metadata,
    _id(),
    _fk("document_id", "documents.id"),
    _fk("parent_id", "sections.id", nullable=True),
    Column("position", Integer, nullable=False),  # reading order within the document
    Column("depth", Integer, nullable=False),
    Column("path", Text),  # "II.3.a"
    Column("number", String(40)),
    Column("title", Text),
)

paragraphs = Table(
    "paragraphs", metadata,
    _id(),
    _fk("document_id", "documents.id"),
    _fk("section_id", "sections.id"),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

tasks = Table(
    "tasks", metadata,
    _id(),
    _fk("document_id", "documents.id"),
    Column("position", Integer, nullable=False),
    Column("number", String(40), nullable=False),
    Column("group_title", Text),
    Column("content", Text, nullable=False),
    Column("timeframe_text", Text),
    Column("timeframe_kind", String(20)),
    Column("timeframe_start", Integer),
    Column("timeframe_end", Integer),
    Column("timeframe_date", Date),
    Column("timeframe_event", Text),
    Column("output", Text),
    Column("note", Text),
    Column("pages", String(200)),  # "2,3"
    # ---- added by migration 0002 ----
    Column("key", String(80)),  # the contract's Task.key ("II.5"); the number for 1.0 documents
    Column("deadline_start", Date),  # the window the task is due in (rows.deadline_window)
    Column("deadline_end", Date),  # null: open-ended
    Column("deadline_inferred", Boolean),  # the window's years come from the plan, not the task row
)

task_agencies = Table(
    "task_agencies", metadata,
    _id(),
    _fk("task_id", "tasks.id"),
    Column("agency_id", ForeignKey("agencies.id"), nullable=False, index=True),
    Column("role", String(20), nullable=False),  # lead | cooperating | submit_to
    Column("position", Integer, nullable=False),
    Column("text", Text),  # as written in the cell
    # ---- added by migration 0002 ----
    Column("gazetteer_id", String(200)),  # the row of pipeline/data/agencies.csv or agency_groups.csv
    Column("recognised", Boolean),  # found in the gazetteer (false: a name the converter guessed)
    Column("successor_id", String(200), index=True),  # who holds the duty after the 2025 mergers
)

citations = Table(
    "citations", metadata,
    _id(),
    _fk("document_id", "documents.id"),
    Column("reference_id", ForeignKey("references.id"), nullable=False, index=True),
    _fk("task_id", "tasks.id", nullable=True),  # both null: the document-level citation
    _fk("paragraph_id", "paragraphs.id", nullable=True),
    Column("mentions", Integer),  # document-level rows only
    Column("alias", Text),
)

recipients = Table(
    "recipients", metadata,
    _id(),
    _fk("document_id", "documents.id"),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("note", Text),
    Column("agency_id", ForeignKey("agencies.id"), index=True),
    UniqueConstraint("document_id", "position"),
)

# ---- added by migration 0002 ----

warnings = Table(
    "warnings", metadata,
    _id(),
    _fk("document_id", "documents.id"),
    Column("position", Integer, nullable=False),
    Column("code", String(80), nullable=False),
    Column("message", Text, nullable=False),
    Column("where_path", Text),  # the warning's `where`: a JSON pointer in 1.1 ("/tasks/4/lead")
    Column("label", Text),  # how a person finds it ("Phụ lục, nhiệm vụ II.5, trang 9"), 1.1
    UniqueConstraint("document_id", "position"),
)

# The years plans loaded so far name (periods, deadlines, issue dates), without gaps: the
# per-year view expands a deadline window over them, an open end to the last one.
calendar_years = Table(
    "calendar_years", metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
)
