"""Web throughput: requests/s and p99 latency of the pages and the API at 10k stored articles.

    python benchmarks/web.py [--articles 10000] [--seconds 10] [--connections 8] [--store PATH]

The store: real Timeline17 bodies (../shared/eval/timeline17) ingested by the real pipeline —
1,200 of them analysed by spaCy, then variants up to ``--articles``: each variant joins a random
half of the sentences of two articles of the same topic, with the analyses of those sentences
carried over (entities, quotes, times and figures inside a kept sentence keep their meaning;
re-running spaCy over 10k bodies would take most of an hour and measure nothing the web serves).
Variants go through cleaning, near-duplicate detection and clustering like any article. The
store is built once and kept (``--store``, default ~/.cache/storyline/web-10000.db).

The load: ``storyline serve`` in its own process (one uvicorn worker) on 127.0.0.1, and a
closed-loop HTTP/1.1 keep-alive client here (``--connections`` at once) that requests each
endpoint for ``--seconds``, cycling through every story (in random order), 3,000 random
articles, and queries made of frequent names.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ReplayAnalyser, shared_dir, table
from variants import t17_document, variant

from storyline.analyse.analyser import Analysis
from storyline.api import Storyline
from storyline.evaluation import T17Article, load_timeline17_articles

BASE_ARTICLES = 1_200
TARGETS = {"story page": 200.0, "GET /api/stories": 200.0}
P99_LIMIT_MS = 200.0


def build_store(path: Path, n_articles: int) -> None:
    rows = load_timeline17_articles(shared_dir() / "eval" / "timeline17" / "articles.jsonl.gz")
    rng = random.Random(0)
    bases = rng.sample(rows, min(BASE_ARTICLES, len(rows), n_articles))
    analyser = ReplayAnalyser()
    started = time.perf_counter()
    with Storyline(str(path), analyser) as sl:
        report = sl.ingest_documents(
            [t17_document(i, r.text, r, r.published) for i, r in enumerate(bases)])
        print(f"{report.added} base articles analysed and stored in "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
        stored = {a.id: a for a in sl.store.articles(report.article_ids)}
        by_topic: dict[str, list[tuple[T17Article, str, Analysis]]] = {}
        for row, article_id in zip(bases, report.article_ids, strict=False):
            article = stored.get(article_id)
            if article is not None and article.text in analyser.known:
                by_topic.setdefault(row.collection, []).append(
                    (row, article.text, analyser.known[article.text]))
        topics = sorted(by_topic)
        documents = []
        for i in range(len(bases), n_articles):
            pool = by_topic[topics[i % len(topics)]]
            (row, text_a, a), (_, text_b, b) = rng.choice(pool), rng.choice(pool)
            text, analysis = variant([(text_a, a), (text_b, b)], rng)
            analyser.known.setdefault(text, analysis)
            day = date.fromisoformat(row.published[:10]) + timedelta(days=rng.randrange(4))
            documents.append(t17_document(i, text, row, day.isoformat()))
        report = sl.ingest_documents(documents)
        print(f"{report.added} variants stored ({report.duplicates} near-duplicates); "
              f"{analyser.analysed} bodies went through spaCy; "
              f"{time.perf_counter() - started:.0f} s in all", file=sys.stderr)


# --- the load -------------------------------------------------------------------------------

async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:])}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def _client(port: int, paths: list[str], deadline: float, start: int,
                  latencies: list[float], errors: list[str]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = start
    try:
        while time.perf_counter() < deadline:
            path = paths[i % len(paths)]
            i += 1
            began = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            await writer.drain()
            status = await _read_response(reader)
            latencies.append(time.perf_counter() - began)
            if status != 200:
                errors.append(f"{path}: {status}")
    finally:
        writer.close()


def load(port: int, paths: list[str], seconds: float, connections: int
         ) -> tuple[int, float, float, float, list[str]]:
    latencies: list[float] = []
    errors: list[str] = []

    async def run() -> float:
        began = time.perf_counter()
        deadline = began + seconds
        # Connections start spread over the list, so none repeats what another just asked:
        # with every story on the list, the server's cache of parsed views rarely helps.
        await asyncio.gather(*(_client(port, paths, deadline, k * len(paths) // connections,
                                       latencies, errors) for k in range(connections)))
        return time.perf_counter() - began

    elapsed = asyncio.run(run())
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    return len(latencies), len(latencies) / elapsed, p50, p99, errors


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"storyline serve exited with status {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("storyline serve did not start within a minute")


def endpoints(path: Path, rng: random.Random) -> dict[str, list[str]]:
    """The requests of each row: stories and articles drawn at random from the store."""
    conn = sqlite3.connect(path)
    stories = [r[0] for r in conn.execute("SELECT id FROM stories")]
    articles = [r[0] for r in conn.execute("SELECT id FROM articles")]
    words = [r[0] for r in conn.execute(
        "SELECT canonical FROM entities WHERE label IN ('PERSON', 'GPE') GROUP BY canonical "
        "ORDER BY count(*) DESC LIMIT 200")]
    conn.close()
    picked_stories = rng.sample(stories, len(stories))
    picked_articles = rng.sample(articles, min(3000, len(articles)))
    queries = [w.split()[-1] for w in words]
    return {
        "story list page /": ["/"] + [f"/?page={p}" for p in range(2, 6)],
        "story page": [f"/stories/{s}" for s in picked_stories],
        "article page": [f"/articles/{a}" for a in picked_articles],
        "search page": [f"/search?q={q}" for q in queries],
        "GET /api/stories": ["/api/stories"] + [f"/api/stories?offset={50 * p}"
                                                for p in range(1, 5)],
        "GET /api/stories/{id}": [f"/api/stories/{s}" for s in picked_stories],
        "GET /api/articles/{id}": [f"/api/articles/{a}" for a in picked_articles],
        "GET /api/search": [f"/api/search?q={q}" for q in queries],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="Load per endpoint.")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--store", type=Path)
    args = parser.parse_args()
    store = args.store or Path.home() / ".cache" / "storyline" / f"web-{args.articles}.db"
    if not store.exists():
        store.parent.mkdir(parents=True, exist_ok=True)
        partial = store.with_suffix(".partial.db")
        for leftover in store.parent.glob(partial.name + "*"):
            leftover.unlink()
        build_store(partial, args.articles)
        partial.rename(store)
    with Storyline(str(store)) as sl:  # views brought up to date before the clock starts
        sl.refresh()
        n_articles, n_stories = sl.store.count_articles(), sl.store.count_stories()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "storyline", "serve", "--db", str(store), "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"])
    rows = []
    try:
        _wait_until_up(port, server)
        for name, paths in endpoints(store, random.Random(1)).items():
            load(port, paths[:20], 1.0, args.connections)  # warm-up
            n, rate, p50, p99, errors = load(port, paths, args.seconds, args.connections)
            target = TARGETS.get(name)
            verdict = "—" if target is None else (
                "met" if rate >= target and p99 < P99_LIMIT_MS else "NOT met")
            rows.append([name, n, f"{rate:.0f}", f"{p50:.1f}", f"{p99:.1f}", len(errors),
                         verdict])
            if errors:
                print(f"{name}: {len(errors)} errors, e.g. {errors[0]}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"\n{n_articles} articles in {n_stories} stories; {args.connections} keep-alive "
          f"connections, {args.seconds:.0f} s per endpoint; one uvicorn worker; 127.0.0.1\n")
    print(table(["endpoint", "requests", "req/s", "p50 ms", "p99 ms", "errors",
                 f"target ≥{TARGETS['story page']:.0f}/s, p99 <{P99_LIMIT_MS:.0f} ms"], rows))


if __name__ == "__main__":
    main()
