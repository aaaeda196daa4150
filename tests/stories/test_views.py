"""Story views on short stories the tests write: order, traceability, novelty, disagreement."""

from dataclasses import replace

import pytest

from storyline.stories.context import build_context, usable
from storyline.stories.novelty import NEW_TERM_SHARE, SAME_SIMILARITY, build_novelty
from storyline.stories.views import build_story

from .helpers import make_article


def story_of(analyser, story_id: str, reports: list[tuple[str, str, str, str]]):
    """The story of (article id, outlet, day, text) reports, each analysed."""
    return build_story(story_id, [make_article(analyser, i, text, day, outlet)
                                  for i, outlet, day, text in reports])


ONE = ("Engineers found a crack in the Marrow Dam above Kessel on Sunday, and the water authority "
       "ordered about 12,000 residents to leave their homes on Monday.\n"
       "“We are not taking any chances,” authority spokesperson Jonas Meyer said.\n"
       "The dam holds back the river Lune and was built in 1968.")
TWO = ("More than 20,000 residents have left their homes in Kessel, Mayor Ilse Varga said on "
       "Tuesday, far more than the water authority said.\n"
       "Engineers found a crack in the Marrow Dam above Kessel on Sunday, and the town was "
       "evacuated on Monday.\n"
       "Schools in the nearby town of Dorn opened their gyms to evacuees.")
THREE = ("Interior Minister Teodor Lind ordered an inquiry into the Marrow Dam crack on Thursday.\n"
         "The crack above Kessel forced the evacuation of the town last week.\n"
         "Judge Helena Brask will lead the inquiry and report next month.")


@pytest.fixture(scope="module")
def story(analyser):
    articles = [
        make_article(analyser, "a1", ONE, "2024-03-04", "Valley Wire", "Crack found in dam"),
        make_article(analyser, "a2", TWO, "2024-03-05", "Harbor Ledger", "Kessel empties"),
        make_article(analyser, "a3", THREE, "2024-03-14", "Northwind Daily", "Inquiry ordered"),
        make_article(analyser, "a4", ONE + "\nShare this article", "2024-03-04", "Coastline Times",
                     "Dam crack", duplicate_of="a1"),
    ]
    return build_story("s1", articles), {a.id: a for a in articles}


def test_developments_split_at_the_pause_in_time_order(story):
    built, _ = story
    assert [(d.id, d.date) for d in built.developments] == [("d1", "2024-03-04"),
                                                           ("d2", "2024-03-14")]
    assert set(built.developments[0].article_ids) == {"a1", "a4", "a2"}


def test_timeline_is_dated_by_events_in_order_and_every_entry_is_an_exact_span(story):
    built, articles = story
    dates = [e.date for e in built.timeline]
    assert dates == sorted(dates)
    assert "2024-03-03" in dates  # "on Sunday", the day the crack was found, not a publication day
    for entry in built.timeline:
        assert articles[entry.article_id].text[entry.start:entry.end] == entry.text
    sunday = next(e for e in built.timeline if e.date == "2024-03-03")
    assert set(sunday.sources) >= {"Valley Wire", "Harbor Ledger", "Coastline Times"}


def test_summary_is_traceable_ordered_and_not_redundant(story):
    built, articles = story
    assert 2 <= len(built.summary) <= 5
    for sentence in built.summary:
        assert articles[sentence.article_id].text[sentence.start:sentence.end] == sentence.text
    texts = [s.text for s in built.summary]
    assert len(set(texts)) == len(texts)
    assert sum("Engineers found a crack" in t for t in texts) <= 1
    phases = [s.development_id for s in built.summary]
    assert phases == sorted(phases) and set(phases) == {"d1", "d2"}


def test_novelty_lists_only_what_earlier_articles_did_not_say(story):
    built, _ = story
    new = {n.article_id: [x["text"] for x in n.new] for n in built.novelty}
    assert [n.article_id for n in built.novelty][:2] in (["a1", "a4"], ["a4", "a1"])
    assert new["a4"] == [] or new["a1"] == []  # the copy adds nothing
    assert any("20,000" in t for t in new["a2"])
    assert not any(t.startswith("Engineers found a crack") for t in new["a2"])


def test_novelty_compares_only_sentences_sharing_a_term_yet_finds_what_all_pairs_find(
        story, analyser):
    """The index of seen terms is a shortcut, never a change: the result is the one of
    comparing each sentence with every earlier one."""
    _, by_id = story
    reworded = make_article(analyser, "a5", "Judge Helena Brask will lead the inquiry, "
                            "officials confirmed yesterday afternoon.", "2024-03-15")
    context = build_context([*by_id.values(), reworded])

    def all_pairs() -> list[list[str]]:
        seen_terms, seen, out = set(), [], []
        for article in context.articles:
            sentences = context.sentences.get(article.id, [])
            out.append([s.text for s in sentences if usable(s)
                        and len(s.terms - seen_terms) >= NEW_TERM_SHARE * len(s.terms)
                        and all(context.similarity(s, o) < SAME_SIMILARITY for o in seen)])
            for sentence in sentences:
                seen_terms |= sentence.terms
            seen.extend(sentences)
        return out

    indexed = [[x["text"] for x in n.new] for n in build_novelty(context)]
    assert indexed == all_pairs()
    # New words, but said before in other words.
    assert context.articles[-1].id == "a5" and indexed[-1] == []


def test_disagreeing_figures_for_the_same_quantity_are_reported(story):
    built, _ = story
    (item,) = built.disagreements
    values = {c.value: (c.article_id, c.outlet) for c in item.claims}
    assert values == {"about 12,000": ("a1", "Valley Wire"),
                      "More than 20,000": ("a2", "Harbor Ledger")}
    assert "residents" in item.subject


def test_speakers_and_story_wide_names(story):
    built, _ = story
    said = {s.speaker: [q["kind"] for q in s.quotes] for s in built.speakers}
    # Meyer's words are quoted; Varga's figure is reported ("…, Mayor Ilse Varga said").
    assert said == {"Jonas Meyer": ["direct"], "Ilse Varga": ["reported"]}
    names = {e.canonical for e in built.entities}
    assert {"Kessel", "Marrow Dam", "Ilse Varga"} <= names


def test_one_site_is_one_source_under_the_name_its_pages_give(story):
    _, articles = story
    on = {"a1": ("Valley Wire", "https://www.valleywire.example/dam"),
          "a2": ("valleywire.example", "https://news.valleywire.example/kessel"),
          "a3": ("Harbor Ledger", "https://portal.example/ledger/inquiry"),
          "a4": ("portal.example", "https://portal.example/dam")}
    built = build_story("s2", [replace(articles[k], outlet=o, url=u, duplicate_of=None)
                               for k, (o, u) in on.items()])
    # the domain-only page of the wire takes the wire's name; a syndicated name on a portal
    # ("Harbor Ledger" on portal.example) does not rename the portal's own pages
    assert built.outlets == ["Harbor Ledger", "Valley Wire", "portal.example"]
    sources = [{c.outlet for c in d.claims} for d in built.disagreements]
    assert "valleywire.example" not in set().union(*sources)


PROMENADE = [
    ("p1", "Harbor Ledger", "2024-07-15",
     "A truck drove into a crowd on the seafront promenade in Velm on Thursday night. Police "
     "said at least 84 people were killed in the attack. The driver was shot by officers after a "
     "chase of about 2 kilometres (1.2 miles). The city spends 25% of its budget on policing and "
     "10% on lighting, the mayor said."),
    ("p2", "Valley Wire", "2024-07-15",
     "Officials in Velm said 75 people were killed when the truck ploughed through the crowd on "
     "the promenade. The 19-tonne truck had been rented two days earlier. The city spends 25% of "
     "its budget on policing and 10% on lighting, council papers show."),
    ("p3", "Valley Wire", "2024-07-16",
     "The toll in Velm rose to 86 people killed, officials said on Friday, as the first funerals "
     "were held. Investigators searched the driver's flat."),
]


def test_only_one_quantity_given_differently_by_two_outlets_is_a_disagreement(analyser):
    built = story_of(analyser, "s3", PROMENADE)
    figures = [d for d in built.disagreements if d.kind == "figure"]
    # 84 against 75 from two outlets; 86 is the wire's own later count (an update, and within
    # the rounding margin of 84); both outlets print 25% and 10%, so those agree; the miles in
    # brackets restate the kilometres; a 19-tonne truck is a description, not a claim
    assert [{(c.value, c.outlet) for c in d.claims} for d in figures] == [
        {("at least 84", "Harbor Ledger"), ("75", "Valley Wire")}]
    assert "kill" in figures[0].subject


def test_a_toll_that_rises_from_a_floor_is_an_update_but_a_lower_later_floor_disagrees(
        analyser):
    rising = [
        ("r1", "Harbor Ledger", "2024-09-01", "A gunman opened fire on a concert crowd in Velm "
         "on Sunday night. At least 50 people were killed in the shooting, police said."),
        ("r2", "Valley Wire", "2024-09-02", "Officials in Velm said 59 people were killed in the "
         "shooting at the concert on Sunday night."),
    ]
    built = story_of(analyser, "s6", rising)
    assert [d for d in built.disagreements if d.kind == "figure"] == []
    # the same two figures the other way round: a later floor under an earlier count
    lower_later = [(i, outlet, day, text.replace("At least 50", "59").replace("said 59",
                                                                             "said more than 50"))
                   for i, outlet, day, text in rising]
    built = story_of(analyser, "s7", lower_later)
    (item,) = [d for d in built.disagreements if d.kind == "figure"]
    assert {(c.value, c.outlet) for c in item.claims} == {("59", "Harbor Ledger"),
                                                          ("more than 50", "Valley Wire")}


def test_the_same_words_carried_by_two_articles_are_one_quotation(analyser):
    said = "“We will rebuild the promenade before the summer,” said Mayor Ilse Varga."
    built = build_story("s4", [
        make_article(analyser, "q1", said + " The city counted the damage in Kessel.",
                     "2024-07-19", "Valley Wire"),
        make_article(analyser, "q2", "Crews cleared the promenade in Kessel on Friday. " + said,
                     "2024-07-20", "Harbor Ledger")])
    (varga,) = [s for s in built.speakers if s.speaker == "Ilse Varga"]
    assert [(q["article_id"], q["kind"]) for q in varga.quotes] == [("q1", "direct")]


def test_speakers_who_said_it_together_take_the_storys_names(analyser):
    articles = [
        make_article(analyser, "b1", "Mr. Lind and Mrs. Brask said on Monday that the Marrow "
                     "Dam would be rebuilt by the spring.", "2024-03-14", "Valley Wire",
                     "Dam to be rebuilt"),
        make_article(analyser, "b2", "Interior Minister Teodor Lind ordered an inquiry into the "
                     "Marrow Dam crack on Thursday. Judge Helena Brask will lead the inquiry.",
                     "2024-03-15", "Harbor Ledger", "Inquiry ordered")]
    built = build_story("s2", articles)
    said = {s.speaker: [q["text"] for q in s.quotes] for s in built.speakers}
    assert said == {"Teodor Lind and Helena Brask": [
        "that the Marrow Dam would be rebuilt by the spring"]}
    # each of them is an entity of the story (the web page links them one by one)
    assert built.speakers[0].names == ["Teodor Lind", "Helena Brask"]


def test_a_sum_meets_its_other_spelling(analyser):
    articles = [
        make_article(analyser, "m1", "The Kessel council said the new bridge would cost $40 "
                     "million.", "2024-04-02", "Valley Wire"),
        make_article(analyser, "m2", "Opposition members said the new bridge would cost 55 "
                     "million dollars.", "2024-04-03", "Harbor Ledger")]
    built = build_story("s5", articles)
    got = [{(c.value, c.outlet, tuple(c.attributed_to)) for c in d.claims}
           for d in built.disagreements if d.kind == "figure"]
    assert got == [{("$40 million", "Valley Wire", ("The Kessel council",)),
                    ("55 million dollars", "Harbor Ledger", ("Opposition members",))}]
    # a sum's unit names nothing: what it is comes from the words before it
    assert [d.subject for d in built.disagreements] == ["new bridge would cost"]


def _disagreeing(analyser, story_id, items):
    built = story_of(analyser, story_id, items)
    return [{(c.value, c.outlet) for c in d.claims}
            for d in built.disagreements if d.kind == "figure"]


def test_a_figure_of_another_time_is_not_compared_with_the_news(analyser):
    got = _disagreeing(analyser, "t1", [
        ("t1", "Harbor Ledger", "2024-07-15", "A truck drove into a crowd on the promenade in "
         "Velm on Thursday night. Police said 84 people were killed in the attack."),
        ("t2", "Valley Wire", "2024-07-15", "The attack in Velm came eight months after the "
         "bombing of the Kessel market on Nov. 13, 2023, which killed 130 people."),
        ("t3", "Harbor Ledger", "2024-03-02", "Shares of Lune Energy closed at $41.20 on "
         "Friday after the company cut its forecast."),
        ("t4", "Valley Wire", "2024-04-06", "Shares of Lune Energy closed at $35.10 on Friday "
         "as the company cut its forecast again."),
    ])
    # a toll of an earlier attack, and two closing prices five weeks apart
    assert got == []


def test_a_toll_higher_on_a_later_day_has_risen(analyser):
    rising = [
        ("u1", "Harbor Ledger", "2024-07-15", "Police said 25 people were injured in the "
         "blast at the Velm refinery."),
        ("u2", "Valley Wire", "2024-07-16", "Officials said 31 people were injured in the "
         "blast at the Velm refinery."),
    ]
    assert _disagreeing(analyser, "u1", rising) == []
    falling = [(i, outlet, day, text.replace("25", "x").replace("31", "25").replace("x", "31"))
               for i, outlet, day, text in rising]
    assert _disagreeing(analyser, "u2", falling) == [
        {("31", "Harbor Ledger"), ("25", "Valley Wire")}]


def test_a_range_and_a_sum_of_another_owner_are_no_disagreement(analyser):
    got = _disagreeing(analyser, "o1", [
        ("o1", "Harbor Ledger", "2024-12-29", "Some residents of Velm paid $30,000 to $50,000 a "
         "year for flood insurance. Harbor Bank expects a $5 billion charge from the new tax "
         "law."),
        ("o2", "Valley Wire", "2024-12-29", "Residents of Velm paid up to $50,000 a year for "
         "flood insurance. Lune Energy expects a $3 billion charge from the new tax law."),
        ("o3", "Northwind Daily", "2024-12-30", "Harbor Bank expects a $3.2 billion charge from "
         "the new tax law, an analyst said."),
    ])
    # only the two outlets that speak of Harbor Bank's charge disagree
    assert got == [{("$5 billion", "Harbor Ledger"), ("$3.2 billion", "Northwind Daily")}]
    # the level a move left is no claim of the present
    assert _disagreeing(analyser, "o2", [
        ("o4", "Harbor Ledger", "2024-02-05", "Lune Energy made a new offer for Kessel Power, "
         "up from a previous offer of $70 a share."),
        ("o5", "Valley Wire", "2024-02-05", "Lune Energy made an offer of $90 a share for "
         "Kessel Power."),
    ]) == []


def test_an_outlet_that_prints_the_others_figure_does_not_dispute_it(analyser):
    got = _disagreeing(analyser, "g1", [
        ("g1", "Harbor Ledger", "2024-05-02", "The council said 12 homes were destroyed by the "
         "river in Velm."),
        ("g2", "Valley Wire", "2024-05-02", "The council said 12 homes were destroyed by the "
         "river in Velm and 30 homes were damaged by the river."),
    ])
    # the wire prints the ledger's 12 as well: its 30 counts something else
    assert got == []
    got = _disagreeing(analyser, "g2", [
        ("g3", "Harbor Ledger", "2024-05-02", "Kyiv said 115,000 troops were near the border."),
        ("g4", "Valley Wire", "2024-05-02", "Kyiv said 115,000 troops were near the border, "
         "but Washington said 90,000 troops were near the border."),
    ])
    # unless its other figure is another party's claim against it
    assert got == [{("115,000", "Harbor Ledger"), ("90,000", "Valley Wire")}]


def test_a_toll_is_shown_as_it_rose_report_by_report(analyser):
    reports = [
        ("v1", "Harbor Ledger", "2024-07-14", "At least 60 people were killed when a truck drove "
         "into the crowd on the promenade in Velm, police said."),
        ("v2", "Valley Wire", "2024-07-15", "Officials said 80 people were killed and 200 were "
         "injured in the attack on the promenade. It came eight months after the bombing of the "
         "Kessel market on Nov. 13, 2023, which killed 130 people."),
        ("v3", "Coastline Times", "2024-07-16", "The mayor said 75 people were killed in the "
         "attack on the promenade."),
        ("v4", "Northwind Daily", "2024-07-16", "Officials said 84 people were killed in the "
         "attack on the promenade as the first funerals were held."),
    ]
    built = story_of(analyser, "v1", reports)
    # the lower count of the 16th is not a rise (it is a disagreement), the 2023 toll is of
    # another time, and 200 injured is another toll, given once
    assert [(t.subject, t.kind, [(c.value, c.outlet) for c in t.claims]) for t in built.tolls] == [
        ("people killed", "deaths", [("At least 60", "Harbor Ledger"), ("80", "Valley Wire"),
                                     ("84", "Northwind Daily")])]
    assert any(("75", "Coastline Times") in {(c.value, c.outlet) for c in d.claims}
               for d in built.disagreements if d.kind == "figure")


def test_an_untitled_story_is_named_by_its_central_articles_lead(analyser):
    texts = [("u1", "The river Lune burst its banks at Kessel on Sunday night and flooded the old "
                    "town, the water authority said. Residents were moved to the school.",
              "2024-02-04"),
             ("u2", "Flood water from the river Lune is falling in Kessel. The old town flooded "
                    "on Sunday night.", "2024-02-05")]
    built = build_story("h1", [make_article(analyser, i, text, day) for i, text, day in texts])
    # No article has a title: the story and its phase take the central article's lead, a
    # short one whole, a long one cut to a headline's length, instead of going unnamed.
    leads = {"The river Lune burst its banks at Kessel on Sunday night and…",
             "Flood water from the river Lune is falling in Kessel"}
    assert built.title in leads and {d.headline for d in built.developments} <= leads
    alone = build_story("h2", [make_article(analyser, "u1", texts[0][1], texts[0][2])])
    assert alone.title == "The river Lune burst its banks at Kessel on Sunday night and…"
    wire = "Thu Apr 29, 2010 11:29am EDT LONDON (Reuters) -\n" + texts[0][1]
    assert build_story("h4", [make_article(analyser, "u4", wire, texts[0][2])]).title \
        == alone.title  # a dateline is no headline
    titled = build_story("h3", [make_article(analyser, "u3", texts[1][1], texts[1][2],
                                             title="Kessel flood water falls")])
    assert titled.title == "Kessel flood water falls"


def test_a_toll_leaves_out_a_count_of_another_scale_and_reads_as_a_toll(analyser):
    reports = [
        ("f1", "Harbor Ledger", "2024-04-24", "A new strain of flu has broken out in Velm, "
         "killing at least 16 people, health officials said."),
        ("f2", "Valley Wire", "2024-04-25", "The flu pandemic of 1918 was far worse. At least "
         "40 million people died."),
        ("f3", "Coastline Times", "2024-04-26", "Officials said 81 people have died of the new "
         "flu in Velm."),
    ]
    built = story_of(analyser, "f1", reports)
    # the 40 million of 1918, told with no date of its own, is no rise of this week's toll;
    # and "killing" names a toll of people killed
    assert [(t.subject, [(c.value, c.outlet) for c in t.claims]) for t in built.tolls] == [
        ("people killed", [("at least 16", "Harbor Ledger"), ("81", "Coastline Times")])]


def test_a_disagreements_subject_ends_with_a_name_not_in_it(analyser):
    built = build_story("n1", [make_article(analyser, i, text, "2024-04-28", outlet)
                               for i, outlet, text in [
        ("n1", "Harbor Ledger", "Officials counted 40 confirmed cases in the United States."),
        ("n2", "Valley Wire", "There are now 64 confirmed cases in the United States.")]])
    assert [d.subject for d in built.disagreements] == ["cases in the United States"]


def test_a_speaker_the_tagger_never_marked_takes_the_storys_full_name(analyser):
    built = build_story("l1", [make_article(analyser, i, text, "2012-06-12", outlet)
                               for i, outlet, text in [
        ("l1", "Harbor Ledger", "The UN peacekeeping chief, Herve Ladsous, visited Haffa."),
        ("l2", "Valley Wire", "Mr Ladsous, UN under-secretary for peacekeeping operations, said "
         "the attack on the UN team near Haffa was deliberate.")]])
    assert [s.speaker for s in built.speakers] == ["Herve Ladsous"]


def test_different_tolls_and_increments_are_not_at_odds(analyser):
    got = _disagreeing(analyser, "w1", [
        ("w1", "Harbor Ledger", "2024-11-10", "Insurgents struck the consulate in Velm late on "
         "Thursday, killing at least two people and wounding at least 90 people, officials "
         "said."),
        ("w2", "Valley Wire", "2024-11-11", "The insurgents said the attack on the consulate "
         "in Velm was revenge for an air strike last week in which more than 30 people were "
         "killed."),
        ("w3", "Coastline Times", "2024-11-10", "The tram overturned in Velm, trapping five "
         "people and injuring another 40 people."),
        ("w4", "Northwind Daily", "2024-11-10", "More than 50 people were injured when the tram "
         "overturned in Velm."),
    ])
    # 90 wounded are not 30 killed; "another 40" is a part, on top of the five trapped
    assert got == []


def test_a_toll_word_far_from_a_figure_does_not_name_its_toll(analyser):
    reports = [
        ("c1", "Harbor Ledger", "2024-04-26", "The agency says 20 cases of the new flu had been "
         "confirmed in Velm and that four of those patients had died."),
        ("c2", "Valley Wire", "2024-04-29", "The agency says 26 cases of the new flu had been "
         "confirmed in Velm and that seven of those patients had died."),
    ]
    built = story_of(analyser, "c1", reports)
    # the cases are confirmed cases, not deaths: "died" belongs to the seven
    assert built.tolls == []
    # nor does a toll word after "and" or after another number name the count before it
    reports = [
        ("d1", "Harbor Ledger", "2024-04-26", "Velm has been hardest hit by the outbreak, with "
         "20 confirmed cases and 4 deaths, the agency says."),
        ("d2", "Valley Wire", "2024-04-29", "Velm has been hardest hit by the outbreak, with 26 "
         "confirmed cases and new deaths, the agency says."),
    ]
    built = story_of(analyser, "d1", reports)
    assert not any(t.claims[0].value.startswith("20") for t in built.tolls)
