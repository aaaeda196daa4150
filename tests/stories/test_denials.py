"""Contested claims on a story the tests write: a statement and another party's denial."""

import pytest

from storyline.stories.context import build_context
from storyline.stories.denials import find_contested

from .helpers import make_article

REPORT = ("Engineers found a crack in the Marrow Dam above Kessel on Sunday.\n"
          "The water authority ordered residents of Kessel to leave their homes below the dam.\n"
          "The authority said Lune Hydro had neglected repairs to the spillway for years.\n"
          "Residents of Kessel spent the night in schools and halls while engineers checked the "
          "dam.\n"
          "The river below the dam rose again on Monday, and the town's homes stayed empty.\n"
          "Water from the river flooded two streets of the town near the dam.")
REPLY = ("Lune Hydro, the company that runs the dam, denies neglecting repairs to the spillway "
         "and blames weeks of heavy rain for the crack.\n"
         "Residents of Kessel say the water authority knew about the crack for months, which the "
         "authority denies.\n"
         "Mayor Ilse Varga denied the allegations against the town.\n"
         "Engineers will inspect the dam again on Friday before residents of Kessel can return.\n"
         "The river was still high on Tuesday, and water covered the road into the town.\n"
         "Residents of the town asked when they could return to their homes by the river.")


@pytest.fixture(scope="module")
def contested(analyser):
    articles = [make_article(analyser, "r1", REPORT, "2024-03-04", "Valley Wire"),
                make_article(analyser, "r2", REPLY, "2024-03-05", "Harbor Ledger")]
    return find_contested(build_context(articles)), {a.id: a for a in articles}


def test_a_denial_is_paired_with_the_claim_it_denies(contested):
    found, articles = contested
    rows = [[(c.stance, c.attributed_to, c.article_id, c.value) for c in d.claims]
            for d in found]
    assert [("asserts", ["The authority"], "r1",
             "The authority said Lune Hydro had neglected repairs to the spillway for years."),
            ("denies", ["Lune Hydro"], "r2",
             "Lune Hydro, the company that runs the dam, denies neglecting repairs to the "
             "spillway and blames weeks of heavy rain for the crack.")] in rows
    for item in found:
        assert item.kind == "claim"
        for claim in item.claims:  # every claim an exact span of its article
            assert articles[claim.article_id].text[claim.start : claim.end] == claim.value


def test_a_claim_and_its_denial_in_one_sentence(contested):
    found, _ = contested
    (item,) = [d for d in found if d.claims[1].value == "which the authority denies"]
    assert (item.claims[0].value, item.claims[0].attributed_to) == (
        "Residents of Kessel say the water authority knew about the crack for months",
        ["Residents of Kessel"])
    assert item.claims[1].attributed_to == ["the authority"]


def test_a_denial_that_names_nothing_to_match_is_left_out(contested):
    found, _ = contested
    assert not any("allegations" in c.value for d in found for c in d.claims)


def test_words_in_common_without_the_party_named_are_no_claim_it_denies(analyser):
    report = REPORT.replace("said Lune Hydro had neglected repairs",
                            "said the owners had neglected repairs")
    articles = [make_article(analyser, "r1", report, "2024-03-04", "Valley Wire"),
                make_article(analyser, "r2", REPLY, "2024-03-05", "Harbor Ledger")]
    found = find_contested(build_context(articles))
    assert not any(c.attributed_to == ["Lune Hydro"] for d in found for c in d.claims)
    assert len(found) == 1  # the one-sentence claim and denial stays


def test_a_denial_that_points_back_takes_the_claim_it_points_to(analyser):
    text = ("Radio Kessel reported that the water authority had closed the spillway, but the "
            "ministry denied it.\n"
            "Prosecutors say Tom Brand falsified the inspection reports for the dam.\n"
            "Brand denies the charges.\n"
            "The inquiry opens in May.")
    article = make_article(analyser, "p1", text, "2024-03-06", "Valley Wire")
    found = find_contested(build_context([article]))
    pairs = [[(c.stance, c.attributed_to, c.value) for c in d.claims] for d in found]
    assert pairs == [
        [("asserts", ["Radio Kessel"], "Radio Kessel reported that the water authority had "
                                       "closed the spillway"),
         ("denies", ["the ministry"], "Radio Kessel reported that the water authority had closed "
                                      "the spillway, but the ministry denied it.")],
        [("asserts", ["Prosecutors"], "Prosecutors say Tom Brand falsified the inspection "
                                      "reports for the dam."),
         ("denies", ["Tom Brand"], "Brand denies the charges.")]]
