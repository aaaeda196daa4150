"""Developments: the phases of a story, cut where coverage pauses or the topic moves on."""

from __future__ import annotations

import itertools
from datetime import date

from storyline.analyse.times import parse_dct
from storyline.models import Article, Development
from storyline.stories.context import StoryContext
from storyline.stories.vectors import add, article_vector, dot

GAP_DAYS = 3  # a pause in coverage longer than this starts a new phase
TOPIC_SHIFT = 0.1  # so does an article unlike every article of the current phase


def _day(article: Article) -> date | None:
    return parse_dct(article.published)


def find_developments(context: StoryContext) -> list[Development]:
    dated = [a for a in context.originals if _day(a) is not None]
    undated = [a for a in context.originals if _day(a) is None]
    vectors = {a.id: article_vector(a.title, a.text, a.entities) for a in context.originals}
    groups: list[list[Article]] = []
    if dated:
        groups.append([dated[0]])
        for previous, article in itertools.pairwise(dated):
            gap = (_day(article) - _day(previous)).days
            # Latest first: a phase's recent articles are the likeliest to be related.
            related = any(dot(vectors[article.id], vectors[a.id]) >= TOPIC_SHIFT
                          for a in reversed(groups[-1]))
            if gap > GAP_DAYS or (gap >= 1 and not related):
                groups.append([article])
            else:
                groups[-1].append(article)
    for article in undated:
        # Undated articles join the phase whose articles they resemble most.
        if groups:
            best = max(groups, key=lambda g: max(dot(vectors[article.id], vectors[a.id])
                                                 for a in g))
            best.append(article)
        else:
            groups.append([article])
    developments = []
    for number, group in enumerate(groups, 1):
        ids = [a.id for a in group]
        for article in group:
            ids += [c.id for c in context.copies.get(article.id, [])]
        days = [d for a in group if (d := _day(a)) is not None]
        developments.append(Development(
            id=f"d{number}",
            date=min(days).isoformat() if days else None,
            article_ids=ids,
            headline=_headline(group, vectors, context),
        ))
    return developments


def _headline(group: list[Article], vectors: dict, context: StoryContext) -> str | None:
    """The title of the article most like the rest of its phase (of any article, by its lead,
    when none has a title)."""
    candidates = [a for a in group if a.title] or group
    total: dict[str, float] = {}
    for article in group:
        add(total, vectors[article.id])

    def centrality(article: Article) -> float:
        """Summed similarity to the rest of the phase (the vectors are unit length)."""
        own = vectors[article.id]
        return dot(own, total) - dot(own, own)
    # ties: first article
    return context.headline(max(candidates, key=lambda a: round(centrality(a), 9)))
