"""Editors' notes in brackets run into a text: a live page's update stamps and a wire's notes.

A live page stamps each entry — "(Update 2:04 p.m. Cairo, 7:04 a.m. ET)", "(Updated 7:40 p.m.
(0240 in Egypt))", "(Posted at 11:06 a.m. ET, 6:06 p.m. local time)" — and a wire heads a new
version of a story with what changed: "(Updates with details on second case)", "(Corrects
first paragraph …)". Neither belongs to the sentence before or after it, and a flattened page
leaves them in mid-line, where a sentence splitter cuts them at their "a.m." and fuses the rest
with the next entry ("ET) Protesters gathered …"). Found here, each is one piece of its own.
"""

from __future__ import annotations

import re

# A stamp is known by its clock time right after the word: "(Update 9:14 Cairo, 2:14 ET)",
# "(Update 9 p.m. ET)", "(Updated: 1:38 a.m. Monday, Libya; 6:38 p.m. Sunday ET):". One bracket
# may sit inside ("(0240 in Egypt)"); a colon after it belongs to it.
_LIVE_STAMP = (r"\((?i:last\s+)?(?i:update[sd]?|posted|edited)\s*:?\s*(?i:at\s+)?"
               r"\d{1,2}(?:[:.]\d\d)?(?![\d,])[^()\n]{0,80}?(?:\([^()\n]{1,30}\)[^()\n]{0,20}?)?\)")
# A wire's note opens with what the editor did, capitalised: "(Adds quotes, details)".
_WIRE_VERBS = ("Updates", "Corrects", "Adds", "Recasts", "Repeats", "Refiles", "Removes",
               "Changes", "Fixes", "Clarifies", "Rewrites", "Reissues", "Inserts", "Deletes",
               "Expands", "Combines", "Restores", "Writes through")
_WIRE_NOTE = rf"\((?:{'|'.join(_WIRE_VERBS)})\b[^()\n]{{1,150}}\)"
NOTE_RE = re.compile(rf"(?:{_LIVE_STAMP}|{_WIRE_NOTE})(?:\s*:)?")
LIVE_STAMP_RE = re.compile(_LIVE_STAMP)


def editorial_notes(text: str) -> list[tuple[int, int]]:
    """Character spans of the notes in ``text``, in order."""
    return [match.span() for match in NOTE_RE.finditer(text)]
