"""The pages in a real browser: Debian's Chromium driven by Playwright, against uvicorn.

Screenshots go to ``.artifacts/browser/`` (or $STORYLINE_ARTIFACTS). Without Chromium the
tests are skipped on a developer's machine and fail under CI, where `.ci/run` installs it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.web.conftest import HOSTILE_TITLE

CHROMIUM = Path(os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(os.environ.get("STORYLINE_ARTIFACTS", REPO / ".artifacts")) / "browser"

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} not found (apt-get install chromium)", allow_module_level=True)

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM),
                                     args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    """A fresh page that records console errors and dialogs (an alert() means markup ran)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.on("dialog", lambda d: (tab.problems.append(f"dialog: {d.message}"), d.dismiss()))
    tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))
    tab.on("console", lambda m: m.type == "error" and tab.problems.append(m.text))
    yield tab
    context.close()


def shot(page, name: str, full: bool = False) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


def test_list_to_story_to_article_and_back(page, live_server):
    page.goto(live_server + "/")
    shot(page, "stories")
    page.get_by_role("link", name=re.compile("seawall", re.IGNORECASE)).first.click()
    page.wait_for_url(re.compile(r"/stories/"))
    story_url = page.url
    assert page.locator("svg.chart circle").count() >= 2
    assert page.locator("#disagreements td.value").all_inner_texts() != []
    assert page.locator("#tolls td.value").all_inner_texts() == ["12", "15"]
    shot(page, "story", full=True)
    sentence = page.locator("ul.summary li").first
    label = sentence.locator("a.source").inner_text()
    expected = sentence.inner_text().strip().removesuffix(label).strip()
    sentence.locator("a.source").click()
    page.wait_for_url(re.compile(r"/articles/.+start=\d+.*#target"))
    assert page.locator(".body .mark-target").all_inner_texts()
    assert "".join(page.locator(".body .mark-target").all_inner_texts()) == expected
    playwright_api.expect(page.locator(".body .mark-target").first).to_be_in_viewport()
    shot(page, "article")
    page.go_back()
    page.wait_for_url(story_url)
    page.locator("#speakers h3 a").first.click()
    page.wait_for_url(re.compile(r"/entities/"))
    assert page.locator("ol.hits li").count() >= 1
    assert page.problems == []


def test_search_from_the_header(page, live_server):
    page.goto(live_server + "/")
    page.get_by_role("searchbox", name="Search articles").fill("union leader")
    page.get_by_role("button", name="Search").first.click()
    page.wait_for_url(re.compile(r"/search\?q=union"))
    hits = page.locator("ol.hits li")
    assert hits.count() == 1
    assert page.locator("ol.hits mark").first.inner_text().lower() in {"union", "leader"}
    shot(page, "search")
    hits.first.locator("a").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert "Tomas Berg" in page.locator(".body").inner_text()
    assert page.problems == []


def test_hostile_text_renders_as_text_and_never_runs(page, live_server):
    page.goto(live_server + "/")
    assert page.get_by_text(HOSTILE_TITLE, exact=True).count() == 1  # shown literally
    page.get_by_text(HOSTILE_TITLE, exact=True).click()
    page.wait_for_url(re.compile(r"/stories/"))
    page.locator("ol.articles a").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    body = page.locator(".body").inner_text()
    assert "<script>window.__pwned = 3</script>" in body
    assert '<a href="javascript:alert(2)">' in body
    page.goto(live_server + "/search?q=" + "%3Cimg%20src%3Dx%20onerror%3Dalert(7)%3E")
    shot(page, "hostile")
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("img").count() == 0
    assert [p for p in page.problems if "dialog" in p or "page error" in p] == []


def test_api_docs_render_offline(page, live_server):
    page.goto(live_server + "/docs")
    page.wait_for_selector(".opblock", timeout=15000)
    assert page.locator(".opblock").count() >= 7
    shot(page, "api-docs")
    assert page.problems == []


def test_phone_width_has_no_sideways_scrolling(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    tab.goto(live_server + "/")
    for _ in range(2):
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
        if "/stories/" in tab.url:
            break
        tab.locator("a.story-title").first.click()
        tab.wait_for_url(re.compile(r"/stories/"))
    assert tab.locator("svg.chart").bounding_box()["width"] <= 390
    shot(tab, "story-phone")
    context.close()
