"""The quarter a business report is about: "the quarter", "the year-ago period", "a year ago".

Earnings news names its quarter once ("third-quarter profit rose") and then speaks of "the
quarter" and compares with "a year ago" or "the year-earlier period", meaning the same quarter a
year before, not a calendar year. The latest explicit quarter before such a phrase is its
anchor. Without an anchor, "the quarter" is left out (its value would be a guess) and "a year
ago" keeps its plain year.
"""

from __future__ import annotations

import re
from datetime import date

from storyline.analyse.times.grammar import Match

_QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH_RE = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])$")
_BACK_A_YEAR = {"year-earlier", "year-ago", "same", "comparable", "corresponding"}
_BACK_ONE = {"previous", "prior"}
_LATEST = {"latest", "most recent"}


def is_quarter(value: str | None) -> bool:
    return value is not None and _QUARTER_RE.match(value) is not None


def is_month(value: str | None) -> bool:
    return value is not None and _MONTH_RE.match(value) is not None


def quarter_of(day: date) -> str:
    """The calendar quarter a day falls in ("2021-Q4")."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def shift_quarter(value: str, quarters: int) -> str:
    match = _QUARTER_RE.match(value)
    if match is None:
        raise ValueError(f"not a quarter value: {value!r}")
    index = int(match[1]) * 4 + int(match[2]) - 1 + quarters
    return f"{index // 4}-Q{index % 4 + 1}"


def period_value(m: Match, anchor: str | None, dct: date | None,
                 month: str | None = None) -> str | None:
    """The value of a "period" match, or of "a year ago/earlier", against the anchor quarter.
    With none named, "the latest quarter" is the last one over by the report's date.
    ``month`` is a month the same sentence reported on after that quarter was named."""
    year = m.groups.get("py")
    which = (m.groups.get("which") or m.groups.get("adj") or "").lower()
    if m.groups.get("back"):
        return _a_year_before(m.groups["unit"].lower(), anchor, dct, month)
    if anchor is None and which in _LATEST and dct is not None:
        return shift_quarter(quarter_of(dct), -1)
    if anchor is None:
        return year  # "the 1988 period" with no quarter named is that year; else unknown
    if m.kind == "ago":
        return shift_quarter(anchor, -4)
    if year:  # "the 1988 period": the anchor's quarter in that year
        return f"{year}-Q{anchor[-1]}"
    if which in _BACK_A_YEAR:
        return shift_quarter(anchor, -4)
    if which in _BACK_ONE:
        return shift_quarter(anchor, -1)
    return anchor


def _a_year_before(unit: str, anchor: str | None, dct: date | None,
                   month: str | None) -> str | None:
    """ "sales rose in February from the same period last year": February a year before;
    after "third-quarter profit", the third quarter a year before; else the year before."""
    if month is not None and unit != "quarter":
        return f"{int(month[:4]) - 1}{month[4:]}"
    if anchor is not None and unit != "month":
        return shift_quarter(anchor, -4)
    return str(dct.year - 1) if dct is not None else None


def is_year_back(m: Match) -> bool:
    """ "a year ago", "one year earlier": no qualifier, exactly one year."""
    return (m.kind == "ago" and not m.groups.get("q") and m.groups["unit"].lower() == "year"
            and m.groups["n"].lower() in {"a", "one"})
