"""Timeline summarisation on Timeline17, news-tls protocol: storyline's timeline vs PUBCOUNT.

    python benchmarks/timelines.py [--cache PATH] [--tasks N]

Data: ../shared/eval/timeline17 (see its PROVENANCE.md): 4,352 articles on 9 topics and 19
gold timelines (18 usable: one collection's articles are missing). Protocol of news-tls
(Gholipour Ghalandari & Ifrim, ACL 2020): one task per gold timeline; the input is the
articles of its collection published within the gold timeline's first and last date; the
system returns l dates (l = the gold's number of dates) with k sentences each (k = the gold's
average sentences per date, rounded). Metrics, averaged over tasks: alignment ROUGE-1 / -2 F
(align+ m:1) and date F1, as defined in storyline.evaluation.timelines.

storyline: every article goes through the analyser (spaCy, time expressions against its
publication date, sentences); the story view ``build_timeline`` then picks the days the most
articles speak of and each day's most representative sentences — the code ``storyline show``
runs. PUBCOUNT (the news-tls baseline), in the same run: the l days with most articles
published, each with the k sentences (of those days' articles) closest to that day's centroid.
Each task's story summary (``build_summary``) is also checked: every sentence an exact span
of its article, no two near-duplicates. The analysed articles are cached (``--cache``, one
file per pipeline version) so a re-run skips spaCy. The timeline constants
(storyline/stories/timeline.py) were set on the tasks of four topics (DEV_TOPICS); the other
five topics' 11 tasks are the test, reported beside all 18.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import shared_dir, table

from storyline.analyse import Analyser
from storyline.evaluation import load_timeline17_articles
from storyline.evaluation.timelines import (
    GoldTimeline,
    Timeline,
    alignment_rouge,
    date_f1,
    load_gold_timelines,
)
from storyline.models import Article
from storyline.pipeline import PIPELINE_VERSION
from storyline.stories.context import StoryContext, build_context, usable
from storyline.stories.developments import find_developments
from storyline.stories.summary import build_summary
from storyline.stories.timeline import build_timeline
from storyline.textutil import content_terms

PUBLISHED = [  # AR1-F, AR2-F, date F1 on T17 (news-tls paper, Table 4; PROVENANCE.md)
    ("DATEWISE (published, best)", 0.120, 0.035, 0.544),
    ("PUBCOUNT (published)", 0.105, 0.027, 0.481),
    ("CLUST (published)", 0.082, 0.020, 0.407),
]
# Timeline constants were set on these topics' tasks; the others are the test.
DEV_TOPICS = {"EgyptianProtest", "H1N1", "IraqWar", "LibyaWar"}
REDUNDANT = 0.5
SUMMARY_LENGTH = 10
NEAR_DUPLICATE = 0.5
LEAD_SENTENCES = 5
_GOLD_SENTENCE_END = re.compile(r"(?<=\s[.!?])\s+(?=\S)")


def analysed_articles(cache: Path | None, only: dict[str, tuple[date, date]] | None = None,
                      analyser: Analyser | None = None) -> dict[str, list[Article]]:
    """Timeline17 articles analysed against their publication dates, by collection: all of
    them, or ``only`` those of some collections published in a span; kept in ``cache``."""
    if cache is not None and cache.exists():
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    rows = [r for r in load_timeline17_articles(shared_dir() / "eval" / "timeline17" /
                                                "articles.jsonl.gz")
            if only is None or (r.collection in only and only[r.collection][0]
                                <= date.fromisoformat(r.published) <= only[r.collection][1])]
    analyser = analyser or Analyser()
    out: dict[str, list[Article]] = defaultdict(list)
    items = [(r.text, date.fromisoformat(r.published)) for r in rows]
    for row, analysis in zip(rows, analyser.analyse_many(items), strict=True):
        out[row.collection].append(Article(
            id=f"{row.collection}/{row.uid}", source=row.uid, text=row.text,
            published=row.published, outlet=row.outlet, language="en",
            times=analysis.times, sentences=analysis.sentences))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with open(cache, "wb") as fh:
            pickle.dump(dict(out), fh)
    return dict(out)


def gold_sentences(task: GoldTimeline) -> GoldTimeline:
    """The gold summaries split into sentences (the file keeps a day's sentences as one text)."""
    timeline = {day: [s for text in texts for s in _GOLD_SENTENCE_END.split(text.strip()) if s]
                for day, texts in task.timeline.items()}
    return GoldTimeline(task.collection, task.topic, task.outlet, task.name, timeline)


def storyline_timeline(context: StoryContext, dates: int, per_date: int,
                       between: tuple[str, str]) -> Timeline:
    out: Timeline = defaultdict(list)
    for entry in build_timeline(context, max_dates=dates, per_date=per_date, between=between):
        out[date.fromisoformat(entry.date)].append(entry.text)
    return dict(out)


def pubcount_timeline(context: StoryContext, dates: int, per_date: int,
                      between: tuple[str, str]) -> Timeline:
    by_day = defaultdict(list)
    for article in context.originals:
        by_day[article.published[:10]].append(article)
    ranked = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[:dates]
    out: Timeline = {}
    for day in ranked:
        candidates = [s for a in by_day[day] for s in context.sentences[a.id][:LEAD_SENTENCES]
                      if usable(s)]
        centroid: dict[str, float] = defaultdict(float)
        for s in candidates:
            for term, weight in s.vector.items():
                centroid[term] += weight
        scored = sorted(candidates, key=lambda s: -sum(w * centroid.get(t, 0.0)
                                                      for t, w in s.vector.items()))
        picked = []
        for s in scored:
            if all(context.similarity(s, p) < REDUNDANT for p in picked):
                picked.append(s)
            if len(picked) >= per_date:
                break
        out[date.fromisoformat(day)] = [s.text for s in picked]
    return out


def evaluate(predicted: Timeline, gold: Timeline) -> tuple[float, float, float]:
    return (alignment_rouge(predicted, gold, 1).f1, alignment_rouge(predicted, gold, 2).f1,
            date_f1(predicted, gold).f1)


def tasks_for(collections) -> list[GoldTimeline]:
    """The gold timelines of these collections, their days split into sentences."""
    return [gold_sentences(t) for t in load_gold_timelines(
        shared_dir() / "eval" / "timeline17" / "timelines.jsonl") if t.collection in collections]


def run_task(task: GoldTimeline, articles: list[Article], system) -> tuple[float, float, float]:
    """One news-tls task: the articles inside the gold span, l dates, k sentences per date."""
    predicted = system(task_context(task, articles), len(task.timeline),
                       task.sentences_per_date, task_span(task))
    return evaluate(predicted, task.timeline)


def task_span(task: GoldTimeline) -> tuple[str, str]:
    return min(task.timeline).isoformat(), max(task.timeline).isoformat()


def task_context(task: GoldTimeline, articles: list[Article]) -> StoryContext:
    first, last = task_span(task)
    return build_context([a for a in articles if first <= a.published[:10] <= last])


def summary_checks(context: StoryContext, length: int) -> tuple[int, int, int]:
    """(sentences, sentences that are an exact span of their article, near-duplicate pairs):
    the story summary of the task's articles, near-duplicates judged by content-word overlap
    (Jaccard ≥ NEAR_DUPLICATE), a measure the summariser itself does not use."""
    summary = build_summary(context, find_developments(context), length)
    texts = {a.id: a.text for a in context.originals}
    traceable = sum(texts[s.article_id][s.start : s.end] == s.text for s in summary)
    words = [set(content_terms(s.text)) for s in summary]
    pairs = sum(len(a & b) / len(a | b) >= NEAR_DUPLICATE
                for i, a in enumerate(words) for b in words[i + 1 :] if a | b)
    return len(summary), traceable, pairs


SYSTEMS = [("storyline", storyline_timeline), ("PUBCOUNT", pubcount_timeline)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path,
                        default=Path.home() / ".cache" / "storyline"
                        / f"t17-analysed-v{PIPELINE_VERSION}.pkl",
                        help="where the analysed articles are kept between runs (named by the "
                             "pipeline version, so a new analyser re-reads them)")
    parser.add_argument("--tasks", type=int, default=0, help="only the first N tasks")
    args = parser.parse_args()
    began = time.perf_counter()
    articles = analysed_articles(args.cache)
    prepared = time.perf_counter() - began
    tasks = tasks_for(articles)
    if args.tasks:
        tasks = tasks[: args.tasks]
    scores: dict[tuple[str, str], list[tuple[float, float, float]]] = defaultdict(list)
    rows = []
    checks: list[tuple[int, int, int]] = []
    began = time.perf_counter()
    for task in tasks:
        part = "dev" if task.topic in DEV_TOPICS else "test"
        results = []
        for name, system in SYSTEMS:
            result = run_task(task, articles[task.collection], system)
            scores[(name, part)].append(result)
            scores[(name, "all")].append(result)
            results.append(result)
        rows.append([f"{task.collection} {task.name}", part, len(task.timeline),
                     task.sentences_per_date, *(f"{v:.3f}" for r in results for v in r)])
        checks.append(summary_checks(task_context(task, articles[task.collection]),
                                     SUMMARY_LENGTH))
    seconds = time.perf_counter() - began
    print(table(["task", "part", "l", "k", "AR1-F", "AR2-F", "date F1",
                 "PUBCOUNT AR1-F", "AR2-F", "date F1"], rows))
    summary = []
    for part in ("all", "test", "dev"):
        for name, _ in SYSTEMS:
            values = scores[(name, part)]
            if values:
                summary.append([f"{name} — {part} ({len(values)} tasks, this run)",
                                *(f"{sum(v[i] for v in values) / len(values):.3f}"
                                  for i in range(3))])
    summary += [[name, f"{a:.3f}", f"{b:.3f}", f"{c:.3f}"] for name, a, b, c in PUBLISHED]
    print()
    print(table(["system", "AR1-F", "AR2-F", "date F1"], summary))
    n, traceable, pairs = (sum(c[i] for c in checks) for i in range(3))
    print(f"\nstory summaries ({SUMMARY_LENGTH} sentences per task): {n} sentences, "
          f"{traceable} exact spans of their article ({100 * traceable / max(1, n):.0f}%), "
          f"{pairs} near-duplicate pairs (content-word Jaccard ≥ {NEAR_DUPLICATE})")
    print(f"\nanalysis {prepared:.0f} s (cached after the first run), timelines and scoring "
          f"{seconds:.0f} s")


if __name__ == "__main__":
    main()
