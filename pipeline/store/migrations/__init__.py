"""Alembic migrations of the plans database; run by pipeline.store.migrate, shipped as package data."""
