"""The per-document work of an ingest, as plain functions over batches.

Nothing here reads or writes the store: each function takes a batch of documents and returns
one result per document, in order, so a runner can hand batches to other processes (Dask
workers) and the ingest stores the results exactly as if it had computed them itself. A
document that fails comes back as a failure naming the stage; the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.analyse import Analyser, Analysis
from storyline.analyse.times import parse_dct
from storyline.clean.document import CleanDocument, body_source, clean_document, line_keys, units_of
from storyline.clean.lines import Unit
from storyline.errors import InputError
from storyline.models import ANALYSED_LANGUAGE, Article, RawDocument, Story
from storyline.stories import dedup
from storyline.stories.vectors import Vector, article_vector
from storyline.stories.views import build_story


@dataclass
class Extracted:
    """A document's text to clean, split into lines with their line keys."""

    text: str
    html_meta: dict
    units: list[Unit]
    keys: list[str | None]


@dataclass
class CleanJob:
    raw: RawDocument
    extracted: Extracted
    repeated: set[int]
    default_published: str | None


@dataclass
class Worked:
    """A cleaned and analysed document, or the stage where it failed and why."""

    cleaned: CleanDocument | None = None
    analysis: Analysis | None = None  # None: not analysed (not English, or no text)
    vector: Vector = field(default_factory=dict)
    text_print: dedup.Fingerprint | None = None
    failed_stage: str | None = None
    problem: str | None = None


def extract(raws: list[RawDocument]) -> list[Extracted | InputError]:
    """The body source of each document (HTML extraction for pages), cut into lines."""
    out: list[Extracted | InputError] = []
    for raw in raws:
        try:
            text, html_meta = body_source(raw)
        except InputError as exc:
            out.append(exc)
            continue
        units = units_of(text)
        out.append(Extracted(text, html_meta, units, line_keys(units)))
    return out


def clean_and_analyse(jobs: list[CleanJob], analyser: Analyser) -> list[Worked]:
    """Clean each document, analyse the English ones in one spaCy stream, and compute what the
    store needs to find its copies and its story (term vector, MinHash fingerprint)."""
    worked: list[Worked] = []
    for job in jobs:
        try:
            cleaned = clean_document(job.raw, job.extracted.text, job.extracted.html_meta,
                                     job.extracted.units, job.repeated)
        except Exception as exc:  # one bad article must not stop the batch
            worked.append(_failure("cleaning", exc))
            continue
        if cleaned.published is None and job.default_published:
            cleaned.published = job.default_published
            cleaned.published_source = "metadata"
        worked.append(Worked(cleaned=cleaned))
    english = [w for w in worked if w.cleaned and w.cleaned.text
               and w.cleaned.language == ANALYSED_LANGUAGE]

    def failed(index: int, exc: Exception) -> None:
        english[index].failed_stage = "analysis"
        english[index].problem = problem(exc)

    results = analyser.analyse_many(
        ((w.cleaned.text, parse_dct(w.cleaned.published)) for w in english), on_error=failed)
    for item, analysis in zip(english, results, strict=True):
        item.analysis = analysis
    for item in worked:
        if item.cleaned and item.cleaned.text.strip() and item.failed_stage is None:
            entities = item.analysis.entities if item.analysis else []
            item.vector = article_vector(item.cleaned.title, item.cleaned.text, entities)
            item.text_print = dedup.Fingerprint.of(item.cleaned.text)
    return worked


def build_views(stories: list[tuple[str, list[Article]]]) -> list[Story]:
    """Each story's reader-facing views from its articles."""
    return [build_story(story_id, articles) for story_id, articles in stories]


def problem(exc: Exception) -> str:
    """How an unexpected error reads in a report."""
    return f"{type(exc).__name__}: {exc}"


def _failure(stage: str, exc: Exception) -> Worked:
    return Worked(failed_stage=stage, problem=problem(exc))
