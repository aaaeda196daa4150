"""The story timeline drawn as a chart: dates on an axis, one lane per source.

Pure geometry (no markup): the template draws it as inline SVG, which needs no script and no
style attribute, so it works under the strict Content-Security-Policy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from storyline.models import TimelineEntry

WIDTH = 760
LABEL_WIDTH = 150  # left margin for lane names
MARGIN_RIGHT = 44  # room for the last date label
LANE_HEIGHT = 26
AXIS_HEIGHT = 34
MAX_LANES = 8
OTHER_SOURCES = "other sources"
TICKS = 5


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    entry: int  # index of the timeline entry it marks
    date: str
    source: str
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    axis_y: float
    left: float
    right: float
    lanes: list[tuple[str, float]]
    ticks: list[tuple[float, str]]
    points: list[Point]


def _day(value: str) -> date | None:
    """The first day of a timeline date (YYYY-MM-DD, YYYY-MM or YYYY)."""
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
        return date(numbers[0], *[*numbers[1:], 1, 1][:2])
    except (ValueError, IndexError):
        return None


def timeline_chart(entries: list[TimelineEntry], unnamed: dict[str, str]) -> Chart | None:
    """``unnamed`` names the source of an entry whose article has no outlet (by article id)."""
    dated = [(i, e, d) for i, e in enumerate(entries) if (d := _day(e.date)) is not None]
    if not dated:
        return None

    def sources(entry: TimelineEntry) -> list[str]:
        return entry.sources or [unnamed.get(entry.article_id, "unknown source")]

    counts = Counter(s for _, e, _ in dated for s in dict.fromkeys(sources(e)))
    ranked = [name for name, _ in counts.most_common()]
    shown = ranked if len(ranked) <= MAX_LANES else [*ranked[: MAX_LANES - 1], OTHER_SOURCES]
    lane_of = {name: (name if name in shown else OTHER_SOURCES) for name in ranked}
    lanes = [(name, 10 + LANE_HEIGHT * k + LANE_HEIGHT / 2) for k, name in enumerate(shown)]
    lane_y = dict(lanes)
    axis_y = 10 + LANE_HEIGHT * len(shown) + 6
    left, right = LABEL_WIDTH, WIDTH - MARGIN_RIGHT
    first = min(d for _, _, d in dated)
    span = (max(d for _, _, d in dated) - first).days

    def x_of(day: date) -> float:
        if span == 0:
            return (left + right) / 2
        return round(left + (right - left) * (day - first).days / span, 1)

    points, seen = [], set()
    for index, entry, day in dated:
        for source in sources(entry):
            lane = lane_of[source]
            if (index, lane) in seen:
                continue
            seen.add((index, lane))
            points.append(Point(x_of(day), lane_y[lane], index, entry.date, source, entry.text))
    if span == 0:
        ticks = [(x_of(first), first.isoformat())]
    else:
        steps = min(TICKS, span)
        days = sorted({first.toordinal() + round(span * k / steps) for k in range(steps + 1)})
        ticks = [(x_of(date.fromordinal(d)), date.fromordinal(d).isoformat()) for d in days]
    return Chart(WIDTH, int(axis_y + AXIS_HEIGHT), axis_y, left, right, lanes, ticks, points)
