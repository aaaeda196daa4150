"""Direct quotations and their speakers.

Spans come from a scanner over quotation marks (straight and curly, guillemets, single quotes at
word boundaries; a quotation left open at a paragraph's end continues when the next paragraph
opens with a mark, as news style does). The speaker is the subject of the reporting verb that
governs the quotation or stands next to it ("…," he said / said Ushakov / Ushakov said "…"),
resolved to the entity meant; a clause or a name ending in a colon introduces the quotation
after it ("She turned to the crowd: “…”", "pollster Ann Lee: “…”"); a quotation with no
reporting verb of its own continues the previous speaker's turn, or takes the speaker of the
quotation that follows it. A sentence broken by its reporting clause ("“If the ferry stops,”
the mayor said, “the island is cut off.”") is one quotation. A transcript printed without marks
("LAKE: …" / "BERG: …") is read turn by turn.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from storyline.analyse.attribution import (
    CUE_LEMMAS,
    PRONOUNS,
    SPEAKER_LABELS,
    WRITTEN_WORDS,
    EntityIndex,
    Salience,
    Source,
    according_to,
    can_speak,
    describe_source,
    describe_speaker,
    naming_verb,
    subject_of,
)
from storyline.analyse.entities import CREDIT_WORDS
from storyline.analyse.names import TITLE_WORDS
from storyline.analyse.reported import ReportedSpeech, find_reported, outermost, speaking_verb
from storyline.analyse.speech_verbs import SPEECH_PARTICLES, with_particle
from storyline.models import Entity, Quote

# Each opening mark and the marks that close it; a curly opening closed by a straight mark
# ("“I was pretty clear," Ryan continued) is a common typing slip.
_OPENERS = {"“": "”\"", "«": "»", "„": "“”", '"': '"”', "‘": "’"}
MIN_WORDS_WITHOUT_SPEAKER = 4
MAX_TITLE_WORDS = 8
_TITLE_SMALL_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"])
NEAR_TOKENS = 12
_MARKS_AND_SPACE = " \t\n\u00a0\"“”‘’'.,;:!?"
_NAMING = frozenset({"call", "brand", "label", "dub", "describe", "term"})
MAX_REPORTING_CLAUSE_WORDS = 20  # ", the Kremlin's foreign policy adviser told reporters, "
# "PENCE:", "CHRIS WALLACE:" at the start of a quoted transcript turn
_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}):\s")
_INTERVIEW_LABEL = re.compile(r"([QA]):\s")
# What an interview's introduction says of it; an explainer's questions and answers ("Here are
# some questions and answers about …") are the outlet's own words.
_INTERVIEW_CUE = re.compile(r"\binterview|\b(?:spoke|spoken|talked|talks|speaks) (?:with|to)\b"
                            r"|\bsat down with\b|\bconversation\b|\bedited for (?:length|clarity)"
                            r"|\bcondensed\b", re.IGNORECASE)
_SIGNED_NAME = re.compile(  # "Edwin G. Monroy", "Helena Brask." (an initial keeps its stop)
    r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]*(?:\.(?= ))?){1,3})\.?[ \t\u00a0]*(?:\n|$)")
_HTML_ATTRIBUTE = re.compile(r'="[^"\n]*"')  # the value, from its "=" (linear on any text)
_STAGE_DIRECTION = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])[.,]?\s*")
_CREDIT_AT_END = re.compile(r"\((?:[A-Z][\w.&/'’-]*\s?){1,4}\)\s*$")  # "(Getty)", "(AP Photo)"
_CREDIT_AT_START = re.compile(  # "Getty Images …"
    r"[A-Z]\w+ (?:" + "|".join(w.capitalize() for w in sorted(CREDIT_WORDS)) + r")\b")
MAX_CAPTION_WORDS = 30
MAX_CAPTIONS_BETWEEN = 2
_DASH_SIGNATURE = re.compile("[ \u00a0]{0,4}[―—–][ \u00a0]*")  # "“…” ― Jorge Falcon"
_OBJECTS = frozenset({"dobj", "dative", "pobj"})  # "telling the crowd": the verb's hearers
# "That's how Maria Lopez describes …", "Those were the words of …" after a quotation paragraph
_OWNED_BY = re.compile(r"(?:That|This|Those|These)(?:['’]s| is| was| are| were) "
                       r"(?:how|what|the (words) of)\b")
# A text someone issued "reads" its words ("the statement read"); a sign's or a banner's
# words are not someone's statement.
_READ_TEXTS = WRITTEN_WORDS | {"report"}
# A heading signed after a dash by the people who say what follows the colon
_SIGNED_HEADING = re.compile(r"\s[-–—]\s+[A-Z][\w.'’-]*(?:(?:\s+|,\s+|\s+and\s+)[A-Z][\w.'’-]*)*:$")
SPILLED_CUE_TOKENS = 5  # "the Kremlin spokesman said": a cue in the next sentence stands early


@dataclass
class QuoteSpan:
    start: int  # inner text, marks excluded
    end: int
    open_at: int
    close_at: int  # index of the closing mark (or paragraph end when it runs on)
    paragraph: int


# A quotation found: its span, cue, source, and whether the speaker is named at it or carried
# over from the quotation before.
_Found = tuple[QuoteSpan, Token | None, Source | None, bool]


def quoted_text(spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """The character ranges of the quotations, their marks included."""
    return [(s.open_at, s.close_at + 1) for s in spans]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _single_opens(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-\"“") and after.isalnum()


def _single_closes(text: str, i: int, end: int) -> bool:
    after = text[i + 1] if i + 1 < end else " "
    return not after.isalnum()


def _straight_closes(text: str, i: int, end: int) -> bool:
    """A straight mark shaped as a closing one: after a word or its punctuation, not before
    one."""
    after = text[i + 1] if i + 1 < end else " "
    return not text[i - 1].isspace() and not after.isalnum()


def find_quote_spans(text: str) -> list[QuoteSpan]:
    # Typewriter marks of wire and archive text (``…'' and ''…'', or ‘‘…’’ set as two single
    # marks), read as the straight mark they stand for; the same length, so every offset
    # still points into ``text``.
    text = text.replace("``", ' "').replace("''", ' "').replace("‘‘", ' "').replace("’’", '" ')
    # HTML attributes left in the text (author="@jane" datetime="2016-09-01") hold no
    # quotation: blanked, offsets kept.
    text = _HTML_ATTRIBUTE.sub(lambda m: " " * len(m.group()), text)
    spans: list[QuoteSpan] = []
    paragraphs = _paragraphs(text)
    for number, (p_start, p_end) in enumerate(paragraphs):
        open_at, closers = None, ""
        for i in range(p_start, p_end):
            ch = text[i]
            if open_at is None:
                if ch in _OPENERS and (ch != "‘" or _single_opens(text, i, p_start)) and (
                        ch != '"' or i == p_start or not text[i - 1].isdigit()):  # 22" long
                    open_at, closers = i, _OPENERS[ch]
                elif ch == "”" and _mistyped_opening(text, i, p_start, p_end):
                    open_at, closers = i, _OPENERS["“"]
            elif _closes(text, i, open_at, closers, p_end):
                spans.append(QuoteSpan(open_at + 1, i, open_at, i, number))
                open_at = None
        if open_at is None:
            continue
        # the quotation goes on in the next paragraph, past any picture caption between; a
        # paragraph that opens with the mark is a quotation to its end, whatever follows
        following = _past_captions(number + 1, paragraphs, text)
        if open_at == p_start or (following < len(paragraphs)
                                  and text[paragraphs[following][0]] in "“\"«‘"):
            spans.append(QuoteSpan(open_at + 1, p_end, open_at, p_end, number))
    out = []
    for span in spans:
        start, end = span.start, span.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        if any(ch.isalnum() for ch in text[start:end]):
            out.append(QuoteSpan(start, end, span.open_at, span.close_at, span.paragraph))
    return out


def _closes(text: str, i: int, open_at: int, closers: str, p_end: int) -> bool:
    """Whether the mark at ``i`` closes the quotation opened at ``open_at``."""
    ch = text[i]
    if ch == "“" and "”" in closers:
        return _mistyped_closing(text, i, p_end)
    return ch in closers and (closers != "’" or _single_closes(text, i, p_end)) and (
        ch != '"' or text[open_at] == '"' or _straight_closes(text, i, p_end))


def _mistyped_closing(text: str, i: int, p_end: int) -> bool:
    """ "… problems for her here,“ said Jim Clyburn": an opening mark where only a closing one
    can stand, right after a word or its comma and before a space, closes the quotation."""
    return not text[i - 1].isspace() and (i + 1 == p_end or not text[i + 1].isalnum())


def _mistyped_opening(text: str, i: int, p_start: int, p_end: int) -> bool:
    """ "”Mr. Trump embodies …” ― Sonya Herridge": a closing mark where only an opening one can
    stand, at the start of a word after a space or a line break, is the opening mark mistyped."""
    return ((i == p_start or text[i - 1].isspace()) and i + 1 < p_end
            and text[i + 1].isalnum())


class _Tokens:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]
        self.text = doc.text  # spaCy builds Doc.text afresh on every access
        self.length = len(self.text)

    def at(self, offset: int) -> Token:
        i = max(0, bisect_right(self.starts, offset) - 1)
        return self.doc[i]

    def between(self, start: int, end: int) -> list[Token]:
        return list(self.doc[bisect_left(self.starts, start) : bisect_left(self.starts, end)])


def _quoted(spans: list[QuoteSpan], offset: int) -> bool:
    return any(s.open_at <= offset <= s.close_at for s in spans)


def _find_cue(span: QuoteSpan, spans: list[QuoteSpan], tokens: _Tokens,
              paragraphs: list[tuple[int, int]], entities: EntityIndex) -> Token | None:
    p_start, p_end = paragraphs[span.paragraph]
    first_inner = tokens.at(span.start)
    after_sentence = tokens.at(min(span.close_at + 1, tokens.length - 1)).sent
    after_limit: int | None = None
    if after_sentence.end_char <= span.close_at + 1 and after_sentence.end < len(tokens.doc):
        # The parser ended the sentence with the quotation: "“…?” Graham asked." reads on.
        after_sentence = tokens.doc[after_sentence.end].sent
        after_limit = SPILLED_CUE_TOKENS
    before_sentence = tokens.at(span.open_at).sent
    later = [s.open_at for s in spans if s.open_at > span.close_at] + [p_end]
    earlier = [s.close_at for s in spans if s.close_at < span.open_at] + [p_start]
    after = tokens.between(span.close_at + 1, min(min(later), max(after_sentence.end_char,
                                                                span.close_at + 1)))
    before = tokens.between(max(max(earlier), before_sentence.start_char, p_start), span.open_at)
    best, best_rank = None, None
    for distance, token in enumerate(after):
        if _is_cue(token):
            if (after_limit is None or distance < after_limit
                    or (_only_its_subject_before(token, after[:distance])
                        and not _reports_its_own_clause(token))):
                rank = (0 if distance <= NEAR_TOKENS else 2, distance)
                if best_rank is None or rank < best_rank:
                    best, best_rank = token, rank
            break
    for distance, token in enumerate(reversed(before)):
        if _is_cue(token):
            governs = token in first_inner.ancestors
            rank = (0 if governs else 1, distance if not governs else -1)
            if best_rank is None or rank < best_rank:
                best, best_rank = token, rank
    if best is None:
        best = _introducing_verb(span, spans, tokens, paragraphs, entities)
    if best is None:
        holder = according_to(before + after)
        if holder is not None:
            return holder.head.head if holder.head.head.lower_ == "according" else None
    return best


def _only_its_subject_before(verb: Token, before: list[Token]) -> bool:
    """ "“Perpetual motion!” Rep. Glenn Thompson, R-Pa., said": between the quotation and the
    verb stands nothing but the verb's subject, however long."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    inside = {t.i for c in subjects for t in c.subtree}
    return bool(inside) and all(t.i in inside or t.is_punct or t.is_space for t in before)


def _reports_its_own_clause(verb: Token) -> bool:
    """ "“…twice.” A source close to the partners said that the dispute …": a verb in the next
    sentence that carries its own statement does not report the quotation before it."""
    return any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _introducing_verb(span: QuoteSpan, spans: list[QuoteSpan], tokens: _Tokens,
                      paragraphs: list[tuple[int, int]], entities: EntityIndex) -> Token | None:
    """A clause ending in a colon introduces the quotation right after it, in the same
    paragraph or opening the next ("He said:", "Cruz called them on it:", "She then addressed
    the supporters again: “…”"): its reporting verb, else a verb whose subject names someone
    who can speak (a person, a body, a personal pronoun)."""
    text = tokens.text
    p_start = paragraphs[span.paragraph][0]
    lead = text[p_start : span.open_at].rstrip()
    if not lead and span.paragraph > 0:
        p_start, p_end = paragraphs[span.paragraph - 1]
        lead = text[p_start:p_end].rstrip()
    if not lead.endswith(":"):
        return None
    colon = p_start + len(lead) - 1
    verbs = [t for t in tokens.at(colon).sent if p_start <= t.idx < colon
             and t.pos_ in {"VERB", "AUX"} and not _quoted(spans, t.idx)]
    for verb in reversed(verbs):
        if _is_cue(verb):
            return verb
    if _SIGNED_HEADING.search(text, p_start, colon + 1):
        return None  # "… THAN TAXES - Lena Fisk and Tom Lake: “…”": the names say it
    for verb in reversed(verbs):
        if any(c.dep_ == "nsubj" and _names_speaker(c, entities) for c in verb.children):
            return verb
    return None


def _names_speaker(token: Token, entities: EntityIndex) -> bool:
    """A name of someone who can speak, a personal pronoun, or a role or body ("The premier
    was blunt:")."""
    entity = entities.at(token.idx)
    if entity is not None:
        return entity.label in SPEAKER_LABELS
    return (token.lower_ in PRONOUNS or token.lower_ in {"they", "we", "i"}
            or (token.pos_ == "NOUN" and can_speak(token)))


def _transcript_label(span: QuoteSpan, text: str, entities: EntityIndex) -> Source | None:
    """A transcript turn inside the marks, "PENCE: Gennifer Flowers will not be attending":
    the speaker is the capitalised name before the colon, the person of that name in the
    article when there is one."""
    label = _TRANSCRIPT_LABEL.match(text, span.start, span.end)
    if label is None:
        return None
    name = label.group(1)
    return Source(name, _person_named(name, entities) or name.title(), label.start(1),
                  label.end(1))


def _person_named(label: str, entities: EntityIndex) -> str | None:
    """The article's person a transcript label names ("PENCE", "JAKE TAPPER"), if any."""
    wanted = label.title().split()
    return next((e.canonical for e in entities.entities if e.label == "PERSON"
                 and (e.canonical or "").split()[-len(wanted):] == wanted), None)


def _is_cue(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return _verb_tagged_plural(token)
    lemma = token.lemma_.lower()
    if naming_verb(token):
        return False  # "a resident, called Saadoun, told Reuters": a name given, not speech
    if lemma == "continue":  # "She continued, “…”", not "continued to fall"
        return not any(c.dep_ in {"xcomp", "dobj"} for c in token.children)
    if lemma in SPEECH_PARTICLES:
        return with_particle(token)
    if lemma == "read":  # "“We had no idea,” the statement read", "reads a post on …"
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _READ_TEXTS for c in token.children)
    return lemma in CUE_LEMMAS


def _verb_tagged_plural(token: Token) -> bool:
    """ "“Get this man a shield!” Black Panther growls.", "and shouts, “Hold up!”": a speech
    verb the tagger took for a plural noun, right before the quotation or ending the sentence
    after it and its subject ("… in all 50” states." is a noun)."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in CUE_LEMMAS:
        return False
    doc = token.doc
    after = doc[token.i + 1 : token.i + 3]
    if len(after) == 2 and after[0].text in {",", ":"} and after[1].text in _OPENERS:
        return True
    closing = [t for t in doc[max(0, token.i - 5) : token.i - 1] if t.text in {"”", '"', "''"}]
    return (len(after) > 0 and after[0].text in {".", "!", "?"} and bool(closing)
            and doc[token.i - 1].pos_ in {"PROPN", "NOUN", "PRON"})


def _speaker_outside(cue: Token, span: QuoteSpan, spans: list[QuoteSpan],
                     entities: EntityIndex, salience: Salience) -> Source | None:
    """The parser sometimes takes words inside the marks for the verb's subject ("“Full panic
    mode,” said Leslie Wimes"): the speaker is then the noun phrase next to the verb outside
    them, after it when the order is inverted, else right before it."""
    chunks = [c for c in cue.sent.noun_chunks if not _quoted(spans, _first_word(c).idx)]
    # right after the closing mark the verb takes no object: "“…,” added the champion"
    inverted = _said_after(span, cue, cue.doc.text)
    after = [c for c in chunks
             if c.start == cue.i + 1 and (inverted or c.root.dep_ not in _OBJECTS)]
    before = [c for c in chunks if c.end == cue.i]
    # "“…,” Estrosi, former mayor of Nice, tweeted": the name right after the closing mark
    closing = [c for c in chunks if c.end <= cue.i and any(
        s.close_at < _first_word(c).idx <= s.close_at + 3 for s in spans)]
    for chunk in after + before + closing:
        source = describe_source(chunk.root, entities, salience)
        if source is not None:
            return source
    # "Clinton seemed ready, telling the crowd, “…”" with "telling" read into the quotation:
    # the sentence's own subject, before the verb.
    root = cue.sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < cue.i
                    and not _quoted(spans, c.idx)), None)
    return describe_speaker(subject, entities, salience) if subject is not None else None


def _not_named_inside(source: Source | None, words: str, salience: Salience) -> Source | None:
    """ "“Anna did a great job,” he added": no one names himself in his own words, so the
    "he" is someone else than the person the quotation names (by given name, or by surname
    with no other given name before it: "my father John Smith" is not Jane Smith)."""
    if source is None or source.canonical is None or source.text.lower() not in {"he", "she"}:
        return source
    name = source.canonical.split()
    given, surname = (name[0], name[-1]) if len(name) > 1 else (None, name[0])
    tokens = re.findall(r"\w+", words)
    named = (given is not None and given in tokens) or any(
        w == surname and (i == 0 or not tokens[i - 1][:1].isupper() or tokens[i - 1] == given
                          or tokens[i - 1].lower().rstrip(".") in TITLE_WORDS)
        for i, w in enumerate(tokens))
    if not named:
        return source
    return Source(source.text, salience.pronoun(source.start, source.text, source.canonical),
                  source.start, source.end)


def _said_after(span: QuoteSpan, cue: Token, text: str) -> bool:
    """ "“…,” said X": a finite speech verb right after the closing mark, its speaker after it."""
    return (cue.tag_ in {"VBD", "VBZ", "VBP"} and cue.idx > span.close_at
            and not text[span.close_at + 1 : cue.idx].strip(" ,"))


def _first_word(chunk: Span) -> Token:
    return next((t for t in chunk if not t.is_punct), chunk.root)


def _dash_signed(span: QuoteSpan, text: str, entities: EntityIndex) -> Source | None:
    """Vox-pop style: "“…” ― Jorge Falcon", a person's name after a dash that follows the
    closing mark."""
    dash = _DASH_SIGNATURE.match(text, span.close_at + 1)
    if dash is None:
        return None
    entity = entities.at(dash.end())
    if entity is None or entity.label != "PERSON" or entity.start != dash.end():
        # A name the tagger missed: two to four capitalised words closing the line.
        name = _SIGNED_NAME.match(text, dash.end())
        if name is None:
            return None
        return Source(name.group(1), name.group(1), name.start(1), name.end(1))
    return Source(entity.text, entity.canonical, entity.start, entity.end)


def _owned_in_next_paragraph(span: QuoteSpan, tokens: _Tokens,
                             paragraphs: list[tuple[int, int]], entities: EntityIndex,
                             salience: Salience) -> tuple[Token | None, Source | None]:
    """A feature's opening quotation, owned by the paragraph after it: "“It's
    heartbreaking.” ⏎ That's how Maria Lopez describes losing her home", "Those were the words
    of …": the speaker is the subject of the verb after "how" / "what", or the one whose words
    they were. The cue is that verb, if there is one."""
    text = tokens.text
    if not (_opens_paragraph(span, paragraphs) and _fills_paragraph(span, paragraphs, text)):
        return None, None
    following = _past_captions(span.paragraph + 1, paragraphs, text)
    if following >= len(paragraphs):
        return None, None
    start = paragraphs[following][0]
    owner = _OWNED_BY.match(text, start)
    if owner is None:
        return None, None
    sentence = tokens.at(start).sent
    after = [t for t in sentence if t.idx >= owner.end()]
    if owner.group(1):
        holder = next((t for t in after if t.dep_ == "pobj" and t.head.lower_ == "of"), None)
        return None, describe_speaker(holder, entities, salience) if holder else None
    verb = next((t for t in after if t.pos_ in {"VERB", "AUX"}
                 and any(c.dep_ == "nsubj" for c in t.children)), None)
    if verb is None:
        return None, None
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    if not _names_speaker(subject, entities):
        return None, None
    return verb, describe_speaker(subject, entities, salience)


def _named_before_colon(span: QuoteSpan, text: str, paragraphs: list[tuple[int, int]],
                        entities: EntityIndex) -> Source | None:
    """A person's name and a colon lead into the quotation: right before it ("… surprise
    pollster Daron Shaw: “…”") or opening its paragraph, as headings do ("Kasich: ‘We …’")."""
    p_start = paragraphs[span.paragraph][0]
    lead = text[p_start : span.open_at].rstrip()
    for colon in (len(lead) - 1, lead.find(":")):
        if colon < 1 or lead[colon] != ":":
            continue
        entity = entities.at(p_start + colon - 1)
        if (entity is not None and entity.label == "PERSON" and entity.end == p_start + colon
                and (colon == len(lead) - 1 or entity.start == p_start)):
            return Source(entity.text, entity.canonical, entity.start, entity.end)
    return None


def _speaker(cue: Token, entities: EntityIndex, salience: Salience) -> Source | None:
    if cue.lower_ == "according":
        holder = according_to([cue])
        return describe_source(holder, entities, salience) if holder is not None else None
    # "Mohammed denied that the girls were exchanged, saying “…”": the participle's speaker is
    # the denial's (a verb joined by "and" has the subject next to it: "Canova bristled and said")
    subject = subject_of(speaking_verb(cue) if cue.dep_ == "advcl" else cue)
    if subject is None:
        return None
    return describe_speaker(subject, entities, salience)


def _opens_paragraph(span: QuoteSpan, paragraphs: list[tuple[int, int]]) -> bool:
    return span.open_at == paragraphs[span.paragraph][0]


def _continues(previous: QuoteSpan, span: QuoteSpan, paragraphs: list[tuple[int, int]],
               text: str) -> bool:
    if previous.paragraph == span.paragraph:
        return True
    # A quotation left open at the end of its paragraph ("Massa said: “It's difficult … ⏎
    # “This place …") goes on in the next, whatever came before it in its own paragraph, and
    # past a picture caption set between them.
    # A paragraph that is one quotation and nothing else, set right after a quotation, is the
    # same speaker's next turn ("“…,” Tory said. “…” ⏎ “Every street counts.”").
    runs_on = previous.close_at == paragraphs[previous.paragraph][1]
    return (_past_captions(previous.paragraph + 1, paragraphs, text) == span.paragraph
            and _opens_paragraph(span, paragraphs)
            and (runs_on or _opens_paragraph(previous, paragraphs)
                 or _fills_paragraph(span, paragraphs, text)))


def _fills_paragraph(span: QuoteSpan, paragraphs: list[tuple[int, int]], text: str) -> bool:
    """The quotation is its paragraph, and a sentence: it ends with a full stop, "?" or "!"
    (a link left in marks, "“Related”", does not)."""
    return (not text[span.close_at + 1 : paragraphs[span.paragraph][1]].strip()
            and text[span.start : span.end].rstrip("”’\"' ")[-1:] in {".", "?", "!", "…"})


def _past_captions(number: int, paragraphs: list[tuple[int, int]], text: str) -> int:
    """The first paragraph from ``number`` on that is not a picture caption (at most
    MAX_CAPTIONS_BETWEEN are passed)."""
    for _ in range(MAX_CAPTIONS_BETWEEN):
        if number >= len(paragraphs) or not _caption(text[slice(*paragraphs[number])]):
            break
        number += 1
    return number


def _caption(paragraph: str) -> bool:
    """A picture caption left in the text: a short line, no quotation in it, with its credit
    at the end ("… celebrates the victory (Getty)") or at the start ("Getty Images …")."""
    return (len(paragraph.split()) <= MAX_CAPTION_WORDS and not any(m in paragraph for m in "“”\"")
            and bool(_CREDIT_AT_END.search(paragraph) or _CREDIT_AT_START.match(paragraph)))


def extract_quotes(doc: Doc, entities: list[Entity],
                   spans: list[QuoteSpan] | None = None) -> list[Quote]:
    tokens = _Tokens(doc)
    text = tokens.text
    spans = find_quote_spans(text) if spans is None else spans
    index = EntityIndex(entities)
    salience = Salience(doc, index, quoted_text(spans))
    paragraphs = _paragraphs(text)
    found: list[_Found] = []
    for span in spans:
        cue = _find_cue(span, spans, tokens, paragraphs, index)
        source = _speaker(cue, index, salience) if cue is not None else None
        source = _not_named_inside(source, text[span.start : span.end], salience)
        if cue is not None and ((source is not None and _quoted(spans, source.start))
                                or (source is None and _said_after(span, cue, text))):
            # the subject inside the marks, or hung elsewhere ("“…,” said Cubs fan Rodrigo
            # Gonzales, 24, moments after the game ended")
            source = _speaker_outside(cue, span, spans, index, salience)
        if source is None:
            source = _dash_signed(span, text, index) or _named_before_colon(
                span, text, paragraphs, index)
        if source is None and cue is None:
            cue, source = _owned_in_next_paragraph(span, tokens, paragraphs, index, salience)
        source = _transcript_label(span, text, index) or source
        named_here = source is not None
        if source is None and found and _continues(found[-1][0], span, paragraphs, text):
            # The same speaker's turn goes on: "“…,” said Ushakov. “…”" or a next paragraph.
            source = found[-1][2]
        if source is not None and source.canonical:
            entity = index.at(source.start)
            if entity is None or entity.label == "PERSON":
                salience.add_speaker(span.start, source.canonical)
        found.append((span, cue, source, named_here))
    # A quotation paragraph with no attribution, followed at once by one that has it.
    for i in range(len(found) - 1):
        span, cue, source, _ = found[i]
        next_span, _, next_source, _ = found[i + 1]
        if (source is None and next_source is not None
                and next_span.paragraph == span.paragraph + 1
                and _opens_paragraph(span, paragraphs) and _opens_paragraph(next_span, paragraphs)):
            found[i] = (span, cue, next_source, False)
    found = _join_broken_quotations(found, text)
    marked = quoted_text(spans)
    # a statement that ends inside a quotation ends with it, and may then hold another
    reported = outermost([_closing_quotation(r, spans, text)
                          for r in find_reported(doc, index, salience, marked, text)])
    reported = [r for r in reported if not _is_quotation(r, [s for s, *_ in found], text)]
    found = _turn_passed_in_reported_speech(found, reported, text, paragraphs)
    quotes = []
    for span, cue, source, named_here in found:
        if any(r.start <= span.open_at and span.close_at <= r.end for r in reported):
            continue  # a partial quotation inside a reported statement is part of it
        if source is not None and source.start <= span.open_at and span.close_at < source.end:
            continue  # "A “Wanted” poster warned that …": a word of the speaker's own phrase
        if (_modifies_a_noun(span, tokens) or _borrowed_phrase(span, tokens)
                or _word_held_at_arms_length(span, cue, tokens)):
            continue  # "waved “W” flags", "his “step up” remark": a name for a thing
        if ((_is_title(text[span.start : span.end]) or _one_word_name(span, tokens))
                and not _in_headline(span, text, paragraphs)):
            continue  # “Fox News Sunday”, “Women in Power”: a name in marks, not words said
        if _STAGE_DIRECTION.fullmatch(text[span.start : span.end]):
            continue  # "(CROSSTALK.)", "[Applause]" in a transcript: what happened, not words
        n_words = len(text[span.start : span.end].split())
        if source is None and n_words < MIN_WORDS_WITHOUT_SPEAKER:
            continue
        if source is None and cue is None and n_words < 2 * MIN_WORDS_WITHOUT_SPEAKER:
            continue
        if (not named_here and cue is None and n_words < MIN_WORDS_WITHOUT_SPEAKER
                and _inside_sentence(span, text)):
            continue  # "doing two “deliveries” a year": a word marked, not the speaker's turn
        named = _what_was_named(span, cue, n_words)
        if named is not None:
            quotes.append(_quote(text, named, span.close_at + 1, cue, source, "reported",
                                 named_here))
            continue
        quotes.append(_quote(text, span.start, span.end, cue, source, "direct", named_here))
    for r in reported:
        quotes.append(_quote(text, r.start, r.end, r.cue, r.source, "reported", True))
    taken = [(q.start, q.end) for q in quotes]
    quotes += [q for q in (_transcript_turns(text, paragraphs, index)
                           + _interview_turns(text, paragraphs, index))
               if not any(start < q.end and q.start < end for start, end in taken)]
    quotes.sort(key=lambda q: q.start)
    return quotes


def _turn_passed_in_reported_speech(found: list[_Found], reported: list[ReportedSpeech],
                                    text: str, paragraphs: list[tuple[int, int]]
                                    ) -> list[_Found]:
    """A quotation no reporting clause of its own attributes goes to the named person who spoke
    in reported speech just before it: "“…,” Omar said. Abdulrahman said he had been accused by
    both sides. “We're in the middle …”" (not Omar, whose turn it carried on), and "MP Gavin
    Barwell said his friend was on the tram. ⏎ “He's been injured …”" (no one before)."""
    out = list(found)
    given = [source for _, _, source, _ in found]
    for i, (span, cue, source, named_here) in enumerate(out):
        following = out[i + 1][0].open_at if i + 1 < len(out) else len(text)
        if named_here or re.search(r"\w", text[span.close_at + 1 : min(
                following, paragraphs[span.paragraph][1])]):
            continue  # "“Anybody but Trump,” read one.": a clause of its own says whose
        previous = out[i - 1] if i else None
        after = previous[0].close_at if previous else -1
        said = [r for r in reported if r.source is not None and r.source.canonical
                and after < r.start and r.end < span.open_at]
        if source is not None and i and source is given[i - 1]:
            if said and said[-1].source.canonical != source.canonical:
                out[i] = (span, cue, said[-1].source, False)
            elif previous[2] is not given[i - 1]:
                out[i] = (span, cue, previous[2], False)  # the turn before changed hands
        elif source is None and said and _right_before(said[-1], span, text, paragraphs):
            out[i] = (span, cue, said[-1].source, False)
        elif (source is None and previous and previous[2] is not None and given[i - 1] is None
              and _continues(previous[0], span, paragraphs, text)):
            out[i] = (span, cue, previous[2], False)
    return out


def _right_before(report: ReportedSpeech, span: QuoteSpan, text: str,
                  paragraphs: list[tuple[int, int]]) -> bool:
    """The report is the last sentence before the quotation: in its paragraph, or ending the
    paragraph before one the quotation opens."""
    if report.start >= paragraphs[span.paragraph][0]:
        gap = text[report.end : span.open_at]
        return len(gap.strip()) <= 3 and any(c in gap for c in ".!?:")
    if span.paragraph == 0 or not _opens_paragraph(span, paragraphs):
        return False
    before_start, before_end = paragraphs[span.paragraph - 1]
    rest = text[report.end : before_end]
    return report.start >= before_start and len(rest.strip()) <= 2


def _join_broken_quotations(found: list[_Found], text: str) -> list[_Found]:
    """ "“By locking in China,” Mr. Obama said, “it now allowed me to …”": one sentence of
    one speaker, broken by its reporting clause, is one quotation (its text keeps the clause
    between the marks, so it reads as printed)."""
    joined: list[_Found] = []
    for item in found:
        if joined and _broken_by_reporting_clause(joined[-1], item, text):
            first, cue, source, named_here = joined[-1]
            joined[-1] = (replace(first, end=item[0].end, close_at=item[0].close_at), cue,
                          source, named_here)
        else:
            joined.append(item)
    return joined


def _broken_by_reporting_clause(before: _Found, after: _Found, text: str) -> bool:
    (first, cue, source, _), (second, _, second_source, named_again) = before, after
    if cue is None or source is None or first.paragraph != second.paragraph:
        return False
    if not first.close_at < cue.idx < second.open_at:
        return False  # the first part's reporting verb stands elsewhere
    if named_again and second_source != source:
        return False  # a second speaker answers
    inside_end = text[first.start : first.close_at].rstrip()
    gap = text[first.close_at + 1 : second.open_at]
    broken_mid_sentence = inside_end.endswith(",") or gap.lstrip().startswith(",")
    if any(t.pos_ == "VERB" and t != cue and first.close_at < t.idx < second.open_at
           for t in cue.doc[cue.sent.start : cue.sent.end]):
        return False  # "…,” she said, adding later, “…”: a second saying
    return (broken_mid_sentence and gap.rstrip().endswith(",")
            and not _ends_a_sentence(gap) and len(gap.split()) <= MAX_REPORTING_CLAUSE_WORDS)


def _ends_a_sentence(gap: str) -> bool:
    """Whether a sentence ends in ``gap``: at "!", "?" or ";", or at a full stop after a word
    that is no title or initial ("said.", "Spanish.", not "Mr.", "Sen.", "U.S.")."""
    if re.search(r"[!?;]", gap):
        return True
    return any(not (word[:1].isupper() and (len(word) <= 4 or "." in word))
               for word in re.findall(r"(\S+)\.(?:\s|$)", gap))


def _transcript_turns(text: str, paragraphs: list[tuple[int, int]], entities: EntityIndex
                      ) -> list[Quote]:
    """A transcript printed without quotation marks ("TAPPER: Donald Trump released a video
    …" / "FALLIN: Well, I think …"): each paragraph opened by a speaker's name in capitals and a
    colon is that person's words. Only where the article holds a dialogue — two turns or more,
    each label naming a person the article mentions — so "UPDATE:" or "WATCH:" are not turns."""
    turns = []
    for start, end in paragraphs:
        label = _TRANSCRIPT_LABEL.match(text, start, end)
        if label is None or label.end() >= end:
            continue
        canonical = _person_named(label.group(1), entities)
        if canonical is not None:
            source = Source(label.group(1), canonical, label.start(1), label.end(1))
            turns.append(_quote(text, label.end(), end, None, source, "direct", True))
    return turns if len(turns) >= 2 else []


def _interview_turns(text: str, paragraphs: list[tuple[int, int]], entities: EntityIndex
                     ) -> list[Quote]:
    """An interview printed as questions and answers ("Q: What did you find?" / "A: I came
    home from school …"): each answer is the words of the person interviewed, the first the
    article names before the questions begin; each question the unnamed interviewer's. Only
    where the article holds both questions and answers, and says before them that it is an
    interview ("spoke with", "edited for length and clarity")."""
    labelled = [(label, end) for start, end in paragraphs
                if (label := _INTERVIEW_LABEL.match(text, start, end)) and label.end() < end]
    if {label.group(1) for label, _ in labelled} != {"Q", "A"}:
        return []
    first_turn = labelled[0][0].start()
    if not _INTERVIEW_CUE.search(text, 0, first_turn):
        return []
    interviewee = min(((e.start, e.canonical) for e in entities.entities
                       if e.label == "PERSON" and e.start < first_turn), default=(0, None))[1]
    return [_quote(text, label.end(), end, None,
                   Source(label.group(1), interviewee if label.group(1) == "A" else None,
                          label.start(1), label.end(1)), "direct", True)
            for label, end in labelled]


def _in_headline(span: QuoteSpan, text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """A line set in title case ("Hollande Says Trump “Makes You Want To Retch.”"): there every
    quotation looks like a title, and its casing tells nothing."""
    start, end = paragraphs[span.paragraph]
    words = [w for w in (text[start : span.open_at] + " " + text[span.close_at + 1 : end]).split()
             if w[0].isalpha() and w.lower() not in _TITLE_SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _what_was_named(span: QuoteSpan, cue: Token | None, n_words: int) -> int | None:
    """ "Jeb Bush called Trump “unhinged.”": a word or two in marks that name what the verb's
    object is said to be; what was said is the object with its name, so the statement starts
    at the object (its offset), not at the quotation."""
    if cue is None or n_words >= MIN_WORDS_WITHOUT_SPEAKER or cue.lemma_.lower() not in _NAMING:
        return None
    objects = [c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i
               and c.left_edge.idx < span.open_at]
    return objects[0].left_edge.idx if objects else None


def _modifies_a_noun(span: QuoteSpan, tokens: _Tokens) -> bool:
    """A word or two in marks set before the noun they qualify, with no comma or stop."""
    words = [t for t in tokens.between(span.start, span.end) if not t.is_punct]
    if not words or len(words) > 2:
        return False
    head = words[-1].head
    return (head.i > words[-1].i and head.idx > span.close_at and head.pos_ == "NOUN"
            and words[-1].dep_ in {"compound", "amod", "nmod"})


def _borrowed_phrase(span: QuoteSpan, tokens: _Tokens) -> bool:
    """ "were on a “dream holiday” … and were confirmed dead", "issued a “travel advisory”": a
    phrase of three words or fewer in marks as the object of a preposition or of a verb that no
    speech verb governs is a phrase borrowed, not a statement ("warned of “dire consequences”",
    "decried the issue of “systemic racism”" report one)."""
    words = [t for t in tokens.between(span.start, span.end) if not t.is_punct]
    if not words or len(words) > 3:
        return False
    inside = {t.i for t in words}
    roots = [t for t in words if t.head.i not in inside]
    if len(roots) != 1 or roots[0].dep_ not in {"pobj", "dobj"}:
        return False
    return not any(_is_cue(t) for t in roots[0].ancestors)


def _word_held_at_arms_length(span: QuoteSpan, cue: Token | None, tokens: _Tokens) -> bool:
    """ "in an “initiative” designed to rally …": one word in marks right after "a", "the" or
    "his", or an adverb set into the sentence, is a word held at arm's length, unless a verb of
    naming gives it ("called it a “disaster”", "referred to him as a “reformer”")."""
    words = [t for t in tokens.between(span.start, span.end) if not t.is_punct]
    if len(words) != 1 or span.open_at == 0 or any(
            t.lemma_.lower() in _NAMING | {"refer"} for t in (cue, *words[0].ancestors) if t):
        return False
    before = tokens.between(words[0].sent.start_char, span.open_at)
    if not before:
        return False
    # … or an adverb in marks set into the sentence: "Tunisia “forcefully” condemned the
    # attack" (not one said: "Chen said “Absolutely.”")
    said = (tokens.text[span.start : span.end].rstrip()[-1:] in {".", "!", "?"}
            or before[-1].text in {",", ":"} or _is_cue(before[-1]))
    return before[-1].tag_ in {"DT", "PRP$"} or (words[0].pos_ == "ADV" and not said)


def _is_title(quoted: str) -> bool:
    """ "Face the Nation", and "Meet the Press." with the sentence's full stop inside the marks,
    as American style sets it; a line said in capitals ("Lock Her Up!") is no title."""
    quoted = quoted.rstrip().removesuffix(".")
    words = quoted.split()
    if not words or len(words) > MAX_TITLE_WORDS or re.search(r"[.!?,]\s|[.!?,]$", quoted):
        return False  # "The Donald. Big Daddy.": sentences, not a name
    return len(words) > 1 and all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL_WORDS
                                  for w in words)


def _inside_sentence(span: QuoteSpan, text: str) -> bool:
    """The quotation's sentence has begun before it: a word or a comma precedes its mark."""
    before = text[: span.open_at].rstrip(" ")
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


def _one_word_name(span: QuoteSpan, tokens: _Tokens) -> bool:
    """ "the set of “Fargo,”", "his book “Musicophilia”": one proper name in marks inside a
    sentence names a work or a place. A capital that opens the sentence ("“Unacceptable,” he
    said") tells nothing; a word ended as a sentence ("“Bobby!”", "“Oops.”") or set right after
    a verb ("someone shouted, “Cruz,”") was said."""
    words = [t for t in tokens.between(span.start, span.end) if not t.is_punct]
    if tokens.text[span.start : span.end].rstrip()[-1:] in {".", "!", "?"}:
        return False
    if len(words) != 1 or not words[0].text[0].isupper() or words[0].pos_ != "PROPN":
        return False
    before = [t for t in tokens.between(words[0].sent.start_char, span.open_at)
              if not t.is_punct]
    return bool(before) and before[-1].pos_ not in {"VERB", "AUX"}


def _closing_quotation(reported: ReportedSpeech, spans: list[QuoteSpan], text: str
                       ) -> ReportedSpeech:
    """Reported content that ends inside a quotation ends with it: "… going “well ahead.”",
    "said that Cruz has “taken every punch they’ve thrown, and he’s standing tall.”" (the
    parser ended the statement where the quotation goes on)."""
    for span in spans:
        opens_inside = reported.start <= span.open_at < reported.end
        opens_next = reported.end <= span.open_at and not text[reported.end : span.open_at].strip()
        if ((opens_inside or opens_next) and reported.end <= span.close_at
                and "\n" not in text[reported.end : span.close_at]):
            # after the closing mark, or at the paragraph's end where the quotation runs on
            closed = text[span.close_at : span.close_at + 1].strip()
            return replace(reported, end=span.close_at + (1 if closed else 0))
    return reported


def _is_quotation(reported: ReportedSpeech, spans: list[QuoteSpan], text: str) -> bool:
    """A statement read as reported speech that is a quotation broken by its reporting clause
    ("“By locking in China,” Mr. Obama said, “it now allowed me …”"): it is the direct one."""
    return any(span.open_at < reported.end and reported.start <= span.close_at
               and not text[reported.start : span.open_at].strip(_MARKS_AND_SPACE)
               and not text[span.close_at + 1 : reported.end].strip(_MARKS_AND_SPACE)
               for span in spans)


def _cue_words(cue: Token | None) -> str | None:
    """The cue as a reader says it: "said", "according to" (not a bare "according"),
    "pointed out", "made it clear"; in lower case, as it reads after a speaker's name, whether
    it opened a sentence ("According to officials, …") or a headline ("Kremlin Says …")."""
    if cue is None:
        return None
    following = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
    if cue.lower_ == "according" and following is not None and following.lower_ == "to":
        return f"{cue.lower_} {following.lower_}"
    completion = next((c for c in cue.children if (c.dep_ == "prt" and c.i == cue.i + 1)
                       or (c.lower_ == "clear" and cue.lemma_ == "make")), None)
    if completion is None and cue.lemma_ == "make" and following is not None:
        completion = following if following.lower_ == "clear" else None
    return cue.doc[cue.i : completion.i + 1].text.lower() if completion is not None else cue.lower_


def _quote(text: str, start: int, end: int, cue: Token | None, source: Source | None,
           kind: str, named_here: bool) -> Quote:
    """A quotation carried over from the previous one's speaker names nobody near it: its
    speaker mention stays empty (as written), the speaker it resolves to does not."""
    mention = source if named_here else None
    return Quote(
        text=text[start:end],
        speaker=mention.text if mention else None,
        speaker_canonical=source.canonical if source else None,
        cue=_cue_words(cue),
        start=start,
        end=end,
        speaker_start=mention.start if mention else None,
        speaker_end=mention.end if mention else None,
        kind=kind,
    )
