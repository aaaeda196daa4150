"""Where sources disagree: different values for the same quantity.

Two figures speak of the same quantity when they count the same thing (their comparable key, the
unit's stem) in sentences that share a distinctive word besides the number and the unit: not one
of the words the whole story keeps using, but one that pins the quantity down ("border" for troops
near a border). Values that differ by more than a rounding margin, given by different articles,
are a disagreement; each claim keeps its words, who made it, and where it was printed.
"""

from __future__ import annotations

from storyline.models import Article, Claim, Disagreement, Figure
from storyline.stories.context import StoryContext
from storyline.textutil import WORD_RE, content_terms, stem

RELATIVE_MARGIN = 0.05
MAX_SUBJECT_WORDS = 8


def _sentence_of(article: Article, figure: Figure) -> tuple[int, int]:
    for start, end in article.sentences:
        if start <= figure.start < end:
            return start, end
    return figure.start, figure.end


def _claim_value(figure: Figure) -> str:
    """The number as printed, with its hedge: "more than 90,000"."""
    text = figure.text
    if figure.unit and figure.key and text.lower().endswith(figure.unit.lower()):
        text = text[: -len(figure.unit)].rstrip()
    return text


def _subject(article: Article, figure: Figure, shared: set[str]) -> str | None:
    """The words from the unit to the first distinctive shared word: "troops near its borders"."""
    _, end = _sentence_of(article, figure)
    unit = figure.unit or ""
    unit_at = figure.end - len(unit) if unit and figure.text.endswith(unit) else figure.end
    tail = article.text[unit_at:end]
    tokens = list(WORD_RE.finditer(tail))
    for i, token in enumerate(tokens[: MAX_SUBJECT_WORDS + 1]):
        if stem(token.group(0)) in shared:
            return tail[: tokens[i].end()].strip()
    return None


def find_disagreements(context: StoryContext) -> list[Disagreement]:
    common = context.common_terms
    items: list[tuple[Article, Figure, set[str]]] = []
    for article in context.originals:
        for figure in article.figures:
            if not figure.key:
                continue
            start, end = _sentence_of(article, figure)
            terms = set(content_terms(article.text[start:end])) - {figure.key} - common
            items.append((article, figure, terms))
    out: list[Disagreement] = []
    used: set[int] = set()
    for i, (article, figure, terms) in enumerate(items):
        if i in used:
            continue
        group = [(article, figure, terms)]
        shared_all: set[str] = set()
        for j in range(i + 1, len(items)):
            other_article, other, other_terms = items[j]
            if j in used or other.key != figure.key or other_article.id == article.id:
                continue
            shared = terms & other_terms
            if shared and _differs(figure.value, other.value):
                group.append(items[j])
                used.add(j)
                shared_all |= shared
        if len(group) < 2:
            continue
        used.add(i)
        subject = next((s for a, f, _ in group if (s := _subject(a, f, shared_all))), None)
        claims = [Claim(_claim_value(f), list(f.attributed_to), a.id, a.outlet, f.start, f.end)
                  for a, f, _ in group]
        out.append(Disagreement(subject or (figure.unit or figure.key), claims))
    return out


def _differs(a: float, b: float) -> bool:
    high = max(abs(a), abs(b))
    return high > 0 and abs(a - b) / high > RELATIVE_MARGIN

