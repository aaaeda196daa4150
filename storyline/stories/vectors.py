"""Sparse term vectors and their similarities: the one place stories compare texts."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from operator import itemgetter

from storyline.models import Entity
from storyline.textutil import content_terms

Vector = dict[str, float]
ENTITY_PREFIX = "e:"
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"})
TITLE_WEIGHT = 2


def article_vector(title: str | None, text: str, entities: Iterable[Entity]) -> Vector:
    """Unit-length vector of sublinear term counts: body, title (counted twice), entities."""
    counts: Counter[str] = Counter(content_terms(text))
    for term in content_terms(title or ""):
        counts[term] += TITLE_WEIGHT
    for entity in entities:
        if entity.label in ENTITY_LABELS:
            counts[ENTITY_PREFIX + entity.canonical.lower()] += 1
    return normalise({t: 1.0 + math.log(c) for t, c in counts.items()})


def text_vector(text: str) -> Vector:
    return normalise({t: 1.0 + math.log(c) for t, c in Counter(content_terms(text)).items()})


def norm(values: Iterable[float]) -> float:
    return math.hypot(*values)


def normalise(vector: Mapping[str, float]) -> Vector:
    length = norm(vector.values())
    return {t: v / length for t, v in vector.items()} if length else {}


def idf_weights(n_docs: int, doc_freq: Mapping[str, int], terms: Iterable[str]) -> Vector:
    return {t: math.log((n_docs + 1) / (doc_freq.get(t, 0) + 1)) + 1.0 for t in terms}


def cosine(a: Mapping[str, float], b: Mapping[str, float],
           idf: Mapping[str, float] | None = None) -> float:
    if len(a) > len(b):
        a, b = b, a
    if idf is None:
        dot = sum(v * b[t] for t, v in a.items() if t in b)
        na = math.sqrt(sum(v * v for v in a.values()))
        nb = math.sqrt(sum(v * v for v in b.values()))
    else:
        dot = sum(v * b[t] * idf.get(t, 1.0) ** 2 for t, v in a.items() if t in b)
        na = math.sqrt(sum((v * idf.get(t, 1.0)) ** 2 for t, v in a.items()))
        nb = math.sqrt(sum((v * idf.get(t, 1.0)) ** 2 for t, v in b.items()))
    return dot / (na * nb) if na and nb else 0.0


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


def add(into: dict[str, float], vector: Mapping[str, float], sign: float = 1.0) -> None:
    for t, v in vector.items():
        value = into.get(t, 0.0) + sign * v
        if abs(value) < 1e-9:
            into.pop(t, None)
        else:
            into[t] = value


def top_terms(vector: Mapping[str, float], k: int) -> Vector:
    """The k strongest terms (equal weights keep their order in ``vector``: reproducible)."""
    if len(vector) <= k:
        return dict(vector)
    return dict(sorted(vector.items(), key=itemgetter(1), reverse=True)[:k])
