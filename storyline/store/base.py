"""What every store backend shares: the tables' logic, written once in portable SQL.

A backend (``sqlite.py``, ``postgres.py``) opens the connection, runs its migrations and says
how a transaction begins, how full-text search and the integrity check work, and which errors
mean the store cannot be written. Every write of an article happens inside one
``transaction()`` (a savepoint when the ingest commits a chunk of articles at once), so a killed
ingest leaves each article either fully stored (with its dedup and story assignment) or absent.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from storyline.batching import chunks
from storyline.errors import StoreError
from storyline.models import Article, Entity, Figure, Quote, TimeExpression
from storyline.store.schema import SCHEMA_VERSION

Row = Mapping[str, Any]  # a row: by column name, and by position

DF_FOLD_EVERY = 1024  # documents whose term counts wait before they go into doc_freq
VIEWS_CACHE_SIZE = 128  # parsed story views kept per process
BRIEF_FIELDS = ("title", "outlets", "first_published", "last_published")
_CHUNK = 500  # host parameters per IN (...) list, well under every backend's limit


class _LRU:
    """A small thread-safe least-recently-used map."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


_VIEWS_CACHE = _LRU(VIEWS_CACHE_SIZE)


class Store:
    """The store interface. Subclasses set ``self.conn``, ``self.path`` (what the user named,
    for messages) and ``self._identity``, then call ``_start()``."""

    path: str
    _identity: str  # the same database seen from another connection has the same identity
    BEGIN = "BEGIN"
    INSERTION_ORDER = "n"  # the column that keeps the order analysis rows were written in

    def _start(self) -> None:
        self._in_transaction = False
        self._savepoints = 0
        self._pending: Counter[str] | None = None
        self._pending_docs = 0
        self._pending_generation: str | None = None
        self._folded: dict[str, int] = {}  # doc_freq rows read since the last fold

    # --- what a backend provides ---------------------------------------------------------------

    def _run(self, sql: str, params: Sequence = ()):
        """Execute one statement written with ``?`` placeholders; returns a cursor."""
        raise NotImplementedError

    def _run_many(self, sql: str, rows: Iterable[Sequence]) -> None:
        raise NotImplementedError

    def _cannot_write(self, exc: BaseException) -> bool:
        """Whether an error means the store itself cannot be written (full disk, lost
        connection…), as opposed to one article's problem."""
        raise NotImplementedError

    def _begin(self) -> None:
        self._run(self.BEGIN)

    def _rollback(self) -> None:
        self._run("ROLLBACK")

    def integrity_ok(self) -> bool:
        raise NotImplementedError

    def search(self, query: str, limit: int = 20, offset: int = 0,
               marks: tuple[str, str] = ("[", "]")) -> list[Row]:
        """Full-text search, best first: id, title, outlet, published, story_id and a snippet
        with ``marks`` around the words that matched. A query of no words finds nothing."""
        if not query.split():
            return []
        return self._search(query, limit, offset, marks)

    def _search(self, query: str, limit: int, offset: int, marks: tuple[str, str]) -> list[Row]:
        raise NotImplementedError

    def close(self) -> None:
        self.conn.close()

    # --- schema migrations ------------------------------------------------------------------

    FOREIGN = "not a storyline store"  # what a backend says of a database holding other tables

    def _table_names(self) -> set[str]:
        """The tables of the store's database (or schema)."""
        raise NotImplementedError

    def _migration_steps(self, version: int) -> list[tuple[int, list[str]]]:
        """(version, statements) to go from ``version`` to the current schema."""
        raise NotImplementedError

    def _stored_version(self) -> int:
        if "meta" not in self._table_names():
            return 0
        row = self._run("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row["value"]) if row else 0

    def _migrate(self) -> None:
        """Bring the schema to the current version; refuses a database that holds other
        tables and a store from a newer storyline. Each step runs under the writers' lock and
        looks again at the version first, so two processes opening a new store at once do
        not both create it."""
        tables = self._table_names()
        if tables and "meta" not in tables:
            raise StoreError(f"{self.path}: {self.FOREIGN}")
        version = self._stored_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this storyline "
                             f"({SCHEMA_VERSION}); upgrade storyline")
        for target, statements in self._migration_steps(version):
            self._begin()
            try:
                if self._stored_version() < target:
                    for statement in statements:
                        self._run(statement)
                    self.set_meta("schema_version", str(target))
                self._run("COMMIT")
            except BaseException:
                self._rollback()
                raise

    # --- transactions ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work. Nested use is a savepoint inside the outer transaction: its
        failure undoes only its own writes, and nothing is durable before the outer commit."""
        if self._in_transaction:
            self._savepoints += 1
            name = f"sp{self._savepoints}"
            self._run(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException as exc:
                try:
                    self._run(f"ROLLBACK TO SAVEPOINT {name}")
                    self._run(f"RELEASE SAVEPOINT {name}")
                except Exception:  # the connection is gone: the whole transaction is lost
                    if not self._cannot_write(exc):
                        raise
                self._pending = None  # counts added in memory may not be stored
                self._raise_if_unwritable(exc)
                raise
            else:
                self._run(f"RELEASE SAVEPOINT {name}")
            finally:
                self._savepoints -= 1
            return
        self._begin()
        self._in_transaction = True
        try:
            yield
            self._run("COMMIT")
        except BaseException as exc:
            try:
                self._rollback()
            except Exception:  # the connection is gone: the server rolls back on its own
                if not self._cannot_write(exc):
                    raise
            self._pending = None
            self._raise_if_unwritable(exc)
            raise
        finally:
            self._in_transaction = False

    def _raise_if_unwritable(self, exc: BaseException) -> None:
        """A full disk, an I/O error, a read-only file or a lost connection is not one
        article's fault: it becomes a StoreError that stops the batch (each article's
        savepoint keeps it whole or absent)."""
        if not isinstance(exc, StoreError) and self._cannot_write(exc):
            raise StoreError(f"{self.path}: cannot write ({exc}); stopped here, and everything "
                             "stored before is kept") from exc

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self._run("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row["value"] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self._run("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                  "DO UPDATE SET value = excluded.value", (key, value))

    # --- articles -----------------------------------------------------------------------------

    def fingerprint(self, article_id: str) -> str | None:
        row = self._run("SELECT fingerprint FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        return row["fingerprint"] if row else None

    def put_article(self, article: Article, vector: dict[str, float], fingerprint: str) -> int:
        """Insert or replace an article and everything read from it; returns its sequence."""
        old = self._run("SELECT seq FROM articles WHERE id = ?", (article.id,)).fetchone()
        values = (
            article.source, article.external_id, article.url, article.title, article.outlet,
            int(article.syndicated), article.syndicated_from, json.dumps(article.credits),
            article.dateline, article.published, article.published_source, article.language,
            article.text, article.duplicate_of, article.story_id,
            json.dumps(article.sentences), json.dumps(vector), fingerprint,
            datetime.now(UTC).isoformat(timespec="seconds"),
        )
        if old:
            self._run(
                "UPDATE articles SET source=?, external_id=?, url=?, title=?, outlet=?, "
                "syndicated=?, syndicated_from=?, credits=?, dateline=?, published=?, "
                "published_source=?, language=?, text=?, duplicate_of=?, story_id=?, sentences=?, "
                "vector=?, fingerprint=?, ingested_at=? WHERE id=?", (*values, article.id))
            for table in ("entities", "quotes", "times", "figures"):
                self._run(f"DELETE FROM {table} WHERE article_id = ?", (article.id,))
            seq = old["seq"]
        else:
            seq = self._run(
                "INSERT INTO articles (source, external_id, url, title, outlet, syndicated, "
                "syndicated_from, credits, dateline, published, published_source, language, text, "
                "duplicate_of, story_id, sentences, vector, fingerprint, ingested_at, id) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING seq",
                (*values, article.id)).fetchone()[0]
        self._run_many(
            'INSERT INTO entities (article_id, start, "end", text, label, canonical) '
            "VALUES (?,?,?,?,?,?)",
            [(article.id, e.start, e.end, e.text, e.label, e.canonical) for e in article.entities])
        self._run_many(
            'INSERT INTO quotes (article_id, start, "end", text, speaker, speaker_canonical, cue, '
            "speaker_start, speaker_end, kind) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(article.id, q.start, q.end, q.text, q.speaker, q.speaker_canonical, q.cue,
              q.speaker_start, q.speaker_end, q.kind) for q in article.quotes])
        self._run_many(
            'INSERT INTO times (article_id, start, "end", text, value, type, mod, points_to) '
            "VALUES (?,?,?,?,?,?,?,?)",
            [(article.id, t.start, t.end, t.text, t.value, t.type, t.mod, t.points_to)
             for t in article.times])
        self._run_many(
            'INSERT INTO figures (article_id, start, "end", text, value, qualifier, unit, '
            "attributed_to, key) VALUES (?,?,?,?,?,?,?,?,?)",
            [(article.id, f.start, f.end, f.text, float(f.value), f.qualifier, f.unit,
              json.dumps(f.attributed_to), f.key) for f in article.figures])
        return seq

    def set_article_story(self, article_id: str, story_id: str | None) -> None:
        self._run("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))

    def set_article_vector(self, article_id: str, vector: dict[str, float]) -> None:
        self._run("UPDATE articles SET vector = ? WHERE id = ?",
                          (json.dumps(vector), article_id))

    def set_duplicate_of(self, article_id: str, original: str | None) -> None:
        self._run("UPDATE articles SET duplicate_of = ? WHERE id = ?",
                          (original, article_id))

    def repoint_duplicates(self, old_original: str, new_original: str) -> None:
        self._run("UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ?",
                          (new_original, old_original))

    def article_brief(self, article_id: str) -> Row | None:
        return self._run(
            "SELECT id, seq, url, published, story_id, duplicate_of, vector FROM articles "
            "WHERE id = ?",
            (article_id,)).fetchone()

    def article_briefs(self, ids: Iterable[str]) -> dict[str, Row]:
        """Title, outlet, date and story of articles, by id, without their analyses."""
        return self._rows_by_id(
            "articles", "id, source, url, title, outlet, published, story_id, duplicate_of", ids)

    def _rows_by_id(self, table: str, columns: str, ids: Iterable[str]) -> dict[str, Row]:
        """Rows of ``table`` whose id is among ``ids``, by id; unknown ids are left out."""
        out = {}
        for part in chunks(ids, _CHUNK):
            marks = ",".join("?" * len(part))
            for row in self._run(
                    f"SELECT {columns} FROM {table} WHERE id IN ({marks})", part):
                out[row["id"]] = row
        return out

    def count_articles(self) -> int:
        return self._run("SELECT count(*) FROM articles").fetchone()[0]

    def article_ids(self, story_id: str | None = None) -> list[str]:
        if story_id is None:
            rows = self._run("SELECT id FROM articles ORDER BY seq")
        else:
            rows = self._run("SELECT id FROM articles WHERE story_id = ? ORDER BY seq",
                                     (story_id,))
        return [r["id"] for r in rows]

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Full articles, in ingest order."""
        if ids is None:
            rows = self._run("SELECT * FROM articles ORDER BY seq").fetchall()
        else:
            rows = []
            for part in chunks(ids, _CHUNK):
                marks = ",".join("?" * len(part))
                rows += self._run(f"SELECT * FROM articles WHERE id IN ({marks})",
                                          part).fetchall()
            rows.sort(key=lambda r: r["seq"])
        if not rows:
            return []
        children = self._children([r["id"] for r in rows])
        return [self._article(r, children) for r in rows]

    def _children(self, ids: list[str]) -> dict[str, dict[str, list]]:
        out: dict[str, dict[str, list]] = {
            i: {"entities": [], "quotes": [], "times": [], "figures": []} for i in ids}
        for part in chunks(ids, _CHUNK):
            marks = ",".join("?" * len(part))
            for table in ("entities", "quotes", "times", "figures"):
                query = (f"SELECT * FROM {table} WHERE article_id IN ({marks}) "
                         f"ORDER BY start, {self.INSERTION_ORDER}")
                for row in self._run(query, part):
                    out[row["article_id"]][table].append(row)
        return out

    @staticmethod
    def _article(row: Row, children: dict[str, dict[str, list]]) -> Article:
        kids = children[row["id"]]
        return Article(
            id=row["id"], source=row["source"], text=row["text"], external_id=row["external_id"],
            url=row["url"], title=row["title"], outlet=row["outlet"],
            syndicated=bool(row["syndicated"]), syndicated_from=row["syndicated_from"],
            credits=json.loads(row["credits"]), dateline=row["dateline"],
            published=row["published"], published_source=row["published_source"],
            language=row["language"], duplicate_of=row["duplicate_of"], story_id=row["story_id"],
            entities=[Entity(r["text"], r["label"], r["canonical"], r["start"], r["end"])
                      for r in kids["entities"]],
            quotes=[Quote(r["text"], r["speaker"], r["speaker_canonical"], r["cue"], r["start"],
                          r["end"], r["speaker_start"], r["speaker_end"], r["kind"])
                    for r in kids["quotes"]],
            times=[TimeExpression(r["text"], r["value"], r["type"], r["start"], r["end"], r["mod"],
                                  r["points_to"]) for r in kids["times"]],
            figures=[Figure(r["text"], _number(r["value"]), r["qualifier"], r["unit"],
                            json.loads(r["attributed_to"]), r["start"], r["end"], r["key"])
                     for r in kids["figures"]],
            sentences=[tuple(s) for s in json.loads(row["sentences"])],
        )

    def entity_articles(self, name: str, limit: int = 50, offset: int = 0
                        ) -> tuple[str | None, list[Row]]:
        """Articles that mention an entity (by its canonical name in the article), most mentions
        first, with the entity's label."""
        rows = self._run(
            "SELECT a.id, a.title, a.outlet, a.published, a.story_id, m.mentions, m.label "
            "FROM (SELECT article_id, count(*) AS mentions, max(label) AS label FROM entities "
            "WHERE canonical = ? GROUP BY article_id) AS m JOIN articles a ON a.id = m.article_id "
            "ORDER BY m.mentions DESC, a.seq DESC LIMIT ? OFFSET ?",
            (name, limit, offset)).fetchall()
        return (rows[0]["label"] if rows else None), rows

    # --- near-duplicates ----------------------------------------------------------------------

    def put_minhash(self, article_id: str, signature: bytes, n_shingles: int,
                    bands: list[tuple[int, bytes]]) -> None:
        self._run("DELETE FROM lsh_bands WHERE article_id = ?", (article_id,))
        self._run("INSERT INTO minhashes (article_id, signature, n_shingles) VALUES (?, ?, ?) "
                  "ON CONFLICT (article_id) DO UPDATE SET signature = excluded.signature, "
                  "n_shingles = excluded.n_shingles", (article_id, signature, n_shingles))
        self._run_many("INSERT INTO lsh_bands (band, key, article_id) VALUES (?, ?, ?)",
                              [(b, k, article_id) for b, k in bands])

    def lsh_candidates(self, bands: list[tuple[int, bytes]]) -> set[str]:
        found: set[str] = set()
        for band, key in bands:
            found.update(r[0] for r in self._run(
                "SELECT article_id FROM lsh_bands WHERE band = ? AND key = ?", (band, key)))
        return found

    def minhash_ids(self) -> list[str]:
        return [r[0] for r in self._run("SELECT article_id FROM minhashes")]

    def minhashes(self, ids: Iterable[str]) -> dict[str, tuple[bytes, int]]:
        out = {}
        for part in chunks(ids, _CHUNK):
            marks = ",".join("?" * len(part))
            for row in self._run(
                    f"SELECT * FROM minhashes WHERE article_id IN ({marks})", part):
                out[row["article_id"]] = (row["signature"], row["n_shingles"])
        return out

    # --- term statistics ----------------------------------------------------------------------

    def add_doc_freq(self, terms: Iterable[str]) -> None:
        """Count one more document holding ``terms``.

        Counting term by term in ``doc_freq`` would rewrite hundreds of scattered pages of that
        table in every article's transaction. Instead the article's terms go in as one pending
        row (committed with the article, so a crash loses no count) and are folded into
        ``doc_freq`` every ``DF_FOLD_EVERY`` documents in one pass; reads add the pending
        counts, which this connection keeps in memory.
        """
        terms = sorted(set(terms))
        pending = self._pending_doc_freq()  # read before this row joins the stored ones
        self._run("INSERT INTO doc_freq_pending (terms) VALUES (?)", (json.dumps(terms),))
        self.set_meta("n_docs", str(int(self.meta("n_docs", "0") or 0) + 1))
        pending.update(terms)
        self._pending_docs += 1
        if self._pending_docs >= DF_FOLD_EVERY:
            self.fold_doc_freq()

    def fold_doc_freq(self) -> None:
        """Move all pending counts (of every writer) into ``doc_freq``, in one transaction."""
        with self.transaction():
            counts: Counter[str] = Counter()
            last = 0
            for seq, terms in self._run("SELECT seq, terms FROM doc_freq_pending"):
                counts.update(json.loads(terms))
                last = max(last, seq)
            self._run_many(
                "INSERT INTO doc_freq (term, df) VALUES (?, ?) "
                "ON CONFLICT (term) DO UPDATE SET df = doc_freq.df + excluded.df",
                sorted(counts.items()))
            self._run("DELETE FROM doc_freq_pending WHERE seq <= ?", (last,))
            self.set_meta("doc_freq_generation", str(secrets.randbits(62)))
        self._pending = None

    def doc_freq(self, terms: Iterable[str]) -> tuple[int, dict[str, int]]:
        """Document frequencies of ``terms`` (stored and pending). ``doc_freq`` itself changes
        only when pending counts are folded in, so what was read of it is kept until then."""
        terms = list(terms)
        pending = self._pending_doc_freq()
        folded = self._folded
        missing = [t for t in terms if t not in folded]
        for part in chunks(missing, _CHUNK):
            marks = ",".join("?" * len(part))
            found = dict(self._run(
                f"SELECT term, df FROM doc_freq WHERE term IN ({marks})", part).fetchall())
            folded.update((t, found.get(t, 0)) for t in part)
        out = {}
        for t in terms:
            df = folded[t] + pending.get(t, 0)
            if df:
                out[t] = df
        return int(self.meta("n_docs", "0") or 0), out

    def _pending_doc_freq(self) -> Counter[str]:
        """Pending counts as stored, re-read whenever a fold (by any writer) has emptied them
        or a rolled-back transaction has made the copy in memory doubtful."""
        generation = self.meta("doc_freq_generation", "0")
        if self._pending is None or generation != self._pending_generation:
            self._pending, self._pending_docs, self._folded = Counter(), 0, {}
            for (terms,) in self._run("SELECT terms FROM doc_freq_pending"):
                self._pending.update(json.loads(terms))
                self._pending_docs += 1
            self._pending_generation = generation
        return self._pending

    # --- stories ------------------------------------------------------------------------------

    def story_candidates(self, query: dict[str, float], limit: int, per_term: int) -> list[str]:
        """Stories ranked by the dot product of the query with their indexed terms, reading for
        each term only its ``per_term`` strongest stories (impact-ordered postings): a common
        term's list grows with the archive, but what is read of it does not."""
        terms = list(query)[: _CHUNK // 3]  # three parameters per term
        if not terms:
            return []
        postings = " UNION ALL ".join(
            ["SELECT story_id, weight * ? AS score FROM (SELECT story_id, weight FROM story_index "
             "WHERE term = ? ORDER BY weight DESC LIMIT ?) AS best"] * len(terms))
        params = [value for term in terms for value in (query[term], term, per_term)]
        return [row[0] for row in self._run(
            f"SELECT story_id, sum(score) AS total FROM ({postings}) AS postings "
            "GROUP BY story_id ORDER BY total DESC, story_id LIMIT ?", (*params, limit))]

    def story_states(self, story_ids: list[str]) -> dict[str, Row]:
        """Each story's bookkeeping (not its centroid), by id; unknown ids are left out."""
        return self._rows_by_id(
            "stories", "id, version, seq, n_articles, first_date, last_date, last_seq", story_ids)

    def story_centroids(self, story_ids: list[str]) -> dict[str, dict[str, float]]:
        rows = self._rows_by_id("stories", "id, centroid", story_ids)
        return {story_id: json.loads(row["centroid"]) for story_id, row in rows.items()}

    def save_story_state(self, story_id: str, seq: int, n_articles: int, first_date: str | None,
                         last_date: str | None, centroid: dict[str, float], last_seq: int,
                         index_terms: dict[str, float]) -> int:
        """Write a story and its index terms; returns the story's new version token."""
        version = secrets.randbits(62)
        # Only the postings that changed are rewritten: a grown story keeps most of its terms
        # at the same (binned) weight, so most of its postings stay as written.
        old = self._index_terms(story_id)
        self._run_many(
            "DELETE FROM story_index WHERE term = ? AND weight = ? AND story_id = ?",
            [(t, w, story_id) for t, w in old.items() if index_terms.get(t) != w])
        self._run(
            "INSERT INTO stories (id, seq, n_articles, first_date, last_date, centroid, last_seq, "
            "dirty, version, index_terms) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET "
            "n_articles = excluded.n_articles, first_date = excluded.first_date, "
            "last_date = excluded.last_date, centroid = excluded.centroid, "
            "last_seq = excluded.last_seq, dirty = 1, version = excluded.version, "
            "index_terms = excluded.index_terms",
            (story_id, seq, n_articles, first_date, last_date, json.dumps(centroid), last_seq,
             version, json.dumps(index_terms)))
        self._run_many("INSERT INTO story_index (term, weight, story_id) VALUES (?, ?, ?)",
                       [(t, w, story_id) for t, w in index_terms.items() if old.get(t) != w])
        return version

    def _index_terms(self, story_id: str) -> dict[str, float]:
        """Postings are keyed (term, weight, story) so that reading a term's strongest stories
        needs no second index; a story's own terms, kept on its row, say which are its."""
        row = self._run("SELECT index_terms FROM stories WHERE id = ?", (story_id,)).fetchone()
        return json.loads(row["index_terms"]) if row else {}

    def _drop_index_terms(self, story_id: str) -> None:
        self._run_many("DELETE FROM story_index WHERE term = ? AND weight = ? AND story_id = ?",
                       [(t, w, story_id) for t, w in self._index_terms(story_id).items()])

    def story_date_range(self, story_id: str) -> tuple[str | None, str | None]:
        row = self._run(
            "SELECT min(substr(published, 1, 10)) AS first, max(substr(published, 1, 10)) AS last "
            "FROM articles WHERE story_id = ? AND published IS NOT NULL", (story_id,)).fetchone()
        return row["first"], row["last"]

    def merge_stories(self, keep: str, drop: str) -> None:
        self._run("UPDATE articles SET story_id = ? WHERE story_id = ?", (keep, drop))
        self._drop_index_terms(drop)
        self._run("DELETE FROM stories WHERE id = ?", (drop,))
        self._run("DELETE FROM story_views WHERE story_id = ?", (drop,))
        self._run("UPDATE story_redirects SET new_id = ? WHERE new_id = ?", (keep, drop))
        self._run("INSERT INTO story_redirects (old_id, new_id) VALUES (?, ?) "
                  "ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id", (drop, keep))

    def story_members(self, story_id: str) -> list[Row]:
        """A story's articles with what clustering keeps of them, in ingest order."""
        return self._run(
            "SELECT id, seq, published, duplicate_of, vector FROM articles WHERE story_id = ? "
            "ORDER BY seq", (story_id,)).fetchall()

    def split_story(self, story_id: str, new_id: str, article_ids: list[str],
                    founded: list[str]) -> None:
        """Move articles of ``story_id`` into a story split off it. ``founded``: ids of
        stories once merged into it whose founding article moves; they now lead to the new
        story, and the new id, live again if it was one of them, no longer redirects."""
        for part in chunks(article_ids, _CHUNK):
            marks = ",".join("?" * len(part))
            self._run(f"UPDATE articles SET story_id = ? WHERE id IN ({marks})", [new_id, *part])
        for part in chunks(founded, _CHUNK):
            marks = ",".join("?" * len(part))
            self._run(f"UPDATE story_redirects SET new_id = ? WHERE new_id = ? "
                      f"AND old_id IN ({marks})", [new_id, story_id, *part])
        self._run("DELETE FROM story_redirects WHERE old_id = ?", (new_id,))

    def resolve_story_id(self, story_id: str) -> str | None:
        if self._run("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
            return story_id
        row = self._run("SELECT new_id FROM story_redirects WHERE old_id = ?",
                                (story_id,)).fetchone()
        return row["new_id"] if row else None

    def story_ids(self, order: str = "activity") -> list[str]:
        sort = "last_seq DESC" if order == "activity" else "seq"
        return [r["id"] for r in self._run(f"SELECT id FROM stories ORDER BY {sort}")]

    def mark_all_stories_dirty(self) -> None:
        self._run("UPDATE stories SET dirty = 1")

    def dirty_stories(self) -> list[str]:
        return [r["id"] for r in self._run("SELECT id FROM stories WHERE dirty = 1 "
                                                   "ORDER BY seq")]

    def save_views(self, story_id: str, views: dict) -> None:
        """Store a story's views and, beside them, the few fields a list of stories shows.

        Views live in their own table, big text last, so that listing thousands of stories or
        checking a cached view's token never reads the views themselves."""
        brief = {key: views.get(key) for key in BRIEF_FIELDS}
        brief["articles"] = len(views.get("article_ids", []))
        self._run(
            "INSERT INTO story_views (story_id, token, seq, last_seq, brief, aliases, views) "
            "SELECT id, ?, seq, last_seq, ?, ?, ? FROM stories WHERE id = ? "
            "ON CONFLICT (story_id) DO UPDATE SET token = excluded.token, seq = excluded.seq, "
            "last_seq = excluded.last_seq, brief = excluded.brief, aliases = excluded.aliases, "
            "views = excluded.views",
            (secrets.randbits(62), json.dumps(brief, ensure_ascii=False),
             json.dumps(views.get("aliases", {}), ensure_ascii=False),
             json.dumps(views, ensure_ascii=False), story_id))
        self._run("UPDATE stories SET dirty = 0 WHERE id = ?", (story_id,))

    def count_stories(self) -> int:
        """Stories that can be shown (their views have been built at least once)."""
        return self._run("SELECT count(*) FROM story_views").fetchone()[0]

    def story_briefs(self, order: str = "activity", limit: int = 50,
                     offset: int = 0) -> list[dict]:
        """One page of stories: id, title, article count, outlets and first/last dates."""
        sort = "last_seq DESC" if order == "activity" else "seq"
        rows = self._run(f"SELECT story_id, brief FROM story_views ORDER BY {sort} "
                                 "LIMIT ? OFFSET ?", (limit, offset))
        return [{"id": r["story_id"], **json.loads(r["brief"])} for r in rows]

    def story_brief(self, story_id: str) -> tuple[dict, dict[str, str]] | None:
        """A story's brief (as in ``story_briefs``) and its resolved names, without its views."""
        row = self._run("SELECT brief, aliases FROM story_views WHERE story_id = ?",
                                (story_id,)).fetchone()
        if row is None:
            return None
        return {"id": story_id, **json.loads(row["brief"])}, json.loads(row["aliases"])

    def views(self, story_id: str) -> dict | None:
        """A story's stored views. Treat them as read-only: recently read views are shared by
        every connection of the process, keyed by the token each save of the views renews."""
        row = self._run("SELECT token FROM story_views WHERE story_id = ?",
                                (story_id,)).fetchone()
        if row is None:
            return None
        views = _VIEWS_CACHE.get((self._identity, story_id, row["token"]))
        if views is not None:
            return views
        row = self._run("SELECT views, token FROM story_views WHERE story_id = ?",
                                (story_id,)).fetchone()
        if row is None:
            return None
        views = json.loads(row["views"])
        _VIEWS_CACHE.put((self._identity, story_id, row["token"]), views)
        return views

    # --- watched feeds ------------------------------------------------------------------------

    def feed_state(self, url: str) -> Row | None:
        return self._run("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()

    def save_feed_state(self, url: str, etag: str | None, last_modified: str | None,
                        polled: str, status: str) -> None:
        with self.transaction():
            self._run(
                "INSERT INTO feeds (url, etag, last_modified, last_polled, last_status) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
                "last_modified = excluded.last_modified, last_polled = excluded.last_polled, "
                "last_status = excluded.last_status", (url, etag, last_modified, polled, status))

    def seen_feed_items(self, url: str, keys: list[str]) -> set[str]:
        seen: set[str] = set()
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            marks = ",".join("?" * len(part))
            seen.update(row[0] for row in self._run(
                f"SELECT item_key FROM feed_items WHERE feed_url = ? AND item_key IN ({marks})",
                (url, *part)))
        return seen

    def mark_feed_items(self, url: str, keys: list[str]) -> None:
        with self.transaction():
            self._run_many(
                "INSERT INTO feed_items (feed_url, item_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(url, key) for key in keys])

    # --- boilerplate lines --------------------------------------------------------------------

    def add_site_lines(self, site: str, keys: Iterable[str], article_id: str) -> None:
        self._run("DELETE FROM site_lines WHERE article_id = ?", (article_id,))
        self._run_many("INSERT INTO site_lines (site, line, article_id) VALUES (?, ?, ?) "
                       "ON CONFLICT DO NOTHING",
                              [(site, k, article_id) for k in set(keys)])

    def site_line_rows(self, site: str, keys: Iterable[str]) -> list[tuple[str, str]]:
        rows: list[tuple[str, str]] = []
        for part in chunks(set(keys), _CHUNK):
            marks = ",".join("?" * len(part))
            rows += [(r["line"], r["article_id"]) for r in self._run(
                f"SELECT line, article_id FROM site_lines WHERE site = ? AND line IN ({marks})",
                (site, *part))]
        return rows


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value
