"""Article-body extraction on the Zyte benchmark: HTML mode and flattened-text mode.

    python benchmarks/extraction.py

Data: ../shared/eval/article-extraction (181 pages with hand-annotated bodies; see its
PROVENANCE.md). Metric: the benchmark's own, re-implemented in storyline.evaluation
(4-gram shingle precision / recall averaged over pages, F1 of the means).

HTML mode: bare trafilatura (``trafilatura.extract`` with its defaults, as the benchmark runs
it) and storyline in the same run: the extractor alone (``clean.html.extract_html``) and the
full cleaning step (``clean.clean``, which also lifts the dateline out of the body).
Text mode: the input is the page's whole text with all its chrome (html-text's output in the
benchmark's reference outputs); storyline's line classifier must find the body in it.

Our post-cleaning rules were tuned on the dev pages only (ids starting with an even hex digit);
the table reports test, dev and all.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import trafilatura
from common import shared_dir, table

from storyline.clean import clean
from storyline.clean.html import extract_html
from storyline.clean.language import detect_language
from storyline.evaluation import ExtractionPage, extraction_score, load_extraction_set
from storyline.models import RawDocument

PUBLISHED = [  # F1 / P / R on all 181 pages, from the benchmark's README (PROVENANCE.md)
    ("rs_trafilatura 9261e08 (published)", 0.970, 0.951, 0.990),
    ("trafilatura 2.0.0 (published)", 0.958, 0.938, 0.978),
    ("html-text, page as is (published)", 0.665, 0.500, 0.994),
]


def run(pages: list[ExtractionPage], system: Callable[[ExtractionPage], str]
        ) -> tuple[dict[str, str], float]:
    out = {}
    start = time.perf_counter()
    for page in pages:
        try:
            out[page.id] = system(page)
        except Exception:  # a page a system cannot read scores zero
            out[page.id] = ""
    return out, time.perf_counter() - start


def main() -> None:
    pages = load_extraction_set(shared_dir() / "eval" / "article-extraction")
    detect_language("Load the language model once, outside the timings.")
    systems: list[tuple[str, str, Callable[[ExtractionPage], str]]] = [
        ("HTML", f"trafilatura {trafilatura.__version__} (bare)",
         lambda p: trafilatura.extract(p.html) or ""),
        ("HTML", "storyline extractor", lambda p: extract_html(p.html, p.id).text),
        ("HTML", "storyline clean (extractor + dateline)",
         lambda p: clean(RawDocument(p.id, p.html, "html")).text),
        ("text", "page text as is", lambda p: p.page_text),
        ("text", "storyline clean (text mode)",
         lambda p: clean(RawDocument(p.id, p.page_text, "text")).text),
    ]
    rows = []
    bare_seconds = None
    for mode, name, system in systems:
        predicted, seconds = run(pages, system)
        if bare_seconds is None:
            bare_seconds = seconds
        cells = [mode, name]
        for split in ("test", "dev", "all"):
            chosen = [p for p in pages if split == "all" or p.split == split]
            score = extraction_score(predicted, {p.id: p.truth for p in chosen})
            cells.append(f"{score.f1:.3f}" if split != "all" else
                         f"{score.f1:.4f} / {score.precision:.3f} / {score.recall:.3f}")
        cost = f"{seconds / bare_seconds:.2f}×" if mode == "HTML" else "—"
        speed = f"{len(pages) / seconds:.1f}" if name != "page text as is" else "—"
        rows.append([*cells, speed, cost])
        print(f"  {name}: {seconds:.1f} s", file=sys.stderr)
    for name, f1, p, r in PUBLISHED:
        rows.append(["ref", name, "—", "—", f"{f1:.3f} / {p:.3f} / {r:.3f}", "—", "—"])
    n_test = sum(p.split == "test" for p in pages)
    print(f"Zyte article-extraction benchmark: {len(pages)} pages ({n_test} test, "
          f"{len(pages) - n_test} dev)")
    print(table(["mode", "system", "F1 test", "F1 dev", "F1 / P / R all", "pages/s",
                 "cost vs bare"], rows))


if __name__ == "__main__":
    main()
