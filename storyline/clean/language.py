"""Which language an article is written in (ISO 639-1), with py3langid's bundled model.

The analysis models are English; an article in another language is stored and searchable
but not analysed, rather than analysed wrongly. Very short texts say too little for a
classifier: there the page's own declaration (``<html lang>``) decides, else the share of
English function words.
"""

from __future__ import annotations

from functools import lru_cache

from storyline.textutil import stopword_ratio, words

MIN_WORDS = 12
SAMPLE_CHARS = 3000
ENGLISH_STOPWORD_SHARE = 0.2


@lru_cache(maxsize=1)
def _classify():
    import py3langid  # loads its bundled model on first use (about half a second)

    return py3langid.classify


def detect_language(text: str, declared: str | None = None) -> str | None:
    body_words = words(text)
    if len(body_words) < MIN_WORDS:
        if declared:
            return declared
        return "en" if body_words and stopword_ratio(body_words) >= ENGLISH_STOPWORD_SHARE else None
    language, _ = _classify()(text[:SAMPLE_CHARS])
    return str(language)
