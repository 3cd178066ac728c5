"""The database of converted plans (SQLite or PostgreSQL, through SQLAlchemy)."""
