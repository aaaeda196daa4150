"""TempEval-3 Task A scoring of time expressions (TIMEX3): extents and normalised values.

Extent matching as in the TE3 scorer: strict (same span) and relaxed (any overlap), each gold
expression matched to at most one system expression. Attribute F1 (value, type) counts
relaxed matches whose attribute agrees, over the system and gold totals.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
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


# Tokens written against the word before them when MEANTIME's tokens are joined into text.
_ATTACHED = frozenset({",", ".", ";", ":", "!", "?", ")", "%", "'s", "’s", "n't", "'re", "'ve",
                       "'ll", "'d", "'m"})
DATE_LINE = 1  # MEANTIME's sentence 0 is the headline, 1 the date line (the DCT), then the body
FIRST_BODY_SENTENCE = 2


def load_meantime(directory: Path) -> tuple[list[TimexDocument], list[str]]:
    """The English MEANTIME articles (NewsReader, CAT XML files under ``directory``) as
    TimexDocuments, and the names of those left out for a DCT that is no ISO date. The DCT is
    the creation-time TIMEX3, or the one on the date line where that is not marked.

    Only each article's annotated sentences are kept: MEANTIME marks the headline, the date
    line and the first few sentences, so the body runs from its first sentence to the last one
    holding any markable. Tokens are joined with spaces, punctuation against the word before.
    """
    docs, skipped = [], []
    for path in sorted(Path(directory).rglob("*.xml")):
        root = ET.parse(path).getroot()
        tokens = [(int(t.get("t_id")), int(t.get("sentence")), t.text or "")
                  for t in root.iter("token")]
        sentence_of = {tid: sentence for tid, sentence, _ in tokens}
        markables = root.find("Markables")
        anchored = [sentence_of[int(a.get("t_id"))] for a in markables.iter("token_anchor")]
        last = max(anchored, default=FIRST_BODY_SENTENCE)
        text, starts, ends = "", {}, {}
        for tid, sentence, word in tokens:
            if FIRST_BODY_SENTENCE <= sentence <= last:
                text += "" if not text or word in _ATTACHED or text.endswith("(") else " "
                starts[tid], text, ends[tid] = len(text), text + word, len(text) + len(word)
        dct, timexes = None, []
        for timex in markables.iter("TIMEX3"):
            ids = [int(a.get("t_id")) for a in timex.iter("token_anchor")]
            dateline = bool(ids) and all(sentence_of[i] == DATE_LINE for i in ids)
            if timex.get("functionInDocument") == "CREATION_TIME" or (dateline and dct is None):
                dct = timex.get("value")
            elif ids and min(ids) in starts and max(ids) in ends:
                start, end = starts[min(ids)], ends[max(ids)]
                timexes.append(GoldTimex(start, end, text[start:end], timex.get("type"),
                                         timex.get("value")))
        name = root.get("doc_name") or path.stem
        if parse_dct(dct) is None:
            skipped.append(name)
            continue
        docs.append(TimexDocument(name, "meantime", dct, text,
                                  sorted(timexes, key=lambda t: t.start)))
    return docs, skipped


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
