"""Scoring figure disagreements against hand-labelled pairs of claims.

A pair is two claims of one reported disagreement, from different outlets, whose numbers differ
("$121 billion" and "more than $121 billion" are one number). Each side is named by its
article's id in the data set (cut to ``ID_CHARS``) and its value as printed; a label says
whether the two give one quantity differently (``odds``), are a count revised by a later
report (``update``), or neither (``other``: different things or moments counted, or values
that agree, such as "more than 200" and "more than 270").
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from storyline.models import Claim, Story

ID_CHARS = 12
Side = tuple[str, str]  # (article id in the data set, value as printed)
Pair = tuple[Side, Side]


@dataclass(frozen=True)
class ReportedPair:
    key: Pair
    claims: tuple[Claim, Claim]
    story: str


@dataclass(frozen=True)
class DisagreementScore:
    reported: int
    labels: Counter  # label -> reported pairs with it ("unlabelled" for none)
    odds_known: int  # labelled odds pairs in all
    odds_found: int  # of those, reported

    @property
    def labelled(self) -> int:
        return self.reported - self.labels["unlabelled"]

    @property
    def precision(self) -> float:
        return self.labels["odds"] / self.labelled if self.labelled else 0.0


def pair_key(one: Side, other: Side) -> Pair:
    return (one, other) if one <= other else (other, one)


def load_labels(path: Path) -> dict[Pair, str]:
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        labels[pair_key(tuple(row["a"]), tuple(row["b"]))] = row["label"]
    return labels


def reported_pairs(stories: list[Story], sources: dict[str, str]) -> list[ReportedPair]:
    """Every cross-outlet pair of differing claims in the stories' figure disagreements;
    ``sources`` maps a stored article's id to its id in the data set."""
    out = []
    for story in stories:
        for item in story.disagreements:
            if item.kind != "figure":
                continue
            for one, other in itertools.combinations(item.claims, 2):
                if ((one.outlet or one.article_id) == (other.outlet or other.article_id)
                        or _digits(one.value) == _digits(other.value)):
                    continue
                key = pair_key((sources[one.article_id][:ID_CHARS], one.value),
                               (sources[other.article_id][:ID_CHARS], other.value))
                out.append(ReportedPair(key, (one, other), story.title or story.id))
    return out


def score_pairs(pairs: list[ReportedPair], labels: dict[Pair, str]) -> DisagreementScore:
    reported = {p.key for p in pairs}
    odds = [key for key, label in labels.items() if label == "odds"]
    return DisagreementScore(
        reported=len(pairs),
        labels=Counter(labels.get(p.key, "unlabelled") for p in pairs),
        odds_known=len(odds),
        odds_found=sum(1 for key in odds if key in reported))


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)
