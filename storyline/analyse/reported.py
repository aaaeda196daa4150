"""Reported speech: "X said (that) …", "…, X said", "according to X, …".

The content is the clause a speech verb (``speech_verbs``) governs: its clausal complement,
as the parser reads it or misattaches it ("told a meeting of leaders that …"); the statement
its reporting clause is set into ("The plan, X said, failed", "As X noted, …"); or the
paragraph a verb and a colon introduce as a block. What is reported stays in the verb's
paragraph, after its dateline. The speaker is the verb's subject, resolved like a direct
quotation's speaker. Content that lies inside a quotation mark pair belongs to the direct
quotation, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyline.analyse.attribution import (
    EntityIndex,
    Salience,
    Source,
    according_to,
    apposed_before,
    describe_source,
    describe_speaker,
    inverted_set_in,
    names_only,
    participle_read_as_verb,
    speaker_set_in_statement,
    subject_of,
)
from storyline.analyse.speech_verbs import is_speech_cue, made_clear
from storyline.clean.metadata import parse_dateline

MIN_CONTENT_TOKENS = 3
MAX_REPORTING_CLAUSE = 12  # tokens: "the agency said in a report released on Monday"
_CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–"})
_OWN_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "dative"})
QUOTED_SHARE = 0.8
_TOLD_TO_SOMEONE = frozenset({"tell", "remind", "assure", "inform"})  # their object: the hearer
_HEARERS = frozenset({"reporter", "journalist", "audience", "crowd", "interviewer", "listener"})
# One-word names of news agencies, told things as hearers: "told Reuters", "told Xinhua".
_NEWS_AGENCIES = frozenset({"reuters", "bloomberg", "axios", "politico", "xinhua", "interfax",
                            "tass", "yonhap", "kyodo", "bernama", "anadolu", "efe", "ansa",
                            "dpa", "ria", "itar-tass"})
_OPENING_MARKS = frozenset({"“", '"', "‘", "``", "«"})
_FINITE = frozenset({"MD", "VBD", "VBP", "VBZ"})
_SETTINGS = frozenset({"in", "on", "at", "during", "via", "through"})  # "said in a statement"
_MISPLACED_MODIFIERS = frozenset({"prep", "punct", "intj", "advmod", "npadvmod"})
_OPENING_MODIFIERS = frozenset({"prep", "advmod", "cc", "intj", "mark"})
_NEXT_ACT = re.compile(r"[\s,;]*(?:and|but|then|before)\s", re.IGNORECASE)
_MARKS_AND_MARKUP = "\"“”‘’'«<["


@dataclass(frozen=True)
class ReportedSpeech:
    start: int
    end: int
    cue: Token
    source: Source | None


def _has_subject(token: Token) -> bool:
    """A clause the parser headed by its predicate adjective or noun ("… was “unhinged”")."""
    return any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in token.children)


def _content(token: Token) -> list[Token] | None:
    """What the speech verb reports: its clausal complement ("X said the plan failed"), or
    the statement a reporting clause is set into ("The plan, X said, failed")."""
    if token.lemma_.lower() == "make":
        # without "clear", which the parser may have hung inside the clause
        return [t for t in made_clear(token).subtree if t.i > token.i + 1]
    inverted = inverted_set_in(token)
    if inverted is not None:
        # the statement is the verb's subject and what follows the speaker's phrase
        named, clause = inverted
        subject = [t for c in token.children if c.dep_ == "nsubj" for t in c.subtree]
        return subject + [t for t in clause.subtree if t.i > named.right_edge.i + 1]
    speaker = speaker_set_in_statement(token)
    clauses = [c for c in token.children
               if c.dep_ == "ccomp" and (c.pos_ in {"VERB", "AUX"} or _has_subject(c))
               and not _bare_participle(token, c) and not _subjectless_next(token, c)
               and not _adverbial_before(token, c) and not _beyond_semicolon(token, c)
               and not _past_own_object(token, c) and not _before_own_object(token, c)
               and not _owner_read_as_subject(c)]
    clauses += _misattached_that_clauses(token)
    clauses += _gerund_subjects(token)
    clauses = clauses or _unmarked_adverbials(token)
    if clauses:
        # Two clauses read as complements ("It's unlikely; the team says she'll go on"):
        # the one after the verb is what it reports.
        after = [c for c in clauses if c.i > token.i]
        clause = after[0] if after else clauses[-1]
        clause = _statement_of_relay(clause)
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in clause.children):
            return None  # "would not say whether the deal was done": a question left open
        if _left_unsaid(token, clause):
            return None
        subject = _split_subject(token, clause) + _subject_after_hearer(token, clause)
        if not subject and _missing_subject(token, clause):
            return None
        content = _without_hearer(token, subject + _before_next_report(clause)
                                  + _rest_of_split_statement(token, clause)
                                  + _modal_continuations(token, clause))
        # "…, the brother of the gunman, Eric Paddock, said": the statement ends at its comma
        if speaker is not None:
            return [t for t in content if t.i < speaker.start - 1]
        return _without_speaker_inside(token, clause, content)
    if token.dep_ == "conj" and speaker is not None:
        return [t for t in token.head.subtree if t.i < speaker.start - 1]
    lead_in = _reporting_clause_read_as_complement(token)
    if lead_in is not None:
        return lead_in
    if token.dep_ == "parataxis" and token.head.pos_ in {"VERB", "AUX"}:
        return _around_reporting_clause(token, list(token.head.subtree))
    if token.dep_ == "parataxis":  # "The difference now, he told me, is …": set into a noun
        return _around_reporting_clause(token, list(token.sent))
    if token.dep_ == "ROOT":  # the parser made the set-in clause the sentence's head
        return _around_reporting_clause(token, list(token.sent))
    mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ == "as"
                 and c.i < token.i), None)
    if token.dep_ == "advcl" and mark is not None:
        # "As the Times noted, Clinton raised …": the clause it is set into, without the "And"
        # that opens the sentence before it; not a statement with its own speaker ("“…,” he
        # announced, as Perry recalled it"), which is that speaker's, nor a time ("even as
        # the talks were announced")
        head = token.head
        if ((is_speech_cue(head) and _has_subject(head) and _content(head) is not None)
                or (mark.i and token.doc[mark.i - 1].lower_ in _AS_OF_TIME)
                or _ongoing_or_ahead(token)
                or any(t.dep_ in _OWN_OBJECTS and not _hearer(token, t)
                       for t in token.subtree if t.i > token.i)
                or (any(c.dep_ == "nsubjpass" for c in token.children)
                    and not any(c.dep_ == "agent" for c in token.children))):
            # … nor what was said ("as the talks were announced")
            return None
        inner = {t.i for t in token.subtree}
        content = [t for t in token.head.subtree if t.i not in inner]
        while content and content[0].i < token.i and content[0].dep_ in {"cc", "punct"}:
            content = content[1:]
        return content or None
    return None


_AS_OF_TIME = frozenset({"even", "soon"})  # "even as …", "as soon as …": a time, not a source


def _ongoing_or_ahead(verb: Token) -> bool:
    """ "The update comes as Smith will testify", "… as she was speaking": an "as" with a
    modal or a progressive verb tells when, not who said so ("as Smith noted"). (Nor does
    one whose verb has an object of its own: "… as most companies reported good results".)"""
    return verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _adverbial_before(verb: Token, clause: Token) -> bool:
    """ "As criticism grew louder, the academy announced a review": a clause before the verb
    joined by "as", "when" or "if" sets the scene; it was not what was said — unless the
    parser hung the statement on it ("Rockets will be needed as astronauts venture out, said
    Tom Engler": a clause with its own subject before the "as")."""
    mark = next((c for c in clause.children if _joining_word(c) and c.lower_ != "that"), None)
    return clause.i < verb.i and mark is not None and not any(
        c.i < mark.i and c.dep_ in {"ccomp", "advcl", "conj"} and _has_subject(c)
        for c in clause.children)


def _past_own_object(verb: Token, clause: Token) -> bool:
    """ "… since the businessman announced his candidacy, here we are": a clause after the
    verb's own object and a comma is the sentence going on, not what the verb reports."""
    if verb.lemma_.lower() in _TOLD_TO_SOMEONE or any(
            c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return False  # "told the workers, who had waited, that …": a hearer, a complement
    objects = [c for c in verb.children
               if c.dep_ == "dobj" and verb.i < c.i < clause.i and not _hearer(verb, c)]
    # (an object that is the clause's subject misread is not one: "said foreign ministers
    # Berg and Hale, who met on Dec. 3, could meet again")
    between = verb.doc[objects[0].right_edge.i : clause.i] if objects else []
    return _has_subject(clause) and any(t.text == "," for t in between)


def _before_own_object(verb: Token, clause: Token) -> bool:
    """ "Ms. LaBelle got a roar when … she added the words “…”", "In his book, “Make Your Kid a
    Millionaire,” McKinley suggested looking at …": a verb with an object of its own right
    after it reports that, not a clause before it (after a phrase or a colon the "object" may
    be a title or a list: "…, Rubio said in his book, “An American Son”")."""
    return (clause.i < verb.i and verb.lemma_.lower() not in _TOLD_TO_SOMEONE
            and any(c.dep_ in {"dobj", "xcomp"} and c.left_edge.i == verb.i + 1
                    and not _hearer(verb, c) for c in verb.children))


def _left_unsaid(verb: Token, clause: Token) -> bool:
    """ "The company did not say how the law would affect it", "who did not say that he was
    unfit": a question the speaker did not answer, or a claim not made, states nothing."""
    return (any(c.dep_ == "neg" for c in verb.children) and clause.i > verb.i
            and (clause.left_edge.tag_ in {"WRB", "WP", "WDT"} or verb.lemma_.lower() == "say"))


def _joining_word(token: Token) -> bool:
    """The word that opens a subordinate clause: a mark ("as", "if"), or "when" or "where"
    as the parser may read it (an adverb of the clause's verb)."""
    return token.dep_ == "mark" or (token.dep_ == "advmod" and token.tag_ == "WRB"
                                    and token.i == token.head.left_edge.i)


def _without_speaker_inside(verb: Token, clause: Token, content: list[Token]) -> list[Token]:
    """ "… lost his support among Republicans, White House and Republican sources said
    Monday": the parser read the speakers as more nouns of the statement and left the verb
    with no subject; the statement ends at the comma before them."""
    inside = {t.i for t in content}
    for reporting in (verb, *verb.ancestors):  # the verb's own, or the report it sits in
        if (reporting.i < clause.i or not is_speech_cue(reporting)
                or any(c.dep_ in {"nsubj", "nsubjpass"} for c in reporting.children)):
            continue
        speaker = subject_of(reporting)
        if speaker is None or speaker.i not in inside:
            continue
        doc = verb.doc
        for comma in (t.i for t in content if t.text == "," and t.i < speaker.i):
            # the first comma after which only the speaker's name and description remain
            if names_only([t for t in doc[comma + 1 : reporting.i] if not t.is_punct]):
                return [t for t in content if t.i < comma]
    return content


def _reporting_clause_read_as_complement(verb: Token) -> list[Token] | None:
    """ "A senior source tells CNN, there is a lot of evidence …": the parser made the
    reporting clause that leads into the statement a complement of the statement's verb; the
    statement is what follows the comma."""
    head, end = verb.head, verb.right_edge.i
    if (verb.dep_ != "ccomp" or head.i <= end or end + 1 >= len(verb.doc)
            or verb.doc[end + 1].text != "," or is_speech_cue(head)
            or not any(c.dep_ == "nsubj" for c in verb.children)):
        return None  # (not "Cuts will be announced …, said the chair": that one is the said)
    return [t for t in head.subtree if t.i > end + 1] or None


def _statement_of_relay(clause: Token) -> Token:
    """ "She said the murder was a stain on Israel, Israel radio reported": the parser hung the
    medium's reporting clause on her verb; what she said is the clause before it."""
    if not is_speech_cue(clause) or not any(c.dep_ == "nsubj" for c in clause.children):
        return clause
    return next((c for c in clause.children if c.dep_ == "ccomp" and c.i < clause.i), clause)


def _beyond_semicolon(verb: Token, clause: Token) -> bool:
    """ "The attacker is killed; he pledges allegiance to …": a clause before a semicolon
    stands on its own; the verb after it does not report it."""
    return clause.i < verb.i and any(t.text == ";"
                                     for t in verb.doc[clause.right_edge.i : verb.i])


def _misattached_that_clauses(verb: Token) -> list[Token]:
    """A "that" clause the parser hung elsewhere than as the verb's complement: as an adverbial
    after a time phrase ("tweeted in the early hours that she was …"), as a relative clause of
    the hearers or of a phrase after the verb ("told a meeting of leaders that few people
    understood …", "reported at the time that …"), or on the medium or the occasion of the
    words ("said in a statement released Monday that …", "told a rally on Sunday that …"); a
    clause inside "responded to reports that …" is the reports' own. A relative clause's
    "that" stands for one of its own arguments; here it only marks the clause, and the clause
    has its own subject."""
    hearers = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    settings = [c for c in verb.children
                if c.dep_ == "prep" and c.i > verb.i and c.lower_ in _SETTINGS]
    found = []
    for clause in verb.doc[verb.i + 1 : verb.sent.end]:
        first = clause.left_edge
        if (first.lower_ != "that" or first.dep_ not in {"mark", "advmod"} or first.head != clause
                or not _has_subject(clause)):
            continue
        noun = clause.head
        if ((clause.dep_ == "advcl" and noun == verb)
                or (clause.dep_ == "relcl" and (any(noun in h.subtree for h in hearers)
                                               or (noun.dep_ == "pobj" and noun.head.head == verb
                                                   and noun.head.dep_ == "prep")))
                or (clause.dep_ in {"ccomp", "acl"}
                    and any(_only_nouns_between(clause, p) for p in settings))
                or (clause.dep_ == "ccomp" and _hearers_relative(noun, hearers))):
            found.append(clause)
    return found


def _hearers_relative(verb: Token, hearers: list[Token]) -> bool:
    """ "told teachers who covered the lawn that the state should …": a relative clause of the
    hearers whose verb has its own object takes no statement; the parser hung the speech
    verb's clause on it."""
    return (verb.dep_ == "relcl" and any(verb.head in h.subtree for h in hearers)
            and any(c.dep_ == "dobj" for c in verb.children) and not is_speech_cue(verb))


def _only_nouns_between(clause: Token, setting: Token) -> bool:
    """The clause hangs on the noun of the setting phrase ("in a statement that …") or on the
    participle describing it ("in a statement released Monday that …"), through no other verb
    ("after determining that …", "in a speech arguing that …")."""
    head = clause.head
    while head != setting:
        if head.pos_ in {"VERB", "AUX"} and not (head.dep_ == "acl" and head.tag_ == "VBN"):
            return False
        if head.head == head:
            return False
        head = head.head
    return True


def _split_subject(verb: Token, clause: Token) -> list[Token]:
    """ "said presidents Putin and Biden, who held a call on Dec. 7, could speak again": the
    parser read the subject, cut off by its relative clause, as the verb's object and left the
    finite clause after it without a subject. Unless the verb's object is its hearer ("told
    a woman who …"), the phrase belongs to what was said."""
    if clause.i < verb.i or _has_subject(clause) or verb.lemma_.lower() in _TOLD_TO_SOMEONE:
        return []
    if not _finite(clause):
        return []
    subject = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i
                    and c.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    if subject is None:
        return []
    # Between the two only phrases the parser also misplaced ("life for the next generation
    # would be worse", "said he and quarterback Carson Palmer would ride away", the second
    # subject read as a verb joined to "said"), no clause of the verb's own ("told residents
    # not to drink water they had been assured was safe").
    between = [c for c in verb.children if subject.i < c.i < clause.i]
    joined = [c for c in between if c.dep_ == "conj"]
    if any(c.dep_ not in _MISPLACED_MODIFIERS | {"cc", "conj"} for c in between) or (
            joined and not (len(joined) == 1 and between[0].dep_ == "cc"
                            and not _has_subject(joined[0])
                            and joined[0].right_edge.i < clause.left_edge.i)):
        return []
    return [*subject.subtree, *(t for c in between if c.dep_ in {"prep", "cc", "conj"}
                                for t in c.subtree)]


def _hearer_name(verb: Token, phrase: list[Token]) -> int | None:
    """ "told Reuters Russia would …", "told CNN Abe's opponents are …": where the parser ran
    a news outlet's one-word name (a news agency, or letters such as CNN or AFP) and the next
    name into one phrase, the index at which the second begins."""
    if (verb.lemma_.lower() not in _TOLD_TO_SOMEONE or len(phrase) < 2
            or phrase[0].i != verb.i + 1):
        return None
    outlet, subject = phrase[0], phrase[1]
    if not (outlet.lower_ in _NEWS_AGENCIES or (outlet.is_upper and len(outlet.text) > 1)):
        return None
    if subject.pos_ != "PROPN" or subject.ent_type_ in {"DATE", "TIME"}:
        return None
    return subject.i


def _subject_after_hearer(verb: Token, clause: Token) -> list[Token]:
    """The subject of what was said, which the parser made the verb's object together with the
    hearer's name before it ("told Reuters Russia would not invade")."""
    if _has_subject(clause):
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    phrase = list(obj.subtree) if obj is not None else []
    split = _hearer_name(verb, phrase)
    return [t for t in phrase if split is not None and t.i >= split]


def _without_hearer(verb: Token, content: list[Token]) -> list[Token]:
    """What was said without the hearer's name the parser put at its start ("told CNN Abe's
    opponents are angry")."""
    ordered = sorted(content, key=lambda t: t.i)
    split = _hearer_name(verb, ordered)
    if split is not None:
        return [t for t in ordered if t.i >= split]
    return _without_time_of_saying(verb, ordered)


_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "late", "early", "earlier", "later"})


def _without_time_of_saying(verb: Token, ordered: list[Token]) -> list[Token]:
    """ "Officials said Monday the victim was …", "Musk said earlier this year he was …",
    "Biden said on Friday he would …": the day right after the verb tells when it was said,
    though the parser hung it on the statement."""
    time = 0
    if (ordered and ordered[0].i == verb.i + 1 and ordered[0].lower_ in _TIME_PREPOSITIONS
            and len(ordered) > 1 and ordered[1].ent_type_ in {"DATE", "TIME"}):
        time = 1  # "Biden said on Friday he would …"
    while (time < len(ordered) and ordered[time].i == verb.i + 1 + time
           and ordered[time].ent_type_ in {"DATE", "TIME"} and not ordered[time].like_num):
        time += 1
    run, rest = ordered[:time], ordered[time:]
    if not run or not rest or run[-1].ent_type_ not in {"DATE", "TIME"}:
        return ordered
    hung_on_statement = all((t.dep_ in {"npadvmod", "tmod", "amod", "det", "compound"}
                             and (t.head in run or t.head.i >= rest[0].i))
                            or (t.dep_ == "advmod" and t.head in run)
                            or (t.dep_ == "pobj" and t.head in run)
                            or (t.dep_ == "prep" and t.head.i >= rest[0].i) for t in run)
    # not "She said Monday (last year) was the worst", where the day is the subject
    day_is_subject = any(not _has_subject(t.head) for t in run if t.head not in run)
    return rest if hung_on_statement and not day_is_subject else ordered


def _rest_of_split_statement(verb: Token, clause: Token) -> list[Token]:
    """The parser sometimes cuts one statement in two complements of the speech verb: "said
    some people trapped under the tram were calling for help" (the participle read as the
    verb), "estimates 45,000 people are dead and up to 3m affected" ("3m" read as a number and
    a verb). A complement with no subject that starts right where the first one ends, with no
    comma or conjunction between them, goes on with what was said."""
    after = clause.right_edge.i + 1
    for c in verb.children:
        if (c.dep_ == "ccomp" and c.left_edge.i == after and not _has_subject(c)
                and not c.left_edge.is_punct and c.left_edge.dep_ != "cc"
                and (_finite(c) or not participle_read_as_verb(clause))):
            return list(c.subtree)
    return []


def _modal_continuations(verb: Token, clause: Token) -> list[Token]:
    """ "said she hoped to get it back, and then would continue to …": a subjectless verb with
    a modal, joined to the speech verb after its complement, goes on with what was said (the
    future seen from the report); a plain past ("and left the room") is the speaker's next
    act."""
    return [t for c in _subjectless_modals(verb, clause.i) if not is_speech_cue(c)
            for t in c.subtree]


def _subjectless_modals(verb: Token, after: int) -> list[Token]:
    """Verbs joined to ``verb`` after position ``after`` with a modal and no subject of their
    own ("…, and then would continue")."""
    return [c for c in verb.children
            if c.dep_ == "conj" and c.i > after and not _has_subject(c)
            and any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children)]


def _gerund_subjects(verb: Token) -> list[Token]:
    """ "said having Trump on the ticket puts …", "say taxing consumption encourages
    savings": the parser read a gerund clause, the statement's subject, as the verb's own
    complement, and hung the statement's finite verb on it or beside it."""
    return [c for c in verb.children
            if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i
            and (any(g.dep_ == "ccomp" and (_has_subject(g) or _finite(g)) for g in c.children)
                 or _subjectless_modals(verb, c.i))]


def _unmarked_adverbials(verb: Token) -> list[Token]:
    """ "Trump said after the convention he would not accept …": a finite clause with its own
    subject that follows the verb with no word to join it ("if", "when", "because") can only be
    what was said, though the parser hung it on the verb as an adverbial. Only where the verb
    has no complement of its own."""
    return [c for c in verb.children
            if c.dep_ == "advcl" and c.i > verb.i and _finite(c)
            and any(g.dep_ in {"nsubj", "nsubjpass"} and g.tag_ not in {"WDT", "WP"}
                    for g in c.children)
            and not any(g.dep_ == "mark" or (g.dep_ == "advmod" and g.tag_ == "WRB")
                        for g in c.children)]


def _bare_participle(verb: Token, clause: Token) -> bool:
    """ "said in a statement released Monday", "in an interview aired Monday": a participle
    with neither subject nor auxiliary nor object (tagged as a past tense right after the noun
    it describes) is no clause of its own — unless the verb's object before it is the clause's
    subject, misread (see ``_split_subject``). "said about half of the cost reflected losses"
    is a statement: its verb has an object."""
    if _has_subject(clause) or any(c.dep_ in {"aux", "auxpass"} for c in clause.children):
        return False
    before = clause.doc[clause.i - 1] if clause.i else None
    if (clause.tag_ in {"VBN", "VBD"} and before is not None and before.dep_ == "pobj"
            and before.head.head == verb and before.head.lower_ in _SETTINGS):
        return True  # "said in a statement issued a half-hour before …", whatever follows
    if (any(c.dep_ == "dobj" for c in clause.children)
            or any(c.dep_ == "dobj" and c.i < clause.i for c in verb.children)):
        return False
    return clause.tag_ == "VBN" or (clause.tag_ == "VBD" and before is not None
                                    and before.dep_ == "pobj")


def _owner_read_as_subject(clause: Token) -> bool:
    """ "said The We Company’s recently named chair Marcelo Claure": a subject with a possessive
    ending owns the noun after it; the parser made a clause of a name."""
    return any(c.dep_ == "nsubj" and any(g.dep_ == "case" for g in c.children)
               for c in clause.children)


def _subjectless_next(verb: Token, clause: Token) -> bool:
    """ "Everything Trump says is a lie": a finite verb with no subject right after the speech
    verb is not what was said; the parser has taken the speech verb's own clause for the
    sentence and its subject for a modifier, or left the sentence with no verb but this one.
    (In a relative clause of a noun the sentence's verb governs, it is: "faces a probe the
    agency said was ongoing".)"""
    misread = verb.dep_ == "ROOT" or (verb.dep_ == "relcl" and verb.head.dep_ == "ROOT"
                                      and verb.head.pos_ in {"NOUN", "PRON", "PROPN"})
    return (misread and clause.i == verb.i + 1 and clause.tag_ in _FINITE
            and not _has_subject(clause))


def _denied_thing(noun: Token) -> bool:
    """A thing said not to exist: "nothing", "none", "no evidence", "not a word"."""
    return noun.lower_ in {"nothing", "none"} or any(
        c.dep_ in {"det", "neg"} and c.lower_ in {"no", "not"} for c in noun.children)


def _no_statement(cue: Token) -> bool:
    """Speech verbs that report nothing: an order or a request ("Now tell us this isn't …",
    "Don't tell me it failed"), a statement not made ("It goes without saying that …",
    "left without saying that …", "declined to comment on reports that …"), and the writer's
    own asides ("It's worth noting that …", "As previously mentioned, …"); nor does a thing said
    not to exist ("There is no evidence that suggests …")."""
    if cue.dep_ == "pcomp" and cue.head.lower_ == "without":
        return True
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in {"decline", "refuse"}:
        return True  # "The school declined to comment on reports that …"
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _REQUESTS:
        return True  # "Observers are encouraged to report what they saw": asked, not done
    if (cue.dep_ in {"xcomp", "ccomp"} and cue.head.lemma_.lower() == "help"
            and cue.head.i < cue.i and not _has_subject(cue)):
        return True  # "… which helps explain why …": a cause, not a speaker
    if cue.tag_ == "VBG" and any(c.dep_ == "det" and c.lower_ == "no" for c in cue.children):
        return True  # "There's no denying he has had quite a run": the writer's aside
    if (any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in cue.children)
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children)):
        return True  # "It should be noted that …": the writer's aside
    if (any(c.dep_ == "nsubj" and c.lower_ in {"one", "you"} for c in cue.children)
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children)):
        return True  # "one could say …", "you might say …": a way of putting it
    if (cue.tag_ == "VBN" and _has_subject(cue)
            and not any(c.dep_ in {"aux", "auxpass"} for c in cue.children)
            and any(c.dep_ == "prep" and c.lower_ == "as" for c in cue.children)):
        return True  # "Three names mentioned as nominees are …": a participle, no verb
    if any(c.dep_ == "prep" and c.lower_ == "with" and not any(g.dep_ == "pobj" for g in c.children)
           and any(s.dep_ == "nsubj" and s.left_edge.i == c.i + 1 for s in cue.children)
           for c in cue.children):
        # "with no further signs of life reported the government declared …": the parser
        # made the object of "with" the verb's subject
        return True
    if cue.tag_ == "VBG" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in cue.children):
        return True  # "It is revealing that …": the writer's comment, not a disclosure
    if cue.head.lower_ == "worth" and cue.i > cue.head.i:
        return True  # "it's worth noting that …": the writer's aside
    if any(c.dep_ in {"nsubj", "nsubjpass"} and _an_earlier_text(c) for c in cue.children):
        return True  # "An earlier version of this article said …": a correction note
    if cue.dep_ == "relcl" and _denied_thing(cue.head):
        return True  # "there is no evidence that suggests …", "nothing that says …"
    if cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        # "As previously mentioned, …", "as noted above": the writer refers to the text itself
        return all(c.dep_ in {"mark", "advmod", "auxpass", "punct"} for c in cue.children)
    return (cue.tag_ == "VB" and cue.dep_ == "ROOT" and not _has_subject(cue)
            and all(c.dep_ in {"advmod", "intj", "neg", "punct"}
                    or (c.dep_ == "aux" and c.lower_ == "do")
                    for c in cue.children if c.i < cue.i))


_REQUESTS = frozenset({"encourage", "urge", "ask", "invite", "beg", "implore"})
_EARLIER = frozenset({"earlier", "previous", "original", "prior"})


def _an_earlier_text(subject: Token) -> bool:
    """ "The original", "An earlier version of this story": the article's own former text."""
    return subject.lower_ == "original" or (
        subject.lemma_.lower() == "version" and any(c.lower_ in _EARLIER for c in subject.children))


def _missing_subject(verb: Token, clause: Token) -> bool:
    """A finite clause after the verb with no subject, none found elsewhere, is no statement
    ("tells the story of a programmer who imprisons those he feels have wronged him": the
    parser hung a clause from further on onto the verb). A relative clause lacks its subject by
    design ("a probe the agency said was ongoing", "who she said was a friend"), and "that" or
    a clause before the verb may stand for one ("said that because they are Muslim does not
    mean …")."""
    if clause.i < verb.i or not _finite(clause) or _has_subject(clause) or verb.dep_ == "relcl":
        return False
    if any(c.dep_ not in {"aux", "auxpass", "neg", "advmod"}
           for c in clause.children if c.i < clause.i):
        return False
    # Only where other clauses stand between: a subject phrase the parser misplaced ("said
    # Florida Sen. Marco Rubio, hasn't been tested") has no verb of its own.
    doc = verb.doc
    return any(t.tag_ in _FINITE and t.dep_ not in {"aux", "auxpass"}
               for t in doc[verb.i + 1 : clause.left_edge.i])


def _finite(clause: Token) -> bool:
    return clause.tag_ in _FINITE or any(c.dep_ == "aux" and c.tag_ in _FINITE
                                         for c in clause.children)


def _before_next_report(clause: Token) -> list[Token]:
    """A complement ends where the speaker's next report begins: in "he said the plan failed
    and warned of cuts" or "…, arguing that …" the parser hangs the second verb on the
    statement's verb, but it is the speaker speaking again, not part of what was said."""
    content = list(clause.subtree)
    for token in clause.rights:
        if (token.dep_ in {"conj", "advcl"} and is_speech_cue(token)
                and not _has_subject(token)):
            cut = token.left_edge.i
            doc = token.doc
            while cut > content[0].i and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc"):
                cut -= 1
            return [t for t in content if t.i < cut]
    return content


def speaking_verb(cue: Token) -> Token:
    """The verb whose subject speaks: for a report the parser hung inside another's statement
    ("X said the plan failed, arguing that …", "X said Y had left and suggested that …"), the
    outer verb, whose speaker speaks again."""
    head = cue.head
    if (cue.dep_ in {"conj", "advcl"} and not _has_subject(cue) and head.dep_ == "ccomp"
            and head.head.i < cue.i and is_speech_cue(head.head)):
        return head.head
    return cue


def _around_reporting_clause(verb: Token, scope: list[Token]) -> list[Token] | None:
    """ "The plan, X said, failed", "The plan failed, X said in a letter, because …": the
    reporting clause is the stretch between a comma and the next comma (or the end) that
    holds the verb and its subject; the rest of ``scope`` is the statement."""
    if any(c.dep_ in _OWN_OBJECTS and not _hearer(verb, c) for c in verb.children):
        return None  # "Clinton mentioned the remarks": the verb's own object, not set in
    doc, sentence = verb.doc, verb.sent
    start = verb.i
    while start > sentence.start and doc[start - 1].text not in _CLAUSE_BREAKS:
        start -= 1
    end = verb.i
    while end + 1 < sentence.end and doc[end + 1].text not in _CLAUSE_BREAKS:
        end += 1
    if (start == sentence.start or doc[start - 1].text != ","
            or (end + 1 < sentence.end and doc[end + 1].text != ",")
            or end - start >= MAX_REPORTING_CLAUSE):
        return None  # "In one tweet, Trump said: “…”" introduces, it is not set in
    if not any(c.dep_ == "nsubj" and (start <= c.i <= end or (
            (apposed := apposed_before(c, verb)) is not None and start <= apposed.i <= end))
               for c in verb.children):
        return None
    statement = [t for t in scope if not start <= t.i <= end]
    rest = [t for t in statement if t.i > end and not t.is_punct]
    if (rest and rest[0].dep_ == "cc" and _has_subject(rest[0].head)
            and any(t.text in {"”", '"', "''"} for t in doc[max(start - 3, 0) : start])):
        # "“You winning?” she said, but Kevin was drifting off": after a quotation and its
        # reporting clause the sentence goes on with something else (not so in "It failed,
        # he said, and had cost …", where the statement goes on)
        statement = [t for t in statement if t.i < start]
    if not any(t.pos_ in {"VERB", "AUX"} for t in statement):
        return None  # "At Monday's debate, Clinton said …": an opening phrase, no statement
    before = [t for t in statement if t.i < start and not t.is_punct]
    if (_opens_the_clause(verb, before)
            and not _starts_a_clause([t for t in statement if t.i > end])):
        # "So far, the North has not responded, perhaps calculating that …": the verb's own
        # sentence after an opening phrase; nothing is set into a statement
        return None
    opening = [t for t in before if t.dep_ != "cc"]  # "But when Congress cut funding, …"
    if _scene_before_quotation(verb, before) or (
            opening and not any(not t.is_punct for t in statement if t.i > end)
            and all(_under_subordinate(verb, t) for t in opening)):
        return None
    return statement


def _starts_a_clause(tokens: list[Token]) -> bool:
    """The first verb has its subject ("…, the party would win"), not "…, perhaps calculating"."""
    verbs = [t for t in tokens if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"aux", "auxpass"}]
    return bool(verbs) and _has_subject(verbs[0])


def _opens_the_clause(verb: Token, before: list[Token]) -> bool:
    """Every word before the reporting clause belongs to a modifier of its verb ("In an
    interview with Deadline, Tarantino tells …"), so no statement starts there."""
    for token in before:
        while token.head != verb and token.head != token:
            token = token.head
        if token.head != verb or token.dep_ not in _OPENING_MODIFIERS:
            return False
    return bool(before)


def _under_subordinate(verb: Token, token: Token) -> bool:
    """ "Though many remain peaceful, a minority have responded with violence": a clause joined
    by "though", "if" or "as" before the verb, with nothing after it, states nothing of its
    own — unless the parser hung a whole clause on it ("As Trump prepared to speak, a girl was
    pepper-sprayed, police said")."""
    while token.head != verb and token.head != token:
        token = token.head
    if token.head == verb and token.dep_ in {"advmod", "npadvmod"}:
        return True  # "…, two years later, Mexico said enough": a time
    return token.head == verb and _adverbial_before(verb, token) and not any(
        t is not token and _has_subject(t) and not any(_joining_word(c) for c in t.children)
        for t in token.subtree)


def _scene_before_quotation(verb: Token, before: list[Token]) -> bool:
    """ "Asked about the deal, Smith said “Absolutely”": a participle with no subject of its
    own sets the scene, and the quotation after the verb is what was said. (With no quotation
    the question may carry the statement: "Asked if …, 46 percent said yes".)"""
    heads = {t.i for t in verb.children if t.dep_ == "advcl" and t.tag_ in {"VBN", "VBG"}
             and not _has_subject(t)}
    after = verb.doc[verb.i + 1 : verb.sent.end]
    return (bool(before) and any(t.text in _MARKS_AND_MARKUP for t in after)
            and all(any(a.i in heads for a in [t, *t.ancestors]) for t in before))


def _block_quotation(verb: Token, text: str) -> tuple[int, int] | None:
    """ "The governor added:" closing its paragraph introduces the next paragraph, set as a
    block without quotation marks; it is what he said. A paragraph opening with a mark is a
    direct quotation, read as one elsewhere; one opening with markup is an embed."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ":":
        return None
    colon_end = doc[verb.i + 1].idx + 1
    gap = re.match(r"[ \t\u00a0]*\n\s*", text[colon_end:])
    if gap is None:
        return None
    start = colon_end + gap.end()
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    paragraph = text[start:end].rstrip()
    if (not paragraph or paragraph[0] in _MARKS_AND_MARKUP
            or len(paragraph.split()) < MIN_CONTENT_TOKENS):
        return None
    return start, start + len(paragraph)


def _hearer(verb: Token, obj: Token) -> bool:
    """ "The difference, he told me, is …": the object of "tell" or "remind" is who heard it
    (a pronoun, a named person or body, reporters), not what was said."""
    return (verb.lemma_.lower() in _TOLD_TO_SOMEONE and obj.dep_ in {"dobj", "dative"}
            and (obj.tag_ == "PRP" or obj.ent_type_ in {"PERSON", "ORG", "NORP"}
                 or obj.lemma_.lower() in _HEARERS))


def _extent(tokens: list[Token]) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    doc = first.doc
    while last.i > first.i and (last.is_space or last.dep_ == "cc" or (
            last.is_punct and last.text not in {"”", '"', ")", "%"})):
        last = doc[last.i - 1]  # "said the families needed time, and added": not the "and"
    while first.i < last.i and (first.is_space or first.dep_ == "cc" or (
            first.is_punct and (first.text not in _OPENING_MARKS or first.whitespace_))):
        first = doc[first.i + 1]
    if first.i > 0 and doc[first.i - 1].text in _OPENING_MARKS and not doc[first.i - 1].whitespace_:
        first = doc[first.i - 1]  # the parser hung the mark on the verb
    return first.idx, last.idx + len(last.text)


def _in_paragraph(tokens: list[Token], verb: Token, text: str) -> list[Token]:
    """The parser's sentences can run over a paragraph break (a headline without a full stop,
    a closing quotation); what the verb reports stays in its own paragraph, after its dateline
    ("WASHINGTON (Reuters) ― ")."""
    start = text.rfind("\n", 0, verb.idx) + 1
    dateline = parse_dateline(text[start:verb.idx])
    start += dateline.length if dateline else 0
    end = text.find("\n", verb.idx)
    end = len(text) if end < 0 else end
    return [t for t in tokens if start <= t.idx < end]


def _next_act(doc: Doc, text: str, at: int) -> bool:
    """ "…,” and left the room": after the quotation the speaker does something else (a finite
    verb joined by "and"), which is no part of what was said ("“budget reforms” and the
    collection of taxes would pay for it" goes on with the statement)."""
    joined = _NEXT_ACT.match(text, at)
    if joined is None:
        return False
    after = doc.char_span(joined.end(), joined.end() + 1, alignment_mode="expand")
    return after is not None and after[0].tag_ in {"VBD", "VBZ", "VBP"}


def _inverted_after_quotation(verb: Token, content_start: int,
                              inside_quotes: list[tuple[int, int]], text: str) -> bool:
    """ "“…,” said Cubs fan Rodrigo Gonzales, 24, moments after the game ended": a finite verb
    right after a closing mark with no subject before it; what follows is who said it."""
    if content_start < verb.idx or verb.tag_ not in _FINITE or any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i for c in verb.children):
        return False
    return any(q_end <= verb.idx and not text[q_end : verb.idx].strip(" ,\n")
               for _, q_end in inside_quotes)


def _colon_before_quotation(verb: Token, span: tuple[int, int],
                            inside_quotes: list[tuple[int, int]], text: str) -> bool:
    """ "The goal was clear: “This structure,” wrote Yakushina, “…”": the statement ends with
    a quotation its verb follows, and a colon introduces that quotation; the quotation is what
    was said, the words before the colon the writer's."""
    start, end = span
    return any(start < q_start and end <= q_end <= verb.idx
               and text[start:q_start].rstrip().endswith(":") for q_start, q_end in inside_quotes)


def _said_after_own_quotation(verb: Token, content_start: int,
                              inside_quotes: list[tuple[int, int]]) -> bool:
    """ "“We lost that game,” Heyward said, via the Post-Gazette": the statement opens with a
    quotation and its verb follows it with nothing but its subject between; the quotation is
    what was said, the rest how it came. (Not "“I held and hugged” grieving families, he said",
    where the statement goes on past the quotation.)"""
    subject = {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    for q_start, q_end in inside_quotes:
        if q_start != content_start or q_end > verb.idx:
            continue
        between = verb.doc.char_span(q_end, verb.idx, alignment_mode="expand")
        if between is None or all(t.is_punct or t.i in subject or t.i == verb.i
                                  for t in between):
            return True
    return False


def _only_a_name(doc: Doc, start: int, end: int) -> bool:
    """ "“It is not the position …,” Gene Sperling, a top adviser, said": after the quotation
    comes only its speaker's name and title, not more of the statement ("“…” between Cruz and
    Trump", "“…” despite his loss")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and names_only([t for t in span if not t.is_punct])


def _sentence_remainder(sentence: list[Token], phrase: list[Token]) -> tuple[int, int] | None:
    """The part of the sentence left of or right of an "according to X" phrase; both, when the
    phrase is set into the statement after its subject ("A further 17 makers, according to
    the report, had …") or before a clause that hangs on it ("…, according to the report, as
    buyers returned")."""
    lo, hi = min(t.i for t in phrase), max(t.i for t in phrase)
    left = [t for t in sentence if t.i < lo]
    right = [t for t in sentence if t.i > hi]
    side = right if len(right) >= len(left) else left
    verbs = [any(t.pos_ in {"VERB", "AUX"} for t in part) for part in (left, right)]
    if verbs == [True, False]:
        side = left  # "… view her unfavorably, according to a poll last week — virtually …"
    elif verbs == [False, True] and not left:
        side = right
    words = [t for t in right if not t.is_punct]
    opening = [t for t in left if not t.is_punct and t.dep_ != "cc"]
    if opening and words and (not any(t.pos_ in {"VERB", "AUX"} for t in left)
                              or words[0].dep_ == "mark"):
        # … or the rest goes on with the statement ("…, according to …, as buyers returned")
        side = left + right
    words = [t for t in side if not t.is_punct]
    if len(words) < MIN_CONTENT_TOKENS:
        return None
    return _extent(side)


def _one_clause_apart(outer: ReportedSpeech, inner: ReportedSpeech) -> bool:
    """The inner report is what the outer one reports, not a clause somewhere inside it ("…
    a booker who said …") nor an "according to" phrase."""
    return inner.cue.pos_ == "VERB" and (inner.cue.head.i == outer.cue.i
                                         or outer.cue.head.i == inner.cue.i)


def find_reported(doc: Doc, entities: EntityIndex, salience: Salience,
                  inside_quotes: list[tuple[int, int]], text: str) -> list[ReportedSpeech]:
    """Reported speech in ``doc`` (whose ``text`` the caller has read once: spaCy builds it
    afresh on every access), skipping content already inside direct quotations."""

    def quoted(start: int, end: int) -> bool:
        """Most of the content is a direct quotation ("“…,” he said" is not reported speech),
        or the content starts inside one, or runs over a paragraph break. A statement that
        opens with a quotation and goes on past it ("says “the wind is at our backs” despite
        his loss") is reported speech with a partial quotation in it."""
        if "\n" in text[start:end] or any(q_start < start < q_end - 1
                                              for q_start, q_end in inside_quotes):
            return True
        if any(q_start == start and (len(text[q_end:end].split()) < MIN_CONTENT_TOKENS
                                     or _next_act(doc, text, q_end)
                                     or _only_a_name(doc, q_end, end))
               for q_start, q_end in inside_quotes):
            # "said “we will win” on Friday", "replied, “The vote is over,” and left the room":
            # the quotation is what was said
            return True
        return any(q_start < end and start < q_end and (min(end, q_end) - max(start, q_start))
                   > QUOTED_SHARE * (end - start) for q_start, q_end in inside_quotes)

    found: list[ReportedSpeech] = []
    for token in doc:
        if token.lower_ == "according":
            holder = according_to([token])
            if holder is None:
                continue
            # the phrase runs from "according" on: words the parser hung before it ("… but
            # still down 10 percent from a year ago, according to …") are the statement's
            span = _sentence_remainder(_in_paragraph(list(token.sent), token, text),
                                       [t for t in token.subtree if t.i >= token.i])
            if span and not quoted(*span):
                found.append(ReportedSpeech(*span, token,
                                            describe_source(holder, entities, salience)))
            continue
        if not is_speech_cue(token) or _no_statement(token) or any(
                q_start < token.idx < q_end for q_start, q_end in inside_quotes):
            continue  # (a verb inside a quotation is part of what the quotation says)
        span = _block_quotation(token, text)
        if span is None:
            content = _content(token)
            if content is not None:
                content = _in_paragraph(content, token, text)
            if not content or sum(1 for t in content if not t.is_punct) < MIN_CONTENT_TOKENS:
                continue
            span = _extent(content)
        if (quoted(*span) or _inverted_after_quotation(token, span[0], inside_quotes, text)
                or _colon_before_quotation(token, span, inside_quotes, text)
                or _said_after_own_quotation(token, span[0], inside_quotes)):
            continue
        subject = subject_of(speaking_verb(token))
        source = describe_speaker(subject, entities, salience) if subject is not None else None
        found.append(ReportedSpeech(*span, token, source))
    # "Ushakov said Putin told Biden that ...": the statement is Ushakov's; a report inside a
    # report is part of it. But a medium that reports what someone said ("Mujahid said that
    # …, Reuters reported") only relays it: the statement is the one inside, or the one with
    # the same words ("She said the murder was a stain, radio reported").
    relays = [o for o in found if o.cue.lemma_ == "report"
              and any(r is not o and ((o.start <= r.cue.idx < o.end and _one_clause_apart(o, r))
                                      or ((r.start, r.end) == (o.start, o.end)
                                          and r.cue.lemma_ != "report"))
                      for r in found)]
    return outermost([r for r in found if r not in relays])


def outermost(found: list[ReportedSpeech]) -> list[ReportedSpeech]:
    """The reports no other report holds: one inside another is part of what that one says."""
    return [r for r in found if not any(o is not r and o.start <= r.start and r.end <= o.end
                                        and (o.start, o.end) != (r.start, r.end) for o in found)]
