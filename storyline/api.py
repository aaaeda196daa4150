"""The Python API that the CLI (and anything else) uses: open a store, ingest, read stories."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import IO, Any

from storyline import stages
from storyline.analyse import Analyser
from storyline.batching import chunks
from storyline.clean.metadata import normalise_published
from storyline.errors import StorylineError, UnknownStory
from storyline.export import FORMAT, WRITERS, write_csv
from storyline.ingest import Manifest, iter_documents, resolve_paths
from storyline.models import Article, RawDocument, Story
from storyline.pipeline import Ingestor, IngestReport
from storyline.runners import InProcess, Runner
from storyline.store import open_store
from storyline.stories.views import apply_aliases, build_story, shown_outlet

# Stories rebuilt per round and worker: their articles are in memory together.
VIEW_ROUND_PER_WORKER = 16

# Part of every stored story view: a new version rebuilds the views on next read.
VIEWS_VERSION = "14"


class Storyline:
    """A store of articles and the stories they form.

    >>> import storyline
    >>> with storyline.open("news.db") as sl:           # doctest: +SKIP
    ...     sl.ingest(["articles/"], manifest="dates.jsonl")
    ...     for story in sl.stories():
    ...         print(story.id, story.title)
    """

    def __init__(self, db: str | None = None, analyser: Analyser | None = None,
                 refresh_on_read: bool = True, runner: Runner | None = None) -> None:
        """``refresh_on_read=False`` reads the stored views as they are, never rebuilding one
        (a server: whoever writes refreshes, and a read never waits for a writer's lock).
        ``runner`` does the per-document and per-story work (a `DaskRunner` spreads it over a
        cluster); the store is only ever touched from here."""
        self.store = open_store(db)
        self.analyser = analyser or Analyser()
        self.runner = runner or InProcess()
        self.refresh_on_read = refresh_on_read
        if self.store.meta("views_version") != VIEWS_VERSION:
            with self.store.transaction():
                self.store.mark_all_stories_dirty()
                self.store.set_meta("views_version", VIEWS_VERSION)

    # --- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Storyline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str] = (), manifest: str | None = None,
               published: str | None = None, progress: Callable[[int], None] | None = None,
               fetch_links: bool = False) -> IngestReport:
        """Read files, folders, URLs or ``-`` (stdin); store new or changed articles.

        ``manifest`` is a JSONL file of metadata by path (and, with no paths, the list of files
        to read); ``published`` dates every article that has no date of its own;
        ``fetch_links`` replaces feed items by the pages they link to.
        """
        report = IngestReport()
        loaded = None
        if manifest:
            loaded = Manifest.load(manifest)
            report.failed += loaded.errors
        items = iter_documents(resolve_paths(list(paths), loaded), loaded, report.skipped,
                               fetch_links=fetch_links, warnings=report.warnings)
        return self.ingest_documents(items, published=published, progress=progress,
                                     report=report)

    def ingest_documents(self, documents: Iterable[RawDocument | StorylineError],
                         published: str | None = None,
                         progress: Callable[[int], None] | None = None,
                         report: IngestReport | None = None) -> IngestReport:
        """Ingest documents already in memory (a crawler, a feed reader, a test)."""
        default = None
        if published:
            default = normalise_published(published)
            if default is None:
                raise StorylineError(f"--published {published!r}: not a date (use YYYY-MM-DD)")
        ingestor = Ingestor(self.store, self.analyser, default, progress, self.runner)
        report = ingestor.run(documents, report)
        self.refresh()
        return report

    def refresh(self) -> list[str]:
        """Rebuild the views of every story that changed; returns their ids."""
        rebuilt = []
        for ids in chunks(self.store.dirty_stories(),
                          VIEW_ROUND_PER_WORKER * self.runner.workers):
            stories = [(story_id, self.store.articles(self.store.article_ids(story_id)))
                       for story_id in ids]
            built = self.runner.map(stages.build_views, stories,
                                    weights=[sum(len(a.text) for a in articles)
                                             for _, articles in stories])
            for story in built:
                with self.store.transaction():
                    self.store.save_views(story.id, {**story.to_dict(),
                                                     "aliases": story.aliases})
                rebuilt.append(story.id)
        return rebuilt

    # --- reading ------------------------------------------------------------------------------

    def _refresh_for_read(self) -> None:
        if self.refresh_on_read:
            self.refresh()

    def stories(self, order: str = "activity") -> list[Story]:
        """Every story; ``order`` is "activity" (latest article first) or "created"."""
        self._refresh_for_read()
        out = []
        for story_id in self.store.story_ids(order):
            views = self.store.views(story_id)
            if views is not None:
                out.append(Story.from_dict(views))
        return out

    def story(self, story_id: str, timeline_dates: int | None = None, per_date: int | None = None,
              summary_length: int | None = None) -> Story:
        """One story by id; the id of a story merged into another leads to that one.

        Sizes given here (days on the timeline, sentences per day, summary sentences) build the
        views afresh instead of reading the stored defaults.
        """
        self._refresh_for_read()
        resolved = self.store.resolve_story_id(story_id)
        views = self.store.views(resolved) if resolved else None
        if views is None:
            raise UnknownStory(story_id)
        if timeline_dates is None and per_date is None and summary_length is None:
            return Story.from_dict(views)
        articles = self.store.articles(self.store.article_ids(resolved))
        return build_story(resolved, articles, timeline_dates=timeline_dates, per_date=per_date,
                           summary_length=summary_length)

    def articles(self, story_id: str | None = None) -> list[Article]:
        if story_id is None:
            return self.store.articles()
        story = self.story(story_id)
        return self._with_story_names(self.store.articles(story.article_ids), story)

    def article(self, article_id: str) -> Article:
        """One article, with names as resolved across its story."""
        self._refresh_for_read()
        found = self.store.articles([article_id])
        if not found:
            raise StorylineError(f"no article with id {article_id!r}")
        article = found[0]
        stored = self.store.story_brief(article.story_id) if article.story_id else None
        return apply_aliases(article, stored[1], {}) if stored else article

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        return [dict(row) for row in self.store.search(query, limit)]

    @staticmethod
    def _with_story_names(articles: list[Article], story: Story) -> list[Article]:
        """Articles as the story's views name things: people and places, and outlets."""
        return [replace(apply_aliases(a, story.aliases, {}),
                        outlet=shown_outlet(a.outlet, a.url, story.outlets)) for a in articles]

    # --- export -------------------------------------------------------------------------------

    def export(self, story_id: str | None = None) -> dict[str, Any]:
        """The export-v1 document: every article and story (or one story and its articles)."""
        stories = [self.story(story_id)] if story_id else self.stories(order="created")
        articles: list[dict[str, Any]] = []
        covered: set[str] = set()
        for story in stories:
            for article in self._with_story_names(self.store.articles(story.article_ids), story):
                articles.append(article.to_dict())
                covered.add(article.id)
        if story_id is None:
            articles += [a.to_dict() for a in self.store.articles() if a.id not in covered]
        order = {aid: i for i, aid in enumerate(self.store.article_ids())}
        articles.sort(key=lambda a: order.get(a["id"], 0))
        return {"format": FORMAT, "articles": articles, "stories": [s.to_dict() for s in stories]}

    def write_export(self, out: IO[str] | None = None, format: str = "json",
                     story_id: str | None = None, table: str = "articles") -> None:
        out = out or sys.stdout
        document = self.export(story_id)
        if format == "csv":
            write_csv(document, out, table)
        elif format in WRITERS:
            WRITERS[format](document, out)
        else:
            raise StorylineError(f"unknown export format {format!r} (json, jsonl or csv)")


def open_storyline(db: str | None = None, analyser: Analyser | None = None) -> Storyline:
    return Storyline(db, analyser)
