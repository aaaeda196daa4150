"""The timeline chart's geometry: dates along the axis, one lane per source."""

from __future__ import annotations

from storyline.models import TimelineEntry
from storyline.web.chart import MAX_LANES, OTHER_SOURCES, timeline_chart


def entry(day: str, *sources: str, article: str = "a1") -> TimelineEntry:
    return TimelineEntry(day, f"Something happened on {day}.", article, 0, 10, list(sources),
                         [article])


def test_points_sit_on_their_dates_and_lanes():
    chart = timeline_chart([entry("2024-03-01", "Reuters"), entry("2024-03-11", "AP", "Reuters"),
                            entry("2024-03-21", "AP")], {})
    by = {(p.date, p.source): p for p in chart.points}
    first, middle, last = (by[("2024-03-01", "Reuters")], by[("2024-03-11", "AP")],
                           by[("2024-03-21", "AP")])
    assert first.x == chart.left and last.x == chart.right
    assert middle.x == (chart.left + chart.right) / 2  # ten days of twenty
    assert by[("2024-03-11", "Reuters")].x == middle.x
    lanes = dict(chart.lanes)
    assert middle.y == lanes["AP"] != lanes["Reuters"] == first.y
    assert chart.ticks[0][1] == "2024-03-01"
    assert chart.ticks[-1][1] == "2024-03-21"
    assert all(chart.left <= x <= chart.right for x, _ in chart.ticks)
    assert chart.axis_y > max(y for _, y in chart.lanes)


def test_month_dates_one_day_and_unnamed_sources():
    chart = timeline_chart([entry("2024-05", article="x"), entry("2024", "AP")],
                           {"x": "report.txt"})
    assert {p.source for p in chart.points} == {"report.txt", "AP"}
    assert {p.date for p in chart.points} == {"2024-05", "2024"}
    single = timeline_chart([entry("2024-05-02", "AP")], {})
    assert single.points[0].x == (single.left + single.right) / 2
    assert single.ticks == [(single.points[0].x, "2024-05-02")]
    assert timeline_chart([entry("sometime", "AP")], {}) is None


def test_many_sources_share_an_overflow_lane():
    outlets = [f"Outlet {k}" for k in range(MAX_LANES + 4)]
    chart = timeline_chart([entry(f"2024-01-{k + 1:02d}", name)
                            for k, name in enumerate(outlets)], {})
    assert len(chart.lanes) == MAX_LANES
    assert chart.lanes[-1][0] == OTHER_SOURCES
    assert len(chart.points) == len(outlets)  # every entry is still drawn
