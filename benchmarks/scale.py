"""Ingest spread over Dask workers: speed-up of 2 workers over 1, memory, same stories.

    python benchmarks/scale.py [--limit N] [--modes 1,2] [--check 600]

Data: every article of four shared sets, written to one JSONL file at run time (never kept):
Timeline17 bodies (4,352), ECB+ documents (982), Giveme5W1H news_cluster (383) and the Zyte
benchmark's HTML pages (181, extracted by trafilatura on the workers) — 5,898 real news
items. Each mode runs the real command, `storyline ingest FILE --db NEW.db -q [--workers N]`,
in a process of its own on an empty SQLite store, timed from start to exit (cluster start-up,
spaCy loading and the story views included). Memory is sampled every 0.2 s: the command's own
process (the driver: store, duplicates, clustering) and all its processes together (workers
included). ``--check`` ingests the first N items in one process and on 2 workers and compares
the two exports byte for byte; the full runs' exports are compared with each other.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import shared_dir, table

from storyline.evaluation import load_ecbplus, load_news_cluster, load_timeline17_articles

BIN = Path(sys.executable).parent / "storyline"


def corpus_rows() -> list[dict]:
    """The four sets as JSONL records, interleaved by set so every slice mixes them."""
    eval_dir = shared_dir() / "eval"
    t17 = [{"text": a.text, "published": a.published, "outlet": a.outlet}
           for a in load_timeline17_articles(eval_dir / "timeline17" / "articles.jsonl.gz")]
    ecb = [{"text": a.document.content}
           for a in load_ecbplus(eval_dir / "ecbplus" / "ecbplus_docs.jsonl.gz")]
    giveme = [{"text": a.document.content, "title": a.document.title, "url": a.document.url,
               "published": a.document.published}
              for a in load_news_cluster(eval_dir / "giveme5w1h-newscluster"
                                         / "news_cluster_en.jsonl")]
    html = []
    for page in sorted((eval_dir / "article-extraction" / "html").iterdir()):
        with gzip.open(page, "rt", encoding="utf-8") as fh:
            html.append({"html": fh.read()})
    sets = [t17, ecb, giveme, html]
    rows, position = [], [0.0] * len(sets)
    total = sum(len(s) for s in sets)
    for _ in range(total):  # the set furthest behind its share goes next
        k = min((i for i in range(len(sets)) if position[i] < len(sets[i])),
                key=lambda i: position[i] / len(sets[i]))
        rows.append(sets[k][int(position[k])])
        position[k] += 1
    return rows


class MemorySampler(threading.Thread):
    """Peak resident memory of a process and of it with all its descendants."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.driver_peak = self.total_peak = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.2):
            try:
                own = self.process.memory_info().rss
                others = sum(c.memory_info().rss for c in self.process.children(recursive=True))
            except psutil.Error:
                continue
            self.driver_peak = max(self.driver_peak, own)
            self.total_peak = max(self.total_peak, own + others)


def run_ingest(source: Path, db: Path, workers: int | None) -> dict:
    for old in db.parent.glob(db.name + "*"):  # always a new store
        old.unlink()
    command = [str(BIN), "ingest", str(source), "--db", str(db), "-q"]
    if workers:
        command += ["--workers", str(workers)]
    began = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    sampler = MemorySampler(process.pid)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - began
    sampler.stopped.set()
    # Exit status 1 with a report: some items failed (named, the rest stored); "Error:" is the
    # command itself failing.
    if process.returncode not in (0, 1) or "Error:" in errors:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors[-3000:]}")
    exported = subprocess.run([str(BIN), "export", "--db", str(db)], capture_output=True,
                              check=True).stdout
    return {"seconds": seconds, "driver_mb": sampler.driver_peak / 2**20,
            "total_mb": sampler.total_peak / 2**20, "failed": errors.count("error:"),
            "export": hashlib.sha256(exported).hexdigest(),
            "articles": len(json.loads(exported)["articles"]),
            "stories": len(json.loads(exported)["stories"]),
            "db_bytes": sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))}


def write_jsonl(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="items to ingest (default: all 5,898)")
    parser.add_argument("--modes", default="1,2",
                        help="comma-separated: 'single' (no Dask) and/or worker counts")
    parser.add_argument("--check", type=int, default=600,
                        help="items for the one-process vs 2-worker comparison (0: skip)")
    parser.add_argument("--keep", type=Path, help="keep the stores in this folder")
    args = parser.parse_args()
    rows = corpus_rows()[: args.limit]
    words = sum(len((r.get("text") or "").split()) for r in rows if "text" in r)
    print(f"{len(rows)} items ({sum('html' in r for r in rows)} HTML pages; "
          f"{words / max(1, sum('text' in r for r in rows)):.0f} words per text item)",
          file=sys.stderr)
    out = []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        source = write_jsonl(rows, folder / "corpus.jsonl")
        results = {}
        for mode in args.modes.split(","):
            workers = None if mode == "single" else int(mode)
            stores = args.keep or folder
            stores.mkdir(parents=True, exist_ok=True)
            results[mode] = run_ingest(source, stores / f"{mode}.db", workers)
            print(f"{mode}: {results[mode]['seconds']:.0f} s", file=sys.stderr)
        base = results.get("1")
        for mode, r in results.items():
            label = "one process (no Dask)" if mode == "single" else f"--workers {mode}"
            speed_up = f"{base['seconds'] / r['seconds']:.2f}" if base else "—"
            out.append([label, f"{r['seconds']:.0f}", f"{len(rows) / r['seconds']:.2f}",
                        speed_up, f"{r['driver_mb']:.0f}", f"{r['total_mb']:.0f}",
                        f"{r['db_bytes'] / 1024 / max(1, r['articles']):.1f}",
                        f"{r['articles']:,} / {r['stories']:,}", r["failed"]])
        same = len({r["export"] for r in results.values()}) == 1
        print(table(["mode", "seconds", "items/s", "× 1 worker", "driver peak MB",
                     "all processes peak MB", "DB KB/article", "articles / stories",
                     "items refused"], out))
        print(f"\nexports of the {len(results)} full runs identical: {same}")
        if args.check:
            check = write_jsonl(rows[: args.check], folder / "check.jsonl")
            one = run_ingest(check, folder / "check-single.db", None)
            two = run_ingest(check, folder / "check-2.db", 2)
            print(f"first {args.check} items, one process vs 2 workers: exports identical: "
                  f"{one['export'] == two['export']} ({one['articles']} articles, "
                  f"{one['stories']} stories; {one['seconds']:.0f} s vs {two['seconds']:.0f} s)")


if __name__ == "__main__":
    main()
