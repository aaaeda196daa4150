"""Named entities from spaCy, trimmed and given canonical names within the article."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from storyline.analyse.names import (
    TITLE_WORDS,
    base_name,
    clean_surface,
    first_name_genders,
    link_surnames,
    resolve_person,
    strip_titles,
    variant_key,
    variants,
)
from storyline.models import Entity

KEEP_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})
_PAIR_RE = re.compile(r"^([A-Z][\w'’]+)[-–]([A-Z][\w'’]+)$")


def _trimmed(ent: Span) -> tuple[int, int] | None:
    tokens = list(ent)
    while tokens and (tokens[0].lower_ in {"the", "a", "an"} or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


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


def _titled_or_given_name(text: str) -> bool:
    """Two or three capitalised words, after any titles, that open with a common given name and
    name no institution: the tagger took a person for a body or a place."""
    words = strip_titles(clean_surface(text)).split()
    return (2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
            and words[0].lower() in first_name_genders()
            and not any(w.lower().strip(".,") in _NOT_A_SURNAME for w in words))


def mentions(doc: Doc) -> list[tuple[str, str, int, int]]:
    """(text, label, start, end) for every kept entity, determiners and possessives trimmed."""
    text = doc.text  # built afresh on every access: read it once
    out: list[tuple[str, str, int, int]] = []
    for ent in doc.ents:
        if ent.label_ in KEEP_LABELS and (span := _trimmed(ent)) is not None:
            start, end = span
            if out and start < out[-1][3]:
                continue  # the rest of a name the one before was extended over
            if end == ent[-1].idx + len(ent[-1].text):
                end = _name_end(ent)
            out.append((text[start:end], ent.label_, start, end))
    return out


def extract_entities(doc: Doc) -> list[Entity]:
    named = [(text, *base_name(text, label), start, end)
             for text, label, start, end in mentions(doc)]
    surnames = link_surnames([name for _, name, label, _, _ in named if label == "PERSON"])
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
        if label != "PERSON" and _titled_or_given_name(text):
            # "Constable Adrian Hanstock", "Priscilla McBride" tagged as a body
            name, label = strip_titles(clean_surface(text)), "PERSON"
        if label == "PERSON":
            name = resolve_person(name, surnames)
        elif (len(name.split()) == 1 and name.lower() in surnames
              and variant_key(name) not in variants()):
            # spaCy sometimes takes a surname for a body or a place ("Biden" ORG, "Peskov" GPE)
            # when the article names that person in full.
            name, label = surnames[name.lower()], "PERSON"
        entities.append(Entity(text=text, label=label, canonical=name, start=start, end=end))
    return entities
