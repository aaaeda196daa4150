"""The SQLite backend (the default): one file, WAL, a versioned schema, FTS5 over article text."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from storyline.errors import StoreError
from storyline.store.base import Row, Store
from storyline.store.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 60_000
# SQLite errors that no retry of the same article can get past: the store itself is unusable.
_FATAL = ("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_CORRUPT",
          "SQLITE_NOTADB")


class SQLiteStore(Store):
    BEGIN = "BEGIN IMMEDIATE"  # one writer at a time, waiting up to the busy timeout
    INSERTION_ORDER = "rowid"

    def __init__(self, path: str) -> None:
        self.path = path
        resolved = Path(path).expanduser().resolve()
        if not resolved.parent.is_dir():
            raise StoreError(f"{path}: folder {resolved.parent} does not exist")
        self._identity = str(resolved)
        try:
            self.conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000,
                                        isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._wal()
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable storyline database ({exc})") from exc
        self._start()

    def _wal(self) -> None:
        """Switch a new file to WAL. The switch needs the file to itself and SQLite does not
        wait for that on its own: a second process opening a new store at the same moment
        retries for a while instead of failing."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _run(self, sql: str, params: Sequence = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def _run_many(self, sql: str, rows: Iterable[Sequence]) -> None:
        self.conn.executemany(sql, rows)

    def _cannot_write(self, exc: BaseException) -> bool:
        name = getattr(exc, "sqlite_errorname", "") or ""
        return isinstance(exc, sqlite3.Error) and name.startswith(_FATAL)

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    FOREIGN = "a SQLite file, but not a storyline database"

    def _table_names(self) -> set[str]:
        return {r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}

    def _migration_steps(self, version: int) -> list[tuple[int, list[str]]]:
        return [(target, _statements(MIGRATIONS[target]))
                for target in range(version + 1, SCHEMA_VERSION + 1)]

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def _search(self, query: str, limit: int, offset: int, marks: tuple[str, str]) -> list[Row]:
        """FTS5 syntax ("a phrase", OR, NOT, prefix*) works; a query that is not valid syntax
        ("U.S. sanctions", an unclosed quote) is searched as plain words."""
        sql = ("SELECT a.id, a.title, a.outlet, a.published, a.story_id, "
               "snippet(articles_fts, 1, ?, ?, '…', 12) AS snippet "
               "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
               "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?")
        try:
            return self.conn.execute(sql, (*marks, query, limit, offset)).fetchall()
        except sqlite3.OperationalError as exc:
            problem = exc
        words = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())
        try:
            return self.conn.execute(sql, (*marks, words, limit, offset)).fetchall()
        except sqlite3.OperationalError:
            raise StoreError(f"search {query!r}: {problem}") from problem


def _statements(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements, current = [], []
    for line in script.splitlines():
        if not line.strip():
            continue
        current.append(line)
        joined = "\n".join(current)
        if sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    return statements
