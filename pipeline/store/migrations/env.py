"""Alembic environment: migrate the connection pipeline.store.migrate hands over, in its transaction.

The caller holds the writers' lock (see migrate.ensure_schema), so two processes opening a
new database at once do not both create it. Batch mode lets SQLite change tables it
cannot ALTER (the table is copied; the caller turns foreign keys off around it).
"""
from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
