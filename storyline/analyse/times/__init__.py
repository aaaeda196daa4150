"""Time expressions normalised against the publication date (DCT), TIMEX3 style.

A grammar of news time expressions (weekdays, month-day dates, months, years, clock times, "next
week", "late last year", "three days ago", durations, sets, seasons, quarters, holidays, "later
that year") finds spans (``grammar``); a news tense rule picks the direction for underspecified
ones (``tense``): a weekday or a month in a clause about the past ("said on Friday") looks back
from the DCT, in a clause about a coming event ("will hold talks on Tuesday") ahead; ``resolve``
turns each into a TIMEX3 value, and phrases told from an earlier date ("the following month",
"two days later") take it from the article (``anaphora``), and a day told from a frame ("the
week of March 6", "the day after Christmas") moves with it (``frames``); a range is its two
ends, the end read in the start's year (``ranges``); a live page's entry is read from its
stamp's day (``live``). Without a DCT, relative expressions keep an unresolved value
(``XXXX-12-07``) or none, never a guessed date.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from spacy.tokens import Doc

from storyline.analyse.times.anaphora import (
    anaphor_value,
    offset_value,
    sentence_day,
    sentence_ends,
    told_part_of_day,
    told_year_date,
)
from storyline.analyse.times.frames import framed
from storyline.analyse.times.grammar import NUMBERS, UNITS, find_matches
from storyline.analyse.times.live import LiveDays
from storyline.analyse.times.period import (
    is_month,
    is_quarter,
    is_year_back,
    period_value,
    quarter_of,
)
from storyline.analyse.times.ranges import with_ranges
from storyline.analyse.times.resolve import coordinated_day, resolve
from storyline.analyse.times.tense import direction
from storyline.models import TimeExpression

__all__ = ["NUMBERS", "UNITS", "normalise_times", "parse_dct"]


def normalise_times(text: str, dct: date | None, doc: Doc | None = None) -> list[TimeExpression]:
    out = []
    anchor = None  # the latest quarter named: what "the quarter" and "a year ago" refer to
    month = None  # the end and value of the latest month reported on, named after that quarter
    days = LiveDays(text, dct)
    weekday = None  # the latest weekday and its value: a day coordinated with it runs on
    starts: dict[int, str | None] = {}  # the value each match was read as, by id
    for m in with_ranges(text, find_matches(text, doc), doc):
        if _title(text, m.start, m.end, m.kind):
            continue
        dct = days.at(m.start)  # a live page's entry is told from its stamp's day
        way = functools.partial(direction, doc, text, m.start, m.lead)
        if not told_part_of_day(m, text, way):
            continue
        value, type_, mod = resolve(m, dct, way, starts.get(id(m.since)))
        value = starts[id(m)] = coordinated_day(value, text, m, weekday, dct)
        if m.kind in {"month", "mdy", "dmy"}:
            value = told_year_date(m, text, value, out, dct)
        if m.kind == "weekday" and value is not None:
            weekday = m, value
        points_to = None
        if offset := offset_value(m, text, value, out, dct):
            (value, points_to), type_ = offset, "DURATION"
        elif m.kind == "anaphor":
            told = anaphor_value(m, out, dct)
            if told is None:
                continue
            value, type_ = told
        elif m.kind == "day_count" and value is None:
            continue
        elif m.kind == "period":
            value = period_value(m, anchor, dct, _same_sentence(text, month, m.start))
            if value is None:
                continue
        elif is_year_back(m) and anchor is not None:
            value = period_value(m, anchor, dct)
        elif m.kind in {"quarter", "relunit"} and is_quarter(value) and _reported(value, dct):
            anchor, month = value, None
        if is_month(value) and (dct is None or value <= dct.isoformat()[:7]):
            month = m.end, value  # "sales rose in February": a month reported on
        if m.kind == "year":
            mod = _year_mod(text, m.start)
        value = sentence_day(m, value, text, out, dct, way)
        start = m.start
        if (frame := framed(text, m.lead, value)) and (not out or out[-1].end <= frame[0]):
            start, value, type_, mod = frame  # "the week of March 6", "the last week of May"
        out.append(TimeExpression(text=text[start : m.end], value=value, type=type_,
                                  start=start, end=m.end, mod=mod, points_to=points_to))
    return out


def _title(text: str, start: int, end: int, kind: str) -> bool:
    """ 'speaking on ABC's "This Week,"', '"Next Week Tonight"', "telling ABC's This Week",
    'visited NBC's “Today”', 'roles in “How the Grinch Stole Christmas,”': words of a time,
    each capitalised, that open a quotation, fill one, end one written in title case, or
    follow a possessive with a capitalised "This", "Next" or "Last", are the title of a
    programme or a work, not a time ("Kim's New Year's Day speech" is a day)."""
    words = text[start:end].split()
    if not words or not all(w[:1].isupper() for w in words):
        return False
    # a quoted holiday is still a day: "'Black Friday' sales"
    opened = text[max(0, start - 1) : start] in _QUOTATION_MARKS and kind != "holiday"
    closing = text[end : end + 1]
    if opened and closing in _QUOTATION_MARKS and not text[end + 1 : end + 2].isalpha():
        return True  # 'NBC's “Today”', "''Today''": the whole quotation
    if _TITLE_END_RE.match(text, end) and _title_case_before(text, start):
        return True
    if len(words) < 2:
        return False
    return (opened
            or (words[0] in _RELATIVE_WORDS
                and _POSSESSIVE_RE.search(text, max(0, start - 4), start) is not None))


def _title_case_before(text: str, start: int) -> bool:
    """Whether a quotation opens shortly before ``start`` with two words or more in title
    case, a capital beyond the first ("Obama on Friday" may open a sentence)."""
    opening = _TITLE_RE.search(text, max(0, start - _TITLE_REACH), start)
    return opening is not None and any(w[:1].isupper() for w in opening.group(1).split()[1:])


_QUOTATION_MARKS = {'"', "“", "‘", "'", "”", "’"}
_TITLE_END_RE = re.compile(r"[,.!?]?[\"”’']")
_TITLE_REACH = 60
# An opening mark, then capitalised words and the small words titles leave in lower case
_TITLE_RE = re.compile(r"[\"“‘']((?:(?:[A-Z][\w'’-]*|a|an|and|at|by|for|from|in|of|on|or|"
                       r"the|to|with)\s+){2,})$")
_RELATIVE_WORDS = {"This", "Next", "Last"}
_POSSESSIVE_RE = re.compile(r"\w['’]s\s+$")


def _same_sentence(text: str, month: tuple[int, str] | None, start: int) -> str | None:
    """The month named earlier in the sentence that ``start`` is in, if any."""
    if month is None or sentence_ends(text, month[0], start):
        return None
    return month[1]


def _reported(quarter: str, dct: date | None) -> bool:
    """Results are reported for a quarter that is over: "fourth-quarter earnings" in a
    November article is an outlook, not the quarter its "the quarter" and "a year ago" mean."""
    return dct is None or quarter < quarter_of(dct)


def _year_mod(text: str, start: int) -> str | None:
    before = text[max(0, start - 6) : start].lower()
    for word, mod in (("early ", "START"), ("late ", "END"), ("mid-", "MID"), ("mid ", "MID")):
        if before.endswith(word):
            return mod
    return None


def parse_dct(published: str | None) -> date | None:
    """The day of an ISO date or datetime string (a publication date), or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
