"""Hostile input never hangs a stage: inputs built to make regular expressions backtrack (a
long line with no space, opening quotation marks never closed, endless digits) go through
time expressions, quotations and cleaning in linear time and bounded memory.

The bounds are a watchdog, not a speed measurement: a linear pass over these 100 KB takes well
under a second here, and the quadratic ones this test caught took a minute.
"""

from __future__ import annotations

import time
import tracemalloc

import pytest

from storyline.analyse.quotes import find_quote_spans
from storyline.analyse.times.grammar import find_matches
from storyline.clean import clean
from storyline.errors import InputError, StorylineError
from storyline.ingest.feeds import read_feed
from storyline.ingest.readers import read_html
from storyline.ingest.warc import read_warc
from storyline.models import RawDocument

SIZE = 100_000
SECONDS = 10.0
PEAK_MB = 400

HOSTILE = {
    "digits": "1" * SIZE,
    "spaced digits": "1 " * (SIZE // 2),
    "one long word": "a" * SIZE,
    "straight quotes": '"' * SIZE,
    "unclosed curly quotes": "“a" * (SIZE // 2),
    "unclosed guillemets": "«a" * (SIZE // 2),
    "at signs": "a@" * (SIZE // 2),
    "dates": "Monday, March 3, 2021 " * (SIZE // 22),
    "number words": "twenty-one thousand " * (SIZE // 20),
    "punctuation": ".,;:!?" * (SIZE // 6),
    "blank lines": "\n" * SIZE,
}
STAGES = {
    "time expressions": find_matches,
    "quotations": find_quote_spans,
    "cleaning": lambda text: clean(RawDocument("hostile.txt", text, "text")),
}


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_is_read_in_bounded_time_and_memory(stage, name):
    tracemalloc.start()
    began = time.perf_counter()
    try:
        STAGES[stage](HOSTILE[name])
        seconds = time.perf_counter() - began
        peak = tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()
    assert seconds < SECONDS, f"{stage} took {seconds:.1f} s on {name}"
    assert peak < PEAK_MB, f"{stage} held {peak:.0f} MB on {name}"


# Markup built to be slow to parse or to clean: deep nesting, thousands of tiny blocks, huge
# attributes, tags never closed, entity bombs (refused), one endless paragraph of links.
HOSTILE_MARKUP = {
    "deep nesting": "<html><body>" + "<div>" * 5_000 + "deep" + "</div>" * 5_000,
    "thousands of one-word paragraphs": "<html><body><article>"
                                        + "<p>word</p>" * 8_000 + "</article>",
    "a huge attribute": f'<html><body><p title="{"x" * SIZE}">text</p>',
    "tags never closed": "<html><body>" + "<p><b><i>text " * 5_000,
    "a paragraph of links": "<html><body><p>"
                            + '<a href="https://example.org/a">link</a> ' * 4_000 + "</p>",
    "a table of tiny cells": "<html><body><table>"
                             + "<tr>" + "<td>1</td>" * 50 + "</tr>" * 200 + "</table>",
}
FEED_BOMB = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + "x" * 1_000 + '">'
             + '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
             + '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
             + ']><rss><channel><item><title>&c;</title></item></channel></rss>')
MARKUP_STAGES = {
    "HTML extraction and cleaning": lambda markup: clean(RawDocument("hostile.html", markup,
                                                                     "html")),
    "the HTML reader": lambda markup: list(read_html("hostile.html", markup)),
    "the feed reader": lambda markup: list(read_feed("hostile.xml", markup)),
}


def watched(call, *args) -> tuple[float, float]:
    """Seconds and peak MB (Python allocations) of one call; errors it raises on purpose are
    fine (a refused input is not a hang)."""
    tracemalloc.start()
    began = time.perf_counter()
    try:
        call(*args)
    except StorylineError:
        pass
    finally:
        seconds = time.perf_counter() - began
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return seconds, peak


@pytest.mark.parametrize("stage", MARKUP_STAGES)
@pytest.mark.parametrize("name", HOSTILE_MARKUP)
def test_hostile_markup_is_read_in_bounded_time_and_memory(stage, name):
    seconds, peak = watched(MARKUP_STAGES[stage], HOSTILE_MARKUP[name])
    assert seconds < SECONDS, f"{stage} took {seconds:.1f} s on {name}"
    assert peak < PEAK_MB, f"{stage} held {peak:.0f} MB on {name}"


def test_an_entity_bomb_in_a_feed_is_refused_at_once():
    (refused,) = read_feed("hostile.xml", FEED_BOMB)
    assert isinstance(refused, InputError) and refused.source == "hostile.xml"
    assert "entity declarations" in refused.problem
    seconds, peak = watched(lambda: list(read_feed("hostile.xml", FEED_BOMB)))
    assert seconds < 1 and peak < 50


@pytest.mark.parametrize("body", [b"\x00" * SIZE, b"WARC/1.0\r\n" + b"A" * SIZE,
                                  b"WARC/1.0\r\nContent-Length: 99999999999\r\n\r\nx",
                                  b"WARC/1.0\r\n" * (SIZE // 10)])
def test_a_broken_web_archive_is_read_in_bounded_time_and_memory(tmp_path, body):
    path = tmp_path / "hostile.warc"
    path.write_bytes(body)
    seconds, peak = watched(lambda: list(read_warc(str(path))))
    assert seconds < SECONDS and peak < PEAK_MB
