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
    # a clause of its own joined to a cue ("attacked" can report, as in "attacked the plan as
    # …") is not what that cue reports
    (f,) = figures(nlp, "Supporters of the mayor attacked police stations across Velm, and the "
                        "violence killed three people and injured more than 40, according to "
                        "the city's health minister.")
    assert (f.text, f.attributed_to) == ("more than 40", ["the city's health minister"])


def test_money_percent_and_scales(nlp):
    got = {(f.value, f.unit) for f in figures(
        nlp, "The repairs cost $2.5 million, and prices rose 15% over the year.")}
    assert got == {(2500000, "USD"), (15, "percent")}


def test_abbreviated_scales_of_a_sum_multiply_and_metres_stay_metres(nlp):
    got = [(f.text, f.value, f.unit) for f in figures(
        nlp, "The firm spends $6m a day on the clean-up. Investors wiped £5bn off its value, "
             "and Exxon spent $3.5 bn on its spill. The runner won the 400m race on Sunday.")]
    assert got == [("$6m", 6000000, "USD"), ("£5bn", 5000000000, "GBP"),
                   ("$3.5 bn", 3500000000, "USD"), ("400m", 400, "m")]  # metres, not millions


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


def test_spellings_of_a_share_meet_and_points_stay_apart(nlp):
    got = [(f.text, f.key) for text in (
        "The jobless rate rose to 7.2 per cent in January, the agency said.",
        "The jobless rate rose to 7.4 percent in January, officials said.",
        "Unemployment climbed to 7.3 pct, the ministry said.",
        "The rate was up 0.4 percentage points from December.")
        for f in figures(nlp, text)]
    assert got == [("7.2 per cent", "percent"), ("7.4 percent", "percent"),
                   ("7.3 pct", "percent"), ("0.4 percentage points", "percentage point")]


def test_a_currency_meets_by_its_code_whatever_the_spelling(nlp):
    got = [(f.value, f.key) for text in (
        "The province will spend $5 million on the bridge.",
        "The province will spend 5 million dollars on the bridge.",
        "The firm reported sales of C$4.2 billion, or 3.1 billion Canadian dollars.",
        "Brussels fined the company 300 million euros.")
        for f in figures(nlp, text)]
    assert got == [(5000000, "USD"), (5000000, "USD"), (4200000000, "CAD"),
                   (3100000000, "CAD"), (300000000, "EUR")]


def test_hundredths_of_a_currency_are_that_currency(nlp):
    got = [(f.text, f.value, f.key) for text in (
        "Brent crude fell 24 cents to $73.10 a barrel.",
        "The bank earned 39 Canadian cents a share.",
        "Shares in the retailer rose 12 pence in London.",
        "A stamp for a letter now costs 60 euro cents.")
        for f in figures(nlp, text)]
    assert got == [("24 cents", 0.24, "USD"), ("$73.10", 73.1, "USD"),
                   ("39 Canadian cents", 0.39, "CAD"), ("12 pence", 0.12, "GBP"),
                   ("60 euro cents", 0.6, "EUR")]


def test_the_figure_counts_what_was_counted_before_it(nlp):
    got = [(f.text, f.key, f.attributed_to) for f in figures(
        nlp, "Police said about 2,000 people attended the rally; organisers put the figure "
             "at 10,000.")]
    assert got == [("about 2,000 people", "people", ["Police"]),
                   ("10,000", "people", ["organisers"])]
    assert figures(nlp, "Officials put the total at 45.") == []  # nothing counted before


def test_areas_volumes_and_rates_keep_apart(nlp):
    got = [(f.text, f.key) for f in figures(
        nlp, "The fire destroyed 500 square kilometres of forest, 20 km from the city. Gas "
             "sold at 2,000 euros per 1,000 cubic metres.")]
    assert got == [("500 square kilometres", "square km"), ("20 km", "km"),
                   ("2,000 euros", "EUR"), ("1,000 cubic metres", "cubic metre")]
    # an exchange rate's "per dollar" is not a sum in dollars
    assert all(f.key != "USD" for f in figures(nlp, "The rouble fell to 119 per dollar."))


def test_a_bare_number_is_the_level_of_what_its_verb_names(nlp):
    got = [(f.text, f.key, f.attributed_to) for f in figures(
        nlp, "The death toll rose to 45, the health ministry said. Police estimated the crowd "
             "at 10,000. The number of confirmed cases topped 1,000 on Sunday. He was 45 when "
             "he died.")]
    # an age is no claim
    assert got == [("45", "toll", ["health ministry"]), ("10,000", "crowd", ["Police"]),
                   ("1,000", "case", [])]
    # whoever puts a level on something claims it, with no verb of saying
    ((value, claimant),) = [(f.value, f.attributed_to) for f in figures(
        nlp, "The government puts the number of displaced people at 2 million.")]
    assert (value, claimant) == (2000000, ["The government"])


def test_a_claim_by_people_nobody_names_keeps_their_description(nlp):
    got = [(f.value, f.attributed_to) for f in figures(
        nlp, "Russia has massed 100,000 troops near the border, Ukrainian officials say. They "
             "said 5,000 tanks were there. Hospital sources said 45 people were killed. The "
             "contract added $1.60 to settle at $52.")]
    # an unresolved "they" is no claimant, nor a thing that "added" something
    assert got == [(100000, ["Ukrainian officials"]), (5000, []), (45, ["Hospital sources"]),
                   (1.6, []), (52, [])]


def test_a_sign_the_tagger_left_out_is_still_the_currency(nlp):
    got = [(f.text, f.key) for f in figures(
        nlp, "Median household income reached $56,746 in November. The fine was C$ 300,000. "
             "The agency increased the death toll to 267.")]
    # and what is raised to a level is the object of the verb, not its subject
    assert got == [("$56,746", "USD"), ("C$ 300,000", "CAD"), ("267", "toll")]


def test_numbers_joined_by_a_slash_are_no_count(nlp):
    got = figures(nlp, "The Saudi government said it had no role in the 9/11 terror attacks. "
                       "A 24/7 hotline will serve 300 homes, and 2/3 of voters backed it.")
    assert [(f.value, f.unit) for f in got] == [(300, "homes")]


def test_a_state_body_claims_its_figure_under_one_name(nlp):
    (f,) = figures(nlp, "About 10,000 troops have left, Russia's defence ministry said.")
    (g,) = figures(nlp, "About 10,000 troops have left, the Russian Defence Ministry said.")
    assert f.attributed_to == g.attributed_to == ["Russian Defence Ministry"]


def test_a_number_in_a_name_is_no_count(nlp):
    got = figures(nlp, "The Chang'e 4 lander will carry a camera. Boeing 737 jets were "
                       "grounded, and the Nikkei 225 index fell almost 1 percent. The system "
                       "update 5.50 reached 2,000 testers.")
    assert [(f.value, f.unit) for f in got] == [(1, "percent"), (2000, "testers")]


def test_a_name_closing_its_own_phrase_leaves_the_count_be(nlp):
    got = figures(nlp, "A witness told Reuters 12 people were killed. The missile landed in the "
                       "Sea of Japan 125 miles west of the island. Cruz trails Trump 458 to 359 "
                       "in delegates. The poll put Clinton at 42 percent and Johnson 11 percent.")
    assert [f.value for f in got] == [12, 125, 458, 359, 42, 11]


def test_a_figure_a_party_denies_is_not_its_claim(nlp):
    got = [(f.text, f.attributed_to) for f in figures(
        nlp, "The ministry denied that 300 soldiers had been killed. The army rejected the "
             "report, saying only 12 soldiers had died.")]
    assert got == [("300 soldiers", []), ("only 12 soldiers", ["The army"])]


def test_an_m_before_what_news_counts_in_millions_is_a_million(nlp):
    got = [(f.text, f.value, f.key) for f in figures(
        nlp, "About 1.5m people have fled the city of 8m residents, and the app has 40m users. "
             "The wall is 10m high. The tower is 30 metres tall. A boy fell into the 80m-deep "
             "well. The boat was 40m.")]
    assert got == [("About 1.5m people", 1500000, "people"),
                   ("8m residents", 8000000, "resident"), ("40m users", 40000000, "user"),
                   ("10m", 10, "metre"), ("30 metres", 30, "metre"),  # one key for metres
                   ("40m.", 40, "metre")]  # and no 80 million "80m"s


def test_a_bare_number_that_something_befalls_counts_people(nlp):
    got = [(f.text, f.value, f.key) for f in figures(
        nlp, "The quake left 300 dead and 1,500 injured. At least 50 were killed, police said. "
             "Officials said up to 3m were affected. The attack wounded 12. The outage affected "
             "3,000.")]
    # "affected 3,000" might be homes: only a subject or the object of a harm counts people
    assert got == [("300", 300, "people"), ("1,500", 1500, "people"),
                   ("At least 50", 50, "people"), ("up to 3m", 3000000, "people"),
                   ("12", 12, "people")]
