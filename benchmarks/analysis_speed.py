"""What the analysis components add to spaCy's own pass over the same texts.

    python benchmarks/analysis_speed.py [--limit 300]

Data: the same deterministic timeline17 sample as ingest_speed.py. First ``nlp.pipe`` over the
texts (the spaCy pass every analysis needs), then storyline's components over the parsed Docs —
entities, time expressions, quotations with reported speech and speakers, figures, sentence
spans — timed one by one. The ratio is the issue's measure: analysis time / spaCy time.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import table
from ingest_speed import sample

from storyline.analyse.analyser import sentence_spans
from storyline.analyse.entities import extract_entities
from storyline.analyse.figures import extract_figures
from storyline.analyse.nlp import load_nlp
from storyline.analyse.quotes import extract_quotes, find_quote_spans, quoted_text
from storyline.analyse.times import normalise_times, parse_dct


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=300, help="articles to analyse")
    args = parser.parse_args()
    rows = sample(args.limit)
    nlp = load_nlp()
    nlp("warm up")
    start = time.perf_counter()
    docs = list(nlp.pipe((r["text"] for r in rows), batch_size=16))
    spacy_seconds = time.perf_counter() - start

    spent: dict[str, float] = defaultdict(float)

    def timed(name, fn, *args):
        began = time.perf_counter()
        result = fn(*args)
        spent[name] += time.perf_counter() - began
        return result

    for row, doc in zip(rows, docs, strict=True):
        dct = parse_dct(row["dct"])
        entities = timed("entities", extract_entities, doc)
        times = timed("time expressions", normalise_times, doc.text, dct, doc)
        spans = timed("quotations (direct + reported, speakers)", find_quote_spans, doc.text)
        timed("quotations (direct + reported, speakers)", extract_quotes, doc, entities, spans)
        timed("figures", extract_figures, doc, entities, times, quoted_text(spans))
        timed("sentence spans", sentence_spans, doc, spans)
    total = sum(spent.values())
    words = sum(len(r["text"].split()) for r in rows) / len(rows)
    table_rows = [["spaCy pass (nlp.pipe, en_core_web_sm)", f"{spacy_seconds:.1f}", "1.000"]]
    table_rows += [[name, f"{seconds:.2f}", f"{seconds / spacy_seconds:.3f}"]
                   for name, seconds in spent.items()]
    table_rows.append(["all analysis components", f"{total:.2f}", f"{total / spacy_seconds:.3f}"])
    print(f"{len(rows)} timeline17 articles, {words:.0f} words on average\n")
    print(table(["pass", "seconds", "× spaCy"], table_rows))


if __name__ == "__main__":
    main()
