"""Article variants with their analyses carried over, for benchmarks that need many articles.

Running spaCy over tens of thousands of bodies would take hours and measure nothing those
benchmarks are about: a variant keeps a random half of the sentences of real analysed
articles, and the entities, quotes, times and figures inside a kept sentence keep their meaning.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import replace

from storyline.analyse.analyser import Analysis
from storyline.evaluation import T17Article
from storyline.models import RawDocument

KEEP = 0.5


def shifted(items: Iterable, start: int, end: int, delta: int) -> list:
    """Annotations wholly inside [start, end), moved by ``delta``."""
    out = []
    for item in items:
        if start <= item.start and item.end <= end:
            moved = replace(item, start=item.start + delta, end=item.end + delta)
            speaker_start = getattr(item, "speaker_start", None)
            if speaker_start is not None:
                inside = start <= speaker_start and item.speaker_end <= end
                moved = replace(moved, speaker_start=speaker_start + delta if inside else None,
                                speaker_end=item.speaker_end + delta if inside else None,
                                speaker=item.speaker if inside else None)
            out.append(moved)
    return out


def variant(parts: list[tuple[str, Analysis]], rng: random.Random) -> tuple[str, Analysis]:
    """A random half of each base's sentences, one paragraph per base, analyses carried over."""
    text, merged = "", Analysis()
    for base_text, analysis in parts:
        kept = [s for s in analysis.sentences if rng.random() < KEEP] or analysis.sentences[:2]
        if text:
            text += "\n"
        for i, (start, end) in enumerate(kept):
            if i:
                text += " "
            delta = len(text) - start
            text += base_text[start:end]
            merged.sentences.append((start + delta, end + delta))
            for name in ("entities", "quotes", "times", "figures"):
                getattr(merged, name).extend(shifted(getattr(analysis, name), start, end, delta))
    return text, merged


def t17_document(index: int, text: str, row: T17Article, published: str) -> RawDocument:
    """A Timeline17 text as a document of a site of its own (no two share page chrome), titled
    by its first sentence."""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    title = first if len(first) <= 90 else first[:88].rsplit(" ", 1)[0] + " …"
    return RawDocument(source=f"t17/{row.collection}/{index}", content=text, kind="text",
                       url=f"https://site{index}.example.org/{row.collection}/{index}",
                       title=title, outlet=row.outlet, published=published, title_line=False)
