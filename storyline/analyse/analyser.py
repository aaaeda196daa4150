"""Run spaCy over clean bodies in batches and hand each Doc to the analysis components."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from storyline.analyse.entities import extract_entities
from storyline.analyse.figures import extract_figures
from storyline.analyse.nlp import load_nlp, loaded_name
from storyline.analyse.quotes import QuoteSpan, extract_quotes, find_quote_spans, quoted_text
from storyline.analyse.times import normalise_times
from storyline.models import Entity, Figure, Quote, TimeExpression

BATCH_SIZE = 16


@dataclass
class Analysis:
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)


def sentence_spans(doc: Doc, quotes: list[QuoteSpan] = ()) -> list[tuple[int, int]]:
    """spaCy's sentences, cut at line breaks and never cut inside a quotation.

    A paragraph never shares a sentence with the next one; a quotation of several sentences
    stays whole with its attribution ("“A. B,” she said."), so views never show a fragment.
    """
    text = doc.text
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        start = sent.start_char
        for piece in text[sent.start_char : sent.end_char].split("\n"):
            stripped = piece.strip()
            if stripped:
                lead = piece.index(stripped[0])
                spans.append((start + lead, start + lead + len(stripped)))
            start += len(piece) + 1
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and "\n" not in text[merged[-1][1] : start] and any(
            q.open_at < start < q.close_at for q in quotes
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


class Analyser:
    """Entities, quotes, times and figures for English bodies; one spaCy pass per body."""

    def __init__(self, nlp: Language | None = None) -> None:
        self._nlp = nlp
        self._model: str | None = None  # the installed pipeline to load, if not the default

    def __getstate__(self) -> dict:
        """Sent to another process (a Dask worker) without a pipeline it can load by name: that
        process loads it once and shares it among every batch it analyses."""
        state = self.__dict__.copy()
        name = loaded_name(self._nlp) if self._nlp is not None else None
        if name is not None:
            state["_nlp"], state["_model"] = None, name
        return state

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp(self._model)
        return self._nlp

    def analyse(self, text: str, dct: date | None = None) -> Analysis:
        return next(self.analyse_many([(text, dct)]))

    def analyse_many(self, items: Iterable[tuple[str, date | None]],
                     on_error: Callable[[int, Exception], None] | None = None
                     ) -> Iterator[Analysis | None]:
        """One Analysis per (text, publication date), in order. With ``on_error``, a text whose
        analysis fails is reported there and yields None, and the others go on."""
        items = list(items)
        docs = self.nlp.pipe((text for text, _ in items), batch_size=BATCH_SIZE)
        for index, (doc, (_, dct)) in enumerate(zip(docs, items, strict=True)):
            try:
                yield self.from_doc(doc, dct)
            except Exception as exc:
                if on_error is None:
                    raise
                on_error(index, exc)
                yield None

    @staticmethod
    def from_doc(doc: Doc, dct: date | None) -> Analysis:
        entities = extract_entities(doc)
        text = doc.text
        times = normalise_times(text, dct, doc)
        quote_spans = find_quote_spans(text)
        return Analysis(
            entities=entities,
            quotes=extract_quotes(doc, entities, quote_spans),
            times=times,
            figures=extract_figures(doc, entities, times, quoted_text(quote_spans)),
            sentences=sentence_spans(doc, quote_spans),
        )
