"""Ingest: raw documents -> clean -> analyse -> stored articles with duplicates and stories.

Documents go through in chunks (so spaCy can batch and a site's repeated lines can be seen
together). A chunk is stored in one transaction (one commit, not one per article), each
article in a savepoint of its own together with its near-duplicate link and its story
assignment: an article that fails to store leaves nothing behind, a killed ingest loses at most
the chunk in flight, and a rerun stores that and skips what is already stored (same content,
same metadata -> same fingerprint).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from storyline.analyse import Analyser, Analysis
from storyline.analyse.times import parse_dct
from storyline.clean.boilerplate import BoilerplateIndex
from storyline.clean.document import (
    CleanDocument,
    body_source,
    clean_document,
    line_keys,
    site_key,
    units_of,
)
from storyline.clean.lines import Unit
from storyline.errors import InputError, StoreError
from storyline.models import ANALYSED_LANGUAGE, Article, RawDocument
from storyline.store.base import Store
from storyline.stories import dedup
from storyline.stories.cluster import StoryClusterer
from storyline.stories.vectors import article_vector
from storyline.textutil import content_id

# Part of every fingerprint: a new pipeline version re-reads articles on the next ingest.
PIPELINE_VERSION = "3"
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
    text: str
    html_meta: dict
    units: list[Unit]
    keys: list[str | None]
    site: str
    cleaned: CleanDocument | None = None


def fingerprint(raw: RawDocument, default_published: str | None) -> str:
    parts = [PIPELINE_VERSION, raw.kind, raw.title, raw.url, raw.outlet, raw.published,
             raw.external_id, list(raw.authors), default_published]
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


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Ingestor:
    def __init__(self, store: Store, analyser: Analyser, default_published: str | None = None,
                 progress: Callable[[int], None] | None = None) -> None:
        self.store = store
        self.analyser = analyser
        self.default_published = default_published
        self.progress = progress or (lambda n: None)
        self.clusterer = StoryClusterer(store)
        dedup.ensure_band_layout(store)

    def run(self, items: Iterable[RawDocument | InputError], report: IngestReport | None = None
            ) -> IngestReport:
        report = report or IngestReport()
        for chunk in _chunks(items, CHUNK):
            self._chunk(chunk, report)
        return report

    def _chunk(self, chunk: list[RawDocument | InputError], report: IngestReport) -> None:
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
            try:
                text, html_meta = body_source(item)
            except InputError as exc:
                report.failed.append(exc)
                self.progress(1)
                continue
            units = units_of(text)
            prepared.append(_Prepared(item, article_id, print_, text, html_meta, units,
                                      line_keys(units), site_key(item)))
        if not prepared:
            return
        index = self._boilerplate(prepared)
        cleaned = []
        for doc in prepared:
            repeated = index.repeated(doc.article_id, doc.site, doc.keys)
            try:
                doc.cleaned = clean_document(doc.raw, doc.text, doc.html_meta, doc.units, repeated)
            except Exception as exc:  # one bad article must not stop the batch
                self._fail(doc, "cleaning", exc, report)
                self.progress(1)
                continue
            if doc.cleaned.published is None and self.default_published:
                doc.cleaned.published = self.default_published
                doc.cleaned.published_source = "metadata"
            cleaned.append(doc)
        prepared = cleaned
        # Within a chunk, stories are built in publication order: a pile handed over at once
        # should not depend on file names (undated articles keep their place at the end).
        prepared.sort(key=lambda d: (d.cleaned.published or "9999")[:10])
        analyses = self._analyse(prepared, report)
        with self.store.transaction():  # one commit per chunk; each article is a savepoint
            for doc, analysis in zip(prepared, analyses, strict=True):
                if analysis is _FAILED:
                    self.progress(1)
                    continue
                try:
                    self._store_one(doc, analysis, report)
                except InputError as exc:
                    report.failed.append(exc)
                except StoreError:
                    raise  # the store cannot be written (disk full…): stop, keep what is stored
                except Exception as exc:
                    self._fail(doc, "storing", exc, report)
                self.progress(1)

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
            index.add(doc.article_id, doc.site, doc.keys)
            by_site[doc.site].update(k for k in doc.keys if k)
        for site, keys in by_site.items():
            stored: dict[str, list[str]] = defaultdict(list)
            for line, article_id in self.store.site_line_rows(site, keys):
                stored[article_id].append(line)
            for article_id, lines in stored.items():
                index.add(article_id, site, lines)
        return index

    def _analyse(self, prepared: list[_Prepared], report: IngestReport) -> list:
        """Analysis per document: None when not English, _FAILED when the analysis broke."""
        english = [d for d in prepared
                   if d.cleaned.text and d.cleaned.language == ANALYSED_LANGUAGE]

        def failed(index: int, exc: Exception) -> None:
            self._fail(english[index], "analysis", exc, report)

        results = self.analyser.analyse_many(
            ((d.cleaned.text, parse_dct(d.cleaned.published)) for d in english), on_error=failed)
        by_id = {id(d): _FAILED if r is None else r for d, r in zip(english, results, strict=True)}
        return [by_id.get(id(d)) for d in prepared]

    def _fail(self, doc: _Prepared, stage: str, exc: Exception, report: IngestReport) -> None:
        """An unexpected error on one article: reported by name, nothing stored for it."""
        report.failed.append(InputError(
            doc.raw.source, f"internal error during {stage} ({type(exc).__name__}: {exc}); "
                            "nothing was stored for it"))

    def _store_one(self, doc: _Prepared, analysis: Analysis | None, report: IngestReport) -> None:
        cleaned = doc.cleaned
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
        vector = article_vector(article.title, article.text, article.entities)
        text_print = dedup.Fingerprint.of(article.text)
        with self.store.transaction():
            previous = self.store.article_brief(article.id)
            if previous is not None:
                self._update(article, vector, doc.fingerprint, previous)
                report.updated += 1
            else:
                self._add(article, vector, doc.fingerprint, text_print, report)
                report.added += 1
            self.store.add_site_lines(doc.site, [k for k in doc.keys if k], article.id)
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

def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Sentence stand-ins for text that was not analysed (not English): its paragraphs."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    return spans
