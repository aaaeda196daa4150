"""The FastAPI application: the REST API under /api, the pages, local static assets."""

from __future__ import annotations

import importlib.util
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from storyline.analyse import Analyser
from storyline.errors import StorylineError
from storyline.web.api_routes import router as api_router
from storyline.web.handles import StoreHandles
from storyline.web.pages import router as pages_router
from storyline.web.pages import templates
from storyline.web.security import DEFAULT_MAX_BODY, SecurityMiddleware

STATIC = Path(__file__).parent / "static"


@dataclass(frozen=True)
class WebConfig:
    db: str
    token: str | None = None  # writes need it; without one, the server is read-only
    private: bool = False  # reads need the token too
    max_body: int = DEFAULT_MAX_BODY


def create_app(config: WebConfig, analyser: Analyser | None = None) -> FastAPI:
    """The app for one store. Opening the store here makes a bad ``--db`` fail at start-up
    (and brings its story views up to date);
    ``analyser`` (a loaded spaCy pipeline) is created on the first ingest when not given."""
    if config.private and not config.token:
        raise StorylineError("closed reads need a token: give --token (or STORYLINE_TOKEN)")
    handles = StoreHandles(config.db, analyser)
    handles.current().refresh()  # views left stale (a new storyline, a killed ingest) rebuilt

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        handles.close()

    app = FastAPI(title="storyline", version=version("storyline"), lifespan=lifespan,
                  docs_url=None, redoc_url=None,
                  description="Stories from news articles: timelines, summaries, quotes and "
                              "disagreements, each traceable to its source. Reads are open "
                              "unless the server is private; writes need the bearer token.")
    app.state.config = config
    app.state.handles = handles
    app.include_router(api_router, prefix="/api")
    app.include_router(pages_router)
    _mount_swagger(app)  # before /static, which would otherwise take its paths
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_middleware(SecurityMiddleware, max_body=config.max_body)
    return app


def _mount_swagger(app: FastAPI) -> None:
    """Swagger UI 5 from the swagger-ui-py package's files: /docs works with no network."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        raise StorylineError("the API docs need swagger-ui-py: pip install 'storyline[web]'")
    assets = Path(spec.submodule_search_locations[0]) / "static"
    app.mount("/static/swagger", StaticFiles(directory=assets), name="swagger")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    @app.get("/docs", include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "docs.html", {"title": "API"})


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    """An error as JSON for the API ({"status", "error"}), as a page for a browser."""
    if _wants_json(request):
        return JSONResponse({"status": status, "error": message}, status_code=status,
                            headers=headers)
    return templates.TemplateResponse(request, "error.html",
                                      {"title": f"Error {status}", "status": status,
                                       "message": message}, status_code=status, headers=headers)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    return error_response(request, exc.status_code, detail, getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "body"
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    status = 422 if _wants_json(request) else 400
    return error_response(request, status, "; ".join(problems) or "invalid request")
