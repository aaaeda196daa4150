"""HTTP(S) fetching for URLs and feeds the user names: bounded in time, size and redirects.

Only what the user asks for is fetched. Every request says who we are, follows at most a few
redirects, gives up after a timeout, refuses bodies over the input limit (counted after
decompression, so a gzip bomb stops at the cap) and refuses content types that are not text.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin

import urllib3

from storyline.errors import InputError
from storyline.ingest.decode import MAX_INPUT_BYTES

try:
    _VERSION = version("storyline")
except PackageNotFoundError:  # running from a source tree that was not installed
    _VERSION = "dev"
USER_AGENT = f"storyline/{_VERSION} (news story engine; +https://pypi.org/project/storyline/)"
TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
TEXT_TYPES = (
    "text/", "application/xhtml+xml", "application/xml", "application/rss+xml",
    "application/atom+xml", "application/rdf+xml", "application/json", "application/x-ndjson",
    "application/feed+json",
)


@dataclass(frozen=True)
class Fetched:
    url: str                    # after redirects
    status: int                 # 200, or 304 when a conditional GET found nothing new
    content: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None


_POOL = urllib3.PoolManager()


def fetch(
    url: str,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
    limit: int = MAX_INPUT_BYTES,
) -> Fetched:
    """GET ``url``; with ``etag`` / ``last_modified``, a 304 comes back as an empty Fetched."""
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        response = _POOL.request(
            "GET", url, headers=headers, preload_content=False,
            timeout=urllib3.Timeout(connect=timeout, read=timeout),
            retries=urllib3.Retry(total=MAX_REDIRECTS, connect=1, read=0, status=0,
                                  redirect=MAX_REDIRECTS, raise_on_redirect=True),
        )
    except urllib3.exceptions.MaxRetryError as exc:
        reason = exc.reason or exc
        if isinstance(reason, urllib3.exceptions.ResponseError):
            raise InputError(url, f"more than {MAX_REDIRECTS} redirects") from exc
        raise InputError(url, f"cannot fetch: {_describe(reason)}") from exc
    except (urllib3.exceptions.HTTPError, ValueError) as exc:
        raise InputError(url, f"cannot fetch: {_describe(exc)}") from exc
    try:
        final = urljoin(url, response.geturl() or url)
        if response.status == 304:
            return Fetched(final, 304, b"", "", None, etag, last_modified)
        if response.status >= 400:
            raise InputError(url, f"the server answered HTTP {response.status} {response.reason}")
        content_type = response.headers.get("Content-Type", "")
        media = content_type.split(";")[0].strip().lower()
        if media and not media.startswith(TEXT_TYPES):
            raise InputError(url, f"content type {media!r} is not a web page, feed or text")
        body = _read_capped(response, url, limit)
    finally:
        response.release_conn()
    charset = None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return Fetched(final, response.status, body, media, charset,
                   response.headers.get("ETag"), response.headers.get("Last-Modified"))


def _read_capped(response: urllib3.BaseHTTPResponse, url: str, limit: int) -> bytes:
    chunks, size = [], 0
    try:
        for chunk in response.stream(_CHUNK, decode_content=True):
            size += len(chunk)
            if size > limit:
                raise InputError(url, f"larger than the {limit // (1024 * 1024)} MB input limit")
            chunks.append(chunk)
    except urllib3.exceptions.HTTPError as exc:
        raise InputError(url, f"download failed: {_describe(exc)}") from exc
    return b"".join(chunks)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, urllib3.exceptions.TimeoutError):
        return "timed out"
    text = str(exc)
    return text.split(": ", 1)[-1] if "object at 0x" in text else text
