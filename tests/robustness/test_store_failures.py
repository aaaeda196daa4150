"""A store that cannot be written (a full disk) stops the ingest with a clear message, and
leaves every article either whole or absent."""

from __future__ import annotations

import pytest

from storyline.api import Storyline
from storyline.errors import StoreError
from storyline.models import RawDocument
from tests.robustness.test_kill_and_concurrency import check_store, write_articles


def test_a_full_disk_stops_the_ingest_and_keeps_what_was_stored(tmp_path, analyser):
    folder, db = tmp_path / "in", tmp_path / "store.db"
    write_articles(folder, 40)
    texts = sorted(folder.iterdir())
    documents = [RawDocument(p.name, p.read_text(), "text", published="2024-05-06")
                 for p in texts]
    with Storyline(str(db), analyser) as sl:
        assert sl.ingest_documents(documents[:8]).added == 8
        pages = sl.store.conn.execute("PRAGMA page_count").fetchone()[0]
        # The file may grow by a few pages only: as if the disk filled up.
        sl.store.conn.execute(f"PRAGMA max_page_count = {pages + 3}")
        with pytest.raises(StoreError, match=r"store\.db: cannot write \(database or disk is full\)"):
            sl.ingest_documents(documents[8:])
        stored = sl.store.count_articles()
    assert 8 <= stored < 40
    check_store(db, stored, finished=False)  # whole articles only, stories that add up
    with Storyline(str(db), analyser) as sl:  # room again: the rerun completes the batch
        report = sl.ingest_documents(documents)
        assert report.added == 40 - stored and not report.failed
    check_store(db, 40)


def test_a_lost_postgres_connection_stops_the_ingest_and_keeps_what_was_stored(
        tmp_path, postgres_db, postgres_server, analyser):
    import psycopg

    folder = tmp_path / "in"
    write_articles(folder, 40)
    documents = [RawDocument(p.name, p.read_text(), "text", published="2024-05-06")
                 for p in sorted(folder.iterdir())]
    with Storyline(postgres_db, analyser) as sl:
        assert sl.ingest_documents(documents[:8]).added == 8
        pid = sl.store.conn.info.backend_pid
        with psycopg.connect(postgres_server, autocommit=True) as admin:  # the server drops us
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(StoreError, match=r"cannot write \(.*\); stopped here, and "
                                             r"everything stored before is kept"):
            sl.ingest_documents(documents[8:])
    check_store(postgres_db, 8, finished=True)
    with Storyline(postgres_db, analyser) as sl:  # connected again: the rerun completes it
        assert sl.ingest_documents(documents).added == 32
    check_store(postgres_db, 40)
