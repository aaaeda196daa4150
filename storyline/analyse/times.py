"""Time expressions normalised against the publication date (DCT), TIMEX3 style.

A grammar of news time expressions (weekdays, month-day dates, months, years, "next week",
"late last year", "three days ago", durations, sets, seasons, quarters, holidays) finds spans; a
news tense rule picks the direction for underspecified ones: a weekday or a month in a clause
about the past ("said on Friday") is the latest such day on or before the DCT, in a clause about a
coming event ("will hold talks on Tuesday") the next one. Without a DCT, relative expressions
keep an unresolved value (``XXXX-12-07``) or none, never a guessed date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from storyline.models import TimeExpression

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
}
UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
         "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
HOLIDAYS = {"new year's eve": (12, 31), "new year's day": (1, 1), "new year": (1, 1),
            "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
            "halloween": (10, 31), "valentine's day": (2, 14)}
MODS = {"early": "START", "beginning": "START", "start": "START", "mid": "MID",
        "middle": "MID", "late": "END", "end": "END"}

_MONTH_FULL = ("January|February|March|April|May|June|July|August|September|October|November|"
               "December")
_MONTH_ANY = _MONTH_FULL + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_NUM = r"\d+(?:\.\d+)?|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r"|several|a few|few"
_UNIT = "|".join(UNITS)
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_PREP = r"(?:(?:on|in)\s+)?"
_MOD = r"(?:(?P<mod>early|mid|late)[\s-]+)?"


@dataclass
class _Match:
    start: int
    end: int
    kind: str
    groups: dict[str, str | None]


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("mdy", re.compile(rf"{_PREP}\b(?P<mon>{_MONTH_ANY})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
                       rf"(?:,?\s+(?P<y>(?:19|20)\d{{2}})\b)?")),
    ("dmy", re.compile(rf"{_PREP}\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                       rf"(?P<mon>{_MONTH_ANY})(?:,?\s+(?P<y>(?:19|20)\d{{2}})\b)?")),
    ("holiday", re.compile(r"\b(?:(?P<rel>this|last|next)\s+)?(?P<h>New Year['’]s Eve|"
                           r"New Year['’]s Day|New Year|Christmas Eve|Christmas Day|Christmas|"
                           r"Halloween|Valentine['’]s Day)\b")),
    ("edge", re.compile(r"\b(?:at\s+)?the\s+(?P<edge>end|beginning|start|middle)\s+of\s+"
                        rf"(?:(?P<rel>this|next|last|the)\s+(?P<unit>week|month|year)|"
                        rf"(?P<mon>{_MONTH_FULL})(?:\s+(?P<y>(?:19|20)\d{{2}}))?)\b")),
    ("month", re.compile(rf"{_PREP}\b{_MOD}(?P<mon>{_MONTH_FULL})"
                         rf"(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d{{2}}|last year|this year|"
                         rf"next year)\b)?")),
    ("ago", re.compile(rf"\b(?P<n>{_NUM})\s+(?P<unit>{_UNIT})s?\s+ago\b", re.I)),
    ("in_n", re.compile(rf"\bin\s+(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?['’]?"
                        r"(?:\s+time)?\b", re.I)),
    ("weekday", re.compile(rf"{_PREP}\b(?:(?P<rel>last|next|this|coming|past)\s+)?"
                           rf"(?P<wd>{_WEEKDAY})(?P<plural>s)?\b"
                           r"(?:\s+(?P<part>morning|afternoon|evening|night))?")),
    ("relday", re.compile(r"\b(?P<w>today|yesterday|tomorrow|tonight)\b", re.I)),
    ("partday", re.compile(r"\b(?:this|last|tomorrow)\s+(?P<part>morning|afternoon|evening)\b",
                           re.I)),
    ("relunit", re.compile(rf"{_PREP}\b(?:(?P<mod>early|late|mid|earlier|later)[\s-]+)?"
                           r"(?P<rel>this|next|last|past|previous|coming|current)\s+"
                           r"(?P<unit>week|weekend|month|year|quarter|decade)\b", re.I)),
    ("ref", re.compile(r"\b(?:in\s+)?(?:the\s+)?(?P<w>coming|next few|upcoming|recent|past few)"
                       r"\s+(?P<unit>days|weeks|months|years)\b|\b(?P<w2>recently|soon|"
                       r"currently|nowadays|now|at present|these days)\b", re.I)),
    ("season", re.compile(r"\b(?:(?P<rel>this|last|next|early|late)\s+|in\s+the\s+)?"
                          r"(?P<season>spring|summer|autumn|winter)\b"
                          r"(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d{2}))?", re.I)),
    ("quarter", re.compile(r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
                           r"\s+quarter(?:\s+of\s+(?P<y>(?:19|20)\d{2}|this year|last year|"
                           r"next year))?\b|\bQ(?P<q>[1-4])(?:\s+(?P<y2>(?:19|20)\d{2}))?\b")),
    ("decade", re.compile(r"\bthe\s+(?P<dec>(?:19|20)\d0)s\b")),
    ("set", re.compile(r"\b(?:every|each)\s+(?P<unit>day|week|month|year|" + _WEEKDAY.lower()
                       + r")\b|\b(?P<adv>daily|weekly|monthly|annually|yearly)\b", re.I)),
    ("duration", re.compile(
        r"\b(?:(?P<q>more than|over|nearly|almost|about|around|at least|some|up to)\s+)?"
        rf"(?P<n>{_NUM})[\s-]+(?P<unit>{_UNIT})s?(?:[\s-]+long)?\b"
        r"|\bfor\s+(?P<bare>days|weeks|months|years|decades|hours)\b", re.I)),
    ("year", re.compile(r"(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bby )|(?<=\bfrom )|"
                        r"(?<=\bof )|(?<=\bduring )|(?<=\bbefore )|(?<=\bafter )|(?<=\bto )|"
                        r"(?<=\band )|(?<=\bbetween )|(?<=\bthrough )|(?<=\ba )|(?<=\bthe )|"
                        r"(?<=\bits )|(?<=\btheir )|(?<=\bhis )|(?<=\bher )|(?<=\bearly )|"
                        r"(?<=\blate )|(?<=\bmid-)|(?<=\bmid ))(?P<y>(?:19|20)\d{2})\b"
                        r"(?![,.]\d|\s*(?:%|percent))")),
]
# Month names that are also common words only count with a day, a year or a time preposition.
_AMBIGUOUS_MONTHS = {"may", "march"}
# A bare "one day" is often "someday"; a duration needs a frame: "for two weeks", "two-hour".
_DURATION_CONTEXT_RE = re.compile(r"\b(?:for|over|within|during|after|than|of|the|last|past|next|"
                                  r"first|spent|took|lasted|lasting|another|nearly|about)\s+$",
                                  re.I)
_MONTH_CONTEXT_RE = re.compile(r"(?:in|since|until|by|of|during|early|late|mid|last|next|this|"
                               r"from|before|after|through)[\s-]+$", re.I)


def _number(text: str) -> int | None:
    text = text.lower()
    if text in NUMBERS:
        return NUMBERS[text]
    try:
        return round(float(text))
    except ValueError:
        return None


def find_matches(text: str) -> list[_Match]:
    found: list[_Match] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            mon = groups.get("mon")
            if kind == "month" and mon and mon.lower() in _AMBIGUOUS_MONTHS and not groups.get("y"):
                prefix = text[max(0, m.start() - 12) : m.start()]
                if not (m.group(0).lower().startswith("in ") or _MONTH_CONTEXT_RE.search(prefix)):
                    continue
            if kind == "duration" and not groups.get("bare") and not groups.get("q"):
                framed = "-" in m.group(0) or m.group(0).lower().endswith("long")
                if not framed and not _DURATION_CONTEXT_RE.search(text[max(0, m.start() - 12):
                                                                       m.start()]):
                    continue
            found.append(_Match(m.start(), m.end(), kind, groups))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    chosen: list[_Match] = []
    for match in found:
        if chosen and match.start < chosen[-1].end:
            continue
        chosen.append(match)
    return chosen


# --- direction from the parse ---------------------------------------------------------------

_FUTURE_AUX = {"will", "'ll", "shall", "would", "could", "may", "might", "should", "going",
               "wo", "must"}


# Prepositions that point one way whatever the verb: "until Monday", "since Monday".
_FORWARD_RE = re.compile(r"\b(?:until|till|before|by|ahead of)\s+$", re.IGNORECASE)
_BACKWARD_RE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def direction(doc: Doc | None, text: str, offset: int, phrase_start: int | None = None
              ) -> str | None:
    """ "past" or "future" for the clause that holds the expression at ``offset``."""
    if doc is None:
        return None
    if phrase_start is not None:
        before = text[max(0, phrase_start - 12) : phrase_start]
        if _FORWARD_RE.search(before):
            return "future"
        if _BACKWARD_RE.search(before):
            return "past"
    token = _token_at(doc, offset)
    if phrase_start is not None:
        # A time phrase right after a verb belongs to it ("said on Friday"); parsers often hang
        # it on the reported clause instead.
        before = _token_at(doc, phrase_start)
        if before.i > 0:
            previous = doc[before.i - 1]
            if previous.pos_ in {"VERB", "AUX"} and previous.dep_ not in {"aux", "auxpass"}:
                return _verb_direction(previous, 0)
    verb = token
    for _ in range(12):
        if verb.pos_ in {"VERB", "AUX"} and verb.dep_ not in {"aux", "auxpass"}:
            return _verb_direction(verb, 0)
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _token_at(doc: Doc, offset: int) -> Token:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    return doc[-1]


def _verb_tense(verb: Token) -> str | None:
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & _FUTURE_AUX:
        return "future"
    if auxes & {"was", "were", "had", "did"} or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and auxes & {"has", "have"}:
        return "past"
    if auxes & {"is", "are", "am"} or verb.tag_ in {"VBZ", "VBP"}:
        return "present"
    return None


def _verb_direction(verb: Token, depth: int) -> str | None:
    """Past reports look back, present and future clauses look ahead ("meets on Tuesday")."""
    tense = _verb_tense(verb)
    if tense == "past":
        return "past"
    if tense in {"future", "present"}:
        return "future"
    if depth < 3 and verb.head.i != verb.i:
        governing = verb.head
        while governing.pos_ not in {"VERB", "AUX"} and governing.head.i != governing.i:
            governing = governing.head
        if governing.pos_ in {"VERB", "AUX"}:
            return _verb_direction(governing, depth + 1)
    return None


# --- resolution -------------------------------------------------------------------------------


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def _pick_year(dct: date, month: int, day: int | None, way: str | None) -> int:
    """Year for a month(-day) without one: before the DCT for the past, after for the future."""
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(year, month, day or 1))
        except ValueError:
            continue
    if not candidates:
        return dct.year
    anchor = dct if day else dct.replace(day=1)
    if way == "past":
        past = [c for c in candidates if c <= anchor]
        return (max(past) if past else min(candidates)).year
    if way == "future":
        future = [c for c in candidates if c >= anchor]
        return (min(future) if future else max(candidates)).year
    return min(candidates, key=lambda c: abs((c - anchor).days)).year


def _weekday(dct: date, weekday: int, rel: str | None, way: str | None) -> date:
    delta = (dct.weekday() - weekday) % 7
    latest = dct - timedelta(days=delta)  # on or before the DCT
    if rel in {"last", "past"}:
        return latest if delta else latest - timedelta(days=7)
    if rel in {"next", "coming"}:
        return latest + timedelta(days=7)
    if rel == "this":
        return dct + timedelta(days=weekday - dct.weekday())
    if way == "future":
        return latest if delta == 0 else latest + timedelta(days=7)
    return latest


def _relative_unit(dct: date, unit: str, offset: int) -> str:
    if unit in {"week", "weekend"}:
        value = _week(dct + timedelta(weeks=offset))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        y, m = _shift_month(dct, offset)
        return f"{y}-{m:02d}"
    if unit == "quarter":
        y, m = _shift_month(dct, 3 * offset)
        return f"{y}-Q{(m - 1) // 3 + 1}"
    if unit == "decade":
        return str((dct.year + 10 * offset) // 10)
    return str(dct.year + offset)


def _year_word(text: str | None, dct: date | None) -> str | None:
    if text is None:
        return None
    if text[0].isdigit():
        return text
    if dct is None:
        return None
    return str(dct.year + {"last year": -1, "this year": 0, "next year": 1}[text.lower()])


def _resolve(m: _Match, dct: date | None, way: Callable[[], str | None]
             ) -> tuple[str | None, str, str | None]:
    """(value, type, mod) of one match."""
    g = m.groups
    kind = m.kind
    if kind == "iso":
        return f"{g['y']}-{g['m']}-{g['d']}", "DATE", None
    if kind in {"mdy", "dmy"}:
        month, day = MONTHS[g["mon"].lower().rstrip(".")], int(g["d"])
        if not 1 <= day <= 31:
            return None, "DATE", None
        if g.get("y"):
            return f"{g['y']}-{month:02d}-{day:02d}", "DATE", None
        if dct is None:
            return f"XXXX-{month:02d}-{day:02d}", "DATE", None
        return f"{_pick_year(dct, month, day, way())}-{month:02d}-{day:02d}", "DATE", None
    if kind == "holiday":
        month, day = HOLIDAYS[g["h"].lower().replace("’", "'")]
        if dct is None:
            return f"XXXX-{month:02d}-{day:02d}", "DATE", None
        rel = (g.get("rel") or "").lower()
        direction_ = {"last": "past", "next": "future"}.get(rel) or way() or "future"
        return f"{_pick_year(dct, month, day, direction_)}-{month:02d}-{day:02d}", "DATE", None
    if kind == "edge":
        mod = MODS[g["edge"].lower()]
        if g.get("mon"):
            month = MONTHS[g["mon"].lower()]
            year = g.get("y") or (str(_pick_year(dct, month, None, way())) if dct else "XXXX")
            return f"{year}-{month:02d}", "DATE", mod
        if dct is None:
            return None, "DATE", mod
        offset = {"this": 0, "the": 0, "next": 1, "last": -1}[g["rel"].lower()]
        return _relative_unit(dct, g["unit"].lower(), offset), "DATE", mod
    if kind == "month":
        month = MONTHS[g["mon"].lower()]
        mod = MODS.get((g.get("mod") or "").lower())
        year = _year_word(g.get("y"), dct)
        if year is None:
            year = str(_pick_year(dct, month, None, way())) if dct else "XXXX"
        return f"{year}-{month:02d}", "DATE", mod
    if kind in {"ago", "in_n"}:
        n = _number(g["n"]) if g["n"].lower() not in {"several", "few", "a few"} else None
        unit = g["unit"].lower()
        if dct is None or n is None:
            return None, "DATE", None
        sign = -1 if kind == "ago" else 1
        if unit == "day":
            return (dct + timedelta(days=sign * n)).isoformat(), "DATE", None
        if unit in {"week", "fortnight"}:
            return _week(dct + timedelta(weeks=sign * n * (2 if unit == "fortnight" else 1))), \
                "DATE", None
        if unit in {"month", "year", "quarter", "decade"}:
            return _relative_unit(dct, unit, sign * n), "DATE", None
        return None, "DATE", None
    if kind == "weekday":
        weekday = WEEKDAYS[g["wd"].lower()]
        part = g.get("part")
        if g.get("plural"):
            return f"XXXX-WXX-{weekday + 1}", "SET", None
        if dct is None:
            return f"XXXX-WXX-{weekday + 1}", "DATE", None
        rel = (g.get("rel") or "").lower() or None
        day = _weekday(dct, weekday, rel, None if rel else way())
        if part:
            return f"{day.isoformat()}T{PARTS_OF_DAY[part.lower()]}", "TIME", None
        return day.isoformat(), "DATE", None
    if kind == "relday":
        word = g["w"].lower()
        if dct is None:
            return None, "DATE", None
        if word == "tonight":
            return f"{dct.isoformat()}TNI", "TIME", None
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
        return (dct + timedelta(days=shift)).isoformat(), "DATE", None
    if kind == "partday":
        if dct is None:
            return None, "TIME", None
        text_day = dct + timedelta(days=1 if "tomorrow" in (g.get("part") or "") else 0)
        return f"{text_day.isoformat()}T{PARTS_OF_DAY[g['part'].lower()]}", "TIME", None
    if kind == "relunit":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        modword = (g.get("mod") or "").lower()
        mod = MODS.get(modword)
        if dct is None:
            return None, "DATE", mod
        offset = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "past": -1,
                  "previous": -1}[rel]
        return _relative_unit(dct, unit, offset), "DATE", mod
    if kind == "ref":
        word = (g.get("w") or g.get("w2") or "").lower()
        if word in {"coming", "next few", "upcoming", "soon"}:
            return "FUTURE_REF", "DATE", None
        if word in {"recent", "past few", "recently"}:
            return "PAST_REF", "DATE", None
        return "PRESENT_REF", "DATE", None
    if kind == "season":
        season = SEASONS[g["season"].lower()]
        rel = (g.get("rel") or "").lower()
        if g.get("y"):
            return f"{g['y']}-{season}", "DATE", None
        if dct is None:
            return f"XXXX-{season}", "DATE", None
        year = dct.year + {"last": -1, "next": 1}.get(rel, 0)
        return f"{year}-{season}", "DATE", MODS.get(rel)
    if kind == "quarter":
        q = g.get("q") or str(["first", "second", "third", "fourth"].index(g["ord"].lower()) + 1
                              if g.get("ord") and g["ord"][0].isalpha() else g["ord"][0])
        year = _year_word(g.get("y") or g.get("y2"), dct) or (str(dct.year) if dct else "XXXX")
        return f"{year}-Q{q}", "DATE", None
    if kind == "decade":
        return g["dec"][:3], "DATE", None
    if kind == "set":
        unit = (g.get("unit") or "").lower()
        adverb = (g.get("adv") or "").lower()
        if unit in WEEKDAYS:
            return f"XXXX-WXX-{WEEKDAYS[unit] + 1}", "SET", None
        letter = {"daily": "D", "weekly": "W", "monthly": "M", "annually": "Y", "yearly": "Y"}.get(
            adverb) or UNITS.get(unit, "X")
        return f"P1{letter}", "SET", None
    if kind == "duration":
        if g.get("bare"):
            unit = g["bare"].lower().rstrip("s")
            return _duration("X", unit), "DURATION", None
        n = _number(g["n"]) if g["n"].lower() not in {"several", "few", "a few"} else None
        mod = {"more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
               "nearly": "LESS_THAN", "almost": "LESS_THAN", "up to": "EQUAL_OR_LESS",
               "about": "APPROX", "around": "APPROX", "some": "APPROX"}.get(
            (g.get("q") or "").lower())
        return _duration("X" if n is None else str(n), g["unit"].lower()), "DURATION", mod
    if kind == "year":
        mod = None
        return g["y"], "DATE", mod
    return None, "DATE", None


def _duration(amount: str, unit: str) -> str:
    code = UNITS.get(unit, "X")
    if unit in {"second", "minute", "hour"}:
        return f"PT{amount}{code}"
    if unit == "fortnight":
        return f"P{'X' if amount == 'X' else int(amount) * 2}W"
    return f"P{amount}{code}"


def normalise_times(text: str, dct: date | None, doc: Doc | None = None) -> list[TimeExpression]:
    out = []
    for m in find_matches(text):
        value, type_, mod = _resolve(
            m, dct, lambda m=m: direction(doc, text, _head_offset(text, m), m.start)
        )
        if m.kind == "year":
            mod = _year_mod(text, m.start)
        out.append(TimeExpression(text=text[m.start : m.end], value=value, type=type_,
                                  start=m.start, end=m.end, mod=mod))
    return out


def _head_offset(text: str, m: _Match) -> int:
    """Offset of the expression's main word (skipping "on"/"in"), for finding its clause."""
    inner = re.match(r"(?:on|in)\s+", text[m.start : m.end])
    return m.start + (inner.end() if inner else 0)


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
