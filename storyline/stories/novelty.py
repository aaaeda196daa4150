"""What each article added: its sentences that say something the earlier articles did not."""

from __future__ import annotations

from collections import defaultdict

from storyline.models import Novelty
from storyline.stories.context import Sentence, StoryContext, usable

NEW_TERM_SHARE = 0.4
SAME_SIMILARITY = 0.5


def build_novelty(context: StoryContext) -> list[Novelty]:
    seen_terms: set[str] = set()
    seen: list[Sentence] = []
    # Sentences that share no term have similarity 0: only those sharing one are compared.
    postings: dict[str, list[int]] = defaultdict(list)
    out = []
    for article in context.articles:
        if article.id not in context.sentences:  # a copy of an earlier article adds nothing
            out.append(Novelty(article.id, []))
            continue
        new = []
        sentences = context.sentences[article.id]
        for sentence in sentences:
            if not usable(sentence):
                continue
            fresh = sentence.terms - seen_terms
            if len(fresh) < NEW_TERM_SHARE * len(sentence.terms):
                continue
            related = {i for term in sentence.terms for i in postings.get(term, ())}
            if any(context.similarity(sentence, seen[i]) >= SAME_SIMILARITY for i in related):
                continue
            new.append({"text": sentence.text, "start": sentence.start, "end": sentence.end})
        out.append(Novelty(article.id, new))
        for sentence in sentences:
            seen_terms |= sentence.terms
            for term in sentence.terms:
                postings[term].append(len(seen))
            seen.append(sentence)
    return out
