"""The REST API over a real SQLite store: reads, pagination, errors, tokens, ingest by POST."""

from __future__ import annotations

import json
import sqlite3
import time

import pytest

from storyline.api import Storyline
from tests.web.conftest import HOSTILE_TITLE, RAIL, TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def story_of(client, outlet: str) -> dict:
    for item in client.get("/api/stories", params={"limit": 200}).json()["items"]:
        if outlet in item["outlets"]:
            return item
    raise AssertionError(f"no story from {outlet}")


def test_story_list_is_paginated_newest_activity_first(client, web_db):
    everything = client.get("/api/stories", params={"limit": 200}).json()
    assert everything["total"] == len(everything["items"]) == 3
    # The hostile article came last, so its story is the most recently active.
    assert everything["items"][0]["title"] == HOSTILE_TITLE
    seawall = story_of(client, "Coastal Times")
    assert seawall["articles"] == 2
    assert sorted(seawall["outlets"]) == ["Coastal Times", "Harbor Herald"]
    assert (seawall["first_published"], seawall["last_published"]) == ("2024-03-04",
                                                                       "2024-03-05")
    first = client.get("/api/stories", params={"limit": 2}).json()
    second = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()
    assert [i["id"] for i in first["items"] + second["items"]] == [
        i["id"] for i in everything["items"]]
    assert (first["limit"], second["offset"], second["total"]) == (2, 2, 3)


def test_story_and_article_are_the_export_objects(client, web_db):
    seawall = story_of(client, "Coastal Times")
    story = client.get(f"/api/stories/{seawall['id']}").json()
    with Storyline(web_db) as sl:
        assert story == sl.story(seawall["id"]).to_dict()
        article_id = story["article_ids"][0]
        assert client.get(f"/api/articles/{article_id}").json() == sl.article(
            article_id).to_dict()
    sizes = client.get(f"/api/stories/{seawall['id']}", params={"summary": 1}).json()
    assert len(sizes["summary"]) == 1


def test_export_is_the_cli_document(client, web_db):
    with Storyline(web_db) as sl:
        expected = sl.export()
        one = sl.export(story_of(client, "Northern Post")["id"])
    assert client.get("/api/export").json() == expected
    assert client.get("/api/export", params={"story": one["stories"][0]["id"]}).json() == one


def test_merged_story_id_answers_with_the_story_it_joined(client_for, tmp_path, analyser):
    from tests.web.conftest import documents

    db = str(tmp_path / "merged.db")
    with Storyline(db, analyser) as sl:
        sl.ingest_documents(documents()[:3])
        seawall, rail = (s.id for s in sorted(sl.stories(), key=lambda s: -len(s.article_ids)))
        with sl.store.transaction():
            sl.store.merge_stories(seawall, rail)
            sl.store.mark_all_stories_dirty()
    client = client_for(db)
    answer = client.get(f"/api/stories/{rail}")
    assert answer.status_code == 200 and answer.json()["id"] == seawall
    page = client.get(f"/stories/{rail}", follow_redirects=False)
    assert page.status_code == 301 and page.headers["location"] == f"/stories/{seawall}"


def test_search_and_entities(client):
    hits = client.get("/api/search", params={"q": "seawall"}).json()["items"]
    assert {h["outlet"] for h in hits} == {"Coastal Times", "Harbor Herald"}
    assert all("[" in h["snippet"] for h in hits)  # the matched word is marked
    phrase = client.get("/api/search", params={"q": '"union leader"'}).json()["items"]
    assert [h["outlet"] for h in phrase] == ["Northern Post"]
    unclosed = client.get("/api/search", params={"q": '"union leader'}).json()["items"]
    assert [h["outlet"] for h in unclosed] == ["Northern Post"]  # read as plain words
    entity = client.get("/api/entities/Sarah Collins").json()
    assert entity["label"] == "PERSON"
    assert {a["outlet"] for a in entity["articles"]} == {"Coastal Times", "Harbor Herald"}
    assert all(a["mentions"] >= 1 for a in entity["articles"])


@pytest.mark.parametrize(("path", "status", "words"), [
    ("/api/articles/no-such-article", 404, "no article with id 'no-such-article'"),
    ("/api/stories/no-such-story", 404, "no story with id 'no-such-story'"),
    ("/api/entities/Nobody Atall", 404, "no article mentions an entity named 'Nobody Atall'"),
    ("/api/search?q=", 422, "query.q"),
    ("/api/stories?limit=0", 422, "query.limit"),
    ("/api/stories?limit=500", 422, "query.limit"),
    ("/api/stories?order=sideways", 422, "query.order"),
    ("/api/nothing-here", 404, "Not Found"),
])
def test_errors_are_json_with_a_message_and_the_right_status(client, path, status, words):
    answer = client.get(path)
    assert answer.status_code == status
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert body["status"] == status and words in body["error"]


def test_writes_need_the_token(client_for, web_db):
    read_only = client_for(web_db)
    answer = read_only.post("/api/articles", json={"text": RAIL})
    assert answer.status_code == 403 and "read-only" in answer.json()["error"]
    guarded = client_for(web_db, token=TOKEN)
    missing = guarded.post("/api/articles", json={"text": RAIL})
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = guarded.post("/api/articles", json={"text": RAIL},
                         headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    with Storyline(web_db) as sl:
        assert sl.store.count_articles() == 4  # nothing was written


def test_private_server_closes_reads(client_for, web_db):
    private = client_for(web_db, token=TOKEN, private=True)
    assert private.get("/api/stories").status_code == 401
    assert private.get("/").status_code == 401
    assert private.get("/api/stories", headers=AUTH).status_code == 200


def test_post_ingests_json_and_html_and_is_idempotent(client_for, tmp_path, analyser):
    db = str(tmp_path / "posted.db")
    client = client_for(db, token=TOKEN)
    batch = [
        {"text": RAIL, "title": "Rail strike halts trains", "outlet": "Northern Post",
         "published": "2024-05-10", "url": "https://north.example/strike"},
        {"title": "no body here"},
        "not an object",
    ]
    first = client.post("/api/articles", json=batch, headers=AUTH)
    assert first.status_code == 201
    result = first.json()
    assert result["added"] == 1 and len(result["article_ids"]) == 1
    assert len(result["failed"]) == 2
    assert result["failed"][0].startswith("POST /api/articles item 1: needs a non-empty")
    assert result["failed"][1] == "POST /api/articles item 2: each article must be a JSON object"
    again = client.post("/api/articles", json=batch, headers=AUTH).json()
    assert (again["added"], again["unchanged"]) == (0, 1)
    html = ("<html><head><title>Ferry service resumes</title></head><body><article>"
            "<h1>Ferry service resumes</h1><p>The island ferry resumed service on Tuesday "
            "after a week of storms, the operator said in a statement to passengers.</p>"
            "<p>Passengers waited for hours at the harbor, and some were turned away because "
            "the first sailings were full, officials said.</p></article></body></html>")
    posted = client.post("/api/articles", content=html.encode(),
                         params={"outlet": "Island News", "published": "2024-05-14"},
                         headers={**AUTH, "Content-Type": "text/html; charset=utf-8"})
    assert posted.status_code == 201 and posted.json()["added"] == 1
    article = client.get(f"/api/articles/{posted.json()['article_ids'][0]}").json()
    assert article["outlet"] == "Island News" and article["published"] == "2024-05-14"
    assert "island ferry resumed service" in article["text"]
    with Storyline(db) as sl:
        assert sl.store.count_articles() == 2 and sl.store.integrity_ok()


@pytest.mark.parametrize(("body", "content_type", "status", "words"), [
    (b"", "application/json", 400, "body is empty"),
    (b"{not json", "application/json", 400, "not valid JSON"),
    (b"[]", "application/json", 400, "between 1 and 1000"),
    (b"\xff\xfe\x00", "text/plain", 400, "not UTF-8"),
    (b"hello", "application/x-yaml", 415, "unsupported Content-Type"),
    (json.dumps([{"text": "x"}] * 1001).encode(), "application/json", 400, "1000"),
])
def test_bad_posts_are_refused_with_a_reason(client_for, tmp_path, body, content_type, status,
                                             words):
    client = client_for(str(tmp_path / "bad.db"), token=TOKEN)
    answer = client.post("/api/articles", content=body,
                         headers={**AUTH, "Content-Type": content_type})
    assert answer.status_code == status
    assert words in answer.json()["error"]


def test_request_bodies_over_the_limit_are_refused(client_for, tmp_path):
    client = client_for(str(tmp_path / "limit.db"), token=TOKEN, max_body=1000)
    answer = client.post("/api/articles", json={"text": "word " * 1000}, headers=AUTH)
    assert answer.status_code == 413
    assert "over the limit of 1000 bytes" in answer.json()["error"]

    def chunks():  # no Content-Length: the limit holds while the body streams in
        for _ in range(10):
            yield b"x" * 500

    streamed = client.post("/api/articles", content=chunks(),
                           headers={**AUTH, "Content-Type": "text/plain"})
    assert streamed.status_code == 413


def test_every_response_carries_the_security_headers(client):
    for path in ("/", "/api/stories", "/api/articles/missing", "/static/style.css"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "object-src 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_a_bad_store_fails_at_start(tmp_path):
    from storyline.errors import StorylineError
    from storyline.web.app import WebConfig, create_app

    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("just text, not SQLite")
    with pytest.raises(StorylineError, match="not a usable storyline database"):
        create_app(WebConfig(str(not_a_store)))
    with pytest.raises(StorylineError, match="closed reads need a token"):
        create_app(WebConfig(str(tmp_path / "x.db"), private=True))


def test_reads_never_wait_for_a_writer(client, web_db):
    """A CLI ingest holding the write lock, its stories marked for rebuilding: the server
    still answers at once, from the views as stored."""
    if not web_db.endswith(".db"):
        pytest.skip("SQLite's file lock; PostgreSQL readers take no lock at all")
    writer = sqlite3.connect(web_db, isolation_level=None)
    try:
        writer.execute("UPDATE stories SET dirty = 1")
        writer.execute("BEGIN IMMEDIATE")
        seawall = story_of(client, "Coastal Times")
        began = time.monotonic()
        assert client.get(f"/stories/{seawall['id']}").status_code == 200
        assert client.get(f"/api/stories/{seawall['id']}").json()["id"] == seawall["id"]
        assert time.monotonic() - began < 5  # the busy timeout is 60 s
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        with Storyline(web_db) as sl:
            sl.refresh()


def test_the_server_reads_and_writes_a_postgres_store(client_for, postgres_db, analyser):
    from tests.web.conftest import documents

    with Storyline(postgres_db, analyser) as sl:
        sl.ingest_documents(documents()[:3])
    client = client_for(postgres_db, token=TOKEN)
    seawall = story_of(client, "Coastal Times")
    assert seawall["articles"] == 2
    assert client.get(f"/stories/{seawall['id']}").status_code == 200
    hits = client.get("/api/search", params={"q": "seawall"}).json()["items"]
    assert {h["outlet"] for h in hits} == {"Coastal Times", "Harbor Herald"}
    posted = client.post("/api/articles", json=[{
        "text": "Ferry service resumed on Tuesday after a week of storms, the operator said.",
        "title": "Ferry service resumes", "outlet": "Island News", "published": "2024-05-14"}],
        headers=AUTH)
    assert posted.status_code == 201 and posted.json()["added"] == 1
    assert client.get("/api/stories").json()["total"] == 3
