"""Memory and time per article of the whole ingest path as one store grows to 100k articles.

    python benchmarks/memory.py [--articles 100000] [--bases 600] [--keep PATH]

Would a million articles fit on one machine? This ingests ``--articles`` into one SQLite store
in one process and reads the process's resident memory and the store's size on disk as it grows.

Data: ``--bases`` real Timeline17 bodies (../shared/eval/timeline17) are analysed by spaCy and
stored; pairs of bases of one topic become stories. Then come variants up to ``--articles``: a
variant keeps a random half of the sentences of both bases of one story, with their analyses
(benchmarks/variants.py), so every story keeps growing. A variant that shares most of its
text with an earlier one is caught as a near-duplicate and stored linked to it, as in any ingest.
Every variant goes through the real ingest: cleaning, term vector and MinHash, the
near-duplicate lookup, online clustering, the writes and, at the end, the views of every story.
Only spaCy is skipped for the variants: its memory is per batch (on a Dask worker, in a process
of its own) and does not grow with the store.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ReplayAnalyser, peak_rss_mb, shared_dir, table
from variants import t17_document, variant

from storyline import stages
from storyline.analyse.analyser import Analysis
from storyline.api import Storyline
from storyline.clean.document import clean_document
from storyline.evaluation import T17Article, load_timeline17_articles
from storyline.models import RawDocument

CHECKPOINTS = (1_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000)
SPREAD_DAYS = 30  # a story's variants are published over a month after its bases
MIN_BASE_CHARS = 2_500


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def store_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20


class Variants:
    """Documents made as they are read (the stream holds no backlog): each joins a random half
    of the sentences of the two bases of one story. A variant that cleaning would change (a
    sentence that now reads as a dateline, say) is left out, so every analysis handed over is
    the one of the text stored. ``seconds`` is the time spent making them."""

    def __init__(self, stories: list[tuple[T17Article, tuple[str, Analysis], tuple[str, Analysis]]],
                 analyser: ReplayAnalyser, rng: random.Random) -> None:
        self.stories, self.analyser, self.rng = stories, analyser, rng
        self.seconds = 0.0
        self.left_out = 0

    def documents(self, first: int, last: int) -> Iterator[RawDocument]:
        index = first
        while index < last:
            began = time.perf_counter()
            row, base_a, base_b = self.rng.choice(self.stories)
            text, analysis = variant([base_a, base_b], self.rng)
            day = date.fromisoformat(row.published[:10]) + timedelta(
                days=self.rng.randrange(SPREAD_DAYS))
            document = t17_document(index, text, row, day.isoformat())
            extracted = stages.extract([document])[0]
            cleaned = clean_document(document, extracted.text, extracted.html_meta,
                                     extracted.units, set())
            self.seconds += time.perf_counter() - began
            if cleaned.text != text:
                self.left_out += 1
                continue
            self.analyser.known[text] = analysis
            index += 1
            yield document


class Checkpoints:
    """Reads memory, time and size at set numbers of ingested items (a progress callback)."""

    def __init__(self, sl: Storyline, path: Path, offset: int, last: int,
                 not_counted: Callable[[], float]) -> None:
        self.sl, self.path, self.count = sl, path, offset
        self.not_counted = not_counted  # seconds spent outside the ingest so far
        self.marks = [c for c in CHECKPOINTS if offset < c < last] + [last]
        self.rows: list[dict] = []
        self.window_began, self.window_start = self._clock(), offset
        self.ended = time.perf_counter()  # when the last item was stored

    def _clock(self) -> float:
        return time.perf_counter() - self.not_counted()

    def __call__(self, n: int) -> None:
        self.count += n
        if self.marks and self.count >= self.marks[0]:
            self.marks.pop(0)
            now = self._clock()
            self.rows.append({
                "items": self.count, "rss": rss_mb(), "db": store_mb(self.path),
                "stories": len(self.sl.store.story_ids("created")),
                "ms": 1000 * (now - self.window_began) / (self.count - self.window_start)})
            print(f"  {self.rows[-1]}", file=sys.stderr, flush=True)
            self.window_began, self.window_start = self._clock(), self.count
            self.ended = time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--bases", type=int, default=600)
    parser.add_argument("--keep", type=Path, help="build the store here and keep it")
    args = parser.parse_args()
    rows = load_timeline17_articles(shared_dir() / "eval" / "timeline17" / "articles.jsonl.gz")
    rng = random.Random(0)
    # Long bases: a half of one is unlikely to hold most of another half of it.
    rows = [r for r in rows if len(r.text) >= MIN_BASE_CHARS]
    bases = rng.sample(rows, min(args.bases, len(rows), args.articles))
    analyser = ReplayAnalyser()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "memory.db"
        for old in path.parent.glob(path.name + "*"):  # always a new store
            old.unlink()
        with Storyline(str(path), analyser) as sl:
            began = time.perf_counter()
            report = sl.ingest_documents([t17_document(i, r.text, r, r.published)
                                          for i, r in enumerate(bases)])
            stored = {a.id: a for a in sl.store.articles(report.article_ids)}
            known, analyser.known = analyser.known, {}
            analysed_before = analyser.analysed
            analyser.once = True  # a variant's analysis is dropped once stored
            by_topic: dict[str, list[tuple[T17Article, tuple[str, Analysis]]]] = {}
            for row, article_id in zip(bases, report.article_ids, strict=False):
                article = stored.get(article_id)
                if article is not None and article.text in known:
                    by_topic.setdefault(row.collection, []).append(
                        (row, (article.text, known[article.text])))
            # A story: two bases of one topic, each in one story only.
            stories = [(a[0], a[1], b[1]) for topic in sorted(by_topic)  # odd ones out: none
                       for a, b in zip(by_topic[topic][::2], by_topic[topic][1::2],
                                       strict=False)]
            del stored, known
            print(f"{report.added} bases analysed and stored in {time.perf_counter() - began:.0f}"
                  f" s; {len(stories)} stories of two; resident {rss_mb():.0f} MB",
                  file=sys.stderr)
            base_rss = rss_mb()
            variants = Variants(stories, analyser, rng)
            marks = Checkpoints(sl, path, len(bases), args.articles, lambda: variants.seconds)
            report = sl.ingest_documents(variants.documents(len(bases), args.articles),
                                         progress=marks)
            views_seconds = time.perf_counter() - marks.ended
            print(f"{report.added} variants stored ({report.duplicates} near-duplicates, "
                  f"{len(report.failed)} failed, {variants.left_out} left out when made); "
                  f"{analyser.analysed - analysed_before} went through spaCy (should be 0); "
                  f"{variants.seconds:.0f} s making variants (not counted)", file=sys.stderr)
            for failure in report.failed[:5]:
                print(f"  {failure}", file=sys.stderr)
            peak = peak_rss_mb()
            db = store_mb(path)
            n_articles = len(sl.store.article_ids())
    out = [[f"{r['items']:,}", f"{r['stories']:,}", f"{r['rss']:.0f}", f"{r['ms']:.1f}",
            f"{r['db']:.0f}", f"{1024 * r['db'] / r['items']:.1f}"] for r in marks.rows]
    print(table(["articles", "stories", "resident MB", "ms/article (since previous row)",
                 "store MB", "store KB/article"], out))
    first, last = marks.rows[0], marks.rows[-1]
    per_article_kb = 1024 * (last["rss"] - first["rss"]) / max(1, last["items"] - first["items"])
    million = last["rss"] + per_article_kb * (1_000_000 - last["items"]) / 1024
    print(f"\nresident memory before the variants: {base_rss:.0f} MB (spaCy loaded for the bases);"
          f" growth {per_article_kb:.2f} KB per article from {first['items']:,} to "
          f"{last['items']:,}; at 1M articles by that slope: {million / 1024:.1f} GiB")
    print(f"story views of the whole store at the end: {views_seconds:.0f} s; peak resident "
          f"memory of the run: {peak:.0f} MB; store at the end {db / 1024:.2f} GiB for "
          f"{n_articles:,} articles ({1024 * db / max(1, n_articles):.1f} KB/article; 1M: "
          f"{db / max(1, n_articles) * 1_000_000 / 1024:.0f} GiB of disk)")


if __name__ == "__main__":
    main()
