"""Ranges of dates: "Dec. 7-8", "7-10 December", "2009-2010", "between January and March".

TIMEX3 marks a range as its two ends, each its own expression ("1957-58": "1957" and "58",
valued 1958). The grammar finds whole dates; this step adds the end a compact range leaves as
a bare number, and links each end to its start (``Match.since``) so that the end is read in the
start's year, or the next one if it comes round first ("Dec. 30 - Jan. 2").
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Doc

from storyline.analyse.times.grammar import MONTHS, YEAR, Match, year_in_context

_YEAR_RANGE_RE = re.compile(rf"(?<![$£€\d.,-])\b(?P<y>{YEAR})\s*[-–/]\s*"
                            rf"(?P<y2>{YEAR}|\d{{2}})\b(?![-–/.,:]?\d)")
# "Dec. 7-8, 2021": the day that ends the range, and the year both days share
# ("April 24 and 25", "May 3 to 5": joined by a word, the day must end the phrase, as "April 24
# and 25 people" is a count)
_DAY_AFTER_RE = re.compile(rf"(?:\s*[-–]\s*|\s+(?:and|to|through|or)\s+)(?P<d>\d{{1,2}})\b"
                           r"(?![-–/.,:]\d|\s*(?:%|percent))"
                           rf"(?:,?\s+(?P<y>{YEAR})\b)?")
_PHRASE_END_RE = re.compile(r"\s*(?:[,.;:)!?]|$)|\s+(?:and|in|at|on|when|before|after)\s")
_DAY_BEFORE_RE = re.compile(r"(?<![\d.,:/$£€-])\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*[-–]\s*$")
# Two whole dates joined as one span: "from January to March", "Dec. 30 - Jan. 2"
_JOINED_RE = re.compile(r"\s*(?:[-–—]|\s(?:to|through|until|till)\s)\s*")
_BETWEEN_AND_RE = re.compile(r"\s+and\s+")
_COORDINATED_RE = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)(?:in\s+)?")
_DATE_KINDS = {"mdy", "dmy", "month"}
MAX_YEARS = 50  # "2009-2010" is a range; "1990-2100" is no news span


def with_ranges(text: str, matches: list[Match], doc: Doc | None = None) -> list[Match]:
    """``matches`` (in text order) with the missing ends of compact ranges added and each end
    of a range linked to its start."""
    out = sorted(matches + _year_ranges(text, matches, doc), key=lambda m: m.start)
    added: list[Match] = []
    for i, match in enumerate(out):
        end = _day_after(text, match)
        if end is not None and (i + 1 == len(out)
                                or out[i + 1].start >= end.start + len(end.groups["d"])):
            match.groups = {**match.groups, "y": end.groups["y"]}  # "Dec. 7-8, 2021"
            added.append(end)
        start = _day_before(text, match)
        if start is not None and (i == 0 or out[i - 1].end <= start.lead):
            match.since = start
            added.append(start)
    # the year of "Dec. 7-8, 2021" is part of the end's span, not an expression of its own
    kept = [m for m in out if not any(a.start < m.start and m.end <= a.end for a in added)]
    out = sorted(kept + added, key=lambda m: m.start)
    for first, second in pairwise(out):
        if (second.since is None and first.kind in _DATE_KINDS and second.kind in _DATE_KINDS
                and _joined(text, first, second)):
            second.since = first
            if not first.groups.get("y") and (year := _start_year(first, second)):
                first.groups = {**first.groups, "y": year}
    # "in March and April 2009", "in May, June or July last year": months in the order of the
    # calendar take the year of the last (read from the end, so that a list passes it along)
    for first, second in reversed(list(pairwise(out))):
        if (first.kind in _DATE_KINDS and second.kind in _DATE_KINDS and first.since is None
                and second.since is None and not first.groups.get("y")
                and _month_of(first) <= _month_of(second)
                and _COORDINATED_RE.fullmatch(text, first.end, second.lead)
                and (year := _start_year(first, second))):
            first.groups = {**first.groups, "y": year}
    return out


def _month_of(m: Match) -> int:
    return MONTHS[m.groups["mon"].lower().rstrip(".")]


def _start_year(first: Match, second: Match) -> str | None:
    """ "between April 16 and May 28 2004": the start is in the end's year, or the one before
    where its month comes later ("from December to March 2013"); "from May to July last
    year": a month is in the year its end names, told the same way."""
    end = second.groups.get("y") or ""
    months = [_month_of(m) for m in (first, second)]
    if re.fullmatch(YEAR, end):
        return str(int(end) - (months[0] > months[1]))
    if end and first.kind == "month" and months[0] <= months[1]:
        return end
    return None


def _joined(text: str, first: Match, second: Match) -> bool:
    between = text[first.end : second.lead]
    if _JOINED_RE.fullmatch(between):
        return True
    return (_BETWEEN_AND_RE.fullmatch(between) is not None
            and text[max(0, first.lead - 8) : first.lead].lower().rstrip().endswith("between"))


def _year_ranges(text: str, matches: list[Match], doc: Doc | None) -> list[Match]:
    found = []
    for m in _YEAR_RANGE_RE.finditer(text):
        if any(x.start < m.end() and m.start() < x.end for x in matches):
            continue
        first, last = int(m["y"]), m["y2"]
        end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if len(last) == 2 and end <= first:
            end += 100  # "1999-00"
        if not 0 < end - first <= MAX_YEARS or not year_in_context(text, m.start(), doc):
            continue
        start = Match(m.start("y"), m.end("y"), "year", {"y": m["y"]}, m.start())
        found += [start, Match(m.start("y2"), m.end("y2"), "year", {"y": str(end)},
                               m.start("y2"), since=start)]
    return found


def _day_after(text: str, match: Match) -> Match | None:
    """The bare day that ends "Dec. 7-8", with the year after it if any ("Dec. 7-8, 2021")."""
    if match.kind != "mdy" or match.groups.get("y"):
        return None
    after = _DAY_AFTER_RE.match(text, match.end)
    if after is None or not int(match.groups["d"]) < int(after["d"]) <= 31:
        return None
    if (after.group(0).lstrip()[:1].isalpha() and not after["y"]
            and not _PHRASE_END_RE.match(text, after.end())):
        return None
    return Match(after.start("d"), after.end(), "mdy",
                 {**match.groups, "d": after["d"], "y": after["y"]}, after.start("d"),
                 since=match)


def _day_before(text: str, match: Match) -> Match | None:
    """The bare day that starts "7-10 December"."""
    if match.kind != "dmy":
        return None
    before = _DAY_BEFORE_RE.search(text, max(0, match.lead - 8), match.lead)
    if before is None or not 1 <= int(before["d"]) < int(match.groups["d"]):
        return None
    return Match(before.start("d"), before.end("d"), "dmy", {**match.groups, "d": before["d"]},
                 before.start("d"))
