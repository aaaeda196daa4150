"""Build real Articles from texts the tests write (a real spaCy pass, no stand-ins)."""

from storyline.analyse.times import parse_dct
from storyline.models import Article


def make_article(analyser, article_id, text, published=None, outlet=None, title=None,
                 duplicate_of=None):
    analysis = analyser.analyse(text, parse_dct(published))
    return Article(id=article_id, source=f"{article_id}.txt", text=text, title=title,
                   outlet=outlet, published=published, language="en",
                   duplicate_of=duplicate_of, entities=analysis.entities, quotes=analysis.quotes,
                   times=analysis.times, figures=analysis.figures, sentences=analysis.sentences)
