"""Times told from a date the article gave before: "later that year", "the following month".

A narrative names a date once ("On May 22, 1995, he was promoted") and goes on from it ("the
following year he was posted abroad", "earlier that day"). The anchor is the latest calendar date
named before the phrase, if it is precise enough for its unit (a year for "that year", a day
for "the next morning"); without one the phrase is read from the publication date, the date a
news report's "that day" most often means.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.analyse.times.grammar import Match
from storyline.analyse.times.resolve import PARTS_OF_DAY, relative_unit
from storyline.models import TimeExpression

_VALUE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-]*W)")
_PRECISION = {"year": 1, "month": 2}  # parts of a date a unit needs; a week or a day all three
_STEP = {"following": 1, "next": 1, "previous": -1, "preceding": -1}


def anaphor_value(m: Match, before: list[TimeExpression], dct: date | None
                  ) -> tuple[str, str] | None:
    """(value, type) of an anaphoric match, or None with neither an anchor nor a DCT."""
    unit = m.groups["unit"].lower()
    part = PARTS_OF_DAY.get(unit)
    anchor = _anchor(before, _PRECISION.get(unit, 3)) or dct
    if anchor is None:
        return None
    step = _STEP.get((m.groups.get("rel") or "").lower(), 0)
    if unit in {"year", "month", "week"}:
        return relative_unit(anchor, unit, step), "DATE"
    day = (anchor + timedelta(days=step)).isoformat()
    return (f"{day}T{part}", "TIME") if part else (day, "DATE")


def _anchor(before: list[TimeExpression], precision: int) -> date | None:
    """The day (or the first day of the month or year) of the latest calendar date named
    before, if it is precise enough: after "in March", "that day" has no day to go by."""
    for earlier in reversed(before):
        if earlier.type not in {"DATE", "TIME"} or earlier.value is None:
            continue
        match = _VALUE_RE.match(earlier.value)
        if match is None:
            continue
        parts = [int(g) for g in match.groups() if g is not None]
        if len(parts) < precision:
            return None
        try:
            return date(*[*parts, 1, 1][:3])
        except ValueError:
            return None
    return None
