"""One Storyline per server thread: a SQLite connection belongs to the thread that uses it.

Quick reads run on the event loop's thread, heavy work (ingest, the whole export) on a pool of
threads; each thread opens the store once and keeps it. Reads never rebuild views (the writer
does, after each ingest), so a read never waits for a writer's lock. Ingests are serialised
within the process (they share one spaCy pipeline); SQLite's own locking keeps other processes
(a CLI ingest into the same file) safe.
"""

from __future__ import annotations

import threading

from storyline.analyse import Analyser
from storyline.api import Storyline


class StoreHandles:
    def __init__(self, db: str, analyser: Analyser | None = None) -> None:
        self.db = db
        self.analyser = analyser or Analyser()  # spaCy loads on the first ingest
        self.write_lock = threading.Lock()
        self._local = threading.local()
        self._opened: list[Storyline] = []
        self._opened_lock = threading.Lock()

    def current(self) -> Storyline:
        storyline = getattr(self._local, "storyline", None)
        if storyline is None:
            storyline = Storyline(self.db, self.analyser, refresh_on_read=False)
            self._local.storyline = storyline
            with self._opened_lock:
                self._opened.append(storyline)
        return storyline

    def close(self) -> None:
        with self._opened_lock:
            for storyline in self._opened:
                storyline.close()
            self._opened.clear()
