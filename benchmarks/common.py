"""Where the shared evaluation data lives, and a small table printer for the benchmarks."""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Iterator
from pathlib import Path

from storyline.analyse import Analyser
from storyline.analyse.analyser import Analysis
from storyline.evaluation import LabelledArticle, load_news_cluster

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    env = os.environ.get("STORYLINE_SHARED")
    if env:
        return Path(env)
    for parent in REPO.parents:
        if (parent / "shared" / "eval").is_dir():
            return parent / "shared"
    raise SystemExit("../shared/eval not found: set STORYLINE_SHARED to the shared folder")


def news_stream() -> list[LabelledArticle]:
    """Giveme5W1H news_cluster in publication order (ties by id), as a stream would bring it."""
    items = load_news_cluster(shared_dir() / "eval" / "giveme5w1h-newscluster" /
                              "news_cluster_en.jsonl")
    return sorted(items, key=lambda i: (i.document.published, i.document.source))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def table(headers: list[str], rows: list[list[object]]) -> str:
    cells = [[str(c) for c in row] for row in [headers, *rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
             for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


class ReplayAnalyser(Analyser):
    """spaCy's analysis for texts it has not seen; the same analysis again for a text it has
    (or one registered in ``known`` beforehand), so a benchmark can time what comes after it.
    With ``once``, an analysis is forgotten when handed out (a long stream keeps no backlog)."""

    def __init__(self, once: bool = False) -> None:
        super().__init__()
        self.once = once
        self.known: dict[str, Analysis] = {}
        self.analysed = 0
        self.seconds = 0.0  # spent in spaCy and the analysis components

    def analyse_many(self, items, on_error=None) -> Iterator[Analysis | None]:
        items = list(items)
        fresh = [(text, dct) for text, dct in items if text not in self.known]
        began = time.perf_counter()
        for (text, _), analysis in zip(fresh, super().analyse_many(fresh), strict=True):
            self.known[text] = analysis
        self.seconds += time.perf_counter() - began
        self.analysed += len(fresh)
        handed = [self.known[text] for text, _ in items]
        if self.once:
            for text, _ in items:
                self.known.pop(text, None)
        yield from handed
