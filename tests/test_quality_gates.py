"""Quality floors on small slices of the benchmark data, so quality cannot drop unnoticed.

Each floor sits a little under the figure measured when it was pinned; the full benchmark
(benchmarks/, tables in benchmarks/RESULTS.md) reports the whole sets.
"""

from storyline.api import Storyline
from storyline.evaluation import bcubed, load_news_cluster

from .conftest import SHARED, requires_shared

STREAM_SLICE = 100
STREAM_FLOOR_F1 = 0.93  # measured 0.957 (P 1.000, R 0.917) when pinned


@requires_shared
def test_stream_clustering_floor(tmp_path, analyser):
    items = load_news_cluster(SHARED / "eval" / "giveme5w1h-newscluster" /
                              "news_cluster_en.jsonl")
    items = sorted((i for i in items if i.group == "unspecific"),
                   key=lambda i: (i.document.published, i.document.source))[:STREAM_SLICE]
    with Storyline(str(tmp_path / "gate.db"), analyser) as sl:
        sl.ingest_documents([i.document for i in items])
        predicted = {a.source: a.story_id for a in sl.articles()}
    score = bcubed(predicted, {i.document.source: i.event for i in items})
    assert score.f1 >= STREAM_FLOOR_F1, score
