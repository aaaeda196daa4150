"""Which words report speech: the verbs that put a statement into words, and the parser's
misreadings of them.

A speech verb is known by its lemma ("said", "joked"), a particle ("pointed out") or a phrase
("made it clear that"); a verb the tagger took for a plural noun still counts where it heads
a clause of its own ("But Trump claims that …"). Figures of speech ("let's say", "needless to
say", "it is fair to say") report nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

# Verbs that put a statement into words. Not beliefs ("think", "fear"), questions and orders
# ("ask", "urge"), or verbs that take no clause ("call", "brand", "blame").
SPEECH_LEMMAS = frozenset([
    "say", "tell", "add", "announce", "state", "declare", "note", "explain", "warn", "write",
    "insist", "claim", "deny", "reply", "respond", "confirm", "predict", "argue", "suggest",
    "acknowledge", "admit", "clarify", "repeat", "stress", "promise", "vow", "remark", "recall",
    "complain", "concede", "caution", "emphasise", "emphasize", "observe", "report", "tweet",
    "post", "testify", "contend", "maintain", "assert", "agree", "pledge", "reiterate",
    "allege", "estimate", "indicate", "disclose", "reveal", "signal", "hint", "mention",
    "speculate", "forecast", "conclude", "joke", "quip", "boast", "brag", "lament", "proclaim",
    "remind", "assure", "inform", "counter", "retort", "muse", "swear", "affirm", "charge",
    "reassure", "reassert", "restate", "reconfirm", "comment", "advise", "notify",
])
# Phrasal speech verbs: "pointed out that …"
SPEECH_PARTICLES = {"point": "out"}
_FIGURES_OF_SPEECH = frozenset({"let", "needless"})


def is_speech_cue(token: Token) -> bool:
    """Whether ``token`` reports speech in its sentence, not merely as a word could."""
    if token.head.lower_ in _FIGURES_OF_SPEECH and token.head.i < token.i:
        return False  # "Let's say you think …", "needless to say": nobody reports anything
    lemma = token.lemma_.lower()
    if lemma == "make":
        return made_clear(token) is not None
    if lemma in SPEECH_PARTICLES:
        if not with_particle(token):
            return False
    elif lemma not in SPEECH_LEMMAS or _said_by_nobody(token) or _that_said(token):
        return False
    return token.pos_ in {"VERB", "AUX"} or _verb_read_as_noun(token)


def with_particle(token: Token) -> bool:
    """A phrasal speech verb with its particle: "pointed out", not "pointed to"."""
    particle = SPEECH_PARTICLES.get(token.lemma_.lower())
    return particle is not None and any(c.dep_ == "prt" and c.lower_ == particle
                                        for c in token.children)


def _said_by_nobody(token: Token) -> bool:
    """ "It's safe to say …", "it is too soon to say": an infinitive under a predicate whose
    only subject is a dummy "it" is a way of putting things, not a report."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    head = token.head
    for _ in range(2):
        if any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in head.children):
            return True
        if head.pos_ not in {"ADJ", "ADV"}:
            return False
        head = head.head
    return False


def _that_said(token: Token) -> bool:
    """ "That said, …", "That being said, …", "Having said that, …": an opening phrase that
    turns the writer's argument, not a report."""
    doc = token.doc
    before = [t.lower_ for t in doc[token.sent.start : token.i]]
    if before[:1] in (["but"], ["and"], ["still"]):
        before = before[1:]
    after = [t.lower_ for t in doc[token.i + 1 : token.i + 3]]
    if before in (["that"], ["this"], ["that", "being"], ["this", "being"], ["with", "that"]):
        return after[:1] == [","]
    return before == ["having"] and after in (["that", ","], ["this", ","])


def _verb_read_as_noun(token: Token) -> bool:
    """ "But Trump claims that he …", "Trump predicts that …": the parser took the verb for a
    plural noun (its subject for a modifier), yet it heads the sentence with a clause of its
    own, as only a verb can."""
    return (token.tag_ == "NNS" and token.dep_ == "ROOT"
            and any(c.dep_ in {"nsubj", "compound"} and c.i < token.i for c in token.children)
            and any(c.dep_ == "ccomp" and c.i > token.i for c in token.children))


def made_clear(verb: Token) -> Token | None:
    """ "The White House made (it) clear (that) the president would veto the bill": the
    clause, which the parser hangs on "made" or on "clear"; without "that", it opens with its
    subject right after "clear"."""
    clear = next((c for c in verb.children if c.lower_ == "clear"), None)
    if clear is None:
        # "made clear the president would veto": "clear" hung on the clause itself
        after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
        if (after is not None and after.lower_ == "clear" and after.head.dep_ == "ccomp"
                and after.head.head == verb and _opens_with_subject(after.head, after.i + 1)):
            return after.head
        return None
    for clause in [*verb.children, *clear.children]:
        if clause.i <= clear.i or clause.dep_ not in {"ccomp", "advcl"}:
            continue
        if (any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
                or _opens_with_subject(clause, clear.i + 1)):
            return clause
    return None


def _opens_with_subject(clause: Token, at: int) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.left_edge.i == at for c in clause.children)
