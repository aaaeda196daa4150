"""Dates framed by the words before them: "the week of March 6", "the day after Christmas",
"the last week of February".

A date can be the point a phrase is told from: "a hearing the week of March 6" is that date's
week, "the day before Tuesday's vote" the Monday, and "the last week of February" the end of
the month. TIMEX3 marks the whole phrase as one expression, and so does this module: the frame
joins the expression and moves its value. "The night of Oct. 23" stays the day, as TimeBank's
annotators mark it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.analyse.times.resolve import week_of

_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_RE = re.compile(r"^\d{4}-\d{2}$")
_DAY_FRAME_RE = re.compile(r"\bthe\s+(?:(?P<week>week)\s+of|day\s+(?P<way>before|after))\s+\Z",
                           re.I)
_MONTH_FRAME_RE = re.compile(r"\bthe\s+(?P<edge>first|opening|last|final|closing)\s+"
                             r"(?:week|days)\s+of\s+\Z", re.I)
_EDGES = {"first": "START", "opening": "START", "last": "END", "final": "END",
          "closing": "END"}
Framed = tuple[int, str, str, str | None]  # start, value, type, mod


def framed(text: str, lead: int, value: str | None) -> Framed | None:
    """(new start, value, type, mod) of a date told from the frame that ends at ``lead``, or
    None where no frame stands right before it or the value is not of the frame's kind."""
    window = max(0, lead - 30)
    if _MONTH_RE.match(value or ""):
        edge = _MONTH_FRAME_RE.search(text, window, lead)
        if edge is None:
            return None
        return edge.start(), value, "DATE", _EDGES[edge.group("edge").lower()]
    day = _DAY_RE.match(value or "")
    frame = _DAY_FRAME_RE.search(text, window, lead)
    if day is None or frame is None:
        return None
    when = date(*(int(part) for part in day.groups()))
    if frame.group("week"):  # a week named by a Sunday starts on it ("the week of March 6")
        return frame.start(), week_of(when + timedelta(days=when.weekday() == 6)), "DATE", None
    shift = 1 if frame.group("way").lower() == "after" else -1
    return frame.start(), (when + timedelta(days=shift)).isoformat(), "DATE", None
