"""Splitting work into batches: fixed-size runs of a stream, or batches of equal weight."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last one shorter), read lazily."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def balanced_batches(weights: Sequence[int], k: int) -> list[list[int]]:
    """Indices split into ``k`` batches of about equal total weight (longest first to the
    lightest batch), heaviest batch first, each batch in input order."""
    heap: list[tuple[int, int, list[int]]] = [(0, n, []) for n in range(k)]
    for index in sorted(range(len(weights)), key=lambda i: -weights[i]):
        total, n, batch = heapq.heappop(heap)
        batch.append(index)
        heapq.heappush(heap, (total + weights[index], n, batch))
    batches = sorted((b for b in heap if b[2]), key=lambda b: -b[0])
    return [sorted(batch) for _, _, batch in batches]
