"""HTML to article body and metadata with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from storyline.errors import InputError


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    sitename: str | None
    authors: tuple[str, ...]
    date: str | None
    url: str | None


def extract_html(html: str, source: str, url: str | None = None) -> HtmlExtract:
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, output_format="python"
        )
    except Exception as exc:  # trafilatura raises many kinds on hostile markup
        raise InputError(source, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    text = (doc.text if doc is not None else "") or ""
    if not text.strip():
        _, text, _ = trafilatura.baseline(html)
    if not text or not text.strip():
        raise InputError(source, "no article text found in the HTML")
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip()) if doc else ()
    return HtmlExtract(
        text=text,
        title=(doc.title or None) if doc else None,
        sitename=(doc.sitename or None) if doc else None,
        authors=authors,
        date=(doc.date or None) if doc else None,
        url=(doc.url or url) if doc else url,
    )
