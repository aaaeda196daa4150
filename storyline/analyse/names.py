"""Canonical names: one form per entity, within an article and across a story.

Rules, in order: trim determiners, possessives and titles; map known variants (abbreviations such
as "U.S.", older transliterations such as "Kiev") through a small table of place names and bodies;
map a lone surname to the full name it abbreviates when exactly one full name fits.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache
from importlib import resources

TITLE_WORDS = frozenset([
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "vice",
    "prime", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "press",
    "deputy", "foreign", "defence", "defense", "interior", "finance", "state", "senator", "sen",
    "rep", "representative", "congressman", "congresswoman", "gov", "governor", "mayor", "king",
    "queen", "prince", "princess", "pope", "chancellor", "judge", "justice", "chief", "ceo",
    "chairman", "chairwoman", "chair", "director", "general", "gen", "col", "lt", "sgt", "capt",
    "adm", "commander", "ambassador", "envoy", "adviser", "advisor", "aide", "leader", "premier",
    "sheikh", "emir", "rev", "father", "cardinal", "archbishop", "bishop", "officer", "official",
    "minister's", "counterpart", "mp", "mep",
    # police, military, law and clergy ranks: "Detective Superintendent Mark Hutchings"
    "detective", "det", "superintendent", "supt", "inspector", "insp", "sergeant", "constable",
    "commissioner", "sheriff", "marshal", "lieutenant", "captain", "colonel", "major",
    "brigadier", "admiral", "corporal", "private", "attorney", "prosecutor", "solicitor",
    "speaker", "majority", "minority", "whip", "acting", "assistant", "coach", "professor",
    "doctor", "reverend", "rabbi", "imam",
    # a trade or a role before a name, as features and tabloids write it: "Lawyer Harjit said",
    # "Tottenham defender Toby Alderweireld"
    "lawyer", "student", "teacher", "nurse", "pensioner", "businessman", "businesswoman",
    "engineer", "witness", "tourist", "actor", "actress", "rapper", "footballer", "striker",
    "midfielder", "defender", "goalkeeper", "author", "photographer", "journalist", "reporter",
    "analyst", "economist", "scientist", "researcher", "historian", "activist", "campaigner",
    "entrepreneur", "billionaire", "founder", "co-founder", "comedian", "presenter",
])
# A party before a person's name, as news writes it: "the Republican Norm Coleman", "Tory MP …".
AFFILIATIONS = frozenset({"republican", "democrat", "democratic", "gop", "labour", "labor",
                          "tory", "conservative", "liberal", "socialist", "communist"})
_BEFORE_A_NAME = TITLE_WORDS | AFFILIATIONS
# Titles that only ever stand before a person's name.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
PARTICLES = frozenset({"de", "da", "del", "dos", "van", "von", "der", "den", "al", "el", "bin",
                       "la", "le", "du", "di"})
_POSSESSIVE_RE = re.compile(r"['’]s?$")


@cache
def variants() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    text = resources.files("storyline.analyse").joinpath("data/variants.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            variant, canonical, label = line.split("\t")
            table[variant_key(variant)] = (canonical, label)
    return table


@cache
def _demonyms() -> list[tuple[str, str]]:
    text = resources.files("storyline.analyse").joinpath("data/demonyms.tsv").read_text("utf-8")
    return [tuple(line.split("\t")) for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


@cache
def _nation_by_adjective() -> dict[str, str]:
    return {adjective.lower(): nation for adjective, nation in _demonyms()}


@cache
def _adjective_by_nation() -> dict[str, str]:
    first: dict[str, str] = {}
    for adjective, nation in _demonyms():
        first.setdefault(nation, adjective)
    return first


def nation_of(adjective: str) -> str | None:
    """The country an adjective names: "Russian" → "Russia", "south korean" → "South Korea"."""
    return _nation_by_adjective().get(" ".join(adjective.lower().split()))


# The heads of a state's own bodies: "the Russian defence ministry", "the Ukrainian military".
STATE_BODY_HEADS = frozenset({
    "ministry", "department", "government", "military", "army", "navy", "embassy",
    "consulate", "parliament", "police", "cabinet", "office", "administration", "authorities",
    "presidency", "force", "forces", "guard", "treasury"})
_WHOSE_RE = re.compile(r"(.+?)['’]s? (.+)\Z")


def state_body(name: str) -> bool:
    """ "Defence Ministry", "Ministry of Defence", "armed forces": a name a state's body has."""
    words = name.lower().split()
    return bool(words) and (words[-1] in STATE_BODY_HEADS
                            or (len(words) > 2 and words[0] in STATE_BODY_HEADS
                                and words[1] == "of"))


def owned_name(state: str, body: str) -> str:
    """One name for a state's body however it is told: "Russian Defence Ministry" for "the
    Russian defence ministry", "Russia's defence ministry" and "Russia's Defence Ministry";
    the state's own name where it has no adjective ("New Brunswick's Government")."""
    body = " ".join(w if w == "of" else w[:1].upper() + w[1:] for w in body.split())
    adjective = _adjective_by_nation().get(state)
    return f"{adjective} {body}" if adjective is not None else f"{possessive(state)} {body}"


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _told_by_adjective(name: str) -> tuple[str, str] | None:
    """ "Russian Defence Ministry" → ("Russia", "Defence Ministry")."""
    words = name.split()
    for size in (2, 1):
        nation = nation_of(" ".join(words[:size])) if len(words) > size else None
        if nation is not None and state_body(" ".join(words[size:])):
            return nation, " ".join(words[size:])
    return None


def national_body(name: str) -> str | None:
    """ "Russian defence ministry" → "Russian Defence Ministry"; None for a name that is not
    a nation's adjective before a body of its state ("Russian Orthodox Church")."""
    told = _told_by_adjective(name)
    return owned_name(*told) if told is not None else None


def body_of(name: str) -> str | None:
    """The body a state's body's name names without its state: "Russian Defence Ministry" and
    "New Brunswick's Government" → "Defence Ministry", "Government"."""
    told = _told_by_adjective(name)
    if told is not None:
        return told[1]
    whose = _WHOSE_RE.match(name)
    return whose.group(2) if whose is not None and state_body(whose.group(2)) else None


@cache
def first_name_genders() -> dict[str, str]:
    """Given names that are almost always one gender ("m" or "f") in English-language news."""
    text = resources.files("storyline.analyse").joinpath("data/first_names.tsv").read_text("utf-8")
    return dict(line.split("\t") for line in text.splitlines()
                if line.strip() and not line.startswith("#"))


def variant_key(name: str) -> str:
    return " ".join(name.replace(".", "").lower().split())


def clean_surface(text: str) -> str:
    """Strip a leading article and a trailing possessive: "the Kremlin's" -> "Kremlin"."""
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    return _POSSESSIVE_RE.sub("", text) if re.search(r"\w['’]s?$", text) else text


def strip_titles(name: str) -> str:
    """ "Russian President Vladimir Putin" and "Republican Norm Coleman" keep the name; a bare
    title stays as it is."""
    tokens = name.split()
    while len(tokens) > 1:
        if tokens[0].lower().strip(".,") in _BEFORE_A_NAME:
            tokens = tokens[1:]
        elif (len(tokens) > 2 and tokens[0][:1].isupper()
              and tokens[1].lower().strip(".,") in _BEFORE_A_NAME):
            # a modifier before a title before a name: "French President ...", "Kremlin aide ..."
            tokens = tokens[1:]
        else:
            break
    while len(tokens) > 1 and tokens[-1].lower().strip(".,") in SUFFIXES:
        tokens = tokens[:-1]
    return " ".join(t.rstrip(",") for t in tokens)


def base_name(text: str, label: str) -> tuple[str, str]:
    """Canonical form and label of one mention, before looking at the rest of the article."""
    surface = clean_surface(text)
    known = variants().get(variant_key(surface))
    if known:
        return known
    if label == "PERSON":
        surface = strip_titles(surface)
    elif label == "ORG" and (body := national_body(surface)) is not None:
        return body, label
    return surface, label


def surname(name: str) -> str:
    tokens = [t for t in name.split() if t.lower() not in PARTICLES]
    return tokens[-1] if tokens else name


def link_surnames(full_names: list[str]) -> dict[str, str]:
    """Map each lone surname to the one full name that ends with it (ambiguous ones stay)."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in full_names:
        if len(name.split()) >= 2:
            by_surname[surname(name).lower()].add(name)
    return {s: next(iter(names)) for s, names in by_surname.items() if len(names) == 1}


def link_name_parts(full_names: list[str]) -> dict[str, str]:
    """Map each other part of a full name to it, where no other name has that part and it is
    no one's surname: "Kim" in "Kim Jong Un", "Hua" in "Hua Chunying" (the family name first),
    "Alemán" in "Álvaro Alemán Healy" (the father's surname before the mother's). Not a common
    given name: "Prince Michael" is not Michael Jackson."""
    excluded = {surname(name).lower() for name in full_names if len(name.split()) >= 2}
    excluded |= set(first_name_genders())
    by_part: dict[str, set[str]] = defaultdict(set)
    for name in full_names:
        words = [t for t in name.split() if t.lower() not in PARTICLES]
        for word in words[:-1]:
            if len(word) > 1 and not word.endswith("."):
                by_part[word.lower()].add(name)
    return {part: next(iter(names)) for part, names in by_part.items()
            if len(names) == 1 and part not in excluded}


def resolve_person(name: str, surnames: dict[str, str], parts: dict[str, str]) -> str:
    """A one-word name as the person it is part of: by surname, else by another part."""
    if len(name.split()) == 1:
        return surnames.get(name.lower()) or parts.get(name.lower(), name)
    return name


# The Arabic article before a surname, spelt as each outlet transliterates it: "al-Sayeh",
# "el-Sayeh", "as-Sadr", "ash-Shara".
_ARTICLE_RE = re.compile(r"^(?:a|e|u)[lnrstdz]h?-(?=\w{3})", re.IGNORECASE)


def _plain(surname_: str) -> str:
    return _ARTICLE_RE.sub("", surname_.lower())


def _close(a: str, b: str) -> bool:
    """Transliteration variants of one surname: Zelensky / Zelenskiy / Zelenskyy, al-Sayeh /
    el-Sayeh / Sayeh."""
    a, b = _plain(a), _plain(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or a[:5] != b[:5]:
        return False
    return _edit_distance(a, b) <= 2


def _bucket(surname_: str) -> str:
    """Where `_close` can hold: names that are close fall in the same bucket."""
    return _plain(surname_)[:5]


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def story_aliases(mentions: Counter[tuple[str, str]]) -> dict[str, str]:
    """Across a story: surname -> full name, spelling variants of a person -> one form, and a
    body's spellings and acronym -> one name (``body_aliases``).

    ``mentions`` counts (canonical, label) pairs over the story's articles. The returned map sends
    each name that should change to the form the story uses most.
    """
    persons = Counter({name: n for (name, label), n in mentions.items() if label == "PERSON"})
    aliases: dict[str, str] = {}
    full = [n for n in persons if len(n.split()) >= 2]
    groups: list[list[str]] = []
    # Close surnames share their first five letters (or are equal): only groups in the same
    # bucket can take a name, tried in the order they were made.
    buckets: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for name in sorted(full, key=lambda n: -persons[n]):
        last = surname(name)
        for head_surname, group in buckets[_bucket(last)]:
            if _close(last, head_surname) and name.split()[0][0] == group[0].split()[0][0]:
                group.append(name)
                break
        else:
            groups.append([name])
            buckets[_bucket(last)].append((last, groups[-1]))
    for group in groups:
        for name in group[1:]:
            aliases[name] = group[0]
    by_head = {group[0]: group for group in groups}
    for head, longer in _tails_of_full_names(list(by_head)).items():
        for name in by_head[head]:
            aliases[name] = longer
    surnames = link_surnames([g[0] for g in groups])
    for name, label in mentions:
        if len(name.split()) != 1 or name in aliases:
            continue
        if label != "PERSON" and variant_key(name) in variants():
            continue  # a known place or body, not a surname
        target = surnames.get(name.lower())
        if target is None and label == "PERSON":
            target = next((group[0] for head_surname, group in buckets[_bucket(name)]
                           if _close(name, head_surname)), None)
        if target and target != name:
            aliases[name] = target
    return aliases | body_aliases(mentions)


# British and American spellings of one body's name: "World Health Organisation" and
# "World Health Organization", "Defence Ministry" and "Defense Ministry".
_SPELLINGS = ((re.compile(r"isation"), "ization"), (re.compile(r"\bdefence\b"), "defense"),
              (re.compile(r"\bcentre"), "center"), (re.compile(r"\bprogramme"), "program"))
_ACRONYM_RE = re.compile(r"[A-Z]{2,6}")
# Words an acronym leaves out: "Centers for Disease Control" is CDC.
_UNLETTERED = frozenset({"of", "for", "and", "the", "on", "in", "to", "at", "de", "du", "des",
                         "la", "le", "el", "&"})


def _state_of(word: str) -> str | None:
    """The state a name's first word names: "U.S.", "US" and "American" → "United States"."""
    known = variants().get(variant_key(word))
    return known[0] if known is not None and known[1] == "GPE" else nation_of(word)


def _body_key(name: str) -> str:
    """One key for a body's name however an outlet writes it: spelling, dots, the small words
    ("Observatory of" or "for Human Rights"), and its state as a name, an abbreviation or an
    adjective ("U.S.", "US", "American")."""
    words = name.split()
    state = _state_of(words[0]) if len(words) > 1 else None
    words = [w for w in ([state, *words[1:]] if state else words) if w.lower() not in _UNLETTERED]
    key = variant_key(" ".join(words))
    for pattern, american in _SPELLINGS:
        key = pattern.sub(american, key)
    return key


def acronyms_of(name: str) -> set[str]:
    """What a body's name is abbreviated to: the first letters of its words ("WHO" for "World
    Health Organization"), also without a leading state ("U.S. Centers for Disease Control")
    and without what a last "and" adds ("… Control and Prevention")."""
    words = name.replace("-", " ").split()
    if len(words) < 2 or any(not w[:1].isupper() and w.lower() not in _UNLETTERED
                             for w in words):
        return set()
    forms = [words]
    if "and" in words[1:-1]:
        forms.append(words[: len(words) - 1 - words[::-1].index("and")])
    forms += [form[1:] for form in forms if _state_of(form[0])]
    return {"".join(w[0] for w in form if w.lower() not in _UNLETTERED).upper()
            for form in forms if len(form) >= 2}


def body_aliases(mentions: Counter[tuple[str, str]]) -> dict[str, str]:
    """Across a story: one body's name as each outlet spells it, and its acronym, to one form
    ("World Health Organisation" and "WHO" → "World Health Organization" where the story
    writes that most). An acronym two names could stand for stays as it is."""
    counts: Counter[str] = Counter()
    for (name, label), n in mentions.items():
        if label != "PERSON":
            counts[name] += n
    by_key: dict[str, list[str]] = defaultdict(list)
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        by_key[_body_key(name)].append(name)
    aliases = {name: names[0] for names in by_key.values() for name in names[1:]}
    meant: dict[str, set[str]] = defaultdict(set)
    for names in by_key.values():
        for acronym in acronyms_of(names[0]):
            meant[acronym].add(names[0])
    for name in counts:
        if (_ACRONYM_RE.fullmatch(name) and len(meant.get(name, ())) == 1
                and variant_key(name) not in variants()):
            aliases[name] = next(iter(meant[name]))
    return aliases


def _tails_of_full_names(names: list[str]) -> dict[str, str]:
    """A name of two words or more that ends exactly one longer name is that person: "Van
    Rompuy" is Herman Van Rompuy, "Abdul Rahman" is Sami Abdul Rahman when the story names no
    other Abdul Rahman."""
    by_last: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_last[name.lower().split()[-1]].append(name)
    out = {}
    for name in names:
        words = name.lower().split()
        longer = [other for other in by_last[words[-1]]
                  if len(other.split()) > len(words) > 1
                  and other.lower().split()[-len(words):] == words]
        if len(longer) == 1:
            out[name] = longer[0]
    return out


def majority_labels(mentions: Counter[tuple[str, str]]) -> dict[str, str]:
    """The label a name carries most often in a story (spaCy sometimes tags a city as a person)."""
    by_name: dict[str, Counter[str]] = defaultdict(Counter)
    for (name, label), n in mentions.items():
        by_name[name][label] += n
    return {name: labels.most_common(1)[0][0] for name, labels in by_name.items()}
