"""The REST API: stories, articles, search, entities, the export, and ingest by POST."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from storyline.errors import InputError, StorylineError, UnknownStory
from storyline.ingest.readers import record_document
from storyline.models import RawDocument, Story
from storyline.web.access import read_access, write_access
from storyline.web.handles import StoreHandles


class ApiError(BaseModel):
    status: int
    error: str


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ApiError, "description": text}
    for code, text in [(400, "Bad request"), (401, "Token missing"), (403, "Not allowed"),
                       (404, "Not found"), (413, "Body too large"), (415, "Unsupported body type"),
                       (422, "Invalid parameter")]
}
router = APIRouter(responses=ERRORS)

Reader = Annotated[StoreHandles, Depends(read_access)]
Writer = Annotated[StoreHandles, Depends(write_access)]
Limit = Annotated[int, Query(ge=1, le=200, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]


class StoryBrief(BaseModel):
    id: str
    title: str | None
    articles: int
    outlets: list[str]
    first_published: str | None
    last_published: str | None


class StoryList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[StoryBrief]


class SearchHit(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    story_id: str | None
    snippet: str


class SearchResults(BaseModel):
    query: str
    limit: int
    offset: int
    items: list[SearchHit]


class EntityArticle(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    story_id: str | None
    mentions: int


class EntityPage(BaseModel):
    name: str
    label: str | None
    limit: int
    offset: int
    articles: list[EntityArticle]


class IngestResult(BaseModel):
    added: int
    updated: int
    unchanged: int
    duplicates: int
    article_ids: list[str]
    story_ids: list[str]
    failed: list[str]


@router.get("/stories", response_model=StoryList, summary="Stories, newest activity first")
async def list_stories(handles: Reader, limit: Limit = 20, offset: Offset = 0,
                 order: Literal["activity", "created"] = "activity") -> StoryList:
    sl = handles.current()
    return StoryList(total=sl.store.count_stories(), limit=limit, offset=offset,
                     items=[StoryBrief(**b) for b in sl.store.story_briefs(order, limit, offset)])


@router.get("/stories/{story_id}", summary="One story (the export's story object)",
            response_model=dict[str, Any])
async def get_story(handles: Reader, story_id: Annotated[str, Path(max_length=200)],
              dates: Annotated[int | None, Query(ge=1, le=365)] = None,
              per_date: Annotated[int | None, Query(ge=1, le=20)] = None,
              summary: Annotated[int | None, Query(ge=1, le=50)] = None) -> JSONResponse:
    """A story merged into another answers with that one (its ``id`` says which). Sizes
    rebuild the views from the articles, on the thread pool."""
    try:
        if dates is None and per_date is None and summary is None:
            story = _story(handles, story_id)
        else:
            story = await run_in_threadpool(_story, handles, story_id, dates, per_date, summary)
    except UnknownStory as exc:
        raise HTTPException(404, str(exc)) from exc
    return JSONResponse(story.to_dict())  # already plain JSON data: no re-encoding


def _story(handles: StoreHandles, story_id: str, dates: int | None = None,
           per_date: int | None = None, summary: int | None = None) -> Story:
    return handles.current().story(story_id, timeline_dates=dates, per_date=per_date,
                                   summary_length=summary)


@router.get("/articles/{article_id}", summary="One article (the export's article object)",
            response_model=dict[str, Any])
async def get_article(handles: Reader,
                article_id: Annotated[str, Path(max_length=200)]) -> JSONResponse:
    try:
        return JSONResponse(handles.current().article(article_id).to_dict())
    except StorylineError as exc:
        raise HTTPException(404, str(exc)) from exc


@router.get("/search", response_model=SearchResults, summary="Full-text search (FTS5 syntax)")
async def search(handles: Reader, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: Limit = 20, offset: Offset = 0) -> SearchResults:
    """Words are ANDed; "quoted phrases", OR, NOT and prefix* work as in SQLite FTS5, and a
    query that is not valid FTS5 syntax is searched as plain words."""
    rows = handles.current().store.search(q, limit, offset)
    return SearchResults(query=q, limit=limit, offset=offset,
                         items=[SearchHit(**dict(r)) for r in rows])


@router.get("/entities/{name}", response_model=EntityPage,
            summary="Articles that mention an entity, by canonical name")
async def get_entity(handles: Reader, name: Annotated[str, Path(min_length=1, max_length=300)],
               limit: Limit = 50, offset: Offset = 0) -> EntityPage:
    label, rows = handles.current().store.entity_articles(name, limit, offset)
    if not rows and offset == 0:
        raise HTTPException(404, f"no article mentions an entity named {name!r}")
    return EntityPage(name=name, label=label, limit=limit, offset=offset,
                      articles=[EntityArticle(**{k: r[k] for k in EntityArticle.model_fields})
                                for r in rows])


@router.get("/export", response_model=dict[str, Any],
            summary="The export-v1 document (as `storyline export --format json`)")
def export(handles: Reader,
           story: Annotated[str | None, Query(max_length=200,
                                              description="Only this story")] = None
           ) -> JSONResponse:
    """Runs on the thread pool: a large store's export takes a while and must not hold up
    the other requests."""
    try:
        document = handles.current().export(story)
    except UnknownStory as exc:
        raise HTTPException(404, str(exc)) from exc
    return JSONResponse(document)


class ArticleIn(BaseModel):
    """One article: ``text`` or ``html``, and what is known about it."""
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    id: str | None = None
    authors: list[str] | None = None


_ARTICLE = ArticleIn.model_json_schema()
_POST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"oneOf": [
                _ARTICLE, {"type": "array", "items": _ARTICLE, "minItems": 1, "maxItems": 1000}]}},
            "text/html": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


@router.post("/articles", status_code=201, response_model=IngestResult,
             summary="Ingest articles (needs the token)", openapi_extra=_POST_BODY)
async def post_articles(request: Request, handles: Writer,
                        title: Annotated[str | None, Query(max_length=1000)] = None,
                        url: Annotated[str | None, Query(max_length=2000)] = None,
                        outlet: Annotated[str | None, Query(max_length=300)] = None,
                        published: Annotated[str | None, Query(max_length=40)] = None
                        ) -> JSONResponse:
    """A JSON object or array of them (fields as in a JSONL input line), or one HTML page or
    plain text as the body, with its metadata in the query. Bad items are listed under
    ``failed``; the others are stored (status 201; 400 when nothing could be used)."""
    body = await request.body()
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    documents = _documents(body, kind, title, url, outlet, published)
    report = await run_in_threadpool(_ingest, handles, documents)
    result = IngestResult(added=report.added, updated=report.updated,
                          unchanged=report.unchanged, duplicates=report.duplicates,
                          article_ids=report.article_ids, story_ids=sorted(report.stories),
                          failed=[str(f) for f in report.failed])
    stored = report.added + report.updated + report.unchanged
    return JSONResponse(result.model_dump(), status_code=201 if stored else 400)


def _ingest(handles: StoreHandles, documents):
    with handles.write_lock:
        return handles.current().ingest_documents(documents)


def _documents(body: bytes, kind: str, title, url, outlet, published) -> list:
    if not body.strip():
        raise HTTPException(400, "the request body is empty: send an article as JSON, HTML "
                                 "or plain text")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, f"the request body is not UTF-8 ({exc.reason} at byte "
                                 f"{exc.start})") from exc
    if kind in ("text/html", "application/xhtml+xml", "text/plain"):
        return [RawDocument(source="POST /api/articles", content=text,
                            kind="html" if kind != "text/plain" else "text", url=url,
                            title=title, outlet=outlet, published=published,
                            title_line=title is None)]
    if kind != "application/json":
        raise HTTPException(415 if kind else 400,
                            f"unsupported Content-Type {kind or '(none)'!r}: use "
                            "application/json, text/html or text/plain")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HTTPException(400, f"the body is not valid JSON ({exc.msg} at line {exc.lineno}, "
                                 f"column {exc.colno})") from exc
    records = data if isinstance(data, list) else [data]
    if not records or len(records) > 1000:
        raise HTTPException(400, "send between 1 and 1000 articles per request")
    out = []
    for number, record in enumerate(records):
        where = f"POST /api/articles item {number}"
        if not isinstance(record, dict):
            out.append(InputError(where, "each article must be a JSON object"))
            continue
        out.append(record_document(where, record))
    return out
