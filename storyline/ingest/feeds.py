"""RSS and Atom feeds: one document per item, from the item's content or its linked page.

A feed is hostile input like any other: before feedparser reads it, defusedxml refuses entity
declarations and external references (billion laughs, XXE). Items whose date cannot be read
keep the raw string, which the cleaner reports as a warning naming the item.
"""

from __future__ import annotations

import calendar
import io
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime

import defusedxml.ElementTree
import feedparser
from defusedxml import DefusedXmlException
from lxml import etree
from lxml import html as lxml_html

from storyline.errors import InputError
from storyline.models import RawDocument

Item = RawDocument | InputError
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "br"}


def refuse_xml_attacks(source: str, text: str) -> None:
    """Raise when the XML declares entities or points outside itself; malformed XML passes
    (feedparser reads broken feeds leniently)."""
    try:
        defusedxml.ElementTree.fromstring(
            text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError(source, f"feed refused: {type(exc).__name__} (entity declarations and "
                                 "external references are not allowed)") from exc
    except (defusedxml.ElementTree.ParseError, ValueError):
        pass


def fragment_text(markup: str) -> str:
    """The text of an HTML fragment, one paragraph per block element."""
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return markup
    for node in root.iter("script", "style"):
        node.text = ""
    for node in root.iter(*_BLOCKS):
        node.tail = "\n\n" + (node.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n\n"))
    return "\n\n".join(line for line in lines if line)


def _published(entry: feedparser.FeedParserDict) -> str | None:
    with warnings.catch_warnings():  # feedparser warns about its updated/published fallback
        warnings.simplefilter("ignore", DeprecationWarning)
        parsed_dates = [entry.get(f"{key}_parsed") for key in ("published", "updated", "created")]
    for parsed in parsed_dates:
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()
    for key in ("published", "updated", "created"):
        if entry.get(key):
            return str(entry[key])  # unreadable: the cleaner warns and leaves it unknown
    return None


def _content(entry: feedparser.FeedParserDict) -> str:
    bodies = [c.get("value", "") for c in entry.get("content", [])]
    bodies.append(entry.get("summary", ""))
    best = max(bodies, key=len)
    return fragment_text(best) if "<" in best else best.strip()


def read_feed(source: str, text: str) -> Iterator[Item]:
    """One RawDocument per feed item (its link is kept, for fetching the full page later)."""
    try:
        refuse_xml_attacks(source, text)
    except InputError as exc:
        yield exc
        return
    # A stream, not the string: feedparser reads a string that looks like a URL or a file name
    # from the network or the disk ("http://…", "/etc/passwd") instead of parsing it.
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), sanitize_html=True,
                              resolve_relative_uris=False)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield InputError(source, "not an RSS or Atom feed, or a feed with no items"
                                 + (f" ({problem})" if problem else ""))
        return
    for number, entry in enumerate(parsed.entries, 1):
        key = entry.get("id") or entry.get("link") or str(number)
        where = f"{source}#{key}"
        body = _content(entry)
        link = entry.get("link") or None
        if not body and not link:
            yield InputError(where, "feed item has neither content nor a link")
            continue
        origin = entry.get("source", {})
        authors = [a.get("name", "") for a in entry.get("authors", []) if a.get("name")]
        yield RawDocument(
            source=where,
            content=body,
            kind="text",
            external_id=str(key),
            url=link,
            title=" ".join(entry.get("title", "").split()) or None,
            outlet=origin.get("title") if isinstance(origin, dict) else None,
            published=_published(entry),
            authors=tuple(authors),
            title_line=False,
            feed_item=True,
        )


def looks_like_feed(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2 :].lstrip()
    while head.startswith("<!--"):
        head = head[head.find("-->") + 3 :].lstrip()
    return head.startswith(("<rss", "<feed", "<rdf:rdf"))
