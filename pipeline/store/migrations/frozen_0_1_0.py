"""FROZEN: the schema of release 0.1.0, as migration 0001 creates it. Never edit.

The database tables `db` loaded contract JSON into (SQLAlchemy Core).

    documents ─┬─ sections ── paragraphs
               ├─ tasks ── task_agencies (role lead / cooperating / submit_to) ── agencies
               ├─ recipients ── agencies
               └─ citations (document, and the task or paragraph citing) ── references

Kept apart from the loading code so the schema reads as one page, and so code
that only queries the tables (`export`, the tests) needs nothing else.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean, Column, Date, DateTime, ForeignKey, Integer, MetaData, String, Table, Text, UniqueConstraint,
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
    Column("content_sha256", String(64), nullable=False, index=True),  # see content_sha256()
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
)

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
)

task_agencies = Table(
    "task_agencies", metadata,
    _id(),
    _fk("task_id", "tasks.id"),
    Column("agency_id", ForeignKey("agencies.id"), nullable=False, index=True),
    Column("role", String(20), nullable=False),  # lead | cooperating | submit_to
    Column("position", Integer, nullable=False),
    Column("text", Text),  # as written in the cell
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
