"""The PostgreSQL backend (`--db postgresql://…`): the same store on a server, for several
writers and readers on several machines. Full-text search uses PostgreSQL's own (a generated
``tsvector`` column with a GIN index).

The URL may name a schema to keep the store in (``postgresql://host/db?schema=news``); it is
created when missing. Needs the ``postgres`` extra (psycopg 3).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from storyline.errors import StoreError
from storyline.store.base import Row, Store
from storyline.store.postgres_schema import BASELINE, BASELINE_VERSION, MIGRATIONS
from storyline.store.schema import SCHEMA_VERSION

try:
    import psycopg
    from psycopg import errors as pg_errors
except ImportError:  # pragma: no cover - the extra is not installed
    psycopg = None

WRITER_LOCK = 0x5354_4F52  # pg_advisory_xact_lock key: one writer at a time, as in SQLite
CONNECT_TIMEOUT_SECONDS = 10
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


class PgRow(tuple):
    """A row read by position (``row[0]``, unpacking) and by column name (``row["id"]``)."""

    _index: dict[str, int]

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self):
        return self._index.keys()


def _row_factory(cursor):
    names = [column.name for column in cursor.description or ()]
    row_class = type("Row", (PgRow,), {"_index": {n: i for i, n in enumerate(names)}})
    return row_class


def split_url(url: str) -> tuple[str, str | None]:
    """The connection URL without our own ``schema`` parameter, and that schema."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((value for key, value in query if key == "schema"), None)
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    if schema is not None and not _SCHEMA_NAME.match(schema):
        raise StoreError(f"{url}: schema {schema!r} must be letters, digits and _ only")
    return urlunsplit(parts._replace(query=rest)), schema


class PostgresStore(Store):
    def __init__(self, url: str) -> None:
        if psycopg is None:
            raise StoreError(f"{url}: the PostgreSQL backend needs the postgres extra: "
                             "pip install 'storyline[postgres]'")
        self.path = url
        target, self.schema = split_url(url)
        self._identity = f"{target}#{self.schema or ''}"
        try:
            self.conn = psycopg.connect(target, autocommit=True,
                                        connect_timeout=CONNECT_TIMEOUT_SECONDS)
        except psycopg.Error as exc:
            raise StoreError(f"{url}: cannot connect to PostgreSQL ({str(exc).strip()})") from exc
        self.conn.row_factory = _row_factory
        try:
            if self.schema:  # under the writers' lock: two new stores at once race otherwise
                with self.conn.transaction():
                    self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
                    self.conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
                self.conn.execute(f'SET search_path TO "{self.schema}"')
            self._migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"{url}: not a usable storyline database ({exc})") from exc
        self._start()

    def _run(self, sql: str, params: Sequence = ()):
        try:
            if params:
                return self.conn.execute(_placeholders(sql), _no_nul(params))
            return self.conn.execute(sql)
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            raise self._unusable(exc) from exc

    def _run_many(self, sql: str, rows: Iterable[Sequence]) -> None:
        rows = [_no_nul(r) for r in rows]
        if rows:
            try:
                with self.conn.cursor() as cursor:
                    cursor.executemany(_placeholders(sql), rows)
            except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
                raise self._unusable(exc) from exc

    def _unusable(self, exc: Exception) -> StoreError:
        """A lost connection, a full disk, a server shutting down: the store cannot go on."""
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return StoreError(f"{self.path}: cannot write ({reason}); stopped here, and everything "
                          "stored before is kept")

    def _begin(self) -> None:
        self.conn.execute("BEGIN")
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))

    def _rollback(self) -> None:
        if not self.conn.closed:
            self.conn.execute("ROLLBACK")

    def _cannot_write(self, exc: BaseException) -> bool:
        return self.conn.closed or isinstance(
            exc, psycopg.OperationalError | psycopg.InterfaceError
            | pg_errors.ReadOnlySqlTransaction)

    FOREIGN = "this schema holds other tables, not a storyline store; name another with ?schema=…"

    def _table_names(self) -> set[str]:
        return {r[0] for r in self.conn.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema()")}

    def _migration_steps(self, version: int) -> list[tuple[int, list[str]]]:
        steps = [(BASELINE_VERSION, BASELINE)] if version < BASELINE_VERSION else []
        steps += [(v, MIGRATIONS[v]) for v in range(max(version, BASELINE_VERSION) + 1,
                                                    SCHEMA_VERSION + 1)]
        return [(target, [s for s in script.split(";") if s.strip()]) for target, script in steps]

    def integrity_ok(self) -> bool:
        """PostgreSQL guards its own pages; this checks what storyline keeps consistent: no
        analysis, fingerprint or band without its article."""
        for table in ("entities", "quotes", "times", "figures", "minhashes", "lsh_bands"):
            orphan = self.conn.execute(
                f"SELECT 1 FROM {table} t WHERE NOT EXISTS "
                "(SELECT 1 FROM articles a WHERE a.id = t.article_id) LIMIT 1").fetchone()
            if orphan:
                return False
        return True

    def _search(self, query: str, limit: int, offset: int, marks: tuple[str, str]) -> list[Row]:
        """Web-search syntax: words are ANDed, "a phrase", OR, -word; never a syntax error.
        Words are stemmed (English), so "ferries" finds "ferry"."""
        options = f"StartSel={marks[0]}, StopSel={marks[1]}, MaxWords=24, MinWords=12"
        return self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.story_id, "
            "ts_headline('english', a.text, q, %s) AS snippet "
            "FROM articles a, websearch_to_tsquery('english', %s) AS q "
            "WHERE a.search @@ q ORDER BY ts_rank_cd(a.search, q) DESC, a.seq "
            "LIMIT %s OFFSET %s", _no_nul((options, query, limit, offset))).fetchall()


def _no_nul(params: Sequence) -> tuple:
    """PostgreSQL text cannot hold NUL; a query asking for one (a search, an id) matches
    nothing either way. Stored text never has one (the pipeline drops them first)."""
    return tuple(p.replace("\x00", "") if isinstance(p, str) else p for p in params)


def _placeholders(sql: str) -> str:
    """The shared SQL's ``?`` placeholders as psycopg's ``%s`` (a literal % doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")
