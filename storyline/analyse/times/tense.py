"""Which way an underspecified time expression points, read from the clause that holds it.

News tense rule: a clause about the past ("said on Friday") looks back from the publication
date, a clause about a coming event ("will meet on Tuesday", "meets on Tuesday") looks ahead,
and a plan told in the past ("the board was to meet on Monday") may be either, so the nearer
day wins (``NEAREST``); prepositions such as "until" or "since" decide whatever the verb.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

NEAREST = "nearest"  # a direction: whichever side of the publication date is nearer
# A modal with "have" looks back: "may have been", "could have sent", "should have known".
_HEDGED_PAST = {"would", "could", "may", "might", "should", "must"}
_FUTURE_AUX = {"will", "'ll", "’ll", "shall", "would", "could", "may", "might", "should",
               "going", "wo", "must"}
# "can" looks ahead with a deed ("a candidate who can win in November"), not with "be": "New
# Year's Eve in Cologne can be a raucous affair" says what the day is like, "the arrests after
# the September 11 attacks can be explained by poor intelligence" what they were.
_CAN = {"can", "ca"}


# Verbs of intent whose time is still to come, whatever their own tense: "planned a rally on
# Saturday", "has scheduled a news conference Thursday", "were planning to drive on Monday".
_INTENT = {"plan", "schedule", "intend", "expect", "prepare", "slate", "pencil"}
_INTENT_FORMS = {"slated"}  # the small model lemmatises it as "slat"
# Conjunctions of condition and time, whose clause tells what is to come in the present.
_CONDITIONS = {"if", "unless", "once", "until", "till", "when", "whenever", "before", "after"}
# Verbs of saying, whose present in news ("he says Monday", "tells CNN on Sunday") reports a
# statement already made.
_SPEECH = {"say", "tell"}
# Words whose infinitive is a plan or a forecast: "set to resume Monday", "was due to meet on
# Saturday", "said the vote was likely to pass on Friday".
_FIXED = {"set", "due", "likely", "unlikely"}
# Verbs of aim whose infinitive is still to come when the aim is reported: "said they hoped to
# get supplies in by Friday", "vowed to return on Monday". A hope told as narrative may be
# over ("they hoped to reach the town on Monday, but were turned back"); a vow is told as one.
_PLEDGES = {"promise", "pledge", "vow"}
_HOPES = {"hope", "aim", "seek"}
_HOPE_FORMS = {"hoped", "hoping", "hopes"}  # the small model lemmatises them as "hop"


def _intends(verb: Token) -> bool:
    return verb.lemma_ in _INTENT or verb.lower_ in _INTENT_FORMS


def _be_to(verb: Token) -> bool:
    """ "the board was to meet on Monday", "flights are to be arranged for Friday": a plan."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ == "be"


def _aims(verb: Token) -> bool:
    if verb.lemma_ in _PLEDGES:
        return True
    hope = verb.lemma_ in _HOPES or verb.lower_ in _HOPE_FORMS
    return hope and (verb.dep_ == "ccomp" or _verb_tense(verb) == "present")


def _infinitive(verb: Token) -> bool:
    """ "to meet", "to be aired"; not "to have been questioned", which looks back."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.tag_ == "VB" or (verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children))


# Prepositions that point one way whatever the verb: "until Monday", "since Monday".
_FORWARD_RE = re.compile(r"\b(?:until|till|ahead of|effective|payable|due(?:\s+by)?|"
                         r"(?:scheduled|slated|set)\s+for)\s+(?:the\s+)?$", re.IGNORECASE)
_BY_OR_BEFORE_RE = re.compile(r"\b(?:by|before)\s+$", re.IGNORECASE)
# "since March", "since the April 20 explosion": a time that has been
SINCE_RE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
# "as of Friday": the day a count or a state is told at
_AS_OF_RE = re.compile(r"\bas of\s+$", re.IGNORECASE)


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
        past = verb is not None and (_told_from_after(verb) or _verb_tense(verb) == "past"
                                     or (_verb_tense(verb) is None and _gerund_of_past(verb)))
        if _BY_OR_BEFORE_RE.search(before):
            # "will leave before Friday", "asked them to leave by Monday" look ahead; "the
            # attack came just before 5am on Thursday", "the toll rose to 45 by Thursday
            # night" back, as their own verb tells
            return "past" if past else "future"
        if SINCE_RE.search(before):
            return "past"
        if _AS_OF_RE.search(before):
            # "is 28 days away as of Tuesday", "days left as of Friday": the nearest such
            # day; "550 skimmers were at work as of Friday" the one gone (a participle such as
            # "left" tells no tense here)
            return "past" if past and not bare_participle(verb) else NEAREST
    way = _verb_direction(verb, 0) if verb is not None else None
    if ((way == "past" and not _pluperfect(verb))
            or (way == "present" and token_at(doc, offset).dep_ == "poss")) and _names_deadline(
                doc, offset):
        # "set a Saturday deadline", "gave them a deadline of Monday": a deadline is set before
        # it falls, so a past verb does not tell which side of the report it lies on; nor does
        # a present one a day's possessive ("Monday's deadline looms")
        return NEAREST
    if (way == "present" and _gerund_deed(verb)
            and token_at(doc, offset).dep_ not in _QUALIFYING):
        # "is upbeat about his chances of winning in November": a deed still to come; not a
        # time that qualifies a noun ("is trying to sell itself under a June agreement")
        way = "future"
    if way in {"present", "future"} and known_unforeseen(_named_noun(doc, offset)):
        return "past"  # "will investigate the Friday bombing": the bombing has been
    if way in {"present", "future"}:
        noun = _qualified_noun(doc, offset)
        if noun is not None and noun.dep_ == "dobj" and noun.head.lemma_ in _AFTERMATH:
            return "past"  # "the move follows a report on Monday that …": a deed done
        if noun is not None and _given_event(noun):
            return NEAREST  # "a boost from the win Tuesday": the event's day, not the clause's
    return way


# Prepositions whose object is an event told as already known ("because of the slaying on
# Friday", "a boost from the win Tuesday", "despite defeats on Tuesday night"); not "for my
# show on Saturday night", nor a subject, which may be the coming event itself ("a hearing on
# Friday will consider the evidence").
_GIVEN_BY = {"of", "because", "from", "despite", "after", "following", "since", "amid"}
_DAY_PARTS = {"morning", "afternoon", "evening", "night"}


# Verbs whose object is a deed already done, whatever their own tense: "the move follows a
# report on Monday", "leaders condemn the attack on Sunday that killed 12".
_AFTERMATH = {"follow", "condemn", "denounce", "deplore", "mourn", "investigate", "probe"}


def _qualified_noun(doc: Doc, offset: int) -> Token | None:
    """The noun the time at ``offset`` qualifies ("the slaying on Friday", "the testimony
    Tuesday of four officials"), or None where it hangs on a verb."""
    token = token_at(doc, offset)
    if token.dep_ == "compound" and token.head.lower_ in _DAY_PARTS:
        token = token.head  # "defeats on Tuesday night": the phrase's head
    if token.head.dep_ == "prep" and token.head.lower_ == "on" and token.dep_ == "pobj":
        noun = token.head.head
    elif token.dep_ in {"npadvmod", "compound", "nmod"}:
        noun = token.head
    else:
        return None
    return noun if noun.pos_ == "NOUN" and noun.i < token.i else None


# Events no one can date before they happen: a date that names one ("the April 20 explosion",
# "the March earthquake") is past whatever the clause's tense ("will rebuild after …").
UNFORESEEN = {"explosion", "blast", "blowout", "bombing", "attack", "shooting", "massacre",
              "killing", "murder", "assassination", "crash", "collision", "derailment",
              "earthquake", "quake", "tsunami", "flood", "storm", "hurricane", "tornado",
              "eruption", "fire", "blaze", "spill", "leak", "disaster", "accident", "raid",
              "ambush", "coup", "uprising", "riot", "clash", "kidnapping", "abduction",
              "hijacking", "death", "collapse", "outbreak", "airstrike", "assault", "rampage",
              "stabbing", "shootout", "crackdown", "tragedy", "catastrophe"}
_DEADLINES = {"deadline", "ultimatum", "cutoff"}


def _named_noun(doc: Doc, offset: int) -> Token | None:
    """The noun a time names the day of: "a Monday deadline", "Wednesday's deadline", "a
    deadline of (or on) Saturday", "the shooting on Friday"."""
    token = token_at(doc, offset)
    if token.dep_ in {"poss", "compound", "nmod", "npadvmod"}:
        return token.head
    if token.dep_ == "pobj" and token.head.lower_ in {"of", "for", "on"}:
        return token.head.head
    return None


def known_unforeseen(noun: Token | None) -> bool:
    """Whether a noun is an unforeseeable event told as known: "the April 20 explosion", "its
    Friday bombing"; not "a third attack on Thursday", which may yet come."""
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in UNFORESEEN:
        return False
    # the determiner may hang on a word of the compound: "its April 20 oil well blowout"
    words = [noun, *(c for c in noun.children if c.dep_ == "compound")]
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this", "that"})
               for w in words for c in w.children)


def _names_deadline(doc: Doc, offset: int) -> bool:
    noun = _named_noun(doc, offset)
    return (noun is not None and noun.lemma_.lower() in _DEADLINES
            and noun.head.lemma_ not in _PASSED)


# Verbs whose object is a deadline gone by: "missed the Monday deadline".
_PASSED = {"miss", "pass", "meet", "beat", "ignore", "defy", "flout", "blow"}


def _given_event(noun: Token) -> bool:
    """Whether a noun is the object of a preposition of cause, source or concession, an event
    the clause refers to; its time is that event's, which a present or future verb does not
    tell ("Christie said blacks will vote for him because of the slaying on Friday")."""
    if noun.dep_ != "pobj":
        return False
    # "his motive for the shooting on Sunday night": a noun's complement, whatever its word
    return noun.head.lower_ in _GIVEN_BY or noun.head.head.pos_ == "NOUN"


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
        # it on the reported clause instead. Not a possessive day, which belongs to its noun:
        # "is hoping Saturday's caucuses will set her on a clear path".
        before = token_at(doc, phrase_start)
        if before.i > 0 and token_at(doc, offset).dep_ != "poss":
            previous = doc[before.i - 1]
            if previous.pos_ in {"VERB", "AUX"} and previous.dep_ not in {"aux", "auxpass"}:
                return previous
    verb = token_at(doc, offset)
    for _ in range(12):
        if _is_verb(verb) and verb.dep_ not in {"aux", "auxpass"}:
            return verb
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


# Dependencies only a noun has: a "verb" in one is a misread noun ("used Sunday talk shows").
_NOUN_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "compound"}


_VERB_ONLY = {"nsubj", "nsubjpass", "expl", "csubj", "mark", "dobj"}


def _is_verb(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ in _NOUN_DEPS:
        return False
    # A present under another verb, with no subject, object or conjunction of its own, is a
    # misread noun ("did not revisit her Wall Street remarks in an address on Sunday",
    # "appeared on Blitzer's CNN show later Wednesday"); a conjunct shares its subject, "Below
    # is a video" has one the parser calls an attribute, and "the panel that on Monday begins
    # its hearings" has its object.
    return not (token.tag_ in {"VBZ", "VBP"} and token.pos_ == "VERB"
                and token.dep_ not in {"conj", "ROOT"}
                and not any(c.dep_ in _VERB_ONLY for c in token.children))


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
    if verb.dep_ == "acomp":  # "had been due to expire": the tense is on the copula
        verb = verb.head
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def token_at(doc: Doc, offset: int) -> Token:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    return doc[-1]


def _auxiliaries(verb: Token) -> set[str]:
    """A verb's auxiliaries in lower case. A name the parser hangs on the verb as one is none:
    in "Theresa May suffered a setback Tuesday" "May" is her surname, not the modal."""
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.tag_ != "NNP"}


def _verb_tense(verb: Token) -> str | None:
    auxes = _auxiliaries(verb)
    if auxes & _HEDGED_PAST and "have" in auxes:
        return "past"  # "may have been responsible for the drop on Wednesday"
    if "could" in auxes and any(c.dep_ == "neg" for c in verb.children):
        return "past"  # "could not be reached Wednesday": what was not possible then
    if auxes & _FUTURE_AUX or (auxes & _CAN and verb.lemma_ != "be" and "be" not in auxes):
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


def _told_from_after(verb: Token) -> bool:
    """A past perfect, or an infinitive hanging on one ("had raised $38 million to boost his
    candidacy by the end of June"): told from after the time it names."""
    return _pluperfect(verb) or (_infinitive(verb) and _pluperfect(verb.head))


def _verb_direction(verb: Token, depth: int) -> str | None:
    if _told_from_after(verb):
        return "past"  # "had been scheduled to expire at midnight Friday": told from after it
    if _intends(verb) and _than(verb):
        # "fewer loans than expected in May", "better-than-expected January sales": a
        # comparison, not an intent; the clause it compares tells the time
        return _governing_direction(verb, depth)
    if _intends(verb) and _as_aside(verb):
        # "reopened, as planned, on Monday", "retired as scheduled on June 30": the plan is an
        # aside on the deed, whose own tense tells the time
        return _governing_direction(verb, depth)
    if _intends(verb) and verb.dep_ == "acl":
        # "a service planned for Saturday": as the clause around it tells ("… was cancelled",
        # "… draws crowds"); ahead when nothing does
        return _governing_direction(verb, depth) or "future"
    head = verb.head
    if _complement_participle(verb):
        return _governing_direction(verb, depth)  # "will make their voice known on Tuesday"
    if _intends(verb):
        return _plan_direction(verb)  # "planned a rally on Saturday"
    if _infinitive(verb) and (_intends(head) or head.lemma_ in _FIXED or _aims(head)
                              or _be_to(verb)):
        return _plan_direction(head)  # "set to resume Monday"
    tense = _verb_tense(verb)
    if tense == "present" and verb.lemma_ in _SPEECH:
        return "past"  # "Allen says Monday afternoon that …": the news present of a statement
    if tense == "present" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS
                                  for c in verb.children):
        return "future"  # "if a Republican is elected in November": English tells it so
    if tense is not None:
        return tense
    return _governing_direction(verb, depth)


_QUALIFYING = {"compound", "nmod", "amod", "npadvmod", "poss"}
# Verbs whose object takes a participle of its own: "make their voice known", "get it done",
# "want the bill passed".
_CAUSATIVES = {"make", "get", "have", "want", "need", "see", "keep", "leave", "find"}


def bare_participle(verb: Token) -> bool:
    """A past participle with no auxiliary: "days left", "their voice known"."""
    return verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _complement_participle(verb: Token) -> bool:
    """A participle completing another verb's object ("will make their voice known on
    Tuesday") has no tense of its own: the verb it completes tells the time."""
    return (bare_participle(verb) and verb.dep_ in {"ccomp", "xcomp", "oprd"}
            and verb.head.lemma_ in _CAUSATIVES)


def _gerund_deed(verb: Token) -> bool:
    """ "chances of winning", "key to scoring", "prizes reclaiming the White House": a deed
    not yet told as done. Not a gerund after a verb's preposition, which tells no more than
    that verb ("suspected of transferring", "with voters viewing him positively"), nor a
    participle ("a jet flying overhead on March 7", "protests are new, beginning over the
    weekend"), nor "according to". An infinitive is no plan either: "is reported to be on the
    second day of an offensive", a chronology's "8 May: dome fails to cap leak"."""
    if verb.tag_ != "VBG" or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    if verb.dep_ == "pcomp":
        return verb.head.head.pos_ in {"NOUN", "PROPN", "ADJ"}
    return verb.dep_ in {"conj", "dobj", "xcomp"}


def _plan_direction(word: Token) -> str:
    """A plan looks ahead. Told in the past ("the board was to meet on Monday", "the case was
    due to start on Thursday") it may be over by the report, so the nearer such day wins;
    reported ("officials said the city was likely to reopen on Thursday") the past is only
    the report's, and the plan still looks ahead."""
    if word.dep_ == "acomp":  # "was due to", "was likely to": the tense is on the copula
        word = word.head
    auxes = _auxiliaries(word)
    told_past = word.tag_ == "VBD" or bool(auxes & {"was", "were", "did"})
    return NEAREST if told_past and word.dep_ != "ccomp" else "future"


def _gerund_of_past(verb: Token) -> bool:
    """ "had begun slipping back by mid-July", "kept arriving before dawn": a gerund completing
    a past verb is as past as that verb."""
    return (verb.tag_ == "VBG" and verb.dep_ == "xcomp"
            and (_told_from_after(verb.head) or _verb_tense(verb.head) == "past"))


def _as_aside(verb: Token) -> bool:
    """ "as planned", "as scheduled", "as expected": a bare participle under "as" that comments
    on the verb it hangs on."""
    return (verb.dep_ == "advcl" and bare_participle(verb)
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children))


def _than(verb: Token) -> bool:
    """ "than expected", "better-than-expected": the verb ends a comparison."""
    return any(t.lower_ == "than" for t in verb.doc[max(0, verb.i - 2) : verb.i])


def _governing_direction(verb: Token, depth: int) -> str | None:
    if depth < 3 and verb.head.i != verb.i:
        governing = verb.head
        while not _is_verb(governing) and governing.head.i != governing.i:
            governing = governing.head
        if _is_verb(governing):
            return _verb_direction(governing, depth + 1)
    return None
