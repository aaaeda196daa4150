"""One reader per input kind, registered by file extension; each yields RawDocuments."""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Callable, Iterator
from typing import IO

from storyline.errors import InputError
from storyline.ingest.decode import MAX_INPUT_BYTES
from storyline.ingest.feeds import looks_like_feed, read_feed
from storyline.models import RawDocument

Item = RawDocument | InputError
Reader = Callable[[str, str], Iterator[Item]]

READERS: dict[str, Reader] = {}


def reader(*extensions: str) -> Callable[[Reader], Reader]:
    """Register a reader for file extensions (lower case, with the dot)."""

    def register(func: Reader) -> Reader:
        for ext in extensions:
            READERS[ext] = func
        return func

    return register


def extension_of(path: str) -> str:
    """The extension that names the input kind: ``a.html.gz`` -> ``.html``."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    dot = name.rfind(".")
    return name[dot:] if dot > name.rfind("/") else ""


@reader(".txt", ".text")
def read_text(source: str, text: str) -> Iterator[Item]:
    yield RawDocument(source=source, content=text, kind="text")


@reader(".html", ".htm", ".xhtml")
def read_html(source: str, text: str) -> Iterator[Item]:
    yield RawDocument(source=source, content=text, kind="html")


reader(".rss", ".atom", ".rdf", ".xml")(read_feed)


# JSONL field names we accept: ours first, then those of common crawler and API dumps
# (news-please, NewsAPI, GDELT, schema.org NewsArticle, RSS-to-JSON converters).
_ALIASES = {
    "text": ("text", "maintext", "body", "articleBody", "content", "full_text"),
    "html": ("html", "raw_html"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "source_name", "publisher", "source", "site_name"),
    "published": ("published", "date_publish", "date", "published_at", "publishedAt",
                  "publish_date", "date_published", "datePublished", "pubDate", "pub_date",
                  "seendate"),
    "id": ("id", "_id"),
    "authors": ("authors", "author", "byline"),
    "description": ("description", "summary", "abstract"),
}
# Keys read only when they hold an object with a name: a plain "source" string is an input
# path in our own export, not an outlet.
_OBJECT_ONLY = {"source"}


def _field(record: dict, name: str) -> object:
    for key in _ALIASES[name]:
        value = record.get(key)
        if key in _OBJECT_ONLY and not isinstance(value, dict):
            continue
        value = _named(value)
        if value not in (None, "", []):
            return value
    return None


def _named(value: object) -> object:
    """A nested object stands for its name (NewsAPI's ``"source": {"name": "BBC News"}``)."""
    if isinstance(value, dict):
        return value.get("name")
    if isinstance(value, list):
        return [_named(v) for v in value if _named(v) not in (None, "")]
    return value


def _string(value: object) -> str | None:
    return None if value is None else str(value).strip() or None


def json_objects(source: str, text: str) -> Iterator[tuple[str, dict] | InputError]:
    """(``source:line``, object) for each JSON line, or an error naming the line; blanks skipped.

    Lines end at newlines only: a JSON string may hold U+2028 and other characters that
    str.splitlines() would cut at."""
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            yield json_object(f"{source}:{number}", line)


def json_object(where: str, line: str) -> tuple[str, dict] | InputError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return InputError(where, "JSON nested too deeply")
    if not isinstance(record, dict):
        return InputError(where, "each line must be a JSON object")
    return where, record


@reader(".jsonl", ".ndjson")
def read_jsonl(source: str, text: str) -> Iterator[Item]:
    for item in json_objects(source, text):
        yield item if isinstance(item, InputError) else record_document(*item)


def stream_jsonl(path: str, limit: int = MAX_INPUT_BYTES) -> Iterator[Item]:
    """A JSONL file (gzipped or not) read a line at a time, so a dump of any size streams in
    bounded memory; the input limit holds for each line (one article), not the file."""
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    lines = 0
    try:
        stream = gzip.GzipFile(fileobj=raw) if raw.peek(2)[:2] == b"\x1f\x8b" else raw
        for number, line in enumerate(_lines(stream, limit), 1):
            where = f"{path}:{number}"
            if line is None:
                yield InputError(where, f"a line longer than the {limit // 2**20} MB input limit")
                continue
            try:
                text = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield InputError(where, f"not UTF-8 (JSON Lines are UTF-8; byte {exc.start})")
                continue
            if text.strip():
                lines += 1
                item = json_object(where, text)
                yield item if isinstance(item, InputError) else record_document(*item)
        if not lines:
            yield InputError(path, "empty input")
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(path, f"broken gzip data after {lines} lines: {exc}")
    finally:
        raw.close()


def _lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Each line, or None for one over ``limit`` bytes (skipped without holding it)."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(limit + 1)
            yield None
        else:
            yield line


def record_document(where: str, record: dict) -> Item:
    """One article given as a JSON object (a JSONL line, a POST to the web API)."""
    body, html = _field(record, "text"), _field(record, "html")
    description = _string(_field(record, "description"))
    if not isinstance(body, str) and not isinstance(html, str):
        if description is None:
            return InputError(where, 'needs a non-empty "text", "html" or "description" string '
                                     'field')
        body = description
    authors = _field(record, "authors")
    if isinstance(authors, str):
        authors = [authors]
    elif not isinstance(authors, list):
        authors = []
    return RawDocument(
        source=where,
        content=html if isinstance(html, str) else body,
        kind="html" if isinstance(html, str) else "text",
        external_id=_string(_field(record, "id")),
        url=_string(_field(record, "url")),
        title=_string(_field(record, "title")),
        outlet=_string(_field(record, "outlet")),
        published=_string(_field(record, "published")),
        authors=tuple(str(a) for a in authors if str(a).strip()),
        description=description,
        title_line=False,
    )


_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|article|div|p)\b",
                         re.IGNORECASE | re.DOTALL)


def sniff(text: str) -> Reader:
    """Pick a reader by looking at the content, for stdin and files with no known extension."""
    if looks_like_feed(text):
        return read_feed
    if _HTML_START.match(text[:4096]):
        return read_html
    first = next((line for line in text.splitlines() if line.strip()), "")
    if first.lstrip().startswith("{"):
        try:
            json.loads(first)
            return read_jsonl
        except json.JSONDecodeError:
            pass
    return read_text
