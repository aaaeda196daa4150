"""Quotes and speakers: GGT's quote-attribution set (test) and PolNeAR (dev / test).

    python benchmarks/quotes.py [--misses] [--train N]

Data (../shared/eval, see each PROVENANCE.md):
- ggt-quotes: 97 Canadian news articles, 1,466 direct and reported quotes with the speaker as
  written and the speaker the annotators resolved. A TEST set only: nothing was tuned on it.
- polnear: political news with source / cue / content attributions; its dev split was used for
  tuning, its test split is reported. Its attributions are broader than quotes (beliefs, reports
  inside reports, one content spanning several quotations), so its figures read lower.

Each text goes through storyline's analyser (spaCy, entities, direct quotations, reported
speech, speaker resolution). Metric: GGT's own (evaluate_quotes.py): a gold quote is found
when a system quote covers ≥ 30% (lenient) or ≥ 80% (strict) of its characters; P / R / F1
over quotes; speaker accuracy = found quotes whose speaker mentions overlap or that both leave
unattributed. "Who" accuracy: the resolved speaker is the annotators' resolved person
(GGT only; PolNeAR does not resolve pronouns). GGT's published figures are printed beside.
Also counted, with no gold to score them: the figures found in the same texts ("figures") and
how many of them carry a claimant ("claimed": "… troops, Ukrainian officials say").
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import peak_rss_mb, shared_dir, table

from storyline.analyse import Analyser
from storyline.analyse.times import parse_dct
from storyline.evaluation.quotes import QuoteDocument, QuoteScore, load_ggt, load_polnear

THRESHOLDS = (0.3, 0.8)
PUBLISHED = [  # threshold, P, R, F1, speaker accuracy (PROVENANCE.md, GGT V5.1 on this set)
    ("GGT V5.1 rules + spaCy (published)", 0.3, 0.846, 0.827, 0.837, 0.860),
    ("GGT V5.1 rules + spaCy (published)", 0.8, 0.770, 0.752, 0.761, 0.869),
]


def run(name: str, docs: list[QuoteDocument], analyser: Analyser, show_misses: bool = False
        ) -> list[list[object]]:
    began = time.perf_counter()
    analyses = list(analyser.analyse_many((d.text, parse_dct(d.published)) for d in docs))
    seconds = time.perf_counter() - began
    figures = [f for a in analyses for f in a.figures]
    claimed = sum(1 for f in figures if f.attributed_to)
    rows = []
    for threshold in THRESHOLDS:
        score = QuoteScore(threshold)
        for doc, analysis in zip(docs, analyses, strict=True):
            score.add(doc.id, doc.quotes, analysis.quotes)
        if show_misses and threshold == THRESHOLDS[0]:
            texts = {d.id: d.text for d in docs}
            for doc_id, g in score.misses:
                print(f"miss {doc_id}: {texts[doc_id][g.start : g.end][:120]!r}")
        q = score.quotes
        who = f"{score.canonical_accuracy:.3f}" if score.named else "—"
        rows.append([f"storyline — {name}", threshold, score.gold, score.system,
                     f"{q.precision:.3f}", f"{q.recall:.3f}", f"{q.f1:.3f}",
                     f"{score.speaker_accuracy:.3f}", who, len(figures), claimed,
                     f"{len(docs) / seconds:.1f}"])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true",
                        help="list the PolNeAR dev (tuning) quotes storyline misses")
    parser.add_argument("--train", type=int, default=0, metavar="N",
                        help="also score the first N PolNeAR training articles (tuning)")
    args = parser.parse_args()
    eval_dir = shared_dir() / "eval"
    analyser = Analyser()
    rows = run("GGT (test)", load_ggt(eval_dir / "ggt-quotes" / "ggt_quotes_en.jsonl.gz"),
               analyser)
    polnear = eval_dir / "polnear" / "polnear_attributions.jsonl.gz"
    rows += run("PolNeAR test", load_polnear(polnear, {"test"}), analyser)
    rows += run("PolNeAR dev (tuning)", load_polnear(polnear, {"dev"}), analyser, args.misses)
    if args.train:
        rows += run(f"PolNeAR train, first {args.train} (tuning)",
                    load_polnear(polnear, {"train"})[: args.train], analyser)
    for name, threshold, p, r, f1, speaker in PUBLISHED:
        rows.append([name, threshold, 1466, "", f"{p:.3f}", f"{r:.3f}", f"{f1:.3f}",
                     f"{speaker:.3f}", "", "", "", ""])
    print(table(["system — set", "overlap ≥", "gold", "sys", "P", "R", "F1", "speaker acc",
                 "who acc", "figures", "claimed", "docs/s"], rows))
    print(f"\npeak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
