"""Quote-attribution scoring as the Gender Gap Tracker evaluates it, and the two gold sets.

A gold quote is found when a system quote covers at least ``threshold`` of its characters (0.3
lenient, 0.8 strict); each gold quote takes the unused system quote that covers most of it.
Speaker accuracy (GGT's definition) counts found quotes whose speaker mentions overlap, or that
both leave unattributed. "Who" accuracy asks the question a reader asks — is it the same
speaker? — comparing the speaker the system shows (its resolved entity, else the mention as
written, e.g. "officials") with the annotators' resolved name.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from storyline.evaluation import PrecisionRecall
from storyline.models import Quote

_TITLES = re.compile(r"^(?:the|a|an|mr|mrs|ms|dr|prof|sen|rep|gov|gen|president|"
                     r"prime minister)\.?\s+", re.IGNORECASE)


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_name: str | None = None  # the resolved person or body, when annotated


@dataclass(frozen=True)
class QuoteDocument:
    id: str
    split: str
    text: str
    published: str | None
    quotes: list[GoldQuote]


def load_ggt(path: Path) -> list[QuoteDocument]:
    """GGT's 97 annotated articles (``ggt_quotes_en.jsonl.gz``); a test set only."""
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            quotes = []
            for q in row["quotes"]:
                speaker = q.get("speaker") or {}
                quote = q["quote"]
                if quote.get("start") is None:  # one row of the sheet has its columns shifted
                    quote = q["verb"]
                quotes.append(GoldQuote(
                    quote["start"], quote["end"],
                    speaker.get("start") if speaker.get("text") else None,
                    speaker.get("end") if speaker.get("text") else None,
                    q.get("speaker_reference") or None))
            docs.append(QuoteDocument(row["doc_id"], "test", row["text"], None, quotes))
    return docs


def load_polnear(path: Path, splits: set[str]) -> list[QuoteDocument]:
    """PolNeAR attributions (content = the quote, source = the speaker), one annotation file
    per article (the first annotator's when several annotated it)."""
    docs: dict[str, QuoteDocument] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["split"] not in splits or row["doc_id"] in docs:
                continue
            quotes = []
            for a in row["attributions"]:
                content = a.get("content")
                if not content or not content.get("spans"):
                    continue
                start = min(s for s, _ in content["spans"])
                end = max(e for _, e in content["spans"])
                source = a.get("source") or {}
                spans = source.get("spans") or []
                quotes.append(GoldQuote(
                    start, end,
                    min(s for s, _ in spans) if spans else None,
                    max(e for _, e in spans) if spans else None))
            docs[row["doc_id"]] = QuoteDocument(row["doc_id"], row["split"], row["text"],
                                                row.get("publication_date"), quotes)
    return list(docs.values())


def same_person(a: str | None, b: str | None) -> bool:
    """Names of one speaker: after a leading article or title is dropped, one name's words
    appear together in the other ("Wang" / "Wang Qishan", "Al Hashish" / "Fouzia Al Hashish",
    "Kenya Red Cross" / "the Kenya Red Cross")."""
    if not a or not b:
        return False
    x, y = (_TITLES.sub("", n.strip().lower()).split() for n in (a, b))
    short, long_ = sorted((x, y), key=len)
    if not short:
        return False
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


@dataclass
class QuoteScore:
    threshold: float
    gold: int = 0
    system: int = 0
    found: int = 0
    speaker_span: int = 0
    named: int = 0  # found quotes whose gold names a speaker
    speaker_name: int = 0
    misses: list[tuple[str, GoldQuote]] = field(default_factory=list)

    @property
    def quotes(self) -> PrecisionRecall:
        return PrecisionRecall(self.found / self.system if self.system else 0.0,
                               self.found / self.gold if self.gold else 0.0)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_span / self.found if self.found else 0.0

    @property
    def canonical_accuracy(self) -> float:
        return self.speaker_name / self.named if self.named else 0.0

    def add(self, doc_id: str, gold: list[GoldQuote], system: list[Quote]) -> None:
        self.gold += len(gold)
        self.system += len(system)
        used: set[int] = set()
        for g in gold:
            best, best_overlap = None, 0
            for i, s in enumerate(system):
                overlap = min(g.end, s.end) - max(g.start, s.start)
                if i not in used and overlap > best_overlap:
                    best, best_overlap = i, overlap
            if best is None or best_overlap < self.threshold * (g.end - g.start):
                self.misses.append((doc_id, g))
                continue
            used.add(best)
            s = system[best]
            self.found += 1
            self.speaker_span += _speakers_agree(g, s)
            if g.speaker_name:
                self.named += 1
                # The speaker a reader is shown: the resolved entity, else the words as written.
                self.speaker_name += same_person(g.speaker_name,
                                                 s.speaker_canonical or s.speaker)


def _speakers_agree(g: GoldQuote, s: Quote) -> bool:
    if g.speaker_start is None or s.speaker_start is None or s.speaker_end is None:
        return g.speaker_start is None and s.speaker_start is None
    return s.speaker_start < (g.speaker_end or 0) and g.speaker_start < s.speaker_end
