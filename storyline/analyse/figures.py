"""Figures: a number, what it counts, how it is hedged, and who claims it.

"more than 90,000 troops" -> value 90000, qualifier "more than", unit "troops", key "troop";
the key lets two articles' figures for the same kind of thing meet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline.analyse.attribution import EntityIndex, Salience, claimant_names, claimants
from storyline.analyse.times import NUMBERS, UNITS
from storyline.analyse.times.grammar import MONTHS, WEEKDAYS
from storyline.models import Entity, Figure, TimeExpression
from storyline.textutil import stem

QUALIFIERS = sorted("""
more than|over|at least|up to|about|around|nearly|almost|some|approximately|roughly|fewer than|
less than|as many as|an estimated|at most|under|close to|upwards of|just over|just under|
well over|as few as|more than an estimated|an additional|another|only|just
""".replace("\n", "").split("|"), key=len, reverse=True)
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6,
          "bn": 1e9, "tn": 1e12, "m": 1e6, "k": 1e3, "hundred": 1e2}
# Longest first, so that "C$18 million" is Canadian and only a bare "$" is the US dollar.
CURRENCY_SYMBOLS = {"US$": "USD", "CA$": "CAD", "AU$": "AUD", "NZ$": "NZD", "HK$": "HKD",
                    "C$": "CAD", "A$": "AUD", "S$": "SGD", "$": "USD", "€": "EUR", "£": "GBP",
                    "¥": "JPY", "₹": "INR"}
CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY",
                  "rupee": "INR", "rouble": "RUB", "ruble": "RUB", "hryvnia": "UAH"}
# "Canadian dollars", "Hong Kong dollars": the dollar of the country named before it.
DOLLAR_COUNTRIES = {"canadian": "CAD", "australian": "AUD", "zealand": "NZD", "kong": "HKD",
                    "singapore": "SGD", "taiwan": "TWD"}
# A hundredth of a currency: "fell 24 cents" is $0.24, "39 Canadian cents" C$0.39.
SUBUNITS = {"cent": "USD", "penny": "GBP", "pence": "GBP", "kopek": "RUB", "kopeck": "RUB"}
CURRENCIES = frozenset({*CURRENCY_SYMBOLS.values(), *CURRENCY_WORDS.values(),
                        *DOLLAR_COUNTRIES.values()})
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
# One key for the spellings of a unit, so that "550 kilometres" and "600 km" meet.
UNIT_KEYS = {
    "km": "km", "kilometre": "km", "kilometer": "km", "kms": "km",
    "mile": "mile", "mi": "mile",
    "metre": "metre", "meter": "metre", "m": "metre",
    "foot": "foot", "feet": "foot", "ft": "foot",
    "kg": "kg", "kilogram": "kg", "kilo": "kg", "kgs": "kg",
    "lb": "pound", "lbs": "pound", "pound": "pound",
    "tonne": "tonne", "ton": "ton",
    "mph": "mph", "kph": "km/h", "km/h": "km/h",
}
_DIGITS_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SLASHED_RE = re.compile(r"\d/\d")
# The spellings of a share after its number, each outlet's own: "7 per cent", "7 percent",
# "7 pct", "7%"; a difference of shares ("1.5 percentage points") is another quantity.
_PERCENT_RE = re.compile(r"\s*(?:(?P<points>percentage[- ]points?)|%|per[ -]?cent\b|pct\b)",
                         re.IGNORECASE)
MIN_WORD_NUMBER = 10
RECENT_FIGURE_CHARS = 300  # how far back "the figure" / "the total" looks for what it counts


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


def _unit(span: Span, text: str, sign: str | None) -> tuple[Token | None, str | None]:
    """The counted noun ("troops") or the currency / percent sign; ``text`` is the document's
    (spaCy rebuilds ``doc.text`` on every access), ``sign`` the currency of a sign just before
    the span."""
    words = span.text
    for symbol, code in CURRENCY_SYMBOLS.items():
        if symbol in words:
            return None, code
    if sign is not None:
        return None, sign
    for token in span:
        if (code := _currency(token)) is not None:
            return token, code
    share = _share(span, text)
    if share is not None:
        return None, share[0]
    if span.label_ == "PERCENT" or "%" in words:
        return None, "percent"
    numeric = [t for t in span if t.like_num or t.lower_ in SCALES]
    anchor = numeric[-1] if numeric else span.root
    head = anchor
    for _ in range(3):
        if head.pos_ in {"NOUN", "PROPN"} and head not in numeric:
            return head, _currency(head) or head.text
        if head.head.i == head.i:
            break
        head = head.head
    level = _level_of(anchor)
    if level is not None:
        return level, level.text
    if _people_harmed(anchor):
        return None, "people"
    return None, None


# What befalls people, so that a bare number it befalls counts people: "300 dead", "50 were
# killed", "the attack wounded 12", "3m affected".
HARMED = frozenset({"dead", "kill", "die", "injure", "wound", "hurt", "missing", "homeless",
                    "displace", "affect", "evacuate", "arrest", "detain", "infect", "hospitalise",
                    "hospitalize", "strand", "trap", "kidnap", "abduct", "rescue"})
# Of these, what a number can be the object of: "killed 30", not "affected 3,000" (homes?).
_HARMING = frozenset({"kill", "injure", "wound", "hurt", "evacuate", "arrest", "detain",
                      "infect", "kidnap", "abduct", "rescue"})


def _people_harmed(number: Token) -> bool:
    """A number with no noun of its own that something befalls counts people: the subject of
    "were killed", "died" or "were dead", the number "dead" or "injured" takes ("left 300 dead
    and 1,500 injured"), or what was killed ("the attack killed 30")."""
    head = number.head
    if number.dep_ in {"nsubj", "nsubjpass"}:
        return _harm(head) or (head.lemma_.lower() == "be" and any(
            c.dep_ == "acomp" and _harm(c) for c in head.children))
    if number.dep_ == "nummod":
        return _harm(head)
    return number.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in _HARMING


def _harm(word: Token) -> bool:
    """ "killed", "dead", "displaced": a word for what befalls people, in any of its forms."""
    return word.lemma_.lower() in HARMED or word.lower_ in HARMED


# Verbs that give a quantity its level: "the death toll rose to 45", "cases topped 1,000".
_LEVEL_VERBS = frozenset({"rise", "climb", "jump", "soar", "surge", "grow", "increase", "fall",
                          "drop", "decline", "plunge", "slip", "reach", "hit", "top", "exceed",
                          "pass", "surpass", "stand", "total", "number"})
# Verbs that put a level on their object: "police estimated the crowd at 10,000".
_VALUING_VERBS = frozenset({"put", "estimate", "place", "peg", "set", "count"})
# Words for a count that say what is counted only after "of": "the number of cases"; "the
# figure" alone counts nothing a reader can name.
_COUNT_NOUNS = frozenset({"number", "total", "tally", "count", "figure", "amount"})


# Verbs with two objects, the first of which a count can follow: "told Reuters 12 people died".
_TWO_OBJECT_VERBS = frozenset({"tell", "give", "send", "offer", "show", "pay", "owe", "lend",
                               "grant", "promise", "sell", "award", "hand", "cost", "inform"})
# Never part of a name: "Trump 34 percent", "the Nasdaq 1.2 percent".
_SHARES_AND_SUMS = frozenset({"percent", "percentage point", *CURRENCIES})


def _in_a_name(number: Token) -> bool:
    """Whether a number right after a proper name is part of it ("Chang'e 4", "Apollo 11",
    "Update 5.50", "Boeing 737 jets", "the Nikkei 225 index"): a name, not a count; so is the
    number a noun takes after it ("system update 5.50", "room 101"). A name that ends a phrase
    of its own leaves the number be: "in the Sea of Japan 125 miles west", "told Reuters 12
    people died"; so do a month or a day ("since May 300 people") and a tally ("Cruz trails
    Trump 458 to 359"). Shares and sums are never names ("Trump 34 percent")."""
    after = number.doc[number.i + 1 : number.i + 3]
    if number.i == 0 or (len(after) == 2 and after[0].lower_ == "to" and after[1].like_num):
        return False  # "Cruz trails Trump 458 to 359": a tally, name by name
    name = number.nbor(-1)
    if name.pos_ == "NOUN" and number.head.i == name.i and name.whitespace_:
        return True
    if (name.pos_ != "PROPN" or not name.text[:1].isupper() or not name.whitespace_
            or name.lower_.rstrip(".") in MONTHS or name.lower_ in WEEKDAYS):
        return False
    if name.dep_ in {"pobj", "dative"}:
        return False
    return not (name.dep_ == "dobj" and name.head.lemma_.lower() in _TWO_OBJECT_VERBS)


def _level_of(number: Token) -> Token | None:
    """What a bare number is the level of, when a verb says so: the subject of "rose to 45",
    "stands at 52" or "topped 1,000", the object of "estimated the crowd at 10,000"; "the
    number of cases" counts cases."""
    preposition = number.head if number.dep_ == "pobj" else None
    verb = preposition.head if preposition is not None else number.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = verb.lemma_.lower()
    if preposition is not None and preposition.lower_ == "at" and lemma in _VALUING_VERBS:
        noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    elif lemma in _LEVEL_VERBS and (number.dep_ in {"dobj", "attr"} or (
            preposition is not None and preposition.lower_ in {"to", "at"})):
        # "the toll rose to 45", or what was raised: "the agency increased the toll to 45"
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i != number.i),
                    None) or next((c for c in verb.children
                                   if c.dep_ in {"nsubj", "nsubjpass"}), None)
    else:
        return None
    if noun is None or noun.pos_ != "NOUN":
        return None
    if noun.lemma_.lower() in _COUNT_NOUNS and _counts_something(noun):
        # "the number of cases" counts cases
        return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
    return noun  # "the figure" alone is a count told before (``_level_of_a_count``)


def _counts_something(noun: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _level_of_a_count(noun: Token, number: Token) -> bool:
    """ "organisers put the figure at 10,000": the number is the level of a count noun that
    counts nothing of its own, and not part of its phrase ("a 52-count complaint", "1.75
    times the amount"). Only "the figure", "that total" can say what it counts: the count
    told before it."""
    return (noun.lemma_.lower() in _COUNT_NOUNS and not _counts_something(noun)
            and noun.i not in {a.i for a in number.ancestors}
            and noun.i not in {t.i for t in number.subtree})


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "that", "this"} for c in noun.children)


def _valuer(number: Token, entities: EntityIndex, salience: Salience) -> list[str]:
    """Who puts the level: "The government puts the number of displaced people at 2 million"."""
    verb = number.head.head if number.dep_ == "pobj" and number.head.lower_ == "at" else None
    if verb is None or verb.lemma_.lower() not in _VALUING_VERBS:
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return claimant_names(subject, entities, salience) if subject is not None else []


def _currency_before(text: str, start: int) -> tuple[str, int] | None:
    """The currency of a sign the tagger left out of the amount ("reached $56,746" tagged
    "56,746"), and where the sign starts."""
    window = text[max(0, start - 5) : start]
    before = window.rstrip(" ")
    for symbol, code in CURRENCY_SYMBOLS.items():
        if before.endswith(symbol):
            return code, start - (len(window) - len(before)) - len(symbol)
    return None


def _currency(token: Token) -> str | None:
    """The code of a currency's name: "euros", "Canadian dollars", "two million pounds"."""
    code = CURRENCY_WORDS.get(token.lemma_.lower())
    if token.i > 0 and token.nbor(-1).lower_ == "per":
        return None  # "119 roubles per dollar": what is paid for one, not the sum's currency
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.lemma_.lower() in SUBUNITS:
        return None  # "60 euro cents": hundredths of the currency (``_subunit``)
    if code == "USD" and token.i > 0:
        code = DOLLAR_COUNTRIES.get(token.nbor(-1).lower_, code)
    if code == "GBP" and not _money_pounds(token):
        return None
    return code


def _told_before(figures: list[Figure], start: int) -> Figure | None:
    """The figure a count noun without a noun of its own ("put the figure at 10,000") refers
    back to: the latest one, a sentence or two before at most."""
    if figures and start - figures[-1].end <= RECENT_FIGURE_CHARS:
        return figures[-1]
    return None


def _subunit(token: Token) -> str | None:
    """The currency a hundredth of which the word names: "cents" (US unless another currency
    or country comes first: "euro cents", "Canadian cents"), "pence"."""
    code = SUBUNITS.get(token.lemma_.lower()) or SUBUNITS.get(token.lower_)
    if code == "USD" and token.i > 0:
        before = token.nbor(-1).lower_
        code = CURRENCY_WORDS.get(before) or DOLLAR_COUNTRIES.get(before, code)
    return code


def _key(unit: str, unit_token: Token | None) -> str:
    """What two articles' figures must share to count the same thing: the currency's code
    ("$5 million" and "5 million dollars"), the unit's one spelling ("km"), or the counted
    noun's stem ("troop")."""
    if unit in CURRENCIES:
        return unit
    if unit_token is None:
        return unit.lower()
    lemma = unit_token.lemma_.lower()
    key = UNIT_KEYS.get(lemma.rstrip(".")) or stem(lemma)
    if unit_token.i > 0 and (power := unit_token.nbor(-1).lower_) in _POWERS:
        return f"{_POWERS[power]} {key}"  # "square kilometres" are no distance
    return key


_POWERS = {"square": "square", "sq": "square", "cubic": "cubic"}


def _share(span: Span, text: str) -> tuple[str, int] | None:
    """ "percent" or "percentage point" when a share's spelling follows the span's last number,
    and where that spelling ends."""
    numeric = [t for t in span if t.like_num or t.lower_ in SCALES]
    if not numeric:
        return None
    share = _PERCENT_RE.match(text, numeric[-1].idx + len(numeric[-1].text))
    if share is None:
        return None
    return ("percentage point" if share.group("points") else "percent"), share.end()


# What news counts in millions and writes short ("1.5m people", "2m barrels a day", "40m
# users"): after these words an "m" or a "k" is a scale. After anything else it stays a unit
# ("a 300m tower", "the 400m hurdles").
COUNTED_IN_MILLIONS = frozenset({
    "people", "residents", "citizens", "inhabitants", "voters", "votes", "users", "customers",
    "viewers", "listeners", "readers", "subscribers", "followers", "visitors", "tourists",
    "passengers", "travellers", "travelers", "children", "adults", "women", "men", "refugees",
    "migrants", "immigrants", "workers", "employees", "jobs", "homes", "households",
    "families", "patients", "cases", "infections", "doses", "vaccinations", "signatures",
    "members", "fans", "students", "pupils", "copies", "downloads", "units", "vehicles",
    "cars", "shares", "barrels", "tonnes", "tons", "acres", "hectares", "animals", "livestock",
    "cattle", "sheep", "pigs", "chickens", "birds", "applications", "claims",
    "accounts", "devices", "phones"})


def _scale_left_out(ent: Span) -> Token | None:
    """The abbreviated scale the entity stops short of: the "m" of "£300m", the "bn" of
    "$3.5 bn" (the model tags the number alone). An "m" or "k" is a scale only in a sum or
    before what news counts in millions (``_counted_in_millions``): "a 300m tower" is in
    metres."""
    doc = ent.doc
    if ent.end >= len(doc) or not ent[-1].like_num:
        return None
    after = doc[ent.end]
    if after.lower_ in {"bn", "mn", "tn"}:
        return after
    if after.lower_ in {"m", "k"} and (ent.label_ == "MONEY" or _counted_in_millions(after)
                                       or _befalls(after)):
        return after
    return None


def _befalls(scale: Token) -> bool:
    """ "3m affected", "1.5m were displaced": an "m" or a "k" before what befalls people."""
    for after in scale.doc[scale.i + 1 : scale.i + 4]:
        if after.lower_ in {"are", "were", "have", "has", "had", "been", "be", "being"}:
            continue
        return after.tag_ in {"VBN", "JJ"} and _harm(after)
    return False


def _counted_in_millions(scale: Token) -> Token | None:
    """The count noun right after an "m" or a "k" that makes it a scale: "people" in "1.5m
    people" (the parser reads such an "m" as a noun of its own, so the count is found here)."""
    doc = scale.doc
    noun = doc[scale.i + 1] if scale.i + 1 < len(doc) else None
    return noun if noun is not None and noun.lower_ in COUNTED_IN_MILLIONS else None


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
        if _SLASHED_RE.search(text, max(0, ent.start_char - 2), ent.end_char + 2):
            continue  # "9/11", "24/7", "2/3": a name, a date or a ratio, no count
        numeric = [t for t in ent if t.like_num or t.lower_ in SCALES or t.lower_ == "half"
                   or _DIGITS_RE.search(t.text)]
        scale = _scale_left_out(ent)
        if scale is not None:
            numeric.append(scale)
        value = parse_number(numeric)
        if value is None:
            continue
        has_digits = any(ch.isdigit() for ch in ent.text)
        has_scale = any(t.lower_ in SCALES for t in ent)
        if not has_digits and not has_scale and value < MIN_WORD_NUMBER:
            continue
        sign = _currency_before(text, ent.start_char)
        short = scale is not None and ent.label_ != "MONEY" and not sign  # "1.5m", "3m"
        counted = _counted_in_millions(scale) if short else None
        unit_token, unit = ((counted, counted.text) if counted is not None
                            else (None, "people") if short and _befalls(scale)
                            else _unit(ent, text, sign[0] if sign else None))
        if unit_token is not None and _DIGITS_RE.search(unit_token.text):
            continue  # "the 80m-deep well": a modifier the tokenizer kept whole, no count
        if unit is None or (unit not in _SHARES_AND_SUMS and numeric and _in_a_name(numeric[0])):
            continue
        if unit_token is not None and (code := _subunit(unit_token)) is not None:
            unit, value = code, value / 100
        key = _key(unit, unit_token)
        anchor = numeric[-1] if numeric else ent.root
        if unit_token is not None and _level_of_a_count(unit_token, anchor):
            told = _told_before(out, ent.start_char) if _definite(unit_token) else None
            if told is None:
                continue  # "the figure" with nothing counted before it
            unit, key = told.unit, told.key  # "organisers put the figure at 10,000"
        lemma = unit_token.lemma_.lower() if unit_token is not None else unit.lower()
        if lemma.rstrip("s") in UNITS:
            continue  # "three years" is a duration, read by the time normaliser
        qualifier, start = _qualifier(text, sign[1] if sign else ent.start_char)
        inner = re.match(r"(" + "|".join(re.escape(q) for q in QUALIFIERS) + r")\s+",
                         ent.text, re.I)
        if inner and qualifier is None:
            qualifier = inner.group(1).lower()
        end = scale.idx + len(scale.text) if scale is not None else ent.end_char
        if unit_token is not None and unit_token.idx >= end and unit_token.i - ent.end <= 3:
            end = unit_token.idx + len(unit_token.text)
        elif (share := _share(ent, text)) is not None:
            end = max(end, share[1])
        out.append(Figure(
            text=text[start:end],
            value=int(value) if value.is_integer() and abs(value) < 2**53 else value,
            qualifier=qualifier,
            unit=unit,
            attributed_to=(claimants(numeric[0] if numeric else ent.root, index, salience)
                           or _valuer(ent.root, index, salience)),
            start=start,
            end=end,
            key=key,
        ))
    return out
