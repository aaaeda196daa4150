"""Which days a timeline keeps, on articles the tests write (real spaCy analysis)."""

from storyline.stories.context import build_context
from storyline.stories.developments import find_developments
from storyline.stories.summary import build_summary
from storyline.stories.timeline import build_timeline

from .helpers import make_article


def test_a_day_reported_afterwards_outranks_a_day_only_announced(analyser):
    articles = [
        make_article(analyser, "a1", "The harbour will reopen to ferries and cargo ships on "
                     "March 20, the port authority said.", "2024-03-01"),
        make_article(analyser, "a2", "Ferries are due back in the harbour on March 20, the "
                     "shipping companies told their passengers.", "2024-03-02"),
        make_article(analyser, "a3", "The crack found in the old pier on March 5 is deeper "
                     "than first thought, engineers of the port authority said.", "2024-03-08"),
    ]
    context = build_context(articles)
    # Two articles announce March 20 before it comes; one looks back at March 5 after it:
    # the day still spoken of afterwards is the one that mattered.
    (entry,) = build_timeline(context, max_dates=1)
    assert (entry.date, entry.article_id) == ("2024-03-05", "a3")
    days = [e.date for e in build_timeline(context, max_dates=None)]
    assert days == ["2024-03-05", "2024-03-20"]
    bounded = build_timeline(context, max_dates=None, between=("2024-03-06", "2024-03-31"))
    assert [e.date for e in bounded] == ["2024-03-20"]


def test_a_late_day_looked_back_on_by_the_few_articles_after_it_counts_more(analyser):
    articles = [
        make_article(analyser, "b1", "The river bridge was closed to all traffic on May 1 after "
                     "inspectors found cracks in two of its piers.", "2024-05-10"),
        make_article(analyser, "b2", "Commuters face long detours while the river bridge stays "
                     "shut, the transport office warned.", "2024-05-11"),
        make_article(analyser, "b3", "Repair crews brought heavy cranes to the river bridge to "
                     "lift the damaged deck sections.", "2024-05-12"),
        make_article(analyser, "b4", "Shops near the river bridge report fewer customers since "
                     "the crossing was shut.", "2024-05-13"),
        make_article(analyser, "b5", "The river bridge reopened to cars and buses on May 18 "
                     "after repairs to both piers, the transport office said.", "2024-05-28"),
    ]
    context = build_context(articles)
    # May 1 and May 18 are each recalled by one article written over a week later; five
    # articles came after May 1 and could have named it, only one came after May 18: the late
    # day wins.
    (entry,) = build_timeline(context, max_dates=1)
    assert (entry.date, entry.article_id) == ("2024-05-18", "b5")
    assert [e.date for e in build_timeline(context, max_dates=2)] == ["2024-05-01",
                                                                      "2024-05-18"]


def test_a_day_recalled_weeks_later_outranks_one_only_followed_up_that_week(analyser):
    articles = [
        make_article(analyser, "w1", "Water poured over the dam on June 1 when the reservoir "
                     "rose above its spillway, the water board said.", "2024-06-01"),
        make_article(analyser, "w2", "The water board opened all gates of the dam on Monday to "
                     "lower the reservoir.", "2024-06-04"),
        make_article(analyser, "w3", "Farmers below the dam were warned on Monday, when the "
                     "water board opened its gates, that the reservoir would fall.", "2024-06-05"),
        make_article(analyser, "w4", "The water that poured over the dam on June 1 came through "
                     "a blocked spillway, an inquiry for the water board found.", "2024-06-20"),
    ]
    context = build_context(articles)
    # Monday, June 3, is told by the two articles of the days after it: its own news. June 1
    # is reported that day and recalled nearly three weeks later, when the story had moved on.
    (entry,) = build_timeline(context, max_dates=1)
    assert (entry.date, entry.article_id) == ("2024-06-01", "w1")
    assert [e.date for e in build_timeline(context, max_dates=2)] == ["2024-06-01",
                                                                      "2024-06-03"]


def test_an_aside_that_shares_no_word_with_the_story_dates_nothing(analyser):
    articles = [
        make_article(analyser, "c1", "The harbour authority closed the harbour to ferries on "
                     "June 3 after a storm damaged the harbour wall. In other news, a chess "
                     "tournament for schoolchildren opened on Saturday in the library.",
                     "2024-06-04"),
        make_article(analyser, "c2", "Ferries returned to the harbour on June 10, the harbour "
                     "authority said, after divers checked the damaged wall.", "2024-06-11"),
        make_article(analyser, "c3", "Engineers say the harbour wall that the storm damaged "
                     "on June 3 needs a thicker concrete base before winter.", "2024-06-12"),
    ]
    context = build_context(articles)
    assert "harbour" in context.common_terms
    days = [e.date for e in build_timeline(context, max_dates=None)]
    # The chess tournament is dated but is not this story: its day stays off the timeline.
    assert "2024-06-01" not in days
    assert {"2024-06-03", "2024-06-10"} <= set(days)


def test_an_event_told_as_an_offset_from_a_named_day_is_dated_to_its_own_day(analyser):
    articles = [
        make_article(analyser, f"d{i}", "The drilling rig exploded on April 20 in the gulf, "
                     "and the burning rig sank two days later, the coast guard said.", day)
        for i, day in enumerate(["2010-05-01", "2010-05-03", "2010-05-06"])
    ]
    context = build_context(articles)
    days = [e.date for e in build_timeline(context, max_dates=None)]
    # the sinking is dated April 22, not by the publication days of the articles
    assert days[:2] == ["2010-04-20", "2010-04-22"]
    assert all(day >= "2010-05-01" for day in days[2:])


def test_a_day_long_before_the_story_named_by_one_article_is_background(analyser):
    articles = [
        make_article(analyser, "d1", "Rescue teams searched the rubble of the collapsed market "
                     "after the earthquake on Tuesday, the fire service said.", "2024-09-12"),
        make_article(analyser, "d2", "The earthquake that struck on Tuesday destroyed the old "
                     "market, and rescue teams are still searching the rubble.", "2024-09-13"),
        make_article(analyser, "d3", "A reader recalls that an earthquake flattened her village "
                     "on March 4, 2019, and says rescue teams then also searched for days.",
                     "2024-09-14"),
        make_article(analyser, "d4", "The market destroyed in the earthquake had been rebuilt "
                     "after a fire on June 2, 2016, rescue teams said.", "2024-09-15"),
        make_article(analyser, "d5", "Traders say the market rebuilt after the June 2, 2016 "
                     "fire will not reopen before spring, as rescue teams leave.", "2024-09-16"),
    ]
    days = [e.date for e in build_timeline(build_context(articles), max_dates=None)]
    # The 2019 quake is one reader's memory; the 2016 fire is named by two articles.
    assert "2019-03-04" not in days
    assert {"2024-09-10", "2016-06-02"} <= set(days)
    one = build_context(articles[2:3])  # alone, an article's own past is its timeline
    assert [e.date for e in build_timeline(one, max_dates=None)] == ["2019-03-04"]


def test_a_live_pages_update_stamp_in_brackets_is_no_event(analyser):
    text = ("(Update 4:08 a.m. Tuesday in Velm, 9:08 p.m. ET Monday)\n\nProtesters filled the "
            "main square of Velm on Sunday, police said.\n\n(Update 5:35 a.m. Wednesday in "
            "Velm, 10:35 p.m. ET Tuesday)\n\nThe protesters in the main square of Velm were "
            "joined by workers on Tuesday.")
    context = build_context([make_article(analyser, "u1", text, "2024-02-07")])
    entries = build_timeline(context, max_dates=None)
    # the stamps say when the page was updated, not what happened: Monday and Wednesday are
    # on no timeline, and no entry is a stamp
    assert [e.date for e in entries] == ["2024-02-04", "2024-02-06"]
    assert not any(e.text.startswith("(Update") for e in entries)


def test_a_birthday_long_past_is_a_profiles_fact_not_an_event(analyser):
    box = "Born: August 29, 1958, in Velm. The singer Ana Lune died at her home in Velm "
    articles = [
        make_article(analyser, "p1", box + "on Thursday, her family said.", "2024-06-26"),
        make_article(analyser, "p2", box + "on Thursday. Her doctor was questioned by police "
                     "about the singer's death on Saturday.", "2024-06-28"),
        make_article(analyser, "p3", "The singer Ana Lune's granddaughter was born on Monday, "
                     "days after the singer died at her home in Velm.", "2024-07-02"),
    ]
    entries = build_timeline(build_context(articles), max_dates=None)
    # two articles carry the profile's birth date: still no event of this story, nor a lead
    # that stands for the day they were published; a birth in the story's own days is one
    assert [e.date for e in entries] == ["2024-06-20", "2024-06-22", "2024-06-27",
                                         "2024-07-01"]
    assert not any(e.text.startswith("Born") for e in entries)


def test_a_wire_stamp_cut_off_at_its_dash_is_no_entry_summary_or_headline(analyser):
    # a text dump keeps the wire's time stamp before its dateline, here on its own line (the
    # parser often ends a sentence at the dash too): the stamp says nothing
    stamp = "Sun Mar 3, 2024 6:21 pm EDT VELM, Norland (Coast Press) -\n"
    articles = [
        make_article(analyser, "w1", stamp + "Flood water reached the old town of Velm on "
                     "Sunday, forcing hundreds of families from their homes, officials said.",
                     "2024-03-03"),
        make_article(analyser, "w2", "Sun Mar 3, 2024 9:40 pm EDT VELM, Norland (Coast Press) "
                     "-\nRescue boats took families from flooded homes in Velm on Sunday night, "
                     "the fire service said.", "2024-03-03"),
    ]
    context = build_context(articles)
    assert any(s.text.rstrip().endswith("-") for s in context.sentences["w1"])
    texts = [e.text for e in build_timeline(context, max_dates=None, per_date=3)]
    texts += [s.text for s in build_summary(context, find_developments(context), length=4)]
    assert texts and not any(t.rstrip().endswith("-") for t in texts)
    assert context.headline(articles[0]).startswith("Flood water reached")
    # nor is a byline or a stamp the splitter left alone
    for furniture in ["By the Coast Press Wire Staff", "Sunday 3 March 2024 18.47 GMT"]:
        alone = make_article(analyser, "w3", furniture + "\nRescue boats took families from "
                             "flooded homes in Velm on Sunday.", "2024-03-03")
        assert build_context([alone]).headline(alone).startswith("Rescue boats took")


def test_a_live_pages_update_stamps_are_no_entry_nor_part_of_one(analyser):
    # a live page flattened into one line: each entry opens with its stamp, which a splitter
    # would cut at its "a.m." and fuse with the entry ("ET) Crews worked …")
    page = ("(Update 9:14 a.m. Tuesday in Velm, 4:14 a.m. ET) Crews worked through the night "
            "to shore up the river dam, the fire service said. (Update 11:28 a.m. Tuesday in "
            "Velm, 6:28 a.m. ET) Flood water reached the old town of Velm on Tuesday, forcing "
            "hundreds of families from their homes. (Updated: 2:05 p.m. Tuesday, Velm; 9:05 "
            "a.m. ET): Rescue boats took families from flooded homes in Velm on Tuesday.")
    articles = [make_article(analyser, "l1", page, "2024-03-05"),
                make_article(analyser, "l2", "Flood water reached the old town of Velm on "
                             "Tuesday, officials in Norland said.", "2024-03-05")]
    context = build_context(articles)
    texts = [e.text for e in build_timeline(context, max_dates=None, per_date=3)]
    texts += [s.text for s in build_summary(context, find_developments(context), length=4)]
    texts.append(context.headline(articles[0]))
    assert any(t.startswith("Flood water reached") for t in texts)
    assert not any("Update" in t or " ET" in t for t in texts)


def test_a_sentence_past_a_sentences_length_is_no_entry(analyser):
    # more than 80 words: in news, nearly always sentences run together that no splitter could
    # cut (a list of bullets, a quotation left open); here one the test writes as one
    run_on = ("Crews in Velm worked through the night on Sunday to build walls of sandbags around "
              "the hospital, the two schools, the fire station and the power station on the east "
              "bank of the river, while volunteers from the villages of Orsa, Tarn and Helm "
              "filled the bags with sand from the quarry, drove them into town on tractors and "
              "trailers, and carried them by hand through the flooded streets of the old town to "
              "the doors of the houses where families, who had refused to leave their homes, "
              "waited for help. ")
    articles = [
        make_article(analyser, "r1", run_on + "Rescue boats took families from flooded homes "
                     "in Velm on Sunday, the fire service said.", "2024-03-04"),
        make_article(analyser, "r2", "Flood water reached the old town of Velm on Sunday, "
                     "officials said.", "2024-03-04"),
    ]
    context = build_context(articles)
    assert max(len(s.text.split()) for s in context.sentences["r1"]) > 80
    texts = [e.text for e in build_timeline(context, max_dates=None, per_date=3)]
    texts += [s.text for s in build_summary(context, find_developments(context), length=4)]
    assert texts and all(len(t.split()) <= 80 for t in texts)


def test_a_day_whose_only_sentence_tells_another_day_gives_its_place_to_the_next(analyser):
    articles = [
        make_article(analyser, "r1", "The dam on the upper river burst on April 2 and the "
                     "valley below the dam was evacuated on April 3.", "2024-04-05"),
        make_article(analyser, "r2", "Residents returned to the valley below the dam on Monday "
                     "after engineers declared the river safe.", "2024-04-08"),
    ]
    context = build_context(articles)
    # April 2 and April 3 are named in one sentence, which can tell only one of them; asked
    # for two days, the timeline still shows two, the second from the next day in rank.
    entries = build_timeline(context, max_dates=2)
    assert [(e.date, e.article_id) for e in entries] == [("2024-04-02", "r1"),
                                                         ("2024-04-08", "r2")]
