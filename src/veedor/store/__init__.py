"""Persistence: SQLAlchemy models, Alembic migrations, repositories and full-text search."""

from veedor.store.db import Store, open_store

__all__ = ["Store", "open_store"]
