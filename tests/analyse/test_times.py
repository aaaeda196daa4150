from datetime import date

import pytest

from storyline.analyse.times import normalise_times

FRIDAY = date(2021, 12, 3)


def values(nlp, text, dct=FRIDAY):
    return [(t.text, t.value, t.type, t.mod) for t in normalise_times(text, dct, nlp(text))]


def leading(nlp, text, dct=FRIDAY):
    """Each expression with the day it leads to."""
    return [(t.text, t.value, t.type, t.points_to) for t in normalise_times(text, dct, nlp(text))]


@pytest.mark.parametrize("text, expected", [
    ("The ministry said on Friday that talks were over.", ("Friday", "2021-12-03")),
    ("The ministry said on Thursday that talks were over.", ("Thursday", "2021-12-02")),
    ("The leaders will hold talks on Tuesday, officials said.", ("Tuesday", "2021-12-07")),
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
    ("They held a call on Oct. 7.", "2021-10-07"),
    ("They held a call on Dec. 27.", "2021-12-27"),  # same month as the DCT: same year
    ("They will hold a call on Jan. 7.", "2022-01-07"),
    ("They will hold a call on Dec. 7.", "2021-12-07"),
    ("Rents are due Feb. 1, the landlord said.", "2022-02-01"),  # "due" looks ahead
    ("The ruling, issued Wednesday, was appealed.", "2021-12-01"),
    ("Lawyers pored over Tuesday's ruling.", "2021-11-30"),  # a possessive day has been
    ("The pact was signed last May.", "2021-05"),
    ("The summit is planned for next March.", "2022-03"),
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
    assert ("the coming days", "PXD", "DURATION", None) in got


def test_an_approximate_offset_and_days_counted_by_trading(nlp):
    got = values(nlp, "A week or so ago, the board picked a date. The index fell for eight "
                      "trading days, and refunds take five business days.")
    assert got == [("A week or so ago", "2021-W47", "DATE", "APPROX"),
                   ("eight trading days", "P8D", "DURATION", None),
                   ("five business days", "P5D", "DURATION", None)]


def test_a_programme_title_in_marks_or_after_a_possessive_is_no_time(nlp):
    got = values(nlp, 'Baker, speaking on ABC\'s "This Week," said talks would resume this week.')
    assert [t[0] for t in got] == ["this week"]
    assert values(nlp, "Paul, telling ABC's This Week that the race was open, left.") == []
    assert values(nlp, "Sanders visited NBC’s “Today” to discuss his remarks.") == []
    assert values(nlp, "“Today’s launch is a success,” he said.")[0][:2] == ("Today", "2021-12-03")
    got = values(nlp, "Kim's New Year's Day speech was aired.", date(2018, 1, 2))
    assert got[0][:2] == ("New Year's Day", "2018-01-01")
    # a quotation that opens with a time is still one
    assert values(nlp, "“This week we will vote,” she said.")[0][:2] == ("This week", "2021-W48")
    # a title in title case that ends with a time, and a title in doubled straight quotes
    got = values(nlp, "Howard had roles in “How the Grinch Stole Christmas,” and “Apollo 13.”")
    assert got == []
    assert values(nlp, "Mr. Bush is joining the ''Today'' show as an anchor.") == []
    # a quoted holiday is a day; so is a quotation opening a sentence with a name
    got = values(nlp, "Shoppers pass a sign for 'Black Friday' sales.", date(2017, 11, 23))
    assert got[0][:2] == ("Black Friday", "2017-11-24")
    got = values(nlp, 'He tweeted "Obama on Friday" and left.')
    assert got[0][:2] == ("Friday", "2021-12-03")


def test_without_a_publication_date_nothing_relative_is_invented(nlp):
    got = values(nlp, "They met on Friday and will meet again on Dec. 7 and on 3 May 2020.",
                 dct=None)
    assert got == [("Friday", "XXXX-WXX-5", "DATE", None),
                   ("Dec. 7", "XXXX-12-07", "DATE", None),
                   ("3 May 2020", "2020-05-03", "DATE", None)]


def test_may_the_verb_is_not_a_month_and_one_day_is_not_a_duration(nlp):
    got = values(nlp, "Talks may resume, and Ukraine may one day join, officials said in May.")
    assert [t[0] for t in got] == ["May"]


def test_expressions_in_verbless_fragments_resolve_without_hanging(nlp):
    got = values(nlp, "Talks on Friday. Then silence until Monday.")
    assert [t[1] for t in got] == ["2021-12-03", "2021-12-06"]


def test_clock_times_join_their_day_and_weekdays_join_their_date(nlp):
    got = values(nlp, "The shop was raided at 10 p.m. Wednesday and the talks broke off at noon "
                      "on Thursday. The paper wrote on Tuesday, Oct. 13, that it was over.")
    assert ("10 p.m. Wednesday", "2021-12-01T22:00", "TIME", None) in got
    assert ("noon on Thursday", "2021-12-02T12:00", "TIME", None) in got
    # Oct. 13 was a Tuesday in 2020, not in 2021: the weekday settles the year.
    assert ("Tuesday, Oct. 13", "2020-10-13", "DATE", None) in got
    # a date in brackets after a weekday is that weekday's: its own expression, the same day
    got = values(nlp, "Engineers restored some links by Saturday afternoon [27 November 2021] "
                      "and expect the rest back by Friday (Dec. 10).")
    assert [(t[0], t[1]) for t in got] == [
        ("Saturday afternoon", "2021-11-27TAF"), ("27 November 2021", "2021-11-27"),
        ("Friday", "2021-12-10"), ("Dec. 10", "2021-12-10")]


def test_offsets_vague_spans_and_periods(nlp):
    got = values(nlp, "Wages were 3% higher than a year earlier. Rwanda's genocide began nearly "
                      "four years ago. Several years ago the firm was small, and in recent years "
                      "it grew; in the future it may shrink. Growth slowed in the first half of "
                      "2019 and the early 1990s were hard. It plans to hire within weeks.")
    assert ("a year earlier", "2020", "DATE", None) in got
    assert ("nearly four years ago", "2017", "DATE", "LESS_THAN") in got
    assert ("Several years ago", "PAST_REF", "DATE", None) in got
    assert ("recent years", "PXY", "DURATION", None) in got
    assert ("the future", "FUTURE_REF", "DATE", None) in got
    assert ("the first half of 2019", "2019-H1", "DATE", None) in got
    assert ("the early 1990s", "199", "DATE", "START") in got
    assert ("weeks", "PXW", "DURATION", None) in got  # the span without "within"


def test_ages_fractions_and_numbers_are_not_times(nlp):
    got = values(nlp, "A 44-year-old man said three-quarters of the voters backed the plan, "
                      "more than a quarter of them strongly, and $2015 was raised in 2019.")
    assert [t[0] for t in got] == ["2019"]


def test_weekend_and_quarters_follow_the_publication_date(nlp):
    monday = date(1990, 8, 13)
    got = values(nlp, "Officials met over the weekend. Profit rose in the third quarter.", monday)
    assert ("the weekend", "1990-W32-WE", "DATE", None) in got
    assert ("the third quarter", "1990-Q3", "DATE", None) in got
    got = values(nlp, "Profit fell in the fourth quarter.", monday)
    assert got[0][1] == "1989-Q4"


def test_an_earnings_report_compares_its_own_quarter_with_the_same_quarter_a_year_before(nlp):
    thursday = date(2019, 10, 24)
    got = values(nlp, "The bank said third-quarter profit rose 8%. Revenue in the quarter was "
                      "$2 billion, up from $1.8 billion a year earlier and above the "
                      "year-ago period's $1.7 billion. In the previous quarter it lost money.",
                 thursday)
    assert [(t[0], t[1]) for t in got] == [
        ("third-quarter", "2019-Q3"), ("the quarter", "2019-Q3"),
        ("a year earlier", "2018-Q3"), ("the year-ago period", "2018-Q3"),
        ("the previous quarter", "2019-Q2")]


def test_the_same_period_last_year_is_one_phrase_a_year_before_what_was_reported(nlp):
    tuesday = date(2015, 3, 3)
    got = values(nlp, "The carmaker said its sales rose 12% in February compared with the same "
                      "period last year. Imports fell in January from the same month a year ago.",
                 tuesday)
    assert [(t[0], t[1]) for t in got] == [
        ("February", "2015-02"), ("the same period last year", "2014-02"),
        ("January", "2015-01"), ("the same month a year ago", "2014-01")]
    got = values(nlp, "Third-quarter profit rose 8%, up from the corresponding period last "
                      "year, and revenue beat the quarter a year ago.", date(2019, 10, 24))
    assert [(t[0], t[1]) for t in got] == [
        ("Third-quarter", "2019-Q3"), ("the corresponding period last year", "2018-Q3"),
        ("the quarter a year ago", "2018-Q3")]
    got = values(nlp, "Output fell in January from the same month of the previous year.", tuesday)
    assert [(t[0], t[1]) for t in got] == [("January", "2015-01"),
                                           ("the same month of the previous year", "2014-01")]
    got = values(nlp, "Sales rose in February. Exports fell 3% from the same period last year, "
                      "the ministry said.", tuesday)  # a month only anchors its own sentence
    assert [(t[0], t[1]) for t in got] == [("February", "2015-02"),
                                           ("the same period last year", "2014")]


def test_without_a_quarter_named_the_quarter_is_left_out_and_a_year_ago_is_a_year(nlp):
    got = values(nlp, "Sales in the quarter fell from a year ago, the company said.",
                 date(2019, 10, 24))
    assert [(t[0], t[1]) for t in got] == [("a year ago", "2018")]


def test_centuries_and_years_read_out_as_in_a_broadcast_transcript(nlp):
    got = values(nlp, "It was the worst flood of the 20th century, worse than in the late "
                      "nineteenth century. In January nineteen ninety-seven and again in the "
                      "winter of nineteen ninety-four nineteen people died; by mid-1996 the "
                      "year two thousand looked far off.", date(1998, 3, 5))
    assert ("20th century", "19", "DATE", None) in got
    assert ("late nineteenth century", "18", "DATE", "END") in got
    assert ("January nineteen ninety-seven", "1997-01", "DATE", None) in got
    assert ("the winter of nineteen ninety-four", "1994-WI", "DATE", None) in got
    assert ("1996", "1996", "DATE", "MID") in got
    assert ("the year two thousand", "2000", "DATE", None) in got
    assert not any("people" in t[0] or t[0].startswith("nineteen p") for t in got)


def test_holidays_number_words_decades_and_spans_of_time(nlp):
    got = values(nlp, "The boy was found on Thanksgiving Day, the worst flood in a decade had "
                      "come at Easter, and the talks lasted twenty-four hours. Music of the "
                      "nineties filled the hall for fourteen days.", date(2000, 1, 6))
    assert ("Thanksgiving Day", "1999-11-25", "DATE", None) in got
    assert ("Easter", "1999-04-04", "DATE", None) in got
    assert ("a decade", "P10Y", "DURATION", None) in got
    assert ("twenty-four hours", "PT24H", "DURATION", None) in got
    assert ("the nineties", "199", "DATE", None) in got
    assert ("fourteen days", "P14D", "DURATION", None) in got


@pytest.mark.parametrize("text, dct, expected", [
    # a day framed by "the week of" is that week; "the day before/after" moves it by one
    ("The hearing is set for the week of March 6.", date(2000, 2, 24),
     ("the week of March 6", "2000-W10")),
    ("Shoppers crowded the malls the day after Christmas.", date(2021, 12, 30),
     ("the day after Christmas", "2021-12-26")),
    ("He flew to Miami the day before last Tuesday's hearing.", date(2000, 2, 24),
     ("the day before last Tuesday", "2000-02-21")),
    # two weeks on or back
    ("The summit will be held the week after next.", date(2021, 12, 8),
     ("the week after next", "2021-W51")),
    ("They met in Paris the weekend before last.", date(2021, 12, 8),
     ("the weekend before last", "2021-W47-WE")),
    # a holiday week that has begun is this year's, although the clause is in the past
    ("Pilgrims prayed as Holy Week began.", date(2000, 4, 17), ("Holy Week", "2000-W16")),
    ("Crowds filled the squares during Easter week, police said.", date(2000, 4, 10),
     ("Easter week", "1999-W13")),
])
def test_framed_days_far_weeks_and_holiday_weeks(nlp, text, dct, expected):
    assert values(nlp, text, dct)[0][:2] == expected


def test_edges_of_a_month_and_counts_from_now(nlp):
    friday = date(2022, 2, 25)
    assert values(nlp, "Talks are planned for the last week of February.", friday) == [
        ("the last week of February", "2022-02", "DATE", "END")]
    assert values(nlp, "Prices rose in the first days of March.", friday) == [
        ("the first days of March", "2022-03", "DATE", "START")]
    assert values(nlp, "It was the last year of his term.", friday) == []
    # "this month" before an "of" that belongs to the noun is still the month
    assert values(nlp, "Bombings this month of two embassies shocked the region.", friday) == [
        ("this month", "2022-02", "DATE", None)]
    # TimeML keeps "two weeks" and "now" apart; the length leads to the day it names
    assert leading(nlp, "The offensive will begin two weeks from now.", friday) == [
        ("two weeks", "P2W", "DURATION", "2022-03-11"), ("now", "PRESENT_REF", "DATE", None)]
    # only "the last …" is an edge of what follows; "the next decade of action" is a decade
    assert values(nlp, "The next decade of action is critical.", friday)[0][:2] == (
        "next decade", "203")


@pytest.mark.parametrize("text, expected", [
    ("The talks ended on the 24th, a day before the deadline.", ("the 24th", "2022-02-24")),
    ("The vote will be held on the 3rd.", ("the 3rd", "2022-03-03")),  # next month's
    ("The results will be known on the 28th.", ("the 28th", "2022-02-28")),
    ("The company was founded a century ago.", ("a century ago", "19")),
    # "a week ago Wednesday": the Wednesday a week before the latest one
    ("The strike began a week ago Wednesday.", ("a week ago Wednesday", "2022-02-16")),
])
def test_days_of_the_month_alone_and_centuries_back(nlp, text, expected):
    assert values(nlp, text, date(2022, 2, 25))[0][:2] == expected


@pytest.mark.parametrize("text, expected", [
    # "before" looks ahead unless its clause tells of the past
    ("The attack came just before 5am local time on Thursday (0200 GMT).",
     ("5am local time on Thursday", "2022-02-24T05:00")),
    ("The troops withdrew before Sunday, officials said.", ("Sunday", "2022-02-20")),
    ("He must leave the country before Monday.", ("Monday", "2022-02-28")),
    # so does "by"; an infinitive's time is ahead of the verb that governs it
    ("The death toll rose to 137 by Thursday night.", ("Thursday night", "2022-02-24TNI")),
    ("Officials asked residents to leave by Monday.", ("Monday", "2022-02-28")),
    ("Rebels had taken the town by Wednesday.", ("Wednesday", "2022-02-23")),
])
def test_before_or_by_a_day_follows_its_clause(nlp, text, expected):
    assert values(nlp, text, date(2022, 2, 25))[0][:2] == expected


def test_a_season_in_a_name_is_no_season(nlp):
    got = values(nlp, "The Winter Olympics ended on Sunday. Protesters recalled the Arab Spring "
                      "and the ``Spring of Life'' rallies. Summer 2021 was hot; last winter was "
                      "mild.", date(2022, 2, 25))
    assert [t[:2] for t in got] == [("Sunday", "2022-02-20"), ("Summer 2021", "2021-SU"),
                                    ("last winter", "2021-WI")]
    got = values(nlp, "She spoke to the magazine's Spring 2015 issue.", date(2015, 12, 22))
    assert got[0][:2] == ("Spring 2015", "2015-SP")


def test_a_holiday_a_few_days_off_is_the_coming_one_whatever_the_tense(nlp):
    got = values(nlp, "The debate was held the Saturday before Christmas.", date(2015, 12, 23))
    assert ("Christmas", "2015-12-25", "DATE", None) in got
    got = values(nlp, "Crowds gathered on Christmas Eve, police said.", date(2021, 12, 8))
    assert got[0][:2] == ("Christmas Eve", "2020-12-24")  # weeks off: last year's


def test_a_holiday_just_past_is_the_one_a_present_clause_is_about(nlp):
    text = ("Similar attacks on New Year's Eve are being investigated in Hamburg. The "
            "mayor said the incident on New Year's Eve is under review.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2016, 1, 5))] == [
        ("New Year's Eve", "2015-12-31"), ("New Year's Eve", "2015-12-31")]
    # what will happen on it is next year's
    got = values(nlp, "Sales on Christmas Eve will set a record.", date(2018, 1, 1))
    assert got[0][:2] == ("Christmas Eve", "2018-12-24")


def test_a_day_that_qualifies_an_event_told_as_known_is_the_nearest(nlp):
    # the event is a preposition's object: a coming verb does not date it; a coming event may
    # be the subject itself
    text = ("Christie said blacks will vote for Trump because of the slaying on Friday. "
            "Leaders will hold talks on Tuesday. A military hearing on Friday will consider "
            "the evidence.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2021, 12, 5))] == [
        ("Friday", "2021-12-03"), ("Tuesday", "2021-12-07"), ("Friday", "2021-12-10")]
    text = "Despite a series of costly defeats on Tuesday night, Sanders will press on."
    assert values(nlp, text, date(2016, 4, 27))[0][:2] == ("Tuesday night", "2016-04-26TNI")
    # an event a coming clause is for is still to come
    text = "The band will rehearse all week for their big show on Saturday night."
    assert values(nlp, text, date(2009, 8, 25))[0][:2] == ("Saturday night", "2009-08-29TNI")


def test_a_present_after_if_or_when_tells_what_is_to_come(nlp):
    text = ("The orders can be overturned if a Republican is elected president in November. "
            "Officials said prices rose in November.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2016, 1, 5))] == [
        ("November", "2016-11"), ("November", "2015-11")]


def test_a_season_goes_by_its_clause_and_a_day_named_ahead_of_its_event(nlp):
    text = ("Her campaign has had offices in the state since the spring. The law will take "
            "effect in the spring. Sales rose over the summer.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2016, 2, 17))] == [
        ("the spring", "2015-SP"), ("the spring", "2016-SP"), ("the summer", "2015-SU")]
    got = values(nlp, "The rule will take effect in the spring.", date(2016, 10, 17))
    assert got[0][:2] == ("the spring", "2017-SP")
    # a season talked about is no time of the clause's verb
    got = values(nlp, "He said that the winter was likely to be harsh.", date(2011, 10, 14))
    assert got[0][:2] == ("the winter", "2011-WI")
    # a possessive names a day that has been, unless the event is still ahead of the clause
    text = ("They were hoping to meet Clinton before Monday's caucuses. Tuesday's vote was close. "
            "“I like her, I’ll vote for her in November.” He was moved to games on Monday "
            "nights after ''Sunday Night Baseball'' was cut.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2016, 1, 31))] == [
        ("Monday", "2016-02-01"), ("Tuesday", "2016-01-26"), ("November", "2016-11"),
        ("Monday nights", "XXXX-WXX-1TNI")]


def test_a_month_that_qualifies_an_event_is_the_nearest_whatever_the_verb(nlp):
    text = ("Olixar has suggested a late February launch. Police said they had arrested a "
            "suspect in the October slaying. Sales rose in February.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2017, 12, 22))] == [
        ("late February", "2018-02"), ("October", "2017-10"), ("February", "2017-02")]
    # a coming verb does tell it
    text = "Candidates prepare for the presidency even before the November election."
    assert values(nlp, text, date(2016, 5, 12))[0][:2] == ("November", "2016-11")
    text = "They may get stuck with a justice if the November election does not break their way."
    assert values(nlp, text, date(2016, 3, 4))[0][:2] == ("November", "2016-11")
    # a report is on a month that is over, whatever the verb
    text = "The Fed will get one more data point with the release of the November jobs report."
    assert values(nlp, text, date(2015, 12, 1))[0][:2] == ("November", "2015-11")
    text = "Candidates must file their February campaign finance reports."
    assert values(nlp, text, date(2016, 3, 20))[0][:2] == ("February", "2016-02")


def test_the_end_of_the_month_a_sentence_named_and_a_last_year_that_is_someone_s(nlp):
    text = ("The agency will add the data in January 2016 and expects to be done by the end of "
            "the month. It met its goal by the end of the month. He hosted 25 parties in 2008, "
            "his last year in office.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2015, 12, 31))] == [
        ("January 2016", "2016-01"), ("the end of the month", "2016-01"),
        ("the end of the month", "2015-12"), ("2008", "2008")]


def test_a_weekday_with_this_and_its_date_is_that_date(nlp):
    text = "In this Friday, Dec. 29, 2017, file photo, the tanker is seen at sea."
    assert [(t[0], t[1]) for t in values(nlp, text, date(2018, 1, 5))] == [
        ("this Friday, Dec. 29, 2017", "2017-12-29")]


def test_an_ordinal_before_its_noun_is_no_day(nlp):
    assert values(nlp, "He lives on the 24th floor.", date(2022, 2, 25)) == []


@pytest.mark.parametrize("text, dct, expected", [
    # a month and day close to the publication date is that occurrence, whatever the tense
    ("The offer was extended to Nov. 16.", date(1989, 10, 30), ("Nov. 16", "1989-11-16")),
    # plans look ahead although their verb is past
    ("Protesters planned a march on Saturday.", date(2000, 1, 7), ("Saturday", "2000-01-08")),
    ("The talks, set to resume Monday in Belfast, were in doubt.", date(1998, 3, 22),
     ("Monday", "1998-03-23")),
    # the coming month, though the clause is in the past tense
    ("Shares were to begin trading in November.", date(1989, 10, 30), ("November", "1989-11")),
    # a capitalised "Last" at the start of a sentence still counts
    ("Last April, the group bid for the chain.", date(1989, 10, 26), ("Last April", "1989-04")),
])
def test_near_dates_plans_and_sentence_initial_relatives(nlp, text, dct, expected):
    assert values(nlp, text, dct)[0][:2] == expected


@pytest.mark.parametrize("text, expected", [
    # an aim that is reported, or vowed, looks ahead from the report
    ("Officials said they hoped to reopen the airport on Friday.", ("Friday", "2010-01-15")),
    ("She vowed to return on Friday.", ("Friday", "2010-01-15")),
    ("The company hopes to close the deal on Monday.", ("Monday", "2010-01-18")),
    # a hope told as narrative may be over
    ("They hoped to reach the town on Monday, but were turned back.", ("Monday", "2010-01-11")),
])
def test_an_aim_looks_ahead_when_reported(nlp, text, expected):
    assert values(nlp, text, date(2010, 1, 13))[0][:2] == expected


def test_a_day_coordinated_with_another_reads_as_the_first(nlp):
    got = values(nlp, "He added that the groups then hoped to get relief supplies into the "
                      "country by Thursday or Friday.", date(2010, 1, 13))
    assert [t[:2] for t in got] == [("Thursday", "2010-01-14"), ("Friday", "2010-01-15")]
    got = values(nlp, "Officials asked residents to leave by Monday or Tuesday.",
                 date(2010, 1, 13))
    assert [t[:2] for t in got] == [("Monday", "2010-01-18"), ("Tuesday", "2010-01-19")]
    got = values(nlp, "Rebels had taken both towns by Monday or Tuesday.", date(2010, 1, 13))
    assert [t[:2] for t in got] == [("Monday", "2010-01-11"), ("Tuesday", "2010-01-12")]


def test_quarters_named_with_their_year(nlp):
    thursday = date(1989, 10, 26)
    got = values(nlp, "Third-quarter profit rose. In the 1988 period, the company earned $2 "
                      "million. Net in the 1988 second quarter was $5 million; in the "
                      "year-ago third quarter it lost money. Sales for this year's first "
                      "quarter and next year's first quarter are forecast.", thursday)
    assert [(t[0], t[1]) for t in got] == [
        ("Third-quarter", "1989-Q3"), ("the 1988 period", "1988-Q3"),
        ("the 1988 second quarter", "1988-Q2"), ("the year-ago third quarter", "1988-Q3"),
        ("this year's first quarter", "1989-Q1"), ("next year's first quarter", "1990-Q1")]
    assert [(t[0], t[1]) for t in values(nlp, "Output fell in the 1988 period.", thursday)] \
        == [("the 1988 period", "1988")]


def test_compound_durations_halves_and_more(nlp):
    got = values(nlp, "Stocks hit a five year low after a three hour meeting. The camp was "
                      "home for 2 1/2 years, the flight lasted 5 1/2 hours and the call a "
                      "minute and a half. The base stays open for at least 20 more years, "
                      "and the loan may run for an additional year.", date(1998, 1, 8))
    assert [(t[0], t[1], t[2]) for t in got] == [
        ("five year", "P5Y", "DURATION"), ("three hour", "PT3H", "DURATION"),
        ("2 1/2 years", "P2Y6M", "DURATION"), ("5 1/2 hours", "PT5H30M", "DURATION"),
        ("a minute and a half", "PT1M30S", "DURATION"),
        ("at least 20 more years", "P20Y", "DURATION"),
        ("an additional year", "P1Y", "DURATION")]


def test_a_company_year_ended_on_a_date_is_a_year_long(nlp):
    got = values(nlp, "Net income for the fiscal year ended March 31 rose 8%.", date(1989, 11, 2))
    assert got[0][:3] == ("the fiscal year", "P1Y", "DURATION")


@pytest.mark.parametrize("text, expected", [
    # told from after it: a past perfect clause looks back, whatever the preposition
    ("Members had filed their reports by Wednesday.", ("Wednesday", "2021-12-01")),
    ("The offer had been scheduled to expire at midnight Thursday.",
     ("midnight Thursday", "2021-12-02T24:00")),
    # a plan named by its participle follows the clause around it
    ("A memorial service planned for Saturday was cancelled.", ("Saturday", "2021-11-27")),
    ("Organisers expect crowds at a march planned for Saturday.", ("Saturday", "2021-12-04")),
])
def test_plans_and_deadlines_seen_from_the_past(nlp, text, expected):
    assert values(nlp, text)[0][:2] == expected


def test_an_outlook_quarter_is_not_the_quarter_reported(nlp):
    got = values(nlp, "The company expects fourth-quarter sales to rise. Profit in the latest "
                      "quarter fell from a year ago.", date(1989, 11, 2))
    # with no quarter reported before it, the latest quarter is the last one over
    assert [(t[0], t[1]) for t in got] == [("fourth-quarter", "1989-Q4"),
                                           ("the latest quarter", "1989-Q3"),
                                           ("a year ago", "1988")]


def test_lengths_of_time_without_a_frame_word_but_not_ages_rates_or_titles(nlp):
    got = values(nlp, "The rescue crews survived two days on the ice. The board gave them five "
                      "months to draft a plan. The chairman, 52 years old, said the line runs "
                      "24 hours a day, as he told CBS's 60 Minutes.", date(1998, 1, 8))
    assert [(t[0], t[1], t[2]) for t in got] == [
        ("two days", "P2D", "DURATION"), ("five months", "P5M", "DURATION")]


def test_phrases_told_from_a_date_the_article_gave_before(nlp):
    got = values(nlp, "The envoy was named ambassador on May 22, 2015, and the following year "
                      "he moved to Vienna. He returned in June 2018 and resigned later that "
                      "year. In March the talks stalled; the following month they resumed. "
                      "Earlier that day the ministry had called it off, and the next morning "
                      "it was on again.", date(2021, 12, 3))
    assert [(t[0], t[1], t[2]) for t in got] == [
        ("May 22, 2015", "2015-05-22", "DATE"), ("the following year", "2016", "DATE"),
        ("June 2018", "2018-06", "DATE"), ("later that year", "2018", "DATE"),
        ("March", "2021-03", "DATE"), ("the following month", "2021-04", "DATE"),
        # a day needs a day: the months named before do not anchor it, the DCT does
        ("Earlier that day", "2021-12-03", "DATE"),
        ("the next morning", "2021-12-04TMO", "TIME")]


def test_without_an_earlier_date_that_year_is_the_publication_year(nlp):
    got = values(nlp, "Exports rose 4% from the previous year.", date(2021, 12, 3))
    assert [(t[0], t[1]) for t in got] == [("the previous year", "2020")]
    assert values(nlp, "Exports rose 4% from the previous year.", None) == []


def test_spelled_amounts_couples_and_halves_are_one_length_of_time(nlp):
    got = values(nlp, "Rights groups say the abuses have gone on for the past twenty years. "
                      "Prices will stay high for a couple of years, after the fund lost money "
                      "in the past two and a half years. In the past a committee decided it.",
                 date(1998, 3, 5))
    assert [(t[0], t[1], t[2]) for t in got] == [
        ("the past twenty years", "P20Y", "DURATION"), ("a couple of years", "P2Y", "DURATION"),
        ("the past two and a half years", "P2Y6M", "DURATION"), ("the past", "PAST_REF", "DATE")]
    # TimeBank's spans: the frame of a length of time ("the first nine months"), never the
    # preposition of a vague one ("for weeks")
    got = values(nlp, "Profit rose in the first nine months. Talks dragged on for weeks. In "
                      "fiscal 1988, the company earned $17.3 million.", date(1989, 11, 2))
    assert [t[0] for t in got] == ["the first nine months", "weeks", "fiscal 1988"]
    got = values(nlp, "The board met late yesterday to start the 30-day review.",
                 date(1989, 11, 2))
    assert got == [("late yesterday", "1989-11-01", "DATE", "END"),
                   ("30-day", "P30D", "DURATION", None)]


def test_midday_fiscal_years_and_election_day(nlp):
    got = values(nlp, "The suspect will appear before a judge at midday. Sales in the current "
                      "fiscal year will beat last fiscal year's. The race is close with a "
                      "month to go to Election Day.", date(2016, 10, 8))
    assert [(t[0], t[1]) for t in got] == [
        ("midday", "2016-10-08T12:00"), ("current fiscal year", "2016"),
        ("last fiscal year", "2015"),
        # the Tuesday after the first Monday of November
        ("Election Day", "2016-11-08")]


def test_the_last_half_of_a_year_is_its_second_half(nlp):
    got = values(nlp, "Earnings will be lower for the last half of 1989 and in the latter half "
                      "of next year.", date(1989, 10, 26))
    assert [(t[0], t[1]) for t in got] == [("the last half of 1989", "1989-H2"),
                                           ("the latter half of next year", "1990-H2")]


def test_an_offset_from_a_day_named_before_leads_to_that_day(nlp):
    text = ("The drilling rig exploded on April 20 and sank two days later. A day earlier, "
            "inspectors had signed off its blowout valve. The operator met regulators 90 "
            "minutes later, and a minute and a half later the hearing was adjourned. Crews "
            "capped the well in July; two days later the leak slowed. On May 3 the company "
            "said the cost was unknown. " + "Engineers had warned about the cement. " * 16
            + "Three days later the first lawsuits were filed.")
    assert leading(nlp, text, date(2010, 8, 2)) == [
        ("April 20", "2010-04-20", "DATE", None),
        # TIMEX3 keeps the offset a length of time; the day it leads to dates the event
        ("two days", "P2D", "DURATION", "2010-04-22"),
        ("A day earlier", "P1D", "DURATION", "2010-04-19"),
        # minutes and hours keep the day; the half stays in the length
        ("90 minutes", "PT90M", "DURATION", "2010-04-20"),
        ("a minute and a half", "PT1M30S", "DURATION", "2010-04-20"),
        # after a month there is no day to count from
        ("July", "2010-07", "DATE", None),
        ("two days", "P2D", "DURATION", None),
        # a day named many sentences back is not what the narrative counts from
        ("May 3", "2010-05-03", "DATE", None),
        ("Three days", "P3D", "DURATION", None),
    ]


def test_an_offset_without_a_day_to_count_from_is_a_length_of_time_that_leads_nowhere(nlp):
    text = "Two days earlier, the council had voted. The result came a week later."
    # TIMEX3 marks both as durations; with no day named there is no day to lead to, and the
    # publication date is no stand-in ("a week later" than the report has not happened)
    assert leading(nlp, text) == [("Two days earlier", "P2D", "DURATION", None),
                   ("a week", "P1W", "DURATION", None)]


def test_parts_of_nearby_days_and_clock_times_on_them(nlp):
    text = ("Police said last night that two men were held. Their lawyer spoke yesterday "
            "morning, and the court sits tomorrow evening. Polls close at 10pm tonight; the "
            "count starts at 11 PM.")
    assert [(t[0], t[1], t[2]) for t in values(nlp, text)] == [
        ("last night", "2021-12-02TNI", "TIME"),
        ("yesterday morning", "2021-12-02TMO", "TIME"),
        ("tomorrow evening", "2021-12-04TEV", "TIME"),
        # a clock time joins its part of a day, and a sentence's full stop is not "p.m."
        ("10pm tonight", "2021-12-03T22:00", "TIME"),
        ("11 PM", "2021-12-03T23:00", "TIME")]


def test_a_part_of_the_day_the_report_tells_is_on_the_day_it_last_named(nlp):
    text = ("Shares closed unchanged on Wednesday. Dealers placed heavy buy orders in the "
            "morning, but by mid-afternoon prices had slipped. In London at late afternoon "
            "yesterday, the pound was flat. He said so on the morning news show; good evening.")
    assert [(t[0], t[1], t[2], t[3]) for t in values(nlp, text)] == [
        ("Wednesday", "2021-12-01", "DATE", None),
        ("the morning", "2021-12-01TMO", "TIME", None),
        ("mid-afternoon", "2021-12-01TAF", "TIME", "MID"),
        ("late afternoon yesterday", "2021-12-02TAF", "TIME", "END")]
    # with no day named before, or only one long before, the report's own day
    assert values(nlp, "By mid afternoon, officials said the raid was over.")[0][:2] == (
        "mid afternoon", "2021-12-03TAF")
    background = "The well blew out on April 20. " + "Crews worked on. " * 40
    got = values(nlp, background + "Shares fell 5 percent in the morning.")
    assert [(t[0], t[1]) for t in got] == [("April 20", "2021-04-20"),
                                           ("the morning", "2021-12-03TMO")]
    # a trading session is told in any tense; a day given after it is the day
    got = values(nlp, "Shares are up 2% in afternoon trading. At least 33 had died by early "
                      "afternoon on Tuesday.")
    assert [(t[0], t[1]) for t in got] == [("afternoon", "2021-12-03TAF"),
                                           ("Tuesday", "2021-11-30")]
    # a habit, a plan or an opinion names no day
    assert values(nlp, "You feed your family in the evening. In the morning, the president "
                       "will speak. It is tough in the morning for me to watch.") == []


def test_a_clock_time_after_its_day_keeps_its_own_span_but_takes_that_day(nlp):
    text = ("The suspect wrote: call me Sunday night at 8 PM. The blast came at 10:35 a.m. "
            "(0735 GMT) Wednesday. The hearing opened on Tuesday, "
            "at 9:30 a.m. Today the court said a ruling is expected at noon.")
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("Sunday night", "2021-11-28TNI"),
        ("8 PM", "2021-11-28T20:00"),
        # the same time told in another zone stands between the time and its day
        ("10:35 a.m.", "2021-12-01T10:35"),
        ("Wednesday", "2021-12-01"),
        ("Tuesday", "2021-11-30"),
        ("9:30 a.m.", "2021-11-30T09:30"),
        ("Today", "2021-12-03"),
        # a clock time with no day just before it is read on the publication date
        ("noon", "2021-12-03T12:00")]


def test_days_two_away_and_the_night_before_the_report(nlp):
    text = ("The talks began the day before yesterday and end the day after tomorrow. Rockets "
            "hit the city overnight, and more storms will roll in overnight. Officials ruled "
            "out an overnight curfew. Peace will not come overnight.")
    assert [(t[0], t[1], t[2]) for t in values(nlp, text)] == [
        ("the day before yesterday", "2021-12-01", "DATE"),
        ("the day after tomorrow", "2021-12-05", "DATE"),
        ("overnight", "2021-12-02TNI", "TIME"),  # the night before the report
        ("overnight", "2021-12-03TNI", "TIME"),  # a coming night
        # "an overnight curfew" names no night, nor "will not come overnight" (at once)
    ]


def test_overnight_before_a_weekday_is_that_day_s_night(nlp):
    text = ("Rebels shelled the town overnight Tuesday, and a second village overnight on "
            "Monday. The storm will hit overnight Sunday.")
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("overnight Tuesday", "2021-11-30TNI"),  # not the night before the report
        ("overnight on Monday", "2021-11-29TNI"),
        ("overnight Sunday", "2021-12-05TNI"),
    ]


def test_shopping_days_after_thanksgiving_and_a_clock_time_told_in_local_time(nlp):
    text = ("Shares fell on Black Friday. Retailers will offer deals on Cyber Monday. The truce "
            "began at 6 a.m. local time (0300 GMT) on Wednesday, and ended at 9 p.m. local "
            "time Thursday.")
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("Black Friday", "2021-11-26"),  # not the Friday before the report
        ("Cyber Monday", "2022-11-28"),
        ("6 a.m.", "2021-12-01T06:00"),  # the day after the other zone's time
        ("Wednesday", "2021-12-01"),
        ("9 p.m. local time Thursday", "2021-12-02T21:00"),
    ]



@pytest.mark.parametrize("text, expected", [
    # a fixed day, the latest one for a past event
    ("The truck attack on Bastille Day killed 84 people.", ("Bastille Day", "2016-07-14")),
    ("Veterans Day parades will be held across the country.", ("Veterans Day", "2016-11-11")),
    ("Parades on St. Patrick's Day drew crowds.", ("St. Patrick's Day", "2016-03-17")),
    ("The April Fools Day prank fell flat.", ("April Fools Day", "2016-04-01")),
    # the n-th weekday of a month
    ("He spoke on Martin Luther King Jr. Day.", ("Martin Luther King Jr. Day", "2016-01-18")),
    ("Markets were closed for Presidents' Day.", ("Presidents' Day", "2016-02-15")),
    ("He was home for Father's Day.", ("Father's Day", "2016-06-19")),
    ("Wreaths will be laid on Remembrance Sunday.", ("Remembrance Sunday", "2016-11-13")),
    ("Thanksgiving is next week.", ("Thanksgiving", "2016-11-24")),
])
def test_holidays_of_a_fixed_day_and_of_a_weekday_of_their_month(nlp, text, expected):
    assert values(nlp, text, date(2016, 11, 10))[0][:2] == expected


def test_an_event_a_present_clause_names_by_its_holiday_is_the_nearest(nlp):
    text = "The shooting follows upon the heels of the Bastille Day attack in Nice."
    assert values(nlp, text, date(2016, 7, 23))[0][:2] == ("Bastille Day", "2016-07-14")

def test_a_range_is_its_two_ends_and_the_end_follows_the_start(nlp):
    text = ("The summit is set for Dec. 7-8 in Geneva, as it was on Dec. 9-10, 2020. The festival "
            "ran 28-30 June, 2019, as in "
            "1957-58 and in 2009-2010. Rallies are planned from Dec. 30 to Jan. 2, and polls "
            "open between February and March. The phone line is 555-1234.")
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("Dec. 7", "2021-12-07"),
        ("8", "2021-12-08"),  # the bare day that ends a compact range is its own expression
        ("Dec. 9", "2020-12-09"),  # the year after the range is both days'
        ("10, 2020", "2020-12-10"),
        ("28", "2019-06-28"),
        ("30 June, 2019", "2019-06-30"),
        ("1957", "1957"),
        ("58", "1958"),
        ("2009", "2009"),
        ("2010", "2010"),
        ("Dec. 30", "2021-12-30"),
        ("Jan. 2", "2022-01-02"),  # the end comes round into the next year
        ("February", "2022-02"),
        ("March", "2022-03"),  # "March" after a month and "and" is the month, not the verb
    ]


def test_ranges_joined_by_a_word_end_the_phrase(nlp):
    text = ("The summit will meet on Dec. 14 and 15, after talks on Jan. 4 to 6 in Vienna. On "
            "Nov. 12 and 13 people were hurt.")
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("Dec. 14", "2021-12-14"),
        ("15", "2021-12-15"),
        ("Jan. 4", "2022-01-04"),
        ("6", "2022-01-06"),
        # "13 people" is a count, not the end of a range
        ("Nov. 12", "2021-11-12")]


@pytest.mark.parametrize("text, expected", [
    # a past spelt like the base, tagged present although its subject takes an -s
    ("A surge in bond yields hurt the market on Tuesday.", ("Tuesday", "2021-11-30")),
    # a modal with "have" looks back
    ("The storm may have been responsible for a drop in sales on Wednesday.",
     ("Wednesday", "2021-12-01")),
    # a present perfect in progress looks back ("April 20" is nearer ahead than behind)
    ("Police have been searching for the driver since the April 20 crash.",
     ("April 20", "2021-04-20")),
])
def test_clauses_about_the_past_that_do_not_look_past(nlp, text, expected):
    assert values(nlp, text)[0][:2] == expected


def test_edges_of_months_decades_old_years_and_hours_of_the_morning(nlp):
    text = ("The vote was planned for early March. Prices soared in the late 1980s and early "
            "1990s. The town was founded in 1848. The ferry leaves at 4 in the morning "
            "(4 a.m. EST Sunday). The club has 1848 members.")
    assert [(t[0], t[1], t[3]) for t in values(nlp, text)] == [
        ("early March", "2022-03", "START"),  # "March" with "early" is the month
        ("the late 1980s", "198", "END"),
        ("early 1990s", "199", "START"),
        ("1848", "1848", None),  # a year before 1900 where a time word and the parser agree
        # the same time told with its day in brackets gives it that day
        ("4 in the morning", "2021-12-05T04:00", None),
        ("4 a.m. EST Sunday", "2021-12-05T04:00", None)]


def test_hours_of_the_part_of_the_day_in_words_or_with_minutes(nlp):
    text = ("It was six in the morning when the shelling began. Talks resumed at ten o'clock "
            "in the evening; by 2:28 in the afternoon the square was empty. He took the one "
            "in the evening.")
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("six in the morning", "2021-12-03T06:00"),
        ("ten o'clock in the evening", "2021-12-03T22:00"),
        ("2:28 in the afternoon", "2021-12-03T14:28"),
        ("the evening", "2021-12-03TEV")]  # "the one": a thing, not one o'clock


def test_numeric_dates_in_either_order_settled_by_the_publication_date(nlp):
    text = ("The ministry signed the deal on 12/02/2021 and the treaty of 25/11/2021. The "
            "attacks of 9/11/2001 changed the city; its mayor, born 06/26/59, spoke on 3/9/11. "
            "The line runs 24/7/365 and takes 1/2 of the budget.")
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("12/02/2021", "2021-12-02"),  # Dec. 2, near the report, not Feb. 12
        ("25/11/2021", "2021-11-25"),  # only one order is a date
        ("9/11/2001", "2001-09-11"),  # neither near: month first, as American wires write it
        ("06/26/59", "1959-06-26"),  # a two-digit year in the 80 years before the report
        ("3/9/11", "2011-03-09")]
    # and near a March publication date, the same figures are March
    assert values(nlp, "The deal was signed on 12/03/2021.", date(2021, 3, 20))[0][1] == "2021-03-12"


def test_every_month_or_season_is_a_set(nlp):
    text = "The band marches each July, and every winter the pass closes."
    assert [(t[0], t[1], t[2]) for t in values(nlp, text)] == [
        ("each July", "XXXX-07", "SET"), ("every winter", "XXXX-WI", "SET")]


def test_the_year_is_the_year_of_the_report(nlp):
    text = ("Sales for the full year rose, and output will stay low for the rest of the year. "
            "It fell in the first half of the year. She was named Player of the Year; the year "
            "before, prices fell; the year ended June 30 was hard.")
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("the full year", "2021"), ("the year", "2021"), ("the first half of the year", "2021-H1"),
        # an award's name and "the year before" name no year; the year of results is a length
        ("the year", "P1Y"), ("June 30", "2021-06-30")]


def test_a_day_counted_in_the_present_is_the_day_of_the_report(nlp):
    text = ("It is the third day of the strike, and protesters are back for a fifth straight "
            "day. On the second day of talks, they agreed. He will act on his first day in "
            "office.")
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("the third day", "2021-12-03"), ("a fifth straight day", "2021-12-03")]


def test_current_is_the_present_but_not_a_kind_of_account(nlp):
    text = ("The current weakness in the market hurt sales. The current account deficit grew. "
            "Holders may buy shares at the then-current price. The current swept him away.")
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("current", "PRESENT_REF"), ("then-current", "PAST_REF")]


def test_year_end_after_a_preposition_is_the_end_of_a_year(nlp):
    text = ("The deal should close by year-end. Shares are up 5% since year-end. A year-end "
            "bonus was paid.")
    assert [(t[0], t[1], t[3]) for t in values(nlp, text, date(1989, 11, 2))] == [
        ("year-end", "1989", "END"), ("year-end", "1988", "END")]


def test_a_rate_after_an_amount_is_part_of_the_figure_not_a_time(nlp):
    text = ("Revenue should rise 8.5% annually, and the plant would produce 10,000 units "
            "annually. The festival is held here annually, and talks now take place weekly. "
            "The airline runs 24 daily flights.")
    assert [(t[0], t[1], t[2]) for t in values(nlp, text)] == [
        ("annually", "P1Y", "SET"), ("now", "PRESENT_REF", "DATE"), ("weekly", "P1W", "SET"),
        ("daily", "P1D", "SET")]


def test_an_ordinal_counted_within_a_span_makes_it_a_length_of_time(nlp):
    text = ("His second letter to the minister in two weeks was published on Tuesday. It was "
            "the third bombing in a month.")
    assert [(t[0], t[1], t[2]) for t in values(nlp, text)] == [
        ("two weeks", "P2W", "DURATION"), ("Tuesday", "2021-11-30", "DATE"),
        ("a month", "P1M", "DURATION")]
    # a verb between them: the span says when
    assert values(nlp, "The second round of talks will be held in two weeks.")[0][:3] == (
        "in two weeks", "2021-W50", "DATE")


def test_a_second_before_its_noun_is_an_ordinal_not_a_length_of_time(nlp):
    text = "The court ruled for a second time. He paused for a second before answering."
    assert [(t[0], t[1]) for t in values(nlp, text)] == [("a second", "PT1S")]


def test_a_paper_named_by_how_often_it_comes_out_is_no_recurring_time(nlp):
    text = ("The Daily Mail and the Communist Party daily Granma ran the story, and the "
            "Kommersant daily reported that flights would run daily.")
    assert [(t[0], t[1], t[2]) for t in values(nlp, text)] == [("daily", "P1D", "SET")]


def test_in_a_span_in_a_clause_about_the_past_is_how_long_it_took(nlp):
    text = "Shares have lost 20% in two weeks. The company will report results in a month."
    assert [(t[0], t[1], t[2]) for t in values(nlp, text)] == [
        ("two weeks", "P2W", "DURATION"), ("in a month", "2022-01", "DATE")]


@pytest.mark.parametrize("text, expected", [
    ("Crews worked through this past weekend.", ("this past weekend", "2021-W47-WE")),
    ("The vote was held this past Tuesday.", ("this past Tuesday", "2021-11-30")),
    ("The port opens this coming Sunday.", ("this coming Sunday", "2021-12-05")),
    ("The farm was sold this past spring.", ("this past spring", "2021-SP")),
    ("The ferry returns this coming summer.", ("this coming summer", "2022-SU")),
])
def test_this_past_and_this_coming_are_the_last_and_the_next(nlp, text, expected):
    assert values(nlp, text)[0][:2] == expected


def test_late_or_early_on_a_weekday_is_its_end_or_start(nlp):
    assert values(nlp, "The talks ended late on Wednesday.") == [
        ("Wednesday", "2021-12-01", "DATE", "END")]
    assert values(nlp, "Fighting has gone on since early Tuesday.") == [
        ("Tuesday", "2021-11-30", "DATE", "START")]
    assert values(nlp, "The blast happened on Wednesday.") == [
        ("Wednesday", "2021-12-01", "DATE", None)]


def test_the_year_to_a_month_is_a_year_long_ending_then(nlp):
    may = date(2022, 5, 20)
    assert values(nlp, "Inflation rose 5.4% in the year to March, the statistics office said.",
                  may) == [("the year", "P1Y", "DURATION", None), ("March", "2022-03", "DATE", None)]
    assert values(nlp, "Sales rose 3% in the year.", may) == [("the year", "2022", "DATE", None)]
    # a verb spelt like a month is no month
    assert values(nlp, "Supporters plan to March on the capital.", may) == []


def test_a_live_pages_entry_is_read_from_its_stamps_day(nlp):
    # first published on Friday, newest entry first, it ran into the weekend: an entry stamped
    # Sunday that tells of "Saturday" means the day before, not a week before the page began,
    # and the entry before midnight is Saturday's ("yesterday" is Friday)
    page = ("(Update 1:10 a.m. Sunday in Velm, 6:10 p.m. ET Saturday) Crews said the dam broke "
            "on Saturday. (Update 11:40 p.m. in Velm, 4:40 p.m. ET) The mayor said yesterday "
            "that the roads were shut. (Update 9:05 a.m. in Velm, 2:05 a.m. ET) Ferries stayed "
            "in port. (Update 8:15 a.m. in Velm, 1:15 a.m. ET) Boats were readied. (Updates "
            "with Monday's vote) Voters met Monday.")
    got = [g[:2] for g in values(nlp, page)]
    assert ("Saturday", "2021-12-04") in got
    assert ("yesterday", "2021-12-03") in got
    # a wire's note naming a day is no stamp: the text after it stays on Saturday
    assert ("Monday", "2021-11-29") in got
    # a page dated by its latest entry: the stamp's day is the nearest such day, before it
    latest = ("(Update 6:20 a.m. Wednesday in Velm, 1:20 a.m. ET) Crews said the dam broke on "
              "Thursday.")
    assert ("Thursday", "2021-11-25") in [g[:2] for g in values(nlp, latest)]
    # no stamp: the page's date
    assert ("yesterday", "2021-12-02") in [g[:2] for g in values(nlp, "He left yesterday.")]


def test_wire_times_in_universal_time_carry_its_zone(nlp):
    text = ("The storm made landfall at 18.45 GMT. Talks began at 10 a.m. local time (0700 "
            "GMT) and broke off at 14:30 UTC. Polls close at 22.00 BST. Troops crossed the "
            "border at 0430 GMT on Tuesday.")
    assert [(t[0], t[1], t[2]) for t in values(nlp, text)] == [
        ("18.45 GMT", "2021-12-03T18:45Z", "TIME"),
        # the same time told again in brackets is no expression of its own
        ("10 a.m.", "2021-12-03T10:00", "TIME"),
        ("14:30 UTC", "2021-12-03T14:30Z", "TIME"),
        ("22.00 BST", "2021-12-03T22:00", "TIME"),  # British summer time is no universal time
        ("0430 GMT on Tuesday", "2021-11-30T04:30Z", "TIME")]


def test_unknown_numbers_of_decades_runs_of_days_and_names_with_years(nlp):
    text = ("The decades-long feud ended after years-long talks. For decades the mill was shut. "
            "Shares fell for six straight days and for three consecutive weeks. The Russell 2000 "
            "index fell and the office still runs Windows 2000. About a quarter, of the staff "
            "left in 2020.")
    assert [(t[0], t[1], t[2]) for t in values(nlp, text)] == [
        ("decades-long", "PXY", "DURATION"),  # decades are told in years, as "two decades" is
        ("years-long", "PXY", "DURATION"),
        ("decades", "PXY", "DURATION"),
        ("six straight days", "P6D", "DURATION"),
        ("three consecutive weeks", "P3W", "DURATION"),
        ("2020", "2020", "DATE")]  # "Russell 2000", "Windows 2000": names; a quarter of them


def test_a_decimal_amount_of_time_keeps_its_decimal(nlp):
    text = "He ran the race in 9.58 seconds. The works took 1.5 years and cost 2.5 decades of rent."
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("9.58 seconds", "PT9.58S"), ("1.5 years", "P1.5Y"), ("2.5 decades", "P25Y")]


def test_a_holiday_with_its_year_is_that_year_s_and_a_resolution_number_no_year(nlp):
    text = ("They met on Valentine's Day 2010 and married at Easter 1916's centenary, on "
            "Christmas Eve, 2015. The council passed Resolution 1973 on Thursday. Police "
            "changed tactics after the 2015 New Year's Eve assaults.")
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("Valentine's Day 2010", "2010-02-14"), ("Easter 1916", "1916-04-23"),
        ("Christmas Eve, 2015", "2015-12-24"), ("Thursday", "2021-12-02"),
        ("2015 New Year's Eve", "2015-12-31")]


def test_months_with_their_year_however_written_and_decades_without_their_century(nlp):
    text = ("The deputy was killed in June, 2005 and the girl in Oct. 2011. The carmaker rid "
            "Detroit of the boxy cars of the 70s and 80s, and she starred in musicals of the "
            "1940s and '50s. He is in his 70s, they in their 40s and 50s; highs were in the 70s "
            "and 80s.")
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("June, 2005", "2005-06"), ("Oct. 2011", "2011-10"), ("the 70s", "197"),
        ("80s", "198"), ("the 1940s", "194"), ("'50s", "195")]  # an age, a temperature: none


def test_a_shared_unit_a_unit_long_and_some_later_date(nlp):
    text = ("The process would take between 60 and 90 days. Terms range from three to five "
            "years. After a weeklong manhunt and a day-long meeting, the rest was left to a "
            "later date.")
    assert [(t[0], t[1], t[2]) for t in values(nlp, text)] == [
        ("60", "P60D", "DURATION"), ("90 days", "P90D", "DURATION"),
        ("three", "P3Y", "DURATION"), ("five years", "P5Y", "DURATION"),
        ("weeklong", "P1W", "DURATION"), ("a day-long", "P1D", "DURATION"),
        ("a later date", "FUTURE_REF", "DATE")]


def test_a_clock_hour_past_twelve_is_no_time_and_could_not_looks_back(nlp):
    # "8. 40am": a time split by a stray space is not read as "40am"
    text = ("Police were called at 8. 40am on Saturday. His lawyer could not be reached for "
            "comment Wednesday. The vote could come Wednesday.")
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("Saturday", "2021-11-27"), ("Wednesday", "2021-12-01"), ("Wednesday", "2021-12-08")]


def test_a_single_day_and_the_long_or_short_term(nlp):
    text = ("It was the worst single-day fall, and it came in a single day. Holders were told to "
            "stay for the long term, not the short term, whatever the long-term costs.")
    assert [(t[0], t[1], t[2]) for t in values(nlp, text)] == [
        ("single-day", "P1D", "DURATION"), ("a single day", "P1D", "DURATION"),
        ("the long term", "FUTURE_REF", "DATE"), ("the short term", "FUTURE_REF", "DATE")]


def test_an_unknown_number_of_hours_or_minutes_is_vague_as_one_of_days(nlp):
    text = "Rescuers dug for hours. Within minutes the roof fell, and in the past few hours it rained."
    assert [(t[0], t[1]) for t in values(nlp, text)] == [
        ("hours", "PTXH"), ("minutes", "PTXM"), ("the past few hours", "PTXH")]


def test_a_monday_report_of_the_weekend_is_the_one_just_over(nlp):
    monday = date(2013, 9, 16)
    text = ("He is the second climber to die in the park at the weekend. Another climb will be "
            "held at the weekend.")
    assert [(t[0], t[1]) for t in values(nlp, text, monday)] == [
        ("the weekend", "2013-W37-WE"), ("the weekend", "2013-W38-WE")]
    wednesday = date(2013, 9, 18)
    text = "The festival opens at the weekend."
    assert values(nlp, text, wednesday)[0][1] == "2013-W38-WE"


def test_the_final_quarter_of_a_year_and_a_couple_hours(nlp):
    text = ("Ford made a profit in the final quarter of 2009 and in the last quarter of last "
            "year, but the team lost the last quarter of the game. The meeting took a couple "
            "hours.")
    assert [(t[0], t[1], t[2]) for t in values(nlp, text, date(2011, 1, 28))] == [
        ("the final quarter of 2009", "2009-Q4", "DATE"),
        ("the last quarter of last year", "2010-Q4", "DATE"),
        ("a couple hours", "PT2H", "DURATION")]


def test_a_trading_day_is_the_day_the_report_is_about(nlp):
    saturday = date(2009, 4, 4)
    text = ("On Friday the Dow posted a modest gain, ending the day at 8,017. For the day, the "
            "Nikkei closed down 2 percent, and the FTSE closed the day higher. Investors waited "
            "for the day of the vote; traders start the day with the news.")
    assert [(t[0], t[1]) for t in values(nlp, text, saturday)] == [
        ("Friday", "2009-04-03"), ("the day", "2009-04-03"), ("the day", "2009-04-03"),
        ("the day", "2009-04-03")]


def test_a_clock_time_is_on_the_day_its_sentence_or_a_past_narrative_named(nlp):
    text = ("The jet made its first flight Tuesday in Everett, Washington at 18:00 UTC. It "
            "landed at 9 p.m. The next test flight will leave at 10 a.m.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2009, 12, 16))] == [
        ("Tuesday", "2009-12-15"), ("18:00 UTC", "2009-12-15T18:00Z"),
        ("9 p.m.", "2009-12-15T21:00"),  # the flight told goes on, on its day
        ("10 a.m.", "2009-12-16T10:00")]  # what is to come is not on the day told
    text = ("Fireworks lit up the bay on Dec. 31 as crowds gathered. Two men were hurt when "
            "the barge caught fire at around 9 p.m. local time, police said.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2018, 1, 1))] == [
        ("Dec. 31", "2017-12-31"), ("9 p.m.", "2017-12-31T21:00")]
    # a day named further back is a wire story's background, not the clock time's day
    text = ("Western countries have tightened sanctions, and on Monday Jordan's king became "
            "the first Arab head of state to urge Assad to quit. In the early months of the "
            "uprising, attempts by security forces to crush mainly peaceful protests accounted "
            "for most of the violence, but since then there have been growing reports of army "
            "defectors fighting back. Activists said fighters fired rockets at an intelligence "
            "complex on the edge of the capital at about 2:30 a.m.")
    assert values(nlp, text, date(2011, 11, 16))[-1][:2] == ("2:30 a.m.", "2011-11-16T02:30")


def test_recent_before_its_noun_is_the_past_but_not_the_most_recent_model(nlp):
    text = ("Analysts blame recent losses on fears of a recession, and the recent sale of the "
            "unit helped. The firm showed its most recent phone model.")
    assert [(t[0], t[1], t[2]) for t in values(nlp, text)] == [
        ("recent", "PAST_REF", "DATE"), ("recent", "PAST_REF", "DATE")]


def test_a_run_of_quarters_and_the_entire_year_of_the_year_named(nlp):
    text = ("Japan entered a recession after posting two consecutive quarters of negative "
            "growth. GM lost $2 billion in the fourth quarter of 2005 and $8.6 billion for the "
            "entire year. Sales for the whole year will rise.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2006, 1, 27))] == [
        ("two consecutive quarters", "P2Q"), ("the fourth quarter of 2005", "2005-Q4"),
        ("the entire year", "2005"), ("the whole year", "2006")]


def test_a_day_after_having_is_in_the_past(nlp):
    text = ("Lohan is now at a rehab centre, having checked out of the Betty Ford Centre on "
            "Thursday.")
    assert values(nlp, text, date(2013, 6, 14))[1][:2] == ("Thursday", "2013-06-13")


def test_half_a_unit_every_other_week_and_the_past_weekend(nlp):
    text = ("Rescuers worked for half an hour on a half-day shift, and oil stayed near 2-1/2 "
            "year highs after three-and-a-half years of talks. He visits every other week. "
            "Over the past weekend, the past century's records fell.")
    assert [(t[0], t[1], t[2]) for t in values(nlp, text, date(2013, 3, 22))] == [
        ("half an hour", "PT30M", "DURATION"), ("half-day", "PT12H", "DURATION"),
        ("2-1/2 year", "P2Y6M", "DURATION"), ("three-and-a-half years", "P3Y6M", "DURATION"),
        ("every other week", "P2W", "SET"), ("past weekend", "2013-W11-WE", "DATE")]


def test_a_weekday_in_a_paper_or_a_remembered_day_and_a_season_before_its_noun(nlp):
    text = ("He told the Sunday Times and the Mail on Sunday that Bloody Sunday still haunts "
            "the city. Another winter storm hit, and the talks will resume on Sunday. Pilgrims "
            "will gather on Palm Sunday; in spring sales rose. He won big on Super Tuesday, "
            "the late Mayor said.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2013, 3, 22))] == [
        ("Sunday", "2013-03-24"), ("Palm Sunday", "2013-03-24"), ("spring", "2013-SP")]


def test_a_clock_on_a_weekday_and_its_date_is_one_day(nlp):
    text = "The page was last updated at 11.29 GMT on Monday 18 March 2013."
    assert values(nlp, text, date(2013, 3, 22))[0][:2] == (
        "11.29 GMT on Monday 18 March 2013", "2013-03-18T11:29Z")


def test_than_expected_is_a_comparison_not_a_plan(nlp):
    text = ("Banks extended fewer loans than expected in May, after better-than-expected "
            "January sales. The firm expects to hire in May.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2011, 6, 13))] == [
        ("May", "2011-05"), ("January", "2011-01"), ("May", "2012-05")]


def test_a_range_start_takes_the_year_of_its_end_and_a_holiday_without_tense_the_nearest(nlp):
    text = ("He sent the papers between April 16 and May 28 2004, and snow lay from December "
            "to March 2013. Hotel bookings over Memorial Day. Sales rose from May to July last "
            "year.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2010, 6, 3))] == [
        ("April 16", "2004-04-16"), ("May 28 2004", "2004-05-28"), ("December", "2012-12"),
        ("March 2013", "2013-03"), ("Memorial Day", "2010-05-31"), ("May", "2009-05"),
        ("July last year", "2009-07")]


def test_a_month_as_far_back_as_ahead_is_the_one_before(nlp):
    text = "Timeline: February 17 - Activists call a day of rage."
    assert values(nlp, text, date(2011, 8, 24))[0][:2] == ("February 17", "2011-02-17")


def test_for_a_second_straight_day_is_the_day_of_the_report(nlp):
    text = ("Trading has been suspended for a second consecutive day. Stocks fell for the third "
            "straight day. On the second day of talks, he left.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2008, 9, 17))] == [
        ("a second consecutive day", "2008-09-17"), ("the third straight day", "2008-09-17")]


def test_a_unit_without_a_number_before_later_or_ago_is_some_of_them(nlp):
    text = ("She returned minutes later, and the firm, which just months ago was bleeding, "
            "recovered days after the vote. In the first days after the vote, two days after "
            "the count, it rose.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2010, 9, 11))] == [
        ("minutes", "PTXM"), ("months", "PXM"), ("days", "PXD"), ("two days", "P2D")]


def test_a_plan_told_in_the_past_is_the_nearer_day_and_reported_it_looks_ahead(nlp):
    # A Sunday report: the board's Monday is tomorrow; a Thursday report: the test's Tuesday
    # was two days before
    text = ("The board was to meet on Monday. The Arab League was due to meet in Cairo on "
            "Monday. More flights were to be arranged for Monday.")
    assert [t[1] for t in values(nlp, text, date(2010, 6, 13))] == ["2010-06-14"] * 3
    text = ("The crucial testing phase of the cap was due to begin on Tuesday. The ferry was "
            "slated to arrive on Friday.")
    assert [t[1] for t in values(nlp, text, date(2010, 7, 15))] == ["2010-07-13", "2010-07-16"]
    text = "Officials said the capital was likely to resume normal activities on Thursday."
    assert values(nlp, text, date(2009, 5, 3))[0][1] == "2009-05-07"
    text = "The offer had been due to expire Friday evening."
    assert values(nlp, text, date(1989, 10, 30))[0][1] == "1989-10-27TEV"


def test_due_to_and_pencilled_in_for_look_ahead(nlp):
    text = ("A trial hearing was penciled in for October, and he is due to enter his plea in "
            "September.")
    assert [t[1] for t in values(nlp, text, date(2013, 6, 12))] == ["2013-10", "2013-09"]


def test_a_weekday_coordinated_with_a_coming_one_comes_after_it(nlp):
    text = ("A tent was scheduled to shelter partiers Friday and Saturday. He will speak on "
            "Tuesday and Wednesday.")
    assert [t[1] for t in values(nlp, text, date(2011, 2, 1))][:2] == ["2011-02-04", "2011-02-05"]
    assert [t[1] for t in values(nlp, text, date(2011, 2, 2))][2:] == ["2011-02-08", "2011-02-09"]
    past = "Statements made Friday and Thursday were released."
    assert [t[1] for t in values(nlp, past, date(1998, 2, 6))] == ["1998-02-06", "1998-02-05"]


def test_since_names_a_time_that_has_been(nlp):
    text = ("The tour has taken her to China since March. The region got good news since the "
            "April 20 explosion on the rig.")
    assert [t[1] for t in values(nlp, text, date(2011, 2, 11))] == ["2010-03", "2010-04-20"]


def test_names_and_verbs_are_no_times(nlp):
    text = ("Coming soon is the Future Combat System. The well could yet spring a surprise. "
            "Supporters used Sunday talk shows to debate President Obama 's policy on Sunday , "
            "the day before he addresses the nation. Today the president spoke.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2011, 3, 29))] == [
        ("Sunday", "2011-03-27"), ("Sunday", "2011-03-27"), ("Today", "2011-03-29")]
    for name in ("You will find more truth on RT ``Russia Today'' than in our media.",
                 "According to USA Today, sales rose.", "She told USA TODAY she was fine.",
                 "He said on NBC's Today show that he would run.",
                 "He told the BBC's Today programme that talks had failed.",
                 "April Mellody, a spokeswoman for the party, declined to comment.",
                 "He sold the unit to 21st Century Fox."):
        assert values(nlp, name, date(2011, 3, 29)) == []


def test_old_years_with_a_month_and_plural_units_before_long(nlp):
    text = ("The declaration was signed on July 4, 1776; the Bastille fell on 14 July 1789; "
            "Johnson was born in September 1709. A decades-long alliance and a years-long feud "
            "ended after a week-long trip.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2011, 2, 11))] == [
        ("July 4, 1776", "1776-07-04"), ("14 July 1789", "1789-07-14"),
        ("September 1709", "1709-09"), ("decades-long", "PXY"), ("years-long", "PXY"),
        ("a week-long", "P1W")]


def test_a_tokenised_possessive_weekday_has_been(nlp):
    text = "Efforts are intensifying to help the survivors of Tuesday 's earthquake in Haiti ."
    assert values(nlp, text, date(2010, 1, 14))[0][1] == "2010-01-12"


def test_a_half_of_a_week_or_month_is_a_decimal_and_a_nights_possessive_has_been(nlp):
    text = ("Protests lasted two-and-a-half weeks and 2 1/2 months. The sheen is residual oil "
            "from Tuesday night's explosion.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2010, 4, 23))] == [
        ("two-and-a-half weeks", "P2.5W"), ("2 1/2 months", "P2.5M"),
        ("Tuesday night", "2010-04-20TNI")]


def test_coordinated_months_take_the_year_of_the_last(nlp):
    text = ("Sales fell in March and April 2009. Talks were held in March, April and May 2010, "
            "and he visited in May or June last year.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2011, 2, 11))] == [
        ("March", "2009-03"), ("April 2009", "2009-04"), ("March", "2010-03"),
        ("April", "2010-04"), ("May 2010", "2010-05"), ("May", "2010-05"),
        ("June last year", "2010-06")]


def test_a_statement_told_in_the_present_has_been_made(nlp):
    text = ("Adm. Thad Allen says Monday afternoon that the leaks are small. Obama tells Fox News "
            "on Sunday that he is calm. Officials say talks will resume on Friday.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2010, 7, 21))] == [
        ("Monday afternoon", "2010-07-19TAF"), ("Sunday", "2010-07-18"), ("Friday", "2010-07-23")]


def test_a_holiday_with_last_year_and_a_surname_and_a_date_with_its_year_unspaced(nlp):
    text = ("He was killed on Easter Day last year. Nick Easter scored twice. Romney was governor "
            "from Jan 2,2003 to Jan 4,2007.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2005, 10, 26))] == [
        ("Easter Day last year", "2004-04-11"), ("Jan 2,2003", "2003-01-02"),
        ("Jan 4,2007", "2007-01-04")]


def test_the_end_of_the_coming_month_is_coming_unless_since(nlp):
    text = ("The government has extended the deadline on filing tax returns by a month to the "
            "end of May. Prices have risen since the end of May.")
    assert [(t[0], t[1]) for t in values(nlp, text, date(2009, 4, 25))] == [
        ("the end of May", "2009-05"), ("the end of May", "2008-05")]


def test_last_and_the_name_of_the_month_just_gone_is_the_year_befores(nlp):
    march = date(2012, 3, 1)
    # the month just gone is "last month"; named with "last" it is the year before's
    assert values(nlp, "Protests began last February.", march)[0][1] == "2011-02"
    assert values(nlp, "Protests began last January.", march)[0][1] == "2012-01"
    assert values(nlp, "Protests began last March.", march)[0][1] == "2011-03"


def test_can_looks_ahead_with_a_deed_and_by_follows_the_verb_an_infinitive_hangs_on(nlp):
    january = date(2016, 1, 19)
    # "can" with a deed looks ahead; with "be" it tells what something is like
    got = values(nlp, "Voters want a nominee who can win in November.", january)
    assert got[0][:2] == ("November", "2016-11")
    got = values(nlp, "Delegates can meet them on Friday.", january)
    assert got[0][:2] == ("Friday", "2016-01-22")
    got = values(nlp, "New Year's Eve in Cologne can be a raucous affair.", date(2016, 1, 6))
    assert got[0][:2] == ("New Year's Eve", "2015-12-31")
    text = "The arrests after the attacks in September can be explained by poor intelligence."
    assert values(nlp, text, date(2005, 1, 21))[0][:2] == ("September", "2004-09")
    # "by" under an infinitive whose verb is told from further back looks back
    text = "The PACs had raised $38 million to boost his candidacy by the end of June."
    assert values(nlp, text, date(2015, 11, 20))[0][:2] == ("the end of June", "2015-06")
    text = "The PACs plan to raise $38 million by the end of June."
    assert values(nlp, text, date(2015, 11, 20))[0][:2] == ("the end of June", "2016-06")


def test_a_plural_noun_read_as_a_present_verb_does_not_tell_the_tense(nlp):
    # the small model tags "remarks" as a present verb with no subject of its own
    text = ("Clinton did not revisit her Wall Street remarks in an address to central Iowa "
            "Democrats on Sunday, where she was accompanied by Bill Clinton.")
    assert values(nlp, text, date(2015, 11, 16))[0][:2] == ("Sunday", "2015-11-15")
    text = "The senator says he remains confident and meets donors on Sunday."
    assert values(nlp, text, date(2015, 11, 16))[0][:2] == ("Sunday", "2015-11-22")


def test_a_deed_still_to_come_in_a_present_clause_looks_ahead(nlp):
    february = date(2016, 2, 29)
    # a gerund or an infinitive under a present verb is a deed not yet done
    text = "The heist is key to scoring a White House win in November."
    assert values(nlp, text, february)[0][:2] == ("November", "2016-11")
    text = "He prizes electability and reclaiming the White House in November."
    assert values(nlp, text, february)[0][:2] == ("November", "2016-11")
    # not a gerund after a verb's preposition, nor one that is a preposition, nor an
    # infinitive: a chronology told in the present
    text = "8 May: Giant metal dome fails to cap leak in June. Officials are still working."
    assert values(nlp, text, date(2010, 9, 8))[1][:2] == ("June", "2010-06")
    text = "The ship is suspected of transferring oil to a North Korean vessel on Oct. 19."
    assert values(nlp, text, date(2017, 12, 29))[0][:2] == ("Oct. 19", "2017-10-19")
    text = "He is more popular, according to a poll in February."
    assert values(nlp, text, date(2016, 5, 18))[0][:2] == ("February", "2016-02")
    text = "He is the second climber to die in the park in November."
    assert values(nlp, text, february)[0][:2] == ("November", "2015-11")
    # nor a participle: a photo caption's jet, protests that began
    text = ("A rebel flashes the sign as he looks at a jet flying overhead at a checkpoint on "
            "March 7.")
    assert values(nlp, text, date(2011, 7, 20))[0][:2] == ("March 7", "2011-03-07")


def test_a_possessive_weekday_under_a_coming_deed_is_the_nearest(nlp):
    friday = date(2016, 9, 23)
    # a future or an expectation with a possessive day names an event still ahead
    text = "The senator will probably use Monday's debate to make news."
    assert values(nlp, text, friday)[0][:2] == ("Monday", "2016-09-26")
    text = "Most voters expect the governor to win Tuesday's primary."
    assert values(nlp, text, date(2016, 2, 8))[0][:2] == ("Tuesday", "2016-02-09")
    # the nearest, not always the next: a past event can take a future verb
    text = "Monday's shooting will be investigated by the state police."
    assert values(nlp, text, date(2016, 9, 21))[0][:2] == ("Monday", "2016-09-19")
    # in a past or present clause a possessive day has been, as before
    text = "The senator used Monday's debate to make news."
    assert values(nlp, text, friday)[0][:2] == ("Monday", "2016-09-19")


def test_as_of_a_weekday_is_the_nearest_and_a_subjectless_present_is_a_noun(nlp):
    thursday = date(2016, 11, 3)
    text = "With four days of campaigning left as of Friday, both are making appeals."
    assert values(nlp, text, thursday)[1][:2] == ("Friday", "2016-11-04")
    text = "The deadline is 28 days away as of Tuesday."
    assert values(nlp, text, date(2016, 10, 12))[1][:2] == ("Tuesday", "2016-10-11")
    text = "As of Tuesday, the groups had spent $20 million."
    assert values(nlp, text, thursday)[0][:2] == ("Tuesday", "2016-11-01")
    # in a past clause the day is the one gone, though the next is nearer
    text = "At least 550 skimmers were at work as of Friday, the responders said."
    assert values(nlp, text, date(2010, 7, 6))[0][:2] == ("Friday", "2010-07-02")
    # the small model reads "show" as a present verb with no subject of its own
    text = ("The aide appeared on Baker’s CNN show later Wednesday and defended him, saying he "
            "meant no harm.")
    assert values(nlp, text, thursday)[0][:2] == ("Wednesday", "2016-11-02")


def test_the_end_of_a_range_follows_the_start_as_its_own_clause_reads_it(nlp):
    november = date(2016, 11, 1)
    # "until" alone looks ahead, but the end of a range comes after its start as read
    text = "Manafort, who was the campaign chairman from June until August, was investigated."
    assert [v[:2] for v in values(nlp, text, november)] == [("June", "2016-06"),
                                                            ("August", "2016-08")]
    text = "Prices will rise from June until August."
    assert [v[:2] for v in values(nlp, text, november)] == [("June", "2017-06"),
                                                            ("August", "2017-08")]


def test_a_possessive_day_belongs_to_its_noun_and_a_complement_participle_to_its_verb(nlp):
    friday = date(2016, 2, 19)
    # the day is the subject's, not the time of the verb just before it
    text = "She is hoping Saturday's caucuses will set her on a clear path."
    assert values(nlp, text, friday)[0][:2] == ("Saturday", "2016-02-20")
    # "known" completes "make": the future of "will have" tells the time
    text = "Florida Republicans will have a chance to make their voice known on Tuesday."
    assert values(nlp, text, date(2016, 3, 10))[0][:2] == ("Tuesday", "2016-03-15")
    text = "They had the wall painted on Monday."
    assert values(nlp, text, date(2016, 3, 10))[0][:2] == ("Monday", "2016-03-07")


def test_the_object_of_an_aftermath_verb_is_a_deed_done(nlp):
    wednesday = date(2019, 11, 20)
    # "follows" is a present, but what it follows is over: the Monday gone, not the next
    text = "The move follows a report on Monday that the company would cut 4,000 jobs."
    assert values(nlp, text, wednesday)[0][:2] == ("Monday", "2019-11-18")
    text = "Her appearance follows the testimony Tuesday of four diplomats."
    assert values(nlp, text, wednesday)[0][:2] == ("Tuesday", "2019-11-19")
    # the day gone even where the coming one is nearer
    text = "Leaders condemn the attack on Sunday that killed 12 people."
    assert values(nlp, text, date(2019, 11, 21))[0][:2] == ("Sunday", "2019-11-17")
    # a day on the verb itself still looks ahead
    text = "The hearing will follow the vote on Friday."
    assert values(nlp, text, wednesday)[0][:2] == ("Friday", "2019-11-22")


def test_this_weekend_in_a_past_clause_told_on_a_weekday_is_the_one_gone(nlp):
    monday = date(2019, 11, 18)
    text = "Soldiers cleared barricades in the city this weekend."
    assert values(nlp, text, monday)[0][:2] == ("this weekend", "2019-W46-WE")
    text = "The film opens in cinemas this weekend."
    assert values(nlp, text, monday)[0][:2] == ("this weekend", "2019-W47-WE")
    # from Thursday a past verb more often reports a plan for the coming weekend
    text = "The official said the crews would finish the work by this weekend."
    assert values(nlp, text, date(2019, 11, 21))[0][:2] == ("this weekend", "2019-W47-WE")


def test_may_as_a_surname_is_neither_a_month_nor_the_modal(nlp):
    wednesday = date(2019, 1, 16)
    # the parser hangs "May" on the verb as an auxiliary: no "may" to make it a future
    text = "British Prime Minister Theresa May suffered a major setback Tuesday."
    assert values(nlp, text, wednesday)[0][:2] == ("Tuesday", "2019-01-15")
    # once the article names her, "May's" is hers; "in May" is still the month
    text = ("Prime Minister Theresa May lost the vote. Experts say the rejection of May's deal "
            "makes an election in May more likely.")
    assert [v[:2] for v in values(nlp, text, wednesday)] == [("May", "2019-05")]


def test_a_month_on_the_event_where_a_past_deed_took_place_is_over(nlp):
    october = date(2016, 10, 20)
    # a month that qualifies a noun under a past verb is the nearest such month, but the event
    # a simple past's deed took place at is over
    text = "Senator Grassley said at a February hearing that investors were being duped."
    assert values(nlp, text, october)[0][:2] == ("February", "2016-02")
    text = "In that October speech, Ms. Brainard broke with the chairwoman."
    assert values(nlp, text, date(2016, 7, 27))[0][:2] == ("October", "2015-10")
    # the small model tags this main verb a bare participle: a simple past all the same
    text = ("Brainard and Tarullo - two governors who raised similar concerns - ultimately "
            "acquiesced in the Fed's December increase, providing unanimous support.")
    assert values(nlp, text, date(2016, 7, 27))[0][:2] == ("December", "2015-12")
    # what the past verb names as its object may still be ahead: the nearest June
    text = "The two leaders announced a June summit in Singapore."
    assert values(nlp, text, date(2016, 1, 10))[0][:2] == ("June", "2016-06")


def test_march_or_may_between_a_determiner_and_its_noun_is_the_month(nlp):
    july = date(2011, 7, 21)
    # capitalised between a determiner and the noun it qualifies, the word is the month
    text = "Utilities burned more oil after reactors were shut by the March earthquake."
    assert values(nlp, text, july)[0][:2] == ("March", "2011-03")
    text = "During a May interview on CNBC, Trump said he had won every debate."
    assert values(nlp, text, july)[0][:2] == ("May", "2011-05")
    text = "He has no plans to endorse anyone before Florida's March primary."
    assert values(nlp, text, date(2016, 1, 8))[0][:2] == ("March", "2016-03")
    # what a change is counted from has been, whatever the tense: not the nearest March
    text = "Fleet sales are still down from the March high of 21.8 percent."
    assert values(nlp, text, date(2019, 11, 20))[0][:2] == ("March", "2019-03")
    # the second of two months joined by "or" is a month as well
    text = "Assad said there would be elections in February or March."
    assert [v[:2] for v in values(nlp, text, date(2011, 11, 20))] == [
        ("February", "2012-02"), ("March", "2012-03")]
    # a march, a name, a surname of someone the article names, a march on a city: none
    assert values(nlp, "The march toward war began.", july) == []
    assert values(nlp, "She said the March of Dimes signed the letter.", july) == []
    assert values(nlp, "An organizer of the Women's March was removed from a flight.", july) == []
    text = ("British Prime Minister Theresa May said on Tuesday that the May government "
            "would survive.")
    assert [v[0] for v in values(nlp, text, july)] == ["Tuesday"]


def test_march_or_may_that_opens_a_span_between_two_months_is_the_month(nlp):
    text = "The firm said data on 143 million customers had been exposed between May and July."
    assert [v[:2] for v in values(nlp, text, date(2017, 9, 9))] == [
        ("May", "2017-05"), ("July", "2017-07")]
    # the year of the span's end is the year of its start
    text = "The report did not include data from the region between March and June last year."
    assert [v[:2] for v in values(nlp, text, date(2011, 7, 14))] == [
        ("March", "2010-03"), ("June last year", "2010-06")]


def test_a_year_after_a_capitalised_preposition_in_a_headline_is_a_time(nlp):
    text = "Questioner Said She Raised Money For Hillary Clinton In 2008, Clinton Joked"
    assert [v[:2] for v in values(nlp, text)] == [("2008", "2008")]
    text = "Party Boosts Spending To Avoid Mistakes Of 2012 Race"
    assert [v[:2] for v in values(nlp, text)] == [("2012", "2012")]
    # a capitalised word that is no preposition still makes the year part of a name
    assert values(nlp, "They fly the Airbus 2000 and the Cosmos 1686 stations.") == []


def test_decades_in_words_capitalised_or_before_1900_and_clocks_of_four_figures(nlp):
    july = date(2010, 7, 16)
    text = "Since meeting in Boston in the early Nineties, they have toured the 1860s forts."
    assert [v[:2] for v in values(nlp, text, july)] == [("the early Nineties", "199"),
                                                          ("the 1860s", "186")]
    # a capitalised decade naming the noun after it is a name
    assert values(nlp, "The discovery of the Forties oilfield changed Britain.", july) == []
    # a time of four figures after a time word, with its local time, its other zone or its
    # day; the time told again in brackets is neither a time of its own nor a year
    text = "The flow of oil was shut off at 1425 local time (1925 GMT) on Thursday."
    assert [v[:2] for v in values(nlp, text, july)] == [("1425", "2010-07-15T14:25"),
                                                          ("Thursday", "2010-07-15")]
    text = "By 0300 on Monday this was read as a warning."
    assert values(nlp, text, july)[0][:2] == ("0300 on Monday", "2010-07-12T03:00")
    # a number of four figures before a day is not a time without a time word before it
    assert [v[0] for v in values(nlp, "Flight 1653 on Monday was late.", july)] == ["Monday"]


def test_the_new_year_is_the_one_beginning_nearest_the_report(nlp):
    text = "The union plans to meet employees early in the new year."
    assert values(nlp, text, date(2018, 12, 23))[0][:2] == ("the new year", "2019")
    text = "Two coaches did not even make it to the new year."
    assert values(nlp, text, date(2018, 1, 2))[0][:2] == ("the new year", "2018")
    # the holiday keeps its capitals; a year of a life, a year-low and an honour are no year
    text = "He celebrated his birthday, the start of a new year in his life, at a new year-low."
    assert values(nlp, text, date(2016, 8, 19)) == []
    assert values(nlp, "He turned down the new year's honour.", date(2005, 10, 6)) == []


def test_a_clock_time_of_every_day_is_no_one_days(nlp):
    text = "Broadcasting on FM radio daily in Haitian Creole at 0910 local time (1410 GMT)."
    assert [v[:2] for v in values(nlp, text)] == [("daily", "P1D"), ("0910", "XXXX-XX-XXT09:10")]
    text = "She said she left her textile job every day at 4 p.m. to train."
    assert values(nlp, text)[1][:2] == ("4 p.m.", "XXXX-XX-XXT16:00")
    # a clock with its own day keeps it
    text = "Bigots show their colors each and every day June 15, 2011 at 1:18 pm"
    assert values(nlp, text)[-1][:2] == ("1:18 pm", "2011-06-15T13:18")


def test_a_single_unit_from_now_is_a_length_that_leads_ahead(nlp):
    # "a" alone does not make a length of time ("a day to remember"), but "from now" does
    wednesday = date(2015, 11, 11)
    text = "But what will things be like a year from now?"
    assert leading(nlp, text, wednesday) == [
        ("a year", "P1Y", "DURATION", None), ("now", "PRESENT_REF", "DATE", None)]
    text = "Should the United States act a week from now, or right now?"
    assert leading(nlp, text, wednesday)[0] == ("a week", "P1W", "DURATION", "2015-11-18")


def test_a_month_of_that_year_is_in_the_year_named_before(nlp):
    text = ("The unemployment rate was 7.8 percent when Obama took office in January 2009 and "
            "peaked in October of that year. It fell to 5 percent in June the following year.")
    assert [v[:2] for v in values(nlp, text, date(2016, 2, 5))] == [
        ("January 2009", "2009-01"), ("October of that year", "2009-10"),
        ("June the following year", "2010-06")]
    # a day too, and a year told after two joined days belongs to the second as well
    text = "Straw was lobbied in 2007 on 15 October and 9 November that year by a consultant."
    assert values(nlp, text, date(2010, 7, 15))[2][:2] == ("9 November that year", "2007-11-09")


def test_the_fall_of_a_year_after_in_or_during_is_the_autumn(nlp):
    text = "In the fall of 2007, Clinton held a 24-point lead among black voters."
    assert values(nlp, text, date(2016, 2, 1))[0][:2] == ("the fall of 2007", "2007-FA")
    # a fall that brought a wall down is no season
    text = "The fall of 1989 brought the wall down."
    assert values(nlp, text, date(2016, 2, 1))[0][:2] == ("1989", "1989")


def test_every_few_units_is_a_set_and_a_decade_may_open_with_a_turned_quote(nlp):
    tuesday = date(2016, 8, 23)
    text = "The regulation will be updated every three years to keep pace with pay."
    assert values(nlp, text, tuesday) == [("every three years", "P3Y", "SET", None)]
    text = "The emails are released in batches every 30 days."
    assert values(nlp, text, tuesday) == [("every 30 days", "P30D", "SET", None)]
    # "‘90s" typed with an opening quote for its apostrophe is still the decade
    text = "Inflation crippled Germany in the ‘20s and Zimbabwe in the ‘90s, she said."
    assert [v[:2] for v in values(nlp, text, tuesday)] == [("the ‘20s", "192"), ("the ‘90s", "199")]
    # "prior to" is a time preposition for a bare "May"
    text = "Prior to May, three-quarters of the money came out of his own pocket."
    assert values(nlp, text, tuesday)[0][:2] == ("May", "2016-05")


def test_a_month_event_tried_in_the_past_is_the_one_gone(nlp):
    # the infinitive of "failed", "tried", "managed" is done or tried at that verb's time
    text = ("Moussavi, who failed to unseat the president in the June election, spoke on "
            "Friday.")
    assert values(nlp, text, date(2010, 1, 1))[0][:2] == ("June", "2009-06")
    # a plan may still be ahead: the nearest June, as before
    assert values(nlp, "He planned to run in the June election.",
                  date(2010, 1, 1))[0][:2] == ("June", "2010-06")


def test_last_or_next_before_a_month_and_day_is_the_nearest_such_day_that_way(nlp):
    march = date(2010, 3, 17)
    assert values(nlp, "Rubalcaba said last February 28 that the cell was broken.",
                  march)[0][:2] == ("February 28", "2010-02-28")
    assert values(nlp, "The police arrested him last March 20.",
                  march)[0][:2] == ("March 20", "2009-03-20")
    assert values(nlp, "The vote is due next March 3.", march)[0][:2] == ("March 3", "2011-03-03")
    assert values(nlp, "He resigned last February.", march)[0][:2] == ("last February", "2009-02")


def test_the_last_century_and_a_century_after_a_superlative(nlp):
    dct = date(2010, 1, 12)
    assert values(nlp, "The US was involved in Haiti for most of the last century.",
                  dct) == [("the last century", "19", "DATE", None)]
    assert values(nlp, "It was the most powerful quake to hit Haiti in a century.",
                  dct) == [("a century", "P100Y", "DURATION", None)]


def test_a_deadline_set_in_the_past_falls_on_the_nearest_such_day(nlp):
    friday = date(2013, 3, 22)
    assert values(nlp, "The EU gave Cyprus a Monday deadline to raise the money.",
                  friday)[0][:2] == ("Monday", "2013-03-25")
    assert values(nlp, "The bank set a deadline of Monday.", friday)[0][:2] == ("Monday",
                                                                              "2013-03-25")
    assert values(nlp, "Monday's deadline looms.", friday)[0][:2] == ("Monday", "2013-03-25")
    # a deadline gone by, or one told from after it, is the day before the report
    assert values(nlp, "Monday's deadline passed quietly.", friday)[0][:2] == ("Monday",
                                                                             "2013-03-18")
    assert values(nlp, "Cyprus missed the Monday deadline.", friday)[0][:2] == ("Monday",
                                                                              "2013-03-18")
    assert values(nlp, "It had given the towns a deadline of Saturday to surrender.",
                  friday)[0][:2] == ("Saturday", "2013-03-16")


def test_a_bare_clock_time_on_an_afternoon_or_evening_is_after_noon(nlp):
    friday = date(2013, 3, 22)
    assert values(nlp, "The plane landed at 3:15 Thursday afternoon.",
                  friday)[0][:2] == ("3:15 Thursday afternoon", "2013-03-21T15:15")
    assert values(nlp, "He arrived at 7:45 Friday morning.",
                  friday)[0][:2] == ("7:45 Friday morning", "2013-03-22T07:45")
    # small hours of a night stay before dawn
    assert values(nlp, "Shots rang out at 2:30 Saturday night.",
                  friday)[0][:2] == ("2:30 Saturday night", "2013-03-16T02:30")


def test_a_date_naming_an_unforeseeable_event_is_past_whatever_the_tense(nlp):
    july = date(2010, 7, 12)
    text = "The commission must find its role amid a probe into the April 20 explosion."
    assert values(nlp, text, july)[0][:2] == ("April 20", "2010-04-20")
    assert values(nlp, "Towns will rebuild after the March earthquake.",
                  july)[0][:2] == ("March", "2010-03")
    wednesday = date(2013, 3, 20)
    assert values(nlp, "Officials will investigate the Friday bombing.",
                  wednesday)[0][:2] == ("Friday", "2013-03-15")
    assert values(nlp, "A storm is expected on Friday.", wednesday)[0][:2] == ("Friday",
                                                                              "2013-03-22")
    # an attack told as one that may yet come is not a known one
    assert values(nlp, "Officers fear there could be a third attack on Thursday.",
                  wednesday)[0][:2] == ("Thursday", "2013-03-21")
    # an event that can be planned still looks ahead
    assert values(nlp, "He will speak at the March 3 rally.", july)[0][:2] == ("March 3",
                                                                               "2011-03-03")


def test_a_chronology_entry_in_the_present_of_history_is_past(nlp):
    text = ("Key events:\nFeb. 26 - The U.N. Security Council imposes sanctions on Gaddafi.\n"
            "March 17-The Council votes to authorize a no-fly zone.\n"
            "Oct. 25 - Leaders will meet in Brussels.")
    assert [v[:2] for v in values(nlp, text, date(2011, 10, 20))] == [
        ("Feb. 26", "2011-02-26"), ("March 17", "2011-03-17"), ("Oct. 25", "2011-10-25")]
    # lines run together: an entry opens after a sentence's end, its text with a capital
    run_together = "Rebels took Misrata. Feb. 26-The Council imposes sanctions on Gaddafi."
    assert values(nlp, run_together, date(2011, 10, 20))[0][:2] == ("Feb. 26", "2011-02-26")


def test_as_planned_is_an_aside_the_deed_tells_the_time(nlp):
    friday = date(2010, 10, 1)
    assert values(nlp, "The plant reopened as planned on Monday.",
                  friday)[0][:2] == ("Monday", "2010-09-27")
    assert values(nlp, "He retired, as scheduled, on June 30.", friday)[0][:2] == ("June 30",
                                                                                   "2010-06-30")
    assert values(nlp, "The plant will reopen as planned on Monday.",
                  friday)[0][:2] == ("Monday", "2010-10-04")


def test_a_caption_date_after_this_is_the_whole_date(nlp):
    assert values(nlp, "In this May 26, 2010 photo, officials work to plug the well.",
                  date(2010, 5, 27))[0][:2] == ("May 26, 2010", "2010-05-26")
    assert values(nlp, "In this July 31 file photo, a boat motors through oil.",
                  date(2011, 1, 24))[0][:2] == ("July 31", "2010-07-31")


def test_a_gerund_completing_a_past_verb_is_past_before_by(nlp):
    september = date(2011, 9, 6)
    assert values(nlp, "Residents had begun slipping back into the city by mid-July.",
                  september)[0][:2] == ("mid-July", "2011-07")
    assert values(nlp, "They are expected to finish by July.", september)[0][:2] == ("July",
                                                                                     "2012-07")
