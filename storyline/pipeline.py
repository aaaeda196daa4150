"""Ingest: raw documents -> clean -> analyse -> stored articles with duplicates and stories.

Documents go through in chunks (so spaCy can batch and a site's repeated lines can be seen
together). A chunk is stored in one transaction (one commit, not one per article), each
article in a savepoint of its own together with its near-duplicate link and its story
assignment: an article that fails to store leaves nothing behind, a killed ingest loses at most
the chunk in flight, and a rerun stores that and skips what is already stored (same content,
same metadata -> same fingerprint).

The per-document work of a chunk (extraction, cleaning, analysis: `stages`) goes to a runner,
which may spread it over Dask workers; everything that reads or writes the store happens here,
in input order, so where the work ran never changes what is stored.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from storyline import stages
from storyline.analyse import Analyser, Analysis
from storyline.batching import chunks
from storyline.clean.boilerplate import BoilerplateIndex
from storyline.clean.document import site_key
from storyline.errors import InputError, StoreError
from storyline.models import Article, RawDocument
from storyline.runners import InProcess, Runner
from storyline.store.base import Store
from storyline.stories import dedup
from storyline.stories.cluster import StoryClusterer
from storyline.textutil import content_id

# Part of every fingerprint: a new pipeline version re-reads articles on the next ingest.
PIPELINE_VERSION = "57"
CHUNK = 32
_FAILED = object()  # marks a document whose analysis raised


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)
    article_ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass
class _Prepared:
    raw: RawDocument
    article_id: str
    fingerprint: str
    site: str
    extracted: stages.Extracted | None = None
    worked: stages.Worked | None = None


def fingerprint(raw: RawDocument, default_published: str | None) -> str:
    parts = [PIPELINE_VERSION, raw.kind, raw.title, raw.url, raw.outlet, raw.published,
             raw.external_id, list(raw.authors), raw.description, default_published]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()[:16]


def without_nul(raw: RawDocument) -> RawDocument:
    """NUL characters carry nothing in news text and no SQL database wants them in text: they
    go before anything reads the document, so offsets are taken on the text as stored."""
    changes = {name: value.replace("\x00", "") for name in
               ("content", "source", "external_id", "url", "title", "outlet", "published")
               if isinstance(value := getattr(raw, name), str) and "\x00" in value}
    if any("\x00" in author for author in raw.authors):
        changes["authors"] = tuple(a.replace("\x00", "") for a in raw.authors)
    return replace(raw, **changes) if changes else raw


class Ingestor:
    """Stores documents chunk by chunk; the runner does the per-document work (extraction,
    cleaning, analysis), this process everything that reads or writes the store."""

    def __init__(self, store: Store, analyser: Analyser, default_published: str | None = None,
                 progress: Callable[[int], None] | None = None, runner: Runner | None = None
                 ) -> None:
        self.store = store
        self.analyser = analyser
        self.default_published = default_published
        self.progress = progress or (lambda n: None)
        self.runner = runner or InProcess()
        self.clusterer = StoryClusterer(store)
        dedup.ensure_band_layout(store)

    def run(self, items: Iterable[RawDocument | InputError], report: IngestReport | None = None
            ) -> IngestReport:
        report = report or IngestReport()
        for chunk in chunks(items, CHUNK):
            self._chunk(chunk, report)
        return report

    def _chunk(self, chunk: list[RawDocument | InputError], report: IngestReport) -> None:
        prepared = self._screen(chunk, report)
        extracted = self.runner.map(stages.extract, [d.raw for d in prepared],
                                    weights=[len(d.raw.content) for d in prepared])
        kept = []
        for doc, result in zip(prepared, extracted, strict=True):
            if isinstance(result, InputError):
                report.failed.append(result)
                self.progress(1)
            else:
                doc.extracted = result
                kept.append(doc)
        prepared = kept
        if not prepared:
            return
        index = self._boilerplate(prepared)
        jobs = [stages.CleanJob(d.raw, d.extracted,
                                index.repeated(d.article_id, d.site, d.extracted.keys),
                                self.default_published) for d in prepared]
        worked = self.runner.map(stages.clean_and_analyse, jobs, analyser=self.analyser,
                                 weights=[len(d.extracted.text) for d in prepared])
        for doc, result in zip(prepared, worked, strict=True):
            doc.worked = result
            if result.failed_stage == "cleaning":
                self._fail(doc, report)
                self.progress(1)
        prepared = [d for d in prepared if d.worked.cleaned is not None]
        # Within a chunk, stories are built in publication order: a pile handed over at once
        # should not depend on file names (undated articles keep their place at the end).
        prepared.sort(key=lambda d: (d.worked.cleaned.published or "9999")[:10])
        for doc in prepared:
            if doc.worked.failed_stage:
                self._fail(doc, report)
        with self.store.transaction():  # one commit per chunk; each article is a savepoint
            for doc in prepared:
                if doc.worked.failed_stage:
                    self.progress(1)
                    continue
                try:
                    self._store_one(doc, report)
                except InputError as exc:
                    report.failed.append(exc)
                except StoreError:
                    raise  # the store cannot be written (disk full…): stop, keep what is stored
                except Exception as exc:
                    report.failed.append(_internal_error(doc, "storing", stages.problem(exc)))
                self.progress(1)

    def _screen(self, chunk: list[RawDocument | InputError], report: IngestReport
                ) -> list[_Prepared]:
        """The documents of a chunk that are new or changed; failures and unchanged ones are
        counted here."""
        prepared: list[_Prepared] = []
        pending: dict[str, str | None] = {}  # ids taken in this chunk -> their URL
        for item in chunk:
            if isinstance(item, InputError):
                report.failed.append(item)
                self.progress(1)
                continue
            item = without_nul(item)
            article_id = self._article_id(item, pending)
            print_ = fingerprint(item, self.default_published)
            if article_id in pending or self.store.fingerprint(article_id) == print_:
                report.unchanged += 1
                report.article_ids.append(article_id)
                self.progress(1)
                continue
            pending[article_id] = item.url
            prepared.append(_Prepared(item, article_id, print_, site_key(item)))
        return prepared

    def _article_id(self, raw: RawDocument, pending: dict[str, str | None]) -> str:
        """The id comes from the content, so the same input always gets the same id; the same
        text published at another URL (a wire story run word for word) is another article."""
        base = content_id(raw.content)
        if not raw.url:
            return base
        if base in pending:
            known = pending[base]
        else:
            row = self.store.article_brief(base)
            if row is None:
                return base
            known = row["url"]
        return base if known in (None, raw.url) else content_id(f"{raw.content}\n{raw.url}")

    def _boilerplate(self, prepared: list[_Prepared]) -> BoilerplateIndex:
        index = BoilerplateIndex()
        by_site: dict[str, set[str]] = defaultdict(set)
        for doc in prepared:
            index.add(doc.article_id, doc.site, doc.extracted.keys)
            by_site[doc.site].update(k for k in doc.extracted.keys if k)
        for site, keys in by_site.items():
            stored: dict[str, list[str]] = defaultdict(list)
            for line, article_id in self.store.site_line_rows(site, keys):
                stored[article_id].append(line)
            for article_id, lines in stored.items():
                index.add(article_id, site, lines)
        return index

    def _fail(self, doc: _Prepared, report: IngestReport) -> None:
        report.failed.append(_internal_error(doc, doc.worked.failed_stage, doc.worked.problem))

    def _store_one(self, doc: _Prepared, report: IngestReport) -> None:
        cleaned, analysis = doc.worked.cleaned, doc.worked.analysis
        if not cleaned.text.strip():
            raise InputError(doc.raw.source, "no article text found: everything read as page "
                                             "chrome (captions, links, calls to action)")
        report.warnings += [f"{doc.raw.source}: {w}" for w in cleaned.warnings]
        analysis = analysis or Analysis(sentences=_paragraph_spans(cleaned.text))
        article = Article(
            id=doc.article_id, source=doc.raw.source, text=cleaned.text,
            external_id=doc.raw.external_id, url=cleaned.url, title=cleaned.title,
            outlet=cleaned.outlet, syndicated=cleaned.syndicated,
            syndicated_from=cleaned.syndicated_from, credits=cleaned.credits,
            dateline=cleaned.dateline, published=cleaned.published,
            published_source=cleaned.published_source, language=cleaned.language,
            entities=analysis.entities, quotes=analysis.quotes, times=analysis.times,
            figures=analysis.figures, sentences=analysis.sentences,
        )
        vector, text_print = doc.worked.vector, doc.worked.text_print
        with self.store.transaction():
            previous = self.store.article_brief(article.id)
            if previous is not None:
                self._update(article, vector, doc.fingerprint, previous)
                report.updated += 1
            else:
                self._add(article, vector, doc.fingerprint, text_print, report)
                report.added += 1
            self.store.add_site_lines(doc.site, [k for k in doc.extracted.keys if k], article.id)
        report.article_ids.append(article.id)
        if article.story_id:
            report.stories.add(article.story_id)

    def _add(self, article: Article, vector: dict, print_: str, text_print: dedup.Fingerprint,
             report: IngestReport) -> None:
        original = dedup.find_original(self.store, article.id, text_print)
        seq = self.store.put_article(article, vector, print_)
        self.store.put_minhash(article.id, dedup.to_bytes(text_print.signature),
                               text_print.n_shingles, text_print.bands)
        if original is not None:
            report.duplicates += 1
            story_id = self.store.article_brief(original)["story_id"]
            article.duplicate_of = dedup.link_copy(self.store, article.id, article.published,
                                                   original)
            self.clusterer.join(story_id, seq, article.published)
        else:
            assignment = self.clusterer.assign(article.id, seq, vector, article.published)
            story_id = assignment.story_id
            self.store.add_doc_freq(vector)
            self.store.set_article_vector(article.id, assignment.vector)
        article.story_id = story_id
        self.store.set_article_story(article.id, story_id)

    def _update(self, article: Article, vector: dict, print_: str, previous) -> None:
        """Same content, new metadata: keep its story and duplicate link, refresh the rest."""
        article.story_id = previous["story_id"]
        article.duplicate_of = previous["duplicate_of"]
        weighted = self.clusterer.weigh(vector)
        self.store.put_article(article, weighted, print_)
        if article.story_id and not article.duplicate_of:
            self.clusterer.replace_vector(article.story_id, json.loads(previous["vector"]),
                                          weighted)

def _internal_error(doc: _Prepared, stage: str, problem: str) -> InputError:
    """An unexpected error on one article: reported by name, nothing stored for it."""
    return InputError(doc.raw.source, f"internal error during {stage} ({problem}); "
                                      "nothing was stored for it")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Sentence stand-ins for text that was not analysed (not English): its paragraphs."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    return spans
