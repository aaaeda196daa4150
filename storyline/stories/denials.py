"""Contested claims: one party's statement and another party's denial of it.

A denial is a sentence in which a named party (a person, an organisation, a place standing for
its government) denies, rejects or dismisses something: "Moscow denies plans to invade
Ukraine", "…, which the Kremlin denies". The text itself may say what is denied: the clause
before "…, which Moscow denies" or "…, but the ministry denied it", or the sentence before "The
Kremlin denied the allegations". Otherwise what is denied is the object after the verb, and the
claim is the statement elsewhere in the story, said by someone else and naming the party, that
shares at least three of its distinctive words and most of them (words the whole story keeps
using do not count). Both sides are parties' words: a claim is a quotation or reported
statement, not the writer's own sentence. Only pairs that can be told this way are shown; the
rest is left out rather than guessed.
"""

from __future__ import annotations

import re

from storyline.models import Article, Claim, Disagreement
from storyline.stories.context import Sentence, StoryContext
from storyline.textutil import STOP_WORDS, content_terms

_DENIAL_RE = re.compile(r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed)?|dismiss(?:es|ed)?|"
                        r"refute[sd]?)\b", re.IGNORECASE)
# What may stand between the party and its verb: an apposition ("Lune Hydro, the company that
# runs the dam, denies"), auxiliaries and adverbs ("Russia has repeatedly denied").
_BETWEEN_RE = re.compile(r"(?:,[^,.;]{1,80},)?(?:\s+(?:has|have|had|again|also|repeatedly|"
                         r"strongly|flatly|firmly|vehemently|previously|consistently|always|"
                         r"publicly|categorically))*\s+", re.IGNORECASE)
# A party named by a common noun: "which the authority denies", "the company rejected" — not
# the end of a longer phrase ("a leader of the uprising") and without a trailing adverb.
_THE_PARTY_RE = re.compile(r"(?<!\bof )(?<!\bfor )\b[Tt]he\s+(?:[a-z]+\s+){0,2}[a-z]+$")
_NAME_RE = re.compile(r"(?:^|(?<=[\s(]))[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}$")
_ADVERB_RE = re.compile(r"(?:\s+[a-z]+ly)+$")
_PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)$", re.IGNORECASE)
_WHICH_RE = re.compile(r",?\s+which\s*$", re.IGNORECASE)
# A denied object that only points back: "denied it", "rejected the reports", "denies the
# charges", "dismissed such claims".
_POINTER_RE = re.compile(r"(?:it|this|that|them|(?:the|these|those|such|any such|all)\s+"
                         r"(?:\w+\s+)?(?:reports?|allegations?|accusations?|claims?|charges?|"
                         r"suggestions?|rumou?rs?|stor(?:y|ies)|assertions?))", re.IGNORECASE)
# Where the denial turns against what came before it in the same sentence.
_TURN_RE = re.compile(r",?\s+but\s+|;\s+|,\s+(?:though|although)\s+", re.IGNORECASE)
MAX_OPENING = 40  # characters before the party in a sentence that denies the one before it
_OBJECT_END_RE = re.compile(r"[,;:]|\s(?:and|but|while|saying|as)\s", re.IGNORECASE)
PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
MIN_SHARED = 3  # distinctive words a claim must share with what is denied
MIN_COVERED = 0.6  # … and the share of those words it must hold
KEY_LENGTH = 4  # words meet on their first letters: "invade", "invading", "invasion"
MAX_CONTESTED = 5
MAX_DENIALS = 40  # denials looked at in one story (a long story repeats the same few)
MAX_SUBJECT_WORDS = 8


def _keys(text: str, common: set[str]) -> set[str]:
    return {t[:KEY_LENGTH] for t in content_terms(text) if t not in common}


def _party_before(article: Article, sentence: Sentence, at: int) -> tuple[str, int] | None:
    """Who denies: the named party whose mention ends just before ``at`` (an apposition,
    auxiliaries and adverbs apart), else a "the …" phrase there; its name and where it starts."""
    for entity in article.entities:
        if (entity.label in PARTY_LABELS and sentence.start <= entity.start
                and entity.end <= at and _BETWEEN_RE.fullmatch(article.text[entity.end : at])):
            return entity.canonical, entity.start
    before = article.text[sentence.start : at]
    stripped = _ADVERB_RE.sub("", before.rstrip())
    if _PASSIVE_RE.search(stripped):
        return None  # "the offer was rejected": what is rejected, not who rejects it
    if len(stripped) == len(before):
        return None
    phrase = _THE_PARTY_RE.search(stripped)
    if phrase is not None:
        return phrase.group(0), sentence.start + phrase.start()
    name = _NAME_RE.search(stripped)
    words = list(re.finditer(r"\S+", name.group(0))) if name else []
    while words and words[0].group(0).lower() in STOP_WORDS:  # "But Saleh rejected"
        words.pop(0)
    if name is None or not words:
        return None
    written = name.group(0)[words[0].start() :]
    # A surname the parser did not tag ("Brand denies the charges"): the person of that name.
    known = next((e.canonical for e in article.entities
                  if e.label == "PERSON" and e.canonical.split()[-1] == words[-1].group(0)),
                 written)
    return known, sentence.start + name.start() + words[0].start()


def _speakers(context: StoryContext, article: Article, start: int, end: int) -> list[str]:
    """Who the text at ``start``–``end`` is attributed to: the speakers of the quotes that hold
    it, each of those who said it together named apart. A writer's own sentence is attributed
    to nobody, and is no party's claim."""
    names = [part for q in article.quotes if q.start < end and start < q.end
             for part in context.who(q.speaker_canonical or q.speaker or "")]
    return list(dict.fromkeys(n for n in names if n))


def _names(party: str) -> re.Pattern[str]:
    """Text that names the party: its last word ("Murray" for "Conrad Murray")."""
    return re.compile(rf"\b{re.escape(party.split()[-1])}\b", re.IGNORECASE)


def _pointed_claim(article: Article, sentences: list[Sentence], sentence: Sentence,
                   party_start: int) -> tuple[int, int] | None:
    """What "denied it" points to: the clause before "…, but the ministry denied it" in the same
    sentence, else the sentence before ("Prosecutors say … . He denies the charges.")."""
    turns = list(_TURN_RE.finditer(article.text[sentence.start : party_start]))
    if turns and turns[-1].start() > 0:
        return sentence.start, sentence.start + turns[-1].start()
    if party_start - sentence.start > MAX_OPENING or sentence.position == 0:
        return None
    previous = sentences[sentence.position - 1]
    return previous.start, previous.end


def _claim(article: Article, start: int, end: int, by: list[str], stance: str) -> Claim:
    """A claim on the exact span of its words, surrounding spaces left out."""
    text = article.text[start:end]
    start += len(text) - len(text.lstrip())
    end -= len(text) - len(text.rstrip())
    return Claim(article.text[start:end], by, article.id, article.outlet, start, end, stance)


def _subject(text: str) -> str:
    words = text.split()
    return " ".join(words[:MAX_SUBJECT_WORDS]) + (" …" if len(words) > MAX_SUBJECT_WORDS else "")


def find_contested(context: StoryContext) -> list[Disagreement]:
    """Claims and their denials in the story, as disagreements of kind "claim"."""
    common = context.common_terms
    claimed: dict[tuple[str, int], tuple[int, int]] = {}  # "X, which Y denies": X's span
    # (article, who denies, span of the denial, span of what is denied, span of the claim when
    # the text itself points to it)
    found: list[tuple[Article, str, tuple[int, int], tuple[int, int],
                      tuple[int, int] | None]] = []
    for article in context.originals:
        sentences = context.sentences.get(article.id, [])
        for sentence in sentences:
            for match in _DENIAL_RE.finditer(sentence.text):
                party = _party_before(article, sentence, sentence.start + match.start())
                if party is None:
                    continue
                party_name, party_start = party
                which = _WHICH_RE.search(article.text[sentence.start : party_start])
                verb_end = sentence.start + match.end()
                if which:  # "…, which Moscow denies": the claim is the clause before
                    claim_end = sentence.start + which.start()
                    claimed[(article.id, sentence.position)] = (sentence.start, claim_end)
                    denial_start = claim_end + which.group(0).lower().index("which")
                    found.append((article, party_name, (denial_start, verb_end),
                                  (sentence.start, claim_end), (sentence.start, claim_end)))
                    break
                rest = article.text[verb_end : sentence.end]
                stop = _OBJECT_END_RE.search(rest)
                length = len(rest[: stop.start()] if stop else rest.rstrip(" ."))
                denied = (verb_end, verb_end + length)
                pointed = None
                if _POINTER_RE.fullmatch(article.text[denied[0] : denied[1]].strip()):
                    pointed = _pointed_claim(article, sentences, sentence, party_start)
                found.append((article, party_name, (sentence.start, sentence.end), denied,
                              pointed))
                break
    out: list[Disagreement] = []
    keys: dict[tuple[str, int], tuple[Article, tuple[int, int], set[str]]] = {}
    for article, party, (d_start, d_end), (start, end), pointed in found[:MAX_DENIALS]:
        denial = _claim(article, d_start, d_end, [party], "denies")
        if pointed is not None:  # the text says what is denied
            asserters = _speakers(context, article, *pointed)
            if asserters and not any(_names(party).search(a) for a in asserters):
                claim = _claim(article, *pointed, asserters, "asserts")
                out.append(Disagreement(_subject(claim.value), [claim, denial], "claim"))
            continue
        denied = _keys(article.text[start:end], common)
        if len(denied) < MIN_SHARED:
            continue
        if not keys:  # the words of every sentence that may be a claim, taken once
            for other in context.originals:
                for candidate in context.sentences.get(other.id, []):
                    key = (other.id, candidate.position)
                    if key in claimed or not _DENIAL_RE.search(candidate.text):
                        span = claimed.get(key, (candidate.start, candidate.end))
                        keys[key] = (other, span, _keys(other.text[span[0] : span[1]], common))
        # The contested statement is about the party that denies it ("the authority knew",
        # "Lune Hydro neglected repairs"): words in common alone pair unrelated statements.
        named = _names(party)
        best: tuple[int, Article, tuple[int, int]] | None = None
        for other, span, words in keys.values():
            if not named.search(other.text, span[0], span[1]):
                continue
            shared = len(denied & words)
            if (shared >= max(MIN_SHARED, MIN_COVERED * len(denied))
                    and (best is None or shared > best[0])):
                best = (shared, other, span)
        if best is None:
            continue
        _, other, (c_start, c_end) = best
        asserters = _speakers(context, other, c_start, c_end)
        if not asserters or any(named.search(a) for a in asserters):
            continue  # nobody's claim, or the party's own side ("Murray's legal team")
        claim = _claim(other, c_start, c_end, asserters, "asserts")
        out.append(Disagreement(_subject(article.text[start:end]), [claim, denial], "claim"))
    return _distinct(out)[:MAX_CONTESTED]


def _distinct(items: list[Disagreement]) -> list[Disagreement]:
    """One entry per contested claim: later denials of the same words join it."""
    by_claim: dict[tuple[str, int], Disagreement] = {}
    for item in items:
        claim = item.claims[0]
        key = (claim.article_id, claim.start)
        if key not in by_claim:
            by_claim[key] = item
        elif item.claims[1] not in by_claim[key].claims:
            by_claim[key].claims.append(item.claims[1])
    return list(by_claim.values())
