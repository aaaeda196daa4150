"""Tolls as they rose: a count that only grows while a story goes on (people killed, injured,
arrested, infected), each new high with the first report that gave it, in time order.

The disagreements view leaves a rise out (a later, higher toll is the toll risen, not sources
at odds); this view shows it: "at least 60" killed on the night, 80 the next morning, 84 by the
evening. The figures of one toll count one kind of thing (their comparable key: "people",
"civilians"), the toll word nearest to each in its own clause, within six words, names the
same toll ("84 people were killed and 202 injured" are two tolls), they are of the story's
present (not "the Nov. 13 attacks that killed 130"), and their clauses name no different
owners. A report under the highest so far is left out: it is either sources at odds (shown as
a disagreement) or a part of the whole ("16 walking wounded" at one hospital). Every higher
count is a rise, even within the rounding margin that keeps estimates from disagreeing (80 and
then 84 dead are four more). A toll is shown when it rose at least once, across two articles
or more.
"""

from __future__ import annotations

from storyline.models import Toll
from storyline.stories.disagreements import TOLLS, FigureClaim, as_claim, is_measure
from storyline.textutil import stem

MIN_REPORTS = 2
MAX_SCALE = 1000


def find_tolls(claims: list[FigureClaim]) -> list[Toll]:
    """Tolls among a story's figure claims (``figure_claims``)."""
    groups: dict[tuple[str, str], list[FigureClaim]] = {}
    for item in claims:
        if item.current and item.toll_word is not None and not is_measure(item.figure.key):
            groups.setdefault((TOLLS[stem(item.toll_word)], item.figure.key), []).append(item)
    out = []
    for (kind, _), items in groups.items():
        risen = _new_highs(_of_this_scale(items))
        if len(risen) >= MIN_REPORTS and len({i.article.id for i in risen}) >= MIN_REPORTS:
            first = risen[0]
            out.append(Toll(_subject(first.figure.unit, first.toll_word, kind), kind,
                            [as_claim(i) for i in risen]))
    return out


# How a toll reads after what it counts, where the article names it by another form of its
# verb ("killing at least 16 people", "kills" or "deaths" is a toll of people killed).
_PARTICIPLES = {"deaths": "killed", "injuries": "injured", "in hospital": "in hospital",
                "arrests": "arrested", "infections": "infected",
                "casualties": "killed or wounded"}


def _subject(unit: str | None, named: str, kind: str) -> str:
    """ "people killed": what the toll counts and the word that names it as a toll, or the
    toll's own name where that is what it counts ("deaths")."""
    if not named.lower().endswith("ed") and named.lower() not in {"dead", "hurt"}:
        named = _PARTICIPLES[kind]
    return f"{unit} {named}" if unit and stem(unit) not in TOLLS else unit or named


def _of_this_scale(items: list[FigureClaim]) -> list[FigureClaim]:
    """The reports but those a thousand times the middle of the others: such a count is of
    another, larger thing told as background (the 40 million the 1918 flu killed, beside the
    150 dead of this week's outbreak), not this toll risen."""
    kept = []
    for i, item in enumerate(items):
        others = sorted(other.figure.value for j, other in enumerate(items) if j != i)
        if not others or item.figure.value <= MAX_SCALE * others[(len(others) - 1) // 2]:
            kept.append(item)
    return kept


def _new_highs(items: list[FigureClaim]) -> list[FigureClaim]:
    """The reports that took the toll higher, the first report first (in publication order)."""
    ordered = sorted(items, key=lambda i: (i.article.published or "")[:10])
    risen: list[FigureClaim] = []
    for item in ordered:
        if risen and (item.figure.value <= risen[-1].figure.value
                      or (item.owners and risen[0].owners
                          and not item.owners & risen[0].owners)):
            continue
        risen.append(item)
    return risen
