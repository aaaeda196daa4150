"""The days a TIMEX3 value covers: "2021-12-07" one day, "2021-12" a month, "2021-W49" a week.

What a value means on the calendar, for comparing two values of different sizes ("in December"
and "on Dec. 7" meet; "in November 2015" and "2016-07-14" are months apart). Values with no
fixed place on the calendar (durations, "PRESENT_REF", "XXXX-12-07") cover no days.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.analyse.times.resolve import SEASON_STARTS

_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T|$)")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON_RE = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR_RE = re.compile(r"^(\d{4})$")


def days_of(value: str | None) -> tuple[date, date] | None:
    """The first and last day ``value`` covers, or None when it has no place on the calendar."""
    if not value:
        return None
    try:
        if m := _DAY_RE.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH_RE.match(value):
            return _months(int(m[1]), int(m[2]), 1)
        if m := _WEEK_RE.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday + timedelta(days=5 if m[3] else 0), monday + timedelta(days=6)
        if m := _QUARTER_RE.match(value):
            return _months(int(m[1]), (int(m[2]) - 1) * 3 + 1, 3)
        if m := _SEASON_RE.match(value):
            return _months(int(m[1]), SEASON_STARTS[m[2]], 3)
        if m := _YEAR_RE.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:  # "2021-02-30", "2021-W54": no such day
        return None
    return None


def days_apart(one: tuple[date, date], other: tuple[date, date]) -> int:
    """Days between two stretches of days; 0 when they meet or overlap."""
    return max((other[0] - one[1]).days, (one[0] - other[1]).days, 0)


def _months(year: int, month: int, count: int) -> tuple[date, date]:
    """From the first of ``month`` to the last day of the ``count``-th month from it."""
    index = year * 12 + month - 1 + count
    after = date(index // 12, index % 12 + 1, 1)
    return date(year, month, 1), after - timedelta(days=1)
