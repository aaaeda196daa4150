from datetime import date

import pytest

from storyline.analyse.times import normalise_times

FRIDAY = date(2021, 12, 3)


def values(nlp, text, dct=FRIDAY):
    return [(t.text, t.value, t.type, t.mod) for t in normalise_times(text, dct, nlp(text))]


@pytest.mark.parametrize("text, expected", [
    ("The ministry said on Friday that talks were over.", ("on Friday", "2021-12-03")),
    ("The ministry said on Thursday that talks were over.", ("on Thursday", "2021-12-02")),
    ("The leaders will hold talks on Tuesday, officials said.", ("on Tuesday", "2021-12-07")),
    ("Officials said the leaders would meet Monday after the trip.", ("Monday", "2021-12-06")),
    ("The leaders met last Friday in Geneva.", ("last Friday", "2021-11-26")),
])
def test_weekdays_follow_news_tense(nlp, text, expected):
    assert values(nlp, text)[0][:2] == expected


@pytest.mark.parametrize("text, value", [
    ("The summit will take place next week.", "2021-W49"),
    ("Prices rose last month.", "2021-11"),
    ("They met in Geneva in June.", "2021-06"),
    ("The vote is due in March.", "2022-03"),
    ("They held a call on Dec. 7.", "2020-12-07"),  # a call held in the past: not next week
    ("They will hold a call on Dec. 7.", "2021-12-07"),
    ("Documents were handed over on Jan. 26.", "2021-01-26"),
    ("The deal was signed on 7 December 2019.", "2019-12-07"),
    ("Crimea was annexed in 2014.", "2014"),
    ("He arrived three days ago.", "2021-11-30"),
    ("Shops stay shut until tomorrow.", "2021-12-04"),
])
def test_dates_resolve_against_the_publication_date(nlp, text, value):
    assert values(nlp, text)[0][1] == value


def test_modifiers_durations_sets_and_references(nlp):
    got = values(nlp, "Demands made late last year were discussed in a two-hour call. Talks "
                      "happen every week and may resume in the coming days, he said now.",
                 date(2022, 2, 12))
    assert ("late last year", "2021", "DATE", "END") in got
    assert ("two-hour", "PT2H", "DURATION", None) in got
    assert ("every week", "P1W", "SET", None) in got
    assert ("in the coming days", "FUTURE_REF", "DATE", None) in got


def test_without_a_publication_date_nothing_relative_is_invented(nlp):
    got = values(nlp, "They met on Friday and will meet again on Dec. 7 and on 3 May 2020.",
                 dct=None)
    assert got == [("on Friday", "XXXX-WXX-5", "DATE", None),
                   ("on Dec. 7", "XXXX-12-07", "DATE", None),
                   ("on 3 May 2020", "2020-05-03", "DATE", None)]


def test_may_the_verb_is_not_a_month_and_one_day_is_not_a_duration(nlp):
    got = values(nlp, "Talks may resume, and Ukraine may one day join, officials said in May.")
    assert [t[0] for t in got] == ["in May"]


def test_expressions_in_verbless_fragments_resolve_without_hanging(nlp):
    got = values(nlp, "Talks on Friday. Then silence until Monday.")
    assert [t[1] for t in got] == ["2021-12-03", "2021-12-06"]
