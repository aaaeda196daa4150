"""Store: the only part that remembers. SQLite by default; the URL picks the backend."""

from __future__ import annotations

import os

from storyline.errors import StoreError
from storyline.store.base import Store
from storyline.store.sqlite import SQLiteStore

DEFAULT_DB = "storyline.db"
ENV_VAR = "STORYLINE_DB"


def default_db() -> str:
    return os.environ.get(ENV_VAR) or DEFAULT_DB


def open_store(db: str | None = None) -> Store:
    """The store a ``--db`` value names: a SQLite file path (or ``sqlite:///path``), or a
    ``postgresql://`` URL."""
    target = db or default_db()
    if target.startswith(("postgresql://", "postgres://")):
        from storyline.store.postgres import PostgresStore

        return PostgresStore(target)
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///")
    return SQLiteStore(target)


__all__ = ["DEFAULT_DB", "SQLiteStore", "Store", "StoreError", "default_db", "open_store"]
