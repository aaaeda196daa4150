"""Where the per-document work of an ingest runs: in this process, or on a Dask cluster.

A runner maps a batch function of `storyline.stages` over a list and returns one result per
item, in order. The ingest itself (store reads and writes, near-duplicates, clustering) stays in
the calling process and consumes the results in input order, so the stories are the same
whichever runner computed them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from storyline.batching import balanced_batches
from storyline.errors import StorylineError

# Batches per worker and round: enough for a worker that drew short texts to take more work,
# few enough that spaCy still streams a handful of texts at a time.
BATCHES_PER_WORKER = 4


class Runner(Protocol):
    workers: int

    def map(self, fn: Callable[..., list], items: Sequence, weights: Sequence[int] | None = None,
            **shared: Any) -> list: ...

    def close(self) -> None: ...


class InProcess:
    """Everything in the calling process, one batch per call (the default)."""

    workers = 1

    def map(self, fn: Callable[..., list], items: Sequence, weights: Sequence[int] | None = None,
            **shared: Any) -> list:
        return fn(list(items), **shared) if items else []

    def close(self) -> None:
        pass


class DaskRunner:
    """Batches spread over the workers of a Dask cluster: a new LocalCluster of ``workers``
    processes on this machine, or the existing cluster whose scheduler is at ``scheduler``."""

    def __init__(self, workers: int | None = None, scheduler: str | None = None,
                 connect_timeout: str = "20s") -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise StorylineError("spreading work over workers needs Dask: "
                                 "pip install 'storyline[scale]'") from exc
        self._cluster = None
        if scheduler:
            try:
                self._client = Client(scheduler, timeout=connect_timeout)
            except (OSError, TimeoutError) as exc:
                raise StorylineError(f"cannot reach the Dask scheduler at {scheduler} "
                                     f"({type(exc).__name__}: {exc})") from exc
        else:
            if not workers or workers < 1:
                raise StorylineError(f"workers must be 1 or more, not {workers!r}")
            # One single-threaded process per worker: spaCy holds the GIL, so threads would not
            # add speed, and the nanny pins each worker's BLAS to one thread.
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                         processes=True, dashboard_address=":0",
                                         silence_logs=logging.ERROR)
            self._client = Client(self._cluster)
        self.workers = max(1, sum(self._client.nthreads().values()))

    def map(self, fn: Callable[..., list], items: Sequence, weights: Sequence[int] | None = None,
            **shared: Any) -> list:
        if not items:
            return []
        batches = balanced_batches(weights or [1] * len(items),
                                   min(len(items), self.workers * BATCHES_PER_WORKER))
        futures = [self._client.submit(fn, [items[i] for i in batch], pure=False, **shared)
                   for batch in batches]
        try:
            results = self._client.gather(futures)
        except Exception as exc:  # a worker died or the cluster went away
            raise StorylineError(f"the Dask cluster failed ({type(exc).__name__}: {exc}); "
                                 "stopped here, and everything stored before is kept") from exc
        out: list = [None] * len(items)
        for batch, result in zip(batches, results, strict=True):
            for index, value in zip(batch, result, strict=True):
                out[index] = value
        return out

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def open_runner(workers: int | None = None, scheduler: str | None = None) -> Runner:
    """The runner a command line asks for: Dask when given workers or a scheduler."""
    if workers is None and scheduler is None:
        return InProcess()
    return DaskRunner(workers, scheduler)
