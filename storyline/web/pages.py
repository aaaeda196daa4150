"""The pages: stories, one story, one article, search and entities, rendered on the server.

Every value from an article goes through Jinja's autoescaping; the pages load one local
stylesheet and no script at all.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path as FilePath
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException

from storyline.errors import StorylineError, UnknownStory
from storyline.stories.views import shown_outlet
from storyline.web.access import read_access
from storyline.web.chart import timeline_chart
from storyline.web.handles import StoreHandles
from storyline.web.highlight import runs

STORIES_PER_PAGE = 30
HITS_PER_PAGE = 20
# A story of hundreds of articles still makes a page one can read (and serve fast): each list
# shows its first items and says how many more there are (all of them are in the API).
QUOTES_PER_SPEAKER = 3
SHOWN = {"developments": 20, "disagreements": 10, "tolls": 6, "speakers": 8, "novelty": 12,
         "entities": 30}
ARTICLES_PER_PAGE = 20
SEARCH_MARKS = ("\x02", "\x03")  # matched words in a snippet: control characters no text has

templates = Jinja2Templates(env=Environment(
    loader=FileSystemLoader(FilePath(__file__).parent / "templates"), auto_reload=False,
    autoescape=select_autoescape(default=True, default_for_string=True)))
templates.env.filters["urlpart"] = lru_cache(maxsize=4096)(lambda value: quote(str(value),
                                                                                safe=""))
templates.env.filters["day"] = lambda value: (value or "")[:10]


def span_url(article_id: str, start: int, end: int) -> str:
    """Where a sentence shown on a story page sits in its article (marked and scrolled to)."""
    article = templates.env.filters["urlpart"](article_id)
    return f"/articles/{article}?start={start}&end={end}#target"


templates.env.globals["span_url"] = span_url

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Reader = Annotated[StoreHandles, Depends(read_access)]
PageNumber = Annotated[int, Query(ge=1, le=100_000)]


def _source_name(brief, outlets: list[str]) -> str:
    """The outlet as the story names it (``outlets``), or for an article with none, the name of
    the file or URL it came from."""
    if brief is None:
        return "unknown article"
    return (shown_outlet(brief["outlet"], brief["url"], outlets)
            or brief["source"].replace("\\", "/").rstrip("/").rsplit("/", 1)[-1])


def _source_label(brief, outlets: list[str]) -> str:
    day = (brief["published"] or "")[:10] if brief is not None else ""
    name = _source_name(brief, outlets)
    return f"{name}, {day}" if day else name


@router.get("/")
async def story_list(request: Request, handles: Reader, page: PageNumber = 1) -> Response:
    sl = handles.current()
    total = sl.store.count_stories()
    stories = sl.store.story_briefs("activity", STORIES_PER_PAGE,
                                    (page - 1) * STORIES_PER_PAGE)
    return templates.TemplateResponse(request, "stories.html", {
        "title": "Stories", "stories": stories, "total": total, "page": page,
        "pages": max(1, -(-total // STORIES_PER_PAGE)),
        "articles": sl.store.count_articles()})


@router.get("/stories/{story_id}")
async def story_page(request: Request, handles: Reader,
               story_id: Annotated[str, Path(max_length=200)],
               articles: PageNumber = 1) -> Response:
    """``articles`` pages through the story's list of articles."""
    sl = handles.current()
    try:
        story = sl.story(story_id)
    except UnknownStory as exc:
        raise HTTPException(404, str(exc)) from exc
    if story.id != story_id:  # merged into another story: its address moves there
        return RedirectResponse(f"/stories/{story.id}", status_code=301)
    novelty = [n for n in story.novelty if n.new]
    listed = story.article_ids[(articles - 1) * ARTICLES_PER_PAGE:articles * ARTICLES_PER_PAGE]
    shown = {
        "developments": story.developments[: SHOWN["developments"]],
        "disagreements": story.disagreements[: SHOWN["disagreements"]],
        "tolls": story.tolls[: SHOWN["tolls"]],
        "speakers": story.speakers[: SHOWN["speakers"]],
        "novelty": novelty[: SHOWN["novelty"]],
        "entities": story.entities[: SHOWN["entities"]],
    }
    needed = {*listed, *(e.article_id for e in story.timeline),
              *(s.article_id for s in story.summary), *(n.article_id for n in shown["novelty"]),
              *(c.article_id for d in shown["disagreements"] for c in d.claims),
              *(c.article_id for t in shown["tolls"] for c in t.claims),
              *(q["article_id"] for s in shown["speakers"] for q in s.quotes[:QUOTES_PER_SPEAKER])}
    briefs = sl.store.article_briefs(needed)
    sources = {aid: _source_label(briefs.get(aid), story.outlets) for aid in needed}
    unnamed = {aid: _source_name(briefs.get(aid), story.outlets) for aid in needed}
    hidden = {"developments": len(story.developments), "disagreements": len(story.disagreements),
              "tolls": len(story.tolls), "speakers": len(story.speakers), "novelty": len(novelty)}
    return templates.TemplateResponse(request, "story.html", {
        "title": story.title or story.id, "story": story, "briefs": briefs, "sources": sources,
        "chart": timeline_chart(story.timeline, unnamed), "quotes_per_speaker": QUOTES_PER_SPEAKER,
        "shown": shown, "more": {k: n - len(shown[k]) for k, n in hidden.items()},
        "listed": listed, "articles_page": articles, "per_page": ARTICLES_PER_PAGE,
        "articles_pages": max(1, -(-len(story.article_ids) // ARTICLES_PER_PAGE))})


@router.get("/articles/{article_id}")
async def article_page(request: Request, handles: Reader,
                 article_id: Annotated[str, Path(max_length=200)],
                 start: Annotated[int | None, Query(ge=0)] = None,
                 end: Annotated[int | None, Query(ge=0)] = None) -> Response:
    """``start``/``end`` mark the span a timeline or summary sentence links to."""
    sl = handles.current()
    try:
        article = sl.article(article_id)
    except StorylineError as exc:
        raise HTTPException(404, str(exc)) from exc
    stored = sl.store.story_brief(article.story_id) if article.story_id else None
    story = stored[0] if stored else None
    target = (start, end) if start is not None and end is not None and start < end else None
    original = (sl.store.article_briefs([article.duplicate_of]).get(article.duplicate_of)
                if article.duplicate_of else None)
    entities = sorted({(e.canonical, e.label) for e in article.entities})
    return templates.TemplateResponse(request, "article.html", {
        "title": article.title or article.id, "article": article, "runs": runs(article, target),
        "story": story, "original": original, "entities": entities, "target": target})


@router.get("/search")
async def search_page(request: Request, handles: Reader,
                q: Annotated[str, Query(max_length=500)] = "", page: PageNumber = 1) -> Response:
    hits = []
    if q.strip():
        rows = handles.current().store.search(q, HITS_PER_PAGE + 1, (page - 1) * HITS_PER_PAGE,
                                              SEARCH_MARKS)
        hits = [{**dict(r), "snippet": _snippet_parts(r["snippet"])} for r in rows]
    return templates.TemplateResponse(request, "search.html", {
        "title": f"Search: {q}" if q else "Search", "q": q, "hits": hits[:HITS_PER_PAGE],
        "more": len(hits) > HITS_PER_PAGE, "page": page})


def _snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """(text, matched) pieces of a snippet, so the template marks matches without markup."""
    parts, matched = [], False
    for piece in snippet.replace(SEARCH_MARKS[1], SEARCH_MARKS[0]).split(SEARCH_MARKS[0]):
        if piece:
            parts.append((piece, matched))
        matched = not matched
    return parts


@router.get("/entities/{name}")
async def entity_page(request: Request, handles: Reader,
                name: Annotated[str, Path(min_length=1, max_length=300)],
                page: PageNumber = 1) -> Response:
    sl = handles.current()
    label, rows = sl.store.entity_articles(name, HITS_PER_PAGE + 1, (page - 1) * HITS_PER_PAGE)
    return templates.TemplateResponse(request, "entity.html", {
        "title": name, "name": name, "label": label, "rows": rows[:HITS_PER_PAGE],
        "more": len(rows) > HITS_PER_PAGE, "page": page},
        status_code=404 if not rows and page == 1 else 200)
