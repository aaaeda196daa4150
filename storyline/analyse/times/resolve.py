"""TIMEX3 values for matched expressions, anchored on the publication date (DCT).

An expression without a year or a direction ("in October", "Friday") is placed by the tense of
its clause; a month or date is compared with the DCT at month granularity, so a report of
"Nov. 6" published on Nov. 2 stays in the same year whatever the tense.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from storyline.analyse.times.grammar import (
    COUPLE,
    DECADE_WORDS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    UNITS,
    VAGUE_AMOUNTS,
    WEEKDAYS,
    Match,
    clock_hour,
    numeric_readings,
)
from storyline.analyse.times.tense import NEAREST

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_STARTS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # the month each season begins
_DATED_RE = re.compile(r"^\d{4}-\d{2}")  # a month or a day of a known year
_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# Holidays by name, written without apostrophes or full stops ("new years eve").
HOLIDAYS = {"new years eve": (12, 31), "new years day": (1, 1), "new year": (1, 1),
            "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
            "boxing day": (12, 26), "halloween": (10, 31), "valentines day": (2, 14),
            "independence day": (7, 4), "fourth of july": (7, 4), "bastille day": (7, 14),
            "canada day": (7, 1), "australia day": (1, 26), "anzac day": (4, 25),
            "st patricks day": (3, 17), "saint patricks day": (3, 17),
            "april fools day": (4, 1), "armistice day": (11, 11), "veterans day": (11, 11),
            "remembrance day": (11, 11)}
# Holidays on the n-th weekday (Monday = 0) of a month: US federal ones, and the Sundays
# kept in the US and Britain alike.
_NTH_WEEKDAY = {"martin luther king day": (1, 0, 3), "martin luther king jr day": (1, 0, 3),
                "mlk day": (1, 0, 3), "presidents day": (2, 0, 3), "columbus day": (10, 0, 2),
                "labor day": (9, 0, 1), "fathers day": (6, 6, 3), "remembrance sunday": (11, 6, 2),
                "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4)}
MODS = {"early": "START", "beginning": "START", "start": "START", "mid": "MID",
        "middle": "MID", "late": "END", "end": "END"}
QUALIFIER_MODS = {"more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
                  "at least": "EQUAL_OR_MORE", "nearly": "LESS_THAN", "almost": "LESS_THAN",
                  "less than": "LESS_THAN", "just under": "LESS_THAN", "up to": "EQUAL_OR_LESS",
                  "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "some": "APPROX"}
# Decades are told in years, as "two decades" is P20Y.
_VAGUE_UNITS = {"seconds": "PTXS", "minutes": "PTXM", "hours": "PTXH", "days": "PXD",
                "weeks": "PXW", "months": "PXM", "years": "PXY", "decades": "PXY"}
_PAST_RELS = {"last": -1, "past": -1, "previous": -1}
AHEAD = {"future", "present"}
NEAR_DAYS = 45  # a month and day this close to the DCT is that occurrence, whatever the tense
NEAR_HOLIDAY_DAYS = 7  # a holiday this few days off is that one, whatever the tense
Value = tuple[str | None, str, str | None]  # value, type, mod
Way = Callable[[], str | None]


def holiday_key(name: str) -> str:
    """A holiday's name as the tables write it: "St. Patrick’s Day" is "st patricks day"."""
    return re.sub(r"['’.]", "", name.lower())


def week_of(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def pick_year(dct: date, month: int, way: str | None) -> int:
    """Year of a month (or a date in it) given without one: the past looks back from the DCT's
    month, the future ahead, and with no tense the nearest such month wins (the earlier one
    when both are six months off: news tells more of what was than of what will be)."""
    if way == "past":
        return dct.year if month <= dct.month else dct.year - 1
    if way == "future":
        return dct.year if month >= dct.month else dct.year + 1
    return min((dct.year - 1, dct.year, dct.year + 1),
               key=lambda y: (abs((y - dct.year) * 12 + month - dct.month), y))


def _weekday(dct: date, weekday: int, rel: str | None, way: str | None) -> date:
    delta = (dct.weekday() - weekday) % 7
    latest = dct - timedelta(days=delta)  # on or before the DCT
    if rel in {"last", "past"}:
        return latest if delta else latest - timedelta(days=7)
    if rel in {"next", "coming"}:
        return latest + timedelta(days=7)
    if rel == "this":
        return dct + timedelta(days=weekday - dct.weekday())
    if way in AHEAD:  # "will meet on Tuesday", "meets on Tuesday"
        return latest if delta == 0 else latest + timedelta(days=7)
    if way == NEAREST and delta > 3:  # "the board was to meet on Monday", told on a Sunday
        return latest + timedelta(days=7)
    return latest


def relative_unit(dct: date, unit: str, offset: int) -> str:
    if unit in {"week", "weekend"}:
        value = week_of(dct + timedelta(weeks=offset))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        y, m = _shift_month(dct, offset)
        return f"{y}-{m:02d}"
    if unit == "quarter":
        y, m = _shift_month(dct, 3 * offset)
        return f"{y}-Q{(m - 1) // 3 + 1}"
    if unit == "decade":
        return str((dct.year + 10 * offset) // 10)
    if unit == "century":
        return str((dct.year + 100 * offset) // 100)
    return str(dct.year + offset)


def _year_word(text: str | None, dct: date | None) -> str | None:
    if text is None:
        return None
    if text[0].isdigit():
        return text
    relative = {"last year": -1, "this year": 0, "next year": 1}.get(text.lower())
    if relative is None:
        return spoken_year(text)
    return str(dct.year + relative) if dct is not None else None


def spoken_year(text: str) -> str:
    """ "nineteen ninety-six" → "1996", "the year two thousand and one" → "2001"."""
    words = text.lower().replace("-", " ").split()
    if words[0] == "nineteen":
        return str(1900 + sum(NUMBERS[w] for w in words[1:]))
    rest = [w for w in words[words.index("thousand") + 1 :] if w != "and"]
    return str(2000 + sum(NUMBERS[w] for w in rest))


def amount_of(text: str) -> int | None:
    text = text.lower()
    if text in VAGUE_AMOUNTS:
        return None
    if text in NUMBERS:
        return NUMBERS[text]
    if text in COUPLE:
        return COUPLE[text]
    tens, _, unit = text.replace("-", " ").partition(" ")
    if tens in NUMBERS and unit in NUMBERS:  # "twenty-four"
        return NUMBERS[tens] + NUMBERS[unit]
    try:
        return round(float(text))
    except ValueError:
        return None


def duration(amount: str, unit: str) -> str:
    if unit in {"second", "minute", "hour"}:
        return f"PT{amount}{UNITS[unit]}"
    if amount != "X" and unit in {"fortnight", "decade", "century"}:
        factor, code = {"fortnight": (2, "W"), "decade": (10, "Y"), "century": (100, "Y")}[unit]
        return f"P{float(amount) * factor:g}{code}"  # "2.5 decades" is P25Y
    return f"P{amount}{UNITS.get(unit, 'X')}"


def resolve(m: Match, dct: date | None, way: Way, start: str | None = None) -> Value:
    """(value, type, mod) of one match; ``start`` is the value already given to the start of
    the range it ends, read in its own clause ("was chairman from June until August": August
    follows that June, though "until" alone would look ahead)."""
    value = _RESOLVERS[m.kind](m.groups, dct, way, m)
    if m.since is not None and not m.groups.get("y"):
        return _after_start(value, start or resolve(m.since, dct, way)[0])
    return value


def _after_start(end: Value, start: str | None) -> Value:
    """The end of a range is in its start's year, or the next if it comes round first:
    "between January and March", "Dec. 30 - Jan. 2"."""
    value, type_, mod = end
    if not value or not start or not _DATED_RE.match(value) or not _DATED_RE.match(start):
        return end
    rest = value[4:]
    year = int(start[:4]) + (rest < start[4 : len(value)])
    return f"{year}{rest}", type_, mod


def _numeric(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    """ "12/03/2021": where both orders give a date, the one within NEAR_DAYS of the DCT
    (news dates its events near the day it is written: December 3 in a December article, March
    12 in a March one), else month first, the usage of American wires ("9/11/2001")."""
    readings = numeric_readings(g, dct.year if dct else None)
    if dct is not None:
        near = sorted((abs((d - dct).days), d) for d in readings
                      if abs((d - dct).days) <= NEAR_DAYS)
        if near:
            return near[0][1].isoformat(), "DATE", None
    return readings[0].isoformat(), "DATE", None


def _iso(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    return f"{g['y']}-{g['m']}-{g['d']}", "DATE", None


def _month_day(g: dict, dct: date | None, way: Way, m: Match, weekday: int | None = None
               ) -> Value:
    month, day = MONTHS[g["mon"].lower().rstrip(".")], int(g["d"])
    if not 1 <= day <= 31:
        return None, "DATE", None
    if g.get("y"):
        return f"{g['y']}-{month:02d}-{day:02d}", "DATE", None
    if dct is None:
        return f"XXXX-{month:02d}-{day:02d}", "DATE", None
    if g.get("rel"):
        return _told_day(dct, month, day, g["rel"].lower() == "last"), "DATE", None
    if g.get("known_event") or (g.get("entry") and way() != "future"):
        # "a probe into the April 20 explosion", a chronology's "Feb. 26 - The Council
        # imposes sanctions": what has been, whatever the tense
        return f"{pick_year(dct, month, 'past')}-{month:02d}-{day:02d}", "DATE", None
    year = _near_year(dct, month, day) or pick_year(dct, month, way())
    if weekday is not None:  # "Friday, Oct. 13": the year in which that date is a Friday
        fits = [y for y in (year, year - 1, year + 1) if _weekday_of(y, month, day) == weekday]
        year = fits[0] if fits else year
    return f"{year}-{month:02d}-{day:02d}", "DATE", None


def _told_day(dct: date, month: int, day: int, last: bool) -> str | None:
    """ "last February 28": the latest such day before the DCT; "next March 3" the first after."""
    days = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            days.append(date(year, month, day))
        except ValueError:
            continue
    chosen = max((d for d in days if d < dct), default=None) if last else min(
        (d for d in days if d > dct), default=None)
    return chosen.isoformat() if chosen else None


def _ordinal_day(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    """ "on the 24th": that day of the DCT's month, or of the month before (a past day after
    the DCT's) or after (a coming one before it); with no tense, the nearest."""
    day = int(g["d"])
    if not 1 <= day <= 31:
        return None, "DATE", None
    if dct is None:
        return f"XXXX-XX-{day:02d}", "DATE", None
    direction = way()
    readings = []
    for shift in (-1, 0, 1):
        year, month = _shift_month(dct, shift)
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    if direction == "past":
        readings = [d for d in readings if d <= dct] or readings
    elif direction in AHEAD:
        readings = [d for d in readings if d >= dct] or readings
    return min(readings, key=lambda d: abs((d - dct).days)).isoformat(), "DATE", None


def _near_year(dct: date, month: int, day: int) -> int | None:
    """The year of a day within NEAR_DAYS of the DCT: "the offer expired Nov. 16" in an
    article of Oct. 30 names the coming Nov. 16 whatever the tense of its clause."""
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            if abs((date(year, month, day) - dct).days) <= NEAR_DAYS:
                return year
        except ValueError:
            continue
    return None


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def holiday_date(name: str, year: int) -> date:
    """The day a holiday falls on in ``year`` (US rules for Thanksgiving and the shopping days
    after it, Labor, Memorial and Election Day)."""
    name = holiday_key(name)
    if name in HOLIDAYS:
        return date(year, *HOLIDAYS[name])
    if name in _NTH_WEEKDAY:
        month, weekday, nth = _NTH_WEEKDAY[name]
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    if name in {"black friday", "cyber monday"}:  # the shopping days after Thanksgiving
        return holiday_date("thanksgiving", year) + timedelta(days=1 if name == "black friday"
                                                               else 4)
    if name == "election day":  # the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    if name == "memorial day":  # the last Monday of May
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    return _easter(year) + timedelta(days=_FROM_EASTER.get(name, 0))


# Days reckoned from Easter Sunday.
_FROM_EASTER = {"shrove tuesday": -47, "ash wednesday": -46, "palm sunday": -7,
                "maundy thursday": -3, "holy thursday": -3, "good friday": -2,
                "holy saturday": -1, "easter monday": 1, "pentecost": 49, "whit sunday": 49,
                "whitsunday": 49, "whit monday": 50}


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lx = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lx) // 451
    month, day = divmod(h + lx - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    name = g["h"]
    year = g.get("yh") or _year_word(g.get("hy"), dct)
    if year is not None:  # "Christmas 2012", "the 2015 New Year's Eve", "Easter of 1916"
        day = holiday_date(name, int(year))
    elif dct is None:
        fixed = HOLIDAYS.get(holiday_key(name))
        return (f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else None), "DATE", None
    else:
        rel = (g.get("rel") or "").lower()
        direction = {"last": "past", "next": "future"}.get(rel) or way()
        nearest = min((holiday_date(name, y) for y in (dct.year - 1, dct.year, dct.year + 1)),
                      key=lambda d: abs((d - dct).days))
        day = holiday_date(name, dct.year)
        # A holiday a few days ahead is the coming one whatever the tense ("the Saturday
        # before Christmas" in an article of Dec. 23, "as Holy Week began"), and one a few
        # days past is the one a present clause is about ("the attacks on New Year's Eve are
        # being investigated" on Jan. 5); what "will" happen on it is next year's.
        gap = (nearest - dct).days
        # "follows the Bastille Day attack", told nine days on: an event a present clause
        # names by its holiday is the nearest
        if (direction in {None, NEAREST} or 0 <= gap <= NEAR_HOLIDAY_DAYS
                or (direction == "present" and (gap >= -NEAR_HOLIDAY_DAYS or g.get("qualifies")))):
            day = nearest  # and with no tense the nearest ("declines over Memorial Day")
        elif direction == "past" and day > dct:
            day = holiday_date(name, dct.year - 1)
        elif direction in AHEAD and day < dct:
            day = holiday_date(name, dct.year + 1)
    return (week_of(day) if name.lower() in _HOLIDAY_WEEKS else day.isoformat()), "DATE", None


# Weeks named after a holiday: the ISO week (Monday to Sunday) that ends on Easter Sunday.
_HOLIDAY_WEEKS = {"holy week", "easter week"}


def _edge(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    if g.get("ye"):  # "by year-end": this year's; "since year-end": the last one
        since = g["prep"].strip().lower() == "since"
        return (str(dct.year - since) if dct else None), "DATE", "END"
    mod = MODS[g["edge"].lower()]
    if g.get("mon"):
        month = MONTHS[g["mon"].lower()]
        year = g.get("y") or (_month_year(month, dct, way, g) if dct else "XXXX")
        return f"{year}-{month:02d}", "DATE", mod
    if g.get("year"):
        return g["year"], "DATE", mod
    if dct is None:
        return None, "DATE", mod
    offset = {"this": 0, "the": 0, "next": 1, "last": -1}[g["rel"].lower()]
    return relative_unit(dct, g["unit"].lower(), offset), "DATE", mod


def _month(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    month = MONTHS[g["mon"].lower().rstrip(".")]
    mod = MODS.get((g.get("mod") or "").lower())
    year = _year_word(g.get("y"), dct)
    rel = (g.get("rel") or "").lower()
    if year is None and dct is not None and rel:
        if rel == "last":  # "last February" told in March is not last month: a year before
            year = str(dct.year if month < dct.month - 1 else dct.year - 1)
        elif rel == "next":
            year = str(dct.year if month > dct.month else dct.year + 1)
        else:
            year = str(dct.year)
    if year is None:
        year = _month_year(month, dct, way, g) if dct else "XXXX"
    return f"{year}-{month:02d}", "DATE", mod


def _month_year(month: int, dct: date, way: Way, g: dict) -> str:
    """The year of a month named without one: the month after the DCT's is the coming one
    whatever the tense ("extended the deadline to the end of May" in April), unless "since"
    points back; any other by its clause's tense (``pick_year``), except the month of a report
    (over, whatever the verb) or of another event a past verb tells of (the nearest)."""
    if (month - dct.month) % 12 == 1 and not g.get("since"):
        return str(dct.year + (month < dct.month))
    direction = way()
    if (g.get("qualifies") in _REPORTS or g.get("known_event")
            or (g.get("qualifies") and g.get("over"))):
        # "will file their February reports": the month reported on; "said at a February
        # hearing", "still down from the March high": the event is over
        direction = "past"
    elif g.get("qualifies") and direction == "past":
        # "suggested a February launch": the event's month, which a past verb does not tell
        direction = None  # (a coming one does: "if the November election goes their way")
    return str(pick_year(dct, month, direction))


# Nouns of what is told about a month once it is over: "the November jobs report".
_REPORTS = {"report", "figure", "datum", "data", "result", "sale", "number", "statistic",
            "earning", "earnings"}


def _offset(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    """ "three days ago", "a year earlier", "in two weeks", "a week or so ago" (about)."""
    n = amount_of(g["n"])
    unit = g["unit"].lower()
    mod = QUALIFIER_MODS.get((g.get("q") or "").lower()) or ("APPROX" if g.get("about") else None)
    if n is None:
        return ("PAST_REF" if m.kind == "ago" else "FUTURE_REF"), "DATE", None
    if dct is None:
        return None, "DATE", mod
    n = n if m.kind == "in_n" else -n
    if unit == "day":
        return (dct + timedelta(days=n)).isoformat(), "DATE", mod
    if unit in {"week", "fortnight"}:
        return week_of(dct + timedelta(weeks=n * (2 if unit == "fortnight" else 1))), "DATE", mod
    if unit in {"month", "year", "quarter", "decade", "century"}:
        return relative_unit(dct, unit, n), "DATE", mod
    return None, "DATE", mod


def _clock(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    if g.get("named"):
        hhmm = "24:00" if g["named"].lower() == "midnight" else "12:00"
    else:
        hour = clock_hour(g.get("hh") or g.get("hh2") or g.get("hh3") or g.get("hh4") or "0")
        minute = int(g.get("mm") or g.get("mm2") or g.get("mm3") or g.get("mm4") or 0)
        half = (g.get("half") or "").lower()  # "4 in the morning" is a.m., "6 in the evening" p.m.
        ampm = (g.get("ampm") or ("a" if half == "morning" else "p" if half else "")).lower()
        if not ampm and _later_part(m.day, hour):
            ampm = "p"  # "at 3:15 Thursday afternoon", "at 9 tonight"
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour > 24 or minute > 59:
            return None, "TIME", None
        hhmm = f"{hour:02d}:{minute:02d}"
    if m.day is not None:
        day, _, _ = resolve(m.day, dct, way)
        day = day[:10] if day else None  # the day of "10pm tonight" (…TNI) or "Friday"
    elif g.get("recurring"):
        day = None  # "broadcast daily at 0910 local time": no one day's
    else:
        day = dct.isoformat() if dct else None
    if (g.get("zone") or "") in {"GMT", "UTC"}:
        hhmm += "Z"  # ISO 8601's mark for universal time
    if day is None or not _DAY_RE.fullmatch(day):
        return f"XXXX-XX-XXT{hhmm}", "TIME", None
    return f"{day}T{hhmm}", "TIME", None


def _later_part(day: Match | None, hour: int) -> bool:
    """Whether the day a bare clock time is told with names the part of it after noon that
    the hour falls in: "3:15 Thursday afternoon", "9 tonight" (not "2 Saturday night")."""
    if day is None:
        return False
    groups = day.groups
    part = (groups.get("part") or ("night" if (groups.get("w") or "").lower() == "tonight"
                                   else "")).lower()
    return part in {"afternoon", "evening"} or (part == "night" and 6 <= hour < 12)


def _weekday_value(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    weekday = WEEKDAYS[g["wd"].lower()]
    part = "night" if g.get("overnight") else g.get("part")
    if m.day is not None:  # "Saturday, April 25", "Saturday afternoon (April 25)"
        told = _month_day(m.day.groups, dct, way, m.day, weekday)
        if part and told[0] is not None and _DAY_RE.fullmatch(told[0]):
            return f"{told[0]}T{PARTS_OF_DAY[part.lower()]}", "TIME", None
        return told
    if g.get("plural") or g.get("parts"):  # "on Mondays", "on Tuesday nights"
        part_of_day = f"T{PARTS_OF_DAY[part.lower()]}" if part else ""
        return f"XXXX-WXX-{weekday + 1}{part_of_day}", "SET", None
    if dct is None:
        return f"XXXX-WXX-{weekday + 1}", "DATE", None
    rel = (g.get("rel") or "").lower() or None
    # "Tuesday's declaration", "Tuesday night's explosion" name a day that has been; "before
    # Monday's caucuses" the nearest such day.
    possessed = g.get("poss") or g.get("part_poss")
    if g.get("ahead"):
        told = NEAREST
    elif possessed:
        told = NEAREST if way() in {"future", NEAREST} else "past"
    else:
        told = way()
    day = _weekday(dct, weekday, rel, None if rel else told)
    if part:
        return f"{day.isoformat()}T{PARTS_OF_DAY[part.lower()]}", "TIME", None
    return day.isoformat(), "DATE", MODS.get((g.get("mod") or "").lower())


_DAY_COORDINATION_RE = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:on\s+)?$", re.I)


def coordinated_day(value: str | None, text: str, m: Match, earlier: tuple[Match, str] | None,
                    dct: date | None) -> str | None:
    """A weekday coordinated with a coming one just before it is coming too: told on a Tuesday
    of a plan for "Friday and Saturday", the Saturday is the one after that Friday, not the
    one before the report."""
    if (earlier is None or dct is None or m.kind != "weekday" or value is None
            or not _DAY_RE.match(value) or not _DAY_RE.match(earlier[1])):
        return value
    first, first_value = earlier
    if first.end >= m.lead or not _DAY_COORDINATION_RE.fullmatch(text, first.end, m.lead):
        return value
    day = date.fromisoformat(value[:10])
    if date.fromisoformat(first_value[:10]) <= dct or day > dct:
        return value
    return (day + timedelta(days=7)).isoformat() + value[10:]


def _weeks_ago_weekday(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    if dct is None:
        return None, "DATE", None
    latest = _weekday(dct, WEEKDAYS[g["wd"].lower()], None, "past")
    return (latest - timedelta(weeks=amount_of(g["n"]) or 1)).isoformat(), "DATE", None


def _relday(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    """ "today", "the day before yesterday"; "overnight" is the night before the report."""
    if dct is None:
        return None, "DATE", None
    if g.get("far"):
        shift = -2 if "before" in g["far"].lower() else 2
        return (dct + timedelta(days=shift)).isoformat(), "DATE", None
    word = g["w"].lower()
    if word in {"tonight", "overnight"}:
        night = dct - timedelta(days=word == "overnight" and way() != "future")
        return f"{night.isoformat()}TNI", "TIME", None
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
    mod = MODS.get((g.get("mod") or "").lower())  # "late yesterday"
    return (dct + timedelta(days=shift)).isoformat(), "DATE", mod


def _partday(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    """ "this morning", "last night" (the night before the report), "tomorrow evening"; "in
    the afternoon" is the report's day here (``sentence_day`` moves it to the day told)."""
    mod = MODS.get((g.get("mod") or "").lower())
    if dct is None:
        return None, "TIME", mod
    rel = (g.get("rel") or "today").lower()
    day = dct + timedelta(days={"this": 0, "today": 0, "tomorrow": 1}.get(rel, -1))
    return f"{day.isoformat()}T{PARTS_OF_DAY[g['part'].lower()]}", "TIME", mod


def _relunit(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    rel, unit = g["rel"].lower(), g["unit"].lower()
    mod = MODS.get((g.get("mod") or "").lower())
    if dct is None:
        return None, "DATE", mod
    offset = _PAST_RELS.get(rel, 1 if rel in {"next", "coming"} else 0)
    if rel == "this" and unit == "weekend" and dct.weekday() < 3 and way() == "past":
        # "troops cleared barricades this weekend", told early in the week: the one gone.
        # From Thursday a past verb more often reports a plan for the coming one ("said it
        # would pump mud by this weekend").
        offset = -1
    return relative_unit(dct, unit, offset), "DATE", mod


def _far_week(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    if dct is None:
        return None, "DATE", None
    offset = 2 if g["far"].lower().startswith("after") else -2
    return relative_unit(dct, g["unit"].lower(), offset), "DATE", None


def _weekend(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    """ "over the weekend": the one before a weekday DCT unless the clause looks ahead; on a
    Monday the one just over unless it is told as still to come ("will rally at the weekend"),
    as a Monday report's present ("is the second climber to die at the weekend") tells it."""
    if dct is None:
        return None, "DATE", None
    ahead = {"future"} if dct.weekday() == 0 else AHEAD
    back = dct.weekday() < 5 and way() not in ahead
    return week_of(dct - timedelta(weeks=1 if back else 0)) + "-WE", "DATE", None


def _ref(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    unit = g.get("unit") or g.get("lasting") or g.get("bare")
    if unit:  # "recent years", "within weeks", "minutes later": an unknown number of them
        return _VAGUE_UNITS[unit.lower()], "DURATION", None
    words = re.split(r"[\s-]+", (g.get("w2") or g.get("w3") or g.get("w4") or g.get("w5")
                                 or "").lower())
    word = "then" if words[0] == "then" else words[-1]  # "the then current price": the past
    if word in {"future", "term", "later"}:
        return "FUTURE_REF", "DATE", None
    if word in {"recently", "recent", "past", "then", "earlier"}:
        return "PAST_REF", "DATE", None
    return "PRESENT_REF", "DATE", None


def _season(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    season = SEASONS[(g.get("season") or g.get("fall") or "").lower()]
    rel = (g.get("rel") or g.get("rel2") or "").lower()
    if g.get("y"):
        return f"{_year_word(g['y'], dct)}-{season}", "DATE", None
    if dct is None:
        return f"XXXX-{season}", "DATE", None
    year = dct.year + {"last": -1, "next": 1}.get(rel, 0)
    start = SEASON_STARTS[season]
    if rel == "past":  # the latest one begun before the report
        year = dct.year if start < dct.month else dct.year - 1
    elif rel == "coming":
        year = dct.year if start > dct.month else dct.year + 1
    elif not rel and not g.get("subject"):  # "since the spring" told in February: last
        direction = way()  # year's; "in the spring" told in October of a plan, next year's
        if direction == "past" and start > dct.month:
            year -= 1
        elif direction == "future" and season != "WI" and start + 2 < dct.month:
            year += 1
    return f"{year}-{season}", "DATE", MODS.get(rel)


def _quarter(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    if g.get("q"):
        q = int(g["q"])
    elif g.get("final"):  # "the final quarter of 2009"
        q = 4
    else:
        word = g["ord"].lower()
        q = ["first", "second", "third", "fourth"].index(word) + 1 if word[0].isalpha() \
            else int(word[0])
    named = g.get("y") or g.get("y2") or g.get("y3") or (g.get("ry") and f"{g['ry']} year")
    year = _year_word(named, dct)
    if year is None and dct is not None:
        current = (dct.month - 1) // 3 + 1
        # Quarters are reported once over: a later quarter than the DCT's is last year's
        # unless the clause looks ahead; "the year-ago third quarter" is a year before that.
        back = g.get("back") is not None
        year = str(dct.year - back - (q > current and (back or way() not in AHEAD)))
    return f"{year or 'XXXX'}-Q{q}", "DATE", None


def _decade(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    mod = MODS.get((g.get("mod") or "").lower())
    if g.get("dec"):
        return g["dec"][:3], "DATE", mod
    digit = g.get("short") or str(DECADE_WORDS[g["word"].lower()])
    # "the '90s", "the nineties": the last such decade before the publication date
    century = (dct.year // 100) if dct else 19
    if dct is not None and int(f"{century}{digit}0") > dct.year:
        century -= 1
    return f"{century}{digit}", "DATE", mod


def _half(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    year = g.get("y") or (str(dct.year + {"last": -1, "next": 1}.get(g["rel"].lower(), 0))
                          if dct else "XXXX")
    return f"{year}-H{1 if g['which'].lower() == 'first' else 2}", "DATE", None


def _set(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    unit = (g.get("unit") or "").lower()
    if unit in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[unit] + 1}", "SET", None
    if g.get("smon"):  # "each July": that month of every year
        return f"XXXX-{MONTHS[g['smon'].lower()]:02d}", "SET", None
    if g.get("sseason"):
        return f"XXXX-{SEASONS[g['sseason'].lower()]}", "SET", None
    adverb = (g.get("adv") or "").lower()
    if adverb == "hourly":
        return "PT1H", "SET", None
    letter = {"daily": "D", "weekly": "W", "monthly": "M", "annually": "Y", "yearly": "Y"}.get(
        adverb) or UNITS.get(unit, "X")
    # "every other week": P2W; "every five years": P5Y (decades in years)
    n = 2 if g.get("other") else amount_of(g["every_n"]) if g.get("every_n") else 1
    if unit == "decade":
        n, letter = n * 10, "Y"
    return f"P{n}{letter}", "SET", None


# "2 1/2 years" is P2Y6M: half of a unit, in the next smaller one.
_HALF = {"year": "6M", "day": "T12H", "hour": "30M", "minute": "30S"}


_DECIMAL_RE = re.compile(r"\d+\.\d+")


def _duration(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    n = amount_of(g["n"])
    unit = g["unit"].lower()
    mod = QUALIFIER_MODS.get((g.get("q") or "").lower())
    # ISO 8601 keeps a decimal amount ("1.5 years" P1.5Y, "9.58 seconds" PT9.58S)
    amount = g["n"] if _DECIMAL_RE.fullmatch(g["n"]) else "X" if n is None else str(n)
    if n is not None and (g.get("half") or g.get("and_half")):
        # a half in the next smaller unit where it is a whole one; else a decimal amount
        # ("two and a half weeks" P2.5W, "1 1/2 decades" P15Y)
        if unit in _HALF:
            return duration(amount, unit) + _HALF[unit], "DURATION", mod
        return duration(f"{n}.5", unit), "DURATION", mod
    return duration(amount, unit), "DURATION", mod


_HALF_OF = {"minute": "PT30S", "hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y",
            "century": "P50Y"}


def _half_unit(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    return _HALF_OF[g["unit"].lower()], "DURATION", QUALIFIER_MODS.get((g.get("q") or "").lower())


def _unit_long(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    return duration("1", g["unit"].lower()), "DURATION", None


def _year_ended(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    return "P1Y", "DURATION", None


def _year(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    return g["y"], "DATE", None


def _spoken_year(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    return spoken_year(g["y"]), "DATE", None


def _the_year(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    return (str(dct.year) if dct else None), "DATE", None


def _day_count(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    """ "It is the third day of the strike", "stocks fell for a second straight day": the day
    of the report. Told otherwise in the past ("on the second day of talks"), it counts from
    a start the text may not give, so it has no value (and ``normalise_times`` leaves it
    out)."""
    if dct is None or (way() != "present" and not g.get("prep")):
        return None, "DATE", None
    return dct.isoformat(), "DATE", None


def _new_year(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    """ "the new year" is the one that begins nearest the report: the coming one from July,
    else the one under way ("early in the new year" told on December 23 is next year)."""
    if dct is None:
        return None, "DATE", None
    return str(dct.year + (dct.month >= 7)), "DATE", None


def _century(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    """ "the 20th century" is the 1900s: TIMEX3 writes its first two digits, "19"."""
    n = int(g["n"]) if g.get("n") else ORDINALS[g["word"].lower().replace("-", " ")]
    return f"{n - 1:02d}", "DATE", MODS.get((g.get("mod") or "").lower())


def _later(g: dict, dct: date | None, way: Way, m: Match) -> Value:
    """ "the quarter", "the year-ago period", "that day": valued by what the article said
    before (``period``, ``anaphora``)."""
    return None, "DATE", None


_RESOLVERS: dict[str, Callable[[dict, date | None, Way, Match], Value]] = {
    "iso": _iso, "numeric": _numeric, "mdy": _month_day, "dmy": _month_day,
    "holiday": _holiday, "edge": _edge, "ordinal_day": _ordinal_day,
    "month": _month, "ago": _offset, "in_n": _offset, "clock": _clock,
    "weekday": _weekday_value, "weeks_ago_weekday": _weeks_ago_weekday, "relday": _relday,
    "partday": _partday, "relunit": _relunit,
    "vague": _ref, "half": _half,
    "weekend": _weekend, "far_week": _far_week, "ref": _ref, "season": _season, "quarter": _quarter,
    "period": _later, "anaphor": _later, "decade": _decade, "set": _set, "duration": _duration,
    "unit_shared": _duration, "unit_long": _unit_long,
    "year_ended": _year_ended, "year": _year, "old_year": _year, "the_year": _the_year,
    "day_count": _day_count, "new_year": _new_year,
    "spoken_year": _spoken_year, "century": _century, "half_unit": _half_unit,
}
