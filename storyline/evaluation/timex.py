"""TempEval-3 Task A scoring of time expressions (TIMEX3): extents and normalised values.

Extent matching as in the TE3 scorer: strict (same span) and relaxed (any overlap), each gold
expression matched to at most one system expression. Attribute F1 (value, type) counts
relaxed matches whose attribute agrees, over the system and gold totals.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.analyse.times import parse_dct
from storyline.evaluation import PrecisionRecall
from storyline.models import TimeExpression


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimexDocument:
    id: str
    split: str
    dct: str
    text: str
    timexes: list[GoldTimex]

    @property
    def publication_date(self):
        return parse_dct(self.dct)


def load_tempeval(path: Path, splits: Iterable[str] | None = None) -> list[TimexDocument]:
    """Documents of ``tempeval3_timex.jsonl``, optionally only those of the given splits."""
    wanted = set(splits) if splits is not None else None
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if wanted is not None and row["split"] not in wanted:
                continue
            timexes = [GoldTimex(t["start"], t["end"], t["text"], t["type"], t["value"])
                       for t in row["timexes"]]
            docs.append(TimexDocument(row["doc_id"], row["split"], row["dct"], row["text"],
                                      timexes))
    return docs


@dataclass
class TimexScore:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0
    misses: list[tuple[str, GoldTimex]] = field(default_factory=list)

    def measure(self, name: str) -> PrecisionRecall:
        correct = getattr(self, name)
        return PrecisionRecall(correct / self.system if self.system else 0.0,
                               correct / self.gold if self.gold else 0.0)

    def add(self, doc_id: str, gold: list[GoldTimex], system: list[TimeExpression]) -> None:
        self.gold += len(gold)
        self.system += len(system)
        for g, s in _pairs(gold, system):
            if s is None:
                self.misses.append((doc_id, g))
                continue
            self.relaxed += 1
            self.strict += s.start == g.start and s.end == g.end
            self.value += s.value == g.value
            self.type += s.type == g.type


def _pairs(gold: list[GoldTimex], system: list[TimeExpression]
           ) -> Iterator[tuple[GoldTimex, TimeExpression | None]]:
    """Each gold expression with the first unused system expression overlapping it."""
    used: set[int] = set()
    for g in gold:
        match = None
        for i, s in enumerate(system):
            if i not in used and s.start < g.end and g.start < s.end:
                match = i
                break
        if match is not None:
            used.add(match)
        yield g, (system[match] if match is not None else None)
