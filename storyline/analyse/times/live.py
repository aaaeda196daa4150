"""A live page's entries are told from their own stamp's day, not from the page's first one.

A live page is published once and then grows for a day or two, each entry under a stamp
("(Update 5:16 a.m. Thursday in Cairo, 10:16 p.m. ET Wednesday)", "(Update 11:58 p.m. in
Cairo, 4:58 p.m. ET)"); its date is one entry's, mostly the first. An entry stamped Thursday
that says "clashes on Wednesday" means the day before the stamp, not a Wednesday a week before
the page began. So each stamp gets its day and the text after it, up to the next stamp, is
read from that day:
- a stamp naming its weekday is on that weekday, the one nearest the day it is reckoned from;
- the others follow their neighbours, a day on where the clock goes round midnight against
  the page's order (newest first, "12:15 a.m." then "11:58 p.m.", or oldest first);
- the page's oldest entry is on the page's date, unless a stamp names its weekday.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from itertools import pairwise

from storyline.analyse.times.grammar import WEEKDAYS
from storyline.clean.notes import LIVE_STAMP_RE, editorial_notes

_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_CLOCK_RE = re.compile(r"\b(\d{1,2})(?:[:.](\d\d))?\s*([ap])\.?\s?m\b|\b(noon|midnight)\b", re.I)
# A clock going back by more than this against the page's order has gone round midnight; less
# is an entry filed out of order.
_MIDNIGHT_JUMP = 6 * 60


class _Stamp:
    def __init__(self, start: int, weekday: int | None, minutes: int | None) -> None:
        self.start, self.weekday, self.minutes = start, weekday, minutes
        self.day: date | None = None


class LiveDays:
    """The day each stretch of a text is told from: the DCT, or its live stamp's day."""

    def __init__(self, text: str, dct: date | None) -> None:
        self.dct = dct
        self._starts: list[int] = []
        self._days: list[date | None] = []
        stamps = _stamps(text) if dct is not None else []
        if not stamps:
            return
        _date_stamps(stamps, dct)
        for stamp in stamps:
            self._starts.append(stamp.start)
            self._days.append(stamp.day)

    def at(self, offset: int) -> date | None:
        """The day the text at ``offset`` is told from."""
        i = bisect_right(self._starts, offset)
        return self._days[i - 1] if i else self.dct


def _stamps(text: str) -> list[_Stamp]:
    out = []
    for start, end in editorial_notes(text):
        if not LIVE_STAMP_RE.match(text, start):
            continue  # a wire's note ("(Updates with Monday's vote)") names events, not its day
        named = _WEEKDAY_RE.search(text, start, end)
        out.append(_Stamp(start, WEEKDAYS[named.group(1).lower()] if named else None,
                          _minutes(text[start:end])))
    return out


def _minutes(stamp: str) -> int | None:
    """Minutes after midnight of the stamp's first clock with its half of the day."""
    found = _CLOCK_RE.search(stamp)
    if found is None:
        return None  # "(Update 9:14 Cairo, 2:14 ET)": which half of the day is unknown
    if found.group(4):
        return 12 * 60 if found.group(4).lower() == "noon" else 0
    hour = int(found.group(1)) % 12 + (12 if found.group(3).lower() == "p" else 0)
    return hour * 60 + int(found.group(2) or 0)


def _date_stamps(stamps: list[_Stamp], dct: date) -> None:
    clocks = [s.minutes for s in stamps if s.minutes is not None]
    falls = sum(a > b for a, b in pairwise(clocks))
    rises = sum(a < b for a, b in pairwise(clocks))
    order = -1 if falls > rises else 1  # -1: newest entry first
    named = next((i for i, s in enumerate(stamps) if s.weekday is not None), None)
    anchor = named if named is not None else (len(stamps) - 1 if order < 0 else 0)
    stamps[anchor].day = _nearest(stamps[anchor], dct)
    for step in (1, -1):  # on from the anchor, then back
        i = anchor
        while 0 <= i + step < len(stamps):
            before, after = stamps[i], stamps[i + step]
            day = before.day
            if before.minutes is not None and after.minutes is not None:
                # where time runs forward along the text, a clock falling far went past midnight
                ahead = order * step
                if ahead * (before.minutes - after.minutes) > _MIDNIGHT_JUMP:
                    day += timedelta(days=ahead)
            after.day = _nearest(after, day)
            i += step


def _nearest(stamp: _Stamp, day: date) -> date:
    """The stamp's weekday nearest ``day``, or ``day`` for a stamp naming none."""
    if stamp.weekday is None:
        return day
    ahead = (stamp.weekday - day.weekday()) % 7
    return day + timedelta(days=ahead if ahead <= 3 else ahead - 7)
