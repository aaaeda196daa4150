"""Crash safety as a user meets it: ``storyline ingest`` killed with SIGKILL at random points
and rerun, and two ingests into one store at once. Real processes, a real SQLite file."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from storyline.store import open_store
from tests.conftest import REPO

TOPICS = ["harbor", "railway", "library", "stadium", "bridge", "hospital", "airport", "school",
          "museum", "market", "reservoir", "tunnel"]
PLACES = ["Arden", "Millbrook", "Kessel", "Portvale", "Calder", "Ridgeway", "Lune", "Veltra"]


def write_articles(folder: Path, n: int, seed: int = 0) -> None:
    """``n`` short news articles, each distinct, a few per topic so stories form."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        topic, place = TOPICS[i % len(TOPICS)], PLACES[(i // len(TOPICS)) % len(PLACES)]
        cost = rng.randrange(2, 90)
        (folder / f"{i:03d}-{topic}.txt").write_text(
            f"{place} council debates the {topic} plan\n\n"
            f"The {place} council on Monday debated plans for a new {topic}, which officials "
            f"said would cost {cost} million dollars and open in {2025 + i % 4}.\n\n"
            f"\"We have waited long enough for this {topic},\" council member Ada Voss "
            f"said after the meeting, according to a statement. Residents of {place} "
            f"gathered outside the hall as the vote on the {topic} was delayed until next week.\n"
            f"Report number {i} from the {place} desk.\n")


def ingest(folder: Path, db: str | Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "storyline", "ingest", str(folder), "--db", str(db), "-q",
         "--published", "2024-05-06"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def check_store(db: str | Path, expected: int | None, finished: bool = True) -> None:
    """Exactly the expected articles, each once, fully stored, and stories that add up; once
    an ingest has finished, every story's views are built too. Any backend."""
    store = open_store(str(db))
    run = store.conn.execute
    try:
        assert store.integrity_ok()
        rows = run("SELECT id, source, story_id, duplicate_of FROM articles").fetchall()
        expected = len(rows) if expected is None else expected
        assert len(rows) == expected
        assert len({row[1] for row in rows}) == expected  # no input twice
        assert all(row[2] for row in rows)  # every article is in a story
        stories = {row[0]: row[1] for row in run("SELECT id, n_articles FROM stories")}
        counted: dict[str, int] = {}
        for row in rows:
            counted[row[2]] = counted.get(row[2], 0) + 1
        assert counted == stories  # no story without articles, every count right
        if finished:
            assert not run("SELECT id FROM stories WHERE dirty = 1").fetchall()
            shown = {row[0] for row in run("SELECT story_id FROM story_views")}
            assert shown == set(stories)
        for table in ("entities", "quotes", "times", "minhashes", "lsh_bands"):
            orphans = run(f"SELECT count(*) FROM {table} WHERE article_id NOT IN "
                          "(SELECT id FROM articles)").fetchone()[0]
            assert orphans == 0, table
        with_minhash = run("SELECT count(*) FROM minhashes").fetchone()[0]
        assert with_minhash == expected  # every stored article was stored whole
    finally:
        store.close()


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0
    finally:
        conn.close()


def test_sigkill_at_random_points_then_rerun(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "store.db"
    write_articles(folder, 160)
    rng = random.Random(7)
    progress = []
    for _ in range(3):
        before = stored_count(db)
        process = ingest(folder, db)
        # Wait until this run has committed something, then kill it a random moment later:
        # inside spaCy, between chunks, or in the middle of a chunk's transaction.
        deadline = time.monotonic() + 120
        while stored_count(db) == before and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        check_store(db, None, finished=False)  # what a kill leaves is whole, never half
        progress.append(stored_count(db))
    assert 0 < progress[0] < 160, progress  # the kills left work to resume
    final = ingest(folder, db)
    _, err = final.communicate(timeout=600)
    assert final.returncode == 0, err
    check_store(db, 160)
    again = ingest(folder, db)  # and a rerun of the whole ingest changes nothing
    again.communicate(timeout=600)
    check_store(db, 160)


def test_two_ingests_into_one_store_at_once(tmp_path, db):
    write_articles(tmp_path / "all", 60)
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    for path in sorted((tmp_path / "all").iterdir()):
        number = int(path.name[:3])
        if number < 40:
            (first / path.name).write_text(path.read_text())
        if number >= 25:  # 15 articles in both
            (second / path.name).write_text(path.read_text())
    processes = [ingest(first, db), ingest(second, db)]
    for process in processes:
        _, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
    check_store(db, 60)
