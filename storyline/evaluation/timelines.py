"""Timeline summarisation scoring as news-tls reports it: alignment-based ROUGE and date F1.

Alignment ROUGE, "align+ m:1" (Martschat & Markert, EACL 2017), as their tilse toolkit computes
it for news-tls: every predicted date is aligned to the gold date that costs least, cost =
(1 − 1/(|Δdays|+1)) · (1 − content overlap of the two days' summaries), several predicted dates
may share one gold date; n-gram matches of an aligned pair count with weight 1/(|Δdays|+1); a
predicted date's n-grams are the precision denominator. Recall aligns every gold date to its
cheapest predicted date the same way and divides by the gold n-grams. Dates left unaligned count
with no matches. The content overlap is tilse's approximation of ROUGE-1 F (whitespace tokens as
written); the n-grams scored are ROUGE-1.5.5's with ``-m -s`` (`storyline.evaluation.rouge155`).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from storyline.evaluation import PrecisionRecall
from storyline.evaluation.rouge155 import rouge_tokens

Timeline = dict[date, list[str]]


@dataclass(frozen=True)
class GoldTimeline:
    collection: str
    topic: str
    outlet: str
    name: str
    timeline: Timeline

    @property
    def sentences_per_date(self) -> int:
        """k of the news-tls protocol: the gold's average sentences per date, rounded."""
        n = sum(len(s) for s in self.timeline.values())
        return max(1, round(n / len(self.timeline)))


def load_gold_timelines(path: Path) -> list[GoldTimeline]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            timeline: Timeline = {}
            for entry in row["entries"]:
                text = entry["text"]
                sentences = text if isinstance(text, list) else [text]
                timeline.setdefault(date.fromisoformat(entry["date"]), []).extend(sentences)
            out.append(GoldTimeline(row["collection"], row["topic"], row["source"],
                                    row["timeline_file"], timeline))
    return out


class _Grams:
    """ROUGE n-grams of a day's summary, computed once per text."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int], Counter] = {}

    def of(self, sentences: list[str], n: int) -> Counter:
        key = ("\n".join(sentences), n)
        if key not in self._cache:
            tokens = rouge_tokens(sentences)
            self._cache[key] = Counter(tuple(tokens[i : i + n])
                                       for i in range(len(tokens) - n + 1))
        return self._cache[key]


_GRAMS = _Grams()


def _matches(a: Counter, b: Counter) -> int:
    return sum(min(count, b[gram]) for gram, count in a.items())


def _content_overlap(pred: list[str], gold: list[str]) -> float:
    """tilse's stand-in for ROUGE-1 F in the alignment cost: whitespace tokens, as written."""
    p = Counter(t for s in pred for t in s.split())
    g = Counter(t for s in gold for t in s.split())
    hits = _matches(p, g)
    if not hits:
        return 0.0
    precision, recall = hits / sum(p.values()), hits / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _weight(a: date, b: date) -> float:
    return 1.0 / (abs(a.toordinal() - b.toordinal()) + 1)


def _cheapest(day: date, others: Timeline, summary: list[str], from_prediction: bool
              ) -> date | None:
    best, best_cost = None, None
    for other in sorted(others):  # tilse takes the earliest of equally cheap dates
        other_summary = others[other]
        content = (_content_overlap(summary, other_summary) if from_prediction
                   else _content_overlap(other_summary, summary))
        cost = (1 - _weight(day, other)) * (1 - content)
        if best_cost is None or cost < best_cost:
            best, best_cost = other, cost
    return best


def alignment_rouge(predicted: Timeline, gold: Timeline, n: int) -> PrecisionRecall:
    """ROUGE-n precision and recall of ``predicted`` against ``gold``, align+ m:1."""
    return PrecisionRecall(_aligned_share(predicted, gold, n, True),
                           _aligned_share(gold, predicted, n, False))


def _aligned_share(source: Timeline, target: Timeline, n: int, source_is_prediction: bool
                   ) -> float:
    """Distance-weighted n-gram matches of each source day with its cheapest target day, over
    the source's n-grams: precision when the source is the prediction, recall when the gold."""
    hits = total = 0.0
    for day, summary in source.items():
        grams = _GRAMS.of(summary, n)
        total += sum(grams.values())
        match = _cheapest(day, target, summary, source_is_prediction)
        if match is not None:
            hits += _weight(day, match) * _matches(grams, _GRAMS.of(target[match], n))
    return hits / total if total else 0.0


def date_f1(predicted: Timeline, gold: Timeline) -> PrecisionRecall:
    common = len(set(predicted) & set(gold))
    return PrecisionRecall(common / len(predicted) if predicted else 0.0,
                           common / len(gold) if gold else 0.0)
