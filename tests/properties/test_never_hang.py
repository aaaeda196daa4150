"""Hostile input never hangs a stage: inputs built to make regular expressions backtrack (a
long line with no space, opening quotation marks never closed, endless digits) go through
time expressions, quotations and cleaning in linear time and bounded memory.

The bounds are a watchdog, not a speed measurement: a linear pass over these 100 KB takes well
under a second here, and the quadratic ones this test caught took a minute.
"""

from __future__ import annotations

import time
import tracemalloc

import pytest

from storyline.analyse.quotes import find_quote_spans
from storyline.analyse.times.grammar import find_matches
from storyline.clean import clean
from storyline.models import RawDocument

SIZE = 100_000
SECONDS = 10.0
PEAK_MB = 400

HOSTILE = {
    "digits": "1" * SIZE,
    "spaced digits": "1 " * (SIZE // 2),
    "one long word": "a" * SIZE,
    "straight quotes": '"' * SIZE,
    "unclosed curly quotes": "“a" * (SIZE // 2),
    "unclosed guillemets": "«a" * (SIZE // 2),
    "at signs": "a@" * (SIZE // 2),
    "dates": "Monday, March 3, 2021 " * (SIZE // 22),
    "number words": "twenty-one thousand " * (SIZE // 20),
    "punctuation": ".,;:!?" * (SIZE // 6),
    "blank lines": "\n" * SIZE,
}
STAGES = {
    "time expressions": find_matches,
    "quotations": find_quote_spans,
    "cleaning": lambda text: clean(RawDocument("hostile.txt", text, "text")),
}


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_is_read_in_bounded_time_and_memory(stage, name):
    tracemalloc.start()
    began = time.perf_counter()
    try:
        STAGES[stage](HOSTILE[name])
        seconds = time.perf_counter() - began
        peak = tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()
    assert seconds < SECONDS, f"{stage} took {seconds:.1f} s on {name}"
    assert peak < PEAK_MB, f"{stage} held {peak:.0f} MB on {name}"
