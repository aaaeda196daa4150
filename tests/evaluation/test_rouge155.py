"""ROUGE-1.5.5's tokens: each step on its own, then the scores against the Perl script itself.

The Perl script needs perl with XML::Parser (Debian: libxml-parser-perl), which `.ci/run`
installs; without it the cross-check is skipped on a developer's machine and fails under CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from storyline.evaluation.rouge155 import rouge_data_dir, rouge_tokens

# Pairs of day summaries as a timeline and its gold would give them: hyphens, figures, money,
# curly apostrophes, non-ASCII names, irregular plurals and past tenses, month abbreviations.
PAIRS = [
    (["Police said the men were going to the mice market in Cairo on Friday."],
     ["The police went to a market in Cairo; mice were found, Reuters reported."]),
    (["BP's well-capping attempt failed on May 29, the company said.",
      "Engineers will try a lower marine riser package cap next."],
     ["BP says its 'top kill' attempt to plug the well has failed.",
      "The company's engineers will now try to cap the leak with a containment dome."]),
    (["Zelenskyy’s government put the number of Russian troops at 115,000 – far above "
      "the U.S. estimate of more than 90,000."],
     ["Ukraine's defence ministry said Russia had massed about 115,000 troops near the border.",
      "Washington estimated the build-up at more than 90,000 soldiers in Nov. and Dec."]),
    (["Commissioners agreed on the agreement's conditional arrangements after arguments."],
     ["The commission's agreement was conditionally approved; documents show the arguments "
      "were generalised."]),
    (["Mubarak stepped down; the army took over and the crowds in Tahrir Square celebrated."],
     ["Hosni Mubarak resigns as president and hands power to the military.",
      "Crowds celebrate in Tahrir Square, Cairo."]),
]


def test_stop_words_hyphens_and_case():
    assert rouge_tokens(["The Reuters report, in Jan. and FEB., said: cease-fire!"]) == [
        "report", "ceas", "fire"]


def test_stems_like_rouge_and_uses_wordnet_exceptions():
    # ROUGE's step 4 strips "-ment"/"-ent" again after the other suffixes
    assert rouge_tokens(["agreement commissioner"]) == ["agreem", "commiss"]
    # an irregular form longer than three characters goes to its WordNet base
    assert rouge_tokens(["mice children"]) == ["mouse", "child"]
    # three characters or fewer are never stemmed, whatever the exception lists say
    assert rouge_tokens(["men ran"]) == ["men", "ran"]


def test_non_ascii_letters_split_words():
    assert rouge_tokens(["Zelenskyy’s Kyïv"]) == ["zelenskyi", "ky"]


def _ours(pred: list[str], gold: list[str], n: int) -> tuple[float, float]:
    def grams(sentences):
        t = rouge_tokens(sentences)
        return Counter(tuple(t[i:i + n]) for i in range(len(t) - n + 1))
    p, g = grams(pred), grams(gold)
    hits = sum(min(c, g[k]) for k, c in p.items())
    return hits / sum(g.values()), hits / sum(p.values())


def _perl_ready() -> bool:
    if shutil.which("perl") is None:
        return False
    probe = subprocess.run(["perl", "-MXML::Parser", "-MDB_File", "-e", "1"],
                           capture_output=True)
    return probe.returncode == 0


def _exception_db(data: Path) -> None:
    """ROUGE's WordNet exception DB built from the same files in the same order as ours."""
    files = sorted(str(p) for p in (rouge_data_dir() / "WordNet-2.0-Exceptions").glob("*.exc"))
    script = ('use DB_File; my $db = shift; tie %h, "DB_File", $db, O_CREAT|O_RDWR, 0640, '
              '$DB_HASH or die; while (<>) { chomp; my @f = split /\\s+/; $h{$f[0]} = $f[1] '
              'if @f >= 2 } untie %h;')
    subprocess.run(["perl", "-e", script, str(data / "WordNet-2.0.exc.db"), *files], check=True)


def _perl_scores(tmp_path: Path, pred: list[str], gold: list[str]) -> dict[int, tuple[float, float]]:
    data = tmp_path / "data"
    if not data.exists():
        data.mkdir()
        shutil.copy(rouge_data_dir() / "smart_common_words.txt", data)
        _exception_db(data)
    for name, sentences in (("peer", pred), ("model", gold)):
        (tmp_path / name).mkdir(exist_ok=True)
        (tmp_path / name / "s.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
    config = tmp_path / "config.xml"
    config.write_text(
        f'<ROUGE-EVAL version="1.0"><EVAL ID="1"><PEER-ROOT>{tmp_path / "peer"}</PEER-ROOT>'
        f'<MODEL-ROOT>{tmp_path / "model"}</MODEL-ROOT><INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>'
        '<PEERS><P ID="1">s.txt</P></PEERS><MODELS><M ID="A">s.txt</M></MODELS></EVAL>'
        '</ROUGE-EVAL>\n', encoding="utf-8")
    script = rouge_data_dir().parent / "ROUGE-1.5.5.pl"
    out = subprocess.run(["perl", str(script), "-e", str(data), "-m", "-s", "-n", "2", "-a",
                          "-x", "-c", "95", "-r", "1", "-f", "A", "-p", "0.5", "-d", str(config)],
                         capture_output=True, text=True, check=True).stdout
    scores = {}
    for n, recall, precision in re.findall(r"ROUGE-(\d) Eval 1\.1 R:([\d.]+) P:([\d.]+)", out):
        scores[int(n)] = (float(recall), float(precision))
    return scores


@pytest.mark.parametrize("pair", range(len(PAIRS)))
def test_scores_equal_the_perl_script(pair, tmp_path):
    if not _perl_ready():
        if os.environ.get("CI"):
            pytest.fail("perl with XML::Parser and DB_File is missing (apt-get install "
                        "libxml-parser-perl)")
        pytest.skip("perl with XML::Parser and DB_File not found (apt-get install "
                    "libxml-parser-perl)")
    pred, gold = PAIRS[pair]
    perl = _perl_scores(tmp_path, pred, gold)
    assert set(perl) == {1, 2}
    for n in (1, 2):
        recall, precision = _ours(pred, gold, n)
        assert perl[n] == (pytest.approx(recall, abs=6e-6), pytest.approx(precision, abs=6e-6))
