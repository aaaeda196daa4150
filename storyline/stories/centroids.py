"""Story centroids kept decoded in memory, checked against the store before each use.

Decoding a centroid (hundreds of terms) and taking its norm cost more than the comparison
itself, and the same recent stories are candidates for article after article. Every write of a
story gives it a new random version token; a cached centroid is used only while its token is
still the stored one, so another process writing the same store (or a rolled-back transaction)
never leaves a stale centroid in use. The cache is bounded (least recently used goes first), so
memory does not grow with the number of stories.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace

from storyline.store.base import Store
from storyline.stories.vectors import ENTITY_PREFIX, Vector, norm

CACHE_SIZE = 2048


@dataclass
class StoryCentroid:
    id: str
    version: int
    seq: int
    n_articles: int
    first_date: str | None
    last_date: str | None
    last_seq: int
    centroid: Vector
    norm: float
    entity_norm: float

    @classmethod
    def of(cls, state, centroid: Vector) -> StoryCentroid:
        story = cls(state["id"], state["version"], state["seq"], state["n_articles"],
                    state["first_date"], state["last_date"], state["last_seq"], centroid, 0.0, 0.0)
        story.measure()
        return story

    def copy(self) -> StoryCentroid:
        """A copy to change: the cached one stays as stored until the change is saved."""
        return replace(self, centroid=dict(self.centroid))

    def measure(self) -> None:
        """Norms of the whole centroid and of its entity part, kept for cosines."""
        self.norm = norm(self.centroid.values())
        self.entity_norm = norm(v for t, v in self.centroid.items() if t.startswith(ENTITY_PREFIX))


class CentroidCache:
    def __init__(self, store: Store, size: int = CACHE_SIZE) -> None:
        self.store = store
        self.size = size
        self._items: OrderedDict[str, StoryCentroid] = OrderedDict()

    def get(self, story_ids: list[str]) -> list[StoryCentroid]:
        """The stories asked for (those still stored), in the order asked."""
        states = self.store.story_states(story_ids)
        found = {s: self._items[s] for s in states
                 if s in self._items and self._items[s].version == states[s]["version"]}
        stale = [s for s in states if s not in found]
        for story_id, centroid in self.store.story_centroids(stale).items():
            found[story_id] = StoryCentroid.of(states[story_id], centroid)
        for story in found.values():
            self._put(story)
        return [found[s] for s in story_ids if s in found]

    def editable(self, story_id: str) -> StoryCentroid:
        return self.get([story_id])[0].copy()

    def save(self, story: StoryCentroid, index_terms: Vector) -> None:
        """Write a changed (and measured) story; keep it cached under its new version."""
        story.version = self.store.save_story_state(
            story.id, story.seq, story.n_articles, story.first_date, story.last_date,
            story.centroid, story.last_seq, index_terms)
        self._put(story)

    def forget(self, story_id: str) -> None:
        self._items.pop(story_id, None)

    def _put(self, story: StoryCentroid) -> None:
        self._items[story.id] = story
        self._items.move_to_end(story.id)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

