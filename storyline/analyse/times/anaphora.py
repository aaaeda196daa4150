"""Times told from a date the article gave before: "later that year", "two days later".

A narrative names a date once ("On May 22, 1995, he was promoted") and goes on from it ("the
following year he was posted abroad", "earlier that day"). The anchor is the latest calendar date
named before the phrase, if it is precise enough for its unit (a year for "that year", a day
for "the next morning"); without one the phrase is read from the publication date, the date a
news report's "that day" most often means.

An offset from that day ("exploded on April 20 and sank two days later", "A day earlier, …")
stays what TIMEX3 makes of it, a length of time (P2D, "later" being only its signal), and
records the day it leads to (``points_to``): the date of the event it tells, which a timeline
needs. Only offsets of up to a few weeks count (an event is dated to a day; "a year earlier" in
a company report is its comparison period, see ``period``), and only from a day named a few
sentences before: after "in March", or far from any day, "two days later" is a length of time
that leads to no day.

A clock time without a day beside it is on the day its sentence named before it, the same
reading at the scale of one sentence ("made its first flight Tuesday in Everett at 18:00 UTC"),
and, in a clause about the past, on the day the narrative last named ("exploded on Dec. 31 …
The men were hurt when the barge caught fire at 9 p.m."); "the entire year" is on the year its
sentence named.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.analyse.times.grammar import Match
from storyline.analyse.times.resolve import (
    PARTS_OF_DAY,
    Way,
    amount_of,
    duration,
    relative_unit,
)
from storyline.models import TimeExpression

_VALUE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-]*W)")
_PRECISION = {"year": 1, "month": 2}  # parts of a date a unit needs; a week or a day all three
_STEP = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}
_OFFSET_WAY_RE = re.compile(r"\s+(later|earlier|after that|before that|from now|from today)\b",
                            re.I)
_OFFSET_DAYS = {"minute": 0, "hour": 0, "day": 1, "week": 7, "fortnight": 14}
_JOINED_RE = re.compile(r"\s*(?:,|and|or|to|through|[-–])?\s*(?:and\s+)?(?:on\s+)?", re.I)
MAX_OFFSET_DAYS = 31
MAX_ANCHOR_GAP = 600  # characters between the day named and the offset told from it
MAX_CLOCK_GAP = 320  # and between the day named and a clock time told on it


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


def told_year_date(m: Match, text: str, value: str | None, before: list[TimeExpression],
                   dct: date | None) -> str | None:
    """ "in September of that year", "on June 25 the following year": the month or day in the
    year the article named before (or one on or back), not in the report's; ``value`` is the
    date as ``resolve`` read it without its year."""
    phrase = m.groups.get("ya")
    if not phrase or value is None:
        return value
    # not a date joined to this one ("on 15 October and 9 November that year"): the year
    # is told for both
    while before and _JOINED_RE.fullmatch(text[before[-1].end : m.start]):
        before = before[:-1]
    anchor = _anchor(before, 1) or dct
    if anchor is None:
        return value
    return f"{anchor.year + _STEP.get(phrase.split()[1].lower(), 0)}{value[4:]}"


def offset_value(m: Match, text: str, value: str | None, before: list[TimeExpression],
                 dct: date | None = None) -> tuple[str, str | None] | None:
    """(duration value, day it leads to) of "two days later" / "a week earlier" told from the
    day named before it (None without one), or None when the phrase is no such offset;
    ``value`` is what ``resolve`` made of the phrase."""
    unit = (m.groups.get("unit") or "").lower()
    amount = m.groups.get("n") or ""
    if m.kind == "ago":
        way = (m.groups.get("way") or "").lower()
    elif m.kind == "duration" and not m.groups.get("more"):
        after = _OFFSET_WAY_RE.match(text, m.end)
        way = after.group(1).lower() if after else ""
    else:
        return None
    if unit not in _OFFSET_DAYS or way not in {"later", "earlier", "after that", "before that",
                                               "from now", "from today"}:
        return None
    n = amount_of(amount)
    if n is None or n * _OFFSET_DAYS[unit] > MAX_OFFSET_DAYS or (unit == "hour" and n > 24):
        return None
    length = value if m.kind == "duration" and value else duration(str(n), unit)
    # A narrative counts on from a day it named a few sentences back, not from one long gone;
    # "two weeks from now" from the publication date, the "now" TimeML marks apart.
    anchor = (dct if way.startswith("from") else
              _anchor([t for t in before if m.start - t.end <= MAX_ANCHOR_GAP], 3))
    if anchor is None:
        return length, None
    sign = 1 if way in {"later", "after that", "from now", "from today"} else -1
    return length, (anchor + timedelta(days=sign * n * _OFFSET_DAYS[unit])).isoformat()


def sentence_day(m: Match, value: str | None, text: str, before: list[TimeExpression],
                 dct: date | None, way: Way) -> str | None:
    """A clock time without a day of its own, read on the publication day, is on the day its
    sentence named before it ("made its first flight Tuesday in Everett at 18:00 UTC") or, in a
    clause about the past, on the day the narrative last named up to the report's, and
    "the entire year" or "the end of the month" is in the year or month its sentence named ("a
    loss in the fourth quarter of 2005 and for the entire year"); a company's fiscal year keeps
    its own reading."""
    if not value or dct is None:
        return value
    same_sentence = [t for t in before if not sentence_ends(text, t.end, m.start)]
    if m.kind == "the_year" and not _BUSINESS_YEAR_RE.search(text, m.start, m.end):
        anchor = _anchor(same_sentence, 1)
        return str(anchor.year) if anchor is not None else value
    if m.kind == "edge" and (m.groups.get("rel") or "").lower() == "the":
        # "adding the data in January 2016 and done by the end of the month": that month
        unit = m.groups["unit"].lower()
        anchor = _anchor(same_sentence, _PRECISION.get(unit, 3))
        if anchor is not None and unit in {"month", "year"}:
            return anchor.isoformat()[: 7 if unit == "month" else 4]
        return value
    if m.kind == "partday" and m.groups.get("prep") and not m.groups.get("rel"):
        # "Stocks closed higher Friday. In the morning, …": from a day named just before
        anchor = _latest_day([t for t in before if m.start - t.end <= MAX_ANCHOR_GAP], dct)
        return anchor.isoformat() + value[10:] if anchor is not None else value
    if m.kind != "clock" or m.day is not None or not value.startswith(dct.isoformat()):
        return value
    anchor = _anchor(same_sentence, 3)
    if anchor is None and way() == "past":  # a sentence or two on: a wire story's lead names
        # its background days further back ("on Monday Jordan's king urged …")
        anchor = _latest_day([t for t in before if m.start - t.end <= MAX_CLOCK_GAP], dct)
    return anchor.isoformat() + value[10:] if anchor is not None else value


def told_part_of_day(m: Match, text: str, way: Way) -> bool:
    """ "in the morning" tells a day when its clause is about the past ("dealers placed buy
    orders in the morning") or a trading session ("shares rose in afternoon trading"); in a
    habit, a plan or an opinion ("you feed your family in the evening", "it is tough in the
    morning") it names no day."""
    if m.kind != "partday" or not m.groups.get("prep") or m.groups.get("rel"):
        return True
    return _SESSION_RE.match(text, m.end) is not None or way() == "past"


_SESSION_RE = re.compile(r"\s+(?:trading|trade|dealings|session)\b", re.I)


def _latest_day(before: list[TimeExpression], dct: date) -> date | None:
    """The latest day the article has named up to its own date, if any: the day a past
    narrative is at (a day still to come is not where it happened)."""
    for earlier in reversed(before):
        if earlier.type in {"DATE", "TIME"} and earlier.value and _FULL_DAY_RE.match(earlier.value):
            day = date.fromisoformat(earlier.value[:10])
            if day <= dct:
                return day
    return None


_FULL_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T|$)")


_BUSINESS_YEAR_RE = re.compile(r"fiscal|financial", re.I)
_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’]?\s+[A-Z\"“]")


def sentence_ends(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends between ``start`` (the end of an expression, whose own full
    stop may close the sentence: "It landed at 9 p.m. The next …") and ``end``."""
    return _SENTENCE_END_RE.search(text, max(start - 1, 0), end) is not None


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
