"""Online story clustering on a dated news stream with gold events (a development check).

    python benchmarks/stream_clustering.py [--small-stores]

Data: ../shared/eval/giveme5w1h-newscluster (383 English articles, 69 hand-labelled events, see
its PROVENANCE.md; no published scores exist for it). The clustering constants were calibrated
on this set, so it is a development set, not a test: the story-detection test is ECB+ (issue 5).
Articles are fed in date order through the full ingest. A peer baseline, single-pass TF-IDF
threshold clustering as in early TDT systems, runs in the same process at its best threshold on
this set (given every advantage). Prints B-cubed precision / recall / F1 and story counts.
With ``--small-stores``, also a store of a few articles: every pair of the four largest events,
each pair ingested alone into a fresh store (a user's small pile), scored the same way.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import news_stream, table
from peers import single_pass_tfidf

from storyline.clean import clean
from storyline.evaluation import LabelledArticle, bcubed, story_assignments


def storyline_clusters(items: list[LabelledArticle]) -> tuple[dict[str, str], float, int]:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        predicted, report = story_assignments(items, str(Path(folder) / "b.db"))
        return predicted, time.perf_counter() - start, len(report.failed)


def small_store_rows(items: list[LabelledArticle], gold: dict[str, str]) -> list[list[object]]:
    """Each pair of the four largest events alone in a fresh store, and their mean."""
    sizes = {e: sum(1 for i in items if i.event == e) for e in set(gold.values())}
    largest = sorted(sizes, key=lambda e: (-sizes[e], e))[:4]
    rows, scores = [], []
    for pair in itertools.combinations(largest, 2):
        part = [i for i in items if i.event in pair]
        predicted, _, _ = storyline_clusters(part)
        score = bcubed(predicted, {k: gold[k] for k in predicted})
        scores.append(score)
        rows.append([" + ".join(f"event {e}" for e in pair), len(part), f"{score.precision:.3f}",
                     f"{score.recall:.3f}", f"{score.f1:.3f}", len(set(predicted.values()))])
    rows.append(["mean", "", f"{sum(s.precision for s in scores) / len(scores):.3f}",
                 f"{sum(s.recall for s in scores) / len(scores):.3f}",
                 f"{sum(s.f1 for s in scores) / len(scores):.3f}", ""])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small-stores", action="store_true",
                        help="also ingest each pair of the four largest events alone")
    args = parser.parse_args()
    items = news_stream()
    gold = {i.document.source: i.event for i in items}
    subset = {i.document.source for i in items if i.group == "unspecific"}
    predicted, seconds, failed = storyline_clusters(items)

    def row(name: str, pred: dict) -> list[object]:
        every = bcubed(pred, gold)
        event_level = bcubed({k: v for k, v in pred.items() if k in subset},
                             {k: v for k, v in gold.items() if k in subset})
        return [name, f"{every.precision:.3f}", f"{every.recall:.3f}", f"{every.f1:.3f}",
                f"{event_level.f1:.3f}", len(set(pred.values()))]

    # Scored on the articles storyline stored, so both rows cover the same items.
    texts = {i.document.source: clean(i.document).text for i in items}
    baselines = {t: {k: v for k, v in single_pass_tfidf(items, texts, t).items() if k in predicted}
                 for t in (0.2, 0.3, 0.4, 0.5)}
    best_t = max(baselines, key=lambda t: bcubed(baselines[t], gold).f1)
    print(f"Giveme5W1H news_cluster: {len(items)} articles, {len(set(gold.values()))} gold events; "
          f"storyline stored {len(predicted)} ({failed} refused as having no article text), "
          f"{len(predicted) / seconds:.1f} articles/s for the whole ingest")
    print(table(["system", "B³ P", "B³ R", "B³ F1", "B³ F1 event-level subset", "stories"],
                [row("storyline (online, indexed candidates)", predicted),
                 row(f"single-pass TF-IDF, best threshold {best_t}", baselines[best_t])]))
    if args.small_stores:
        print("\nSmall stores: two events alone (2 gold stories each)")
        print(table(["events", "articles", "B³ P", "B³ R", "B³ F1", "stories"],
                    small_store_rows(items, gold)))


if __name__ == "__main__":
    main()
