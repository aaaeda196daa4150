"""Coverage-guided fuzzing (atheris, libFuzzer) of every stage that reads untrusted input.

    python -m tests.fuzz.harness -runs=200000          # or -max_total_time=600; libFuzzer flags

Each input picks a stage and feeds it the rest of the bytes as text: the time grammar, the
quotation finder, text and HTML cleaning, and the HTML, feed and JSONL readers. A stage may
refuse input with a StorylineError that names it; any other exception is a crash, which
libFuzzer reports with the input that caused it (saved as crash-…) and a non-zero exit.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports(include=["storyline"]):
    from storyline.analyse.quotes import find_quote_spans
    from storyline.analyse.times.grammar import find_matches
    from storyline.clean import clean
    from storyline.errors import StorylineError
    from storyline.ingest.feeds import read_feed
    from storyline.ingest.readers import read_html, read_jsonl
    from storyline.models import RawDocument

STAGES = [
    find_matches,
    find_quote_spans,
    lambda text: clean(RawDocument("fuzz.txt", text, "text")),
    lambda text: clean(RawDocument("fuzz.html", text, "html")),
    lambda text: list(read_html("fuzz.html", text)),
    lambda text: list(read_feed("fuzz.xml", text)),
    lambda text: list(read_jsonl("fuzz.jsonl", text)),
]


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    stage = STAGES[provider.ConsumeIntInRange(0, len(STAGES) - 1)]
    text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    with contextlib.suppress(StorylineError):  # refused, naming the input: not a crash
        stage(text)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
