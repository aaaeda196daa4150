"""Memory and disk per article on a long run: 100,000 articles ingested into one store.

    python benchmarks/memory_scale.py --bases STORE.db [--articles 100000] [--batch 1000]

Running spaCy over 100k bodies would take most of a day on this machine and measure nothing
about memory, so the analyses come from a store that ``benchmarks/scale.py --keep DIR`` filled
with real analysed news (5,898 items: Timeline17, ECB+, Giveme5W1H, Zyte pages). Each new
article is a variant of one of those: a random half of its sentences, with the analyses of the
kept sentences carried over, on a date near the original's. Variants then go through the whole
ingest in this one process — cleaning, near-duplicates, clustering, the SQLite writes and FTS
index, and each batch's story views — like a cron job that ingests ``--batch`` articles at a
time. Resident memory of this process and the store's size on disk are read at checkpoints.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import table
from web import variant

from storyline.analyse import Analyser
from storyline.analyse.analyser import Analysis
from storyline.api import Storyline
from storyline.models import Article, RawDocument

CHECKPOINTS = (1_000, 10_000, 25_000, 50_000, 100_000)


class HandedAnalyser(Analyser):
    """Hands over the analysis registered for a text just before it is ingested (and forgets
    it), so the benchmark holds no more than one batch of analyses."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: dict[str, Analysis] = {}

    def analyse_many(self, items, on_error=None) -> Iterator[Analysis | None]:
        for text, _ in list(items):
            yield self.pending.pop(text)


def analysis_of(article: Article) -> Analysis:
    return Analysis(entities=article.entities, quotes=article.quotes, times=article.times,
                    figures=article.figures, sentences=article.sentences)


def variants(bases: list[Article], n: int, analyser: HandedAnalyser,
             rng: random.Random) -> Iterator[RawDocument]:
    for i in range(n):
        base = rng.choice(bases)
        text, analysis = variant([(base.text, analysis_of(base))], rng)
        analyser.pending[text] = analysis
        day = date.fromisoformat(base.published[:10]) + timedelta(days=rng.randrange(-60, 60))
        yield RawDocument(source=f"variant/{i}", content=text, kind="text", title_line=False,
                          title=base.title, outlet=base.outlet, published=day.isoformat(),
                          url=f"https://site{i % 997}.example.org/{i}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bases", type=Path, required=True,
                        help="a store of analysed articles (benchmarks/scale.py --keep DIR)")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1_000, help="articles per ingest call")
    args = parser.parse_args()
    with Storyline(str(args.bases)) as source:
        bases = [a for a in source.store.articles()
                 if a.published and a.language == "en" and len(a.sentences) >= 4]
    print(f"{len(bases)} analysed dated bases", file=sys.stderr)
    me = psutil.Process()
    baseline = me.memory_info().rss / 2**20
    rng = random.Random(0)
    analyser = HandedAnalyser()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "long.db"
        stream = variants(bases, args.articles, analyser, rng)
        done, began, window_began = 0, time.perf_counter(), time.perf_counter()
        peak = 0.0
        with Storyline(str(db), analyser) as sl:
            while done < args.articles:
                batch = [next(stream) for _ in range(min(args.batch, args.articles - done))]
                sl.ingest_documents(batch)
                done += len(batch)
                rss = me.memory_info().rss / 2**20
                peak = max(peak, rss)
                if done in CHECKPOINTS or done == args.articles:
                    size = sum(p.stat().st_size for p in db.parent.glob("long.db*"))
                    stories = sl.store.count_stories()
                    seconds = time.perf_counter() - window_began
                    window_began = time.perf_counter()
                    rows.append([f"{done:,}", f"{stories:,}", f"{rss:.0f}", f"{peak:.0f}",
                                 f"{(rss - baseline) * 1024 / done:.2f}",
                                 f"{size / 2**20:,.0f}", f"{size / 1024 / done:.1f}",
                                 f"{seconds:.0f}"])
                    print(rows[-1], file=sys.stderr)
        total = time.perf_counter() - began
    print(table(["articles", "stories", "RSS MB", "peak RSS MB", "RSS KB/article (net)",
                 "store MB", "store KB/article", "seconds since last row"], rows))
    print(f"\n{len(bases)} bases; {total / 60:.0f} min in all; RSS before the ingest "
          f"(bases loaded): {baseline:.0f} MB")


if __name__ == "__main__":
    main()
