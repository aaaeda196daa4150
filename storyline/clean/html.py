"""HTML to article body and metadata: trafilatura finds the main content, we post-clean it.

The page is parsed once; trafilatura (default settings, with its fallbacks) extracts the body
as XML with links kept, html_body drops the chrome it let through, html_chunks adds body
chunks it missed, and html_meta reads the page's own metadata.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from storyline.clean.html_body import blocks_of, keep_blocks
from storyline.clean.html_chunks import sibling_chunks
from storyline.clean.html_meta import read_metadata
from storyline.errors import InputError

# The text is already decoded: tell lxml so, whatever charset the page declares.
_PARSER = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True)


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    sitename: str | None
    authors: tuple[str, ...]
    date: str | None
    url: str | None
    language: str | None
    chrome: tuple[str, ...] = ()


def parse_html(html: str, source: str) -> lxml_html.HtmlElement:
    try:
        tree = lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(source, f"HTML could not be parsed ({exc})") from exc
    if tree is None or tree.find("body") is None:
        raise InputError(source, "HTML with no body")
    return tree


def extract_html(html: str, source: str, url: str | None = None) -> HtmlExtract:
    tree = parse_html(html, source)
    meta = read_metadata(tree, url)
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, include_comments=False, include_links=True, with_metadata=False
        )
    except Exception as exc:  # trafilatura raises many kinds on hostile markup
        raise InputError(source, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    blocks = blocks_of(doc.body) if doc is not None and doc.body is not None else []
    body = keep_blocks(blocks, meta.title)
    before, after = sibling_chunks(tree, [b.text for b in body if b.kind == "p"])
    texts = [*before, *(b.text for b in body), *after]
    if not texts:
        _, baseline, _ = trafilatura.baseline(html)
        texts = [baseline] if baseline and baseline.strip() else []
    if not texts:
        raise InputError(source, "no article text found in the HTML")
    kept = {id(b) for b in body}
    return HtmlExtract(
        text="\n\n".join(texts),
        title=meta.title,
        sitename=meta.sitename,
        authors=meta.authors,
        date=meta.date,
        url=meta.url,
        language=meta.language,
        chrome=tuple(b.text for b in blocks if id(b) not in kept),
    )

