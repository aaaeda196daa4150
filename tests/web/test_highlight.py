"""Runs of article text with their marks: nested and overlapping spans, and the linked span."""

from __future__ import annotations

from storyline.models import Article, Entity, Quote, TimeExpression
from storyline.web.highlight import runs

TEXT = ('The mayor said on Monday: "Portvale will build the wall." Critics disagreed.')


def article() -> Article:
    quote_start = TEXT.index("Portvale")
    return Article(
        id="a", source="a.txt", text=TEXT,
        entities=[Entity("Portvale", "GPE", "Portvale", quote_start, quote_start + 8)],
        quotes=[Quote("Portvale will build the wall.", "The mayor", "Ana Ruiz", "said",
                      quote_start, TEXT.index('."') + 1)],
        times=[TimeExpression("Monday", "2024-03-04", "DATE", TEXT.index("Monday"),
                              TEXT.index("Monday") + 6)])


def test_runs_give_back_the_text_with_each_mark():
    out = runs(article())
    assert "".join(r.text for r in out) == TEXT
    marked = {r.text: r for r in out if r.kinds}
    assert marked["Portvale"].kinds == ("entity", "quote")  # an entity inside a quote
    assert marked["Portvale"].entity == "Portvale"
    assert "quote: Ana Ruiz" in marked["Portvale"].note
    assert marked[" will build the wall."].kinds == ("quote",)
    assert marked["Monday"].note == "DATE 2024-03-04"
    assert not any(r.kinds for r in out if "Critics" in r.text)


def test_the_linked_span_cuts_across_other_marks():
    start = TEXT.index("on Monday")
    out = runs(article(), target=(start, TEXT.index("Portvale") + 4))
    assert "".join(r.text for r in out) == TEXT
    target = "".join(r.text for r in out if "target" in r.kinds)
    assert target == TEXT[start:TEXT.index("Portvale") + 4]
    assert [r.kinds for r in out if r.text == "Port"] == [("entity", "quote", "target")]


def test_spans_beyond_the_text_are_clipped_not_fatal():
    broken = article()
    broken.times.append(TimeExpression("x", None, "DATE", len(TEXT) - 3, len(TEXT) + 50))
    broken.entities.append(Entity("y", "ORG", "y", 5, 5))  # empty: ignored
    out = runs(broken, target=(len(TEXT) + 5, len(TEXT) + 9))
    assert "".join(r.text for r in out) == TEXT
    assert out[-1].kinds == ("time",) and out[-1].text == TEXT[-3:]
