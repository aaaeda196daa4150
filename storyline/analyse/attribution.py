"""Who says something: reporting verbs, their subjects, and who a pronoun or title stands for.

Shared by quotes (the speaker of a quotation) and figures (who claims a number), so that both
resolve "he", "the Kremlin official" or "Kyiv" the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.analyse.entities import referred_to_as_a_person
from storyline.analyse.names import (
    HONORIFICS,
    STATE_BODY_HEADS,
    TITLE_WORDS,
    body_of,
    first_name_genders,
    link_name_parts,
    nation_of,
    national_body,
    owned_name,
    possessive,
    variant_key,
    variants,
)
from storyline.models import Entity

CUE_LEMMAS = frozenset([
    "say", "tell", "add", "ask", "announce", "state", "declare", "note", "explain", "warn",
    "describe", "write", "insist", "claim", "deny", "reply", "respond", "urge", "confirm",
    "predict", "argue", "suggest", "acknowledge", "admit", "clarify", "repeat", "stress",
    "promise", "vow", "comment", "remark", "recall", "complain", "concede", "caution", "emphasise",
    "emphasize", "observe", "report", "tweet", "post", "testify", "contend", "maintain", "assert",
    "agree", "threaten", "pledge", "quip", "joke", "boast", "exclaim", "shout", "whisper",
    "estimate", "reckon", "accuse", "blame", "call", "brand", "label", "dismiss",
    "reiterate", "allege", "told", "conclude", "reveal", "assure", "affirm", "swear",
    "disclose", "point", "reassure", "reassert", "restate", "reconfirm",
    # speech acts that carry a partial quotation: "criticised it as a “crazy system”"
    "criticize", "criticise", "praise", "laud", "liken", "compare", "slam", "mock", "decry",
    "condemn", "hail", "dub", "cite", "quote", "characterize", "characterise", "refer",
    "lament", "chant", "sing", "ridicule", "attack", "defend", "challenge",
    # how the words were spoken, only ever next to a quotation: "“Quiet,” he demanded"
    "answer", "bark", "beam", "boom", "demand", "yell", "scream", "snap", "laugh", "sigh",
    "chuckle", "gush", "marvel", "wonder", "plead", "beg", "cry", "grumble", "mutter",
    "murmur", "interject", "scoff", "sneer", "fume", "growl", "thunder", "roar", "hiss",
    "retort", "counter", "muse", "proclaim", "exult", "rage", "protest", "object",
])
PRONOUNS = frozenset({"he", "she", "him", "her"})
_SENTENCE_ADVERBS = frozenset({"earlier", "later", "meanwhile", "then", "now", "also",
                               "separately", "previously", "again", "still"})
_UNRESOLVED_PRONOUNS = frozenset({"i", "we", "they", "you", "it"})
_RELATIVE = frozenset({"who", "which", "that"})
# Pronouns that name no one who speaks: "what he said", "Let's say", "That said, …"
_NOBODY = frozenset({"what", "whatever", "that", "this", "which", "who", "whom", "it", "there",
                     "'s", "us", "me", "him", "them"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f",
                     "ms.": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f", "lord": "m"}
ROLE_NOUNS = frozenset([
    "official", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "aide",
    "adviser", "advisor", "leader", "secretary", "envoy", "ambassador", "chief", "diplomat",
    "director", "governor", "mayor", "senator", "lawmaker", "general", "commander", "negotiator",
    "premier", "chancellor", "prosecutor", "judge", "officer", "executive", "chairman", "analyst",
])
_ROLE_HEADS = ROLE_NOUNS | {"head", "chairwoman", "chair"}
# Words for a role that may stand for a more particular office ("the Kremlin official")
_GENERAL_ROLES = frozenset({"official", "leader", "chief", "aide", "adviser", "advisor",
                            "diplomat", "executive", "officer"})
# "the ministry said": a body whose name holds the noun ("Health Ministry")
_NAMED_BODY_NOUNS = frozenset({
    "ministry", "department", "agency", "commission", "council", "court", "committee",
    "police", "party", "union", "university", "hospital", "board", "bank", "authority",
    "office", "service", "institute", "foundation", "association", "federation", "army",
    "zoo", "museum", "school", "college", "church", "club", "team", "embassy", "airport",
    "prison", "network", "newspaper", "paper", "station", "channel", "magazine"})
# "the company said": the last firm that acted, not a public body
_COMPANY_NOUNS = frozenset({
    "company", "firm", "carrier", "airline", "retailer", "automaker", "carmaker", "insurer",
    "lender", "manufacturer", "maker", "operator", "broadcaster", "publisher", "chain",
    "giant", "conglomerate", "group", "startup", "supplier", "developer", "utility"})
_PUBLIC_BODY_WORDS = frozenset({
    "ministry", "department", "agency", "commission", "council", "court", "committee",
    "police", "party", "government", "senate", "congress", "parliament", "house", "nations",
    "organization", "organisation", "administration", "bureau", "authority", "office",
    "university", "army", "navy", "force", "forces", "guard", "fbi", "cia", "nato", "un", "eu",
    "pentagon", "kremlin", "state", "states", "assembly", "cabinet"})
# "the firm said" after "Süddeutsche Zeitung says …": a paper that reports is not the firm
_MEDIA_WORDS = frozenset({
    "times", "post", "news", "journal", "daily", "herald", "gazette", "tribune", "telegraph",
    "guardian", "zeitung", "monitor", "reuters", "press", "magazine", "radio", "television",
    "tv", "bbc", "cnn", "wired", "politico", "observer", "chronicle", "independent"})
_MEDIA_NOUNS = frozenset({"broadcaster", "publisher", "network"})
_SPEAKING_NOUNS = (_ROLE_HEADS | _NAMED_BODY_NOUNS | _COMPANY_NOUNS | _PUBLIC_BODY_WORDS
                   | {"people", "person", "man", "woman", "voter", "resident", "member",
                      "candidate", "witness", "expert", "critic", "worker", "student",
                      "organiser", "organizer", "rescuer", "protester", "activist",
                      "economist", "researcher", "scientist", "doctor", "investigator",
                      "lawyer", "campaigner", "opponent", "supporter", "villager", "farmer",
                      "teacher", "parent", "survivor", "eyewitness", "medic", "paramedic",
                      "firefighter", "soldier", "rebel", "militant", "source"})
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
RECENT_CHARS = 1500
RECENT_BODY_CHARS = 400  # "Acme said on Monday …. It said": "it" looks back a sentence or two
_NOMINAL = frozenset({"NOUN", "PROPN"})
_TIMES = frozenset({"DATE", "TIME"})
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any"})


@dataclass(frozen=True)
class Source:
    """The one who says or claims: as written, and the entity meant (when it can be told)."""

    text: str
    canonical: str | None
    start: int
    end: int


class EntityIndex:
    """Find the entity covering a character offset."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = sorted(entities, key=lambda e: e.start)
        self._starts = [e.start for e in self.entities]
        self._surnames: dict[str, set[str]] | None = None

    def at(self, offset: int) -> Entity | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self.entities[i].start <= offset < self.entities[i].end:
            return self.entities[i]
        return None

    def person_called(self, name: str) -> str | None:
        """The one person of the article whose name or surname ``name`` is: "Plemons" where
        the tagger missed that mention of Jesse Plemons."""
        if self._surnames is None:
            found: dict[str, set[str]] = defaultdict(set)
            for e in self.entities:
                if e.label == "PERSON" and e.canonical:
                    found[e.canonical.lower()].add(e.canonical)
                    found[e.canonical.split()[-1].lower()].add(e.canonical)
            parts = link_name_parts(sorted({n for names in found.values() for n in names}))
            for part, person in parts.items():
                found.setdefault(part, {person})
            self._surnames = found
        people = self._surnames.get(name.lower(), set())
        return next(iter(people)) if len(people) == 1 else None


class Salience:
    """People in the order the article mentions them, to resolve "he" and "the spokesman"."""

    def __init__(self, doc: Doc, entities: EntityIndex,
                 quoted: Sequence[tuple[int, int]] = ()) -> None:
        self.people: list[tuple[int, str, frozenset[str], bool]] = []  # pos, name, roles, subject
        self.bodies: list[tuple[int, str, bool]] = []  # organisations named: pos, name, subject
        self.described: dict[str, set[str]] = {}  # organisation → nouns it was introduced with
        self.speakers: list[tuple[int, str]] = []
        # pos, name, the noun before the name ("actress Susan Sarandon"), the words of the role
        self.titled: list[tuple[int, str, str, frozenset[str]]] = []
        self.gender = _gender_evidence(doc, entities, quoted)
        for ent in entities.entities:
            if ent.label not in {"PERSON", "ORG"}:
                continue
            span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if ent.label == "ORG":
                self.bodies.append((ent.start, ent.canonical, root.dep_ in {"nsubj", "nsubjpass"}))
                self.described.setdefault(ent.canonical, set()).update(_introduced_as(span))
                continue
            # "Kremlin aide Yuri Ushakov": the title and what qualifies it ("Kremlin")
            roles = {w.lower_ for t in root.lefts if t.i < span.start and t.dep_ in
                     {"compound", "amod", "nmod"} for w in t.subtree if w.i < span.start}
            appositions = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "nsubj":
                # "Park Soo-hyun, the spokesman for …, said", read with two subjects
                appositions += [c for c in root.head.children if c.dep_ == "nsubj"
                                and c is not root and _named_of_apposed([root, c]) is root]
            for apposition in appositions:
                roles.update(t.lower_ for t in apposition.subtree if t.pos_ in {"NOUN", "PROPN"})
            # "actress Susan Sarandon", "Sanders, the senator from Vermont": what "the actress"
            # or "the senator" will call her or him
            title = doc[span.start - 1] if span.start else None
            for noun in [title, *appositions]:
                if noun is not None and noun.tag_ == "NN" and (noun is not title
                                                               or noun.head.i >= span.start):
                    self.titled.append((ent.start, ent.canonical, noun.lemma_.lower(),
                                        _with_states(roles)))
            if root.dep_ == "appos" and entities.at(root.head.idx) is None:
                root = root.head  # "Jackson's mother, Katherine, … said": the noun's place
            root = _noun_named(root) or root
            subject = root.dep_ in {"nsubj", "nsubjpass"}
            # The subject of a sentence's main clause is who the next "he" most likely means;
            # the subject of a clause inside it ("Ushakov said Putin would ...") is not.
            # Nor is a subject inside someone's quoted words: "“I think Bernie would …,” she
            # said" is not Bernie speaking.
            main_subject = (subject and root.head.dep_ == "ROOT"
                            and not any(s <= ent.start < e for s, e in quoted))
            self.people.append((ent.start, ent.canonical, _with_states(roles), main_subject))
            if subject and root.head.lemma_ in CUE_LEMMAS:
                self.speakers.append((ent.start, ent.canonical))
        for token in doc:
            if token.dep_ not in {"nsubj", "nsubjpass"} or entities.at(token.idx) is not None:
                continue
            speaks = token.head.lemma_ in CUE_LEMMAS
            if token.pos_ == "PROPN" and (name := entities.person_called(token.text)):
                # "Musk, 46, made the announcement": a subject the tagger did not mark
                self.people.append((token.idx, name, frozenset(), token.head.dep_ == "ROOT"))
            elif speaks and token.dep_ == "nsubj":
                # "But the prime minister insisted …. “…,” he told television": a role that
                # names someone introduced before is that person speaking, for the "he" after it
                phrase = _phrase_tokens(token)
                name = (_role_holder(token, phrase, self) or _unmarked_person(token)
                        or self.spokesperson(token, phrase, entities, record=True))
                if name is None and (body := _body_told(token, phrase, entities)):
                    self.bodies.append((token.idx, body, True))  # for "the ministry" after it
                elif name is None and all(t.pos_ == "PROPN" for t in phrase):
                    # "Facebook said …. “…,” it said": a body the tagger never marked
                    self.bodies.append((token.idx, " ".join(t.text for t in phrase), True))
            else:
                # "Trump's campaign backtracked …. In cases of abortion, it said, …": a body
                # that acts is whom the "it" after it means; "A Delta spokesman referred to
                # it as …": whom "the spokesman" will mean
                phrase = _phrase_tokens(token)
                if body := _body_told(token, phrase, entities):
                    self.bodies.append((token.idx, body, True))
                else:
                    self.spokesperson(token, phrase, entities, record=True)
                continue
            if speaks and name:
                self.speakers.append((token.idx, name))
        self.people.sort()
        self.titled.sort()
        self.speakers.sort()
        self.bodies.sort()

    def spokesperson(self, token: Token, phrase: list[Token], entities: EntityIndex,
                     record: bool = False) -> str | None:
        """An unnamed spokesperson: the one titled so before ("the Delta spokesman" after "a
        Delta Air Lines spokesman"), else a new one told by their body — while the article is
        read (``record``), kept for "the spokesman", "he" or "she" after."""
        if token.lemma_.lower() not in SPOKESPERSON_NOUNS:
            return None
        if name := _titled(token, phrase, self):
            return name
        name = _bodys_spokesperson(token, phrase, entities)
        if name is not None and (earlier := self.titled_as(token.idx, token.lemma_.lower(),
                                                           _qualifiers(token, phrase), True)):
            return earlier  # "the Delta spokesman", however far after "a Delta Air Lines one"
        if name is not None and record:
            roles = frozenset(t.lower_ for t in phrase if t.pos_ in {"NOUN", "PROPN", "ADJ"})
            insort(self.titled, (token.idx, name, token.lemma_.lower(), roles))
            if token.lower_ in _SPOKESPERSON_GENDER:
                self.gender.setdefault(name, _SPOKESPERSON_GENDER[token.lower_])
        return name

    def add_speaker(self, position: int, canonical: str) -> None:
        """A person who spoke, for the "he" or "she" after; a body ("Russian Government",
        "Jody Wilson-Raybould's office") is none."""
        if body_of(canonical) is None and canonical.rsplit(" ", 1)[-1] not in _PERSONS_BODIES:
            self.speakers.append((position, canonical))
            self.speakers.sort()

    def pronoun(self, position: int, word: str | None = None, other_than: str | None = None
                ) -> str | None:
        """The latest speaker or main-clause subject before ``position``, else the latest
        person named — never one the article shows to be of the other gender than ``word``
        ("she" does not stand for a man called Mr. or referred to as "he"), nor ``other_than``."""
        wanted = _PRONOUN_GENDER.get((word or "").lower())

        def fits(name: str) -> bool:
            return name != other_than and (wanted is None
                                           or self.gender.get(name, wanted) == wanted)

        window = position - RECENT_CHARS
        candidates = [(pos, name) for pos, name in self.speakers
                      if window <= pos < position and fits(name)]
        candidates += [(pos, name) for pos, name, _, subject in self.people
                       if subject and window <= pos < position and fits(name)]
        if candidates:
            return max(candidates)[1]
        for pos, name, _, _ in reversed(self.people):
            if pos < position and fits(name):
                return name
        return None

    def body(self, position: int, noun: str | None = None) -> str | None:
        """ "the ministry": the latest organisation before ``position`` whose name holds the
        noun ("Health Ministry"); "the company": the latest the article made a subject, if not
        a public body, nor a news medium, unless one was introduced with the noun ("the law firm
        Mossack Fonseca … The firm said"); "it": the subject just before, whatever it is."""
        if noun in _COMPANY_NOUNS:
            introduced = [name for pos, name, _ in self.bodies
                          if pos < position and noun in self.described.get(name, ())]
            if introduced:
                return introduced[-1]
        for pos, name, subject in reversed(self.bodies):
            words = set(name.lower().replace("-", " ").split())  # "Erie Times-News"
            if pos >= position or (noun not in _NAMED_BODY_NOUNS and not subject):
                continue
            if noun is None:
                return name if position - pos <= RECENT_BODY_CHARS else None
            if noun in words if noun in _NAMED_BODY_NOUNS else not words & (
                    _PUBLIC_BODY_WORDS | (set() if noun in _MEDIA_NOUNS else _MEDIA_WORDS)):
                return name
        return None

    def titled_as(self, position: int, noun: str, qualifiers: set[str], told: bool = False
                  ) -> str | None:
        """ "the actress": the latest person before ``position`` the article titled so, with
        every word that qualifies the noun ("the Democratic nominee" is not "Republican nominee
        Donald Trump"). Past someone titled otherwise only if the article is still about that
        person ("“Broad City” star Arturo Castro … the actor" is no actor named before him), or
        if ``told`` by qualifiers that fit ("the Delta spokesman")."""
        crossed = False
        for pos, name, title, roles in reversed(self.titled):
            if pos >= position:
                continue
            if title == noun:
                if not _with_states(qualifiers) <= roles:
                    return None
                recent = not crossed or (told and qualifiers)
                return name if recent or self.pronoun(position) == name else None
            crossed = True
        return None

    def role(self, position: int, words: set[str], qualifiers: set[str] = frozenset()
             ) -> str | None:
        """ "the Kremlin official": the latest person introduced with one of these words; no
        one when nobody was (guessing the last speaker put "the president of the parish" or
        "the German diplomat" on whoever spoke before). A role named with whose it is ("South
        Korea's president", "the Russian president") goes only to someone introduced with one
        of those ``qualifiers``, not to the last president named. A named office goes to no one
        introduced with another ("Panama's attorney general" is not "Panama's vice minister of
        finance"); a general word may stand for any ("the Kremlin official", "the leader")."""
        offices = words & ROLE_NOUNS - _GENERAL_ROLES
        qualifiers = _with_states(qualifiers)
        for pos, name, roles, _ in reversed(self.people):
            held = roles & ROLE_NOUNS - _GENERAL_ROLES
            if offices and held and not offices & held:
                continue
            if pos < position and roles & words and (not qualifiers or roles & qualifiers):
                return name
        return None


# Titles as news abbreviates them before a name: "Sen. Marco Rubio" is "the senator".
_ABBREVIATED_ROLES = {"sen": "senator", "gov": "governor", "rep": "representative",
                      "gen": "general", "lt": "lieutenant", "col": "colonel", "sgt": "sergeant",
                      "capt": "captain", "adm": "admiral", "supt": "superintendent",
                      "det": "detective", "insp": "inspector", "prof": "professor",
                      "sec": "secretary", "amb": "ambassador", "cmdr": "commander"}


def _with_states(words: set[str]) -> frozenset[str]:
    """Words of a role with the state each one names and each title spelt out: "Russian
    President Vladimir Putin" is "Russia's president", "the US president" is "the American
    president" and "Sen. Marco Rubio" is "the senator"."""
    more = set()
    for word in words:
        known = variants().get(variant_key(word))
        state = nation_of(word) or (known[0] if known and known[1] == "GPE" else None)
        if state is not None:
            more.add(state.lower())
        if (spelt := _ABBREVIATED_ROLES.get(word.rstrip("."))) is not None:
            more.add(spelt)
    return frozenset(words | more)


def _introduced_as(name: Span) -> set[str]:
    """The nouns a body's name is set beside: "the law firm Mossack Fonseca", "the firm Acme",
    "Acme, the carmaker"."""
    root = name.root
    beside = [c for c in root.children if c.dep_ == "appos"
              or (c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < name.start)]
    nouns = {w.lemma_.lower() for c in beside for w in (c, *c.children) if w.pos_ == "NOUN"}
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.add(root.head.lemma_.lower())
    return nouns


def _unmarked_person(subject: Token) -> str | None:
    """ "Kudirat Okesola said her husband …": a two- or three-word name the tagger did not mark,
    shown to be a person by the pronoun after it."""
    phrase = [t for t in subject.subtree if t.i <= subject.i]
    if (2 <= len(phrase) <= 3 and all(t.pos_ == "PROPN" and t.is_title for t in phrase)
            and referred_to_as_a_person(subject)):
        return subject.doc[phrase[0].i : subject.i + 1].text
    return None


def _gender_evidence(doc: Doc, entities: EntityIndex, quoted: Sequence[tuple[int, int]]
                     ) -> dict[str, str]:
    """What the article itself says of each person's gender: an honorific before a mention
    ("Mr. Ode"), or the subject and possessive pronouns that follow a mention as subject in its
    own sentence and the next one ("Lina Moss said ... She added"), outside ``quoted`` text
    (in "“He was furious,” Thurman told the Times" the speaker is "I"), and a given name. Only a
    clear majority counts."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for ent in entities.entities:
        if ent.label != "PERSON":
            continue
        span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        before = doc[span.start - 1].lower_ if span.start else ""
        if before in _HONORIFIC_GENDER:
            votes[ent.canonical][_HONORIFIC_GENDER[before]] += 3
        if (_noun_named(span.root) or span.root).dep_ not in {"nsubj", "nsubjpass"} or any(
                start <= ent.start < end for start, end in quoted):
            continue  # after "“… are Michael,” she said" the pronoun is the speaker
        sentence = span.sent
        following = doc[sentence.end].sent if sentence.end < len(doc) else None
        tokens = list(doc[span.end : sentence.end])
        if following is not None:
            tokens += [t for t in following if t.dep_ in {"nsubj", "nsubjpass"}][:1]
        for token in tokens:
            # "Tarantino instructed her": an object is someone else; only a subject or an
            # owner ("… of his life") may be the person again
            if (token.lower_ in _PRONOUN_GENDER and token.dep_ in {"nsubj", "nsubjpass", "poss"}
                    and not any(start <= token.idx < end for start, end in quoted)):
                votes[ent.canonical][_PRONOUN_GENDER[token.lower_]] += 1
    # A given name that is nearly always one gender ("Shinzo Abe", "Lisa Holland") counts as
    # two signs: one stray pronoun of another person ("Sarandon told MSNBC … if he loses")
    # does not outweigh it
    names = first_name_genders()
    for canonical in {e.canonical for e in entities.entities if e.label == "PERSON"}:
        words = canonical.split()
        if len(words) >= 2 and (gender := names.get(words[0].lower())):
            votes[canonical][gender] += 2
    out = {}
    for name, counts in votes.items():
        (top, n), *rest = [*counts.most_common(2), ("", 0)]
        if n >= 2 * rest[0][1] and n > 0:
            out[name] = top
    return out


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a reporting verb, climbing to the clause that has one."""
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    set_in = speaker_set_in_statement(verb)
    if set_in is not None:
        return _name_in_phrase([t for t in set_in if not t.is_punct], verb)
    inverted = inverted_set_in(verb)
    if inverted is not None:
        return inverted[0]
    current: Token | None = verb
    for _ in range(3):
        if current is None:
            return None
        if (current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in _NOMINAL
                and _in_marks(current.head) and current.head.head.pos_ in {"VERB", "AUX"}):
            # "called the indictment a “political trial” saying …": the quoted words are not
            # the speaker; the one who called it so is
            current = current.head.head
            continue
        if (current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in _NOMINAL
                and (current.head.dep_ != "pobj" or current.head.head.lower_ == "of")):
            # "a letter saying that …", "footage of Clinton asking, “…”" — not "broke into
            # tears saying", "sent an e-mail to a colleague noting"
            return _issuer(current.head) or current.head
        # not a dash, nor a preposition misread as one ("Of Carson, Levine, who …, said")
        subjects = [c for c in current.children if c.dep_ == "nsubj" and c.text not in _DASHES
                    and c.pos_ != "ADP"]
        apposed = _named_of_apposed(subjects)
        # "Moon Jae-in said", parsed with two subjects: the name, not "in" after its hyphen
        subjects = [apposed] if apposed else [
            c for c in subjects if not _after_hyphen(c)] or subjects
        if current is not verb and _impersonal(current):
            return None
        subjects = _before_misread_clause(current, subjects)
        if subjects:
            # "In Salem, New Hampshire, Trump went …" read with two subjects: the nearer
            child = min(subjects, key=lambda c: abs(current.i - c.i))
            child = apposed_before(child, current) or child
            return child if _same_paragraph(child, current) else _phrase_before(current)
        for child in current.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if current is verb and any(c.dep_ == "nsubjpass" for c in verb.children):
            return None  # "… as it was announced the Council would meet": no one is named
        if current.dep_ == "acomp":
            current = current.head  # "Voters are more likely to say": through "likely"
            continue
        controller = next((c for c in current.head.children if c.dep_ == "dobj"
                           and c.i < current.i and can_speak(c)),
                          None) if _infinitive(current) else None
        if controller is not None:
            return controller  # "led the manufacturer to announce …": its object speaks
        clause_link = current.dep_ in {"advcl", "xcomp", "conj", "acl", "pcomp"}
        if clause_link and current.head.i != current.i:
            current = current.head
            if current.dep_ == "prep" and current.head.i != current.i:
                current = current.head  # "pitched himself by telling them": through "by"
        else:
            break
    if verb.dep_ == "ROOT":
        return _noun_before(verb)
    # "“…,” Eyda Varela, the vice minister, insisted": a name after the quotation, whatever
    # the parser made of the verb
    return _named_after_quotation(verb) if verb.i and verb.doc[verb.i - 1].text == "," else None


_DASHES = frozenset({"—", "–", "-", "--"})
_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "dative"})


def _issuer(text: Token) -> Token | None:
    """ "The campaign issued a statement saying …": the one who issued, sent or released the
    text speaks through it (not one who found or read it: "Police found a note saying")."""
    verb = text.head
    if text.dep_ != "dobj" or verb.lemma_.lower() not in _ISSUING:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.text not in _DASHES), None)


_ISSUING = frozenset({"issue", "release", "send", "publish", "post", "file", "write", "deliver",
                      "sign", "circulate", "distribute", "air", "run", "give", "make", "put",
                      "tweet", "unveil", "launch", "submit", "present", "compile", "provide",
                      "prepare", "produce", "conduct"})


def _infinitive(verb: Token) -> bool:
    """ "to announce" as the complement of the verb before it ("led the maker to announce")."""
    return verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to"
                                        for c in verb.children)


def can_speak(noun: Token) -> bool:
    """A person, a body or a role: "led the manufacturer to announce", not "blamed his
    hesitancy to condemn", "had this to say"."""
    return ((noun.tag_ == "PRP" and noun.lower_ != "it") or noun.pos_ == "PROPN"
            or noun.lemma_.lower() in _SPEAKING_NOUNS)


def _before_misread_clause(verb: Token, subjects: list[Token]) -> list[Token]:
    """ "A statement after the meeting said …": the parser read the phrase as a clause ("after"
    its mark, "the meeting" a second subject of the verb); the subject before the mark
    speaks, as does one before a relative clause that the parser ended too soon."""
    first = min(subjects, key=lambda c: c.i, default=None)
    marks = [c.i for c in verb.children if c.dep_ == "mark"]
    if first is not None and any(first.i < m < s.i for m in marks for s in subjects):
        return [first]
    if (first is not None and len(subjects) > 1
            and any(c.dep_ == "relcl" for c in first.children)
            and not any(t.is_punct and t.text not in _DASHES for t in verb.doc[first.i : verb.i])):
        # "A spokesperson who would not be named because of agency policy said": the second
        # subject is a noun of the relative clause, which runs on to the verb, misread
        return [first]
    return subjects


def _noun_named(name: Token) -> Token | None:
    """ "a student named Michael Lewis", "a woman identified as Jane Doe": the noun the name
    is given to, whose place in the sentence (a subject, say) is the person's."""
    if name.dep_ == "pobj" and name.head.lower_ == "as":
        naming = name.head.head
        given = naming.dep_ == "acl" and naming.tag_ == "VBN" and naming.lemma_ == "identify"
    else:
        naming = name.head
        given = naming_verb(naming) and name.dep_ in {"oprd", "dobj", "attr"}
    return naming.head if given and naming.head.pos_ == "NOUN" else None


def _in_marks(noun: Token) -> bool:
    """A noun whose phrase is set in quotation marks ("a “political trial”"): words quoted."""
    marks = [c for c in noun.children if c.dep_ == "punct" and (
        c.text in _CLOSING_MARKS or c.text in {"“", "``"})]
    return any(m.i < noun.i for m in marks) and any(m.i > noun.i for m in marks)


def _quoted_as_saying(verb: Token) -> Token | None:
    """ "Tass quoted Peskov as saying", "Peskov was quoted (by Tass) as saying": the one quoted
    spoke; the agency that quotes is only the medium. ``verb`` is "quoted" or "saying"."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        verb = verb.head.head
    if verb.lemma_ not in _QUOTING_LEMMAS or not any(
            c.dep_ == "prep" and c.lower_ == "as" and any(g.tag_ == "VBG" for g in c.children)
            for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)


_QUOTING_LEMMAS = frozenset({"quote", "cite"})
_CLOSING_MARKS = frozenset({"”", '"', "''"})  # not "’": an apostrophe as often as a mark


def _noun_before(verb: Token) -> Token | None:
    """A sentence's active verb the parser gave no subject ("About 4 in 10 say", "On Thursday
    BP said"): the noun right before it. Not past a comma — "Suleiman, the chief picked over
    the weekend, said" would give "weekend" — and not for a passive ("they are called “…”")."""
    if verb.i == verb.sent.start or any(c.dep_ in {"auxpass", "nsubjpass"}
                                        for c in verb.children):
        return None
    token = verb.doc[verb.i - 1]
    if token.text == ",":
        return (_subject_before_relative(verb) or _antecedent_of_relative(verb)
                or _named_after_quotation(verb))
    participle = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i
                       and c.right_edge.i == token.i and participle_read_as_verb(c)), None)
    if participle is not None:
        # "Survivors rescued from the wreckage said …": the parser read the participle as the
        # verb of a clause; its subject is the one who spoke
        return next(c for c in participle.children if c.dep_ == "nsubj")
    speaks = (token.pos_ in {"NOUN", "PROPN", "NUM"} and token.ent_type_ not in _TIMES
              and _same_paragraph(token, verb))
    return token if speaks else None


def _subject_before_relative(verb: Token) -> Token | None:
    """ "Jo Reed, who was among 50 injured, said …": the parser read the relative clause's
    last word as the verb of a clause whose subject is the name; the name speaks."""
    comma = verb.doc[verb.i - 1]
    for clause in verb.children:
        if (clause.dep_ != "ccomp" or clause.right_edge.i != comma.i - 1
                or clause.tag_ not in {"VBD", "VBN"}):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i),
                       None)
        if subject is not None and any(c.dep_ == "relcl" and c.right_edge.i == clause.i - 1
                                       for c in subject.children):
            return subject
    return None


def _antecedent_of_relative(verb: Token) -> Token | None:
    """ "At Time, Rana Foroohar, who writes about the economy, says …": the parser hung the
    name on the opening phrase and left the verb without a subject; the name that the
    relative clause set off by commas right before the verb describes is the one who speaks."""
    comma = verb.doc[verb.i - 1]
    clause = next((t for t in (verb.doc[comma.i - 1], *verb.doc[comma.i - 1].ancestors)
                   if t.dep_ == "relcl" and t.right_edge.i == comma.i - 1), None)
    if clause is None or clause.left_edge.i == 0:
        return None
    name = clause.head
    opened = verb.doc[clause.left_edge.i - 1].text == ","
    return name if opened and name.i < clause.i and can_speak(name) else None


def participle_read_as_verb(clause: Token) -> bool:
    """ "Survivors rescued from the wreckage", "the Iranians released by the United States": a
    past participle with a subject and no object, only a phrase after it, taken for a finite
    verb."""
    return (clause.tag_ in {"VBD", "VBN"}
            and any(c.dep_ == "nsubj" and c.i < clause.i for c in clause.children)
            and all(c.dep_ in {"nsubj", "prep", "agent", "advmod", "punct"}
                    for c in clause.children)
            and any(c.dep_ in {"prep", "agent"} and c.i > clause.i for c in clause.children))


def _named_after_quotation(verb: Token) -> Token | None:
    """ "“It is not the position …,” Gene Sperling, a top adviser, said": the parser hung the
    name and its title inside the quotation; the name opens the words between the closing mark
    and the verb, which hold no verb of their own."""
    doc = verb.doc
    close = next((t for t in reversed(doc[verb.sent.start : verb.i])
                  if t.text in _CLOSING_MARKS), None)
    if close is None:
        return None
    between = [t for t in doc[close.i + 1 : verb.i] if not t.is_punct]
    if (not names_only(between) or between[0].ent_type_ in _TIMES
            or not _same_paragraph(close, verb)):
        return None
    return _name_in_phrase(between, verb)


def speaker_set_in_statement(verb: Token) -> Span | None:
    """ "The attacker acted alone, the brother of the gunman, Eric Paddock, said": with no
    quotation marks, the parser hung the speaker's description and name on the statement's
    last noun as an apposition (and the verb on the sentence, or on the statement's verb as
    a second verb); that phrase, between two commas and ending right before the verb, is who
    said it."""
    doc = verb.doc
    set_after = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.i < verb.i
                                        and not any(c.dep_ == "cc" for c in verb.children))
    if (not set_after or verb.i < 2 or doc[verb.i - 1].text != ","
            or any(c.dep_ in {"nsubj", "nsubjpass"} or (c.dep_ in _OBJECTS and c.i > verb.i)
                   for c in verb.children)
            or any(t.text in _CLOSING_MARKS for t in doc[verb.sent.start : verb.i])):
        # "…, the home of Jane Rowe, said goodbye": the verb has its own object; after a
        # quotation, the name follows the closing mark (``_named_after_quotation``)
        return None
    phrase, token = None, doc[verb.i - 2]
    while token.dep_ in {"appos", "compound", "prep", "pobj"} and token.head.i < token.i:
        start = token.left_edge.i
        if token.dep_ == "appos" and start > 0 and doc[start - 1].text == ",":
            phrase = token
        token = token.head
    if phrase is None or phrase.right_edge.i != verb.i - 2:
        return None
    words = [t for t in doc[phrase.left_edge.i : verb.i - 1] if not t.is_punct]
    statement = doc[verb.sent.start : phrase.left_edge.i - 1]
    if (not names_only(words) or words[0].ent_type_ in _TIMES
            or not any(t.pos_ in {"VERB", "AUX"} for t in statement)):
        return None
    return doc[phrase.left_edge.i : verb.i - 1]


def inverted_set_in(verb: Token) -> tuple[Token, Token] | None:
    """ "The advertisement, said Kelli Conlin, the director of the group, is intended to …": a
    reporting clause set into the statement with its subject after the verb; the parser made
    the statement's subject the verb's and the speaker the statement's. Returns the speaker and
    the statement's verb."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (subject is None or verb.i < 2 or doc[verb.i - 1].text != "," or subject.i >= verb.i
            or can_speak(subject)):
        return None  # ("Jo Reed, 30, said John Smith, her friend, was hurt": Reed spoke)
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < verb.i:
            continue
        named = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}
                      and c.left_edge.i == verb.i + 1 and c.ent_type_ == "PERSON"), None)
        if named is None:
            continue
        comma = named.right_edge.i if named.right_edge.text == "," else named.right_edge.i + 1
        if comma < clause.i and doc[comma].text == ",":
            return named, clause
    return None


def _name_in_phrase(between: list[Token], verb: Token) -> Token | None:
    """The speaker in a name-and-title phrase: its person, else its first name."""
    doc = verb.doc
    names = []  # the runs of proper nouns, by their last word
    for token in between:
        if token.pos_ == "PROPN" and (not names or names[-1].i != token.i - 1):
            names.append(token)
        elif token.pos_ == "PROPN":
            names[-1] = token
    # "Japan’s ambassador to the United Nations, Koro Bessho, told": not the owner
    own = [n for n in names if n.i + 1 < verb.i and doc[n.i + 1].dep_ == "case"]
    people = [n for n in names if n not in own and n.ent_type_ == "PERSON"]
    if not names:
        return None
    # "a Misrata resident, called Saadoun,": after a description, the person it is of
    return people[0] if (own or between[0].pos_ == "DET") and people else names[0]


def names_only(words: list[Token]) -> bool:
    """Words after a quotation that open with a name, or with a description the name follows,
    and hold no verb: its speaker and title ("Gene Sperling, a top adviser", "a local member of
    parliament, Eric Ciotti"), not more of a statement ("between Cruz and Trump")."""
    return (bool(words) and (words[0].pos_ == "PROPN" or (
                words[0].pos_ == "DET"
                and any(t.ent_type_ == "PERSON" and t.pos_ == "PROPN" for t in words)))
            and not any(t.pos_ in {"VERB", "AUX"} and not naming_verb(t) for t in words))


def naming_verb(verb: Token) -> bool:
    """ "a resident called Saadoun", "a man named John": a verb that only gives a name."""
    return (verb.tag_ == "VBN" and verb.lemma_ in {"call", "name"} and verb.dep_ == "acl"
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children))


def _impersonal(verb: Token) -> bool:
    """ "It is fair to say", "it is worth noting": no one is the subject."""
    return (any(c.dep_ in {"nsubj", "expl"} and c.lower_ in {"it", "this", "that"}
                for c in verb.children) and any(c.dep_ == "acomp" for c in verb.children))


def _same_paragraph(a: Token, b: Token) -> bool:
    low, high = sorted((a.i, b.i))  # by tokens: Doc.text is rebuilt on every access
    return not any("\n" in t.text_with_ws for t in a.doc[low:high])


def _phrase_before(verb: Token) -> Token | None:
    """The parser read a heading, a dateline or a time stamp on the line above as the subject
    ("2:00 p.m.\nA court document filed Thursday says …"): take the first phrase of the
    verb's own line instead."""
    for chunk in verb.sent.noun_chunks:
        if chunk.end <= verb.i and _same_paragraph(chunk.root, verb):
            return chunk.root
    return None


def according_to(tokens: list[Token]) -> Token | None:
    """The source of "according to X" — not "according to plan", "according to tradition",
    which say how, not who."""
    for token in tokens:
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects and not _manner_not_source(objects[0]):
                        return objects[0]
    return None


def _manner_not_source(noun: Token) -> bool:
    return noun.lemma_.lower() in _MANNER_NOUNS and not any(
        c.dep_ in {"det", "poss", "compound", "amod", "nummod", "prep"} for c in noun.children)


_MANNER_NOUNS = frozenset({"plan", "schedule", "tradition", "custom", "legend", "protocol",
                           "script", "design", "form", "expectation", "rule"})


_PARTS = frozenset({"several", "some", "many", "most", "all", "both", "each", "few", "none",
                    "half", "dozens", "hundreds", "thousands", "majority", "minority"})


def _after_hyphen(token: Token) -> bool:
    doc = token.doc
    return (token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
            and not doc[token.i - 2].whitespace_)


def apposed_before(subject: Token, verb: Token) -> Token | None:
    """ "To understand the real John Brown, Professor Alan Roberts said, …": in a reporting
    clause set between commas, the phrase right before the verb that the parser hung on the
    subject as its apposition is the one who speaks (not "Putin, the Russian president, said",
    where a comma follows it, nor "Meg Whitman, a former candidate who …, labeled him …")."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].text != "," or doc[verb.i - 1].is_punct:
        return None
    return next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i
                 and c.right_edge.i == verb.i - 1 and c.left_edge.i > 0
                 and doc[c.left_edge.i - 1].text == ","), None)


def _named_of_apposed(subjects: list[Token]) -> Token | None:
    """ "Park Soo-hyun, the spokesman for …, said", read with two subjects a comma apart: an
    apposition, and the name is who spoke."""
    if len(subjects) != 2:
        return None
    first, second = sorted(subjects, key=lambda t: t.i)
    doc = first.doc
    between = doc[first.right_edge.i + 1 : second.left_edge.i]
    if len(between) != 1 or between[0].text != ",":
        return None
    names = [t for t in (first, second) if t.pos_ == "PROPN"]
    return names[0] if len(names) == 1 else None


def describe_source(token: Token, entities: EntityIndex, salience: Salience) -> Source | None:
    """Turn a subject token into the source it names, resolving pronouns and titles."""
    doc = token.doc
    entity = entities.at(token.idx)
    if entity is None:
        for t in token.subtree:
            candidate = entities.at(t.idx)
            if (candidate is not None and candidate.label == "PERSON"
                    and not _in_clause(t, token)
                    and (_holder_after_body(t, token)
                         or (not _owner_or_complement(t, token)
                             and not _modifier_only(t, token)))):
                entity = candidate
                break
    if entity is None and token.pos_ == "NOUN":
        # "a Misrata resident, called Saadoun, told Reuters": the name the noun is given
        entity = next((e for c in token.children if c.dep_ == "acl" for n in c.children
                       if (named := _noun_named(n)) is not None and named.i == token.i
                       and (e := entities.at(n.idx)) is not None),
                      None)
    if entity is None and token.pos_ == "NOUN" and token.lemma_.lower() not in _ROLE_HEADS:
        # "Credit report company Equifax said": the body the description is set beside (not
        # "the chief of the company, Acme", where the parser hung the body on the role)
        entity = next((e for c in token.children if c.dep_ == "appos"
                       and (e := entities.at(c.idx)) is not None and e.label == "ORG"), None)
    if entity is not None and entity.label in SPEAKER_LABELS:
        if (owned := _owned_body(token, entity, entities)) is not None:
            return owned
        return Source(entity.text, entity.canonical, entity.start, entity.end)
    if token.lower_ in PRONOUNS:
        return Source(token.text, salience.pronoun(token.idx, token.lower_), token.idx,
                      token.idx + len(token.text))
    if token.pos_ == "PRON":
        relative = (token.lower_ in _RELATIVE and token.head.dep_ == "relcl"
                    and token.head.head != token)
        if token.lower_ == "it":
            return Source(token.text, salience.body(token.idx), token.idx,
                          token.idx + len(token.text))
        if relative or token.lower_ in _UNRESOLVED_PRONOUNS:
            # "they say", "I told him", "who said": as written; "who" means the one the
            # clause is about ("McConnell, who in 2010 said …")
            antecedent = (describe_source(_relative_antecedent(token), entities, salience)
                          if relative else None)
            return Source(token.text, antecedent.canonical if antecedent else None, token.idx,
                          token.idx + len(token.text))
        if token.lower_ in _NOBODY:
            return None
        # "Those close to him say", "some say": the phrase as written
        phrase = list(token.subtree)
        return Source(doc[phrase[0].i : phrase[-1].i + 1].text, None, phrase[0].idx,
                      phrase[-1].idx + len(phrase[-1].text))
    span_tokens = _phrase_tokens(token)
    first = min(span_tokens, key=lambda t: t.i)
    left = first.idx
    last = token
    if last.i + 2 < len(doc) and _after_hyphen(doc[last.i + 2]) and not last.whitespace_:
        last = doc[last.i + 2]  # "Moon Jae-in", where the tagger named no one
    part_of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if part_of is not None and (token.pos_ == "NUM" or token.lower_ in _PARTS):
        # "Two of the gunman's brothers said": who the number counts is part of the phrase
        last = max(part_of.subtree, key=lambda t: t.i)
    elif token.pos_ == "NOUN" and (whose := _whose_role(token)) is not None:
        last = whose  # "A spokesman for the foreign ministry said": not just "A spokesman"
    text = doc[first.i : last.i + 1].text
    canonical = None
    if all(t.text[:1].isupper() or t.lower_.rstrip(".") in TITLE_WORDS for t in span_tokens):
        # a name the tagger did not mark this time, or took for a plural ("Plemons said")
        canonical = entities.person_called(token.text)
    if canonical is None:
        canonical = (_state_body(token, span_tokens, entities)
                     or _persons_body(token, entities, salience)
                     or _role_holder(token, span_tokens, salience)
                     or _titled(token, span_tokens, salience)
                     or salience.spokesperson(token, span_tokens, entities)
                     or _body_meant(token, salience)
                     or _issued_earlier(token, entities, salience)
                     or _author(token, entities, salience))
    if canonical is None and _age_epithet(token):
        canonical = _of_age(token, entities, salience)
    if canonical is None:
        # "Anadarko said", "coach Pep Guardiola told": a name the tagger never marked
        canonical = _unmarked_name(span_tokens)
    return Source(text, canonical, left, last.idx + len(last.text))


def _unmarked_name(phrase: list[Token]) -> str | None:
    """The proper nouns of a phrase after its titles, when nothing else is in it."""
    rest = list(phrase)
    # a title the tagger took for a name stays ("General Motors"); "Mr", "Dr" never do
    while rest and (rest[0].lower_.rstrip(".") in HONORIFICS
                    or (rest[0].pos_ != "PROPN" and rest[0].lower_.rstrip(".") in TITLE_WORDS)):
        rest = rest[1:]
    if not rest or not all(t.pos_ == "PROPN" for t in rest):
        return None
    return rest[0].doc[rest[0].i : rest[-1].i + 1].text


def _body_told(head: Token, phrase: list[Token], entities: EntityIndex) -> str | None:
    """A state's or a person's body a subject names, while ``Salience`` is being built."""
    return _state_body(head, phrase, entities) or _persons_body(head, entities)


def _state_body(head: Token, phrase: list[Token], entities: EntityIndex) -> str | None:
    """ "the Russian defence ministry", "Russia's foreign ministry", "the Ukrainian military": a
    state's body the tagger did not name, in the form ``owned_name`` gives every telling of it."""
    if head.lower_ not in STATE_BODY_HEADS:
        return None
    words = [t for t in phrase if t.dep_ != "det"]
    owner = entities.at(words[0].idx) if words else None
    if owner is None or owner.label != "GPE":
        # "the Russian defence ministry": a state's adjective before the body
        return (national_body(" ".join(t.text for t in words))
                if all(t.is_alpha for t in words) else None)
    rest = [t for t in words if t.idx >= owner.end]  # "Russia's", "the US government"
    rest = rest[1:] if rest and rest[0].tag_ == "POS" else rest
    if not rest or not all(t.is_alpha for t in rest):
        return None
    return owned_name(owner.canonical, " ".join(t.text for t in rest))


# Bodies a person leads, told by that person: "the Clinton campaign", "Cuomo's office".
_PERSONS_BODIES = frozenset({"campaign", "administration", "office", "team", "camp", "family",
                             "government"})


def _persons_body(head: Token, entities: EntityIndex, salience: Salience | None = None
                  ) -> str | None:
    """ "the Clinton campaign", "Clinton's campaign" and "her campaign" are one speaker,
    "Hillary Clinton's campaign"; "Gov. Andrew Cuomo's office" is "Andrew Cuomo's office".
    Without ``salience`` (while it is being built) "her" stands for no one yet."""
    if head.lower_ not in _PERSONS_BODIES:
        return None
    for child in head.children:
        if child.dep_ == "poss" and child.lower_ in {"his", "her"}:
            person = salience.pronoun(child.idx, child.lower_) if salience else None
        elif child.dep_ in {"poss", "compound"}:
            entity = entities.at(child.idx)
            person = entity.canonical if entity is not None and entity.label == "PERSON" else None
        else:
            continue
        return f"{possessive(person)} {head.lower_}" if person else None
    return None


def _owned_body(token: Token, body: Entity, entities: EntityIndex) -> Source | None:
    """ "Russia's Defence Ministry", "the Russian defence ministry": the speaker's words take in
    the state it belongs to, whose name the body's canonical form already holds (see
    ``entities``)."""
    if body.label != "ORG":
        return None
    for child in token.children:
        owner = entities.at(child.idx) if child.dep_ in {"poss", "amod", "compound"} else None
        state = owner.canonical if owner is not None and owner.label == "GPE" else (
            nation_of(owner.text) if owner is not None and owner.label == "NORP" else None)
        part = body_of(body.canonical) if state else None
        if part and owner.end <= body.start and owned_name(state, part) == body.canonical:
            return Source(token.doc.text[owner.start : body.end], body.canonical, owner.start,
                          body.end)
    return None


SPOKESPERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_SPOKESPERSON_GENDER = {"spokesman": "m", "spokeswoman": "f"}


def _bodys_spokesperson(noun: Token, phrase: list[Token], entities: EntityIndex) -> str | None:
    """ "A Delta Air Lines spokesman", "a spokesman for Microsoft", "a Chinese government
    spokesman": someone unnamed, told by the body they speak for ("Delta Air Lines spokesman"),
    so that every telling of them is one speaker and "the spokesman" after points back."""
    if noun.lemma_.lower() not in SPOKESPERSON_NOUNS or noun.tag_ != "NN":
        return None
    before = [t for t in phrase if t.i < noun.i and t.dep_ != "det"]
    whose = _whose_role(noun)
    after = [t for t in noun.doc[noun.i + 2 : whose.i + 1] if t.dep_ != "det"] if whose else []
    for words in (before, after):
        if body := _body_named(words, entities):
            return f"{body} {noun.lower_}"
    body = national_body(" ".join(t.text for t in before)) if before else None
    return f"{body} {noun.lower_}" if body else None


def _body_named(words: list[Token], entities: EntityIndex) -> str | None:
    """The body a run of proper nouns names ("Delta Air Lines", "Transport for London", "the US
    State Department"): an organisation or place the tagger marked there, else the run as
    written."""
    if not words or words[0].pos_ != "PROPN" or words[-1].pos_ != "PROPN" or not all(
            t.pos_ == "PROPN" or t.lower_ in {"for", "of", "and", "&"} for t in words):
        return None
    marked = [e for t in words if (e := entities.at(t.idx)) is not None]
    whole = next((e for e in marked if e.start <= words[0].idx and words[-1].idx < e.end), None)
    if whole is not None:
        return whole.canonical
    if len({e.start for e in marked}) == 1 and marked[0].label in {"ORG", "GPE"}:
        return marked[0].canonical  # "the US State Department": "State Department" marked
    return words[0].doc[words[0].i : words[-1].i + 1].text


def _age_epithet(token: Token) -> bool:
    """ "the 56-year-old": a person named before, told by age alone."""
    return (token.lower_ == "old"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and any(c.dep_ == "npadvmod" and c.lemma_.lower() == "year" for c in token.children))


_AGE_AFTER_NAME = re.compile(r"(\w+),\s+(\d{1,3})\b(?![.,]?\d)")


def _of_age(epithet: Token, entities: EntityIndex, salience: Salience) -> str | None:
    """Whom "the 34-year-old" means: the latest person given that age before it ("Jane Doe,
    34,"), else whom "he" or "she" would mean there, unless that person was given another."""
    age = next((t.text for t in epithet.subtree if t.like_num), None)
    ages: dict[str, str] = {}
    for match in _AGE_AFTER_NAME.finditer(epithet.doc.text, 0, epithet.idx):
        entity = entities.at(match.start(1))
        if entity is not None and entity.label == "PERSON":
            ages[entity.canonical] = match.group(2)
    same = [name for name, given in ages.items() if given == age]
    if same:
        return same[-1]
    meant = salience.pronoun(epithet.idx)
    return meant if meant not in ages else None


_ROLE_LINKS = frozenset({"of", "for", "at", "from", "with"})
MAX_ROLE_PHRASE = 8


def _whose_role(noun: Token) -> Token | None:
    """The last word of the phrase right after a speaker noun that says whose it is or where it
    serves ("for the company", "of the National Aerospace Development Administration", "at the
    Pentagon"): a few words, no comma in them."""
    link = next((c for c in noun.children if c.dep_ == "prep" and c.i == noun.i + 1
                 and c.lower_ in _ROLE_LINKS), None)
    if link is None:
        return None
    phrase = list(link.subtree)
    if (len(phrase) > MAX_ROLE_PHRASE or any(t.is_punct for t in phrase)
            or phrase[-1].pos_ not in {"NOUN", "PROPN"}  # not "the secretary of state and"
            or any(t.ent_type_ in _TIMES or t.lower_ == "time" for t in phrase)):
        return None  # nor a time: "Trump at the time"
    return phrase[-1]


def _body_meant(noun: Token, salience: Salience) -> str | None:
    """ "the company said", "The oil company said": the organisation meant, when the noun
    is singular, definite and names no other body itself."""
    lemma = noun.lemma_.lower()
    if (lemma not in _NAMED_BODY_NOUNS | _COMPANY_NOUNS or noun.tag_ != "NN"
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            or any(c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN" for c in noun.children)
            or any(c.dep_ == "prep" for c in noun.children)):
        return None
    return salience.body(noun.idx, lemma)


def _issued_earlier(noun: Token, entities: EntityIndex, salience: Salience) -> str | None:
    """ "Air Canada issued a statement on Monday. “…,” the statement read": the one who issued
    that text, or spoke in it ("In a statement, the airline said"), the latest time before."""
    lemma = noun.lemma_.lower()
    if (lemma not in WRITTEN_WORDS or noun.tag_ != "NN"
            or not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"}
                       for c in noun.children)):
        return None
    for earlier in reversed(noun.doc[: noun.i]):
        if earlier.idx < noun.idx - RECENT_CHARS:
            return None
        if earlier.lemma_.lower() != lemma:
            continue
        spoke_in = (earlier.dep_ == "pobj" and earlier.head.lower_ == "in"
                    and earlier.head.head.pos_ in {"VERB", "AUX"})
        author = subject_of(earlier.head.head) if spoke_in else _issuer(earlier)
        if author is not None and author.lemma_.lower() not in WRITTEN_WORDS:
            found = describe_source(author, entities, salience)
            return found.canonical if found is not None else None
    return None


def _author(noun: Token, entities: EntityIndex, salience: Salience) -> str | None:
    """Who made a text or a count: "figures released by Statistics Canada", "a report by the
    central bank", "data from the Labor Department", "the agency's estimate", "a study in The
    Lancet"; nobody for "the plan" or "figures from last year". Only made things have makers:
    "Wise's dad" or "the senator's staff" are people of their own."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _MADE_THINGS:
        return None
    makers = [(c, "by") for c in noun.children if c.dep_ == "poss"]
    makers += [(g, c.lower_) for c in noun.children
               if c.dep_ == "prep" and c.lower_ in _MAKER_LABELS for g in c.children
               if g.dep_ == "pobj"]
    makers += [(g, "by") for c in noun.children if c.dep_ == "acl"
               and c.lemma_.lower() in _ISSUING for a in c.children if a.dep_ == "agent"
               for g in a.children if g.dep_ == "pobj"]
    for maker, preposition in makers:
        entity = entities.at(maker.idx)
        if ((entity is not None and entity.label in _MAKER_LABELS[preposition])
                or (entity is None and maker.lemma_.lower() in _SPEAKING_NOUNS)):
            found = describe_source(maker, entities, salience)
            if found is not None and found.canonical:
                return found.canonical
    return None


def _phrase_tokens(token: Token) -> list[Token]:
    """The words of a subject phrase up to its head, from the start of its line: a time stamp or
    heading above it ("4:43 p.m.") that the parser took into the phrase is not part of it."""
    doc = token.doc
    phrase = [t for t in token.subtree if t.i <= token.i
              and not any("\n" in b.text for b in doc[t.i : token.i])]
    # a closing mark the parser hung on it, or a sentence adverb it took for part of a name
    # ("Earlier Trump declared …")
    while len(phrase) > 1 and (phrase[0].is_punct or phrase[0].lower_ in _SENTENCE_ADVERBS):
        phrase = phrase[1:]
    return phrase


def _role_holder(token: Token, phrase: list[Token], salience: Salience) -> str | None:
    """The person a role names ("the Kremlin official", "the Russian president"), when it
    points back to someone introduced with it."""
    if token.lemma_.lower() not in ROLE_NOUNS or not _one_known(token):
        return None
    words = {t.lower_ for t in phrase if t.pos_ in {"NOUN", "PROPN", "ADJ"}}
    return salience.role(token.idx, words, _qualifiers(token, phrase))


def _qualifiers(head: Token, phrase: list[Token]) -> set[str]:
    """The names that say whose a role is: "Russian" in "the Russian president"."""
    return {t.lower_ for t in phrase if t is not head and t.text[:1].isupper()
            and (t.pos_ == "PROPN" or (t.pos_ == "ADJ" and not t.is_sent_start))}


def _titled(noun: Token, phrase: list[Token], salience: Salience) -> str | None:
    """ "the actress", "the retired neurosurgeon": the person the article put that noun before
    ("Oscar-winning actress Susan Sarandon"), when it is singular, definite and no body's."""
    lemma = noun.lemma_.lower()
    if (noun.tag_ != "NN" or lemma in _NAMED_BODY_NOUNS | _COMPANY_NOUNS | _PUBLIC_BODY_WORDS
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            or any(c.dep_ in {"poss", "prep"} for c in noun.children)):
        return None
    return salience.titled_as(noun.idx, lemma, _qualifiers(noun, phrase))


def _one_known(role: Token) -> bool:
    """ "the spokesman" points back to someone; "a BP spokesman", "one official" and
    "officials" bring in someone unnamed (or several), whom no earlier name stands for."""
    if role.tag_ in {"NNS", "NNPS"} or role.left_edge.lower_ in _INDEFINITE:
        return False  # "A Transport for London spokesman", with "A" hung on the body's name
    return not any(c.dep_ in {"det", "nummod"} and c.lower_ in _INDEFINITE for c in role.children)


WRITTEN_WORDS = frozenset({"statement", "letter", "tweet", "post", "message", "email",
                           "note", "release", "memo"})
# Texts and counts, which someone made ("data" is lemmatised "datum").
_MADE_THINGS = WRITTEN_WORDS | frozenset({
    "report", "study", "survey", "poll", "figure", "data", "datum", "statistic", "number",
    "estimate", "analysis", "document", "filing", "count", "tally", "projection",
    "forecast", "research", "review", "audit", "census", "assessment", "complaint", "lawsuit",
    "book", "memoir", "database", "tracker", "calculation", "model", "paper", "article"})
# Who may make a thing, by the word that links them: anyone "by" (or whose it is); a person or
# a body "from" ("a report from Kabul" tells where, not who); a publication "in".
_MAKER_LABELS = {"by": SPEAKER_LABELS, "from": frozenset({"PERSON", "ORG", "NORP"}),
                 "in": frozenset({"ORG"})}


def _relative_antecedent(pronoun: Token) -> Token:
    """What "who" stands for: the noun its clause hangs on, or, where the parser hung "who" on
    the last noun of a description ("Dan McGinn, a communications expert at TMG Strategies,
    who suggested"), the person that description is of."""
    noun = pronoun.head.head
    for _ in range(4):
        # "the one passed in September, which asked …": not the date the parser hung it on
        if noun.ent_type_ not in _TIMES or noun.head.i == noun.i:
            break
        noun = noun.head
        while noun.pos_ not in _NOMINAL and noun.head.i != noun.i:
            noun = noun.head
    if (noun.lemma_.lower() in WRITTEN_WORDS and noun.dep_ == "dobj"
            and (author := subject_of(noun.head)) is not None):
        return author  # "Khan issued a statement that said …": the one who issued it
    if pronoun.lower_ != "who" or noun.ent_type_ == "PERSON":
        return noun
    climbed = noun
    while climbed.dep_ in {"pobj", "prep"} and climbed.head.i != climbed.i:
        climbed = climbed.head
    if climbed.dep_ == "appos" and climbed is not noun:
        return climbed.head
    return noun


def _modifier_only(t: Token, head: Token) -> bool:
    """``t`` names what a common noun is about, not who it is: "Trump" in "Trump aides",
    "Jackson" in "the Michael Jackson tribute concert organisers" (but not "Pierce" in "the
    ambassador, Karen Pierce")."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in {"compound", "nmod", "amod"} and t.head.pos_ != "PROPN":
            return True
        t = t.head
    return False


def _holder_after_body(t: Token, head: Token) -> bool:
    """``t`` opens the name that follows the body a role is of: "Head of the State Duma's
    Foreign Affairs Committee Leonid Slutsky", "the head of the IMF, Christine Lagarde" — not
    "the wife of John Smith" or "the chief of staff of President Trump"."""
    if head.lemma_.lower() not in _ROLE_HEADS or t.i == 0:
        return False
    name_end = t
    while name_end.dep_ == "compound" and name_end.head.i > name_end.i:
        name_end = name_end.head
    if name_end.dep_ == "appos":  # set off by commas, hung on the body by the parser
        body = name_end.head
        return (body.dep_ == "pobj" and body.head.lower_ == "of" and body.head.head.i == head.i
                and body.ent_type_ != "PERSON")
    of = name_end.head
    if not (name_end.dep_ == "pobj" and of.lower_ == "of" and of.head.i == head.i):
        return False
    body = t.doc[t.i - 1]
    return (body.i > of.i and body.text[:1].isupper() and body.ent_type_ != "PERSON"
            and body.lower_.rstrip(".") not in TITLE_WORDS)


def _in_clause(t: Token, head: Token) -> bool:
    """``t`` sits in a clause of ``head``'s own: "Smith" in "a statement saying “Mr. Smith acts
    …”" or "the man who shot John Lennon"; not the name a noun is given ("a man named John")."""
    previous = t
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in {"acl", "relcl", "ccomp", "advcl"} and not naming_verb(t):
            # but "a speech Clinton delivered", "reports Schoen filed": its author
            return not (t.dep_ == "relcl" and t.head.i == head.i and previous.dep_ == "nsubj")
        previous, t = t, t.head
    return False


def _owner_or_complement(t: Token, head: Token) -> bool:
    """``t`` sits in a possessive or a prepositional phrase under ``head``: "Kasich" in
    "Kasich's chief strategist John Weaver", "Smith" in "the lawyer for John Smith"."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in {"poss", "prep", "pobj"}:
            return True
        t = t.head
    return False


def describe_speaker(token: Token, entities: EntityIndex, salience: Salience) -> Source | None:
    """The source a reporting clause names, with those joined to it by "and": "Ukraine and the
    United States say …" is said by both, not by Ukraine. Only where each is known by name: "the
    Vermont senator and presidential candidate" is one man, "Steve Bell, a former aide, and a
    Republican" one source described twice."""
    first = describe_source(token, entities, salience)
    parts = with_conjuncts(token)
    if (first is None or len(parts) == 1
            or not any(c.dep_ == "cc" and c.lower_ == "and" for p in parts for c in p.children)):
        return first
    others = [describe_source(p, entities, salience) for p in parts[1:]]
    if any(s is None for s in others):
        return first
    sources = [first, *(s for s in others if s is not None)]
    names = [s.canonical for s in sources]
    described = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for p in parts for c in p.children)
    if None in names or len(set(names)) < len(names) or described:
        return first
    end = max(s.end for s in sources)
    text = token.doc.char_span(first.start, end, alignment_mode="expand").text
    return Source(text, " and ".join(str(n) for n in names), first.start, end)


def with_conjuncts(token: Token) -> list[Token]:
    """ "Ukraine and the United States say ..." -> both subjects."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(with_conjuncts(child))
    return out


# Verbs whose complement is what the subject rejects, not what it claims.
DENYING = frozenset({"deny", "dismiss", "reject", "refute", "dispute"})


def claimants(token: Token, entities: EntityIndex, salience: Salience) -> list[str]:
    """Who the sentence credits with what ``token`` is part of (the nearest reporting clause)."""
    current = token
    sentence = list(token.sent)
    for _ in range(8):
        head = current.head
        if head.i == current.i:
            break
        if head.lemma_ in DENYING and head.pos_ == "VERB":
            return []  # "the ministry denied that 300 soldiers died": not the ministry's figure
        # "X attacked the square, and the violence injured 600": a clause of its own joined to
        # the cue's is not what the cue reports
        joined = current.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"}
                                                 for c in current.children)
        if head.lemma_ in CUE_LEMMAS and head.pos_ in {"VERB", "AUX"} and not joined:
            subject = subject_of(head)
            if subject is not None and subject.i != current.i:
                names = claimant_names(subject, entities, salience)
                if names:
                    return names
        current = head
    target = according_to(sentence)
    return claimant_names(target, entities, salience) if target is not None else []


def claimant_names(subject: Token, entities: EntityIndex, salience: Salience) -> list[str]:
    """The one who is meant, or, for someone who can speak that nobody names ("Ukrainian
    officials", "organisers"), the description as written; never a pronoun left unresolved, a
    share of those polled ("42% say", "1,409 teachers said") or a thing ("The contract added
    $1.60")."""
    names = []
    for part in with_conjuncts(subject):
        source = describe_source(part, entities, salience)
        if source is None:
            continue
        if source.canonical:
            names.append(source.canonical)
        elif can_speak(part) and part.pos_ != "PRON" and not any(t.like_num
                                                                 for t in part.subtree):
            names.append(source.text)
    return names
