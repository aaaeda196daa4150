from collections import Counter

from storyline.analyse.entities import extract_entities
from storyline.analyse.names import base_name, story_aliases, strip_titles


def canon(nlp, text):
    return {(e.text, e.canonical, e.label) for e in extract_entities(nlp(text))}


def test_titles_possessives_and_surnames_resolve_to_one_person(nlp):
    got = canon(nlp, "Russian President Vladimir Putin met aides on Monday. Putin's spokesman "
                     "said Putin would travel to Delhi.")
    assert {c for _, c, label in got if label == "PERSON"} == {"Vladimir Putin"}


def test_variants_and_abbreviations_meet(nlp):
    got = canon(nlp, "Officials in Kiev and the U.S. said the United States and the US embassy "
                     "in Kyiv would reopen.")
    names = {c for _, c, _ in got}
    assert "Kyiv" in names and "Kiev" not in names
    assert "United States" in names and "U.S." not in names and "US" not in names


def test_hyphenated_pair_of_named_people_is_split(nlp):
    text = "Joe Biden and Vladimir Putin prepared for the Putin-Biden talks."
    pair = [e for e in extract_entities(nlp(text)) if e.start >= text.index("Putin-Biden")]
    assert [(e.text, e.canonical) for e in pair] == [("Putin", "Vladimir Putin"),
                                                     ("Biden", "Joe Biden")]


def test_a_name_the_tagger_cut_at_its_hyphen_or_particle(nlp):
    text = ("South Korean President Moon Jae-in met Park Geun-hye's lawyers. A Trump-backed "
            "candidate won the Xi-led party's vote.")
    people = {e.text for e in extract_entities(nlp(text)) if e.label == "PERSON"}
    assert {"Moon Jae-in", "Park Geun-hye"} <= people
    assert not any(name.endswith(("-backed", "-led")) for name in people)
    text = "Michiel van der Leeuw met Ursula von der Leyen in Brussels."
    assert [e.text for e in extract_entities(nlp(text)) if e.label == "PERSON"] == [
        "Michiel van der Leeuw", "Ursula von der Leyen"]


def test_entity_offsets_point_into_the_text(nlp):
    text = "The Kremlin's aide Yuri Ushakov spoke in Moscow."
    for e in extract_entities(nlp(text)):
        assert text[e.start:e.end] == e.text


def test_rules_in_isolation():
    assert strip_titles("Deputy Foreign Minister Sergei Ryabkov") == "Sergei Ryabkov"
    assert strip_titles("French President Emmanuel Macron") == "Emmanuel Macron"
    assert strip_titles("Detective Superintendent Mark Hutchings") == "Mark Hutchings"
    assert strip_titles("Senate Majority Leader Mitch McConnell") == "Mitch McConnell"
    assert strip_titles("District Attorney Alvin Bragg") == "Alvin Bragg"
    assert strip_titles("Kremlin aide Yuri Ushakov") == "Yuri Ushakov"
    assert strip_titles("Stephen King") == "Stephen King"
    assert strip_titles("President") == "President"
    assert base_name("the Kremlin's", "ORG") == ("Kremlin", "ORG")
    aliases = story_aliases(Counter({("Volodymyr Zelenskiy", "PERSON"): 3,
                                     ("Volodymyr Zelensky", "PERSON"): 1,
                                     ("Zelensky", "PERSON"): 2, ("Ushakov", "ORG"): 1,
                                     ("Yuri Ushakov", "PERSON"): 2, ("Kyiv", "GPE"): 4}))
    assert aliases == {"Volodymyr Zelensky": "Volodymyr Zelenskiy",
                       "Zelensky": "Volodymyr Zelenskiy", "Ushakov": "Yuri Ushakov"}


def test_a_platform_the_tagger_took_for_a_person_is_an_organisation(nlp):
    got = canon(nlp, "The model posted on Twitter and Instagram that she was bored.")
    assert {(c, label) for _, c, label in got} == {("Twitter", "ORG"), ("Instagram", "ORG")}


def test_a_titled_or_given_name_the_tagger_took_for_a_body_is_a_person(nlp):
    got = canon(nlp, 'Deputy Chief Constable Adrian Hanstock said: "We can confirm that at '
                     'least seven people have lost their lives." The Jennifer Hudson '
                     'Foundation said it would help.')
    assert ("Adrian Hanstock", "PERSON") in {(c, label) for _, c, label in got}
    assert ("Jennifer Hudson Foundation", "ORG") in {(c, label) for _, c, label in got}
