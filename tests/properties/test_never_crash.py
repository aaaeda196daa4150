"""Property tests: hostile or random input never crashes a stage, and what comes out still
points into what went in (hypothesis generates the inputs; issue 9, item 4, first part)."""

import contextlib
import json
import re
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from storyline.analyse.quotes import find_quote_spans
from storyline.analyse.times import normalise_times
from storyline.analyse.times.grammar import find_matches
from storyline.clean import clean
from storyline.errors import InputError
from storyline.ingest.feeds import read_feed
from storyline.ingest.readers import read_html, read_jsonl
from storyline.ingest.warc import read_warc
from storyline.models import RawDocument

# Text that looks like news often enough to reach the interesting branches.
NEWS_WORDS = st.sampled_from([
    "said", "on", "Friday", "last", "next", "week", "Dec.", "7", "2021", "“", "”", '"', "‘",
    "’", "he", "told", "reporters", "that", "according", "to", "the", "Kremlin", "in", "May",
    "three", "days", "ago", "10", "p.m.", "noon", "Wednesday", ",", ".", "\n", "\n\n", "early",
    "1990s", "quarter", "third", "Thanksgiving", "twenty-four", "hours", "within", "weeks",
])
NEWSY = st.lists(NEWS_WORDS, max_size=60).map(" ".join)
ANY_TEXT = st.one_of(NEWSY, st.text(max_size=400))
DCT = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
# Every value form the normaliser writes: dates, weeks, quarters, halves, seasons, decades,
# times of day, durations, vague references.
TIMEX3_VALUE = re.compile(
    r"(?:PRESENT|PAST|FUTURE)_REF|PT?(?:\d+|X)(?:Y|M|W|D|H|S|Q|DE|CE)|PX(?:Y|M|W|D|DE)"
    r"|(?:\d{4}|XXXX|\d{3})(?:-(?:\d{2}|XX|W\d{2}|WXX|Q[1-4]|H[12]|SP|SU|FA|WI)"
    r"(?:-(?:\d{2}|XX|[1-7]|WE))?)?(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?")
FAST = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(ANY_TEXT, DCT)
@example("last 7 week", None)  # a duration's frame ("last") starts the phrase, preposition or not
def test_time_grammar_spans_point_into_the_text(text, dct):
    for match in find_matches(text):
        assert 0 <= match.lead <= match.start < match.end <= len(text)
    for t in normalise_times(text, dct):  # without a parse: the regular-expression path
        assert text[t.start : t.end] == t.text
        assert t.type in {"DATE", "TIME", "DURATION", "SET"}
        assert t.value is None or TIMEX3_VALUE.fullmatch(t.value), t


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY, DCT)
def test_time_values_with_the_parse_are_well_formed(nlp, text, dct):
    for t in normalise_times(text, dct, nlp(text)):
        assert text[t.start : t.end] == t.text
        assert t.value is None or TIMEX3_VALUE.fullmatch(t.value), t


@FAST
@given(ANY_TEXT)
def test_quotation_spans_are_inside_their_marks(text):
    for span in find_quote_spans(text):
        assert span.open_at < span.start <= span.end <= span.close_at <= len(text)
        assert text[span.start : span.end].strip() == text[span.start : span.end]


@FAST
@given(ANY_TEXT)
def test_cleaned_text_is_a_subsequence_of_the_input(text):
    """Cleaning only drops: the words it keeps are the input's words, in the input's order."""
    doc = clean(RawDocument("fuzz.txt", text, "text"))
    source_words = iter(text.split())
    assert all(word in source_words for word in doc.text.split())


@FAST
@given(st.lists(st.one_of(st.text(max_size=80),
                          st.dictionaries(st.sampled_from(["text", "body", "title", "url",
                                                           "published", "id"]),
                                          st.one_of(st.text(max_size=40), st.integers(),
                                                    st.none()), max_size=4)
                          .map(json.dumps)), max_size=6))
def test_a_jsonl_batch_reader_reports_bad_lines_and_never_raises(lines):
    items = list(read_jsonl("fuzz.jsonl", "\n".join(lines)))
    for item in items:
        assert isinstance(item, RawDocument | InputError)
        if isinstance(item, InputError):  # the error names the file (and line) and the problem
            assert item.source.startswith("fuzz.jsonl") and item.problem


# Markup-like text: tags, entities and text in random order, often unbalanced.
MARKUP = st.lists(st.sampled_from([
    "<html>", "<body>", "<p>", "</p>", "<div class='x'>", "</div>", "<script>", "</script>",
    "<a href='/x'>", "</a>", "<h1>", "</h1>", "&amp;", "&#x00;", "<!--", "-->", "<![CDATA[",
    "]]>", "<rss>", "<item>", "</item>", "<title>", "</title>", "<entry>", "<?xml version='1.0'?>",
    "<!DOCTYPE x [<!ENTITY a 'b'>]>", "Talks resumed on Friday.", "“Calm,” he said.", "\n",
]), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(MARKUP, st.text(max_size=300)))
def test_html_and_feed_readers_never_raise_on_broken_markup(markup):
    for item in [*read_html("fuzz.html", markup), *read_feed("fuzz.xml", markup)]:
        assert isinstance(item, RawDocument | InputError)
        if isinstance(item, RawDocument):
            # what a reader lets through, the cleaner takes or refuses with an InputError
            with contextlib.suppress(InputError):
                clean(item)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_a_broken_warc_archive_is_reported_not_raised(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("warc") / "fuzz.warc"
    path.write_bytes(b"WARC/1.0\r\n" + data)
    for item in read_warc(str(path)):
        assert isinstance(item, RawDocument | InputError)
