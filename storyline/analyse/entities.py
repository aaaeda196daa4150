"""Named entities from spaCy, trimmed and given canonical names within the article."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from storyline.analyse.names import (
    HONORIFICS,
    TITLE_WORDS,
    base_name,
    body_of,
    clean_surface,
    first_name_genders,
    link_name_parts,
    link_surnames,
    nation_of,
    owned_name,
    resolve_person,
    state_body,
    strip_titles,
    surname,
    variant_key,
    variants,
)
from storyline.models import Entity

KEEP_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})
_PAIR_RE = re.compile(r"^([A-Z][\w'’]+)[-–]([A-Z][\w'’]+)$")


def _trimmed(ent: Span) -> tuple[int, int] | None:
    tokens = list(ent)
    while tokens and (tokens[0].lower_ in {"the", "a", "an"} or tokens[0].is_punct
                      or _small_word_before_name(ent, tokens)):
        tokens = tokens[1:]
    opened = next((i for i, t in enumerate(tokens) if t.text == "("), None)
    if opened is not None and not any(t.text == ")" for t in tokens[opened:]):
        tokens = tokens[:opened]  # "Goldman (GS" : the name, not the ticker cut at its bracket
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _small_word_before_name(ent: Span, tokens: list[Token]) -> bool:
    """ "Dempsey rang Taylor" tagged with "rang Taylor" as the name: a small word before a
    capitalised one is no part of a person's name, unless a surname particle ("de Blasio")."""
    return (ent.label_ == "PERSON" and len(tokens) > 1 and tokens[0].is_lower
            and tokens[0].is_alpha and tokens[0].lower_ not in _NAME_PARTICLES
            and tokens[1].text[:1].isupper())


# Words that follow a name after a hyphen without being part of it: "Trump-backed", "Xi-led".
_NAME_SUFFIXES = frozenset({"backed", "led", "era", "run", "born", "made", "like", "held",
                            "type", "free", "wing", "elect", "based", "style", "owned", "ish",
                            "esque", "aided", "bound", "size", "sized", "wide", "level"})


# Particles inside surnames: "Michiel van der Leeuw", "Ursula von der Leyen".
_NAME_PARTICLES = frozenset({"van", "der", "den", "von", "de", "del", "della", "di", "da", "du",
                             "la", "le", "ter", "ten", "bin", "al", "el", "ibn"})


def _name_end(ent: Span) -> int:
    """Where a person's name ends when the tagger stopped at a hyphen: "Moon Jae-in",
    "Park Geun-hye" (the last given-name syllable, written small), not "Trump-backed"; or
    at a surname's particle: "Michiel van der" is "Michiel van der Leeuw"."""
    doc, last = ent.doc, ent[-1]
    if ent.label_ != "PERSON" or last.i + 1 >= len(doc):
        return last.idx + len(last.text)
    following = doc[last.i + 1]
    if (last.lower_ in _NAME_PARTICLES and len(ent) > 1 and following.is_alpha
            and following.text[:1].isupper()):
        return following.idx + len(following.text)
    if last.i + 2 >= len(doc) or last.whitespace_:
        return last.idx + len(last.text)
    hyphen, tail = doc[last.i + 1], doc[last.i + 2]
    if (hyphen.text == "-" and not hyphen.whitespace_ and tail.is_alpha and tail.is_lower
            and len(tail.text) <= 4 and tail.lower_ not in _NAME_SUFFIXES):
        return tail.idx + len(tail.text)
    return last.idx + len(last.text)


_NOT_A_SURNAME = frozenset({
    "foundation", "institute", "center", "centre", "group", "inc", "corp", "company", "fund",
    "university", "college", "school", "hospital", "trust", "association", "council", "party",
    "committee", "bank", "club", "society", "church", "museum", "library", "award", "prize",
    "street", "avenue", "road", "park", "hall", "house", "airport", "station", "stadium",
    "bridge", "show", "day", "act", "law", "report", "project", "program", "programme",
    "river", "lake", "mountain", "mount", "island", "islands", "bay", "county", "valley",
    "beach", "creek", "falls", "canyon", "square", "boulevard", "lane", "drive", "court",
    "place", "city", "town", "hotel", "cup", "games", "league", "stakes"})


def _titled_or_given_name(text: str, lone_people: set[str]) -> bool:
    """Two or three capitalised words that name no institution and, after any titles, open with
    a common given name, or follow a title or a party and end with a surname the article also
    writes alone as a person's ("the Republican Norm Coleman … Coleman said"): the tagger took
    a person for a body or a place."""
    surface = clean_surface(text)
    words = strip_titles(surface).split()
    return _could_be_a_name(words) and (
        words[0].lower() in first_name_genders()
        or (len(words) < len(surface.split()) and words[-1].lower() in lone_people))


def _people_taken_for_bodies(named: list[tuple[str, str, str, int, int]]
                             ) -> list[tuple[str, str, str, int, int]]:
    """ "Constable Adrian Hanstock", "Priscilla McBride", "the Republican Norm Coleman" tagged
    as a body or a place: a person's name, known as one before surnames are linked, so that
    a lone "Coleman" is Norm Coleman."""
    lone_people = {name.lower() for _, name, label, _, _ in named
                   if label == "PERSON" and " " not in name}
    return [(text, strip_titles(clean_surface(text)), "PERSON", start, end)
            if label != "PERSON" and _titled_or_given_name(text, lone_people)
            else (text, name, label, start, end)
            for text, name, label, start, end in named]


def _could_be_a_name(words: list[str]) -> bool:
    """Two or three capitalised words, none naming an institution ("Foundation", "Park")."""
    return (2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
            and not any(w.lower().strip(".,") in _NOT_A_SURNAME for w in words))


_PERSONAL = frozenset({"he", "she", "his", "her"})


def referred_to_as_a_person(subject: Token) -> bool:
    """A "he", "she", "his" or "her" follows the subject in its sentence as a subject or an
    owner, or opens the next sentence as its subject ("Kudirat Okesola said her husband …")."""
    return any(t.lower_ in _PERSONAL for t in _pronouns_after(subject))


def _pronouns_after(subject: Token) -> list[Token]:
    doc, sentence = subject.doc, subject.sent
    after = [t for t in doc[subject.i + 1 : sentence.end]
             if t.dep_ in {"nsubj", "nsubjpass", "poss"}]
    if sentence.end < len(doc):
        after += [t for t in doc[sentence.end].sent if t.dep_ in {"nsubj", "nsubjpass"}][:1]
    return after


def _words_of_full_names(found: list[tuple[str, str, int, int]]) -> set[str]:
    """Every word of the people's names of more than one word."""
    return {w for t, label, _, _ in found if label == "PERSON" and " " in t for w in t.split()}


def _bodies_taken_for_people(doc: Doc, found: list[tuple[str, str, int, int]]
                             ) -> list[tuple[str, str, int, int]]:
    """A one-word "person" that is part of no one's full name, taken up by "its" and never by
    "he", "she", "his" or "her", is a body ("Qualcomm has countered that its future …")."""
    in_full_names = _words_of_full_names(found)
    by_its: set[str] = set()
    personal: set[str] = set()
    for text, label, start, end in found:
        span = doc.char_span(start, end, alignment_mode="expand") if label == "PERSON" else None
        if (span is None or len(span) != 1 or text in in_full_names
                or span.root.dep_ not in {"nsubj", "nsubjpass"}):
            continue
        words = {t.lower_ for t in _pronouns_after(span.root)}
        if "its" in words:
            by_its.add(text)
        if words & _PERSONAL:
            personal.add(text)
    bodies = by_its - personal
    return [(text, "ORG" if label == "PERSON" and text in bodies else label, start, end)
            for text, label, start, end in found]


CREDIT_WORDS = frozenset({"images", "photos", "photo", "pictures", "photography"})


def _credits_taken_for_people(found: list[tuple[str, str, int, int]]
                              ) -> list[tuple[str, str, int, int]]:
    """A picture credit left in the text ("Getty Images Hamilton was left furious …") names an
    agency, not a person, even where the tagger took it for one or ran it into the name after
    it ("Getty Images Rosberg")."""
    out = []
    for text, label, start, end in found:
        words = list(re.finditer(r"\S+", text)) if label == "PERSON" else []
        credit = max((i for i, w in enumerate(words) if w.group().lower() in CREDIT_WORDS),
                     default=None)
        if credit is None:
            out.append((text, label, start, end))
            continue
        cut = words[credit].end()
        out.append((text[:cut], "ORG", start, start + cut))
        if credit + 1 < len(words):
            rest = words[credit + 1].start()
            out.append((text[rest:], "PERSON", start + rest, end))
    return out


def _common_nouns_taken_for_people(doc: Doc, found: list[tuple[str, str, int, int]]
                                   ) -> list[tuple[str, str, int, int]]:
    """A one-word "person" opening its sentence that the tagger itself reads as a common noun
    ("Flags will fly at half-staff"), and that is no part of anyone's full name, is no one."""
    in_full_names = _words_of_full_names(found)
    kept = []
    for text, label, start, end in found:
        span = doc.char_span(start, end) if label == "PERSON" and " " not in text else None
        if (span is not None and len(span) == 1 and span[0].is_sent_start
                and span[0].tag_ in {"NN", "NNS"} and text not in in_full_names):
            continue
        kept.append((text, label, start, end))
    return kept


_OPENING_MARKS = "“\"‘"
_CLOSING_MARKS = "”\"’"


def _titles_taken_for_people(text: str, found: list[tuple[str, str, int, int]]
                             ) -> list[tuple[str, str, int, int]]:
    """ "the making of “Kill Bill”": a name standing alone in quotation marks is the title of
    a work, not a person who could speak."""
    def in_marks(start: int, end: int) -> bool:
        after = text[end : end + 2].lstrip(",.")
        return start > 0 and text[start - 1] in _OPENING_MARKS and after[:1] in _CLOSING_MARKS
    return [(t, "WORK_OF_ART" if label == "PERSON" and in_marks(start, end) else label,
             start, end) for t, label, start, end in found]


def _mostly_bodies(found: list[tuple[str, str, int, int]]) -> set[str]:
    """Full names the tagger calls a body more often than a person, with no given name in them
    ("Chicago Cubs" ORG twice, PERSON once): a body, and so are the short forms it took for
    a person's surname ("the Cubs")."""
    counts: dict[str, list[int]] = {}
    for text, label, _, _ in found:
        if " " in text and label in {"PERSON", "ORG"}:
            counts.setdefault(text, [0, 0])[label == "ORG"] += 1
    return {text for text, (person, body) in counts.items()
            if body > person > 0 and "’s" not in text and "'s" not in text
            and not any(w.lower() in first_name_genders() for w in text.split())}


def _after_honorific(text: str) -> tuple[str, list[str]] | None:
    """The honorific and the name after it ("Dr Fukuda" → ("dr", ["Fukuda"])), or None."""
    words = clean_surface(text).split()
    rest = words[1:]
    if (words and words[0].lower().rstrip(".") in HONORIFICS and 1 <= len(rest) <= 3
            and all(w[:1].isupper() for w in rest)
            and not any(w.lower().strip(".,") in _NOT_A_SURNAME for w in rest)):
        return words[0].lower().rstrip("."), rest
    return None


def _people_by_honorific(named: list[tuple[str, str, str, int, int]]
                         ) -> tuple[list[tuple[str, str, str, int, int]], set[str]]:
    """The tagger can take a person for a body ("Dr Fukuda", "Androulla Vassiliou" as ORG). A
    name after an honorific is a person's; after "Dr" (also a brand's: "Dr Martens"), only
    where it is a full name or the surname of a full name the article gives. A full name the
    tagger took for a body is a person's when the article writes its surname after an
    honorific ("Ms Vassiliou"). Also returns the names so made a person's, which no count of
    the tagger's labels makes a body again."""
    honorifics = [_after_honorific(text) for text, *_ in named]
    titled = {found[1][-1].lower() for found in honorifics if found}
    full_surnames = {surname(name).lower()
                     for (_, name, *_), found in zip(named, honorifics, strict=True)
                     if len(name.split()) >= 2 and not found}
    out = []
    for (text, name, label, start, end), found in zip(named, honorifics, strict=True):
        if found and label != "PERSON" and (len(found[1]) >= 2 or found[0] != "dr"
                                            or found[1][-1].lower() in full_surnames):
            name, label = " ".join(found[1]), "PERSON"
        elif (label in {"ORG", "GPE", "NORP", "FAC"} and _could_be_a_name(name.split())
              and surname(name).lower() in titled
              and not any(w.lower().rstrip(".") in HONORIFICS for w in name.split())):
            label = "PERSON"
        out.append((text, name, label, start, end))
    return out, {name for _, name, label, _, _ in out if surname(name).lower() in titled}


def _person_by_pronoun(doc: Doc, text: str, start: int, end: int) -> bool:
    """A name of two or three words the tagger took for a body or a place, that a personal
    pronoun takes up after it as a subject ("Kudirat Okesola said her husband …")."""
    if not _could_be_a_name(text.split()):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}
            and referred_to_as_a_person(span.root))


def _phrases(ent: Span) -> list[Span]:
    """The tagger can run a name over a comma into the next one ("In an interview with The
    Canadian Press, Morneau said"): where the words before the comma close a phrase set before
    the verb ("In …", "Speaking to …") and the name after it is that verb's own, the two are
    separate names. "Apple, Inc." and "the University of California, Berkeley" stay one."""
    for comma in (t for t in ent[1:-1] if t.text == ","):
        left, right = ent.doc[ent.start : comma.i], ent.doc[comma.i + 1 : ent.end]
        verb = right.root.head
        opener = next((a for a in left.root.ancestors if a.head == verb), None)
        if (verb.pos_ in {"VERB", "AUX"} and not ent.start <= verb.i < ent.end
                and opener is not None and opener.dep_ in {"prep", "advcl"}
                and opener.i < left.start):
            return [Span(ent.doc, left.start, left.end, ent.label_),
                    *_phrases(Span(ent.doc, right.start, right.end, ent.label_))]
    return [ent]


def mentions(doc: Doc) -> list[tuple[str, str, int, int]]:
    """(text, label, start, end) for every kept entity, determiners and possessives trimmed."""
    text = doc.text  # built afresh on every access: read it once
    out: list[tuple[str, str, int, int]] = []
    for ent in (part for e in doc.ents for part in _phrases(e)):
        if ent.label_ in KEEP_LABELS and (span := _trimmed(ent)) is not None:
            start, end = span
            if out and start < out[-1][3]:
                continue  # the rest of a name the one before was extended over
            if end == ent[-1].idx + len(ent[-1].text):
                end = _name_end(ent)
            out.append((text[start:end], ent.label_, start, end))
    return out


def _untagged_repeats(doc: Doc, found: list[tuple[str, str, int, int]]
                      ) -> list[tuple[str, str, int, int]]:
    """A person's full name or a body's name where the tagger missed it in one sentence though
    it tagged it in another ("Authorities arrested Tawakkol Karman over the weekend",
    "Anadarko said it was not responsible")."""
    labels: dict[str, set[str]] = {}
    for t, label, _, _ in found:
        if (label == "PERSON" and " " in t) or label == "ORG":
            labels.setdefault(t, set()).add(label)
    names = {t: next(iter(ls)) for t, ls in labels.items() if len(ls) == 1 and len(t) > 1}
    if not names:
        return found
    text = doc.text
    taken = [(start, end) for _, _, start, end in found]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    extra = []
    for m in pattern.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if (span is None or any(m.start() < end and start < m.end() for start, end in taken)
                or (len(span) == 1 and span[0].pos_ != "PROPN")):
            continue  # inside a tagged name, or a word used as a common one
        extra.append((m.group(), names[m.group()], m.start(), m.end()))
    return sorted(found + extra, key=lambda m: m[2]) if extra else found


# Prepositions that put what follows them in a place: "protests in Sanaa", "fled from Homs".
_LOCATIVE = frozenset({"in", "at", "from", "near", "across", "outside", "inside", "around",
                       "throughout", "into"})


def _in_a_place(doc: Doc, start: int, end: int) -> bool:
    """The mention is where something happens: the object of a locative preposition, directly
    or beside a noun that is ("in the capital Sanaa")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    token = span.root if span is not None else None
    while token is not None and token.dep_ in {"appos", "compound"} and token.head is not token:
        token = token.head
    return token is not None and token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE


def _places_taken_for_people(doc: Doc, found: list[tuple[str, str, int, int]]
                             ) -> list[tuple[str, str, int, int]]:
    """A one-word name the tagger calls a place in one sentence and a person in another is the
    place wherever it stands as one ("Sanaa" GPE, then "protests in Sanaa" PERSON)."""
    places = {text for text, label, _, _ in found if label in {"GPE", "LOC"}}
    return [(text, "GPE" if label == "PERSON" and text in places and " " not in text
             and _in_a_place(doc, start, end) else label, start, end)
            for text, label, start, end in found]


def extract_entities(doc: Doc) -> list[Entity]:
    found = _untagged_repeats(doc, mentions(doc))
    found = _bodies_taken_for_people(doc, _places_taken_for_people(doc, found))
    found = _common_nouns_taken_for_people(doc, _credits_taken_for_people(found))
    found = _titles_taken_for_people(doc.text, found)
    named, titled = _people_by_honorific(
        [(text, *base_name(text, label), start, end) for text, label, start, end in found])
    bodies = _mostly_bodies(found) - titled
    named = _people_taken_for_bodies(named)
    people = [name for _, name, label, _, _ in named if label == "PERSON"]
    surnames, parts = link_surnames(people), link_name_parts(people)
    entities = []
    for text, name, label, start, end in named:
        pair = _PAIR_RE.match(text)
        if pair and all(part.lower() in surnames for part in pair.groups()):
            # "Putin-Biden talks": two people the article names in full elsewhere.
            first, second = pair.groups()
            entities.append(Entity(first, "PERSON", surnames[first.lower()], start,
                                   start + len(first)))
            entities.append(Entity(second, "PERSON", surnames[second.lower()], end - len(second),
                                   end))
            continue
        if len(name.split()) == 1 and name.lower() in TITLE_WORDS | {"state"}:
            continue  # "Secretary of State", "Defense Secretary": a title, not a body
        if label != "PERSON" and _person_by_pronoun(doc, text, start, end):
            # "Kudirat Okesola said her husband …" tagged as a body
            name, label = strip_titles(clean_surface(text)), "PERSON"
        if label == "PERSON":
            name = resolve_person(name, surnames, parts)
        elif (len(name.split()) == 1 and (name.lower() in surnames or name.lower() in parts)
              and variant_key(name) not in variants()):
            # spaCy sometimes takes a surname for a body or a place ("Biden" ORG, "Peskov" GPE,
            # "Alemán" ORG) when the article names that person in full.
            name, label = resolve_person(name, surnames, parts), "PERSON"
        if name in bodies:
            label = "ORG"
        entities.append(Entity(text=text, label=label, canonical=name, start=start, end=end))
    return _owned_bodies(doc.text, entities)


_OWNER_GAP_RE = re.compile(r"['’]s? ")


def _owned_bodies(text: str, entities: list[Entity]) -> list[Entity]:
    """A state's body named with its state ("Russia's Defence Ministry", "the Russian defence
    ministry") keeps it; the same body named bare later ("the Defence Ministry said") is that
    one, when the article gives it to one state only. Two countries' ministries in one story
    stay two bodies."""
    owned: list[Entity] = []
    for before, entity in zip([None, *entities], entities, strict=False):
        owner = _owner(text, before, entity) if before is not None else None
        if owner is not None:
            entity = replace(entity, canonical=owned_name(owner, entity.canonical))
        owned.append(entity)
    owners: dict[str, set[str]] = {}
    for entity in owned:
        body = body_of(entity.canonical) if entity.label == "ORG" else None
        if body is not None:
            owners.setdefault(body.lower(), set()).add(entity.canonical)
    return [replace(e, canonical=next(iter(owners[e.canonical.lower()])))
            if e.label == "ORG" and len(owners.get(e.canonical.lower(), ())) == 1 else e
            for e in owned]


def _owner(text: str, before: Entity, body: Entity) -> str | None:
    """The state right before a body of its own: "Russia's" or "Russian" before "Defence
    Ministry"."""
    if body.label != "ORG" or not state_body(body.canonical):
        return None
    gap = text[before.end : body.start]
    if before.label == "GPE" and _OWNER_GAP_RE.fullmatch(gap):
        return before.canonical
    if before.label == "NORP" and gap == " ":
        return nation_of(before.text)
    return None
