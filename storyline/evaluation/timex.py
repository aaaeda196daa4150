"""TempEval-3 Task A scoring of time expressions (TIMEX3): extents and normalised values.

Extent matching as in the TE3 scorer: strict (same span) and relaxed (any overlap), each gold
expression matched to at most one system expression. Attribute F1 (value, type) counts
relaxed matches whose attribute agrees, over the system and gold totals.
"""

from __future__ import annotations

import html
import json
import re
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Container, Iterable, Iterator
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


# Tokens written against the word before them when CAT tokens are joined into text.
_ATTACHED = frozenset({",", ".", ";", ":", "!", "?", ")", "%", "'s", "’s", "n't", "'re", "'ve",
                       "'ll", "'d", "'m"})
DATE_LINE = 1  # MEANTIME's sentence 0 is the headline, 1 the date line (the DCT), then the body
FIRST_BODY_SENTENCE = 2
# ESC's dates and durations; its times of day are told in UTC or as their day, not as TIMEX3
ESC_TAGS = frozenset({"TIME_DATE", "TIME_DURATION"})


@dataclass(frozen=True)
class _CatDocument:
    """One CAT XML file (the format of NewsReader's annotation tool): tokens by sentence, and
    the text they make with each kept token's offsets."""
    root: ET.Element
    sentence_of: dict[int, int]
    text: str
    starts: dict[int, int]
    ends: dict[int, int]

    def anchors(self, markable: ET.Element) -> list[int]:
        return [int(a.get("t_id")) for a in markable.iter("token_anchor")]

    def gold(self, markable: ET.Element, kind: str) -> GoldTimex | None:
        """The markable as a gold expression, if all its tokens are in the text."""
        ids = self.anchors(markable)
        if not ids or min(ids) not in self.starts or max(ids) not in self.ends:
            return None
        start, end = self.starts[min(ids)], self.ends[max(ids)]
        return GoldTimex(start, end, self.text[start:end], kind, markable.get("value"))


def _read_cat(path: Path, kept: Callable[[set[int]], Container[int]]) -> _CatDocument:
    """Tokens joined with spaces, punctuation against the word before; ``kept(annotated)``
    gives the sentences to keep from those that hold any markable."""
    root = ET.parse(path).getroot()
    tokens = [(int(t.get("t_id")), int(t.get("sentence")), t.text or "")
              for t in root.iter("token")]
    sentence_of = {tid: sentence for tid, sentence, _ in tokens}
    annotated = {sentence_of[int(a.get("t_id"))] for a in root.iter("token_anchor")}
    keep = kept(annotated)
    text, starts, ends = "", {}, {}
    for tid, sentence, word in tokens:
        if sentence in keep:
            text += "" if not text or word in _ATTACHED or text.endswith("(") else " "
            starts[tid], text, ends[tid] = len(text), text + word, len(text) + len(word)
    return _CatDocument(root, sentence_of, text, starts, ends)


def load_meantime(directory: Path) -> tuple[list[TimexDocument], list[str]]:
    """The English MEANTIME articles (NewsReader, CAT XML files under ``directory``) as
    TimexDocuments, and the names of those left out for a DCT that is no ISO date. The DCT is
    the creation-time TIMEX3, or the one on the date line where that is not marked.

    Only each article's annotated sentences are kept: MEANTIME marks the headline, the date
    line and the first few sentences, so the body runs from its first sentence to the last one
    holding any markable.
    """
    docs, skipped = [], []
    for path in sorted(Path(directory).rglob("*.xml")):
        cat = _read_cat(path, lambda annotated: range(
            FIRST_BODY_SENTENCE, max(annotated, default=FIRST_BODY_SENTENCE) + 1))
        dct, timexes = None, []
        for timex in cat.root.find("Markables").iter("TIMEX3"):
            ids = cat.anchors(timex)
            dateline = bool(ids) and all(cat.sentence_of[i] == DATE_LINE for i in ids)
            if timex.get("functionInDocument") == "CREATION_TIME" or (dateline and dct is None):
                dct = timex.get("value")
            elif (gold := cat.gold(timex, timex.get("type"))) is not None:
                timexes.append(gold)
        name = cat.root.get("doc_name") or path.stem
        if parse_dct(dct) is None:
            skipped.append(name)
            continue
        docs.append(TimexDocument(name, "meantime", dct, cat.text,
                                  sorted(timexes, key=lambda t: t.start)))
    return docs, skipped


def load_esc(directory: Path) -> tuple[list[TimexDocument], list[str]]:
    """The Event StoryLine Corpus (ESC v1.5: ECB+ news of 2005-2013, CAT XML files under
    ``directory``) as TimexDocuments holding its dated TIME_DATE and TIME_DURATION markables,
    and the names of the articles left out for want of an ISO DCT (the markable flagged
    DCT="TRUE"). ESC marks only the sentences of each article that tell its event, so those
    are kept (not sentence 0, the article's web address). Its extents take in prepositions
    ("on June 8") and other sentences go unread, so only the gold expressions can be judged:
    whether each is found, and with which value.
    """
    docs, skipped = [], []
    for path in sorted(Path(directory).rglob("*.xml")):
        cat = _read_cat(path, lambda annotated: annotated - {0})
        markables = [m for m in cat.root.find("Markables") if m.tag.startswith("TIME_")]
        dct = next((m.get("value") for m in markables if m.get("DCT") == "TRUE"), None)
        name = cat.root.get("doc_name") or path.stem
        if parse_dct(dct) is None:
            skipped.append(name)
            continue
        timexes = [gold for m in markables
                   if m.tag in ESC_TAGS and m.get("DCT") != "TRUE" and m.get("value")
                   and (gold := cat.gold(m, m.tag)) is not None]
        docs.append(TimexDocument(name, "esc", dct[:10], cat.text,
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


def load_raw_timeml(archive: Path) -> dict[str, str]:
    """The original ``.tml`` files of ``raw_timeml.tar.gz``, by document id."""
    files = {}
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".tml"):
                handle = tar.extractfile(member)
                if handle is not None:
                    files[Path(member.name).stem] = handle.read().decode("utf-8")
    return files


_TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TIMEX_TAG_RE = re.compile(r"</?TIMEX3\b[^>]*>")
_PIECE_RE = re.compile(r"<[^>]+>|&#?\w+;|.", re.S)  # a tag, an entity or one character
_TLINK_RE = re.compile(r"<TLINK\b[^>]*/>\s*")


def timeml_with(tml: str, times: Iterable[TimeExpression]) -> str:
    """A TempEval-3 TimeML file with the time expressions of its TEXT replaced by ``times``
    (offsets into the tag-free text ``load_tempeval`` reads), so that the official TE3 scorer
    can score a system's output. Its TLINKs go: they point at the gold expressions."""
    found = _TEXT_RE.search(tml)
    if found is None:
        raise ValueError("no <TEXT> element in this TimeML file")
    body = _TIMEX_TAG_RE.sub("", found.group(1))
    places: list[tuple[int, int]] = []  # each plain character's place in ``body``
    for piece in _PIECE_RE.finditer(body):
        token = piece.group(0)
        if len(token) > 1 and token.startswith("<"):
            continue
        plain = html.unescape(token) if token.startswith("&") else token
        places.extend([(piece.start(), piece.end())] * len(plain))
    tags = []
    for n, t in enumerate(times, start=1):
        tags.append((places[t.start][0], 1, f'<TIMEX3 tid="t{n}" type="{t.type}" '
                                            f'value="{html.escape(t.value or "")}">'))
        tags.append((places[t.end - 1][1], 0, "</TIMEX3>"))
    for at, _, tag in sorted(tags, reverse=True):  # from the end; a closing before an opening
        body = body[:at] + tag + body[at:]
    return tml[: found.start(1)] + body + _TLINK_RE.sub("", tml[found.end(1) :])
