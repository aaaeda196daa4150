"""Walk what a user gave (files, folders, URLs, ``-``) and read each input with its reader."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import replace

from storyline.errors import InputError
from storyline.ingest.decode import MAX_INPUT_BYTES, decode, read_bytes
from storyline.ingest.feeds import read_feed
from storyline.ingest.fetch import Fetched, fetch
from storyline.ingest.manifest import Manifest
from storyline.ingest.readers import (
    READERS,
    Item,
    extension_of,
    read_jsonl,
    sniff,
    stream_jsonl,
)
from storyline.ingest.warc import read_warc
from storyline.models import RawDocument

# Inputs read as a stream from their file rather than decoded to text first.
STREAMED = {".warc": read_warc, ".jsonl": stream_jsonl, ".ndjson": stream_jsonl}
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def is_url(given: str) -> bool:
    return given.startswith(("http://", "https://"))


def iter_documents(
    paths: list[str],
    manifest: Manifest | None = None,
    skipped: list[str] | None = None,
    fetch_links: bool = False,
    warnings: list[str] | None = None,
) -> Iterator[Item]:
    """Yield every document found under ``paths``, or an InputError for each one that fails.

    Folders are walked recursively in sorted order (hidden entries skipped), so the same tree
    always gives the same order. Files in folders with an unknown extension are skipped and
    listed in ``skipped``; a file named explicitly is read whatever its extension. With
    ``fetch_links``, feed items are replaced by the pages they link to.
    """
    for given in paths:
        if given == "-":
            items = _read_one("-", sys.stdin.buffer.read(MAX_INPUT_BYTES + 1), manifest=None)
        elif is_url(given):
            items = read_url(given)
        elif os.path.isdir(given):
            items = _read_folder(given, manifest, skipped)
        elif os.path.exists(given):
            items = _read_one(given, None, manifest)
        else:
            items = iter([InputError(given, "no such file or directory")])
        yield from (with_linked_pages(items, warnings) if fetch_links else items)


def _read_folder(folder: str, manifest: Manifest | None, skipped: list[str] | None
                 ) -> Iterator[Item]:
    for path in _walk(folder):
        if extension_of(path) in READERS or extension_of(path) in STREAMED:
            yield from _read_one(path, None, manifest)
        elif skipped is not None:
            skipped.append(path)


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def _read_one(path: str, data: bytes | None, manifest: Manifest | None) -> Iterator[Item]:
    meta = manifest.lookup(path) if manifest is not None else None
    if data is None and extension_of(path) in STREAMED:
        items = STREAMED[extension_of(path)](path)
    else:
        try:
            text = decode(read_bytes(path, data), path)
        except InputError as exc:
            yield exc
            return
        items = (READERS.get(extension_of(path)) or sniff(text))(path, text)
    for item in items:
        yield _with_manifest(item, meta) if meta and isinstance(item, RawDocument) else item


def read_url(url: str) -> Iterator[Item]:
    """Fetch a page, feed or JSONL dump the user named, and read it by what the server sent."""
    try:
        fetched = fetch(url)
        text = _decode_fetched(fetched)
    except InputError as exc:
        yield exc
        return
    if fetched.content_type in _FEED_TYPES:
        yield from read_feed(url, text)
    elif fetched.content_type in ("application/x-ndjson", "application/jsonl"):
        yield from read_jsonl(url, text)
    elif fetched.content_type in ("text/html", "application/xhtml+xml"):
        yield RawDocument(source=url, content=text, kind="html", url=fetched.url)
    else:
        for item in sniff(text)(url, text):
            is_page = isinstance(item, RawDocument) and item.source == url
            yield replace(item, url=item.url or fetched.url) if is_page else item


def _decode_fetched(fetched: Fetched) -> str:
    if fetched.charset:
        try:
            return fetched.content.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(fetched.content, fetched.url)


def with_linked_pages(items: Iterator[Item], warnings: list[str] | None) -> Iterator[Item]:
    """Feed items with a link become the linked page; the item's own text is the fallback."""
    for item in items:
        if not isinstance(item, RawDocument) or not item.feed_item or not item.url:
            yield item
            continue
        try:
            fetched = fetch(item.url)
            page = _decode_fetched(fetched)
        except InputError as exc:
            if warnings is not None:
                warnings.append(f"{item.source}: {exc.problem}; kept the feed item's own text")
            if item.content.strip():
                yield item
            continue
        yield replace(item, content=page, kind="html", url=fetched.url)


def _with_manifest(doc: RawDocument, meta: dict[str, str]) -> RawDocument:
    """Manifest metadata fills what the input itself does not say."""
    return replace(
        doc,
        published=doc.published or meta.get("published"),
        url=doc.url or meta.get("url"),
        outlet=doc.outlet or meta.get("outlet"),
        title=doc.title or meta.get("title"),
        external_id=doc.external_id or meta.get("id"),
    )


def resolve_paths(paths: list[str], manifest: Manifest | None) -> list[str]:
    """With no paths given, ingest what the manifest lists."""
    if paths or manifest is None:
        return paths
    return manifest.paths()
