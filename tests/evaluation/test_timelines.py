"""Alignment ROUGE (align+ m:1) and date F1, checked by hand against the paper's definitions."""

from datetime import date

import pytest

from storyline.evaluation import detokenise
from storyline.evaluation.timelines import alignment_rouge, date_f1

GOLD = {date(2022, 1, 2): ["Troops crossed the border."],
        date(2022, 1, 5): ["A ceasefire was signed."]}
PREDICTED = {date(2022, 1, 2): ["Troops crossed the border."],
             date(2022, 1, 4): ["Ceasefire signed tonight."]}


def test_aligned_days_count_with_the_weight_of_their_distance():
    # Jan 4 goes to Jan 5 (a day off, similar words), not to Jan 2: cost 0.5·0.2 < 0.67·1.
    # ROUGE-1: precision (3 + ½·2) / (3 + 3), recall (3 + ½·2) / (3 + 2).
    r1 = alignment_rouge(PREDICTED, GOLD, 1)
    assert (r1.precision, r1.recall) == (pytest.approx(4 / 6), pytest.approx(4 / 5))
    # ROUGE-2: "ceasefire sign" is the one shared bigram of the second pair.
    r2 = alignment_rouge(PREDICTED, GOLD, 2)
    assert (r2.precision, r2.recall) == (pytest.approx(2.5 / 4), pytest.approx(2.5 / 3))


def test_many_predicted_days_may_align_to_one_gold_day():
    predicted = {date(2022, 1, 2): ["Troops crossed the border."],
                 date(2022, 1, 3): ["Troops crossed the border again."]}
    r1 = alignment_rouge(predicted, GOLD, 1)
    # both align to Jan 2 (the second at weight ½); Jan 5 finds no words anywhere
    assert r1.precision == pytest.approx((3 + 0.5 * 3) / (3 + 3))
    assert r1.recall == pytest.approx(3 / 5)


def test_date_f1_and_empty_timelines():
    assert date_f1(PREDICTED, GOLD).f1 == pytest.approx(0.5)
    assert alignment_rouge({}, GOLD, 1).f1 == 0.0


def test_tokenised_text_is_rejoined_as_a_page_shows_it():
    line = (r"a virus labeled A\/H1N1 \* Sees 2009 profits ` substantially less ' than "
            r"hoped , the players ' union said ` no ' . Fr ` crissakes it started ! It's ' a ' .")
    assert detokenise(line) == ("a virus labeled A/H1N1 * Sees 2009 profits ‘substantially "
                                "less’ than hoped, the players ' union said ‘no’. Fr ` crissakes "
                                "it started! It's ' a '.")
