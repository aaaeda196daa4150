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
        times=[TimeExpression("on Friday", "2024-03-08", "DATE", 20, 29)],
        figures=[Figure("3 bridges", 3, None, "bridges", ["Courier"], 0, 9, "bridg")],
        sentences=[(0, len(text))])


def test_a_new_file_gets_the_current_schema_and_reopens(db):
    SQLiteStore(db).close()
    store = SQLiteStore(db)
    assert store.meta("schema_version") == str(SCHEMA_VERSION)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.integrity_ok()


def test_a_newer_schema_or_a_foreign_file_is_refused(db, tmp_path):
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
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgresql://localhost/test")


def test_articles_round_trip_with_everything_read_from_them(db):
    store = SQLiteStore(db)
    with store.transaction():
        store.put_article(article(), {"bridg": 1.0}, "fp1")
    (back,) = store.articles(["a1"])
    assert back == article()
    assert store.fingerprint("a1") == "fp1"


def test_replacing_an_article_replaces_its_children_and_search_index(db):
    store = SQLiteStore(db)
    with store.transaction():
        store.put_article(article(), {}, "fp1")
    with store.transaction():
        store.put_article(article(text="The ferry sailed on Monday."), {}, "fp2")
    assert store.count_articles() == 1
    assert [r["id"] for r in store.search("ferry")] == ["a1"]
    assert store.search("bridge AND repairs") == []
    assert len(store.articles(["a1"])[0].quotes) == 1


def test_a_failed_transaction_leaves_nothing(db):
    store = SQLiteStore(db)
    with pytest.raises(RuntimeError), store.transaction():
        store.put_article(article(), {}, "fp1")
        raise RuntimeError("power cut")
    assert store.count_articles() == 0
    assert store.conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0


def test_bad_search_syntax_is_a_clear_error(db):
    with pytest.raises(StoreError, match="search"):
        SQLiteStore(db).search('"unclosed')
