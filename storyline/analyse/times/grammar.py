"""The spans of news time expressions: a grammar of regular expressions, one per kind.

A TIMEX3 span holds the expression itself, not the preposition before it ("on Friday" is marked
"Friday"); the preposition is kept aside (``lead``) because the tense rule reads it. A clock
time followed by its day ("10 p.m. Wednesday") and a weekday followed by its date ("Saturday,
April 25") are one expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from spacy.tokens import Doc, Token

from storyline.analyse.times.tense import (
    SINCE_RE,
    bare_participle,
    direction,
    known_unforeseen,
    token_at,
)

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
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12,
    "single": 1, "a single": 1,
}


def clock_hour(hour: str) -> int:
    """The hour of "6 in the morning" or "six in the morning"."""
    return int(hour) if hour.isdigit() else NUMBERS[hour.lower()]


TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
         "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}
VAGUE_AMOUNTS = {"several", "few", "a few", "many"}
# "a couple of years" is two years, as TimeBank's annotators read it; "a few" stays vague.
# "a couple hours" drops the "of" in American usage.
COUPLE = {"couple of": 2, "a couple of": 2, "a couple": 2}

_MONTH_FULL = ("January|February|March|April|May|June|July|August|September|October|November|"
               "December")
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH_ANY = _MONTH_FULL + rf"|(?:{_MONTH_ABBR})\.?"
# "September of that year", "June 25 the following year": a year the article named before
_TOLD_YEAR = (r",?\s+(?:of\s+)?(?P<ya>that(?:\s+same)?\s+year|the\s+(?:same|following|next|"
              r"previous|preceding|prior)\s+year)\b")
_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_NUM = (r"\d+(?:\.\d+)?|" + rf"(?:{'|'.join(TENS)})[\s-](?:{_UNIT_WORDS})\b|"
        + "|".join(sorted(NUMBERS, key=len, reverse=True))
        + "|" + "|".join(sorted(VAGUE_AMOUNTS | set(COUPLE), key=len, reverse=True)))
# Any spelled amount: "the past" before one is the start of a duration, not PAST_REF.
_AMOUNT_WORDS = "|".join(sorted(set(NUMBERS) - {"a", "an"}, key=len, reverse=True))
# The mark before a two-figure decade: an apostrophe, or the opening quote typed for one ("‘90s")
_DECADE_MARK = "'’‘"
_UNIT = "|".join(UNITS)
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_TEENS = ("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen")
# Years read out, as in broadcast transcripts: "nineteen ninety-six", "the year two thousand".
_SPOKEN_YEAR = (rf"nineteen[\s-](?:{_TEENS}|(?:{'|'.join(TENS)})(?:[\s-](?:{_UNIT_WORDS}))?)"
                rf"\b|the\s+year\s+two\s+thousand(?:\s+and)?(?:[\s-](?:{_UNIT_WORDS}|{_TEENS}))?\b")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
             "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
             "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
             "twenty first": 21}
_ORDINAL_WORDS = "|".join(w.replace(" ", r"[\s-]") for w in sorted(ORDINALS, key=len, reverse=True))
_PREP = r"(?P<prep>(?:on|in)\s+)?"
_PART_BEFORE_RE = re.compile(r"\b(late|early)\s+(?:on\s+)?\Z", re.I)
_THIS = r"(?:this\s+(?=(?:past|coming)\b))?"  # "this past weekend", "this coming Sunday"
_MOD = r"(?:(?P<mod>early|mid|late)[\s-]+)?"
YEAR = r"(?:19|20)\d{2}"
# A year written with a month may be older: "July 4, 1776", "in September 1709".
_DATE_YEAR = r"(?:1[5-9]|20)\d{2}"
_QUARTER_YEAR = rf"{YEAR}|this year|last year|next year"  # "the fourth quarter of last year"
_QUALIFIER = (r"(?:(?P<q>more than|over|nearly|almost|about|around|roughly|at least|some|"
              r"up to|less than|just over|just under)\s+)?")
_CLOCK = (r"(?P<clock>(?P<hh>\d{1,2})(?:[:.](?P<mm>\d{2}))?\s*(?P<ampm>(?i:[ap]\.m\.?|[ap]m\b))|"
          # "six in the morning", "2:28 in the afternoon", "ten o'clock in the evening"
          r"(?P<hh3>\d{1,2}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
          r"(?::(?P<mm3>\d{2}))?(?P<oclock>\s+o['’]clock)?\s+in\s+the\s+"
          r"(?P<half>morning|afternoon|evening)|"
          r"(?P<hh2>\d{1,2}):(?P<mm2>\d{2})(?!\d)|(?P<named>noon|midday|midnight)|"
          # a 24-hour time with its zone: "0735 GMT", "18.45 BST"; or, after a time preposition
          # (``_accepted``), with its local time, its other zone or its day: "at 0910 local
          # time", "hit at 1653 (2153 GMT)", "by 0300 on Monday", "at 1040 on 25 June"
          r"(?P<hh4>[01]?\d|2[0-3])(?:\.|(?<=\d\d))(?P<mm4>[0-5]\d)(?=\s+(?:[A-Z]{2,4}T|GMT|UTC)\b"
          r"|(?<=\d{4})(?:\s+(?:local\s+time|hours|hrs)\b|\s*\(\s*\d{4}\s*(?:GMT|UTC)\b"
          rf"|\s+on\s+(?:{_WEEKDAY}|\d{{1,2}}\s+(?:{_MONTH_FULL})|(?:{_MONTH_ANY})\s+\d))))"
          r"(?:\s+(?P<zone>[A-Z]{2,4}T|GMT|UTC|ET))?")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    # "12/03/2021", "3/9/11": month first or day first, settled against the DCT (``resolve``)
    ("numeric", re.compile(r"(?<![\d/.:,-])\b(?P<n1>\d{1,2})/(?P<n2>\d{1,2})/"
                           r"(?P<ny>\d{4}|\d{2})\b(?![/.,:]?\d)")),
    ("mdy", re.compile(rf"{_PREP}\b(?P<mon>{_MONTH_ANY})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
                       # "May 28 , 2010" (tokenised text), "Jan 2,2003"
                       rf"(?:(?:\s?,\s*|\s+)(?P<y>{_DATE_YEAR})\b|{_TOLD_YEAR})?")),
    ("dmy", re.compile(rf"{_PREP}\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                       rf"(?P<mon>{_MONTH_ANY})(?![A-Za-z])(?:,?\s+(?P<y>{_DATE_YEAR})\b|{_TOLD_YEAR})?")),
    # "on the 24th": a day of the month the report is in, or of the one before or after
    ("ordinal_day", re.compile(r"\b(?P<prep>on\s+)the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b"
                               r"(?=\s*[,.;:!?)]|\s+(?:and|at|when|after|before|in)\b)")),
    ("holiday", re.compile(rf"\b(?:(?P<rel>(?i:this|last|next))\s+|(?P<yh>{YEAR})\s+)?"
                           r"(?P<h>New Year['’]s Eve|"
                           r"New Year['’]s Day|New Year|Christmas Eve|Christmas Day|Christmas|"
                           r"Boxing Day|Halloween|Valentine['’]s Day|Independence Day|"
                           r"Fourth of July|Thanksgiving(?: Day)?|Labor Day|Memorial Day|"
                           r"Election Day|Holy Week|Easter [Ww]eek|Easter(?: Sunday| Monday| Day)?|"
                           r"Good Friday|Black Friday|Cyber Monday|Palm Sunday|Ash Wednesday|"
                           r"Shrove Tuesday|Maundy Thursday|Holy Thursday|Holy Saturday|"
                           r"Pentecost|Whit Sunday|Whitsunday|Whit Monday|Bastille Day|"
                           r"Canada Day|Australia Day|Anzac Day|(?:St\.?|Saint) Patrick['’]s Day|"
                           r"April Fool['’]?s['’]? Day|Armistice Day|Veterans['’]? Day|"
                           r"Remembrance (?:Day|Sunday)|Martin Luther King(?: Jr\.)? Day|MLK Day|"
                           r"Presidents['’]? Day|President['’]s Day|Columbus Day|Father['’]s Day)\b"
                           rf"(?:,?\s+(?:of\s+)?(?P<hy>{YEAR}|(?i:last|this|next)\s+year)\b)?")),
    ("edge", re.compile(r"\b(?:at\s+)?the\s+(?P<edge>end|beginning|start|middle)\s+of\s+"
                        rf"(?:(?P<rel>this|next|last|the)\s+(?P<unit>week|month|year|decade)|"
                        rf"(?P<mon>{_MONTH_FULL})(?:\s+(?P<y>{YEAR}))?|(?P<year>{YEAR}))\b|"
                        r"\b(?P<prep>(?i:by|at|around|until|before|after|since|through|toward|"
                        r"near)\s+)(?P<ye>(?i:year[- ]end|year['’]s end))\b(?![- ]\w)")),
    ("half", re.compile(r"\b(?:the\s+)?(?P<which>first|second|last|latter)\s+half\s+of\s+"
                        rf"(?:(?P<y>{YEAR})|(?P<rel>this|next|last|the)\s+year)\b", re.I)),
    ("month", re.compile(rf"{_PREP}\b{_MOD}(?:(?P<rel>(?i:last|next|this))\s+)?"
                         # "last February 28" is a day ("mdy")
                         rf"(?:(?P<mon>{_MONTH_FULL})\b(?(rel)(?!\s+\d{{1,2}}(?:st|nd|rd|th)?\b))"
                         rf"(?:\s+(?:of\s+)?(?P<y>{_DATE_YEAR}|{_SPOKEN_YEAR}|last year|this year|"
                         rf"next year)\b|,\s+(?P<cy>{_DATE_YEAR})\b|{_TOLD_YEAR})?|"
                         # an abbreviated month only with its year: "Oct. 2011", "Sept 2009"
                         rf"(?P<amon>{_MONTH_ABBR})\.?\s+(?P<ay>{YEAR})\b)")),
    # "a week ago Sunday": that weekday, the given number of weeks before its latest one
    ("weeks_ago_weekday", re.compile(rf"\b(?P<n>a|one|two|three|four|\d)\s+weeks?\s+ago\s+"
                                     rf"(?:(?i:on)\s+)?(?P<wd>{_WEEKDAY})\b", re.I)),
    ("ago", re.compile(rf"\b{_QUALIFIER}(?P<n>{_NUM})\s+(?P<unit>{_UNIT})s?\s+"
                       r"(?P<about>or\s+so\s+)?(?P<way>ago|earlier)\b", re.I)),
    ("in_n", re.compile(rf"\bin\s+(?P<n>{_NUM})\s+"
                        r"(?P<unit>day|week|month|year|decade|century)s?['’]?(?:\s+time)?\b",
                        re.I)),
    # "for weeks", "in the days": the span is the time alone, as TimeBank marks it
    ("vague", re.compile(r"\b(?P<prep>(?:within|in|for|over)\s+(?:the\s+)?)(?:past\s+|last\s+)?"
                         r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades)\b|"
                         r"\b(?P<lasting>days|weeks|months|years|decades)-long\b", re.I)),
    # "returned minutes later", "just months ago", "days after the vote": some of them
    ("vague", re.compile(r"\b(?P<bare>minutes|hours|days|weeks|months|years|decades)"
                         r"(?=\s+(?:later|after|before|earlier|ago)\b)", re.I)),
    ("clock", re.compile(rf"\b{_CLOCK}")),
    # "overnight Tuesday", "overnight on Monday into Tuesday": that day's night, not the
    # night before the report
    ("weekday", re.compile(rf"(?:(?P<overnight>(?i:overnight))\s+)?{_PREP}"
                           rf"\b(?:(?i:{_THIS})(?P<rel>(?i:last|next|this|coming|past))\s+)?"
                           rf"(?P<wd>{_WEEKDAY})(?P<plural>s)?\b(?=(?P<poss> ?['’]s\b)?)"
                           r"(?:\s+(?P<part>morning|afternoon|evening|night)(?P<parts>s\b)?"
                           r"(?=(?P<part_poss> ?['’]s\b)?))?")),
    ("relday", re.compile(r"\b(?:(?P<far>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))|"
                          r"(?:(?P<mod>late|early)\s+(?=yesterday|today|tomorrow))?"
                          r"(?P<w>today|yesterday|tomorrow|tonight|overnight))\b", re.I)),
    ("partday", re.compile(r"\b(?P<rel>this|last|tomorrow|yesterday)\s+"
                           r"(?P<part>morning|afternoon|evening|night)\b", re.I)),
    # "by mid-afternoon", "in morning trading", "at mid-afternoon yesterday": a part of the
    # day the report is telling (not "the morning news", "good evening")
    ("partday", re.compile(r"\b(?P<prep>(?:in|by|at|during|until|till|through)\s+)(?:the\s+)?"
                           r"(?:(?P<mod>early|late|mid)[\s-]*)?(?P<part>morning|afternoon|evening)"
                           r"(?:\s+(?P<rel>yesterday|today|tomorrow))?\b"
                           r"(?!\s+(?:of|news|show|papers?|rush|commute|prayers?)\b)"
                           # "by early afternoon on Tuesday": the day is the weekday's
                           rf"(?!(?:\s+\w+)?,?\s+(?:on\s+)?(?:{_WEEKDAY}|{_MONTH_ANY})\b)", re.I)),
    ("relunit", re.compile(rf"{_PREP}\b(?:(?P<mod>early|late|mid|earlier|later)[\s-]+)?"
                           rf"{_THIS}(?P<rel>this|next|last|past|previous|coming|current)\s+"
                           r"(?:(?:fiscal|financial)\s+)?(?P<unit>week|weekend|month|year|"
                           r"quarter|decade)\b", re.I)),
    # "for most of the last century": the one before the report's ("the past century" is left
    # unmarked in TimeBank, "this century" marked as a length)
    ("relunit", re.compile(r"\bthe\s+(?P<rel>last|previous)\s+(?P<unit>century)\b", re.I)),
    # "the week after next", "the weekend before last": two weeks on or back
    ("far_week", re.compile(r"\bthe\s+(?P<unit>week|weekend)\s+(?P<far>after\s+next|"
                            r"before\s+last)\b", re.I)),
    ("weekend", re.compile(r"\bthe\s+weekend\b", re.I)),
    # Told from a date the article gave before: "later that year", "the following month",
    # "the next morning", "that same day" (``anaphora``).
    ("anaphor", re.compile(r"\b(?:(?P<edge>later|earlier)\s+that|that|"
                           r"the\s+(?P<rel>following|previous|preceding|same|"
                           r"next(?=\s+(?:day|morning|afternoon|evening|night)\b)))\s+"
                           r"(?:same\s+)?(?P<unit>day|morning|afternoon|evening|night|week|month|"
                           r"year)\b", re.I)),
    # A trading day's close: "ended the day at 8,017", "down 6.4 percent for the day"
    ("anaphor", re.compile(r"\b(?P<prep>(?:end(?:s|ed|ing)?|finish(?:es|ed|ing)?|"
                           r"clos(?:e|es|ed|ing))\s+|for\s+)the\s+(?P<unit>day)\b"
                           r"(?!['’]s|\s+(?:of|before|after|when|that)\b)", re.I)),
    ("ref", re.compile(r"\b(?:the\s+)?(?P<w>coming|next few|upcoming|recent|past few|last few)"
                       r"\s+(?P<unit>hours|days|weeks|months|years|decades)\b|\b(?P<w2>recently|"
                       r"currently|nowadays|now|at present|these days)\b|"
                       r"\bthe\s+(?P<w3>future|past|near\s+future|"
                       r"(?:near|short|medium|long)\s+term)\b"
                       r"(?!\s+(?:\d|(?:few|several|"
                       rf"couple|{_AMOUNT_WORDS}|(?:week(?:end)?|month|year|decade|day|night|hour|minute|"
                       r"quarter|season)s?|centur(?:y|ies))\b))|"
                       r"\b(?P<w4>(?:then[\s-]+)?current|(?<!most\s)recent)(?=\s+[a-z])|"
                       # "at a later date", "at an earlier stage": some other time, not a day
                       r"\ban?\s+(?P<w5>later|earlier)\s+(?:date|time|stage)\b", re.I)),
    ("season", re.compile(rf"\b(?:{_THIS}(?P<rel>this|last|next|past|coming|early|late)\s+|"
                          r"the\s+)?"
                          r"(?P<season>spring|summer|autumn|winter)\b"
                          rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}|{_SPOKEN_YEAR}))?|"
                          r"\b(?P<rel2>this|last|next)\s+(?P<fall>fall)\b", re.I)),
    # "in the fall of 2007" is the autumn; "the fall of 1989" alone may be a wall's
    ("season", re.compile(rf"\bthe\s+(?P<fall>fall)\s+of\s+(?P<y>{YEAR})\b", re.I)),
    ("quarter", re.compile(r"\b(?:the\s+)?(?:(?P<y3>(?:19|20)\d\d)\s+|(?P<ry>this|last|next)\s+"
                           r"year['’]s\s+|(?P<back>year-ago|year-earlier)\s+)?"
                           r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"
                           rf"|(?P<final>final|last)\s+quarter(?=\s+of\s+(?:{_QUARTER_YEAR})\b))"
                           rf"(?:\s+of\s+(?P<y>{_QUARTER_YEAR}))?\b"
                           rf"|\bQ(?P<q>[1-4])(?:\s+(?P<y2>{YEAR}))?\b", re.I)),
    ("period", re.compile(r"\b(?:the|that)\s+(?:(?P<which>latest|same|comparable|corresponding|"
                          r"year-earlier|year-ago|previous|prior|most recent)\s+|"
                          r"(?P<py>(?:19|20)\d\d)\s+)?(?:fiscal\s+)?"
                          r"(?P<unit>quarter|period|month)\b"
                          # "the same period last year": the one a year before, in one phrase
                          r"(?:(?P<back>\s+last\s+year|\s+(?:of|in)\s+(?:the\s+)?(?:last|previous|prior)\s+year"
                          r"|\s+a\s+year\s+(?:earlier|ago|before))\b"
                          r"|(?!\s+of\b))|\b(?P<adj>year-earlier|year-ago)\b",
                          re.I)),
    # "the 1860s", "the late Seventies" (capitalised in British usage)
    ("decade", re.compile(r"\b(?i:the)\s+(?:(?P<mod>(?i:early|mid|late))[\s-]+)?"
                          rf"(?:(?P<dec>(?:1\d|20)\d0)['’]?s\b|[{_DECADE_MARK}]?(?P<short>\d)0s\b"
                          r"(?!\s*(?:%|percent|degrees)\b)|"
                          rf"(?P<word>(?i:{'|'.join(DECADE_WORDS)}))\b)")),
    # the second of two decades: "the 1940s and '50s", "the 70s and 80s"
    ("decade", re.compile(r"(?:(?<=\ds and )|(?<=\ds or ))(?P<second>)"
                          rf"[{_DECADE_MARK}]?(?P<short>\d)0s\b")),
    # without "the" only a decade in figures: "early 1990s"; "'90s" or "nineties" alone is an age
    ("decade", re.compile(r"\b(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>(?:19|20)\d0)['’]?s\b")),
    ("set", re.compile(rf"\b(?:every|each)\s+(?:(?P<other>other)\s+|(?P<every_n>{_AMOUNT_WORDS}|"
                       r"\d{1,3})\s+(?=(?:day|week|month|year|decade)s\b))?"
                       r"(?:(?P<unit>day|week|month|year|decade|"
                       + _WEEKDAY.lower()
                       + rf")|(?P<smon>{_MONTH_FULL.lower()})|(?P<sseason>spring|summer|autumn|"
                       r"fall|winter))(?(every_n)s)\b|\b(?P<adv>daily|weekly|monthly|annually|yearly|"
                       r"hourly)\b",
                       re.I)),
    ("duration", re.compile(
        rf"\b{_QUALIFIER}(?P<n>{_NUM})(?P<half>[\s-]1/2|½|[\s-]+and[\s-]+a[\s-]+half)?[\s-]+"
        rf"(?:(?P<more>more|additional|extra)\s+)?(?:(?P<run>straight|consecutive|successive)\s+)?"
        rf"(?:(?:trading|business|working)\s+(?=days?\b))?"
        rf"(?P<unit>{_UNIT})s?(?:[\s-]+long|(?P<and_half>\s+and\s+a\s+half))?\b",
        re.I)),
    # "half an hour", "a half-hour drive", "half a century": half of one unit
    ("half_unit", re.compile(rf"\b{_QUALIFIER}half[\s-]+(?:an?\s+)?"
                             r"(?P<unit>minute|hour|day|year|decade|century)\b"
                             r"(?![\s–-]+old\b|\s+ago\b)", re.I)),
    # "a weeklong manhunt", "their third day-long meeting": one such unit
    ("unit_long", re.compile(r"\b(?P<unit>hour|day|week|month|year|decade)-?long\b", re.I)),
    # "between 60 and 90 days", "from two to six weeks": the first amount takes the unit of
    # the second, an expression of its own
    ("unit_shared", re.compile(rf"\b(?P<prep>(?:between|from)\s+)(?P<n>{_NUM})(?=\s+(?:and|to)\s+"
                               rf"(?:{_NUM})[\s-]+(?P<unit>{_UNIT})s?\b)", re.I)),
    # "for the full year", "a high for the year", "earlier in the year": the year the report is
    # in, as "this year", or the year its sentence named (``anaphora.sentence_day``); not "the
    # year before", "the year ended June 30", "the year-ago …"
    ("the_year", re.compile(r"\b(?i:the\s+(?:(?:full|entire|whole|fiscal|financial|"
                            r"calendar)\s+)?)year\b"
                            r"(?![-–]|\s+\d|\s+(?i:ago|earlier|later|before|after|end(?:ed|ing)|"
                            r"to\s+date|two|nineteen|of|in\s+which|when|that|awards?)\b)"
                            rf"(?!\s+(?:to|through)\s+(?:{_MONTH_FULL}))")),
    # Company results and statistics: "the year ended March 31", "the fiscal year ending June
    # 30", "inflation in the year to March" (a year long).
    ("year_ended", re.compile(r"\bthe\s+(?:(?:fiscal|financial)\s+)?year(?=\s+end(?:ed|ing)\b"
                              rf"|\s+(?:to|through)\s+(?:{_MONTH_FULL}))", re.I)),
    ("century", re.compile(r"\b(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|"
                           rf"(?P<word>{_ORDINAL_WORDS}))"
                           r"[\s-]+century\b", re.I)),
    # "today is the eighth day of the blockade", "it's the second day of an offensive"
    # "protests went on for a fifth straight day": the day of the report, whatever the tense
    ("day_count", re.compile(rf"\b(?P<prep>for\s+(?=(?:a|the)\s))?(?:(?:the|a)\s+)?"
                             rf"(?:{_ORDINAL_WORDS}|\d{{1,3}}(?:st|nd|rd|th))\s+"
                             r"(?:(?:straight|consecutive|successive)\s+)?day\b(?![-–])", re.I)),
    # "early in the new year", "to start the new year": the calendar year about to begin or
    # just begun. "New Year" is the holiday, "the Chinese new year" another one, "a new year"
    # as often one of a life, and a New Year's honour no time.
    ("new_year", re.compile(r"\b[Tt]he\s+new\s+year\b(?!-|\s*['’]s\s+honou?r)")),
    ("spoken_year", re.compile(rf"\b(?P<y>{_SPOKEN_YEAR})", re.I)),
    ("year", re.compile(rf"(?:(?<=mid-)|(?<![$£€\d.,-]))\b(?P<y>{YEAR})\b"
                        r"(?![,.]\d|\s*(?:%|percent)|-\d|\s+(?:GMT|UTC)\b)")),
    # a year before 1900 only where both a time word and the parser say so: "from Spain in 1898"
    ("old_year", re.compile(r"(?<![$£€\d.,-])\b(?P<y>1[5-8]\d{2})\b"
                            r"(?![,.]\d|\s*(?:%|percent)|-\d)")),
]
# Month names that are also common words only count with a day, a year or a time preposition.
_AMBIGUOUS_MONTHS = {"may", "march"}
# A bare "one day" is often "someday"; a duration needs a frame: "for two weeks", "two-hour".
_DURATION_CONTEXT_RE = re.compile(r"\b(?:for|over|within|during|after|than|of|the|a|an|last|"
                                  r"past|next|first|spent|took|lasted|lasting|another|nearly|about|only|"
                                  r"barely|just|through|as long as)\s+$", re.I)
_DURATION_AFTER_RE = re.compile(r"\s+(?:of|after|before|later|earlier|from\s+(?:now|today))\b",
                                re.I)
_SAME = {"same", "comparable", "corresponding"}  # "the same month last year"
_AGE_RE = re.compile(r"[\s-]olds?\b", re.I)  # "a 44-year-old", "52 years old": an age
_FRACTION_RE = re.compile(r",?\s+of\b", re.I)  # "three-quarters of", "a quarter, of them"
_MONTH_CONTEXT_RE = re.compile(r"(?:in|since|until|till|by|of|during|early|late|mid|last|next|"
                               r"this|from|before|after|through|throughout|between|around|"
                               r"prior\s+to|"
                               r"(?:year|months?|quarters?|weeks?)\s+to)"
                               r"[\s-]+$", re.I)
# A year the parser does not call a date still counts after a word that introduces a time.
_YEAR_CONTEXT_RE = re.compile(r"\b(?:in|since|until|by|from|of|during|before|after|to|and|"
                              r"between|through|a|the|its|their|his|her|early|late|mid|for|"
                              r"into|fiscal)[\s-]+$", re.I)
# A capitalised word inside a sentence just before a year, which is no time word: a name. A
# preposition in a title-case headline or a run-in caption is none ("Raised Money In 2008").
_NAME_BEFORE_RE = re.compile(rf"(?<=[a-z,] )(?!(?:{_MONTH_ANY}|{_WEEKDAY}|Spring|Summer|Autumn|"
                             r"Fall|Winter|Christmas|Easter|Fiscal|FY|Q[1-4]|H[12]|In|Since|"
                             r"Until|From|Of|During|Before|After|By|Through|Between)\b)"
                             r"[A-Z][\w&.-]*\s+$")
_OLD_YEAR_CONTEXT_RE = re.compile(r"\b(?:in|since|until|from|before|after|during|between|"
                                  r"and|to|of)\s+$", re.I)
_OF_AFTER_RE = re.compile(r"\s+of\b", re.I)
_THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.I)
_RECURRING_RE = re.compile(r"\b(?:daily|nightly|every\s+(?:day|morning|evening|night)|each\s+"
                           r"(?:day|morning|evening|night))\b[^.;:!?\n]{0,30}\b(?:at|from)\s+$",
                           re.I)
_CLOCK_PREP_RE = re.compile(r"\b(?:at|by|from|until|till|before|after|since|around|about)\s+$",
                            re.I)
_DETERMINER_BEFORE_RE = re.compile(r"(?:\b(?:the|an?|that|its|his|her|their|our)|\w['’]s)\s+$",
                                   re.I)
_DURATION_FRAME_RE = re.compile(r"(?:\b(?i:the)\s+)?(?:\b(?:first|past|next|last|final|"
                                r"previous|coming|latest|remaining)\s+)?\Z")
_FISCAL_RE = re.compile(r"\b(?i:fiscal)\s+\Z")
_JOINER_RE = re.compile(r"\s*,?\s*")
_RANGE_END_RE = re.compile(rf"\b(?:{_MONTH_FULL})\s*"
                           r"(?:[-–]|\s(?:to|and|or|through|until|till)\s)\s*$")
_GENERIC_DETERMINER_RE = re.compile(r"\b(?:an?|every|each|any)\s+$", re.I)
# "10:35 a.m. (0735 GMT) Friday": the same time told in another zone between a time and its day
_OTHER_ZONE_RE = re.compile(r"\s*(?:local\s+time\s*)?\((?=[^()\n]*(?:\d|GMT|UTC|local))"
                            r"[^()\n]{1,20}\)\s*,?\s*(?:on\s+)?")
# "6 a.m. local time Thursday": the zone named between a clock time and its day
_CLOCK_JOINER_RE = re.compile(r"\s*(?:local\s+time\b)?\s*,?\s*", re.I)
_CLOCK_AFTER_DAY_RE = re.compile(r"\s*,?\s*(?:at|around|about|by|from)?\s*", re.I)
_OPENING_BRACKET_RE = re.compile(r"\s*[(\[]\s*")
_WORD_HOUR_RE = re.compile(r"\b(?:at|about|around|by|until|till|before|after|from|past|since|"
                           r"was|is|it['’]s)\s+$", re.I)
_DAY_KINDS = {"weekday", "relday", "partday", "mdy", "dmy"}


@dataclass
class Match:
    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    lead: int  # where the phrase starts, preposition included
    day: Match | None = None  # the date a clock time or a weekday is attached to
    since: Match | None = None  # the start of the range this match ends ("Dec. 7-8": "Dec. 7")


def find_matches(text: str, doc: Doc | None = None) -> list[Match]:
    found: list[Match] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if kind == "month":  # one name for the month and one for its year, however written
                groups = {**groups, "mon": groups["mon"] or groups["amon"],
                          "y": groups["y"] or groups["cy"] or groups["ay"]}
            if kind == "weekday" and (groups.get("poss") or groups.get("part_poss")):
                # "before Monday's caucuses": an event still ahead may be named so too
                groups = {**groups, "ahead": _AHEAD_OF_RE.search(
                    text, max(0, m.start() - 12), m.start())}
            if kind == "season" and groups.get("season") and doc is not None:
                # "the winter was likely to be mild": the season is talked about, not when
                groups = {**groups, "subject": token_at(doc, m.start("season")).dep_
                          in {"nsubj", "nsubjpass"}}
            if kind == "mdy":
                # "last February 28": the latest such day before the report, "next March 3"
                # the first after; the span stays the date, as AQUAINT marks it
                told = _LAST_NEXT_RE.search(text, max(0, m.start() - 6), m.start())
                groups = {**groups, "rel": told.group(1) if told else None}
            if kind in {"mdy", "dmy"}:
                groups = {**groups, "entry": _chronology_entry(text, m)}
            if kind == "clock":  # "broadcast daily at 0910": a time of any day, not of one
                groups = {**groups, "recurring": _RECURRING_RE.search(
                    text, max(0, m.start() - 50), m.start())}
            if kind in {"month", "edge", "holiday", "mdy", "dmy"}:  # "since March", "since the
                # end of May"; "the April 20 explosion": the month's word qualifies the noun
                noun = _qualified_noun_after(doc, m.start("mon") if kind in {"mdy", "dmy"}
                                             else m.end() - 1)
                groups = {**groups,
                          "since": SINCE_RE.search(text, max(0, m.start() - 12), m.start()),
                          "qualifies": noun.lemma_.lower() if noun is not None else None,
                          "known_event": known_unforeseen(noun),
                          "over": _held_then(noun) or _counted_from(noun)}
            if not _accepted(kind, m, groups, text, doc):
                continue
            start = (m.start("prep") + len(groups["prep"])
                     if groups.get("prep") and not groups.get("overnight") else m.start())
            read_as = kind
            if kind == "in_n" and (_after_superlative(text, m.start(), doc)
                                   or direction(doc, text, m.start("n"), m.start()) == "past"):
                # "the worst in a decade", "the first time in 20 years", "lost 20% in two
                # weeks": how long, not when
                read_as, start = "duration", m.start("n")
            elif kind == "duration" and not groups.get("q") and "-" not in m.group(0):
                # "the first nine months", "the past two years": TimeBank marks the frame too
                # (not the article of a modifier: "the 30-day review")
                start = _DURATION_FRAME_RE.search(text, max(0, start - 20), start).start()
            elif kind == "year" and (fiscal := _FISCAL_RE.search(text, max(0, start - 8), start)):
                start = fiscal.start()  # "fiscal 1989"
            elif kind == "weekday" and (part := _PART_BEFORE_RE.search(
                    text, max(0, m.start() - 10), m.start())):
                # "late on Wednesday", "since early Tuesday": the day's end or start, the span
                # still the day alone (as AQUAINT marks it)
                groups = {**groups, "mod": part.group(1)}
            # a frame taken in ("the past two years", "fiscal 1989") starts the phrase too
            found.append(Match(start, m.end(), read_as, groups, min(m.start(), start)))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    chosen: list[Match] = []
    for match in found:
        if chosen and match.start < chosen[-1].end:
            continue
        chosen.append(match)
    return _attach_days(text, chosen)


def _accepted(kind: str, m: re.Match[str], groups: dict[str, str | None], text: str,
              doc: Doc | None) -> bool:
    prefix = text[max(0, m.start() - 12) : m.start()]
    if kind == "month":
        if _surname_possessive(text, m, doc):
            return False  # "the rejection of May's deal", the article having named Theresa May
        mon = groups["mon"] or ""
        if mon.lower() in _AMBIGUOUS_MONTHS and not any(groups.get(k) for k in ("y", "rel", "mod")):
            return bool(groups.get("prep") or _MONTH_CONTEXT_RE.search(prefix)
                        or _RANGE_END_RE.search(text[max(0, m.start() - 25) : m.start()])
                        or _month_naming_noun(text, m, doc))
    if kind in {"duration", "ago"} and re.fullmatch(YEAR, groups["n"] or ""):
        return False  # "the 1988 second quarter"
    if kind == "duration":
        after = text[m.end() : m.end() + 12]
        if _AGE_RE.match(after) or (groups["unit"].lower() == "quarter" and not groups.get("run")
                                    and _FRACTION_RE.match(after)):
            return False
        if ((groups["n"] or "").lower() == "a" and groups["unit"].lower() == "second"
                and _modifies_noun(doc, m.start("unit"))):
            return False  # "for a second time", "a second visit": an ordinal
        if (groups["n"] or "").lower() in {"a", "an"} and text[m.end("unit") :][:1] in {"s", "S"}:
            return False  # "a decades-long feud": the article is the feud's, the unit plural
        framed = ("-" in m.group(0) or m.group(0).lower().endswith("long")
                  or any(groups.get(k) for k in ("more", "run", "half", "and_half")))
        return (framed or bool(groups.get("q")) or bool(_DURATION_CONTEXT_RE.search(prefix))
                or bool(_DURATION_AFTER_RE.match(after))
                or _parser_duration(m, groups, text, doc))
    if kind == "year":
        return year_in_context(text, m.start(), doc)
    if kind == "numeric":
        return bool(numeric_readings(groups, None))
    if kind == "old_year":
        return (_entity_label(doc, m.start()) == "DATE"
                and _OLD_YEAR_CONTEXT_RE.search(prefix) is not None)
    if kind == "period" and (groups.get("unit") or "").lower() == "month":
        return bool(groups.get("back")) and (groups.get("which") or "").lower() in _SAME
    if kind == "period" and (groups.get("unit") or "").lower() == "period":
        return bool(groups.get("which") or groups.get("py"))  # "the period" alone: any stretch
    if kind == "ref" and groups.get("w4"):
        return _time_adjective(text, m, doc)
    if kind == "ref" and groups.get("w3"):
        return not _in_name(text, m.start("w3"), m.end("w3"))
    if kind == "set" and groups.get("adv"):
        return not _rate_of_amount(text, m, doc) and not _publication(text, m, doc)
    if (kind == "decade" and groups.get("second") is not None
            and not _FIRST_DECADE_RE.search(text, max(0, m.start() - 30), m.start())):
        return False  # the second of two decades follows a decade: "in their 40s and 50s"
    if kind == "decade" and (groups.get("word") or "")[:1].isupper():
        word = token_at(doc, m.start("word")) if doc is not None else None
        # "the Forties oilfield": a capitalised decade naming the noun after it is a name
        return word is None or word.dep_ != "compound" or word.head.i < word.i
    if kind == "decade" and groups.get("short") and text[m.start("short") - 1] not in _DECADE_MARK:
        # "the 70s" without its apostrophe is a decade, but not in a weather report
        window = text[max(0, m.start() - 60) : m.end() + 30]
        return _TEMPERATURE_RE.search(window) is None
    if kind == "vague" and groups.get("bare"):
        return _BARE_UNIT_RE.search(prefix) is None  # not "two days after", "the first days"
    if kind == "season" and groups.get("fall") and groups.get("y"):
        return _FALL_PREP_RE.search(text, max(0, m.start() - 10), m.start()) is not None
    if kind == "season" and groups.get("season"):
        return not (_season_in_name(text, m) or _season_as_kind(text, m, doc)
                    or _read_as_verb(doc, m.start("season")))
    if kind == "weekday" and not groups.get("rel"):
        return not _weekday_in_name(text, m)
    if kind == "century":  # "21st Century Fox", "20th Century Studios": a company
        return not (m.group(0)[-7:-6] == "C" and _CAPITALISED_AFTER_RE.match(text, m.end()))
    if kind == "month" and groups.get("mon") and _entity_label(doc, m.start("mon")) == "PERSON":
        return False  # "April Mellody, a spokeswoman": a first name
    if kind == "holiday" and doc is not None:  # a surname: "19-Nick Easter"
        token = token_at(doc, m.start("h"))
        return not (token.ent_type_ == "PERSON" and token.ent_iob_ == "I")
    if kind == "relunit" and groups["rel"].lower() == "last" and (
            (_OF_AFTER_RE.match(text, m.end()) and _THE_BEFORE_RE.search(prefix))
            or _POSSESSIVE_BEFORE_RE.search(prefix)):
        return False  # "the last week of February", "the last year of his term", "his last
        # year in office": the final one, not the one before the report
    if kind == "relday" and groups.get("w") and (_ends_name(text, m.start("w"), doc)
                                                 or _today_in_name(text, m)):
        return False  # "USA Today", 'on RT "Russia Today"', "NBC's Today show"
    if kind == "relday" and (groups.get("w") or "").lower() == "overnight":
        # "an overnight flight" names no night, nor "you can't do that overnight" (at once)
        return (_GENERIC_DETERMINER_RE.search(prefix) is None
                and _NEGATED_RE.search(text, max(0, m.start() - 40), m.start()) is None)
    if kind == "clock" and groups.get("hh"):  # "8.40am" split as "8. 40am": no "40am"
        return 1 <= int(groups["hh"]) <= 12 and int(groups["mm"] or 0) < 60
    if kind == "clock" and groups.get("hh2"):
        return int(groups["hh2"]) < 24 and int(groups["mm2"] or 0) < 60
    if kind == "clock" and groups.get("hh3"):
        # "it was six in the morning", "at ten o'clock in the evening"; not "the one in the
        # evening" or "two in the morning and three at night" (a count)
        told = groups["hh3"].isdigit() or groups.get("oclock") or _WORD_HOUR_RE.search(prefix)
        return bool(told) and 1 <= clock_hour(groups["hh3"]) <= 12 and int(groups["mm3"] or 0) < 60
    if kind == "clock" and groups.get("hh4"):
        if not groups.get("zone") and not _CLOCK_PREP_RE.search(prefix):
            return False  # "flight 1653 on Monday", "resolution 1441 (1990 GMT…)": a number
        return not prefix.endswith("(")  # "10:35 a.m. (0735 GMT)": the time told again
    return True


# A word before a unit that makes it a counted or framed span, not just "days after"
_BARE_UNIT_RE = re.compile(rf"\b(?:\d[\d.,]*|{_AMOUNT_WORDS}|an?|the|few|several|many|couple|"
                           rf"{_ORDINAL_WORDS}|last|past|next|final|early|initial|these|those|"
                           r"some|of)\s+$", re.I)
_FIRST_DECADE_RE = re.compile(rf"(?:\bthe\s+(?:(?:early|mid|late)[\s-]+)?[{_DECADE_MARK}]?\d0|"
                              r"\b(?:19|20)\d0['’]?)s\s+(?:and|or)\s+$", re.I)
_TEMPERATURE_RE = re.compile(r"\b(?:temperatures?|degrees|highs?|lows?|thermometers?)\b|°",
                             re.I)
_CAPITALISED_AFTER_RE = re.compile(r"\s+[A-Z]")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:(?i:the)\s+)?$")
_CLAUSE_START_RE = re.compile(r"(?:^|[.!?:;]|[\"“‘(\[—–-]|``|\n)[\s'`]*$")


def _ends_name(text: str, start: int, doc: Doc | None) -> bool:
    """A capitalised word where no sentence, quotation or clause begins, which the parser
    reads as the end of a name that is no date ("USA Today"), is part of that name; a
    headline run into its text ("… Brooklyn Teen Yesterday, the police said") is not."""
    if doc is None or not text[start].isupper():
        return False
    if _CLAUSE_START_RE.search(text, max(0, start - 8), start):
        return False
    token = token_at(doc, start)
    return token.ent_iob_ == "I" and token.ent_type_ not in {"DATE", "TIME"}


# Newspapers, programmes and named days that hold a weekday: "the Sunday Times", "the Mail
# on Sunday", "Fox News Sunday", "Saturday Night Live", "Bloody Sunday", "Black Monday",
# "Super Tuesday".
_WEEKDAY_NAME_BEFORE_RE = re.compile(r"(?:\b(?:Mail|Independent|Scotland|Wales)\s+on|"
                                     r"\bFox\s+News|\bBloody|\bBlack|\bSuper)\s+$")
_WEEKDAY_NAME_AFTER_RE = re.compile(r"\s+(?:Times|Telegraph|Mirror|Express|People|Herald|Post|"
                                    r"Independent|Tribune|Mail|Star|World|Night\s+(?:Live|"
                                    r"Football|Baseball))\b")


_AHEAD_OF_RE = re.compile(r"\b(?:before|ahead\s+of|until|till|up\s+to|for)\s+$", re.I)
_NEGATED_RE = re.compile(r"(?:n['’]t|\bnot|\bnever)\b[^.;:!?]*$", re.I)
_POSSESSIVE_BEFORE_RE = re.compile(r"\b(?i:his|her|its|their|my|our|your)\s+$")
# Newspapers and programmes named "Today": "USA TODAY", "Russia Today", "NBC's Today show",
# "the Today programme".
_TODAY_NAME_BEFORE_RE = re.compile(r"\b(?:USA|Russia)\s+$")
_TODAY_NAME_AFTER_RE = re.compile(r"\s+(?:show|programme|program|newspaper)\b")


def _today_in_name(text: str, m: re.Match[str]) -> bool:
    w = m.start("w")
    if not text[w].isupper() or text[w : m.end("w")].lower() != "today":
        return False
    return (_TODAY_NAME_BEFORE_RE.search(text, max(0, w - 10), w) is not None
            or _TODAY_NAME_AFTER_RE.match(text, m.end("w")) is not None)


def _weekday_in_name(text: str, m: re.Match[str]) -> bool:
    wd = m.start("wd")
    return (_WEEKDAY_NAME_BEFORE_RE.search(text, max(0, wd - 30), wd) is not None
            or _WEEKDAY_NAME_AFTER_RE.match(text, m.end("wd")) is not None)


_SEASON_PREP_RE = re.compile(r"\b(?:in|during|by|since|until|through|over|before|after)\s+$",
                             re.I)
# Only "in", "during", "by", "until" make "the fall of 1989" a season: "since the fall of
# 1975", "after the fall of 1989" may tell of a city's or a wall's.
_FALL_PREP_RE = re.compile(r"\b(?:in|during|by|until)\s+$", re.I)


def _season_as_kind(text: str, m: re.Match[str], doc: Doc | None) -> bool:
    """ "another winter storm", "summer camps": a bare season before its noun names a kind of
    thing, not a time ("the summer months", "this winter's storms" are times)."""
    if (doc is None or m.group(0)[:1].lower() != m.group("season")[:1].lower() or m.group("y")
            or _SEASON_PREP_RE.search(text, max(0, m.start() - 10), m.start())):
        return False  # "in spring sales rose": a time
    token = token_at(doc, m.start("season"))
    return (token.dep_ in {"compound", "amod"} and token.head.i > token.i
            and token.head.pos_ == "NOUN")


def _read_as_verb(doc: Doc | None, offset: int) -> bool:
    """ "the well could yet spring a surprise": the word is a verb there, not a time."""
    return doc is not None and token_at(doc, offset).pos_ == "VERB"


def _season_in_name(text: str, m: re.Match[str]) -> bool:
    """ "the Winter Olympics", "the Arab Spring", "Spring of Life" rallies: a season in a name
    (not with its year: "the magazine's Spring 2015 issue" is a time)."""
    return not m.group("y") and _in_name(text, m.start("season"), m.end("season"))


def _in_name(text: str, start: int, end: int) -> bool:
    """A word written with a capital inside a sentence, or before another capitalised word, is
    part of a name: "the Arab Spring", "the Future Combat System", "Back to the Future"."""
    return text[start].isupper() and (
        _CAPITALISED_AFTER_RE.match(text, end) is not None
        or _SENTENCE_START_RE.search(text, max(0, start - 12), start) is None)


# Nouns "current" names a kind of, not a time: "current account", "current assets".
_NOT_NOW_RE = re.compile(r"\s+(?:accounts?|assets|liabilities|ratio|yield|coupon)\b", re.I)


def _time_adjective(text: str, m: re.Match[str], doc: Doc | None) -> bool:
    """ "the current weakness", "his current wife": the adjective is the present (PRESENT_REF),
    "the recent sale" the past (PAST_REF, but not "the most recent model", the latest of a
    series), where the parser reads it as one before its noun, but not a kind of account or
    asset."""
    if _NOT_NOW_RE.match(text, m.end()):
        return False
    if doc is None:
        return True
    span = doc.char_span(m.start("w4"), m.end("w4"), alignment_mode="expand")
    return span is not None and len(span) > 0 and span[-1].tag_ == "JJ" and span[-1].dep_ == "amod"


def numeric_readings(groups: dict[str, str | None], dct_year: int | None) -> list[date]:
    """The calendar days "12/03/2021" can be: month first, then day first (one if both agree or
    only one is a date). A two-digit year falls in the 80 years before the DCT's year or the 20
    after ("06/26/59" in 2021 is 1959, "3/9/11" is 2011)."""
    first, second, written = int(groups["n1"] or 0), int(groups["n2"] or 0), groups["ny"] or ""
    year = int(written)
    if len(written) == 2:
        pivot = (dct_year if dct_year is not None else 2000) + 20
        year += pivot // 100 * 100
        if year > pivot:
            year -= 100
    readings = []
    for month, day in ((first, second), (second, first)):
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    return list(dict.fromkeys(readings))


def _parser_duration(m: re.Match[str], groups: dict[str, str | None], text: str,
                     doc: Doc | None) -> bool:
    """With no frame word, a length of time still counts where the parser's entity pass calls
    it a date or time ("gave them five months", "surviving two days"), but not "one day"
    (someday), a rate ("24 hours a day") or a title in capitals ("60 Minutes")."""
    if groups["n"].lower() in {"one", "a", "an"} or groups["unit"][0].isupper():
        return False
    if _RATE_RE.match(text, m.end()):
        return False
    return _entity_label(doc, m.start("n")) in {"DATE", "TIME"}


# An amount, with at most one word for what is counted: "20%", "10,000 units", "$17.9 million".
_AMOUNT_BEFORE_RE = re.compile(r"(?:\d|%|\b(?:percent|hundred|thousand|million|billion|trillion))"
                               r"(?:\s+[a-z]+)?\s+$", re.I)


def _rate_of_amount(text: str, m: re.Match[str], doc: Doc | None) -> bool:
    """ "to rise 8.5% annually", "10,000 units annually": the adverb is the unit of a rate, part
    of the figure, not a recurring time as in "held here annually" ("24 daily flights", where
    the parser reads an adjective before its noun, is left as it is)."""
    if _AMOUNT_BEFORE_RE.search(text[max(0, m.start() - 40) : m.start()]) is None:
        return False
    if doc is None:
        return True
    span = doc.char_span(m.start("adv"), m.end("adv"), alignment_mode="expand")
    return span is None or not len(span) or span[0].dep_ != "amod"


_RATE_RE = re.compile(r"\s+(?:a|an|per|each|every)\s+(?:second|minute|hour|day|week|month|year)\b",
                      re.I)
_ORDINALS = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
_SUPERLATIVE_RE = re.compile(r"\b(?:\w+est|first|last|only|most|least|worst|best)\b"
                             r"[^.;:!?]{0,40}$", re.I)


def _after_superlative(text: str, offset: int, doc: Doc | None) -> bool:
    if doc is None:
        return _SUPERLATIVE_RE.search(text[max(0, offset - 50) : offset]) is not None
    span = doc.char_span(offset, offset + 2, alignment_mode="expand")
    if span is None or not len(span):
        return False
    start = span[0]
    window = doc[max(start.sent.start, start.i - 8) : start.i]
    if any(t.tag_ in {"JJS", "RBS"} or t.lower_ in {"first", "last", "only"} for t in window):
        return True
    # "the second letter in two weeks", "a third attack in a month": a count within a span.
    # A verb between them ("the second round will be held in two weeks") makes it a when.
    ordinals = [t for t in window if t.ent_type_ == "ORDINAL" or t.lower_ in _ORDINALS]
    return bool(ordinals) and not any(t.pos_ in {"VERB", "AUX"}
                                      for t in doc[ordinals[-1].i : start.i])


def year_in_context(text: str, start: int, doc: Doc | None) -> bool:
    """Whether a bare year at ``start`` is a time: after a word that introduces one ("in 1998",
    "since 2004") or called a date by the parser, never a count ("the 2000 voters")."""
    label = _entity_label(doc, start)
    if label in {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}:
        return False
    if _NAME_BEFORE_RE.search(text, max(0, start - 30), start):
        return False  # "the Russell 2000 index", "Windows 2000", "Euro 2012": part of a name
    prefix = text[max(0, start - 12) : start]
    return _YEAR_CONTEXT_RE.search(prefix) is not None or label in {"DATE", "TIME"}


_NAME_AFTER_RE = re.compile(rf"\s+(?!(?:{_WEEKDAY}|{_MONTH_FULL})\b)[A-Z]")
_NOUN_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "appos"}


def _publication(text: str, m: re.Match[str], doc: Doc | None) -> bool:
    """ "the Daily Mail", "the Communist Party daily Granma", "Haaretz daily said": a paper or
    a magazine, named by how often it comes out, not a recurring time."""
    word = m.group("adv")
    if word[0].isupper() and text[: m.start("adv")].rstrip()[-1:] not in {"", ".", "!", "?",
                                                                          "\"", "“", "\n"}:
        return True
    if _NAME_AFTER_RE.match(text, m.end("adv")):
        return True
    return doc is not None and token_at(doc, m.start("adv")).dep_ in _NOUN_ROLES


def _modifies_noun(doc: Doc | None, offset: int) -> bool:
    """Whether the parser reads the word at ``offset`` as an adjective before its noun."""
    return doc is not None and token_at(doc, offset).dep_ == "amod"


_LAST_NEXT_RE = re.compile(r"\b(last|next)\s+$", re.I)  # "last February 28"
_ENTRY_MARK_RE = re.compile(r"\s*[-–—:]")
_CAPITAL_ENTRY_MARK_RE = re.compile(r"\s*[-–—:]\s*[A-Z]")
_SENTENCE_END_RE = re.compile(r"[.!?”\"]\s+$")


def _chronology_entry(text: str, m: re.Match[str]) -> bool:
    """ "Feb. 26 - The U.N. Security Council imposes sanctions": a date opening its line and
    followed by a dash or a colon heads an entry of a chronology, told in the present of
    history. Where the lines were run together, an entry opens after a sentence's end and its
    text after the mark with a capital ("… loyal to Gaddafi. Feb. 26-The Council …")."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    if not text[line_start : m.start()].strip(" \t*•·"):
        return _ENTRY_MARK_RE.match(text, m.end()) is not None
    return (_SENTENCE_END_RE.search(text, max(line_start, m.start() - 4), m.start()) is not None
            and _CAPITAL_ENTRY_MARK_RE.match(text, m.end()) is not None)


def _qualified_noun_after(doc: Doc | None, offset: int) -> Token | None:
    """The noun after it that the word at ``offset`` qualifies, if any: "a late February
    launch", "the October slaying", "the November jobs report" name the time of that event or
    that report, not of the clause's verb."""
    if doc is None:
        return None
    token = token_at(doc, offset)
    if (token.dep_ not in {"compound", "nmod", "amod"} or token.head.pos_ != "NOUN"
            or token.head.i < token.i):
        return None
    noun = token.head
    while noun.dep_ == "compound" and noun.head.i > noun.i:  # "February campaign … reports"
        noun = noun.head
    return noun


def _counted_from(noun: Token | None) -> bool:
    """ "still down from the March high", "reconstruction from the March disasters": what a
    change is counted from has been, whatever the tense."""
    return noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "from"


# Verbs whose infinitive is a deed done or tried at the verb's own time, not a plan.
_TRIED = {"fail", "manage", "try", "attempt", "refuse", "decline", "seek", "struggle", "help"}


def _held_then(noun: Token | None) -> bool:
    """ "said at a February hearing", "in that October speech, she chimed in": the event is
    where a simple past's deed took place, so it is over; what a past verb names as its
    object may still be ahead ("announced a June summit")."""
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ not in {"at", "in", "during"}:
        return False
    verb = noun.head.head
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.lemma_ in _TRIED:
        verb = verb.head  # "failed to unseat him in the June election": done or tried then
    # a main verb tagged as a bare participle is a simple past misread: "ultimately acquiesced
    # in the Fed's December increase"
    return verb.tag_ == "VBD" or (verb.dep_ == "ROOT" and bare_participle(verb))


def _surname_possessive(text: str, m: Match, doc: Doc | None) -> bool:
    """ "the rejection of May's deal" in an article that names Theresa May: a bare month word
    in the possessive is the surname of a person the article names."""
    if doc is None or any(m.group(k) for k in ("prep", "mod", "rel", "y", "cy")):
        return False
    if not text.startswith(("'s", "’s"), m.end("mon")):
        return False
    return _names_person(doc, m.group("mon"))


def _names_person(doc: Doc, surname: str) -> bool:
    """Whether the article names a person, first name and all, whose last name is ``surname``."""
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == surname for e in doc.ents)


def _month_naming_noun(text: str, m: Match, doc: Doc | None) -> bool:
    """ "the March earthquake", "a May interview", "Florida's March primary": a capitalised
    "March" or "May" between a determiner and the common noun it qualifies is the month of that
    event, unless the article names someone of that surname ("the May government")."""
    word = m.group("mon")
    if doc is None or not word[0].isupper() or not _DETERMINER_BEFORE_RE.search(
            text[max(0, m.start() - 12) : m.start()]):
        return False
    noun = _qualified_noun_after(doc, m.start("mon"))
    return noun is not None and noun.text.islower() and not _names_person(doc, word)


def _entity_label(doc: Doc | None, offset: int) -> str | None:
    """What the parser's named-entity pass calls the token at ``offset``, if anything."""
    if doc is None:
        return None
    span = doc.char_span(offset, offset + 4, alignment_mode="expand")
    return span[0].ent_type_ or None if span is not None and len(span) else None


def _attach_days(text: str, matches: list[Match]) -> list[Match]:
    """ "10 p.m. Wednesday", "noon on Friday", "Saturday, April 25": one expression each.

    A clock time after its day ("Sunday night at 8 PM") or apart from it ("10:35 a.m. (0735 GMT)
    Friday") stays its own expression, as TIMEX3 marks it, but takes that day rather than the
    publication date."""
    out: list[Match] = []
    for match in matches:
        previous = out[-1] if out else None
        if previous is not None and _joinable(previous, match, text):
            previous.day = match
            previous.end = match.end
            continue
        if (previous is not None and previous.kind == "clock" and previous.day is not None
                and _joinable(previous.day, match, text)):
            # "11.29 GMT on Monday 18 March 2013": the clock's weekday takes its date
            previous.day.day = match
            previous.day.end = previous.end = match.end
            continue
        if previous is not None:
            between = text[previous.end : match.lead]
            if (previous.kind == "weekday" and previous.day is None and match.kind in {"mdy", "dmy"}
                    and not previous.groups.get("rel") and not previous.groups.get("plural")
                    and _OPENING_BRACKET_RE.fullmatch(between)):
                previous.day = match  # "Saturday afternoon (Oct. 8)": the day the date gives
            elif _day_for_clock(previous, match) and _CLOCK_AFTER_DAY_RE.fullmatch(between):
                match.day = previous
            elif _day_for_clock(match, previous) and _OTHER_ZONE_RE.fullmatch(between):
                previous.day = match
        out.append(match)
    for clock, other in pairwise(out):
        # "at 4 in the morning (4 a.m. EDT Thursday)": the same time told with its day
        if (clock.kind == other.kind == "clock" and clock.day is None and other.day is not None
                and re.fullmatch(r"\s*\(\s*", text[clock.end : other.lead])):
            clock.day = other.day
    return out


def _day_for_clock(day: Match, clock: Match) -> bool:
    return (clock.kind == "clock" and clock.day is None and day.kind in _DAY_KINDS
            and not day.groups.get("plural"))


def _joinable(first: Match, second: Match, text: str) -> bool:
    between = text[first.end : second.lead]
    if first.kind == "clock" and first.day is None:
        return second.kind in _DAY_KINDS and _CLOCK_JOINER_RE.fullmatch(between) is not None
    if first.day is not None or _JOINER_RE.fullmatch(between) is None:
        return False
    return (first.kind == "weekday" and second.kind in {"mdy", "dmy"}
            and not first.groups.get("part"))
