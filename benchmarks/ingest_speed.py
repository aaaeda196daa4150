"""How much storyline's full ingest costs next to a bare spaCy pass over the same texts.

    python benchmarks/ingest_speed.py [--limit 300]

Data: ../shared/eval/timeline17/articles.jsonl.gz (news articles, ~1,150 words each), a
deterministic sample spread over all collections. Storyline's ingest runs everything (clean,
spaCy, analysis, dedup, clustering, SQLite writes with one transaction per article, story views);
the baseline is `nlp.pipe` over the same texts with the same model. Prints one table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import peak_rss_mb, shared_dir, table

from storyline.analyse import Analyser
from storyline.analyse.nlp import load_nlp
from storyline.api import Storyline
from storyline.models import RawDocument


def sample(limit: int) -> list[dict]:
    path = shared_dir() / "eval" / "timeline17" / "articles.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    step = max(1, len(rows) // limit)
    return rows[::step][:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=300, help="articles to ingest")
    args = parser.parse_args()
    rows = sample(args.limit)
    words = sum(len(r["text"].split()) for r in rows) / len(rows)
    nlp = load_nlp()
    nlp("warm up")

    start = time.perf_counter()
    for _ in nlp.pipe((r["text"] for r in rows), batch_size=16):
        pass
    spacy_seconds = time.perf_counter() - start

    docs = [RawDocument(source=f"{r['collection']}/{r['uid']}", content=r["text"], kind="text",
                        published=r["dct"], outlet=r["source"], title_line=False) for r in rows]
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        with Storyline(str(Path(folder) / "bench.db"), Analyser(nlp)) as sl:
            report = sl.ingest_documents(docs)
            n_stories = len(sl.stories())
        ingest_seconds = time.perf_counter() - start
        rerun_start = time.perf_counter()
        with Storyline(str(Path(folder) / "bench.db"), Analyser(nlp)) as sl:
            rerun = sl.ingest_documents(docs)
        rerun_seconds = time.perf_counter() - rerun_start

    n = len(rows)
    print(f"timeline17 sample: {n} articles, {words:.0f} words on average; "
          f"{report.added} stored, {report.duplicates} near-duplicates, {len(report.failed)} "
          f"failed, {n_stories} stories; re-ingest: {rerun.unchanged} unchanged")
    print(table(
        ["pass", "seconds", "articles/s", "× spaCy"],
        [["bare spaCy (nlp.pipe, en_core_web_sm)", f"{spacy_seconds:.1f}",
          f"{n / spacy_seconds:.1f}", "1.00"],
         ["storyline ingest (all stages + SQLite)", f"{ingest_seconds:.1f}",
          f"{n / ingest_seconds:.1f}", f"{ingest_seconds / spacy_seconds:.2f}"],
         ["storyline re-ingest (unchanged input)", f"{rerun_seconds:.1f}",
          f"{n / rerun_seconds:.1f}", f"{rerun_seconds / spacy_seconds:.2f}"]]))
    print(f"peak memory: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
