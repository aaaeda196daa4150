"""What every story view needs, computed once: articles in time order, sentences, weights."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from storyline.clean.metadata import lead_furniture
from storyline.models import Article
from storyline.stories.vectors import Vector, dot, normalise, text_vector
from storyline.textutil import content_terms

MIN_SENTENCE_WORDS = 5
# Past this, a "sentence" is several the splitter could not cut: a quotation left open, a list
# of bullets or headlines run together (1 in 200 of Timeline17's sentences, and nearly all such).
MAX_SENTENCE_WORDS = 80
STORY_COMMON_TERMS = 8
HEADLINE_WORDS = 12  # an untitled article's lead, cut to this many words, stands as its title


@dataclass
class Sentence:
    article_id: str
    position: int  # index in its article
    start: int
    end: int
    text: str
    vector: Vector  # idf-weighted (over the story's sentences) and unit length
    terms: frozenset[str]


@dataclass
class StoryContext:
    articles: list[Article]  # every article of the story, in time order
    originals: list[Article]  # the same without near-duplicates
    copies: dict[str, list[Article]]  # original id -> its near-duplicates
    sentences: dict[str, list[Sentence]]
    centroid: Vector = field(default_factory=dict)  # unit length

    def outlets_of(self, article: Article) -> list[str]:
        """The outlet of an article and of every copy of it, for crediting sources."""
        names = [a.outlet for a in [article, *self.copies.get(article.id, [])] if a.outlet]
        return list(dict.fromkeys(names))

    def headline(self, article: Article) -> str | None:
        """The article's title; for an untitled one (a text dump, a crawler's body field), its
        first full sentence, cut to a headline's length, so no story or phase goes unnamed."""
        if article.title:
            return article.title
        lead = next((s for s in self.sentences.get(article.id, []) if usable(s)), None)
        if lead is None:
            return None
        words = lead.text.split()
        if len(words) <= HEADLINE_WORDS + 2:
            return lead.text.rstrip(" .")
        return " ".join(words[:HEADLINE_WORDS]).rstrip(",;:") + "…"

    def similarity(self, a: Sentence, b: Sentence) -> float:
        return dot(a.vector, b.vector)

    def centrality(self, sentence: Sentence) -> float:
        return dot(sentence.vector, self.centroid)

    @cached_property
    def common_terms(self) -> set[str]:
        """The terms the story's sentences use most: what the whole story is about, so they pin
        no particular statement down ("troops", "Ukraine" in a story on troops near Ukraine)."""
        counts = Counter(t for items in self.sentences.values() for s in items for t in s.terms)
        # Ties broken by the word itself: sets of terms iterate in a per-process order.
        return set(sorted(counts, key=lambda t: (-counts[t], t))[:STORY_COMMON_TERMS])

    @cached_property
    def entity_names(self) -> set[str]:
        return {e.canonical for a in self.originals for e in a.entities}

    def who(self, speaker: str) -> list[str]:
        """The entities behind a speaker's name: itself, or each of those who said it together
        ("Kyiv and Washington"), where each is an entity of the story."""
        parts = speaker.split(" and ")
        if (speaker in self.entity_names or len(parts) == 1
                or not all(p in self.entity_names for p in parts)):
            return [speaker]
        return parts


def build_context(articles: list[Article]) -> StoryContext:
    ordered = sorted(enumerate(articles), key=lambda p: (p[1].published or "9999", p[0]))
    in_time = [a for _, a in ordered]
    ids = {a.id for a in in_time}
    originals = [a for a in in_time if not a.duplicate_of or a.duplicate_of not in ids]
    copies: dict[str, list[Article]] = {}
    for article in in_time:
        if article.duplicate_of and article.duplicate_of in ids:
            copies.setdefault(article.duplicate_of, []).append(article)
    sentences: dict[str, list[Sentence]] = {}
    doc_freq: Counter[str] = Counter()
    for article in originals:
        items = []
        for position, (start, end) in enumerate(article.sentences):
            text = article.text[start:end]
            terms = frozenset(content_terms(text))
            items.append(Sentence(article.id, position, start, end, text, text_vector(text), terms))
            doc_freq.update(terms)
        sentences[article.id] = items
    n = sum(len(s) for s in sentences.values())
    idf = {t: math.log((n + 1) / (df + 1)) + 1.0 for t, df in doc_freq.items()}
    centroid: dict[str, float] = {}
    for items in sentences.values():
        for sentence in items:
            sentence.vector = normalise({t: v * idf[t] for t, v in sentence.vector.items()})
            for t, v in sentence.vector.items():
                centroid[t] = centroid.get(t, 0.0) + v
    return StoryContext(in_time, originals, copies, sentences, normalise(centroid))


def usable(sentence: Sentence) -> bool:
    """Whole sentences that say something (not a fragment, a bare quotation mark, an aside in
    brackets, a dateline or label cut off at its dash: "Sun Oct 2, 2011 6:21 pm EDT SIRTE,
    Libya (Reuters) -", a byline or stamp left alone: "By the CNN Wire Staff", nor a run of
    sentences no splitter could cut)."""
    return (MIN_SENTENCE_WORDS <= len(sentence.text.split()) <= MAX_SENTENCE_WORDS
            and len(sentence.terms) >= 3 and not bracketed(sentence.text)
            and not sentence.text.rstrip().endswith(_DASHES)
            and not lead_furniture(sentence.text))


_DASHES = ("-", "–", "—", "―")


def bracketed(text: str) -> bool:
    """An aside wholly in brackets: a live page's "(Updated: 4:08 a.m. Tuesday in Cairo):", a
    wire's "(Reporting by …; Editing by …)", an editor's note."""
    text = text.strip(" -–—.:")
    if not (text.startswith(("(", "[")) and text.endswith((")", "]"))):
        return False
    depth = 0
    for i, char in enumerate(text):
        depth += (char in "([") - (char in ")]")
        if depth == 0 and i < len(text) - 1:
            return False  # "(a) one thing, (b) another": closed before the end
    return True
