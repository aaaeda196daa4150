"""Which way an underspecified time expression points, read from the clause that holds it.

News tense rule: a clause about the past ("said on Friday") looks back from the publication
date, a clause about a coming event ("will meet on Tuesday", "meets on Tuesday") looks ahead;
prepositions such as "until" or "since" decide whatever the verb.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

# A modal with "have" looks back: "may have been", "could have sent", "should have known".
_HEDGED_PAST = {"would", "could", "may", "might", "should", "must"}
_FUTURE_AUX = {"will", "'ll", "shall", "would", "could", "may", "might", "should", "going",
               "wo", "must"}


# Verbs of intent whose time is still to come, whatever their own tense: "planned a rally on
# Saturday", "has scheduled a news conference Thursday", "were planning to drive on Monday".
_INTENT = {"plan", "schedule", "intend", "expect", "prepare"}
# Verbs of aim whose infinitive is still to come when the aim is reported: "said they hoped to
# get supplies in by Friday", "vowed to return on Monday". A hope told as narrative may be
# over ("they hoped to reach the town on Monday, but were turned back"); a vow is told as one.
_PLEDGES = {"promise", "pledge", "vow"}
_HOPES = {"hope", "aim", "seek"}
_HOPE_FORMS = {"hoped", "hoping", "hopes"}  # the small model lemmatises them as "hop"


def _aims(verb: Token) -> bool:
    if verb.lemma_ in _PLEDGES:
        return True
    hope = verb.lemma_ in _HOPES or verb.lower_ in _HOPE_FORMS
    return hope and (verb.dep_ == "ccomp" or _verb_tense(verb) == "present")


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Prepositions that point one way whatever the verb: "until Monday", "since Monday".
_FORWARD_RE = re.compile(r"\b(?:until|till|ahead of|effective|payable|due(?:\s+by)?|"
                         r"scheduled for|set for)\s+$", re.IGNORECASE)
_BY_OR_BEFORE_RE = re.compile(r"\b(?:by|before)\s+$", re.IGNORECASE)
_BACKWARD_RE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def direction(doc: Doc | None, text: str, offset: int, phrase_start: int | None = None
              ) -> str | None:
    """ "past", "present" or "future" for the clause that holds the expression at ``offset``."""
    if doc is None:
        return None
    first = _first_conjunct(doc, offset, phrase_start)
    if first is not None:  # "by Thursday or Friday": the second day is read as the first
        return direction(doc, text, first.idx, first.idx)
    verb = _clause_verb(doc, offset, phrase_start)
    if phrase_start is not None:
        before = text[max(0, phrase_start - 16) : phrase_start]
        if _FORWARD_RE.search(before):
            # "until Friday" looks ahead, unless the clause is told from further back: "had
            # filed their reports by Wednesday"
            return "past" if verb is not None and _pluperfect(verb) else "future"
        if _BY_OR_BEFORE_RE.search(before):
            # "will leave before Friday", "asked them to leave by Monday" look ahead; "the
            # attack came just before 5am on Thursday", "the toll rose to 45 by Thursday
            # night" back, as their own verb tells
            past = verb is not None and (_pluperfect(verb) or _verb_tense(verb) == "past")
            return "past" if past else "future"
        if _BACKWARD_RE.search(before):
            return "past"
    return _verb_direction(verb, 0) if verb is not None else None


def _first_conjunct(doc: Doc, offset: int, phrase_start: int | None) -> Token | None:
    """The time a bare time is coordinated with ("Thursday" in "by Thursday or Friday")."""
    token = token_at(doc, offset)
    if phrase_start not in {None, offset} or token.dep_ != "conj":
        return None
    first = token.head
    return first if first.i < token.i and first.ent_type_ in {"DATE", "TIME"} else None


def _clause_verb(doc: Doc, offset: int, phrase_start: int | None) -> Token | None:
    if phrase_start is not None:
        # A time phrase right after a verb belongs to it ("said on Friday"); parsers often hang
        # it on the reported clause instead.
        before = token_at(doc, phrase_start)
        if before.i > 0:
            previous = doc[before.i - 1]
            if previous.pos_ in {"VERB", "AUX"} and previous.dep_ not in {"aux", "auxpass"}:
                return previous
    verb = token_at(doc, offset)
    for _ in range(12):
        if verb.pos_ in {"VERB", "AUX"} and verb.dep_ not in {"aux", "auxpass"}:
            return verb
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


# English verbs whose past is spelt like the base form.
_UNCHANGED_PAST = {"bet", "bid", "broadcast", "burst", "cast", "cost", "cut", "forecast", "hit",
                   "hurt", "let", "put", "quit", "read", "rid", "set", "shed", "shut", "slit",
                   "split", "spread", "thrust", "upset"}


def _misread_past(verb: Token) -> bool:
    """A past spelt like the base ("hurt", "cut", "set") tagged present although its subject is
    a singular noun, which the present would give an -s: "Weakness hurt the index"."""
    return (verb.tag_ == "VBP" and verb.lower_ in _UNCHANGED_PAST
            and any(c.dep_ == "nsubj" and c.tag_ in {"NN", "NNP"} for c in verb.children))


def _pluperfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def token_at(doc: Doc, offset: int) -> Token:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    return doc[-1]


def _verb_tense(verb: Token) -> str | None:
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & _HEDGED_PAST and "have" in auxes:
        return "past"  # "may have been responsible for the drop on Wednesday"
    if "could" in auxes and any(c.dep_ == "neg" for c in verb.children):
        return "past"  # "could not be reached Wednesday": what was not possible then
    if auxes & _FUTURE_AUX:
        return "future"
    if auxes & {"was", "were", "had", "did"} or verb.tag_ == "VBD" or _misread_past(verb):
        return "past"
    if verb.tag_ == "VBN" and (not auxes or auxes & {"has", "have", "having"}):
        return "past"  # "has announced", "having resigned", "the ruling issued Thursday"
    if verb.tag_ == "VBG" and "been" in auxes and auxes & {"has", "have"}:
        return "past"  # "have been searching since the Oct. 23 slaying"
    if auxes & {"is", "are", "am"} or verb.tag_ in {"VBZ", "VBP"}:
        return "present"
    return None


def _verb_direction(verb: Token, depth: int) -> str | None:
    if _pluperfect(verb) or (_infinitive(verb) and _pluperfect(verb.head)):
        return "past"  # "had been scheduled to expire at midnight Friday": told from after it
    if verb.lemma_ in _INTENT and _than(verb):
        # "fewer loans than expected in May", "better-than-expected January sales": a
        # comparison, not an intent; the clause it compares tells the time
        return _governing_direction(verb, depth)
    if verb.lemma_ in _INTENT and verb.dep_ == "acl":
        # "a service planned for Saturday": as the clause around it tells ("… was cancelled",
        # "… draws crowds"); ahead when nothing does
        return _governing_direction(verb, depth) or "future"
    if verb.lemma_ in _INTENT or (_infinitive(verb) and (verb.head.lemma_ in _INTENT | {"set"}
                                                          or _aims(verb.head))):
        return "future"  # "planned a rally on Saturday", "set to resume Monday"
    tense = _verb_tense(verb)
    if tense is not None:
        return tense
    return _governing_direction(verb, depth)


def _than(verb: Token) -> bool:
    """ "than expected", "better-than-expected": the verb ends a comparison."""
    return any(t.lower_ == "than" for t in verb.doc[max(0, verb.i - 2) : verb.i])


def _governing_direction(verb: Token, depth: int) -> str | None:
    if depth < 3 and verb.head.i != verb.i:
        governing = verb.head
        while governing.pos_ not in {"VERB", "AUX"} and governing.head.i != governing.i:
            governing = governing.head
        if governing.pos_ in {"VERB", "AUX"}:
            return _verb_direction(governing, depth + 1)
    return None
