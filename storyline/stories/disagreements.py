"""Where sources disagree: different values for the same quantity, from different outlets.

Two figures speak of the same quantity when they count the same thing (their comparable key, the
unit's stem) and the words right around them, in the figure's own clause, share a word ("killed"
for people killed, "border" for troops near a border): a sentence often holds several
quantities ("flew 2,700 km, reaching an altitude of 550 km"). A share or a measure, which
can be anything, needs two shared words that are not among those the whole story keeps using;
a sum of money, like a count, one ("would cost 40 million dollars" against "would cost $55
million": its currency's code is its key, however it is spelt). Values that differ by more
than a rounding margin, printed by different outlets, are a disagreement (one outlet's later
figure is an update) — unless they are threefold apart (two different things counted) or each
outlet prints both numbers; each claim keeps its words, who made it, and where it was printed.
A floor printed first and a figure above it printed later ("at least 50 killed" on the night,
"59 killed" the next day) are one count rising, not sources at odds; so are a ceiling and a
later figure below it. A later floor under an earlier figure ("more than 90,000" after "around
115,000") is a different estimate, and stays a disagreement.

Not claims of a quantity, so never compared: a conversion in brackets ("2,700 km (1,680
miles)"), a number joined to its noun as a modifier ("a 10-yard run", "an 80,000-pound
payload"), a score or a range ("8-7", "between 8% and 15%"), and a position in a series ("2 of
25").
"""

from __future__ import annotations

import re

from storyline.analyse.figures import UNIT_KEYS
from storyline.models import Article, Claim, Disagreement, Figure
from storyline.stories.context import StoryContext
from storyline.textutil import WORD_RE, content_terms, stem

RELATIVE_MARGIN = 0.05
# Two reports of one quantity rarely differ threefold; such numbers count different things (a
# $121 billion bid and a $5.5 billion one, a 2,300-mile flight and a 341-mile one).
MAX_RATIO = 3.0
MAX_SUBJECT_WORDS = 8
CONTEXT_WORDS = 10  # on each side of the figure, inside its clause
# A share or a length can measure anything: such figures must share two words that are not the
# story's own vocabulary. A count ("troops", "people") names what it counts; a sum of money is
# mostly told by its verb ("would cost", "was fined"), as a count is.
MEASURE_KEYS = frozenset({"percent", "percentage point", *UNIT_KEYS.values()})
_CLAUSE_BREAK_RE = re.compile(r"[;()\[\]]|,\s|\s[—–]\s")
_MODIFIER_RE = re.compile(r"\d-(?:[^\W\d]|$)")
_SCORE_OR_RANGE_RE = re.compile(r"\d\s*[-–]\s*\d|\d.*\b(?:to|and)\b.*\d")
_POSITION_RE = re.compile(r"\s*of\s+\d")
# Hedges that make a figure a bound rather than an estimate.
FLOORS = frozenset({"more than", "over", "at least", "upwards of", "just over", "well over"})
CEILINGS = frozenset({"up to", "fewer than", "less than", "at most", "under", "just under",
                      "as many as", "nearly", "almost"})


def _is_measure(key: str) -> bool:
    """A share or a unit of measure, squared or cubed ("square km") or not."""
    return key in MEASURE_KEYS or key.partition(" ")[2] in UNIT_KEYS.values()


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


def _is_quantity_claim(article: Article, figure: Figure) -> bool:
    text = article.text
    before = text[max(0, figure.start - 2) : figure.start].rstrip()
    return not (before.endswith(("(", "["))
                or _MODIFIER_RE.search(figure.text) or text[figure.end : figure.end + 1] == "-"
                or _SCORE_OR_RANGE_RE.search(figure.text)
                or _POSITION_RE.match(text, figure.end))


def _clause_window(article: Article, figure: Figure) -> tuple[str, str]:
    """The words just before and just after the figure, up to a clause break."""
    start, end = _sentence_of(article, figure)
    left = _CLAUSE_BREAK_RE.split(article.text[start : figure.start])[-1]
    right = _CLAUSE_BREAK_RE.split(article.text[figure.end : end])[0]
    left_words = WORD_RE.findall(left)[-CONTEXT_WORDS:]
    right_words = WORD_RE.findall(right)[:CONTEXT_WORDS]
    return " ".join(left_words), " ".join(right_words)


def _subject(article: Article, figure: Figure, shared: set[str]) -> str | None:
    """The words from the unit to the first distinctive shared word: "troops near its borders"."""
    _, end = _sentence_of(article, figure)
    unit = figure.unit or ""
    unit_at = figure.end - len(unit) if unit and figure.text.endswith(unit) else figure.end
    tail = _CLAUSE_BREAK_RE.split(article.text[unit_at:end])[0]
    tokens = list(WORD_RE.finditer(tail))
    for i, token in enumerate(tokens[: MAX_SUBJECT_WORDS + 1]):
        if stem(token.group(0)) in shared:
            return tail[: tokens[i].end()].strip()
    return None


def find_disagreements(context: StoryContext) -> list[Disagreement]:
    common = context.common_terms
    items: list[tuple[Article, Figure, set[str], str]] = []
    for article in context.originals:
        source = (context.outlets_of(article) or [article.id])[0]
        for figure in article.figures:
            if not figure.key or not _is_quantity_claim(article, figure):
                continue
            left, right = _clause_window(article, figure)
            terms = set(content_terms(f"{left} {right}")) - {stem(figure.key)}
            if _is_measure(figure.key):
                terms -= common
            items.append((article, figure, terms, source))
    printed: dict[tuple[str, str], list[float]] = {}
    for _, figure, _, source in items:
        printed.setdefault((source, figure.key), []).append(figure.value)
    out: list[Disagreement] = []
    used: set[int] = set()
    for i, (_, figure, terms, source) in enumerate(items):
        if i in used:
            continue
        needed = 2 if _is_measure(figure.key) else 1
        group = [items[i]]
        shared_all: set[str] = set()
        for j in range(i + 1, len(items)):
            _, other, other_terms, other_source = items[j]
            if j in used or other.key != figure.key or other_source == source:
                continue
            shared = terms & other_terms
            # Both outlets print both numbers (a rate of 15.5% and one of 8%): they agree.
            both = (_printed(printed, other_source, figure) and _printed(printed, source, other))
            values = [f.value for _, f, _, _ in group] + [other.value]
            if (len(shared) >= needed and _differs(figure.value, other.value) and not both
                    and _comparable(values) and not _revised(items[i], items[j])):
                group.append(items[j])
                used.add(j)
                shared_all |= shared
        claims = _distinct_claims(group)
        if len({c.outlet or c.article_id for c in claims}) < 2:
            continue
        used.add(i)
        subject = next((s for a, f, _, _ in group if (s := _subject(a, f, shared_all))), None)
        out.append(Disagreement(subject or (figure.unit or figure.key), claims))
    return out


def _distinct_claims(group: list[tuple[Article, Figure, set[str], str]]) -> list[Claim]:
    """One claim per outlet and value: the first article that printed it."""
    claims, seen = [], set()
    for article, figure, _, source in group:
        if (source, figure.value) in seen:
            continue
        seen.add((source, figure.value))
        claims.append(Claim(_claim_value(figure), list(figure.attributed_to), article.id,
                            article.outlet, figure.start, figure.end))
    return claims


def _printed(printed: dict[tuple[str, str], list[float]], source: str, figure: Figure) -> bool:
    """Whether ``source`` also printed ``figure``'s value for its kind of thing."""
    return any(not _differs(v, figure.value) for v in printed.get((source, figure.key), []))


def _revised(one: tuple[Article, Figure, set[str], str],
             other: tuple[Article, Figure, set[str], str]) -> bool:
    """Whether either figure is a bound that the other, printed no earlier, keeps to."""
    return _keeps_to(one, other) or _keeps_to(other, one)


def _keeps_to(first: tuple[Article, Figure, set[str], str],
              then: tuple[Article, Figure, set[str], str]) -> bool:
    (first_article, bound, _, _), (then_article, figure, _, _) = first, then
    if (then_article.published or "")[:10] < (first_article.published or "")[:10]:
        return False
    hedge = (bound.qualifier or "").lower()
    return ((hedge in FLOORS and figure.value > bound.value)
            or (hedge in CEILINGS and figure.value < bound.value))


def _differs(a: float, b: float) -> bool:
    high = max(abs(a), abs(b))
    return high > 0 and abs(a - b) / high > RELATIVE_MARGIN


def _comparable(values: list[float]) -> bool:
    """No two of ``values`` are more than ``MAX_RATIO`` apart."""
    sizes = [abs(v) for v in values]
    return min(sizes) > 0 and max(sizes) / min(sizes) <= MAX_RATIO
