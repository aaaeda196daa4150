"""How the cost of online clustering grows with the stream: ms/article at 1k, 10k and 100k.

    python benchmarks/clustering_scale.py [--articles 100000]

A synthetic stream built from real bodies (../shared/eval/timeline17): story k takes a real
article and gives each of its articles a random 60% of that article's sentences plus a few
story-specific names, so stories are many, alike in vocabulary (the same 9 topics recur) and
keep accumulating: 5 articles per story on average, arriving interleaved over time. Vectors
are made before the clock starts (no spaCy here: entity features are absent); the timed part
is what clustering costs per article on one core: idf weighting, candidate lookup in the
story index, scoring, centroid update, the checks for a split as stories grow and the SQLite
writes of story state and of the weighed vector (a real file),
committed as the ingest commits them (one transaction per chunk of articles, a savepoint each).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import peak_rss_mb, shared_dir, table

from storyline.evaluation import load_timeline17_articles
from storyline.models import Article
from storyline.pipeline import CHUNK
from storyline.store.sqlite import SQLiteStore
from storyline.stories.cluster import StoryClusterer
from storyline.stories.vectors import article_vector

CHECKPOINTS = (1_000, 10_000, 100_000)
WINDOW = 500  # articles timed around each checkpoint
ARTICLES_PER_STORY = 5
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def synthetic_stream(n: int) -> Iterator[tuple[str, dict, str]]:
    bodies = [a for a in load_timeline17_articles(
        shared_dir() / "eval" / "timeline17" / "articles.jsonl.gz") if len(a.text) > 1500]
    rng = random.Random(0)
    n_stories = max(1, n // ARTICLES_PER_STORY)
    for i in range(n):
        story = min(int(rng.random() * n_stories * (i + 1) / n), n_stories - 1)
        base = bodies[story % len(bodies)]
        sentences = _SENTENCE_END.split(base.text)
        picked = [s for s in sentences if rng.random() < 0.6] or sentences[:3]
        names = " ".join(f"Name{story}x{j}" for j in range(3))
        day = f"2020-{1 + story * 12 // n_stories:02d}-{1 + rng.randrange(28):02d}"
        yield f"a{i:07d}", article_vector(names, " ".join(picked), []), day


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=CHECKPOINTS[-1])
    args = parser.parse_args()
    stream = synthetic_stream(args.articles)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scale.db"
        store = SQLiteStore(str(path))
        clusterer = StoryClusterer(store)
        spent, timed = 0.0, 0
        end = 0
        while chunk := list(islice(stream, CHUNK)):  # built before the clock starts
            end += len(chunk)
            checkpoint = next((c for c in CHECKPOINTS if c - WINDOW < end <= c + CHUNK), None)
            began = time.perf_counter()
            with store.transaction():  # as the ingest stores a chunk: one commit, savepoints
                for article_id, vector, day in chunk:
                    with store.transaction():
                        seq = store.put_article(Article(id=article_id, source=article_id,
                                                        text="", published=day), {}, "")
                        assignment = clusterer.assign(article_id, seq, vector, day)
                        store.add_doc_freq(vector)
                        store.set_article_vector(article_id, assignment.vector)
                        store.set_article_story(article_id, assignment.story_id)
            if checkpoint:
                spent, timed = spent + time.perf_counter() - began, timed + len(chunk)
            if checkpoint and end >= checkpoint:
                stories = store.conn.execute("SELECT count(*) FROM stories").fetchone()[0]
                rows.append([f"{checkpoint:,}", f"{spent * 1000 / timed:.2f}", f"{stories:,}",
                             f"{os.path.getsize(path) / end / 1024:.1f}", f"{peak_rss_mb():.0f}"])
                spent, timed = 0.0, 0
        store.close()
    print(f"Synthetic stream from Timeline17 bodies: {args.articles:,} articles, "
          f"~{ARTICLES_PER_STORY} per story; one core; cost = mean over the {WINDOW} articles "
          "before each checkpoint")
    print(table(["articles so far", "ms/article (clustering)", "stories", "DB KB/article",
                 "peak RSS MB"], rows))


if __name__ == "__main__":
    main()
