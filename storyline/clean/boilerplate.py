"""Lines a site repeats across its articles (menus, appeals, sign-up boxes) are its chrome.

Copies of one story (a wire piece run twice, a syndicated reprint) share their body lines too, so
a document that shares half of its lines with this one counts as a copy, not as evidence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from storyline.textutil import normalise_line, short_hash

MIN_OTHER_DOCUMENTS = 2
COPY_SHARE = 0.5


def line_key(line: str) -> str | None:
    norm = normalise_line(line)
    return short_hash(norm) if norm else None


class BoilerplateIndex:
    """Which documents of a site carry each line; fed from the store and from the current batch."""

    def __init__(self) -> None:
        self._docs: dict[tuple[str, str], set[str]] = defaultdict(set)

    def add(self, doc_key: str, site: str, keys: Iterable[str | None]) -> None:
        for key in keys:
            if key:
                self._docs[(site, key)].add(doc_key)

    def repeated(self, doc_key: str, site: str, keys: list[str | None]) -> set[int]:
        """Indices of ``keys`` that other (non-copy) documents of the same site also carry."""
        own = [k for k in keys if k]
        if not own:
            return set()
        shared: Counter[str] = Counter()
        for key in set(own):
            for other in self._docs.get((site, key), ()):
                if other != doc_key:
                    shared[other] += 1
        copies = {d for d, n in shared.items() if n >= COPY_SHARE * len(set(own))}
        out = set()
        for i, key in enumerate(keys):
            if key:
                others = self._docs.get((site, key), set()) - copies - {doc_key}
                if len(others) >= MIN_OTHER_DOCUMENTS:
                    out.add(i)
        return out
