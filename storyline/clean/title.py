"""Pick the headline among the lines above the body of flattened text.

The contract says a text file's first non-empty line is its title; scraped text often opens with
page furniture instead ("Connect with us", a section name, "Support X!"). So the title is the
first headline-shaped line that is not chrome, unless a later one in the head clearly matches
the lead paragraph better (a headline shares its words with the lead; a section label does not).
"""

from __future__ import annotations

from storyline.clean.lines import STRONG, Unit
from storyline.textutil import content_terms

HEAD_UNITS = 8


def choose_title(units: list[Unit]) -> Unit | None:
    lead_index = next(
        (i for i, u in enumerate(units) if u.terminal and u.n_words >= 12 and not u.flags & STRONG),
        len(units),
    )
    head = units[: min(HEAD_UNITS, lead_index)]
    candidates = [u for u in head if not u.flags & STRONG and 3 <= u.n_words <= 30
                  and _body_follows(units, u)]
    if not candidates:
        return None
    lead_terms: set[str] = set()
    for unit in units[lead_index : lead_index + 2]:
        lead_terms.update(content_terms(unit.text))
    best, best_score = None, float("-inf")
    for position, unit in enumerate(candidates):
        terms = set(content_terms(unit.text))
        overlap = len(terms & lead_terms) / max(1, len(terms))
        score = overlap + (0.5 if position == 0 else 0.0) + (0.0 if unit.terminal else 0.2)
        if score > best_score:
            best, best_score = unit, score
    return best


def _body_follows(units: list[Unit], candidate: Unit) -> bool:
    """A title heads something: some sentence must come after it."""
    return any(u.n_words >= 5 and not u.flags & STRONG for u in units[candidate.index + 1 :])
