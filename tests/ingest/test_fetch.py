import gzip

import pytest

from storyline.errors import InputError
from storyline.ingest.discover import iter_documents
from storyline.ingest.fetch import USER_AGENT, fetch
from storyline.models import RawDocument
from tests.ingest.test_feeds import RSS
from tests.webserver import Route

PAGE = (b"<html><head><title>Storm closes port</title></head><body><article><h1>Storm closes port</h1>"
        b"<p>The port closed on Tuesday as a storm brought winds of 120 km/h, the harbour master said.</p>"
        b"</article></body></html>")


def test_page_url_is_fetched_with_our_user_agent(web):
    web.routes["/storm"] = Route(PAGE, gzipped=True)
    (doc,) = iter_documents([f"{web.url}/storm"])
    assert isinstance(doc, RawDocument) and doc.kind == "html" and doc.url == f"{web.url}/storm"
    assert "120 km/h" in doc.content
    assert web.requests[0][1]["User-Agent"] == USER_AGENT


def test_redirects_are_followed_up_to_a_bound(web):
    web.routes["/old"] = Route(status=301, headers={"Location": "/storm"})
    web.routes["/storm"] = Route(PAGE)
    assert fetch(f"{web.url}/old").url == f"{web.url}/storm"
    for n in range(8):
        web.routes[f"/loop{n}"] = Route(status=302, headers={"Location": f"/loop{n + 1}"})
    with pytest.raises(InputError, match="redirects"):
        fetch(f"{web.url}/loop0")


def test_http_errors_types_sizes_and_timeouts_are_clear(web):
    web.routes["/logo.png"] = Route(b"\x89PNG", content_type="image/png")
    web.routes["/big"] = Route(b"a" * 5000, content_type="text/plain")
    web.routes["/bomb"] = Route(b"<p>" + b" " * 3_000_000, gzipped=True)
    web.routes["/slow"] = Route(PAGE, delay=2)
    with pytest.raises(InputError, match="HTTP 404"):
        fetch(f"{web.url}/missing")
    with pytest.raises(InputError, match="'image/png' is not a web page"):
        fetch(f"{web.url}/logo.png")
    with pytest.raises(InputError, match="input limit"):
        fetch(f"{web.url}/big", limit=1000)
    with pytest.raises(InputError, match="input limit"):  # counted after decompression
        fetch(f"{web.url}/bomb", limit=1_000_000)
    with pytest.raises(InputError, match="timed out"):
        fetch(f"{web.url}/slow", timeout=0.5)
    with pytest.raises(InputError, match="cannot fetch"):
        fetch("http://127.0.0.1:9/closed")


def test_feed_url_gives_its_items_and_linked_pages_on_request(web):
    feed = RSS.replace("https://harbour.example/bridge", f"{web.url}/bridge")
    web.routes["/feed"] = Route(feed.encode(), content_type="application/rss+xml")
    web.routes["/bridge"] = Route(PAGE.replace(b"Storm closes port", b"Bridge reopens"))
    items = list(iter_documents([f"{web.url}/feed"]))
    assert [d.title for d in items] == ["Bridge reopens after repairs", "Ferry timetable changes"]
    assert web.hits("/bridge") == 0  # no fetching unless asked

    warnings: list[str] = []
    bridge, ferry = iter_documents([f"{web.url}/feed"], fetch_links=True, warnings=warnings)
    assert bridge.kind == "html" and "<article>" in bridge.content
    assert bridge.title == "Bridge reopens after repairs" and bridge.external_id == "harbour-1"
    # harbour.example cannot be reached: the item keeps its own text, with a warning.
    assert ferry.kind == "text" and ferry.content == "The ferry runs hourly from Monday."
    assert len(warnings) == 1 and "kept the feed item's own text" in warnings[0]


def test_gzip_member_bomb_on_disk_is_capped(tmp_path):
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b" " * (51 * 1024 * 1024)))
    (item,) = iter_documents([str(path)])
    assert isinstance(item, InputError) and "input limit" in item.problem
