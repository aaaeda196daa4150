"""Text normalisation shared by every stage: one tokeniser, one stemmer, one hash."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS as _SPACY_STOP_WORDS

WORD_RE = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
STOP_WORDS: frozenset[str] = frozenset(w.lower() for w in _SPACY_STOP_WORDS) | {
    "said", "says", "say", "told", "according", "also", "would", "could", "mr", "ms", "mrs",
}


def content_id(content: str) -> str:
    """A stable id for an input: the same content gives the same id on every run and machine."""
    normalised = unicodedata.normalize("NFC", content.replace("\r\n", "\n").replace("\r", "\n"))
    return hashlib.sha256(normalised.strip().encode("utf-8")).hexdigest()[:16]


def short_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def normalise_line(line: str) -> str:
    """Case- and space-insensitive form of a line, for spotting the same line in many pages."""
    return " ".join(w.lower() for w in WORD_RE.findall(line))


def stem(word: str) -> str:
    """A light English suffix stripper: enough to meet 'troop'/'troops', 'talks'/'talk'."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=1 << 17)
def _content_term(word: str) -> str | None:
    """A word's stem, or None for a stop word, a bare number or a single character (cached:
    the views compare the same sentences many times)."""
    lw = word.lower()
    if len(lw) < 2 or lw in STOP_WORDS or lw.replace("’", "'") in STOP_WORDS or lw.isdigit():
        return None
    return stem(lw)


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry content (no stop words, no bare numbers)."""
    return [t for t in map(_content_term, WORD_RE.findall(text)) if t is not None]


def stopword_ratio(tokens: list[str]) -> float:
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if t.lower() in STOP_WORDS) / len(tokens)
