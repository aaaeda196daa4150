"""Where sources disagree: different values for the same quantity, from different outlets.

Two figures speak of the same quantity when they count the same thing (their comparable key, the
unit's stem) and the words right around them, in the figure's own clause, share a word ("killed"
for people killed, "border" for troops near a border): a sentence often holds several
quantities ("flew 2,700 km, reaching an altitude of 550 km"). A share or a measure, which
can be anything, needs two shared words that are not among those the whole story keeps using;
a sum of money, like a count, one ("would cost 40 million dollars" against "would cost $55
million": its currency's code is its key, however it is spelt). Values that differ by more
than a rounding margin, printed by different outlets, are a disagreement (one outlet's later
figure is an update) — unless they are threefold apart (two different things counted), or
one outlet prints the other's number too (it agrees on that one, so its other number counts
something else; but not where a different party claims it: "Kyiv said 115,000, but Washington
said 90,000"), or their clauses name different owners ("Harbor Bank expects a $5 billion
charge", "Lune Energy expects a $3 billion charge"; who tells a figure is not whose it is).
Each claim keeps its words, who made it, and where it was printed.
A floor printed first and a figure above it printed later ("at least 50 killed" on the night,
"59 killed" the next day) are one count rising, not sources at odds; so are a ceiling and a
later figure below it. A later floor under an earlier figure ("more than 90,000" after "around
115,000") is a different estimate, and stays a disagreement. A toll (people killed, injured,
arrested, infected) only grows while a story goes on: a higher one printed on a later day is
the toll risen.

A figure is of its report's own days unless a time in its clause (else in its sentence) puts
it elsewhere: "the Nov. 13 attacks that killed 130 people" in a report of July is of another
time, and so is "its first offer, of $70 a share, in November". Such a figure is compared only
with one of the same days; two figures whose times are more than a week apart ("$2.23 on
Friday", "$1.13 at 6.44am" a month later) are two moments, not two accounts of one.

Not claims of a quantity, so never compared: an increment ("injuring another 40", "an
additional 83 deaths"), a conversion in brackets ("2,700 km (1,680 miles)"), a number joined
to its noun as a modifier ("a 10-yard run", "an 80,000-pound payload"), a score or a range
("8-7", "between 8% and 15%", "$30,000 to $50,000"), a move's old level ("from $11,926 to
$10,925", "down to 21% from 35%", "up from a previous offer of $70"), and a position in a
series ("2 of 25"). Nor are two figures that count different tolls ("wounding at least 90"
against "more than 30 people were killed"), whatever words their clauses share.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from storyline.analyse.figures import CURRENCIES, UNIT_KEYS
from storyline.analyse.times.calendar import days_apart, days_of
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
# The first end of a range or a move ("$30,000 to $50,000 a year", "plunged from $11,926 to
# $10,925"), and the level a move left ("down to 21% from 35%", "up from a previous offer of
# $70").
_RANGE_START_RE = re.compile(r"\s*(?:to|[-–])\s*\S{0,3}\d")
_LEFT_LEVEL_RE = re.compile(r"\b(?:to\s+\S*\d\S*|up|down)\s+from\s+(?:\S+\s+){0,4}$")
# Hedges that make a figure a bound rather than an estimate.
FLOORS = frozenset({"more than", "over", "at least", "upwards of", "just over", "well over"})
CEILINGS = frozenset({"up to", "fewer than", "less than", "at most", "under", "just under",
                      "as many as", "nearly", "almost"})
# A count on top of another ("injuring another 40"): a part of some total, no total itself.
INCREMENTS = frozenset({"another", "an additional"})
# Counts that only grow while a story goes on, by the stem of the word that names them.
TOLLS = {stem(word): kind for kind, words in (
    ("deaths", ("killed", "dead", "died", "deaths")),
    ("injuries", ("injured", "wounded", "hurt")),
    ("casualties", ("casualties",)),
    ("in hospital", ("hospitalised", "hospitalized")),
    ("arrests", ("arrested", "detained")),
    ("infections", ("infected",))) for word in words}
TOLL_WORD_REACH = 6  # words either side of a figure where the word naming its toll stands
_NEXT_COUNT = frozenset(["and", "or", "but", "while", "whereas"])
OWNER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT"})
SAME_TIME_DAYS = 7  # times this close are one moment of a story; a report's own days likewise
Days = tuple[date, date]


class FigureClaim(NamedTuple):
    """A figure as a claim: where it was printed, by whom, its words and its time."""
    article: Article
    figure: Figure
    terms: set[str]
    source: str
    told_at: Days | None  # the days a time in its clause puts it at
    current: bool  # of its report's own days
    owners: set[str]  # the names in its clause other than its claimants'
    toll_word: str | None  # the word that names it a toll, as printed ("killed")


def is_measure(key: str) -> bool:
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
                or _POSITION_RE.match(text, figure.end) or _RANGE_START_RE.match(text, figure.end)
                or _LEFT_LEVEL_RE.search(text, max(0, figure.start - 40), figure.start))


def clause_of(article: Article, figure: Figure) -> tuple[int, int]:
    """Where the figure's clause starts and ends: the sentence, up to the nearest breaks."""
    start, end = _sentence_of(article, figure)
    left = article.text[start : figure.start]
    right = article.text[figure.end : end]
    return (figure.start - len(_CLAUSE_BREAK_RE.split(left)[-1]),
            figure.end + len(_CLAUSE_BREAK_RE.split(right)[0]))


def _clause_window(article: Article, figure: Figure) -> tuple[str, str]:
    """The words just before and just after the figure, up to a clause break."""
    start, end = clause_of(article, figure)
    left_words = WORD_RE.findall(article.text[start : figure.start])[-CONTEXT_WORDS:]
    right_words = WORD_RE.findall(article.text[figure.end : end])[:CONTEXT_WORDS]
    return " ".join(left_words), " ".join(right_words)


def _owners(article: Article, figure: Figure) -> set[str]:
    """Whose quantity a figure is, as far as its clause names anyone: "Bank of America will
    take a $3 billion charge" is not Goldman's. Its claimants are who tell it, not whose."""
    start, end = clause_of(article, figure)
    return {e.canonical for e in article.entities
            if start <= e.start and e.end <= end and e.label in OWNER_LABELS
            and e.canonical not in figure.attributed_to}


def _toll_word(article: Article, figure: Figure) -> str | None:
    """The toll word nearest the figure in its clause and a few words of it ("killed" in "30
    people were killed", "killed 30 civilians"; not "died" in "26 cases had been confirmed in
    Mexico and that seven of those had died", nor "deaths" in "590 cases and 25 deaths"), as
    printed; after the figure when two are as near."""
    start, end = clause_of(article, figure)
    text = article.text
    before = [w.group(0) for w in WORD_RE.finditer(text, start, figure.start)]
    before = before[-TOLL_WORD_REACH:]
    after = [w.group(0) for w in WORD_RE.finditer(text, figure.end, end)]
    after = after[:TOLL_WORD_REACH]
    # what comes after "and" or another number is another count's: "590 confirmed cases and
    # 25 deaths", "1,626 confirmed cases and new deaths"
    after = after[:next((i for i, w in enumerate(after)
                         if w.lower() in _NEXT_COUNT or w[0].isdigit()), len(after))]
    candidates = [(i, 0, w) for i, w in enumerate(after) if stem(w) in TOLLS]
    candidates += [(i, 1, w) for i, w in enumerate(reversed(before)) if stem(w) in TOLLS]
    return min(candidates)[2] if candidates else None


def _tolls_apart(one: FigureClaim, other: FigureClaim) -> bool:
    """Whether two figures count different tolls: "wounding at least 90" is not "more than 30
    people were killed", whatever other words their clauses share."""
    return (one.toll_word is not None and other.toll_word is not None
            and TOLLS[stem(one.toll_word)] != TOLLS[stem(other.toll_word)])


def _told_at(article: Article, figure: Figure) -> Days | None:
    """The days the nearest time in the figure's clause, else in its sentence, covers."""
    for start, end in (clause_of(article, figure), _sentence_of(article, figure)):
        near = [(min(abs(t.start - figure.end), abs(figure.start - t.end)), days)
                for t in article.times
                if start <= t.start and t.end <= end and (days := days_of(t.value))]
        if near:
            return min(near)[1]
    return None


def _of_its_report(told_at: Days | None, published: str | None) -> bool:
    """Whether a figure told at those days is of its report's own days (a week either side)."""
    day = days_of((published or "")[:10])
    return told_at is None or day is None or days_apart(told_at, day) <= SAME_TIME_DAYS


def _same_time(one: FigureClaim, other: FigureClaim) -> bool:
    """Whether two figures speak of one moment of the story."""
    if one.current != other.current:
        return False
    if one.told_at and other.told_at:
        return days_apart(one.told_at, other.told_at) <= SAME_TIME_DAYS
    return True


def _subject(article: Article, figure: Figure, shared: set[str]) -> str | None:
    """The words from the unit to the first distinctive shared words: "troops near its borders"."""
    _, end = _sentence_of(article, figure)
    unit = figure.unit or ""
    unit_at = figure.end - len(unit) if unit and figure.text.endswith(unit) else figure.end
    tail = _CLAUSE_BREAK_RE.split(article.text[unit_at:end])[0]
    tokens = list(WORD_RE.finditer(tail))
    for i, token in enumerate(tokens[: MAX_SUBJECT_WORDS + 1]):
        if stem(token.group(0)) in shared:
            # to the end of the run of shared words, not into its middle: "cases in the
            # United States", "cases of swine flu"
            while (i + 1 < len(tokens) and stem(tokens[i + 1].group(0)) in shared
                   and not tail[tokens[i].end() : tokens[i + 1].start()].strip()):
                i += 1
            return tail[: tokens[i].end()].strip()
    return None


def _subject_before(article: Article, figure: Figure, shared: set[str]) -> str | None:
    """What a sum, a share or a measure (whose unit names nothing) is, said before it: the
    shared words there, first to last ("the cost of the bridge at $40 million", "a corporate
    tax rate of 26.1 percent")."""
    if figure.key not in CURRENCIES and not is_measure(figure.key):
        return None
    start, _ = clause_of(article, figure)
    head = article.text[start : figure.start]
    named = [t for t in list(WORD_RE.finditer(head))[-MAX_SUBJECT_WORDS:]
             if stem(t.group(0)) in shared]
    return head[named[0].start() : named[-1].end()] if named else None


def figure_claims(context: StoryContext) -> list[FigureClaim]:
    """The story's figures that claim a quantity, in time order, each with its words, first
    outlet, time and owners."""
    common = context.common_terms
    items: list[FigureClaim] = []
    for article in context.originals:
        source = (context.outlets_of(article) or [article.id])[0]
        for figure in article.figures:
            if (not figure.key or not _is_quantity_claim(article, figure)
                    or (figure.qualifier or "").lower() in INCREMENTS):
                continue
            left, right = _clause_window(article, figure)
            terms = set(content_terms(f"{left} {right}")) - {stem(figure.key)}
            if is_measure(figure.key):
                terms -= common
            told_at = _told_at(article, figure)
            items.append(FigureClaim(article, figure, terms, source, told_at,
                                     _of_its_report(told_at, article.published),
                                     _owners(article, figure), _toll_word(article, figure)))
    return items


def find_disagreements(items: list[FigureClaim]) -> list[Disagreement]:
    """Disagreements among a story's figure claims (``figure_claims``)."""
    printed: dict[tuple[str, str], list[float]] = {}
    for item in items:
        printed.setdefault((item.source, item.figure.key), []).append(item.figure.value)
    out: list[Disagreement] = []
    used: set[int] = set()
    for i, item in enumerate(items):
        if i in used:
            continue
        figure, source = item.figure, item.source
        needed = 2 if is_measure(figure.key) else 1
        group = [item]
        shared_all: set[str] = set()
        for j in range(i + 1, len(items)):
            other = items[j]
            if j in used or other.figure.key != figure.key or other.source == source:
                continue
            shared = item.terms & other.terms
            values = [g.figure.value for g in group] + [other.figure.value]
            if (len(shared) >= needed and _comparable(values)
                    and _at_odds(item, other, shared, printed)):
                group.append(other)
                used.add(j)
                shared_all |= shared
        claims = _distinct_claims(group)
        if len({c.outlet or c.article_id for c in claims}) < 2:
            continue
        used.add(i)
        subject = next((s for find in (_subject, _subject_before) for g in group
                        if (s := find(g.article, g.figure, shared_all))), None)
        out.append(Disagreement(subject or (figure.unit or figure.key), claims))
    return out


def _at_odds(item: FigureClaim, other: FigureClaim, shared: set[str],
             printed: dict[tuple[str, str], list[float]]) -> bool:
    """Whether two figures of one kind, in like words, give one quantity differently."""
    one, two = item.figure, other.figure
    # One outlet prints the other's number as well: it agrees on that one.
    agreed = ((_printed(printed, other.source, one) or _printed(printed, item.source, two))
              and not _claimed_apart(one, two))
    return (_differs(one.value, two.value) and not agreed and _same_time(item, other)
            and not (item.owners and other.owners and not item.owners & other.owners)
            and not _tolls_apart(item, other) and not _revised(item, other, shared))


def _distinct_claims(group: list[FigureClaim]) -> list[Claim]:
    """One claim per outlet and value: the first article that printed it."""
    claims, seen = [], set()
    for item in group:
        if (item.source, item.figure.value) in seen:
            continue
        seen.add((item.source, item.figure.value))
        claims.append(as_claim(item))
    return claims


def as_claim(item: FigureClaim) -> Claim:
    figure, article = item.figure, item.article
    return Claim(_claim_value(figure), list(figure.attributed_to), article.id, article.outlet,
                 figure.start, figure.end)


def _claimed_apart(one: Figure, other: Figure) -> bool:
    """Whether two figures are claims of different parties."""
    return bool(one.attributed_to and other.attributed_to
                and not set(one.attributed_to) & set(other.attributed_to))


def _printed(printed: dict[tuple[str, str], list[float]], source: str, figure: Figure) -> bool:
    """Whether ``source`` also printed ``figure``'s value for its kind of thing."""
    return any(not _differs(v, figure.value) for v in printed.get((source, figure.key), []))


def _revised(one: FigureClaim, other: FigureClaim, shared: set[str]) -> bool:
    """Whether one figure is the other revised: a bound that a figure printed no earlier keeps
    to, or a toll risen by a later day."""
    return (_keeps_to(one, other) or _keeps_to(other, one)
            or (bool(shared & TOLLS.keys()) and (_risen(one, other) or _risen(other, one))))


def _keeps_to(first: FigureClaim, then: FigureClaim) -> bool:
    if _day(then.article) < _day(first.article):
        return False
    hedge = (first.figure.qualifier or "").lower()
    return ((hedge in FLOORS and then.figure.value > first.figure.value)
            or (hedge in CEILINGS and then.figure.value < first.figure.value))


def _risen(first: FigureClaim, then: FigureClaim) -> bool:
    return _day(then.article) > _day(first.article) and then.figure.value > first.figure.value


def _day(article: Article) -> str:
    return (article.published or "")[:10]


def _differs(a: float, b: float) -> bool:
    high = max(abs(a), abs(b))
    return high > 0 and abs(a - b) / high > RELATIVE_MARGIN


def _comparable(values: list[float]) -> bool:
    """No two of ``values`` are more than ``MAX_RATIO`` apart."""
    sizes = [abs(v) for v in values]
    return min(sizes) > 0 and max(sizes) / min(sizes) <= MAX_RATIO
