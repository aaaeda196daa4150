from storyline.analyse.entities import extract_entities
from storyline.analyse.figures import extract_figures
from storyline.analyse.times import normalise_times


def figures(nlp, text):
    doc = nlp(text)
    return extract_figures(doc, extract_entities(doc), normalise_times(text, None, doc))


def test_number_unit_qualifier_and_claimants(nlp):
    (f,) = figures(nlp, "Ukraine and the United States say Russia has moved more than 90,000 "
                        "troops to the border.")
    assert (f.text, f.value, f.qualifier, f.unit, f.key) == (
        "more than 90,000 troops", 90000, "more than", "troops", "troop")
    assert f.attributed_to == ["Ukraine", "United States"]


def test_claimant_from_according_to_and_a_variant_name(nlp):
    (f,) = figures(nlp, "Around 115,000 soldiers are stationed nearby, according to Kiev.")
    assert (f.value, f.qualifier, f.attributed_to) == (115000, "around", ["Kyiv"])


def test_money_percent_and_scales(nlp):
    got = {(f.value, f.unit) for f in figures(
        nlp, "The repairs cost $2.5 million, and prices rose 15% over the year.")}
    assert got == {(2500000, "USD"), (15, "percent")}


def test_small_word_numbers_durations_and_years_are_not_figures(nlp):
    assert figures(nlp, "The two leaders spoke for three hours in 2021 about two documents.") == []


def test_pounds_of_weight_are_not_money_and_a_half_million_is_half(nlp):
    got = {(f.value, f.key) for f in figures(
        nlp, "Its engines make 5.1 million pounds of thrust at liftoff. The ship carried more "
             "than a half million barrels of fuel.")}
    assert got == {(5100000, "pound"), (500000, "barrel")}


def test_spellings_of_one_unit_share_a_key(nlp):
    keys = [f.key for text in ("The missile flew 550 kilometres before it fell into the sea.",
                               "The missile flew about 600 km before it fell into the sea.",
                               "Officials said it flew 2,700 kilometers.")
            for f in figures(nlp, text)]
    assert keys == ["km", "km", "km"]
