import sqlite3

import pytest

from storyline.errors import StoreError
from storyline.models import Article, Entity, Figure, Quote, TimeExpression
from storyline.store import SQLiteStore, open_store
from storyline.store.schema import SCHEMA_VERSION


def article(article_id="a1", text="The bridge reopened on Friday after repairs."):
    return Article(
        id=article_id, source="a.txt", text=text, title="Bridge reopens", outlet="Courier",
        credits=["Ivo Brandt"], published="2024-03-08", language="en",
        entities=[Entity("Friday", "DATE", "Friday", 23, 29)],
        quotes=[Quote("after repairs", "he", "Ivo Brandt", "said", 30, 43, 0, 2)],
        times=[TimeExpression("on Friday", "2024-03-08", "DATE", 20, 29),
               TimeExpression("a day", "P1D", "DURATION", 30, 35, None, "2024-03-09")],
        figures=[Figure("3 bridges", 3, None, "bridges", ["Courier"], 0, 9, "bridg")],
        sentences=[(0, len(text))])


def test_a_new_file_gets_the_current_schema_and_reopens(db):
    open_store(db).close()
    store = open_store(db)
    assert store.meta("schema_version") == str(SCHEMA_VERSION)
    if isinstance(store, SQLiteStore):
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.integrity_ok()


def test_a_newer_schema_or_a_foreign_file_is_refused(sqlite_db, tmp_path):
    db = sqlite_db
    store = SQLiteStore(db)
    store.set_meta("schema_version", str(SCHEMA_VERSION + 1))
    store.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(db)
    foreign = tmp_path / "other.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a storyline database"):
        SQLiteStore(str(foreign))
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "such" / "dir" / "x.db"))


def test_postgres_refusals_name_the_url_and_the_problem(postgres_db, postgres_server):
    import psycopg

    with pytest.raises(StoreError, match=r"127\.0\.0\.1:1/test: cannot connect to PostgreSQL"):
        open_store("postgresql://127.0.0.1:1/test")
    with pytest.raises(StoreError, match="letters, digits and _ only"):
        open_store(postgres_server + "?schema=x;drop")
    store = open_store(postgres_db)
    store.set_meta("schema_version", str(SCHEMA_VERSION + 1))
    store.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(postgres_db)
    foreign = postgres_db.replace("?schema=", "?schema=foreign_")
    schema = foreign.split("schema=")[1]
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
        conn.execute(f'CREATE TABLE "{schema}".t (x int)')
    try:
        with pytest.raises(StoreError, match="holds other tables"):
            open_store(foreign)
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def test_a_version_5_store_gains_the_day_an_offset_leads_to(db):
    """Stores made before offsets were dated get the column, and keep their articles."""
    store = open_store(db)
    with store.transaction():
        store.put_article(article(), {"bridg": 1.0}, "fp1")
        store._run("ALTER TABLE times DROP COLUMN points_to")
        store.set_meta("schema_version", "5")
    store.close()
    store = open_store(db)
    assert store.meta("schema_version") == str(SCHEMA_VERSION)
    (back,) = store.articles(["a1"])
    assert [t.points_to for t in back.times] == [None, None]
    assert back.times[1].value == "P1D"


def test_articles_round_trip_with_everything_read_from_them(db):
    store = open_store(db)
    with store.transaction():
        store.put_article(article(), {"bridg": 1.0}, "fp1")
    (back,) = store.articles(["a1"])
    assert back == article()
    assert store.fingerprint("a1") == "fp1"


def test_replacing_an_article_replaces_its_children_and_search_index(db):
    store = open_store(db)
    with store.transaction():
        store.put_article(article(), {}, "fp1")
    with store.transaction():
        store.put_article(article(text="The ferry sailed on Monday."), {}, "fp2")
    assert store.count_articles() == 1
    assert [r["id"] for r in store.search("ferry")] == ["a1"]
    assert store.search("bridge AND repairs") == []
    assert len(store.articles(["a1"])[0].quotes) == 1


def test_a_failed_transaction_leaves_nothing(db):
    store = open_store(db)
    with pytest.raises(RuntimeError), store.transaction():
        store.put_article(article(), {}, "fp1")
        raise RuntimeError("power cut")
    assert store.count_articles() == 0
    assert store.conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0


def test_search_syntax_errors_fall_back_to_plain_words(db):
    store = open_store(db)
    with store.transaction():
        store.put_article(article(text="The U.S. ferry sailed on Monday."), {}, "fp1")
    assert [r["id"] for r in store.search('"unclosed ferry')] == []  # both words must match
    assert [r["id"] for r in store.search('ferry "monday')] == ["a1"]
    assert [r["id"] for r in store.search("U.S. ferry")] == ["a1"]  # "." is not syntax here
    assert [r["id"] for r in store.search("ferry OR nothing")] == ["a1"]  # syntax still works
    assert store.search('"') == [] and store.search("\x01 (") == []


def test_a_failed_savepoint_undoes_only_its_own_writes(db):
    store = open_store(db)
    with store.transaction():
        store.put_article(article("a1"), {}, "fp1")
        with pytest.raises(RuntimeError), store.transaction():
            store.put_article(article("a2"), {}, "fp2")
            store.add_doc_freq(["ferry"])
            raise RuntimeError("bad article")
        store.add_doc_freq(["bridg"])
    assert [a.id for a in store.articles()] == ["a1"]
    assert store.doc_freq(["ferry", "bridg"]) == (1, {"bridg": 1})


def test_document_frequencies_are_the_same_before_and_after_folding_and_reopening(db):
    store = open_store(db)
    with store.transaction():
        for terms in (["bridg", "storm"], ["bridg", "tram"], ["bridg"]):
            store.add_doc_freq(terms)
    pending = store.doc_freq(["bridg", "storm", "tram", "ferry"])
    assert pending == (3, {"bridg": 3, "storm": 1, "tram": 1})
    store.close()
    store = open_store(db)  # pending counts were committed with their documents
    assert store.doc_freq(["bridg", "storm", "tram", "ferry"]) == pending
    other = open_store(db)  # a second writer folds everything pending
    other.fold_doc_freq()
    assert other.conn.execute("SELECT count(*) FROM doc_freq_pending").fetchone()[0] == 0
    assert store.doc_freq(["bridg", "storm", "tram", "ferry"]) == pending
    with store.transaction():
        store.add_doc_freq(["storm"])
    assert other.doc_freq(["storm"]) == (4, {"storm": 2})
    with pytest.raises(RuntimeError), store.transaction():
        store.add_doc_freq(["storm"])
        raise RuntimeError("rolled back")
    assert store.doc_freq(["storm"]) == (4, {"storm": 2})


def test_a_version_2_store_is_migrated_and_its_stories_are_found_again(sqlite_db):
    db = sqlite_db
    from storyline.store.schema import MIGRATIONS
    from storyline.store.sqlite import _statements
    from storyline.stories.cluster import StoryClusterer, impact

    old = sqlite3.connect(db)
    for version in (1, 2):
        for statement in _statements(MIGRATIONS[version]):
            old.execute(statement)
    old.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    old.execute("INSERT INTO stories (id, seq, n_articles, centroid, last_seq) VALUES "
                "('s1', 1, 1, '{\"bridg\": 0.8, \"storm\": 0.6}', 1)")
    old.execute("INSERT INTO story_index VALUES ('bridg', 's1', 0.8), ('storm', 's1', 0.6)")
    old.execute("INSERT INTO quotes (article_id, start, \"end\", text) VALUES ('a1', 0, 4, 'Calm')")
    old.commit()
    old.close()
    store = SQLiteStore(db)
    assert store.meta("schema_version") == str(SCHEMA_VERSION)
    # Quotes stored before reported speech existed were all direct quotations.
    assert [r["kind"] for r in store.conn.execute("SELECT kind FROM quotes")] == ["direct"]
    StoryClusterer(store)  # re-indexes what the old layout held
    assert store.story_candidates({"storm": 1.0}, 5, 10) == ["s1"]
    assert sorted(tuple(r) for r in store.conn.execute("SELECT term, weight FROM story_index")) == [
        ("bridg", impact(0.8)), ("storm", impact(0.6))]


def test_story_views_are_cached_until_saved_again(db):
    store = open_store(db)
    with store.transaction():
        store.save_story_state("s1", 1, 1, None, None, {}, 1, {})
        store.save_views("s1", {"id": "s1", "title": "First", "article_ids": ["a"]})
    first = store.views("s1")
    other = open_store(db)  # another connection (a server thread) shares the parsed views
    assert other.views("s1") is first
    with other.transaction():
        other.save_views("s1", {"id": "s1", "title": "Second", "article_ids": ["a", "b"]})
    assert store.views("s1")["title"] == "Second"  # a new save is never served stale
    assert store.story_briefs() == [{"id": "s1", "title": "Second", "outlets": None,
                                     "first_published": None, "last_published": None,
                                     "articles": 2}]
    assert store.views("missing") is None


def test_a_search_of_no_words_finds_nothing(db):
    store = open_store(db)
    with store.transaction():
        store.put_article(article(), {}, "fp1")
    assert store.search("\r") == [] and store.search("  \n ") == []
