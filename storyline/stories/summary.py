"""An extractive summary: whole sentences copied from the articles, each traceable to its span.

One sentence per development first (so the summary covers the story's phases in order), then the
most central remaining sentences, never two that say the same thing.
"""

from __future__ import annotations

from storyline.models import Development, SummarySentence
from storyline.stories.context import Sentence, StoryContext, usable

DEFAULT_LENGTH = 5
REDUNDANT_SIMILARITY = 0.45
LEAD_BONUS = 0.15


def _score(sentence: Sentence, context: StoryContext) -> float:
    lead = LEAD_BONUS if sentence.position == 0 else 0.0
    return context.centrality(sentence) + lead


def build_summary(context: StoryContext, developments: list[Development],
                  length: int = DEFAULT_LENGTH) -> list[SummarySentence]:
    phase_of = {aid: d.id for d in developments for aid in d.article_ids}
    order = {d.id: i for i, d in enumerate(developments)}
    pool = [s for items in context.sentences.values() for s in items if usable(s)]
    scores = {id(s): _score(s, context) for s in pool}
    chosen: list[Sentence] = []

    def fits(sentence: Sentence) -> bool:
        return all(context.similarity(sentence, c) < REDUNDANT_SIMILARITY for c in chosen)

    for development in developments:
        if len(chosen) >= length:
            break
        members = [s for s in pool if phase_of.get(s.article_id) == development.id]
        for sentence in sorted(members, key=lambda s: -scores[id(s)]):
            if fits(sentence):
                chosen.append(sentence)
                break
    for sentence in sorted(pool, key=lambda s: -scores[id(s)]):
        if len(chosen) >= length:
            break
        if sentence not in chosen and fits(sentence):
            chosen.append(sentence)
    position = {a.id: i for i, a in enumerate(context.articles)}
    chosen.sort(key=lambda s: (order.get(phase_of.get(s.article_id), 0),
                               position[s.article_id], s.start))
    return [SummarySentence(s.text, s.article_id, s.start, s.end, phase_of.get(s.article_id))
            for s in chosen]
