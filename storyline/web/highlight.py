"""An article's text cut into runs, each marked with what covers it: entity, quote, time, or
the span a link points at. The template escapes each run; nothing here writes markup."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from storyline.models import Article


@dataclass(frozen=True)
class Run:
    text: str
    kinds: tuple[str, ...] = ()  # "quote", "time", "entity", "target"
    entity: str | None = None  # canonical name, for the link to its page
    note: str | None = None  # shown on hover: the time's value, the quote's speaker

    @property
    def classes(self) -> str:
        return " ".join(f"mark-{k}" for k in self.kinds)


Mark = tuple[int, int, str, str | None, str | None]  # start, end, kind, entity, note


def _marks(article: Article, target: tuple[int, int] | None) -> list[Mark]:
    marks: list[Mark] = []
    for quote in article.quotes:
        who = quote.speaker_canonical or quote.speaker
        note = "quote" if quote.kind == "direct" else "reported speech"
        marks.append((quote.start, quote.end, "quote", None, f"{note}: {who}" if who else note))
    for time in article.times:
        value = f"{time.type} {time.value}" if time.value else time.type
        if time.points_to:
            value += f" → {time.points_to}"
        marks.append((time.start, time.end, "time", None, value))
    for entity in article.entities:
        marks.append((entity.start, entity.end, "entity", entity.canonical,
                      f"{entity.label}: {entity.canonical}"))
    if target is not None:
        marks.append((target[0], target[1], "target", None, None))
    return marks


def runs(article: Article, target: tuple[int, int] | None = None) -> list[Run]:
    """The text as consecutive runs; joined, they give back ``article.text`` exactly."""
    text = article.text
    n = len(text)
    marks = [(max(0, s), min(n, e), *rest) for s, e, *rest in _marks(article, target)
             if 0 <= s < e]
    cuts = sorted({0, n, *(s for s, *_ in marks), *(e for _, e, *_ in marks)})
    out = []
    for start, end in pairwise(cuts):
        if start >= n:
            break
        covering = [m for m in marks if m[0] <= start and end <= m[1]]
        kinds = tuple(sorted({m[2] for m in covering}))
        entity = next((m[3] for m in covering if m[2] == "entity"), None)
        notes = [m[4] for m in covering if m[4]]
        out.append(Run(text[start:end], kinds, entity, "; ".join(notes) or None))
    return out
