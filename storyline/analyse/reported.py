"""Reported speech: "X said (that) …", "…, X said", "according to X, …".

The content is the clause a speech verb governs (its clausal complement, as the parser reads
it), the speaker the verb's subject, resolved like a direct quotation's speaker. Content that
lies inside a quotation mark pair belongs to the direct quotation, not here.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.analyse.attribution import (
    EntityIndex,
    Salience,
    Source,
    according_to,
    describe_source,
    subject_of,
)

# Verbs that put a statement into words. Not beliefs ("think", "fear"), questions and orders
# ("ask", "urge"), or verbs that take no clause ("call", "brand", "blame").
SPEECH_LEMMAS = frozenset([
    "say", "tell", "add", "announce", "state", "declare", "note", "explain", "warn", "write",
    "insist", "claim", "deny", "reply", "respond", "confirm", "predict", "argue", "suggest",
    "acknowledge", "admit", "clarify", "repeat", "stress", "promise", "vow", "remark", "recall",
    "complain", "concede", "caution", "emphasise", "emphasize", "observe", "report", "tweet",
    "post", "testify", "contend", "maintain", "assert", "agree", "pledge", "reiterate",
    "allege", "estimate", "indicate", "disclose", "reveal", "signal", "hint", "mention",
    "speculate", "forecast", "conclude",
])
MIN_CONTENT_TOKENS = 4
QUOTED_SHARE = 0.8
_FIGURES_OF_SPEECH = frozenset({"let", "needless"})


@dataclass(frozen=True)
class ReportedSpeech:
    start: int
    end: int
    cue: Token
    source: Source | None


def _is_speech_cue(token: Token) -> bool:
    if token.head.lower_ in _FIGURES_OF_SPEECH and token.head.i < token.i:
        return False  # "Let's say you think …", "needless to say": nobody reports anything
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in SPEECH_LEMMAS


def _clause(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "ccomp" and child.pos_ in {"VERB", "AUX"}:
            return child
    return None


def _extent(tokens: list[Token]) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    doc = first.doc
    while last.i > first.i and last.is_punct and last.text not in {"”", '"', ")"}:
        last = doc[last.i - 1]
    while first.i < last.i and (first.is_punct or first.dep_ == "cc"):
        first = doc[first.i + 1]
    return first.idx, last.idx + len(last.text)


def _sentence_remainder(sentence: Span, phrase: list[Token]) -> tuple[int, int] | None:
    """The part of the sentence left of or right of an "according to X" phrase."""
    lo, hi = min(t.i for t in phrase), max(t.i for t in phrase)
    left = [t for t in sentence if t.i < lo]
    right = [t for t in sentence if t.i > hi]
    side = right if len(right) >= len(left) else left
    words = [t for t in side if not t.is_punct]
    if len(words) < MIN_CONTENT_TOKENS:
        return None
    return _extent(side)


def find_reported(doc: Doc, entities: EntityIndex, salience: Salience,
                  inside_quotes: list[tuple[int, int]]) -> list[ReportedSpeech]:
    """Reported speech in ``doc``, skipping content already inside direct quotations."""
    text = doc.text  # built afresh by spaCy on every access

    def quoted(start: int, end: int) -> bool:
        """Most of the content is a direct quotation ("“…,” he said" is not reported speech),
        or the content starts inside one, or runs over a paragraph break."""
        if "\n" in text[start:end] or any(q_start <= start < q_end - 1
                                              for q_start, q_end in inside_quotes):
            return True
        return any(q_start < end and start < q_end and (min(end, q_end) - max(start, q_start))
                   > QUOTED_SHARE * (end - start) for q_start, q_end in inside_quotes)

    found: list[ReportedSpeech] = []
    for token in doc:
        if token.lower_ == "according":
            holder = according_to([token])
            if holder is None:
                continue
            span = _sentence_remainder(token.sent, list(token.subtree))
            if span and not quoted(*span):
                found.append(ReportedSpeech(*span, token,
                                            describe_source(holder, entities, salience)))
            continue
        if not _is_speech_cue(token):
            continue
        clause = _clause(token)
        if clause is None:
            continue
        content = list(clause.subtree)
        if sum(1 for t in content if not t.is_punct) < MIN_CONTENT_TOKENS:
            continue
        start, end = _extent(content)
        if quoted(start, end):
            continue
        subject = subject_of(token)
        source = describe_source(subject, entities, salience) if subject is not None else None
        found.append(ReportedSpeech(start, end, token, source))
    # "Ushakov said Putin told Biden that ...": the statement is Ushakov's; a report inside a
    # report is part of it.
    return [r for r in found if not any(o is not r and o.start <= r.start and r.end <= o.end
                                        and (o.start, o.end) != (r.start, r.end) for o in found)]
