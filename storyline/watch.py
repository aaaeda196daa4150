"""Poll feeds on an interval and ingest what is new: ``storyline watch FEED…``.

Each poll is a conditional GET (the ETag and Last-Modified the server gave last time), so an
unchanged feed costs one small request. Items already seen (by guid, else link) are skipped
before any work; an item is marked seen only once its ingest is done, so a poll cut short is
finished by the next one. A feed that is down or broken is reported and retried next round;
the others go on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from storyline.api import Storyline
from storyline.errors import InputError
from storyline.ingest.decode import decode
from storyline.ingest.discover import with_linked_pages
from storyline.ingest.feeds import read_feed
from storyline.ingest.fetch import fetch
from storyline.models import RawDocument
from storyline.pipeline import IngestReport

DEFAULT_INTERVAL = 300.0


@dataclass
class FeedPoll:
    """What one poll of one feed did."""

    feed: str
    status: str  # "ok", "not modified" or "error"
    new_items: int = 0
    problem: str | None = None
    report: IngestReport = field(default_factory=IngestReport)


class FeedWatcher:
    def __init__(self, storyline: Storyline, feeds: list[str], fetch_links: bool = False):
        self.storyline = storyline
        self.store = storyline.store
        self.feeds = list(dict.fromkeys(feeds))
        self.fetch_links = fetch_links

    def poll(self) -> list[FeedPoll]:
        """Poll every feed once."""
        return [self._poll_feed(url) for url in self.feeds]

    def run(self, interval: float = DEFAULT_INTERVAL, max_polls: int | None = None,
            stop: threading.Event | None = None,
            on_poll: Callable[[list[FeedPoll]], None] | None = None) -> int:
        """Poll until ``stop`` is set or ``max_polls`` rounds are done; returns rounds done."""
        stop = stop or threading.Event()
        rounds = 0
        while not stop.is_set():
            results = self.poll()
            rounds += 1
            if on_poll is not None:
                on_poll(results)
            if (max_polls is not None and rounds >= max_polls) or stop.wait(interval):
                break
        return rounds

    def _poll_feed(self, url: str) -> FeedPoll:
        state = self.store.feed_state(url)
        etag = state["etag"] if state else None
        modified = state["last_modified"] if state else None
        now = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            fetched = fetch(url, etag=etag, last_modified=modified)
            if fetched.status == 304:
                self.store.save_feed_state(url, etag, modified, now, "not modified")
                return FeedPoll(url, "not modified")
            items = list(read_feed(url, decode(fetched.content, url)))
        except InputError as exc:
            self.store.save_feed_state(url, etag, modified, now, f"error: {exc.problem}")
            return FeedPoll(url, "error", problem=exc.problem)
        documents = [i for i in items if isinstance(i, RawDocument)]
        if not documents and items:
            problem = str(items[0].problem)  # the feed as a whole is unreadable
            self.store.save_feed_state(url, etag, modified, now, f"error: {problem}")
            return FeedPoll(url, "error", problem=problem)
        keys = {doc.source: doc.external_id or doc.source for doc in documents}
        seen = self.store.seen_feed_items(url, list(keys.values()))
        new = [doc for doc in documents if keys[doc.source] not in seen]
        report = IngestReport()
        report.failed += [i for i in items if isinstance(i, InputError)]
        pages = with_linked_pages(iter(new), report.warnings) if self.fetch_links else iter(new)
        if new:
            report = self.storyline.ingest_documents(pages, report=report)
        failed = {error.source for error in report.failed}
        self.store.mark_feed_items(url, [keys[d.source] for d in new if d.source not in failed])
        self.store.save_feed_state(url, fetched.etag, fetched.last_modified, now, "ok")
        return FeedPoll(url, "ok", new_items=len(new), report=report)
