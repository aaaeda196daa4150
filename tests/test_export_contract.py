"""The export-v1 contract (../shared/design/export-v1.md) on the bundled demo corpus."""

import csv
import io
import json
from importlib import resources
from pathlib import Path

import pytest

from storyline.api import Storyline
from storyline.export import FORMAT

ARTICLE_FIELDS = {"id", "source", "external_id", "url", "title", "outlet", "syndicated",
                  "syndicated_from", "credits", "dateline", "published", "published_source",
                  "language", "text", "duplicate_of", "entities", "quotes", "times", "figures"}
STORY_FIELDS = {"id", "title", "article_ids", "developments", "timeline", "summary", "novelty",
                "disagreements", "entities"}
SPAN_LISTS = {"entities": "text", "quotes": "text", "times": "text", "figures": "text"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory, analyser):
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    corpus = Path(str(resources.files("storyline.demo").joinpath("corpus")))
    sl = Storyline(db, analyser)
    report = sl.ingest([str(corpus / "articles")], manifest=str(corpus / "manifest.jsonl"))
    assert report.ok, report.failed
    yield sl
    sl.close()


def test_every_field_is_present_with_the_right_type(demo):
    doc = demo.export()
    assert doc["format"] == FORMAT
    assert len(doc["articles"]) == 14 and len(doc["stories"]) == 2
    for article in doc["articles"]:
        assert set(article) >= ARTICLE_FIELDS
        assert isinstance(article["syndicated"], bool) and isinstance(article["credits"], list)
        assert article["published_source"] in {"metadata", "text", "inferred", None}
        for quote in article["quotes"]:
            assert {"text", "speaker", "speaker_canonical", "cue", "start", "end"} <= set(quote)
        for time in article["times"]:
            assert {"text", "value", "type", "start", "end", "mod", "points_to"} <= set(time)
        for figure in article["figures"]:
            assert {"text", "value", "qualifier", "unit", "attributed_to", "start", "end"} <= set(
                figure)
    for story in doc["stories"]:
        assert set(story) >= STORY_FIELDS
        for development in story["developments"]:
            assert {"id", "date", "article_ids", "headline"} <= set(development)


def test_every_offset_points_at_its_text(demo):
    doc = demo.export()
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    for article in doc["articles"]:
        for key in SPAN_LISTS:
            for item in article[key]:
                assert article["text"][item["start"]:item["end"]] == item["text"], (key, item)
    for story in doc["stories"]:
        for item in story["timeline"] + story["summary"]:
            assert texts[item["article_id"]][item["start"]:item["end"]] == item["text"]
        for novelty in story["novelty"]:
            for item in novelty["new"]:
                assert texts[novelty["article_id"]][item["start"]:item["end"]] == item["text"]


def test_unknown_values_are_null_never_invented(demo):
    by_title = {a["title"]: a for a in demo.export()["articles"]}
    html = by_title["Water authority chief resigns after dam report"]
    assert html["dateline"] is None and html["external_id"] is None
    jsonl = by_title["First Kessel streets reopen after dam scare"]
    assert jsonl["external_id"] == "hl-2024-0311"


def test_demo_story_reads_as_written(demo):
    dam = next(s for s in demo.stories() if len(s.article_ids) > 5)
    assert len(dam.article_ids) == 11
    assert next(d.date for d in dam.developments) == "2024-03-04"
    (item,) = [d for d in dam.disagreements if "12,000" in {c.value.split()[-1] for c in d.claims}]
    assert {c.value for c in item.claims} >= {"about 12,000", "More than 20,000"}
    reprint = next(a for a in demo.articles() if a.outlet == "Coastline Times"
                   and a.story_id == dam.id)
    assert reprint.duplicate_of and reprint.syndicated_from == "Valley Wire"
    assert {s.speaker for s in dam.speakers} >= {"Jonas Meyer", "Ilse Varga", "Petra Holm"}


def test_jsonl_and_csv_carry_the_same_records(demo):
    out = io.StringIO()
    demo.write_export(out, "jsonl")
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["type"] for r in lines].count("article") == 14
    assert all(r["format"] == FORMAT for r in lines)
    out = io.StringIO()
    demo.write_export(out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 14 and {r["id"] for r in rows} == {r["id"] for r in lines[:14]}
    out = io.StringIO()
    demo.write_export(out, "csv", table="stories")
    assert len(list(csv.DictReader(io.StringIO(out.getvalue())))) == 2
