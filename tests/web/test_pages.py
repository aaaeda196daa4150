"""The pages as HTML: what they show, links to exact spans, and hostile text kept as text."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from tests.web.conftest import HOSTILE_TITLE
from tests.web.test_api import story_of


def test_story_list_shows_titles_outlets_and_counts(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "3 stories from 4 articles" in page.text
    assert "Coastal Times, Harbor Herald" in page.text or "Harbor Herald, Coastal Times" in page.text
    assert re.search(r'class="count">2 articles<', page.text)


def test_story_page_links_each_sentence_to_its_exact_span(client):
    story = story_of(client, "Coastal Times")
    page = client.get(f"/stories/{story['id']}").text
    assert '<svg class="chart"' in page and "<circle" in page
    data = client.get(f"/api/stories/{story['id']}").json()
    articles = {a: client.get(f"/api/articles/{a}").json() for a in data["article_ids"]}
    links = re.findall(r'href="/articles/([^"?]+)\?start=(\d+)&amp;end=(\d+)#target"', page)
    assert links
    for article_id, start, end in links:
        assert 0 <= int(start) < int(end) <= len(articles[article_id]["text"])
    for sentence in data["summary"]:
        link = (f'/articles/{sentence["article_id"]}?start={sentence["start"]}&amp;'
                f'end={sentence["end"]}#target')
        assert link in page
    # The two outlets' cost figures are shown side by side.
    assert "40 million dollars" in page and "55 million dollars" in page
    # and the toll as it rose from one day's report to the next, each value linked to its span
    tolls = page[page.index('<section id="tolls">'):]
    tolls = tolls[: tolls.index("</section>")]
    assert [t["claims"][-1]["value"] for t in data["tolls"]] == ["15"]
    for claim in data["tolls"][0]["claims"]:
        assert (f'/articles/{claim["article_id"]}?start={claim["start"]}&amp;end={claim["end"]}'
                in tolls)
    assert "Sarah Collins" in page  # who said what


def test_article_page_marks_the_linked_span_and_the_annotations(client):
    story = client.get(f"/api/stories/{story_of(client, 'Coastal Times')['id']}").json()
    sentence = story["summary"][0]
    page = client.get(f"/articles/{sentence['article_id']}",
                      params={"start": sentence["start"], "end": sentence["end"]}).text
    assert '<span id="target"></span>' in page
    body = page.split('<div class="body">')[1].split("</div>")[0]
    runs = re.findall(r'<(?:span|a) class="([^"]*)"[^>]*>([^<]*)</(?:span|a)>', body)
    assert "".join(unescape(text) for classes, text in runs
                   if "mark-target" in classes) == sentence["text"]
    assert unescape(re.sub(r"<[^>]+>", "", body)) == client.get(
        f"/api/articles/{sentence['article_id']}").json()["text"]  # the whole text, unchanged
    assert 'href="/entities/Sarah%20Collins"' in page
    assert 'class="mark-quote"' in page and 'class="mark-time"' in page


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))


def unsafe_markup(page: str) -> list[str]:
    parser = _Tags()
    parser.feed(page)
    found = []
    for tag, attrs in parser.tags:
        if tag in {"img", "i", "b", "iframe", "object"}:
            found.append(tag)
        if tag == "script" and not (attrs.get("src") or "").startswith("/static/"):
            found.append("inline script")
        found += [f"{tag} {name}" for name in attrs if name.startswith("on")]
        found += [f"{tag} {name}" for name, value in attrs.items()
                  if name in {"href", "src"} and (value or "").strip().lower().startswith(
                      "javascript:")]
    return found


def test_hostile_text_is_escaped_everywhere(client):
    hostile = next(i for i in client.get("/api/stories").json()["items"]
                   if i["title"] == HOSTILE_TITLE)
    story = client.get(f"/api/stories/{hostile['id']}").json()
    pages = [client.get("/").text, client.get(f"/stories/{hostile['id']}").text,
             client.get(f"/articles/{story['article_ids'][0]}").text,
             client.get("/search", params={"q": "storm"}).text,
             client.get("/search", params={"q": "<script>alert(1)</script>"}).text,
             client.get("/entities/<script>alert(1)</script>").text]
    for page in pages:
        assert unsafe_markup(page) == []
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in pages[0]
    assert "original page" not in pages[2]  # its javascript: URL is not made a link


def test_search_page_marks_matches(client):
    page = client.get("/search", params={"q": "seawall"})
    assert page.status_code == 200 and "<mark>seawall</mark>" in page.text.lower()
    assert page.text.count('<li><a href="/articles/') == 2
    none = client.get("/search", params={"q": '"unclosed'})
    assert none.status_code == 200 and "No article matches" in none.text


def test_unknown_pages_are_html_errors(client):
    missing = client.get("/stories/nope")
    assert missing.status_code == 404 and "no story with id" in missing.text
    assert missing.headers["content-type"].startswith("text/html")
    nobody = client.get("/entities/Nobody Atall")
    assert nobody.status_code == 404 and "try searching the words" in nobody.text
    bad_page = client.get("/?page=0")
    assert bad_page.status_code == 400 and "page" in bad_page.text


def test_api_docs_are_served_locally(client):
    docs = client.get("/docs").text
    assert 'src="/static/swagger/swagger-ui-bundle.js"' in docs and "http" not in docs.split(
        "<body>")[1]
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
            "/api/search", "/api/entities/{name}", "/api/export",
            "/api/articles"} <= set(spec["paths"])
