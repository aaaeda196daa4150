"""A story that turns out to be two: look-alike events told apart by their actors.

Online clustering decides on each article as it arrives, so two look-alike events (two
earthquakes, two rulings on one law, one team's running backs hurt in different seasons) can
share a story when the first articles of the second one were close enough to the first. Once
such a story has grown, the mistake shows: its articles fall into two groups, each naming an
actor (a person, a place, an organisation) that most of its own articles name and almost none
of the other's do. A story is checked when its size reaches each step of a geometric scale,
so the checks cost a constant amount per article on average. Parts covered over the same days
stay one story: coverage that runs side by side is one event told from two angles (a
victim's family and the police), not two events.

The constants were set on the train/dev topics of ECB+ and the dated Giveme5W1H stream.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from storyline.stories.vectors import ENTITY_PREFIX, Vector, add, dot, normalise

FIRST_CHECK = 6  # articles in a story before it is first checked
CHECK_GROWTH = 1.41  # ... then again each time it has grown by this factor
MIN_PART = 3  # articles on each side of a split
OWN_SHARE = 0.7  # an actor named by at least this share of one part's articles ...
OTHER_SHARE = 0.1  # ... and by at most this share of the other part's marks the part
SAME_DAYS = 3  # parts whose dates come within this many days of each other stay together
ROUNDS = 10


def check_sizes(limit: int = 10**9) -> frozenset[int]:
    """The story sizes at which a story is checked for a split."""
    sizes, size = set(), float(FIRST_CHECK)
    while size < limit:
        sizes.add(int(size))
        size *= CHECK_GROWTH
    return frozenset(sizes)


CHECK_SIZES = check_sizes()


@dataclass
class Split:
    kept: list[str]  # article ids staying in the story
    parted: list[str]  # article ids of the new story
    actors: tuple[list[str], list[str]]  # the entity terms that mark each part


def find_split(vectors: Mapping[str, Vector], dates: Mapping[str, date | None],
               founder: str | None) -> Split | None:
    """Two parts of a story's articles (weighed vectors, by id) if it holds two events.

    The part holding ``founder`` is the one kept under the story's id."""
    if len(vectors) < 2 * MIN_PART or not _could_part(vectors):
        return None
    parts = two_means(vectors)
    if parts is None or min(map(len, parts)) < MIN_PART:
        return None
    first, second = parts
    actors = marking_actors(first, second, vectors), marking_actors(second, first, vectors)
    if not actors[0] or not actors[1] or _side_by_side(first, second, dates):
        return None
    if founder in second:
        return Split(second, first, (actors[1], actors[0]))
    return Split(first, second, actors)


def _could_part(vectors: Mapping[str, Vector]) -> bool:
    """Whether two actors could mark two parts: each is named by at least 3 articles (70% of
    a part of 3 or more) and missed by at least 3 (90% of the other part). Exact, and cheap
    next to the 2-means it spares."""
    n = len(vectors)
    named = Counter(t for v in vectors.values() for t in v if t.startswith(ENTITY_PREFIX))
    low, high = math.ceil(OWN_SHARE * MIN_PART), n - math.ceil((1 - OTHER_SHARE) * MIN_PART)
    return sum(1 for c in named.values() if low <= c <= high) >= 2


def two_means(vectors: Mapping[str, Vector]) -> tuple[list[str], list[str]] | None:
    """Spherical 2-means, seeded by the article least like the story and the article least
    like that one (deterministic: ties go to the smaller id)."""
    ids = sorted(vectors)
    whole = centroid_of(vectors, ids)
    seed_a = min(ids, key=lambda i: dot(vectors[i], whole))
    seed_b = min(ids, key=lambda i: dot(vectors[i], vectors[seed_a]))
    centres = [vectors[seed_a], vectors[seed_b]]
    parts: tuple[list[str], list[str]] = ([], [])
    for _ in range(ROUNDS):
        new: tuple[list[str], list[str]] = ([], [])
        for i in ids:
            near = dot(vectors[i], centres[0]) >= dot(vectors[i], centres[1])
            new[0 if near else 1].append(i)
        if new == parts:
            break
        parts = new
        if not parts[0] or not parts[1]:
            return None
        centres = [normalise(centroid_of(vectors, part)) for part in parts]
    return parts


def marking_actors(own: list[str], other: list[str], vectors: Mapping[str, Vector]
                   ) -> list[str]:
    """Entity terms most of ``own`` name and almost none of ``other`` do, most shared first.

    An article of ``other`` names an actor also by a shorter or longer form of its name
    ("Jeffs" for "Warren Jeffs", "Aceh" for "Aceh province"): entity names are made canonical
    within an article, not across articles, so one person can go by both in one story."""
    named = Counter(t for i in own for t in vectors[i] if t.startswith(ENTITY_PREFIX))
    wanted = [t for t, n in sorted(named.items(), key=lambda p: (-p[1], p[0]))
              if n >= OWN_SHARE * len(own)]
    if not wanted:
        return []
    forms = [{frozenset(t[len(ENTITY_PREFIX):].split()) for t in vectors[i]
              if t.startswith(ENTITY_PREFIX)} for i in other]
    return [t for t in wanted
            if sum(1 for names in forms if _names(names, t)) <= OTHER_SHARE * len(other)]


def _names(forms: set[frozenset[str]], term: str) -> bool:
    """Whether an article's entity names (as word sets) include ``term`` in some form."""
    words = frozenset(term[len(ENTITY_PREFIX):].split())
    return any(words <= form or form <= words for form in forms if form)


def _side_by_side(first: list[str], second: list[str], dates: Mapping[str, date | None]
                  ) -> bool:
    days = [[d for i in part if (d := dates.get(i)) is not None] for part in (first, second)]
    if not days[0] or not days[1]:
        return False
    gap = max((min(days[1]) - max(days[0])).days, (min(days[0]) - max(days[1])).days)
    return gap <= SAME_DAYS


def centroid_of(vectors: Mapping[str, Vector], ids: list[str]) -> Vector:
    total: Vector = {}
    for i in ids:
        add(total, vectors[i])
    return total

