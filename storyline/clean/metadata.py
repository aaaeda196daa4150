"""Metadata read from an article's own text: dateline, credits, syndication notes, site name.

Every reader here works on the shape of news conventions (``PLACE (Agency) –``, ``Writing by
A; Editing by B``, ``edited by X staff``), never on a list of particular outlets.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from dateutil import parser as date_parser

from storyline.clean.notes import NOTE_RE
from storyline.textutil import WORD_RE

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# One place of a dateline ("ST. LOUIS, Mo."); a wire joins several with slashes ("KYIV/MOSCOW").
# A place stays on its line: "By Ana Ruiz\nVELM, March 3 (AP) -" is a byline, then the place.
_PLACE = (r"[A-Z][A-Za-z'’.\-]*(?:[ \t]+[A-Z][A-Za-z'’.\-]*){0,3}"
          r"(?:,[ \t]*[A-Z][A-Za-z.'’\-]*(?:[ \t]+[A-Z][A-Za-z.'’\-]*){0,2})?")
DATELINE_RE = re.compile(
    rf"""^(?P<place>{_PLACE}(?:\s*/\s*{_PLACE}){{0,3}})
        (?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}))?
        \s*(?:\((?P<agency>[A-Za-z][A-Za-z.&'’ -]{{0,30}})\))?
        \s*(?P<sep>[-–—―:|]+)\s+(?=\S)""",
    re.VERBOSE,
)
AGENCY_ONLY_RE = re.compile(r"^\((?P<agency>[A-Za-z][A-Za-z.&'’ -]{0,30})\)\s*[-–—―:|]+\s+(?=\S)")
# Words that open labelled lines rather than datelines ("UPDATE: ...", "ANALYSIS - ...").
_LABEL_WORDS = frozenset([
    "photo", "file", "watch", "update", "updated", "breaking", "exclusive", "analysis", "opinion",
    "live", "video", "editor", "note", "factbox", "explainer", "correction", "read", "related",
    "advertisement",
])

NAME_RE = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:(?:de|da|del|dos|van|von|der|den|al|el|bin|la|le|du|di)\s+)?"
    r"[A-Z][\w'’.-]*){1,3}"
)
_CREDIT_SEGMENT_RE = re.compile(
    r"(?:[A-Za-z]+(?:\s+[A-Za-z]+)*?\s+by|contributing|contributors?)\s*:?\s+(?P<names>.+)",
    re.IGNORECASE,
)
_STAFF_RE = re.compile(r"\bby\s+(?:the\s+)?(?P<site>[A-Z][\w&.'’ -]{0,40}?)\s+staff\b")
_SOURCE_RE = re.compile(
    r"\b(?:inputs? from|courtesy of|appeared (?:first |originally )?(?:in|on)|"
    r"republished from|via)\s+(?:the\s+)?(?P<source>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"
)
MEDIA_WORDS = frozenset([
    "times", "news", "post", "herald", "journal", "tribune", "gazette", "daily", "telegraph",
    "guardian", "mail", "express", "observer", "chronicle", "independent", "standard", "star",
    "sun", "mirror", "press", "agency", "tv", "radio", "network", "broadcasting", "media", "wire",
    "review", "monitor", "today", "insider", "magazine", "weekly", "bulletin", "courier",
    "examiner", "inquirer", "dispatch", "globe", "reporter",
])
_GENERIC_WORDS = MEDIA_WORDS | frozenset([
    "the", "of", "and", "world", "latest", "top", "breaking", "local", "national",
    "international", "business", "politics", "sport", "sports", "opinion", "home", "live",
    "video", "videos", "more", "us", "uk", "europe", "asia", "africa", "americas", "science",
    "health", "tech", "technology", "entertainment", "culture", "lifestyle", "travel", "online",
])
_DATE_LINE_PREFIX_RE = re.compile(
    r"^(?:(?:first\s+)?published|updated|last updated|posted|modified|date)\s*(?:on|:)?\s*",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
_URL_DATE_RE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")


@dataclass(frozen=True)
class Dateline:
    place: str | None
    agency: str | None
    length: int  # characters to strip from the start of the paragraph
    stamped: str | None = None  # ISO day of a time stamp among them
    byline: str | None = None  # a byline run into them ("By Jane Doe and John Roe")


_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?"
_DAY_OF_MONTH = rf"(?:\d{{1,2}}\s+{_MONTH},?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?)"
_DATE_WITH_YEAR = rf"{_DAY_OF_MONTH}\s+(?:19|20)\d{{2}}"
_CLOCK = (r"\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?"
          r"(?:\s*(?-i:[A-Z]{1,3}T|UTC)\b|\s+(?-i:[A-Z]{2,3})\s+time\b)?")  # "EST", "UK time"
# A page's time stamp run into the text it heads ("Sun Feb 20, 2011 6:47 pm EST", "Thursday 12
# May 2005 12.21 BST", "Updated 10:32 AM ET, Mon March 7, 2022", "Thu, Oct 20 19:15 PM EDT",
# "18:00 UK time, Saturday, 25 April 2009"): a
# date with its year or its weekday, and a clock time, which no sentence opens with.
_STAMP_RE = re.compile(
    rf"""^(?:(?:published|updated|last\s+updated|posted)\s*:?\s*)?
        (?:(?:(?:{_WEEKDAY}\s+)?{_DATE_WITH_YEAR}|{_WEEKDAY}\s+{_DAY_OF_MONTH})
           \s*,?\s*(?:at\s+)?{_CLOCK}
          |{_CLOCK}\s*,?\s+(?:{_WEEKDAY}\s+)?{_DATE_WITH_YEAR})
        \s*[-–—|,;:]?\s+(?=\S)""",
    re.VERBOSE | re.IGNORECASE,
)
# The same stamp in mid-line, where a flattened page runs it between its headline and body
# ("… in Europe and New Zealand Sunday 26 April 2009 18.45 BST People wear …"): only in full,
# weekday, date with year and clock, and not after a word that makes it part of a sentence.
_MIDLINE_STAMP_RE = re.compile(
    rf"""(?<![\w,])(?:{_WEEKDAY}\s+{_DATE_WITH_YEAR}\s*,?\s*{_CLOCK}
                   |{_CLOCK}\s*,?\s+{_WEEKDAY}\s+{_DATE_WITH_YEAR})(?=\s+[A-Z“"‘'])""",
    re.VERBOSE | re.IGNORECASE,
)
_BEFORE_A_TIME = frozenset(["on", "at", "by", "since", "until", "till", "from", "before",
                            "after", "of", "to", "between", "and", "or", "the"])
_MAX_LEAD_PARTS = 4
_LEAD_NOTE_RE = re.compile(rf"\s*(?:{NOTE_RE.pattern})\s*")
_DOTTED_CLOCK_RE = re.compile(r"(\d)\.(\d\d)\b(?!\.)")
_ZONE_IN_WORDS_RE = re.compile(r"\s+[A-Z]{2,3}\s+time\b")


def parse_dateline(paragraph: str) -> Dateline | None:
    """``MOSCOW (Reuters) – ...``, ``KYIV, Ukraine — ...``, ``(AP) — ...`` at a body's start,
    with any time stamp before or after it ("RABAT | Sun Feb 20, 2011 6:47 pm EST RABAT
    (Reuters) - ...") and a byline before them ("By Jane Doe WASHINGTON (AP) — ...", "By the
    CNN Wire Staff ..."), and a wire's note heading them ("(Updates with details) CAIRO, Feb 1
    (Reuters) - ..."): the length covers them all. A note with none of them after it is left
    to stand as a sentence piece of its own."""
    place = agency = stamped = None
    note = _LEAD_NOTE_RE.match(paragraph)
    noted = note.end() if note else 0
    byline = _byline(paragraph[noted:])
    length = noted + (len(byline) if byline else 0)
    for _ in range(_MAX_LEAD_PARTS):
        rest = paragraph[length:]
        stamp = _STAMP_RE.match(rest)
        if stamp:
            # "12.21 BST": dateutil reads a clock only with a colon, and no "UK time"
            stamped = stamped or parse_date_line(_ZONE_IN_WORDS_RE.sub("", _DOTTED_CLOCK_RE.sub(
                r"\1:\2", stamp.group(0))))
            length += stamp.end()
            continue
        found = _one_dateline(rest)
        if found is None:
            break
        place, agency = place or found.place, agency or found.agency
        length += found.length
    return Dateline(place, agency, length, stamped, byline and byline.strip(" ,;:|-–—\n\t")
                    ) if length > noted else None


def page_stamps(text: str) -> list[tuple[int, int]]:
    """Character spans of full time stamps standing between sentences anywhere in ``text``."""
    out = []
    for match in _MIDLINE_STAMP_RE.finditer(text):
        before = WORD_RE.findall(text[max(0, match.start() - 20) : match.start()])
        if not before or before[-1].lower() not in _BEFORE_A_TIME:
            out.append(match.span())
    return out


def lead_furniture(text: str) -> bool:
    """Whether ``text`` is nothing but a byline, a dateline and time stamps ("By the CNN Wire
    Staff", "Thursday 12 May 2005 12.21 BST"): what a sentence splitter may leave of them."""
    text = text.strip()
    found = parse_dateline(text + " .")
    return found is not None and found.length >= len(text)


_STAFF_BYLINE_RE = re.compile(r"By\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}(?:[Ww]ire\s+)?"
                              r"[Ss]taff\b[\s,;:|–—-]*(?=\S)")
_BYLINE_NAME_RE = re.compile(r"(?:\s*(?:,|and|&)?\s+)([A-Z][\w.'’-]*)")
# a blog's byline: the writer's name, a bar and the stamp ("Jane Doe | 18:00 UK time, …")
_BLOG_BYLINE_RE = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*\s*\|\s*")
_MAX_BYLINE_WORDS = 12


def _byline(paragraph: str) -> str | None:
    """A byline run into the dateline or stamp after it: the names end where a dateline or a
    stamp begins (preferring a dateline in capitals: "By LISA MASCARO Associated Press
    WASHINGTON (AP) —"); "By the CNN Wire Staff" ends at its staff, and a blog's "Jane Doe |"
    at its bar."""
    m = _STAFF_BYLINE_RE.match(paragraph)
    if m:
        return m.group(0)
    m = _BLOG_BYLINE_RE.match(paragraph)
    if m and _STAMP_RE.match(paragraph[m.end():]):
        return m.group(0)
    if not paragraph.startswith("By "):
        return None
    ends, position = [], 2
    for _ in range(_MAX_BYLINE_WORDS):
        word = _BYLINE_NAME_RE.match(paragraph, position)
        if word is None:
            break
        position = word.end()
        rest = paragraph[position:].lstrip(" ,\n")
        found = _one_dateline(rest)
        if found or _STAMP_RE.match(rest):
            capitals = bool(found and found.place and found.place.split(",")[0].isupper())
            ends.append((not capitals, len(paragraph) - len(rest)))
    return paragraph[: min(ends)[1]] if ends else None


def _one_dateline(paragraph: str) -> Dateline | None:
    m = AGENCY_ONLY_RE.match(paragraph)
    if m:
        return Dateline(None, _clean_agency(m.group("agency")), m.end())
    m = DATELINE_RE.match(paragraph)
    if not m:
        return None
    place, agency = m.group("place").strip(), m.group("agency")
    head = place.split(",")[0]
    if any(w.lower() in _LABEL_WORDS for w in WORD_RE.findall(head)):
        return None
    if agency is None and not (head.isupper() and len(head) >= 3):
        return None
    if agency is None and m.group("sep").strip() == ":" and len(head.split()) > 2:
        return None
    return Dateline(place, _clean_agency(agency) if agency else None, m.end())


def _clean_agency(agency: str) -> str:
    return " ".join(agency.split())


def credit_names(line: str) -> list[str]:
    """People named in a credit line: ``(Reporting by A in Kyiv; Editing by B and C)``."""
    body = line.strip().strip("()[]").strip()
    names: list[str] = []
    for segment in re.split(r"[;|]", body):
        m = _CREDIT_SEGMENT_RE.search(segment.strip())
        if m:
            names.extend(_names(m.group("names")))
    return names


def byline_names(line: str) -> list[str]:
    """People named in a byline: ``By Jane Doe and John Roe, Reuters``."""
    rest = re.sub(r"^By\s+", "", line.strip())
    return [n for n in _names(rest) if len(n.split()) >= 2]


def _names(text: str) -> list[str]:
    out = []
    for part in re.split(r",|\band\b|&", text):
        part = re.split(r"\s+(?:in|at|from|for)\s+", part.strip())[0]
        m = NAME_RE.fullmatch(_OUTLET_TAIL_RE.sub("", part.strip().rstrip(".")))
        if m:
            out.append(m.group(0))
    return out


# An outlet after a writer's name in a byline run into the text: "By JOE HALE Coast Press".
_OUTLET_TAIL_RE = re.compile(
    rf"(?<=\S)\s+(?:[A-Z][\w'’.-]*\s+)?(?i:{'|'.join(sorted(MEDIA_WORDS))})$")


@dataclass(frozen=True)
class SyndicationNote:
    site: str | None  # the site that ran the story ("... edited by NDTV staff")
    source: str | None  # where it came from, when named ("with inputs from Reuters")


def parse_syndication(line: str) -> SyndicationNote:
    staff = _STAFF_RE.search(line)
    source = _SOURCE_RE.search(line)
    return SyndicationNote(
        staff.group("site").strip() if staff else None,
        source.group("source").strip() if source else None,
    )


_NAME = r"(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w&'’.-]*){0,4})"
# Keywords in any case, names only with capitals (scoped flags keep the two apart).
_YEAR = r"(?:19|20)\d{2}"
_COPYRIGHT_RE = re.compile(rf"^(?i:copyright)?\s*(?:©|\((?i:c)\))?\s*(?:{_YEAR}\s+)?{_NAME}"
                           rf"\s*(?:{_YEAR})?\s*(?:\.|,|$)")
_SOURCE_LINE_RE = re.compile(rf"^(?i:source|via)\s*:\s*{_NAME}\s*\.?$")


def copyright_holder(line: str) -> str | None:
    """ "© 2024 The Dunmore Courier. All rights reserved." names the site itself."""
    text = line.strip()
    if not re.match(r"^(?:copyright|©|\(c\))", text, re.IGNORECASE):
        return None
    m = _COPYRIGHT_RE.match(text)
    return m.group("name").rstrip(".") if m else None


def source_credit(line: str) -> str | None:
    """ "Source: CNN" at the foot of a story names where its content came from."""
    m = _SOURCE_LINE_RE.match(line.strip())
    return m.group("name").rstrip(".") if m else None


_CAPITALISED_RUN_RE = re.compile(
    r"(?:\bThe\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of\s+|the\s+|&\s+)?[A-Z][\w&'’.-]*){0,4}"
)


def site_name(chrome: list[str], host: str | None) -> str | None:
    """The site's own name as its page furniture repeats it (``Support The Daily Planet!``).

    With a known host, only a name that spells it counts ("The Sun Online" on thesun.co.uk,
    "BBC News" on bbc.co.uk): other capitalised runs there are captions, credits and people
    ("Getty Images", "Associated Press", "Elon Musk"), and the domain names the site the same
    way on every page. Without a host, a run in capitals is a heading ("MOST READ IN NEWS"),
    not a name."""
    counts: Counter[str] = Counter()
    for line in chrome:
        for m in _CAPITALISED_RUN_RE.finditer(line):
            name = m.group(0).strip(" .’'")
            if name:
                counts[name] += 1
    squashed_host = _squash(registrable_label(host)) if host else None
    best: tuple[int, str] | None = None
    for name, n in counts.items():
        tokens = [t.lower() for t in WORD_RE.findall(name)]
        has_media_word = any(t in MEDIA_WORDS for t in tokens)
        if squashed_host is not None:
            matches_host = _spells_host(tokens, squashed_host)
            if not matches_host:
                continue
        else:
            matches_host = False
            distinctive = any(t not in _GENERIC_WORDS for t in tokens)
            if not (distinctive and len(tokens) >= 2 and not name.isupper()
                    and (n >= 2 or has_media_word)):
                continue
        rank = (3 if matches_host else 0) + (2 if has_media_word else 0) + min(n, 3)
        if best is None or rank > best[0]:
            best = (rank, name)
    return best[1] if best else None


def spells_host(name: str, host: str) -> bool:
    """Whether ``name`` is the site at ``host`` by its spelling ("CNN" on edition.cnn.com)."""
    return _spells_host([t.lower() for t in WORD_RE.findall(name)],
                        _squash(registrable_label(host)))


def _spells_host(tokens: list[str], squashed_host: str) -> bool:
    """The name's first words spell the host's label, each word whole or by its initial, and
    any others are generic: "The Sun Online" / thesun, "New York Times" / nytimes, "The
    Washington Post" / washingtonpost; "CNN Special" or "BBC London" name something else."""
    words = [_squash(t) for t in tokens]
    starts = [1] if words[:1] == ["the"] else []
    return any(_spell(words, i, squashed_host, len(squashed_host) >= 3) for i in [0, *starts])


def _spell(words: list[str], i: int, rest: str, whole_seen: bool) -> bool:
    """``rest`` of the label from ``words[i:]``; a label made of initials alone must be three
    letters or more ("Cable News Network" / cnn, not "Nice Year" / ny)."""
    if not rest:
        return whole_seen and i > 0 and all(w in _GENERIC_WORDS for w in words[i:])
    if i >= len(words) or not words[i]:
        return False
    word = words[i]
    return ((rest.startswith(word) and _spell(words, i + 1, rest[len(word):], True))
            or (len(word) > 1 and rest[0] == word[0]
                and _spell(words, i + 1, rest[1:], whole_seen)))


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host.lower())


def registrable_label(host: str) -> str:
    """``www.bbc.co.uk`` -> ``bbc``; ``edition.cnn.com`` -> ``cnn``."""
    parts = host.split(".")
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in {"co", "com", "org", "net", "ac",
                                                                 "gov", "news"}:
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else parts[0]


def outlet_from_host(host: str) -> str:
    """The registrable domain, which names the site without guessing its spelling."""
    label = registrable_label(host)
    return host[host.index(label):] if label in host else host


def parse_date_line(line: str) -> str | None:
    """A line that is only a date (``Published: December 3, 2021 10:32 AM``) -> ISO date."""
    if len(line) > 80 or not _YEAR_RE.search(line):
        return None
    rest = _DATE_LINE_PREFIX_RE.sub("", line.strip())
    parsed = _parse_date(rest)
    return parsed.date().isoformat() if parsed else None


# Seconds (10 digits) or milliseconds (13) since 1970, as JSON dumps often give them; eight
# digits stay a compact date (20211203).
_EPOCH_RE = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}")


def _from_epoch(number: float) -> str | None:
    seconds = number / 1000 if number >= 1e11 else number
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _parse_date(text: str) -> datetime | None:
    """dateutil's reading of ``text``, or None when it holds no year."""
    try:
        with warnings.catch_warnings():  # "EST" and friends: the zone is dropped, the time kept
            warnings.simplefilter("ignore", date_parser.UnknownTimezoneWarning)
            parsed = date_parser.parse(text, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    return None if parsed.year == 1900 else parsed


def date_from_url(url: str | None) -> str | None:
    """``/2021/12/03/`` in an article URL; inferred, so marked as such by the caller."""
    if not url:
        return None
    m = _URL_DATE_RE.search(url)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def normalise_published(value: str) -> str | None:
    """Any reasonable date or datetime string -> ISO 8601 (date only when no time was given)."""
    text = value.strip()
    if _EPOCH_RE.fullmatch(text):
        return _from_epoch(float(text))
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    if not re.search(r"\d", text):
        return None
    parsed = _parse_date(text)
    if parsed is None:
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", text))
    return parsed.isoformat() if has_time else parsed.date().isoformat()
