"""Ingest spread over a real Dask cluster: the same stores as one process, and faults reported.

A LocalCluster of two worker processes (the `scale` extra) runs the extraction, cleaning,
analysis and story views; the tests compare what lands in the store with the single-process
ingest of the same input, on both backends.
"""

from __future__ import annotations

import gzip
import json
import os
import pickle

import pytest

from storyline.analyse import Analyser
from storyline.api import Storyline
from storyline.cli import main
from storyline.errors import InputError, StorylineError, UnknownStory
from storyline.evaluation import load_timeline17_articles
from storyline.models import RawDocument
from storyline.runners import DaskRunner
from tests.conftest import REPO, SHARED, requires_shared

pytest.importorskip("distributed")

DEMO = REPO / "storyline" / "demo" / "corpus"
KILL_MARKER = "This sentence makes the analysing worker die."


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes on this machine, shared by the tests of this module; a task whose
    worker dies is tried on one other worker, then given up."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                         dashboard_address=":0") as local:
        yield local


def corpus() -> list[RawDocument]:
    """Seeds (web chrome), the demo corpus, Timeline17 bodies and pages of HTML, enough for
    several chunks, plus one item that fails on the worker and one duplicate."""
    docs = []
    manifest = {json.loads(line)["path"]: json.loads(line)
                for line in (DEMO / "manifest.jsonl").read_text().splitlines() if line.strip()}
    for path, meta in sorted(manifest.items()):
        docs.append(RawDocument(source=path, content=(DEMO / path).read_text(), kind="text",
                                published=meta.get("published"), url=meta.get("url")))
    for path in sorted((SHARED / "seeds").iterdir()):
        docs.append(RawDocument(source=path.name, content=path.read_text(), kind="text"))
    rows = load_timeline17_articles(SHARED / "eval" / "timeline17" / "articles.jsonl.gz")
    for row in rows[::90][:46]:
        docs.append(RawDocument(source=f"t17/{row.uid}", content=row.text, kind="text",
                                published=row.published, outlet=row.outlet, title_line=False))
    pages = sorted((SHARED / "eval" / "article-extraction" / "html").iterdir())[:4]
    for page in pages:
        with gzip.open(page, "rt", encoding="utf-8") as fh:
            docs.append(RawDocument(source=page.name, content=fh.read(), kind="html"))
    docs.append(RawDocument(source="broken.html", content="<html><body><script>var a;</script>"
                                                          "</body></html>", kind="html"))
    docs.append(docs[3])
    return docs


def ingest(db: str, docs: list[RawDocument], analyser: Analyser, runner=None):
    with Storyline(db, analyser, runner=runner) as sl:
        report = sl.ingest_documents(docs)
        return report, sl.export()


@pytest.fixture(scope="module")
def in_one_process(tmp_path_factory, analyser):
    """The corpus ingested the ordinary way: what a cluster must reproduce."""
    return ingest(str(tmp_path_factory.mktemp("alone") / "alone.db"), corpus(), analyser)


@requires_shared
def test_two_workers_store_what_one_process_stores(db, analyser, cluster, in_one_process):
    docs = corpus()
    alone, expected = in_one_process
    runner = DaskRunner(scheduler=cluster.scheduler_address)
    try:
        spread, exported = ingest(db, docs, analyser, runner)
    finally:
        runner.close()
    assert len(docs) > 2 * 32  # several chunks, so boilerplate and stories cross chunks
    assert exported == expected
    assert [str(e) for e in spread.failed] == [str(e) for e in alone.failed]
    assert any("broken.html" in str(e) for e in spread.failed)
    assert (spread.added, spread.unchanged, spread.duplicates) == (
        alone.added, alone.unchanged, alone.duplicates)
    assert len(expected["stories"]) > 5


@requires_shared
def test_cli_ingest_on_an_existing_cluster_and_on_workers_of_its_own(tmp_path, cluster):
    from click.testing import CliRunner

    docs = corpus()[:8]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"text": d.content, "url": d.url,
                                            "published": d.published})
                                for d in docs if d.kind == "text"))
    cli = CliRunner()
    results = {}
    for name, args in {"alone": [], "scheduler": ["--scheduler", cluster.scheduler_address],
                       "workers": ["--workers", "2"]}.items():
        db = str(tmp_path / f"{name}.db")
        run = cli.invoke(main, ["ingest", str(source), "--db", db, "-q", *args])
        assert run.exit_code == 0, run.output
        results[name] = cli.invoke(main, ["export", "--db", db]).output
    assert json.loads(results["alone"])["articles"]
    assert results["scheduler"] == results["alone"] == results["workers"]


def test_cli_refuses_both_workers_and_a_scheduler(tmp_path):
    from click.testing import CliRunner

    run = CliRunner().invoke(main, ["ingest", "x.txt", "--workers", "2", "--scheduler",
                                    "tcp://127.0.0.1:1", "--db", str(tmp_path / "a.db")])
    assert run.exit_code == 2
    assert "not both" in run.output


def test_an_unreachable_scheduler_is_named():
    with pytest.raises(StorylineError, match=r"cannot reach the Dask scheduler at "
                                             r"tcp://127\.0\.0\.1:9"):
        DaskRunner(scheduler="tcp://127.0.0.1:9", connect_timeout="2s")


class DyingAnalyser(Analyser):
    """Kills its worker process on a marked text, as an out-of-memory kill would."""

    def analyse_many(self, items, on_error=None):
        items = list(items)
        if any(KILL_MARKER in text for text, _ in items):
            os._exit(9)
        return super().analyse_many(items, on_error)


def test_a_dead_worker_stops_the_ingest_and_keeps_every_stored_chunk(tmp_path, cluster):
    docs = [RawDocument(source=f"n{i}.txt", kind="text", published="2024-03-04",
                        content=f"Bridge vote in Town{i}\n\nThe council of Town{i} met on "
                                f"Monday to vote on bridge number {i} over the Lune, its clerk "
                                f"Ana Petrel said.\n")
            for i in range(70)]
    docs[40] = RawDocument(source="bomb.txt", kind="text", content=KILL_MARKER)
    db = str(tmp_path / "dying.db")
    runner = DaskRunner(scheduler=cluster.scheduler_address)
    try:
        with Storyline(db, DyingAnalyser(), runner=runner) as sl, \
                pytest.raises(StorylineError, match="the Dask cluster failed") as failure:
            sl.ingest_documents(docs)
    finally:
        runner.close()
    assert "everything stored before is kept" in str(failure.value)
    with Storyline(db) as sl:
        stored = sl.store.count_articles()
        assert stored == 32  # the first chunk, whole; nothing of the chunk in flight
    with Storyline(db, Analyser()) as sl:
        report = sl.ingest_documents([d for d in docs if d.source != "bomb.txt"])
        assert (report.unchanged, report.added) == (32, 69 - 32)
        assert sl.store.count_articles() == 69


def test_errors_survive_the_trip_from_a_worker():
    for error in (InputError("a.html", "no article text found"), UnknownStory("s1")):
        copy = pickle.loads(pickle.dumps(error))
        assert (type(copy), str(copy), copy.args) == (type(error), str(error), error.args)
