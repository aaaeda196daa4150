"""Figures: a number, what it counts, how it is hedged, and who claims it.

"more than 90,000 troops" -> value 90000, qualifier "more than", unit "troops", key "troop";
the key lets two articles' figures for the same kind of thing meet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline.analyse.attribution import EntityIndex, Salience, claimants
from storyline.analyse.times import NUMBERS, UNITS
from storyline.models import Entity, Figure, TimeExpression
from storyline.textutil import stem

QUALIFIERS = sorted("""
more than|over|at least|up to|about|around|nearly|almost|some|approximately|roughly|fewer than|
less than|as many as|an estimated|at most|under|close to|upwards of|just over|just under|
well over|as few as|more than an estimated|an additional|another|only|just
""".replace("\n", "").split("|"), key=len, reverse=True)
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6,
          "bn": 1e9, "m": 1e6, "k": 1e3, "hundred": 1e2}
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY",
                  "rupee": "INR", "rouble": "RUB", "ruble": "RUB", "hryvnia": "UAH"}
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
# One key for the spellings of a unit, so that "550 kilometres" and "600 km" meet.
UNIT_KEYS = {
    "km": "km", "kilometre": "km", "kilometer": "km", "kms": "km",
    "mile": "mile", "mi": "mile",
    "metre": "metre", "meter": "metre",
    "foot": "foot", "feet": "foot", "ft": "foot",
    "kg": "kg", "kilogram": "kg", "kilo": "kg", "kgs": "kg",
    "lb": "pound", "lbs": "pound", "pound": "pound",
    "tonne": "tonne", "ton": "ton",
    "mph": "mph", "kph": "km/h", "km/h": "km/h",
}
_DIGITS_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
MIN_WORD_NUMBER = 10


def parse_number(tokens: list[Token]) -> float | None:
    """The value of the numeric tokens of a span: "90,000", "1.5 million", "twenty", "$2bn"."""
    value: float | None = None
    half = False
    for token in tokens:
        text = token.lower_
        if text == "half" and value is None:
            half = True  # "a half million"
            continue
        digits = _DIGITS_RE.search(text)
        if digits and value is None:
            value = float(digits.group(0).replace(",", ""))
            suffix = text[digits.end():]
            if suffix in SCALES:
                value *= SCALES[suffix]
        elif text in SCALES and value is not None:
            value *= SCALES[text]
        elif text in NUMBERS and text not in {"a", "an"} and value is None:
            value = float(NUMBERS[text])
        elif text in SCALES and value is None and text != "m":
            value = SCALES[text] * (0.5 if half else 1)
    return value


def _qualifier(text: str, start_char: int) -> tuple[str | None, int]:
    before = text[max(0, start_char - 30) : start_char].lower()
    for q in QUALIFIERS:
        if re.search(rf"(?:^|\W){re.escape(q)}\s+$", before):
            at = before.rindex(q)
            return q, start_char - (len(before) - at)
    return None, start_char


def _unit(span: Span) -> tuple[Token | None, str | None]:
    """The counted noun ("troops") or the currency / percent sign."""
    text = span.text
    for symbol, code in CURRENCY_SYMBOLS.items():
        if symbol in text:
            return None, code
    for token in span:
        code = CURRENCY_WORDS.get(token.lemma_.lower())
        if code and (code != "GBP" or _money_pounds(token)):
            return token, code
    if span.label_ == "PERCENT" or "%" in text:
        return None, "percent"
    numeric = [t for t in span if t.like_num or t.lower_ in SCALES]
    anchor = numeric[-1] if numeric else span.root
    head = anchor
    for _ in range(3):
        if head.pos_ in {"NOUN", "PROPN"} and head not in numeric:
            return head, head.text
        if head.head.i == head.i:
            break
        head = head.head
    return None, None


def _money_pounds(token: Token) -> bool:
    """ "two million pounds" in compensation, not "119,000 pounds of cargo" or "of thrust"."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.ent_type_ == "MONEY" and (following is None or following.lower_ != "of")


def extract_figures(doc: Doc, entities: list[Entity], times: list[TimeExpression],
                    quoted: Sequence[tuple[int, int]] = ()) -> list[Figure]:
    """Figures outside time expressions; ``quoted`` is the quotations' text (see Salience)."""
    index = EntityIndex(entities)
    salience = Salience(doc, index, quoted)
    taken = [(t.start, t.end) for t in times]
    text = doc.text
    out = []
    for ent in doc.ents:
        if ent.label_ not in NUMBER_LABELS:
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        numeric = [t for t in ent if t.like_num or t.lower_ in SCALES or t.lower_ == "half"
                   or _DIGITS_RE.search(t.text)]
        value = parse_number(numeric)
        if value is None:
            continue
        has_digits = any(ch.isdigit() for ch in ent.text)
        has_scale = any(t.lower_ in SCALES for t in ent)
        if not has_digits and not has_scale and value < MIN_WORD_NUMBER:
            continue
        unit_token, unit = _unit(ent)
        if unit is None:
            continue
        lemma = unit_token.lemma_.lower() if unit_token is not None else unit.lower()
        if lemma.rstrip("s") in UNITS:
            continue  # "three years" is a duration, read by the time normaliser
        qualifier, start = _qualifier(text, ent.start_char)
        inner = re.match(r"(" + "|".join(re.escape(q) for q in QUALIFIERS) + r")\s+",
                         ent.text, re.I)
        if inner and qualifier is None:
            qualifier = inner.group(1).lower()
        end = ent.end_char
        if unit_token is not None and unit_token.idx >= end and unit_token.i - ent.end <= 3:
            end = unit_token.idx + len(unit_token.text)
        out.append(Figure(
            text=text[start:end],
            value=int(value) if value.is_integer() and abs(value) < 2**53 else value,
            qualifier=qualifier,
            unit=unit,
            attributed_to=claimants(numeric[0] if numeric else ent.root, index, salience),
            start=start,
            end=end,
            key=(UNIT_KEYS.get(lemma) or stem(lemma)) if unit_token is not None else lemma,
        ))
    return out
