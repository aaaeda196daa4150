"""The founding example: five scraped articles on the Putin–Biden talks (../shared/seeds).

Publication dates come from a manifest, as a crawler would give them. What is asserted here is
what a careful reader marks in those articles; the code has no rule that knows these texts.
"""

import re
from pathlib import Path

import pytest
from rich.console import Console

from storyline.api import Storyline
from storyline.render import print_story

from .conftest import SHARED, requires_shared

pytestmark = requires_shared
MANIFEST = Path(__file__).parent / "data" / "seeds-manifest.jsonl"
CHROME = ["FILE PHOTO", "Reporting by", "Writing by", "Exit mobile version", "Support The Moscow",
          "small favor", "Remind me later", "Read more", "paiment", "Connect with us",
          "World News", "(file)", "syndicated feed", "Subscribe", "By subscribing", "U.S.-Russia "
          "summit in Geneva", "The White House", "MOSCOW (Reuters)"]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory, analyser):
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    sl = Storyline(db, analyser)
    report = sl.ingest([str(SHARED / "seeds")], manifest=str(MANIFEST))
    assert report.ok and report.added == 5
    by_name = {Path(a.source).name[:3]: a for a in sl.articles()}
    yield sl, by_name
    sl.close()


def test_one_story_with_three_developments(seeds):
    sl, _ = seeds
    (story,) = sl.stories()
    assert len(story.article_ids) == 5
    assert [(d.date, len(d.article_ids)) for d in story.developments] == [
        ("2021-12-03", 3), ("2021-12-16", 1), ("2022-02-12", 1)]


def test_bodies_are_free_of_chrome_and_keep_their_text(seeds):
    _, by = seeds
    for article in by.values():
        for chrome in CHROME:
            assert chrome not in article.text, (article.source, chrome)
    assert by["000"].text.startswith("The Kremlin said on Friday")
    assert by["001"].text.endswith("several waves of diplomatic expulsions.")
    assert "Safety Guaranteed" in by["002"].text  # a crosshead is the article's own
    assert by["004"].text.count("I will immediately note") == 1


def test_metadata(seeds):
    _, by = seeds
    assert by["001"].title == "Kremlin Says Putin-Biden Video Call Next Week"
    assert by["002"].title.startswith("US President Joe Biden, Russian President Vladimir Putin")
    assert [by[k].outlet for k in ("000", "001", "002", "003", "004")] == [
        "Reuters", "The Moscow Times", "NDTV", None, "Reuters"]
    assert by["002"].syndicated and not by["000"].syndicated
    assert by["000"].credits == ["Vladimir Soldatkin", "Tom Balmforth", "John Stonestreet",
                                 "Peter Graff"]
    assert by["004"].dateline == "MOSCOW" and by["001"].dateline is None
    assert all(a.published_source == "metadata" for a in by.values())


def speaker(article, start_of_quote):
    (quote,) = [q for q in article.quotes if q.text.startswith(start_of_quote)]
    return quote.speaker, quote.speaker_canonical


def test_quotes_have_the_speakers_a_reader_would_name(seeds):
    _, by = seeds
    assert speaker(by["000"], "It’s nonsense") == ("Ushakov", "Yuri Ushakov")
    assert speaker(by["000"], "We have a concrete date") == ("he", "Yuri Ushakov")
    assert speaker(by["001"], "We are close to an agreement") == ("he", "Yuri Ushakov")
    assert speaker(by["002"], "President Biden will underline") == ("Jen Psaki", "Jen Psaki")
    assert speaker(by["002"], "He’s attacked before") == ("he", "Lloyd Austin")
    assert speaker(by["003"], "they would find out \"in time") == ("He", "Dmitry Peskov")
    assert speaker(by["004"], "But unfortunately") == ("the Kremlin official", "Yuri Ushakov")
    assert speaker(by["004"], "I will immediately note")[1] == "Yuri Ushakov"
    for article in by.values():
        assert all(q.speaker_canonical for q in article.quotes if q.kind == "direct"), \
            article.source
    # Reported speech: "Ushakov said any talks with Biden would take place after ..."
    assert speaker(by["000"], "any talks with Biden") == ("Ushakov", "Yuri Ushakov")
    # "Ukraine and the United States say …": both say it
    assert speaker(by["003"], "Russia has moved more than 90,000 troops") == (
        "Ukraine and the United States", "Ukraine and United States")


def value(article, text, nth=0):
    return [(t.value, t.mod) for t in article.times if t.text == text][nth]


def test_times_are_resolved_against_publication_dates(seeds):
    _, by = seeds
    assert value(by["000"], "Friday") == ("2021-12-03", None)
    assert value(by["000"], "next week") == ("2021-W49", None)
    assert value(by["000"], "June") == ("2021-06", None)
    assert value(by["001"], "Monday") == ("2021-12-06", None)  # the trip before the call
    assert value(by["002"], "Tuesday") == ("2021-12-07", None)  # the coming video call
    assert value(by["002"], "Thursday") == ("2021-12-02", None)
    assert value(by["003"], "Dec. 7") == ("2021-12-07", None)
    assert value(by["003"], "Wednesday") == ("2021-12-15", None)
    assert value(by["004"], "late last year") == ("2021", "END")
    assert value(by["004"], "Jan. 26") == ("2022-01-26", None)


def test_figures_and_the_troop_disagreement(seeds):
    sl, by = seeds
    (kyiv,) = by["001"].figures
    assert (kyiv.value, kyiv.qualifier, kyiv.unit, kyiv.attributed_to) == (
        115000, "around", "troops", ["Kyiv"])
    (us,) = by["003"].figures
    assert (us.value, us.qualifier, us.attributed_to) == (90000, "more than",
                                                          ["Ukraine", "United States"])
    (story,) = sl.stories()
    (troops,) = [d for d in story.disagreements if d.kind == "figure" and "troops" in d.subject]
    assert {(c.value, tuple(c.attributed_to)) for c in troops.claims} == {
        ("around 115,000", ("Kyiv",)), ("more than 90,000", ("Ukraine", "United States"))}


def test_moscow_denies_what_ukraine_and_the_us_say(seeds):
    sl, _ = seeds
    (story,) = sl.stories()
    contested = [d for d in story.disagreements if d.kind == "claim"]
    pairs = {(c.stance, c.value.endswith("may be poised to invade"), tuple(c.attributed_to))
             for d in contested for c in d.claims}
    assert ("asserts", True, ("Ukraine", "United States")) in pairs
    assert any(c.stance == "denies" and c.attributed_to == ["Moscow"]
               for d in contested for c in d.claims)
    # "The Kremlin denied the allegations" points back to Kyiv's count in the sentence before
    assert {(c.stance, tuple(c.attributed_to)) for d in contested for c in d.claims
            if "115,000" in c.value or "Kremlin denied" in c.value} == {
        ("asserts", ("Kyiv",)), ("denies", ("Kremlin",))}


def test_timeline_shows_the_december_7_call_and_canonical_names(seeds):
    sl, _ = seeds
    (story,) = sl.stories()
    dates = [e.date for e in story.timeline]
    assert "2021-12-07" in dates and "2022-02-12" in dates and dates == sorted(dates)
    call = next(e for e in story.timeline if e.date == "2021-12-07")
    assert "video" in call.text
    names = {e.canonical for e in story.entities}
    assert {"Vladimir Putin", "Joe Biden", "Yuri Ushakov", "Kyiv"} <= names
    assert not {"Putin", "Biden", "Kiev", "Ushakov"} & names


def test_every_timeline_entry_shown_names_who_reports_it(seeds):
    """The Dec. 16 article names no outlet: the terminal view credits it by its file, as the
    summary does, rather than printing its entries with no source at all."""
    sl, _ = seeds
    (story,) = sl.stories()
    console = Console(record=True, width=400)
    print_story(console, story, sl.articles(), timeline_only=True)
    dated = [line for line in console.export_text().splitlines()
             if re.match(r"\W*\d{4}-\d{2}-\d{2}\s", line)]
    assert len(dated) == len(story.timeline)
    assert all(" — " in line for line in dated)
    assert any("— 003_5b4ce2830fcd6193.txt" in line for line in dated)
