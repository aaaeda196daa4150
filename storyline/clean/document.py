"""Clean one RawDocument: body without chrome, plus the metadata the page itself tells."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.clean import metadata as meta
from storyline.clean.boilerplate import BoilerplateIndex, line_key
from storyline.clean.html import extract_html
from storyline.clean.language import detect_language
from storyline.clean.lines import (
    STRONG,
    THREAD_RE,
    Unit,
    body_run,
    describe,
    drop_inside_body,
    fallback_body,
    score,
    split_units,
)
from storyline.clean.title import choose_title
from storyline.models import ANALYSED_LANGUAGE, RawDocument
from storyline.textutil import normalise_line


@dataclass
class CleanDocument:
    text: str
    title: str | None
    outlet: str | None
    syndicated: bool
    syndicated_from: str | None
    credits: list[str]
    dateline: str | None
    published: str | None
    published_source: str | None
    url: str | None
    language: str | None
    warnings: list[str] = field(default_factory=list)


def site_key(raw: RawDocument) -> str:
    """Which site a document comes from, to compare its lines with the site's other pages."""
    return meta.host_of(raw.url) or (raw.outlet or "").strip().lower()


def body_source(raw: RawDocument) -> tuple[str, dict]:
    """The text to clean, and what HTML metadata said (empty for text input)."""
    if raw.kind != "html":
        return raw.content, {}
    extract = extract_html(raw.content, raw.source, raw.url)
    return extract.text, {
        "title": extract.title,
        "sitename": extract.sitename,
        "authors": extract.authors,
        "date": extract.date,
        "url": extract.url,
        "language": extract.language,
        "chrome": extract.chrome,
    }


def units_of(text: str) -> list[Unit]:
    units = split_units(text)
    for unit in units:
        describe(unit)
    return units


def clean_document(
    raw: RawDocument,
    text: str,
    html_meta: dict,
    units: list[Unit],
    repeated: set[int],
) -> CleanDocument:
    """Choose the body among ``units`` (from ``text``) and read the metadata around it."""
    warnings: list[str] = []
    title = raw.title or html_meta.get("title")
    title_unit = None
    if title is None and raw.kind == "text" and raw.title_line:
        title_unit = choose_title(units)
        title = " ".join(title_unit.text.split()) if title_unit else None
    title_norm = normalise_line(title) if title else None

    for unit in units:
        if unit is title_unit or (title_norm and normalise_line(unit.text) == title_norm):
            unit.flags.add("title")
    if raw.kind == "html":
        # The HTML extractor has chosen the body already; its dropped blocks are the chrome.
        body = [u for u in units if "title" not in u.flags]
    else:
        body = _text_body(units, repeated, detect_language(text) == ANALYSED_LANGUAGE)
    body_ids = {u.index for u in body}
    outside = [u for u in units if u.index not in body_ids and "title" not in u.flags]
    outside += units_of("\n\n".join(html_meta.get("chrome", ())))
    if raw.description and raw.kind != "html" and not any(u.score > 0 for u in body):
        text, body = raw.description, _description_body(raw.description)
        warnings.append("the text read as page chrome; the item's description stands for it")

    dateline = meta.parse_dateline(body[0].text) if body else None
    pieces: list[str] = []
    previous_end = None
    for n, unit in enumerate(body):
        start = unit.start + (dateline.length if dateline and n == 0 else 0)
        if previous_end is not None:
            pieces.append("\n\n" if text.count("\n", previous_end, unit.start) >= 2 else "\n")
        pieces.append(text[start : unit.end])
        previous_end = unit.end
    clean_text = "".join(pieces)

    credits: list[str] = []
    note = meta.SyndicationNote(None, None)
    syndicated = False
    for unit in [*body, *outside]:
        if "credit" in unit.flags:
            credits += meta.credit_names(unit.text)
        elif "byline" in unit.flags:
            credits += meta.byline_names(unit.text)
        if "syndication" in unit.flags:
            syndicated = True
            found = meta.parse_syndication(unit.text)
            note = meta.SyndicationNote(note.site or found.site, note.source or found.source)
    if dateline and dateline.byline:
        credits += meta.byline_names(dateline.byline)
    credits += [a for a in raw.authors or html_meta.get("authors", ()) if len(a.split()) >= 2]

    url = raw.url or html_meta.get("url")
    host = meta.host_of(url)
    agency = dateline.agency if dateline else None
    chrome = [u.text for u in outside]
    holder = next((name for line in chrome if (name := meta.copyright_holder(line))), None)
    if holder and host and not meta.spells_host(holder, host):
        # "Copyright 2017 The Associated Press" on washingtonpost.com: the story's source
        agency, holder = agency or holder, None
    site = (
        raw.outlet
        or html_meta.get("sitename")
        or note.site
        or holder
        or meta.site_name(chrome, host)
    )
    agency = agency or next((name for line in chrome if (name := meta.source_credit(line))), None)
    if site is None and host:
        # Prefer the name a wire gives itself ("Valley Wire") to its bare domain when they match.
        own_name = agency and _squash(agency) == _squash(meta.registrable_label(host))
        site = agency if own_name else meta.outlet_from_host(host)
    syndicated_from = note.source
    if site and agency and not _same_outlet(site, agency):
        syndicated, syndicated_from = True, syndicated_from or agency
    outlet = site or agency
    named = {_squash(x) for x in (outlet, agency, syndicated_from) if x}
    credits = _unique(c for c in credits if _squash(c) not in named)

    published, published_source = None, None
    if raw.published:
        published = meta.normalise_published(raw.published)
        if published is None:
            warnings.append(f"cannot read the publication date {raw.published!r}; left unknown")
        else:
            published_source = "metadata"
    if published is None and html_meta.get("date"):
        published = meta.normalise_published(html_meta["date"])
        published_source = "metadata" if published else None
    if published is None:
        for unit in outside:
            found_date = meta.parse_date_line(unit.text)
            if found_date:
                published, published_source = found_date, "text"
                break
    if published is None and dateline and dateline.stamped:
        published, published_source = dateline.stamped, "text"
    if published is None:
        published = meta.date_from_url(url)
        published_source = "inferred" if published else None

    language = detect_language(clean_text, html_meta.get("language"))
    return CleanDocument(
        text=clean_text,
        title=title,
        outlet=outlet,
        syndicated=syndicated,
        syndicated_from=syndicated_from,
        credits=credits,
        dateline=dateline.place if dateline else None,
        published=published,
        published_source=published_source,
        url=url,
        language=language,
        warnings=warnings,
    )


def _text_body(units: list[Unit], repeated: set[int], english: bool) -> list[Unit]:
    """The body of flattened text: the best-scoring run before any comment thread, minus the
    chrome inside it."""
    scores = []
    for unit in units:
        if "title" in unit.flags:
            scores.append(-(3.0 + unit.n_words / 15))
        else:
            unit.score = score(unit, unit.index in repeated, english)
            scores.append(unit.score)
    threads = [u.index for u in units if u.n_words <= 8 and THREAD_RE.match(u.text.strip())]
    run = body_run(scores, threads)
    if run is None:
        return fallback_body(units)
    return [u for u in units[run[0] : run[1]]
            if "title" not in u.flags and not drop_inside_body(u, u.index in repeated)]


def _description_body(description: str) -> list[Unit]:
    """A teaser is short prose written by the outlet: every unit of it that is not chrome."""
    return [u for u in units_of(description)
            if u.n_words and not u.flags & STRONG and "legal" not in u.flags]


def _squash(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum()).removeprefix("the")


def _same_outlet(a: str, b: str) -> bool:
    sa, sb = _squash(a), _squash(b)
    return sa == sb or sa in sb or sb in sa


def _unique(names) -> list[str]:
    seen, out = set(), []
    for name in names:
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def line_keys(units: list[Unit]) -> list[str | None]:
    return [line_key(u.text) for u in units]


def clean(raw: RawDocument, boilerplate: BoilerplateIndex | None = None) -> CleanDocument:
    """Clean one document on its own (the batch pipeline shares a BoilerplateIndex instead)."""
    text, html_meta = body_source(raw)
    units = units_of(text)
    repeated = set()
    if boilerplate is not None:
        repeated = boilerplate.repeated(raw.source, site_key(raw), line_keys(units))
    return clean_document(raw, text, html_meta, units, repeated)
