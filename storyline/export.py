"""The export-v1 document (../design/export-v1.md) and its JSON, JSONL and CSV writers."""

from __future__ import annotations

import csv
import json
from typing import IO, Any

FORMAT = "storyline-export/1"

ARTICLE_COLUMNS = ["id", "story_id", "source", "external_id", "url", "title", "outlet",
                   "syndicated", "syndicated_from", "credits", "dateline", "published",
                   "published_source", "language", "duplicate_of", "entities", "quotes", "times",
                   "figures", "text"]
STORY_COLUMNS = ["id", "title", "articles", "outlets", "first_published", "last_published",
                 "developments", "timeline", "summary", "disagreements", "article_ids"]


def write_json(document: dict[str, Any], out: IO[str]) -> None:
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl(document: dict[str, Any], out: IO[str]) -> None:
    """One object per line: every article, then every story, each tagged with its type."""
    for kind, key in (("article", "articles"), ("story", "stories")):
        for item in document[key]:
            out.write(json.dumps({"type": kind, "format": FORMAT, **item}, ensure_ascii=False))
            out.write("\n")


def write_csv(document: dict[str, Any], out: IO[str], table: str = "articles") -> None:
    """A flat table for spreadsheets: one row per article (or per story); counts for lists."""
    writer = csv.writer(out)
    if table == "stories":
        writer.writerow(STORY_COLUMNS)
        for s in document["stories"]:
            writer.writerow([s["id"], s["title"], len(s["article_ids"]), "; ".join(s["outlets"]),
                             s["first_published"], s["last_published"], len(s["developments"]),
                             len(s["timeline"]), " ".join(x["text"] for x in s["summary"]),
                             len(s["disagreements"]), " ".join(s["article_ids"])])
        return
    writer.writerow(ARTICLE_COLUMNS)
    for a in document["articles"]:
        writer.writerow([
            a["id"], a["story_id"], a["source"], a["external_id"], a["url"], a["title"],
            a["outlet"], a["syndicated"], a["syndicated_from"], "; ".join(a["credits"]),
            a["dateline"], a["published"], a["published_source"], a["language"],
            a["duplicate_of"], len(a["entities"]), len(a["quotes"]), len(a["times"]),
            len(a["figures"]), a["text"],
        ])


WRITERS = {"json": write_json, "jsonl": write_jsonl}
