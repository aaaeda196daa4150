"""A dated timeline: what happened when, by the dates the articles give for events.

Each sentence that resolves a time expression to a day (or an offset from one, "two days
later") is a candidate for that day, if it uses at least one of the words the whole story is
about; an article's lead sentences stand for its publication day when they name no day
themselves. Days are ranked by how many articles speak of them (a day several sources mention
is a day that mattered); an article written more than a week later that refers back to a day
counts double (the day was still news when the story had moved on), one written before it that
names it (a schedule, a deadline) a quarter. The articles of the week after a day, which tell
what happened "on Tuesday" or "yesterday", are still that day's own coverage and count once,
as one written that day does. A day near the end of the coverage has had few articles after it
that could look back, so its later references count more, by how small a share of the coverage
came after it. In rank order, each day takes its most representative sentence(s) — close to
what that day's sentences say and to the story as a whole — not taken by a higher day, with
every article that reports the same thing credited as a source; a day left with none gives its
place to the next. The chosen days are laid out in date order.

The constants were set on the development topics of Timeline17 (Egypt, H1N1, Iraq, Libya);
see benchmarks/timelines.py.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from datetime import timedelta

from storyline.analyse.times import parse_dct
from storyline.models import TimelineEntry
from storyline.stories.context import Sentence, StoryContext, usable
from storyline.stories.vectors import Vector, add, dot

DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# "before New Year", "until Wednesday", "since Monday" bound an event; they do not date it.
BOUND_RE = re.compile(r"\b(?:before|after|until|till|by|since|ahead of|prior to|from)\s*$",
                      re.IGNORECASE)
# "Born: August 29, 1958", "was born on": a birthday long past is a profile's fact, no event.
BORN_RE = re.compile(r"\bborn\b(?:\s+on)?\W*$", re.IGNORECASE)
DEFAULT_DATES = 12
SUPPORT_SIMILARITY = 0.15
REDUNDANT_SIMILARITY = 0.5
LEAD_SENTENCES = 3
LATER_REFERENCE_WEIGHT = 2.0  # a day still spoken of after it was news
NEWS_WEEK_DAYS = 7  # an article this many days after a day, or fewer, is still its news
LATE_DAY_BOOST_CAP = 10.0  # how far a late day's few later references are scaled up
EARLIER_REFERENCE_WEIGHT = 0.25  # a day announced before it came (a schedule, a deadline)
STORY_CENTRALITY_WEIGHT = 0.25
BACKGROUND_DAYS = 30  # a day this long before the first article needs two articles naming it


def candidates(context: StoryContext) -> dict[str, list[Sentence]]:
    by_day: dict[str, list[Sentence]] = defaultdict(list)
    for article in context.originals:
        # A sentence with none of the words the whole story uses is an aside (another story in
        # a round-up, a profile line): it neither dates the story nor tells it.
        sentences = [s for s in context.sentences.get(article.id, [])
                     if s.terms & context.common_terms]
        dated_positions = set()
        for time in article.times:
            # An offset ("sank two days later") dates its sentence by the day it leads to.
            when = time.points_to or (time.value if time.type in {"DATE", "TIME"} else None)
            day = DAY_RE.match(when) if when else None
            before = article.text[max(0, time.start - 12) : time.start]
            if day and BORN_RE.search(before) and _long_before(day.group(0), article.published):
                # nor does its sentence stand for the day the article was published
                dated_positions.update(s.position for s in sentences
                                       if s.start <= time.start < s.end)
                continue
            if not day or BOUND_RE.search(before):
                continue
            for sentence in sentences:
                if sentence.start <= time.start < sentence.end and usable(sentence):
                    if sentence not in by_day[day.group(0)]:
                        by_day[day.group(0)].append(sentence)
                    dated_positions.add(sentence.position)
        if article.published:
            for lead in [s for s in sentences if usable(s)][:LEAD_SENTENCES]:
                if lead.position not in dated_positions:
                    by_day[article.published[:10]].append(lead)
    return by_day


def build_timeline(context: StoryContext, max_dates: int | None = DEFAULT_DATES,
                   per_date: int = 1, between: tuple[str, str] | None = None
                   ) -> list[TimelineEntry]:
    """At most ``max_dates`` days with ``per_date`` sentences each; with ``between`` (first and
    last ISO day), only days inside that span."""
    by_day = candidates(context)
    if between is not None:
        by_day = {day: items for day, items in by_day.items()
                  if between[0] <= day <= between[1]}
    written = {a.id: (a.published or "")[:10] for a in context.originals}
    dated = sorted(w for w in written.values() if w)
    background = _background_before(dated, len(written))
    if background is not None:
        by_day = {day: items for day, items in by_day.items()
                  if day >= background or len({s.article_id for s in items}) >= 2}
    support = {}
    for day, items in by_day.items():
        speaking = {s.article_id for s in items}
        news_week = _news_week_end(day)
        later = {a for a in speaking if written[a] and written[a] > news_week}
        earlier = {a for a in speaking if written[a] and written[a] < day}
        support[day] = (LATER_REFERENCE_WEIGHT * _late_day_boost(day, dated) * len(later)
                        + len(speaking - later - earlier)
                        + EARLIER_REFERENCE_WEIGHT * len(earlier))
    ranked = sorted(by_day, key=lambda d: (-support[d], d))
    outlets = {a.id: context.outlets_of(a) for a in context.originals}
    used: set[tuple[str, int]] = set()
    entries = []
    days_told = 0
    # Best-supported days choose first: a sentence that names two days tells the weightier
    # one, and a day left with nothing new to say gives its place to the next in rank.
    for day in ranked:
        if max_dates and days_told >= max_dates:
            break
        items = by_day[day]
        picked = _representatives(items, per_date, used, context)
        days_told += bool(picked)
        for sentence in picked:
            backers = [s for s in items if s is sentence or s.article_id == sentence.article_id
                       or context.similarity(sentence, s) >= SUPPORT_SIMILARITY]
            article_ids = list(dict.fromkeys(s.article_id for s in backers))
            sources = list(dict.fromkeys(o for a in article_ids for o in outlets.get(a, [])))
            for article_id in list(article_ids):
                article_ids += [c.id for c in context.copies.get(article_id, [])]
            entries.append(TimelineEntry(day, sentence.text, sentence.article_id, sentence.start,
                                         sentence.end, sources, article_ids))
    # Sorting is stable: a day's sentences keep their order of choice.
    return sorted(entries, key=lambda e: e.date)


def _representatives(items: list[Sentence], per_date: int, used: set[tuple[str, int]],
                     context: StoryContext) -> list[Sentence]:
    """Up to ``per_date`` of a day's sentences, most representative first, none already
    ``used`` by another day nor redundant with one picked before; the picks join ``used``."""
    picked: list[Sentence] = []
    day_total: dict[str, float] = {}
    for item in items:
        add(day_total, item.vector)
    for sentence in sorted(items, key=lambda s: (-_centrality(s, day_total, len(items),
                                                              context),
                                                 s.article_id, s.start)):
        key = (sentence.article_id, sentence.position)
        if key in used or any(context.similarity(sentence, p) >= REDUNDANT_SIMILARITY
                              for p in picked):
            continue
        picked.append(sentence)
        used.add(key)
        if len(picked) >= per_date:
            break
    return picked


def _long_before(day: str, published: str | None) -> bool:
    """Whether a day lies more than BACKGROUND_DAYS before its article was published."""
    written = parse_dct(published[:10]) if published else None
    return written is not None and day < (written - timedelta(days=BACKGROUND_DAYS)).isoformat()


def _news_week_end(day: str) -> str:
    """The last day of ``day``'s own news: articles up to then report it rather than recall it."""
    parsed = parse_dct(day)
    return (parsed + timedelta(days=NEWS_WEEK_DAYS)).isoformat() if parsed else day


def _background_before(written: list[str], n_articles: int) -> str | None:
    """Days before the returned one, if one article alone names them, are background (a past
    disaster recalled for comparison, a reader's memory), not events of this story: they lie
    long before its first article. A story of one article has no second source to ask."""
    first = parse_dct(written[0]) if written and n_articles >= 2 else None
    return None if first is None else (first - timedelta(days=BACKGROUND_DAYS)).isoformat()


def _late_day_boost(day: str, written: list[str]) -> float:
    """How much more a later reference to ``day`` counts: a day near the end of the coverage
    has had few articles after it that could look back, so each one that does weighs by the
    square root of how small a share of the coverage came after (at most √cap). ``written`` is
    the articles' publication days, sorted."""
    after = len(written) - bisect_right(written, day)
    return math.sqrt(min(LATE_DAY_BOOST_CAP, max(1.0, len(written) / (after + 1))))


def _centrality(sentence: Sentence, day_total: Vector, n_items: int,
                context: StoryContext) -> float:
    """How well a sentence speaks for its day: like the others that day (their summed vector
    is ``day_total``), and like the story."""
    peers = dot(sentence.vector, day_total) - dot(sentence.vector, sentence.vector)
    # Rounded so that sentences alike to the last bits tie, and the tie-break decides.
    return round(peers / max(1, n_items - 1)
                 + STORY_CENTRALITY_WEIGHT * context.centrality(sentence), 9)
