"""Figure disagreements on a dated news stream, scored against hand labels (a development check).

    python benchmarks/disagreements.py [--unlabelled]

Data: ../shared/eval/giveme5w1h-newscluster (383 articles, 69 events; see its PROVENANCE.md).
Neither it nor any public set we know marks where outlets give one quantity differently, so
pairs of claims were labelled by hand, in ``benchmarks/disagreement_labels.jsonl`` (the dump's
article ids and the values as printed, no text; what a pair and each label mean:
``storyline.evaluation.disagreements``): every pair storyline reported at stops 47 and 48, and
every pair of counts (no sums or measures) that two outlets give differently in one story with
a word in common around them. The rules were written while reading these pairs, so this is a
development set: its precision is a ceiling for unseen news, and recall is only over the
``odds`` pairs labelled.
``--unlabelled`` prints each reported pair that has no label yet, with its sentences, for
labelling.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import news_stream, table

from storyline import Storyline
from storyline.evaluation.disagreements import load_labels, reported_pairs, score_pairs
from storyline.models import Article, Claim

LABELS = Path(__file__).resolve().parent / "disagreement_labels.jsonl"


def sentence(article: Article, claim: Claim) -> str:
    for start, end in article.sentences:
        if start <= claim.start < end:
            return article.text[start:end].strip()
    return article.text[max(0, claim.start - 80) : claim.end + 80]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--unlabelled", action="store_true",
                        help="print the reported pairs that have no label, with their sentences")
    args = parser.parse_args()
    items = news_stream()
    labels = load_labels(LABELS)
    with tempfile.TemporaryDirectory() as folder, Storyline(str(Path(folder) / "d.db")) as sl:
        sl.ingest_documents([i.document for i in items])
        articles = {a.id: a for a in sl.articles()}
        pairs = reported_pairs(sl.stories(), {k: a.source for k, a in articles.items()})
        if args.unlabelled:
            for pair in pairs:
                if pair.key in labels:
                    continue
                print(json.dumps({"a": list(pair.key[0]), "b": list(pair.key[1]),
                                  "label": "?"}))
                print(f"  story: {pair.story}")
                for claim in pair.claims:
                    article = articles[claim.article_id]
                    print(f"  {claim.value!r} ({claim.outlet}, {article.published}): "
                          f"{sentence(article, claim)}")
    score = score_pairs(pairs, labels)
    print(f"Giveme5W1H news_cluster: {len(items)} articles; {score.reported} claim pairs "
          f"reported, {score.labelled} of them labelled; {len(labels)} labelled pairs in all")
    print(table(["system", "pairs", "odds", "other", "update", "unlabelled",
                 "precision (odds / labelled)", "recall (labelled odds found)"],
                [["storyline", score.reported, score.labels["odds"], score.labels["other"],
                  score.labels["update"], score.labels["unlabelled"],
                  f"{score.precision:.3f}" if score.labelled else "—",
                  f"{score.odds_found} / {score.odds_known}"]]))


if __name__ == "__main__":
    main()
