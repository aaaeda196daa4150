"""Which days a timeline keeps, on articles the tests write (real spaCy analysis)."""

from storyline.stories.context import build_context
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
