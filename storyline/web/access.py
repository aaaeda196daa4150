"""Who may read and write: a bearer token guards writes, and reads when the server is private."""

from __future__ import annotations

import secrets

from fastapi import Request
from starlette.exceptions import HTTPException

from storyline.web.handles import StoreHandles


def _check_token(request: Request, token: str) -> None:
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not value:
        raise HTTPException(401, "this needs the server's token: send "
                                    "'Authorization: Bearer <token>'",
                               headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(value.strip().encode(), token.encode()):
        raise HTTPException(403, "the token sent is not this server's token")


async def read_access(request: Request) -> StoreHandles:
    """The store, for reading: open to all unless the server was started private."""
    config = request.app.state.config
    if config.private:
        _check_token(request, config.token)
    return request.app.state.handles


async def write_access(request: Request) -> StoreHandles:
    """The store, for writing: only with the token; a server started without one is read-only."""
    config = request.app.state.config
    if not config.token:
        raise HTTPException(403, "this server is read-only: start `storyline serve` with "
                                    "--token (or STORYLINE_TOKEN) to accept articles")
    _check_token(request, config.token)
    return request.app.state.handles
