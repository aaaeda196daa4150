"""Scoring helpers shared by the benchmarks and the quality gates of the test suite."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path

from storyline.analyse import Analyser
from storyline.api import Storyline
from storyline.models import RawDocument
from storyline.pipeline import IngestReport


@dataclass(frozen=True)
class PrecisionRecall:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class BCubed(PrecisionRecall):
    """B-cubed precision and recall of a clustering."""


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> BCubed:
    """B-cubed precision and recall (Bagga & Baldwin 1998) over the items both label."""
    items = [i for i in gold if i in predicted]
    by_pred: dict[Hashable, set[str]] = defaultdict(set)
    by_gold: dict[Hashable, set[str]] = defaultdict(set)
    for item in items:
        by_pred[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in items:
        same = len(by_pred[predicted[item]] & by_gold[gold[item]])
        precision += same / len(by_pred[predicted[item]])
        recall += same / len(by_gold[gold[item]])
    n = len(items) or 1
    return BCubed(precision / n, recall / n)


@dataclass(frozen=True)
class LabelledArticle:
    document: RawDocument
    event: int
    group: str


def story_assignments(items: list[LabelledArticle], db: str, analyser: Analyser | None = None
                      ) -> tuple[dict[str, str], IngestReport]:
    """Ingest labelled articles, in the order given, into a new store at ``db``; return each
    stored article's story (by source) and the ingest report."""
    with Storyline(db, analyser) as sl:
        report = sl.ingest_documents([i.document for i in items])
        return {a.source: a.story_id for a in sl.articles()}, report


def load_news_cluster(path: Path) -> list[LabelledArticle]:
    """Giveme5W1H news_cluster (see its PROVENANCE.md): dated articles with gold event ids."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        document = RawDocument(source=row["id"], content=row["text"], kind="text",
                               title=row["title"], url=row["url"], published=row["date"],
                               description=row.get("description"), title_line=False)
        out.append(LabelledArticle(document, row["cluster"], row["group"]))
    return out


@dataclass(frozen=True)
class ExtractionScore(PrecisionRecall):
    accuracy: float = 0.0  # share of pages extracted exactly


def _shingles(text: str, n: int = 4) -> Counter:
    tokens = re.findall(r"\w+", text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def extraction_score(predicted: Mapping[str, str], truth: Mapping[str, str]) -> ExtractionScore:
    """Body-extraction quality as the Zyte article-extraction benchmark defines it.

    Per page, 4-gram shingle multisets of the predicted and true bodies give TP / FP / FN,
    normalised so every page weighs the same; precision and recall are means over pages and
    F1 is their harmonic mean. Accuracy: pages whose token sequence equals the truth.
    """
    precisions, recalls, exact = [], [], 0
    for key, true_text in truth.items():
        pred_text = predicted.get(key, "")
        exact += re.findall(r"\w+", pred_text) == re.findall(r"\w+", true_text)
        true, pred = _shingles(true_text), _shingles(pred_text)
        tp = sum((true & pred).values())
        fp = sum((pred - true).values())
        fn = sum((true - pred).values())
        if fp == fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0  # noqa: E731
    return ExtractionScore(mean(precisions), mean(recalls), exact / (len(truth) or 1))


@dataclass(frozen=True)
class ExtractionPage:
    id: str
    url: str
    html: str
    truth: str  # the annotated article body
    page_text: str  # the whole page as text, chrome included (html-text's output)

    @property
    def split(self) -> str:
        """dev (ids starting with an even hex digit: rules were tuned on these) or test."""
        return "dev" if int(self.id[0], 16) % 2 == 0 else "test"


def load_extraction_set(path: Path) -> list[ExtractionPage]:
    """The Zyte article-extraction benchmark (see its PROVENANCE.md), in id order."""
    truth = json.loads((path / "ground-truth.json").read_text(encoding="utf-8"))
    with gzip.open(path / "reference-outputs" / "html-text.json.gz", "rt", encoding="utf-8") as fh:
        full = json.load(fh)
    full = full.get("output", full)
    pages = []
    for key in sorted(truth):
        with gzip.open(path / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as fh:
            html = fh.read()
        pages.append(ExtractionPage(key, truth[key].get("url", ""), html,
                                    truth[key]["articleBody"],
                                    (full.get(key) or {}).get("articleBody") or ""))
    return pages


# ECB+ and Timeline17 text is tokenised ("Lohan 's rehab , he said ."); these rejoin what a
# page would show.
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_DETOKENISE = [
    (re.compile("|".join(map(re.escape, _BRACKETS))), lambda m: _BRACKETS[m.group(0)]),
    (re.compile(r"\s+([,.;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$])\s+"), r"\1"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE), r"\1"),
    (re.compile(r"``\s*"), "“"),
    (re.compile(r"\s*''"), "”"),
    (re.compile(r"(\w)\s+-\s+(\w)"), r"\1-\2"),
    (re.compile(r"\\([/*])"), r"\1"),  # the tokeniser's escapes: "A\/H1N1", "\*"
    # "` so big '": a short phrase, in one sentence ("Fr ` crissakes" is a stray apostrophe)
    (re.compile(r"`\s+([^`.!?]{1,60}?)\s+'(?=[\s,.;:!?]|$)"), r"‘\1’"),
]


def detokenise(line: str) -> str:
    if line.startswith(("http :", "https :")):  # a source URL, one token per character group
        return "".join(line.split())
    for pattern, replacement in _DETOKENISE:
        line = pattern.sub(replacement, line)
    return line


def load_ecbplus(path: Path) -> list[LabelledArticle]:
    """ECB+ (see its PROVENANCE.md): undated articles, gold event cluster, split as ``group``.

    The text is tokenised in the data; it is rejoined so the cleaner sees ordinary prose.
    """
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = "\n\n".join(detokenise(s) for s in row["text"].splitlines())
            document = RawDocument(source=row["doc_id"], content=text, kind="text")
            out.append(LabelledArticle(document, row["cluster"], row["split"]))
    return out


@dataclass(frozen=True)
class T17Article:
    collection: str
    topic: str
    outlet: str
    uid: str
    published: str
    text: str


def load_timeline17_articles(path: Path) -> list[T17Article]:
    """Timeline17 articles (see its PROVENANCE.md), text rejoined from its tokens."""
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = "\n".join(detokenise(s) for s in row["text"].splitlines())
            out.append(T17Article(row["collection"], row["topic"], row["source"], row["uid"],
                                  row["dct"], text))
    return out
