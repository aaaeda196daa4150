"""Decide, for each line or paragraph of already-flattened text, whether it is article body.

No phrase lists from any particular site: a unit is judged by its shape (length, terminal
punctuation, share of function words, capitals), its position (the body is one contiguous run,
chrome sits at the top and the tail), generic web-page vocabulary (calls to action, share and
sign-up words), caption and credit patterns, whether it addresses the reader ("you", "your"
outside quotes), and whether the same line recurs across other articles of the same site.

The body is the contiguous run of units with the largest total score (a maximum-sum subarray):
prose scores positive, chrome negative, so chrome at either end falls away while a short
crosshead between two prose paragraphs stays. Inside that run, units that are chrome beyond
doubt (captions, credit lines, labels, calls to action) are still dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from storyline.textutil import WORD_RE, stopword_ratio

# A sentence end, or a quotation closed after a comma whose attribution was cut off.
TERMINAL_RE = re.compile(r"(?:[.!?…。！？][\"”’'»)\]」』]*|[,;][\"”»])\s*$")
# A quotation stops at its closing mark or at the next opening one, so a line full of opening
# marks with no closing mark is read once, not once per mark.
QUOTED_RE = re.compile(r"“[^“”]*”|\"[^\"]*\"|«[^«»]*»")
# An upper-case label and a colon opening a line: "PHOTO: ...", "WATCH: ...", "READ MORE: ...".
LABEL_RE = re.compile(r"^[A-Z][A-Z0-9 .'’/&-]{1,30}:\s")
# A short parenthetical after the final full stop: a picture credit or note, "(file)", "(AP)".
TRAILING_NOTE_RE = re.compile(r"[.!?][\"”’]?\s*\([^()]{1,40}\)\s*$")
PHOTO_CREDIT_RE = re.compile(
    r"\b(?:photo(?:graph)?s?|image|picture|pic|credit|courtesy|illustration)\b\s*(?:by\b|:|/|\|)"
    r"|/\s*(?:Reuters|AFP|AP|EPA|Getty|Shutterstock|Bloomberg)\b|\bGetty Images\b|\bAP Photo\b",
    re.IGNORECASE,
)
CREDIT_RE = re.compile(
    r"^\(?\s*(?:(?:additional|editing|writing|reporting|compiled|edited|written|produced|"
    r"translated|reported|graphics|research|contributed|[a-z]+ing)(?:\s+and\s+[a-z]+ing)?\s+by|"
    r"contributing|contributors?)\b",
    re.IGNORECASE,
)
BYLINE_RE = re.compile(r"^By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
                       r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*\s*,?")
SYNDICATION_RE = re.compile(
    r"\bsyndicat(?:ed|ion)\b|\bwire (?:service|agency|copy|feed)\b|\bagency feed\b"
    r"|\binputs? from\b|\bauto-generated\b|\bnot been edited by\b",
    re.IGNORECASE,
)
# A site's legal notice: "© 2024 X. All rights reserved.", "Copyright 1995 - . All rights …",
# "… shall not be republished …". Generic to web pages, so flagged at any length up to a
# paragraph of fine print. It is dropped from the body chosen, but scored as its shape says:
# a notice that closes an article still marks where the article was.
LEGAL_RE = re.compile(
    r"^(?:copyright\s*(?:©|\(c\))?\s*\d{4}|©|\(c\)\s*\d)|\ball rights reserved\b"
    r"|\b(?:may|must|shall) not be (?:republished|reproduced|redistributed|rewritten)\b",
    re.IGNORECASE,
)
LEGAL_MAX_WORDS = 100
# A gallery's counter closing a caption: "… Hide Caption 1 of 30", "Photo 3 of 12".
GALLERY_COUNTER_RE = re.compile(
    r"\b(?:caption|photo|image|picture|slide)s?\s+\d+\s*(?:of|/)\s*\d+\s*$", re.IGNORECASE)
READ_TIME_RE = re.compile(r"^\d+\s*(?:min|mins|minutes?)\s+read\b", re.IGNORECASE)
# An e-mail address's local part is at most 64 characters (RFC 5321): bounding it keeps a long
# line with no space from being scanned once per character.
LINK_RE = re.compile(r"https?://|www\.|[^\s@]{1,64}@[^\s@]+\.\w+")
# Words that open calls to action on web pages ("Subscribe to…", "Follow us", "Support X!").
CTA_WORDS = frozenset([
    "subscribe", "sign", "follow", "share", "support", "donate", "connect", "download", "click",
    "tap", "read", "watch", "listen", "join", "register", "login", "log", "comment", "comments",
    "email", "explore", "skip", "continue", "sponsored", "advertisement", "advertising", "ad",
    "newsletter", "related", "recommended", "trending", "install", "upgrade", "unlock", "remind",
])
# Words of the web page around an article rather than of news prose.
UI_WORDS = frozenset([
    "newsletter", "newsletters", "subscribe", "subscribed", "subscribing", "subscription",
    "subscriptions", "subscriber", "subscribers", "cookie", "cookies", "privacy", "terms",
    "advertisement", "advert", "adverts", "sponsored", "copyright", "reserved", "login",
    "password", "email", "app", "apps", "download", "comments", "menu", "homepage", "signup",
    "paywall", "premium", "donate", "donation", "donations", "browser", "javascript", "mobile",
    "version", "click", "tap", "swipe", "notifications", "unsubscribe", "inbox",
])
SOCIAL_WORDS = frozenset([
    "facebook", "twitter", "whatsapp", "linkedin", "instagram", "telegram", "youtube", "pinterest",
    "reddit", "rss", "tiktok", "threads", "bluesky", "x",
])
# Characters that show nothing: a line of only these is a blank line (page builders pad with them).
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
WRAP_WIDTH = 100
LONG_UNIT_WORDS = 40
CAPTION_MAX_WORDS = 60
APPEAL_MAX_WORDS = 150
READER_WORDS = frozenset({"you", "your", "yours", "yourself", "yourselves"})
WE_WORDS = frozenset({"we", "us", "our", "ours"})


@dataclass
class Unit:
    """A line, or a hard-wrapped paragraph, with its offsets into the original text."""

    index: int
    start: int
    end: int
    text: str
    words: list[str] = field(default_factory=list)
    terminal: bool = False
    flags: set[str] = field(default_factory=set)
    score: float = 0.0

    @property
    def n_words(self) -> int:
        return len(self.words)


def split_units(text: str) -> list[Unit]:
    """Non-empty lines as units; runs of lines that are one wrapped paragraph become one unit."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped.strip(INVISIBLE):
            lead = len(raw) - len(raw.lstrip())
            lines.append((pos + lead, pos + lead + len(stripped)))
        else:
            lines.append((-1, -1))
        pos += len(raw)
    units: list[Unit] = []
    block: list[tuple[int, int]] = []
    for span in [*lines, (-1, -1)]:
        if span[0] >= 0:
            block.append(span)
            continue
        if block:
            spans = [(block[0][0], block[-1][1])] if _is_wrapped(text, block) else block
            for start, end in spans:
                units.append(Unit(len(units), start, end, text[start:end]))
        block = []
    return units


def _is_wrapped(text: str, block: list[tuple[int, int]]) -> bool:
    """Hard-wrapped prose: lines of similar length, at most ~100 characters, that mostly stop
    mid-sentence. Long lines without full stops (a gallery of captions) are not that."""
    if len(block) < 2:
        return False
    lines = [text[s:e] for s, e in block[:-1]]
    lengths = [len(line) for line in lines]
    if max(lengths) > WRAP_WIDTH or min(lengths) < 0.5 * max(lengths):
        return False
    open_ended = sum(1 for line in lines if not TERMINAL_RE.search(line))
    return open_ended >= 0.6 * len(lines)


def describe(unit: Unit) -> None:
    """Fill in the unit's words, terminal flag and chrome flags."""
    text = " ".join(unit.text.split())
    unit.words = WORD_RE.findall(text)
    unit.terminal = bool(TERMINAL_RE.search(text))
    flags = unit.flags
    n = unit.n_words
    lowered = [w.lower() for w in unit.words]
    first = lowered[0] if lowered else ""
    if n == 0:
        flags.add("empty")
        return
    # Line-shape patterns describe short lines; a unit of article length is never a caption.
    short = n <= CAPTION_MAX_WORDS
    if short and CREDIT_RE.match(text) and (text.startswith("(") or not unit.terminal or n <= 25):
        flags.add("credit")
    if BYLINE_RE.match(text) and n <= 12 and not unit.terminal:
        flags.add("byline")
    if SYNDICATION_RE.search(text) and (text.startswith("(") or n <= 40):
        flags.add("syndication")
    if short and LABEL_RE.match(text) and (not unit.terminal or n <= 15):
        flags.add("caption")
    if TRAILING_NOTE_RE.search(text) and n <= 40:
        flags.add("caption")
    credit = PHOTO_CREDIT_RE.search(text)
    if short and credit and (n <= 40 or credit.start() == 0):
        flags.add("caption")
    if LEGAL_RE.search(text) and n <= LEGAL_MAX_WORDS:
        flags.add("legal")
    if GALLERY_COUNTER_RE.search(text) and n > 5:  # a caption, not the bare counter
        flags.add("caption")
    if READ_TIME_RE.match(text) or (LINK_RE.search(text) and n <= 15):
        flags.add("ui")
    if text.isupper() and n <= 6:
        flags.add("label")
    ui_hits = sum(1 for w in lowered if w in UI_WORDS)
    social_hits = sum(1 for w in lowered if w in SOCIAL_WORDS)
    share_bar = social_hits >= 2 and social_hits >= 0.3 * n
    if (ui_hits >= 2 and ui_hits >= 0.25 * n) or (
        not unit.terminal and ((ui_hits + social_hits >= 1 and n <= 12) or share_bar)
    ):
        flags.add("ui")
    if short and first in CTA_WORDS and (not unit.terminal or n <= 5):
        flags.add("cta")
    if text.endswith("!") and n <= 6:
        flags.add("cta")
    unquoted = [w.lower() for w in WORD_RE.findall(QUOTED_RE.sub(" ", text))]
    reader = sum(1 for w in unquoted if w in READER_WORDS)
    we = sum(1 for w in unquoted if w in WE_WORDS)
    # An appeal to the reader is a paragraph, not a whole transcript of an interview.
    appeal = reader and (we or "please" in unquoted) and reader + we >= 0.04 * n
    if appeal and n <= APPEAL_MAX_WORDS:
        flags.add("reader")
    if text.startswith(("…", "...")) or (
        text[0].isalpha() and text[0].islower() and (n <= 8 or not unit.terminal)
    ):
        flags.add("fragment")


STRONG = frozenset({"credit", "byline", "syndication", "caption", "ui", "label", "cta", "reader"})


# Characters per word, to size text in scripts written without spaces (Chinese, Japanese…).
CHARS_PER_WORD = 6


def score(unit: Unit, repeated: bool, english: bool = True) -> float:
    """Positive for prose, negative for chrome; the body is the best-scoring contiguous run.

    Function words tell prose from chrome in English; in other languages that test is left
    out and length is also counted in characters, so unspaced scripts are not all "short".
    The weights come from a small grid search on the dev half of the Zyte extraction pages
    (benchmarks/extraction.py); the held-out half is only scored.
    """
    n = unit.n_words if english else max(unit.n_words, len(unit.text) // CHARS_PER_WORD)
    if unit.flags & STRONG:
        return -(2.0 + n / 15)
    ratio = stopword_ratio(unit.words) if english else 1.0
    if repeated:
        if n < 15 or (not unit.terminal and n < LONG_UNIT_WORDS):
            return -(3.0 + n / 15)
        return -(1.0 + n / 30)
    if "fragment" in unit.flags:
        return -(0.5 + n / 15)
    if unit.terminal and n >= 10 and ratio >= 0.2:
        return 1.0 + n / 15
    if unit.terminal and n >= 5 and ratio >= 0.15:
        return 0.5
    if n >= LONG_UNIT_WORDS and ratio >= 0.3:
        return 0.5 + n / 30  # prose whose final full stop was lost (a truncated feed body)
    return -1.0 if n <= 6 else -(1.0 + n / 10)


# A line that opens a comment thread: "12 Comments", "Leave a Reply", "3 thoughts on “…”".
THREAD_RE = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies)\b\W*(?:\(\d+\))?\s*$"
    r"|^(?:leave a (?:reply|comment)|join the (?:conversation|discussion)|top rated comments"
    r"|reader comments|comments are closed|(?:show|view|load|read) (?:all )?comments"
    r"|\d+\s+thoughts? on\b)",
    re.IGNORECASE,
)
# A run worth calling an article: a few paragraphs of prose.
MIN_BODY_SCORE = 8.0


def body_run(scores: list[float], barriers: list[int]) -> tuple[int, int] | None:
    """The best run of the first stretch between comment-thread openings that holds an article.

    Reader comments are prose too and can outweigh a short article; the article comes first.
    """
    edges = [0, *sorted(barriers), len(scores)]
    fallback = best_run(scores)
    for lo, hi in pairwise(edges):
        run = best_run(scores[lo:hi])
        if run and sum(scores[lo + run[0] : lo + run[1]]) >= MIN_BODY_SCORE:
            return lo + run[0], lo + run[1]
    return fallback


def best_run(scores: list[float]) -> tuple[int, int] | None:
    """The contiguous run [i, j) with the largest positive sum, or None when nothing is positive."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += s
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def fallback_body(units: list[Unit]) -> list[Unit]:
    """When nothing reads as prose (a stub, a caption-only page), keep what is not chrome."""
    return [u for u in units if not u.flags & STRONG and not u.flags & {"title", "legal"}
            and u.n_words >= 5]


def drop_inside_body(unit: Unit, repeated: bool) -> bool:
    """Chrome that sits between body paragraphs: captions, labels, calls to action, credits."""
    if unit.flags & STRONG or "legal" in unit.flags:
        return True
    if repeated and (unit.n_words < 15 or (not unit.terminal and unit.n_words < LONG_UNIT_WORDS)):
        return True
    # A non-sentence of more than a few words between paragraphs is a caption, not a crosshead
    # (unless it is long enough to be prose that lost its full stop).
    return not unit.terminal and 8 < unit.n_words < LONG_UNIT_WORDS
