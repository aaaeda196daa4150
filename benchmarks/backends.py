"""SQLite against PostgreSQL: the same ingest into each backend, and reads from each.

    python benchmarks/backends.py [--limit 500] [--postgres postgresql://127.0.0.1:5432/test]

Data: a deterministic sample of ../shared/eval/timeline17 articles. spaCy's analysis is the
same work whichever store follows it, so it runs once (its time is shown) and both backends
are then timed on everything after it: cleaning, near-duplicates, clustering, the store's
writes (a transaction per chunk, a savepoint per article) and the story views; then a full
ingest's time on each is that plus the analysis. Each backend runs twice, alternately; the
faster run counts. PostgreSQL is the machine's own (127.0.0.1, a fresh schema per run).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ReplayAnalyser, table
from ingest_speed import sample

from storyline.api import Storyline
from storyline.models import RawDocument


def timed_ingest(db: str, docs: list[RawDocument], analyser: ReplayAnalyser) -> tuple[float, dict]:
    began = time.perf_counter()
    with Storyline(db, analyser) as sl:
        report = sl.ingest_documents(docs)
        seconds = time.perf_counter() - began
        began = time.perf_counter()
        listed = sl.store.story_briefs(limit=50)
        for brief in listed:
            sl.story(brief["id"])
        hits = sum(len(sl.search(q)) for q in ("police", "government", "president"))
        reads = time.perf_counter() - began
        export = sl.export()
    return seconds, {"report": report, "reads": reads, "stories": len(export["stories"]),
                     "hits": hits}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--postgres", default="postgresql://127.0.0.1:5432/test")
    args = parser.parse_args()
    import psycopg

    rows = sample(args.limit)
    docs = [RawDocument(source=f"{r['collection']}/{r['uid']}", content=r["text"], kind="text",
                        published=r["dct"], outlet=r["source"], title_line=False) for r in rows]
    analyser = ReplayAnalyser()
    schemas = []
    with tempfile.TemporaryDirectory() as folder:
        with Storyline(str(Path(folder) / "warm.db"), analyser) as sl:  # spaCy, once
            sl.ingest_documents(docs)
        analysis = analyser.seconds
        best: dict[str, tuple[float, dict]] = {}
        try:
            for run in range(2):
                for backend in ("SQLite", "PostgreSQL"):
                    if backend == "SQLite":
                        db = str(Path(folder) / f"run{run}.db")
                    else:
                        schemas.append(f"storyline_bench_{uuid.uuid4().hex[:10]}")
                        db = f"{args.postgres}?schema={schemas[-1]}"
                    seconds, info = timed_ingest(db, docs, analyser)
                    if backend not in best or seconds < best[backend][0]:
                        best[backend] = (seconds, info)
        finally:
            with psycopg.connect(args.postgres, autocommit=True) as conn:
                for schema in schemas:
                    conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    base = best["SQLite"][0]
    rows_out = []
    for backend, (seconds, info) in best.items():
        report = info["report"]
        rows_out.append([
            backend, report.added, report.duplicates, info["stories"], f"{seconds:.1f}",
            f"{seconds / base:.2f}", f"{analysis + seconds:.1f}",
            f"{(analysis + seconds) / (analysis + base):.2f}", f"{info['reads']:.2f}"])
    print(f"\n{len(docs)} timeline17 articles; spaCy analysis (shared, run once): "
          f"{analysis:.1f} s\n")
    print(table(["backend", "stored", "near-dups", "stories", "after-analysis s", "× SQLite",
                 "full ingest s", "full × SQLite", "reads s (50 stories + 3 searches)"],
                rows_out))


if __name__ == "__main__":
    main()
