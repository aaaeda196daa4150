"""Build a Story's reader-facing views from its stored articles."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from storyline.analyse.names import majority_labels, story_aliases
from storyline.clean.metadata import host_of, outlet_from_host, spells_host
from storyline.models import Article, SpeakerQuotes, Story, StoryEntity
from storyline.stories.context import StoryContext, build_context
from storyline.stories.denials import find_contested
from storyline.stories.developments import find_developments
from storyline.stories.disagreements import figure_claims, find_disagreements
from storyline.stories.novelty import build_novelty
from storyline.stories.summary import build_summary
from storyline.stories.timeline import build_timeline
from storyline.stories.tolls import find_tolls
from storyline.stories.vectors import article_vector, cosine
from storyline.textutil import WORD_RE

MAX_ENTITIES = 40


def canonical_map(articles: list[Article]) -> tuple[dict[str, str], dict[str, str]]:
    """Story-wide aliases ("Putin" -> "Vladimir Putin") and each name's usual label."""
    mentions: Counter[tuple[str, str]] = Counter(
        (e.canonical, e.label) for a in articles for e in a.entities)
    # a speaker the tagger never marked ("Mr Ladsous said") is named too, its kind unknown
    named = {name for name, _ in mentions}
    speakers = Counter((q.speaker_canonical, "") for a in articles for q in a.quotes
                       if q.speaker_canonical and q.speaker_canonical not in named)
    aliases = story_aliases(mentions + speakers)
    resolved: Counter[tuple[str, str]] = Counter()
    for (name, label), n in mentions.items():
        resolved[(aliases.get(name, name), label)] += n
    return aliases, majority_labels(resolved)


def apply_aliases(article: Article, aliases: dict[str, str], labels: dict[str, str]) -> Article:
    """The article with the story's canonical names (used by the export and the views)."""
    if not aliases and not labels:
        return article
    entities = [replace(e, canonical=aliases.get(e.canonical, e.canonical),
                        label=labels.get(aliases.get(e.canonical, e.canonical), e.label))
                for e in article.entities]
    quotes = [replace(q, speaker_canonical=_speaker_alias(q.speaker_canonical, aliases))
              if q.speaker_canonical else q for q in article.quotes]
    figures = [replace(f, attributed_to=[aliases.get(n, n) for n in f.attributed_to])
               for f in article.figures]
    return replace(article, entities=entities, quotes=quotes, figures=figures)


def _speaker_alias(name: str, aliases: dict[str, str]) -> str:
    """The story's name for a speaker; speakers who said it together ("Kiev and Washington")
    name by name, unless the whole is a name of its own ("Bosnia and Herzegovina")."""
    if name in aliases or name in aliases.values() or " and " not in name:
        return aliases.get(name, name)
    return " and ".join(aliases.get(part, part) for part in name.split(" and "))


def one_name_per_site(articles: list[Article]) -> list[Article]:
    """Articles from one site under one outlet name: where some of a site's pages name it
    ("CNN", "The Sun Online") and others only give its domain ("cnn.com"), the name, so that
    the views do not count one source twice. Only a name that spells the domain counts: a
    "Reuters" story on a portal does not rename the portal's own pages."""
    counts: Counter[str] = Counter(
        a.outlet for a in articles
        if a.outlet and (host := host_of(a.url)) and spells_host(a.outlet, host))
    if not counts:
        return articles
    usual = sorted(counts, key=lambda n: (-counts[n], n))
    return [replace(a, outlet=shown_outlet(a.outlet, a.url, usual)) for a in articles]


def shown_outlet(outlet: str | None, url: str | None, names: list[str]) -> str | None:
    """The outlet to show: for a page that gives only its site's domain, the first of
    ``names`` (a story's outlets) that spells that domain."""
    host = host_of(url)
    if not host or outlet not in (None, outlet_from_host(host)):
        return outlet
    return next((n for n in names if spells_host(n, host)), outlet)


def build_story(story_id: str, articles: list[Article], timeline_dates: int | None = None,
                per_date: int | None = None, summary_length: int | None = None) -> Story:
    aliases, labels = canonical_map(articles)
    articles = one_name_per_site([apply_aliases(a, aliases, labels) for a in articles])
    context = build_context(articles)
    developments = find_developments(context)
    timeline_kwargs = {"max_dates": timeline_dates} if timeline_dates else {}
    if per_date:
        timeline_kwargs["per_date"] = per_date
    summary_kwargs = {"length": summary_length} if summary_length else {}
    published = sorted(a.published for a in articles if a.published)
    claims = figure_claims(context)  # read once, by the disagreements and the tolls
    return Story(
        id=story_id,
        title=_title(context),
        article_ids=[a.id for a in context.articles],
        developments=developments,
        timeline=build_timeline(context, **timeline_kwargs),
        summary=build_summary(context, developments, **summary_kwargs),
        novelty=build_novelty(context),
        disagreements=find_disagreements(claims) + find_contested(context),
        tolls=find_tolls(claims),
        entities=_entities(articles, labels),
        speakers=_speakers(context),
        outlets=sorted({a.outlet for a in articles if a.outlet}),
        first_published=published[0] if published else None,
        last_published=published[-1] if published else None,
        aliases=aliases,
    )


def _title(context: StoryContext) -> str | None:
    """The title of the article that best stands for the whole story (of any article, by its
    lead, when none has a title)."""
    candidates = [a for a in context.originals if a.title] or context.originals
    if not candidates:
        return None
    vectors = {a.id: article_vector(a.title, a.text, a.entities) for a in context.originals}
    centroid: dict[str, float] = {}
    for vector in vectors.values():
        for t, v in vector.items():
            centroid[t] = centroid.get(t, 0.0) + v
    return context.headline(max(candidates, key=lambda a: cosine(vectors[a.id], centroid)))


def _entities(articles: list[Article], labels: dict[str, str]) -> list[StoryEntity]:
    counts = Counter(e.canonical for a in articles if not a.duplicate_of for e in a.entities)
    return [StoryEntity(name, labels.get(name, "MISC"), n)
            for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_ENTITIES]]


def _speakers(context: StoryContext) -> list[SpeakerQuotes]:
    """Who said what over time: quotations grouped by the speaker they resolve to, each one
    once — where several articles carry the same words, the earliest."""
    by_speaker: dict[str, list[dict]] = {}
    seen: set[tuple[str, str]] = set()
    for article in context.originals:
        for quote in article.quotes:
            if not quote.speaker_canonical:
                continue
            words = " ".join(WORD_RE.findall(quote.text.lower()))
            if (quote.speaker_canonical, words) in seen:
                continue
            seen.add((quote.speaker_canonical, words))
            by_speaker.setdefault(quote.speaker_canonical, []).append({
                "text": quote.text, "article_id": article.id, "start": quote.start,
                "end": quote.end, "published": article.published, "cue": quote.cue,
                "outlet": article.outlet, "kind": quote.kind,
            })
    ranked = sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [SpeakerQuotes(name, quotes, context.who(name)) for name, quotes in ranked]
