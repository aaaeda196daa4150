"""Terminal rendering of stories with rich: what `storyline show`, `stories` and `demo` print."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storyline.models import Article, Claim, Story, TimelineEntry

QUOTES_PER_SPEAKER = 3


def stories_table(stories: list[Story]) -> Table:
    table = Table(title=_count(len(stories), "story", "stories"), show_lines=False, expand=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("title", ratio=3)
    table.add_column("articles", justify="right")
    table.add_column("outlets", ratio=2)
    table.add_column("dates", no_wrap=True)
    for story in stories:
        dates = " → ".join(dict.fromkeys(d[:10] for d in (story.first_published,
                                                          story.last_published) if d)) or "—"
        table.add_row(story.id, escape(story.title or "(untitled)"), str(len(story.article_ids)),
                      escape(", ".join(story.outlets) or "—"), dates)
    return table


def _name(article: Article) -> str:
    """The outlet, else the file or address the article came from: never a blank credit."""
    return article.outlet or article.source.replace("\\", "/").rsplit("/", 1)[-1]


def _source(article: Article | None) -> str:
    if article is None:
        return ""
    parts = [_name(article), (article.published or "")[:10]]
    return ", ".join(p for p in parts if p)


def _credits(entry: TimelineEntry, articles: dict[str, Article]) -> list[str]:
    """Who reports a timeline entry: its outlets, and the articles whose outlet is unknown."""
    unnamed = [_name(a) for i in entry.article_ids if (a := articles.get(i)) and not a.outlet]
    return list(dict.fromkeys([*entry.sources, *unnamed]))


def story_panel(story: Story, articles: dict[str, Article], timeline_only: bool = False) -> Panel:
    parts: list = []
    header = Text()
    header.append(_count(len(story.article_ids), "article"), style="bold")
    if story.outlets:
        header.append(" from " + ", ".join(story.outlets))
    if story.first_published:
        header.append(f"  ·  {story.first_published[:10]} → {(story.last_published or '')[:10]}")
    parts.append(header)

    timeline = Table(title="Timeline (by when it happened)", show_header=False, box=None,
                     expand=True, title_justify="left", title_style="bold magenta")
    timeline.add_column("date", style="green", no_wrap=True)
    timeline.add_column("event", ratio=1)
    for entry in story.timeline:
        credits = _credits(entry, articles)
        sources = f" [dim]— {escape(', '.join(credits))}[/dim]" if credits else ""
        timeline.add_row(entry.date, escape(entry.text) + sources)
    parts.append(timeline)
    if timeline_only:
        return Panel(Group(*parts), title=escape(story.title or story.id), subtitle=story.id)

    phases = Table(title="Developments", show_header=False, box=None, expand=True,
                   title_justify="left", title_style="bold magenta")
    phases.add_column("date", style="green", no_wrap=True)
    phases.add_column("headline", ratio=1)
    for development in story.developments:
        phases.add_row(development.date or "undated",
                       f"{escape(development.headline or '')} "
                       f"[dim]({_count(len(development.article_ids), 'article')})[/dim]")
    parts.append(phases)

    summary = Text()
    for sentence in story.summary:
        summary.append("• " + sentence.text)
        summary.append(f"  [{_source(articles.get(sentence.article_id))}]\n", style="dim")
    parts.append(Panel(summary, title="Summary", title_align="left"))

    if story.disagreements:
        parts.append(_claims_table(
            "Where sources disagree", ("subject", "value or statement"), articles,
            [(item.subject, f"{claim.stance}: {claim.value}" if claim.stance else claim.value,
              claim) for item in story.disagreements for claim in item.claims]))
    if story.tolls:
        parts.append(_claims_table(
            "Tolls over time", ("toll", "value"), articles,
            [(toll.subject if i == 0 else "", claim.value, claim)
             for toll in story.tolls for i, claim in enumerate(toll.claims)]))

    if story.speakers:
        said = Table(title="Who said what", show_header=False, box=None, expand=True,
                     title_justify="left", title_style="bold magenta")
        said.add_column("speaker", style="yellow", no_wrap=True)
        said.add_column("quote", ratio=1)
        for speaker in story.speakers:
            for i, quote in enumerate(speaker.quotes[:QUOTES_PER_SPEAKER]):
                words = escape(quote["text"])
                if quote["kind"] == "direct":
                    words = f"“{words}”"
                else:  # reported speech: the speaker's point in the writer's words
                    words = f"{escape(quote.get('cue') or 'said')}: {words}"
                said.add_row(escape(speaker.speaker) if i == 0 else "",
                             f"{words} [dim]— "
                             f"{escape(_source(articles.get(quote['article_id'])))}[/dim]")
        parts.append(said)

    added = Table(title="What each article added", show_header=False, box=None, expand=True,
                  title_justify="left", title_style="bold magenta")
    added.add_column("article", no_wrap=False, ratio=1)
    added.add_column("new", ratio=2)
    for item in story.novelty:
        article = articles.get(item.article_id)
        label = escape(_source(article))
        if not item.new:
            note = "[dim]nothing new" + (" (a copy)" if article and article.duplicate_of else "")
            added.add_row(label, note + "[/dim]")
        else:
            more = f" [dim](+{len(item.new) - 1} more)[/dim]" if len(item.new) > 1 else ""
            added.add_row(label, escape(item.new[0]["text"]) + more)
    parts.append(added)
    return Panel(Group(*parts), title=escape(story.title or story.id), subtitle=story.id)


def _claims_table(title: str, headings: tuple[str, str], articles: dict[str, Article],
                  rows: list[tuple[str, str, Claim]]) -> Table:
    """Claims one to a row: what they are about, the value or statement, who says it and
    where it was printed."""
    table = Table(title=title, expand=True, title_justify="left", title_style="bold magenta")
    for heading in (*headings, "according to", "printed by"):
        table.add_column(heading)
    for about, said, claim in rows:
        table.add_row(escape(about), escape(said), escape(", ".join(claim.attributed_to) or "—"),
                      escape(_source(articles.get(claim.article_id))))
    return table


def print_story(console: Console, story: Story, articles: list[Article],
                timeline_only: bool = False) -> None:
    console.print(story_panel(story, {a.id: a for a in articles}, timeline_only))


def _count(n: int, one: str, many: str | None = None) -> str:
    """ "1 article", "3 articles"."""
    return f"{n} {one if n == 1 else many or one + 's'}"
