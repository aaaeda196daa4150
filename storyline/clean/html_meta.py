"""What a page says about itself: title, site name, authors, date, canonical URL, language.

Read from the places publishers fill for search engines and social cards (Open Graph and
article meta tags, schema.org JSON-LD), then the ``<title>`` and ``<h1>``. The date falls back
to htmldate's fast search. A few lookups on a tree already parsed cost far less than a general
metadata extractor, which matters because extraction runs on every page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import htmldate
from lxml import html as lxml_html

_TITLE_KEYS = ("og:title", "twitter:title", "title", "headline", "dc.title", "sailthru.title")
_SITE_KEYS = ("og:site_name", "application-name", "twitter:site", "publisher", "dc.publisher")
_AUTHOR_KEYS = ("author", "article:author", "byl", "dc.creator", "parsely-author",
                "sailthru.author", "citation_author")
_DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "pubdate",
              "publish-date", "date", "dc.date", "dc.date.issued", "parsely-pub-date",
              "sailthru.date", "citation_publication_date", "article.published")
_URL_KEYS = ("og:url",)
# "Title - Site" / "Title | Site": the site part of a <title>.
_TITLE_SEPARATOR_RE = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    sitename: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    url: str | None = None
    language: str | None = None


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.iterfind(".//meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        value = " ".join((node.get("content") or "").split())
        if key and value and key not in found:
            found[key] = value
    return found


def _json_ld(tree: lxml_html.HtmlElement) -> Iterator[dict]:
    """Every JSON-LD object on the page, nested ones and @graph members included."""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                yield item
                stack.extend(v for v in item.values() if isinstance(v, dict | list))
            elif isinstance(item, list):
                stack.extend(item)


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _clean(text: str | None) -> str | None:
    text = " ".join((text or "").split())
    return text or None


def _first(tags: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((tags[k] for k in keys if tags.get(k)), None)


def read_metadata(tree: lxml_html.HtmlElement, url: str | None = None) -> PageMetadata:
    tags = _meta_tags(tree)
    article = next((o for o in _json_ld(tree)
                    if isinstance(o.get("headline"), str) or "articleBody" in o), {})
    heading = tree.find(".//h1")
    page_title = tree.find(".//title")
    title = (
        _clean(article.get("headline") if isinstance(article.get("headline"), str) else None)
        or _clean(_first(tags, _TITLE_KEYS))
        or (_clean(heading.text_content()) if heading is not None else None)
        or (_clean(page_title.text_content()) if page_title is not None else None)
    )
    if title and page_title is not None and title == _clean(page_title.text_content()):
        title = _TITLE_SEPARATOR_RE.split(title)[0]
    publisher = _names(article.get("publisher")) if article else []
    sitename = _clean(_first(tags, _SITE_KEYS)) or (_clean(publisher[0]) if publisher else None)
    if sitename and sitename.startswith("@"):
        sitename = None
    authors = [a for a in (_names(article.get("author")) if article else []) if a.strip()]
    if not authors and (tag := _first(tags, _AUTHOR_KEYS)) and not tag.startswith("http"):
        authors = re.split(r"\s*(?:,|;|\band\b|&)\s*", tag)
    date = article.get("datePublished") if isinstance(article.get("datePublished"), str) else None
    date = date or _first(tags, _DATE_KEYS)
    if not date:
        date = htmldate.find_date(tree, extensive_search=False, original_date=True, url=url)
    canonical = tree.find(".//link[@rel='canonical']")
    page_url = (canonical.get("href") if canonical is not None else None) or _first(tags, _URL_KEYS)
    if page_url and not page_url.startswith(("http://", "https://")):
        page_url = None
    language = (tree.get("lang") or tags.get("og:locale") or tags.get("content-language") or "")
    return PageMetadata(
        title=title,
        sitename=sitename,
        authors=tuple(dict.fromkeys(a for a in (_clean(x) for x in authors) if a)),
        date=_clean(date),
        url=url or page_url,
        language=language.replace("_", "-").split("-")[0].lower() or None,
    )
