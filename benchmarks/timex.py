"""Time expressions on TempEval-3 (Task A): extents and TIMEX3 values against the DCT.

    python benchmarks/timex.py [--misses] [--meantime DIR] [--esc DIR] [--timeml DIR]

Data: ../shared/eval/tempeval3 (see its PROVENANCE.md): the 20-document TE3-Platinum TEST set
and the 256 TBAQ-cleaned TRAINING documents (TimeBank 183, AQUAINT 73). Storyline's rules were
tuned on the training documents only; the test row is the result. Each document's text goes
through spaCy and ``storyline.analyse.times.normalise_times`` with the document's DCT.

Metric: TE3 Task A as in the official scorer: relaxed (any overlap) and strict (same span)
extent P/R/F1; value and type F1 count relaxed matches with the same attribute, over the system
and gold totals. Peer, in the same run: dateparser's ``search_dates`` (the date library that
ships with trafilatura's htmldate) anchored on the DCT, values at its day granularity.
Published TE3-Platinum figures (TempEval-3 paper, Table 3) are printed beside them.

``--meantime DIR`` adds a development row: the English MEANTIME corpus (NewsReader, 120
Wikinews articles of 2004-2013, CC BY 4.0; its CAT XML files, e.g. the
``data/meantime_newsreader_english_oct15/intra-doc_annotation`` folder of
github.com/qiangning/StructTempRel-EMNLP17). It is news of the test set's era, annotated to
NewsReader's TimeML guidelines, which mark more than TE3 does ("an exciting time"), so its
extent scores are lower; it settles value conventions the training documents leave open.

``--esc DIR`` adds a second development check: the Event StoryLine Corpus (ESC v1.5, the
``annotated_data/v1.5`` folder of github.com/tommasoc80/EventStoryLine, CC BY 3.0), ECB+ news of
2005-2013 whose dates and durations carry values. ESC marks only some sentences and takes
prepositions into its extents, so its table gives how many gold dates and durations are found
(any overlap) and how many with the same value, not precision.

``--timeml DIR`` also writes storyline's output for each TempEval-3 document as a TimeML file
(``DIR/<split>/<doc>.tml``) that the official TE3 scorer reads beside the gold files; it gives
the figures this script prints (benchmarks/RESULTS.md).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import shared_dir, table
from dateparser.search import search_dates

from storyline.analyse.nlp import load_nlp
from storyline.analyse.times import normalise_times
from storyline.evaluation.timex import (
    TimexDocument,
    TimexScore,
    load_esc,
    load_meantime,
    load_raw_timeml,
    load_tempeval,
    timeml_with,
)
from storyline.models import TimeExpression

SPLITS = [("TE3-Platinum test", {"te3-platinum-test"}),
          ("TBAQ train: TimeBank", {"tbaq-timebank"}),
          ("TBAQ train: AQUAINT", {"tbaq-aquaint"})]
PUBLISHED = [  # relaxed F1, strict F1, value F1 on TE3-Platinum (PROVENANCE.md)
    ("HeidelTime-t (published, best value F1)", 0.9030, 0.8134, 0.7761),
    ("NavyTime (published)", 0.9032, 0.7957, 0.7097),
    ("SUTime (published)", 0.9032, 0.7957, 0.6738),
    ("ClearTK (published, best strict F1)", 0.9023, 0.8271, 0.6466),
]


def storyline_times(docs: list[TimexDocument]) -> dict[str, list[TimeExpression]]:
    nlp = load_nlp()
    texts = [d.text for d in docs]
    return {d.id: normalise_times(d.text, d.publication_date, doc)
            for d, doc in zip(docs, nlp.pipe(texts, batch_size=16), strict=True)}


def dateparser_times(docs: list[TimexDocument]) -> dict[str, list[TimeExpression]]:
    out = {}
    for d in docs:
        base = datetime.combine(d.publication_date, datetime.min.time())
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                    "RETURN_AS_TIMEZONE_AWARE": False}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(d.text, languages=["en"], settings=settings) or []
        times, cursor = [], 0
        for phrase, when in found:
            start = d.text.find(phrase, cursor)
            if start < 0:
                continue
            cursor = start + len(phrase)
            times.append(TimeExpression(phrase, when.date().isoformat(), "DATE", start,
                                        cursor))
        out[d.id] = times
    return out


def score(docs: list[TimexDocument], predicted: dict[str, list[TimeExpression]]) -> TimexScore:
    result = TimexScore()
    for d in docs:
        result.add(d.id, d.timexes, predicted[d.id])
    return result


def found_row(name: str, docs: list[TimexDocument],
              predicted: dict[str, list[TimeExpression]]) -> list[object]:
    """Gold expressions found (any overlap) and found with their value; the system's other
    expressions are not judged."""
    result = TimexScore()
    for d in docs:
        result.add(d.id, d.timexes, [s for s in predicted[d.id]
                                     if any(s.start < g.end and g.start < s.end
                                            for g in d.timexes)])
    return [name, result.gold, result.relaxed, result.value,
            f"{result.measure('relaxed').recall:.3f}", f"{result.measure('value').recall:.3f}"]


def row(name: str, s: TimexScore) -> list[object]:
    relaxed, strict = s.measure("relaxed"), s.measure("strict")
    return [name, s.gold, s.system, f"{relaxed.precision:.3f}", f"{relaxed.recall:.3f}",
            f"{relaxed.f1:.3f}", f"{strict.f1:.3f}", f"{s.measure('value').f1:.3f}",
            f"{s.measure('type').f1:.3f}"]


def development_set(name: str, option: str,
                    loader: Callable[[Path], tuple[list[TimexDocument], list[str]]],
                    directory: Path) -> list[TimexDocument]:
    """The articles of a development corpus read from a local copy, saying which were left
    out; stops with a clear message where the folder holds none."""
    docs, skipped = loader(directory)
    if not docs:
        sys.exit(f"{option} {directory}: no {name} CAT XML articles found there")
    if skipped:
        print(f"{name}: {len(skipped)} article(s) left out, their DCT is no ISO date: "
              + ", ".join(skipped))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true",
                        help="list the training expressions storyline misses")
    parser.add_argument("--meantime", type=Path, metavar="DIR",
                        help="also score the MEANTIME English CAT XML files under DIR")
    parser.add_argument("--esc", type=Path, metavar="DIR",
                        help="also check the ESC v1.5 CAT XML files under DIR")
    parser.add_argument("--timeml", type=Path, metavar="DIR",
                        help="also write storyline's TE3 output as TimeML files under "
                             "DIR/<split>/, for the official TE3 scorer")
    args = parser.parse_args()
    tempeval = shared_dir() / "eval" / "tempeval3"
    docs = load_tempeval(tempeval / "tempeval3_timex.jsonl")
    splits = list(SPLITS)
    if args.meantime is not None:
        docs += development_set("MEANTIME", "--meantime", load_meantime, args.meantime)
        splits.append(("MEANTIME English, dev", {"meantime"}))
    esc = development_set("ESC", "--esc", load_esc, args.esc) if args.esc is not None else []
    raw = load_raw_timeml(tempeval / "raw_timeml.tar.gz") if args.timeml is not None else {}
    rows = []
    for label, names in splits:
        part = [d for d in docs if d.split in names]
        began = time.perf_counter()
        predicted = storyline_times(part)
        ours = score(part, predicted)
        seconds = time.perf_counter() - began
        for d in part:
            if d.id in raw:
                out = args.timeml / d.split / f"{d.id}.tml"
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(timeml_with(raw[d.id], predicted[d.id]), encoding="utf-8")
        rows.append(row(f"storyline — {label} ({len(part)} docs, {seconds:.0f} s)", ours))
        rows.append(row(f"dateparser search_dates — {label}",
                        score(part, dateparser_times(part))))
        if args.misses and "train" in label:
            for doc_id, g in ours.misses:
                print(f"miss {doc_id}: {g.text!r} {g.value}")
    for name, relaxed, strict, value in PUBLISHED:
        rows.append([name, 138, "", "", "", f"{relaxed:.3f}", f"{strict:.3f}", f"{value:.3f}",
                     ""])
    print(table(["system — split", "gold", "sys", "relaxed P", "relaxed R", "relaxed F1",
                 "strict F1", "value F1", "type F1"], rows))
    if esc:
        found = [found_row(f"storyline — ESC v1.5, dev ({len(esc)} docs)", esc,
                           storyline_times(esc)),
                 found_row("dateparser search_dates — ESC v1.5", esc, dateparser_times(esc))]
        print(table(["system — split", "gold dates and durations", "found", "same value",
                     "found / gold", "same value / gold"], found))


if __name__ == "__main__":
    main()
